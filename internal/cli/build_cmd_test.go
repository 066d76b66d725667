package cli

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/tsdraft/tsdraft/internal/docx"
	"github.com/tsdraft/tsdraft/internal/testbin"
	"github.com/tsdraft/tsdraft/internal/testsupport"
	"github.com/tsdraft/tsdraft/internal/tplgen"
)

// tsdraftBin is the real binary, built once for the package's tests.
func tsdraftBin(t *testing.T) string { return testbin.Path(t) }

func initProfile(t *testing.T, dir, jur string) string {
	t.Helper()
	r := runIn(t, dir, "init", "--jurisdiction", jur, "-o", "p.toml")
	if r.code != 0 {
		t.Fatalf("init: %s", r.stderr)
	}
	return filepath.Join(dir, "p.toml")
}

func TestBuildWritesTheSetAndNeverOverwrites(t *testing.T) {
	dir := t.TempDir()
	initProfile(t, dir, "JP")
	r := runIn(t, dir, "build", "p.toml", "-o", "out")
	if r.code != 0 {
		t.Fatalf("build: %d %s", r.code, r.stderr)
	}
	got := dirEntries(t, filepath.Join(dir, "out"))
	sort.Strings(got)
	want := []string{"classification-guide.JP.ja+en.docx", "exit-pledge.JP.ja+en.docx", "labour-clause.JP.ja+en.docx",
		"nda-employee.JP.ja+en.docx", "nda-partner.JP.ja+en.docx", "noncompete.JP.ja+en.docx",
		"regulations.JP.ja+en.docx", "secret-register.JP.ja+en.docx"}
	if strings.Join(got, ",") != strings.Join(want, ",") {
		t.Fatalf("files: %v\nwant %v", got, want)
	}
	for _, f := range got {
		b, _ := os.ReadFile(filepath.Join(dir, "out", f))
		if err := docx.Verify(b); err != nil {
			t.Errorf("%s: %v", f, err)
		}
	}
	before, _ := os.ReadFile(filepath.Join(dir, "out", want[0]))
	os.WriteFile(filepath.Join(dir, "out", want[0]), []byte("mine"), 0o644)
	r = runIn(t, dir, "build", "p.toml", "-o", "out")
	if r.code != 1 || !strings.Contains(r.stderr, "exist already") || !strings.Contains(r.stderr, "--force") {
		t.Fatalf("second build should refuse: %d %q", r.code, r.stderr)
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "out", want[0])); string(b) != "mine" {
		t.Fatal("a file the user changed was overwritten without --force")
	}
	r = runIn(t, dir, "build", "p.toml", "-o", "out", "--force")
	if r.code != 0 {
		t.Fatalf("--force: %s", r.stderr)
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "out", want[0])); !bytes.Equal(b, before) {
		t.Fatal("the same inputs did not give the same bytes")
	}
}

func TestBuildRefusesBadInputAndWritesNothing(t *testing.T) {
	dir := t.TempDir()
	initProfile(t, dir, "CN")
	cases := []struct {
		args []string
		want string
	}{
		{[]string{"--set", "noncompete.months=36"}, "[CN-NC"},
		{[]string{"--set", `confidential.levels=[{id="L1",label="机密"}]`}, "state-secret"},
		{[]string{"--doc", "nda-everyone"}, `unknown document "nda-everyone"`},
		{[]string{"--lang", "fr"}, `unknown language "fr"`},
		{[]string{"--layout", "sideways"}, `unknown layout "sideways"`},
	}
	for _, c := range cases {
		args := append([]string{"build", "p.toml", "-o", "out"}, c.args...)
		r := runIn(t, dir, args...)
		if r.code != 1 || !strings.Contains(r.stderr, c.want) {
			t.Errorf("%v: exit %d, want 1 and %q in:\n%s", c.args, r.code, c.want, r.stderr)
		}
		if _, err := os.Stat(filepath.Join(dir, "out")); err == nil && len(dirEntries(t, filepath.Join(dir, "out"))) > 0 {
			t.Errorf("%v: files were written", c.args)
		}
	}
}

