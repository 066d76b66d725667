package translate_test

// These tests drive the tools translators use on what tsdraft exports, and import what the
// tools write back: OmegaT 3.6 (console mode, on a project made by export --profile omegat),
// translate-toolkit (xliff2po, po2xliff, pofilter, pocount) and gettext (msgfmt, msgattrib).
// Without a tool they skip, unless TSDRAFT_REQUIRE_TOOLS or CI is set: .ci/run installs them
// all, and there a missing tool is a failure.

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/tsdraft/tsdraft/internal/catalog"
	"github.com/tsdraft/tsdraft/internal/testsupport"
)

// tool runs a command in dir and returns its standard output; a failure fails the test.
func tool(t *testing.T, dir string, env []string, name string, args ...string) string {
	t.Helper()
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	cmd.Env = env
	out, err := cmd.Output()
	if err != nil {
		stderr := ""
		if ee, ok := err.(*exec.ExitError); ok {
			stderr = string(ee.Stderr)
		}
		t.Fatalf("%s %s: %v\n%s\n%s", name, strings.Join(args, " "), err, out, stderr)
	}
	return string(out)
}

const (
	toolA    = "本契約は{{ company.name }}が締結する。期間は5年とする。"
	toolAOld = "本契約は{{ company.name }}が締結する。期間は3年とする。"
	toolB    = "秘密情報を{{#if draft}}草案{{else}}正本{{/if}}として扱う。"
	toolC    = "第2条第6項による。"
	toolD    = "第一に、秘密を守る。\n{{#if draft}}第二に、草案を確認する。{{/if}}"
	toolX    = "ベトナム法による。"
	viA      = "Hợp đồng này do {{ company.name }} ký kết. Thời hạn là 5 năm."
	viB      = "Thông tin bí mật được xử lý là {{#if draft}}bản nháp{{else}}bản chính{{/if}}."
	viC      = "Theo khoản 6 Điều 2."
	viD      = "Thứ nhất, giữ bí mật.\n{{#if draft}}Thứ hai, kiểm tra bản nháp.{{/if}}"
	viX      = "Theo pháp luật Việt Nam."
)

// toolTree: for vi, common.a is stale (its old master recorded), b and d current (d written
// as a ”' string), c and VN/law.x missing.
func toolTree() map[string]string {
	h := catalog.SourceHash
	return map[string]string{
		"loc/ja/common.toml":   "[a]\ntext = \"" + toolA + "\"\nnote = \"Opening line.\"\n\n[b]\ntext = \"" + toolB + "\"\n\n[c]\ntext = \"" + toolC + "\"\n\n[d]\ntext = \"\"\"\n" + toolD + "\"\"\"\n",
		"loc/ja/VN/law.toml":   "[x]\ntext = \"" + toolX + "\"\n",
		"loc/ja/.history.toml": h(toolAOld) + " = \"" + toolAOld + "\"\n",
		"loc/vi/common.toml": "# Vietnamese\n[a]\ntext = '''" + viA + "'''\nsource = \"" + h(toolAOld) + "\"\n\n[b]\ntext = \"" + viB + "\"\nsource = \"" + h(toolB) + "\"\n\n" +
			"[d]\ntext = '''\n" + viD + "'''\nsource = \"" + h(toolD) + "\"\n",
	}
}

// viStatus returns the vi row of locale status.
func viStatus(t *testing.T, dir string) string {
	t.Helper()
	r := run(t, dir, "locale", "status", "--locales", "loc", "--no-embedded")
	for _, l := range strings.Split(r.stdout, "\n") {
		if strings.HasPrefix(l, "vi ") {
			return strings.Join(strings.Fields(l), " ")
		}
	}
	t.Fatalf("no vi row in:\n%s", r.stdout)
	return ""
}

func TestOmegaTRoundTrip(t *testing.T) {
	testsupport.NeedTools(t, "omegat")
	dir := t.TempDir()
	write(t, dir, toolTree())
	env := append(os.Environ(), "HOME="+t.TempDir()) // OmegaT writes its settings there
	r := run(t, dir, "locale", "export", "--locales", "loc", "--no-embedded", "--lang", "vi", "--profile", "omegat", "-o", "proj")
	if r.code != 0 || !strings.Contains(r.stderr, "tsdraft locale import proj/target/vi.xlf --locales loc --no-embedded") {
		t.Fatalf("export: exit %d\n%s", r.code, r.stderr)
	}
	proj := filepath.Join(dir, "proj")

	// What OmegaT offers for translation: every unit, the missing ones included, each as
	// its Japanese master (tags as OmegaT's shortcuts).
	tool(t, dir, env, "omegat", "--mode=console-createpseudotranslatetmx", proj, "--pseudotranslatetmx="+filepath.Join(dir, "segs.tmx"), "--pseudotranslatetype=equal")
	data, err := os.ReadFile(filepath.Join(dir, "segs.tmx"))
	if err != nil {
		t.Fatal(err)
	}
	var segs []string
	for _, m := range regexp.MustCompile(`(?s)<tuv lang="ja">\s*<seg>(.*?)</seg>`).FindAllStringSubmatch(string(data), -1) {
		segs = append(segs, m[1])
	}
	slices.Sort(segs)
	want := []string{
		"本契約は&lt;c0/&gt;が締結する。期間は5年とする。",
		"秘密情報を&lt;i0&gt;草案&lt;e1/&gt;正本&lt;/i0&gt;として扱う。",
		"第2条第6項による。",
		"第一に、秘密を守る。\n&lt;i0&gt;第二に、草案を確認する。&lt;/i0&gt;",
		"ベトナム法による。",
	}
	slices.Sort(want)
	if !slices.Equal(segs, want) {
		t.Fatalf("OmegaT's segments:\n%q\nwant:\n%q", segs, want)
	}

	// The translator's work as OmegaT keeps it (omegat/project_save.tmx): the stale a taken
	// over unchanged from its match, c translated; VN/law.x left untranslated. b and d come
	// from tm/auto, as OmegaT inserts current translations.
	save := `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE tmx SYSTEM "tmx11.dtd">
<tmx version="1.1">
  <header creationtool="OmegaT" o-tmf="OmegaT TMX" adminlang="EN-US" datatype="plaintext" creationtoolversion="3.6.0_10" segtype="paragraph" srclang="ja"/>
  <body>
    <tu>
      <tuv lang="ja"><seg>本契約は&lt;c0/&gt;が締結する。期間は5年とする。</seg></tuv>
      <tuv lang="vi" changeid="t" changedate="20261205T080000Z"><seg>Hợp đồng này do &lt;c0/&gt; ký kết. Thời hạn là 5 năm.</seg></tuv>
    </tu>
    <tu>
      <tuv lang="ja"><seg>第2条第6項による。</seg></tuv>
      <tuv lang="vi" changeid="t" changedate="20261205T080000Z"><seg>` + viC + `</seg></tuv>
    </tu>
  </body>
</tmx>
`
	write(t, dir, map[string]string{"proj/omegat/project_save.tmx": save})
	tool(t, dir, env, "omegat", "--mode=console-translate", proj)

	r = run(t, dir, "locale", "import", "proj", "--locales", "loc", "--no-embedded")
	if r.code != 0 {
		t.Fatalf("import: exit %d\n%s\n%s", r.code, r.stdout, r.stderr)
	}
	if want := "import: 1 added, 0 updated, 1 confirmed, 2 unchanged, 1 skipped, 0 refused\n"; !strings.HasSuffix(r.stdout, want) {
		t.Errorf("import:\n%s\nwant …%s", r.stdout, want)
	}
	if !strings.Contains(r.stderr, "VN/law.x: skipped: target is a copy of the source, not translated") {
		t.Errorf("import stderr:\n%s", r.stderr)
	}
	if got, want := viStatus(t, dir), "vi 5 4 1 0 0 80%"; got != want {
		t.Errorf("status: %s, want %s", got, want)
	}
	got := snapshot(t, dir)["loc/vi/common.toml"]
	h := catalog.SourceHash
	wantFile := "# Vietnamese\n[a]\ntext = '''" + viA + "'''\nsource = \"" + h(toolA) + "\"\n\n[b]\ntext = \"" + viB + "\"\nsource = \"" + h(toolB) + "\"\n\n" +
		"[c]\ntext = \"" + viC + "\"\nsource = \"" + h(toolC) + "\"\n\n" +
		"[d]\ntext = '''\n" + viD + "'''\nsource = \"" + h(toolD) + "\"\n"
	if got != wantFile {
		t.Errorf("vi/common.toml:\n%s\nwant:\n%s", got, wantFile)
	}
}