func TestBuildLayouts(t *testing.T) {
	dir := t.TempDir()
	initProfile(t, dir, "TH")
	r := runIn(t, dir, "build", "p.toml", "-o", "sep", "--doc", "exit-pledge", "--layout", "separate")
	if r.code != 0 {
		t.Fatal(r.stderr)
	}
	if got := strings.Join(dirEntries(t, filepath.Join(dir, "sep")), ","); got != "exit-pledge.TH.ja.docx,exit-pledge.TH.th.docx" {
		t.Errorf("separate: %s", got)
	}
	r = runIn(t, dir, "build", "p.toml", "-o", "cols", "--doc", "exit-pledge", "--layout", "columns", "--lang", "th,en")
	if r.code != 0 {
		t.Fatal(r.stderr)
	}
	text := testsupport.DocText(t, filepath.Join(dir, "cols", "exit-pledge.TH.th+en.docx"))
	if !strings.Contains(text, "| ") || !strings.Contains(text, "บริษัท") {
		t.Errorf("columns layout should be a table with Thai text:\n%.400s", text)
	}
}

func writeTemplate(t *testing.T, dir, name, src string) string {
	t.Helper()
	b, err := tplgen.Generate(name, "custom", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, b, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestRenderOwnTemplate(t *testing.T) {
	dir := t.TempDir()
	initProfile(t, dir, "JP")
	writeTemplate(t, dir, "letter.docx", "title: {{ company.name }}\np: Dear {{ vars.client }}, {{ date | date short }}\n{{#each employee.access}}\nli: {{ . }}\n{{/each}}\n")
	r := runIn(t, dir, "render", "letter.docx", "p.toml", "--set", `vars.client="Acme & Co."`, "--lang", "en", "-o", "out.docx")
	if r.code != 0 {
		t.Fatalf("render: %s", r.stderr)
	}
	text := testsupport.DocText(t, filepath.Join(dir, "out.docx"))
	if !strings.Contains(text, "Dear Acme & Co., 2026-") || !strings.Contains(text, "• ") {
		t.Errorf("render output:\n%s", text)
	}
	r = runIn(t, dir, "render", "letter.docx", "p.toml", "--set", `vars.client="x"`, "-o", "out.docx")
	if r.code != 1 || !strings.Contains(r.stderr, "--force") {
		t.Errorf("render must not overwrite: %d %s", r.code, r.stderr)
	}
	// A template that uses locale texts reads the catalogue; one that does not, never does.
	writeTemplate(t, dir, "texts.docx", "p: {{ t \"common.lang_th\" }} / {{ lang_name }}\n")
	r = runIn(t, dir, "render", "texts.docx", "p.toml", "--lang", "en", "-o", "texts-out.docx")
	if r.code != 0 || !strings.Contains(testsupport.DocText(t, filepath.Join(dir, "texts-out.docx")), "Thai / English") {
		t.Errorf("locale texts in a user's template: %d %s", r.code, r.stderr)
	}
	writeTemplate(t, dir, "bad.docx", "p: {{ vars.nope }} and {{ company.name | shout }}\n")
	r = runIn(t, dir, "render", "bad.docx", "p.toml", "-o", "bad-out.docx")
	if r.code != 1 || !strings.Contains(r.stderr, `word/document.xml: paragraph "{{ vars.nope }} and {{ company.name | shout }}": {{ company.name | shout }}: unknown filter "shout"`) {
		t.Errorf("bad template: %d %s", r.code, r.stderr)
	}
	if _, err := os.Stat(filepath.Join(dir, "bad-out.docx")); err == nil {
		t.Error("output written despite errors")
	}
}

func TestTemplateCheck(t *testing.T) {
	dir := t.TempDir()
	tdir := filepath.Join(dir, "tpl")
	os.Mkdir(tdir, 0o755)
	writeTemplate(t, tdir, "good.docx", "p: {{ company.name }}\n{{#if bilingual}}\np: x\n{{/if}}\n")
	writeTemplate(t, tdir, "bad.docx", "p: {{#each items}} open\np: {{/if}}\np: {{ x | nofilter }}\n")
	r := runIn(t, dir, "template", "check", "tpl")
	if r.code != 1 {
		t.Fatalf("want exit 1, got %d: %s", r.code, r.stdout)
	}
	for _, want := range []string{"word/document.xml\t{{ company.name }}", "word/header1.xml\t{{ doc.mark }}",
		`closes {{#each items}}, which needs {{/each}}`, `unknown filter "nofilter"`, "1 of 2 template(s) have errors"} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("missing %q in:\n%s", want, r.stdout)
		}
	}
	initProfile(t, dir, "JP")
	writeTemplate(t, dir, "paths.docx", "p: {{ vars.missing }}\n")
	r = runIn(t, dir, "template", "check", "paths.docx", "--profile", "p.toml")
	if r.code != 1 || !strings.Contains(r.stdout, "vars.missing: no such value") {
		t.Errorf("--profile should find unknown paths: %d %s", r.code, r.stdout)
	}
}