// pocountLine returns pocount's CSV figures for a file: translated, fuzzy, untranslated.
func pocount(t *testing.T, dir, file string) string {
	t.Helper()
	out := tool(t, dir, nil, "pocount", "--csv", file)
	lines := strings.Split(strings.TrimSpace(out), "\n")
	f := strings.Split(lines[len(lines)-1], ",")
	if len(f) < 7 {
		t.Fatalf("pocount: %q", out)
	}
	return strings.TrimSpace(f[1]) + " translated, " + strings.TrimSpace(f[4]) + " fuzzy, " + strings.TrimSpace(f[6]) + " untranslated"
}

func TestTranslateToolkitRoundTrip(t *testing.T) {
	testsupport.NeedTools(t, "xliff2po", "po2xliff", "pofilter", "pocount")
	dir := t.TempDir()
	write(t, dir, toolTree())
	if r := run(t, dir, "locale", "export", "--locales", "loc", "--no-embedded", "--lang", "vi", "-o", "vi.xlf"); r.code != 0 {
		t.Fatalf("export: %s", r.stderr)
	}
	tool(t, dir, nil, "xliff2po", "vi.xlf", "vi.po")
	po := snapshot(t, dir)["vi.po"]
	// Current units are not fuzzy (approved="yes"), the stale one is; the notes arrive.
	if got := pocount(t, dir, "vi.po"); got != "2 translated, 1 fuzzy, 2 untranslated" {
		t.Errorf("pocount: %s", got)
	}
	for _, want := range []string{
		"#. common.a · general text, used in every jurisdiction\n#. Opening line.\n#. The master changed after this translation was made. The master it was translated from: " + toolAOld + "\n#: common.a\n#, fuzzy\n",
		"#. VN/law.x · used only in jurisdiction VN\n#: VN/law.x\n",
	} {
		if !strings.Contains(po, want) {
			t.Errorf("xliff2po output lacks %q:\n%s", want, po)
		}
	}

	// The translator confirms a, translates c (with a wrong number) and VN/law.x.
	po = strings.Replace(po, "#: common.a\n#, fuzzy\n", "#: common.a\n", 1)
	po = strings.Replace(po, "msgid \""+toolC+"\"\nmsgstr \"\"", "msgid \""+toolC+"\"\nmsgstr \"Theo khoản 7 Điều 2.\"", 1)
	po = strings.Replace(po, "msgid \""+toolX+"\"\nmsgstr \"\"", "msgid \""+toolX+"\"\nmsgstr \""+viX+"\"", 1)
	write(t, dir, map[string]string{"vi-done.po": po})
	// pofilter reads the file and finds the wrong number; import warns about it too.
	if out := tool(t, dir, nil, "pofilter", "-t", "numbers", "vi-done.po"); !strings.Contains(out, "Theo khoản 7 Điều 2.") || strings.Count(out, "msgid \"") != 2 {
		t.Errorf("pofilter -t numbers:\n%s", out)
	}
	// xliff2po writes no Language: header, so the language is given.
	r := run(t, dir, "locale", "import", "vi-done.po", "--lang", "vi", "--locales", "loc", "--no-embedded")
	if r.code != 0 || !strings.HasSuffix(r.stdout, "import: 2 added, 0 updated, 1 confirmed, 2 unchanged, 0 skipped, 0 refused\n") {
		t.Errorf("import of the PO: exit %d\n%s\n%s", r.code, r.stdout, r.stderr)
	}
	if !strings.Contains(r.stderr, "common.c: number(s) of the master missing: 6") {
		t.Errorf("import stderr lacks the numbers warning:\n%s", r.stderr)
	}
	if got, want := viStatus(t, dir), "vi 5 5 0 0 0 100%"; got != want {
		t.Errorf("status: %s, want %s", got, want)
	}

	// po2xliff -t appends a <file> instead of merging: refused, every unit counted.
	tool(t, dir, nil, "po2xliff", "-t", "vi.xlf", "vi-done.po", "back.xlf")
	r = run(t, dir, "locale", "import", "back.xlf", "--locales", "loc", "--no-embedded", "--dry-run")
	if r.code != 1 || !strings.Contains(r.stderr, "was added by po2xliff") || !strings.Contains(r.stderr, "tsdraft locale import vi-done.po") ||
		!strings.HasSuffix(r.stdout, ", 6 refused\n") {
		t.Errorf("import of po2xliff's output: exit %d\n%s\n%s", r.code, r.stdout, r.stderr)
	}
}