func TestListAndVersion(t *testing.T) {
	dir := t.TempDir()
	for args, want := range map[string]string{
		"list documents":     "secret-register",
		"list jurisdictions": "VN",
		"list languages":     "zh-CN",
		"version":            "tsdraft ",
		"--help":             "build",
		"completion bash":    "bash completion",
	} {
		r := runIn(t, dir, strings.Fields(args)...)
		if r.code != 0 || !strings.Contains(r.stdout, want) {
			t.Errorf("%s: %d %q", args, r.code, r.stdout)
		}
	}
	if r := runIn(t, dir, "list", "colours"); r.code != 1 {
		t.Errorf("unknown list should fail")
	}
}

func TestPDFWithoutLibreOfficeSaysHowToInstall(t *testing.T) {
	bin := tsdraftBin(t)
	dir := t.TempDir()
	initProfile(t, dir, "JP")
	cmd := exec.Command(bin, "build", "p.toml", "-o", "out", "--doc", "nda-employee", "--pdf")
	cmd.Dir = dir
	cmd.Env = []string{"PATH=" + t.TempDir(), "HOME=" + dir}
	out, err := cmd.CombinedOutput()
	if err == nil || !strings.Contains(string(out), "apt-get install libreoffice-writer-nogui") {
		if _, e := os.Stat("/Applications/LibreOffice.app"); e != nil {
			t.Errorf("want an install hint, got %v: %s", err, out)
		}
	}
}

// The README's first run works for every jurisdiction: init, check, build the whole set.
func TestInitCheckBuildEveryJurisdiction(t *testing.T) {
	for _, jur := range []string{"JP", "CN", "TH", "VN", "ID", "DE", "UK", "EU"} {
		dir := t.TempDir()
		initProfile(t, dir, jur)
		if r := runIn(t, dir, "check", "p.toml"); r.code != 0 {
			t.Errorf("%s: check: %s%s", jur, r.stdout, r.stderr)
			continue
		}
		r := runIn(t, dir, "build", "p.toml", "-o", "out")
		if r.code != 0 {
			t.Errorf("%s: build: %s", jur, r.stderr)
			continue
		}
		if n := len(dirEntries(t, filepath.Join(dir, "out"))); n != 8 {
			t.Errorf("%s: %d files, want 8", jur, n)
		}
	}
}

func TestMain(m *testing.M) { testbin.Main(m) }

// render reads the template and the profile at the same time; what the user hears is what
// they heard when the two ran in turn: a broken template's problems alone, then the
// profile's, and nothing written either way.
func TestRenderReportsTheTemplateBeforeTheProfile(t *testing.T) {
	dir := t.TempDir()
	prof := initProfile(t, dir, "JP")
	src, err := os.ReadFile(prof)
	if err != nil {
		t.Fatal(err)
	}
	broken := filepath.Join(dir, "broken.toml")
	if err := os.WriteFile(broken, append(src, []byte("\n[company]\nname = \"twice\"\n")...), 0o644); err != nil {
		t.Fatal(err)
	}
	good := writeTemplate(t, dir, "good.docx", "p: {{ company.name }}\n")
	bad := writeTemplate(t, dir, "bad.docx", "p: {{ company.name | shout }}\n")
	run := func(tmpl, profile string) (int, string) {
		var out, errw bytes.Buffer
		code := Main([]string{"render", tmpl, profile, "-o", filepath.Join(dir, "out.docx")}, nil, &out, &errw)
		return code, errw.String()
	}
	code, stderr := run(bad, broken)
	if code != 1 || !strings.Contains(stderr, `unknown filter "shout"`) || strings.Contains(stderr, "Fix the profile") || strings.Contains(stderr, "broken.toml") {
		t.Errorf("broken template and profile: want the template's problems alone, got %d:\n%s", code, stderr)
	}
	code, stderr = run(good, broken)
	if code != 1 || !strings.Contains(stderr, "broken.toml") || strings.Contains(stderr, "template has errors") {
		t.Errorf("broken profile: want its problems, got %d:\n%s", code, stderr)
	}
	if _, err := os.Stat(filepath.Join(dir, "out.docx")); err == nil {
		t.Error("output written despite errors")
	}
	if code, stderr = run(good, prof); code != 0 {
		t.Errorf("good template and profile: %d\n%s", code, stderr)
	}
}