func TestPORoundTrip(t *testing.T) {
	testsupport.NeedTools(t, "msgfmt", "msgattrib", "pocount")
	dir := t.TempDir()
	write(t, dir, toolTree())
	if r := run(t, dir, "locale", "export", "--locales", "loc", "--no-embedded", "--lang", "vi", "--format", "po", "-o", "vi.po"); r.code != 0 {
		t.Fatalf("export: %s", r.stderr)
	}
	po := snapshot(t, dir)["vi.po"]
	for _, want := range []string{
		"#. common.a · general text, used in every jurisdiction\n#. Opening line.\n#. The master changed after this translation was made. The master it was translated from: " + toolAOld + "\n" +
			"#: ja/common.toml:1\n#, fuzzy\n#| msgid \"" + toolAOld + "\"\nmsgctxt \"common.a\"\nmsgid \"" + toolA + "\"\nmsgstr \"" + viA + "\"\n",
		"msgctxt \"common.d\"\nmsgid \"\"\n\"第一に、秘密を守る。\\n\"\n\"{{#if draft}}第二に、草案を確認する。{{/if}}\"\nmsgstr \"\"\n\"Thứ nhất, giữ bí mật.\\n\"\n",
		"msgctxt \"VN/law.x\"\nmsgid \"" + toolX + "\"\nmsgstr \"\"\n",
	} {
		if !strings.Contains(po, want) {
			t.Errorf("PO lacks %q:\n%s", want, po)
		}
	}
	// gettext accepts it as it is and counts it as status does.
	cmd := exec.Command("msgfmt", "-c", "--statistics", "-o", os.DevNull, "vi.po")
	cmd.Dir = dir
	out, err := cmd.CombinedOutput()
	if err != nil || !strings.Contains(string(out), "2 translated messages, 1 fuzzy translation, 2 untranslated messages.") {
		t.Errorf("msgfmt -c: %v\n%s", err, out)
	}
	if got := pocount(t, dir, "vi.po"); got != "2 translated, 1 fuzzy, 2 untranslated" {
		t.Errorf("pocount: %s", got)
	}

	// The reviewer confirms the stale entry (clears fuzzy, as Poedit does) and translates c
	// with a tag of her own typing, which import refuses; VN/law.x stays empty.
	tool(t, dir, nil, "msgattrib", "--clear-fuzzy", "--clear-previous", "-o", "vi-done.po", "vi.po")
	done := snapshot(t, dir)["vi-done.po"]
	done = strings.Replace(done, "msgid \""+toolC+"\"\nmsgstr \"\"", "msgid \""+toolC+"\"\nmsgstr \"Theo {{ article }} khoản 6 Điều 2.\"", 1)
	write(t, dir, map[string]string{"vi-done.po": done})
	r := run(t, dir, "locale", "import", "vi-done.po", "--locales", "loc", "--no-embedded")
	if r.code != 1 || !strings.Contains(r.stderr, "vi-done.po:") || !strings.Contains(r.stderr, "common.c: tags differ from the source: not in the master {{ article }}") ||
		!strings.HasSuffix(r.stdout, "import: 0 added, 0 updated, 1 confirmed, 2 unchanged, 1 skipped, 1 refused\n") {
		t.Errorf("import: exit %d\n%s\n%s", r.code, r.stdout, r.stderr)
	}
	if got, want := viStatus(t, dir), "vi 5 3 2 0 0 60%"; got != want {
		t.Errorf("status: %s, want %s", got, want)
	}
	// An unchanged export imports as no change at all.
	before := snapshot(t, dir)
	run(t, dir, "locale", "export", "--locales", "loc", "--no-embedded", "--lang", "vi", "--format", "po", "-o", "again.po")
	r = run(t, dir, "locale", "import", "again.po", "--locales", "loc", "--no-embedded")
	after := snapshot(t, dir)
	delete(after, "again.po")
	if r.code != 0 || len(after) != len(before) || after["loc/vi/common.toml"] != before["loc/vi/common.toml"] || after["loc/ja/.history.toml"] != before["loc/ja/.history.toml"] {
		t.Errorf("unchanged round trip changed files: %s %s", r.stdout, r.stderr)
	}
}

// TestPOMsgmerge: a translator's PO file in progress is brought up to a new export with
// msgmerge, as gettext projects do; an entry whose master changed meanwhile comes out fuzzy
// with the master it was translated from, and import leaves it for review.
func TestPOMsgmerge(t *testing.T) {
	testsupport.NeedTools(t, "msgmerge")
	dir := t.TempDir()
	write(t, dir, toolTree())
	if r := run(t, dir, "locale", "export", "--locales", "loc", "--no-embedded", "--lang", "vi", "--format", "po", "-o", "old.po"); r.code != 0 {
		t.Fatalf("export: %s", r.stderr)
	}
	work := strings.Replace(snapshot(t, dir)["old.po"], "msgid \""+toolC+"\"\nmsgstr \"\"", "msgid \""+toolC+"\"\nmsgstr \""+viC+"\"", 1)
	write(t, dir, map[string]string{"work.po": work})
	// Meanwhile the master of c changes (a different article) and a new export is made.
	const newC = "第3条第6項による。"
	master := strings.Replace(snapshot(t, dir)["loc/ja/common.toml"], toolC, newC, 1)
	write(t, dir, map[string]string{"loc/ja/common.toml": master})
	if r := run(t, dir, "locale", "export", "--locales", "loc", "--no-embedded", "--lang", "vi", "--format", "po", "-o", "new.po"); r.code != 0 {
		t.Fatalf("export: %s", r.stderr)
	}
	tool(t, dir, nil, "msgmerge", "--quiet", "--previous", "-o", "merged.po", "work.po", "new.po")
	merged := snapshot(t, dir)["merged.po"]
	if want := "#, fuzzy\n#| msgctxt \"common.c\"\n#| msgid \"" + toolC + "\"\nmsgctxt \"common.c\"\nmsgid \"" + newC + "\"\nmsgstr \"" + viC + "\"\n"; !strings.Contains(merged, want) {
		t.Fatalf("merged PO lacks %q:\n%s", want, merged)
	}
	r := run(t, dir, "locale", "import", "merged.po", "--locales", "loc", "--no-embedded")
	if r.code != 0 || !strings.Contains(r.stderr, "common.c: skipped: still marked fuzzy") {
		t.Errorf("import: exit %d\n%s\n%s", r.code, r.stdout, r.stderr)
	}
}
