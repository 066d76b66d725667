package translate_test

// These tests run the real tsdraft binary, built once, on locale trees made in the test
// (with --no-embedded, so that the shipped texts, which change as they are written, do not
// leak into the expected output).

import (
	"maps"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tsdraft/tsdraft/internal/catalog"
	"github.com/tsdraft/tsdraft/internal/testbin"
)

func TestMain(m *testing.M) { testbin.Main(m) }

type result struct {
	code           int
	stdout, stderr string
}

// run runs tsdraft in dir.
func run(t *testing.T, dir string, args ...string) result {
	t.Helper()
	r := testbin.Run(t, dir, nil, args...)
	return result{r.Code, r.Stdout, r.Stderr}
}

func write(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for p, s := range files {
		full := filepath.Join(dir, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(full, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func snapshot(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			data, _ := os.ReadFile(p)
			rel, _ := filepath.Rel(dir, p)
			out[filepath.ToSlash(rel)] = string(data)
		}
		return err
	})
	return out
}

const (
	cliMaster = "秘密情報を{{ company.name }}の外に持ち出さない。"
	cliKind   = "顧客"
)

// cliTree: a complete tree except that en lacks kind_customer and de has a stale entry.
func cliTree() map[string]string {
	tr := map[string][2]string{
		"en":    {"Confidential information must not leave {{ company.name }}.", ""},
		"zh-CN": {"不得将保密信息带出{{ company.name }}。", "客户"},
		"th":    {"ห้ามนำข้อมูลลับออกนอก {{ company.name }}", "ลูกค้า"},
		"vi":    {"Không được mang thông tin mật ra khỏi {{ company.name }}.", "Khách hàng"},
		"id":    {"Informasi rahasia tidak boleh dibawa keluar dari {{ company.name }}.", "Pelanggan"},
		"de":    {"Vertrauliche Informationen dürfen {{ company.name }} nicht verlassen.", "Kunde"},
	}
	files := map[string]string{
		"loc/ja/common.toml": "# Master\n[purpose]\ntext = \"" + cliMaster + "\"\nnote = \"Employees and partners.\"\n\n[kind_customer]\ntext = \"" + cliKind + "\"\n",
	}
	for lang, t := range tr {
		s := "[purpose]\ntext = \"" + t[0] + "\"\nsource = \"" + catalog.SourceHash(cliMaster) + "\"\n"
		if t[1] != "" {
			src := catalog.SourceHash(cliKind)
			if lang == "de" {
				src = "0123456789abcdef"
			}
			s += "\n[kind_customer]\ntext = \"" + t[1] + "\"\nsource = \"" + src + "\"\n"
		}
		files["loc/"+lang+"/common.toml"] = s
	}
	return files
}

func TestCLIStatusAndCheck(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, cliTree())
	r := run(t, dir, "locale", "status", "--locales", "loc", "--no-embedded")
	want := `LANGUAGE  ENTRIES  TRANSLATED  MISSING  STALE  SAME-AS-MASTER  COMPLETE
ja              2           2        0      0               0      100%
en              2           1        1      0               0       50%
zh-CN           2           2        0      0               0      100%
th              2           2        0      0               0      100%
vi              2           2        0      0               0      100%
id              2           2        0      0               0      100%
de              2           1        0      1               0       50%
`
	if r.code != 0 || r.stdout != want {
		t.Errorf("status: exit %d\n%s\nwant:\n%s\nstderr: %s", r.code, r.stdout, want, r.stderr)
	}
	if !strings.Contains(r.stderr, "2 error(s) in the locale files: run `tsdraft locale check --locales loc --no-embedded` to list them") {
		t.Errorf("status stderr: %q", r.stderr)
	}

	r = run(t, dir, "locale", "check", "--locales", "loc", "--no-embedded")
	wantOut := "loc/de/common.toml:5: error: common.kind_customer: stale: the master changed after this was translated; master now: \"顧客\"; master then: not recorded; update the translation, or if it still fits run: tsdraft locale mark-current --locales loc --no-embedded --lang de common.kind_customer [stale]\n" +
		"loc/en/common.toml:1: error: common.kind_customer: missing: translate [kind_customer] of the master (loc/ja/common.toml:6) [missing]\n"
	if r.code != 1 || r.stdout != wantOut || r.stderr != "locale check: 2 error(s), 0 warning(s)\n" {
		t.Errorf("check: exit %d\nstdout:\n%s\nwant:\n%s\nstderr: %s", r.code, r.stdout, wantOut, r.stderr)
	}

	// Fix both through the commands a translator uses, and check passes.
	r = run(t, dir, "locale", "mark-current", "--lang", "de", "--locales", "loc", "--no-embedded", "common.kind_customer")
	if r.code != 0 || !strings.Contains(r.stdout, "wrote loc/de/common.toml") {
		t.Fatalf("mark-current: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	write(t, dir, map[string]string{"loc/en/common.toml": cliTree()["loc/en/common.toml"] + "\n[kind_customer]\ntext = \"Customer\"\n"})
	r = run(t, dir, "locale", "mark-current", "--lang", "en", "--all", "--locales", "loc", "--no-embedded")
	if r.code != 0 || !strings.Contains(r.stdout, "mark-current en: 1 stamped, 1 unchanged, 0 refused") {
		t.Fatalf("mark-current --all: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	r = run(t, dir, "locale", "check", "--locales", "loc", "--no-embedded")
	if r.code != 0 || r.stdout != "" {
		t.Errorf("check after fixes: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
}

func TestCLIExportImportRound(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, cliTree())
	flags := []string{"--locales", "loc", "--no-embedded"}

	r := run(t, dir, append([]string{"locale", "export", "--lang", "en", "--format", "xliff", "-o", "en.xlf"}, flags...)...)
	if r.code != 0 || r.stderr != "wrote en.xlf\n" {
		t.Fatalf("export: exit %d\n%s", r.code, r.stderr)
	}
	r = run(t, dir, append([]string{"locale", "export", "--lang", "en", "-o", "en.xlf"}, flags...)...)
	if r.code != 1 || !strings.Contains(r.stderr, "en.xlf exists: pass --force to overwrite it") {
		t.Errorf("export over an existing file: exit %d\n%s", r.code, r.stderr)
	}
	r = run(t, dir, append([]string{"locale", "export", "--lang", "en"}, flags...)...)
	exported, _ := os.ReadFile(filepath.Join(dir, "en.xlf"))
	if r.code != 0 || r.stdout != string(exported) {
		t.Errorf("export to stdout differs from the file")
	}

	// Unchanged round trip: no file changes.
	before := snapshot(t, filepath.Join(dir, "loc"))
	r = run(t, dir, "locale", "import", "en.xlf", "--locales", "loc", "--no-embedded")
	if r.code != 0 || r.stdout != "import: 0 added, 0 updated, 0 confirmed, 1 unchanged, 1 skipped, 0 refused\n" {
		t.Errorf("unchanged import: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	if after := snapshot(t, filepath.Join(dir, "loc")); !maps.Equal(before, after) {
		t.Error("an unchanged round trip changed files")
	}

	// Translate the missing unit as a CAT tool would, import, and check is clean for en.
	xlf := strings.Replace(string(exported), "<source>顧客</source>", "<source>顧客</source>\n    <target state=\"translated\">Customer</target>", 1)
	write(t, dir, map[string]string{"en.xlf": xlf})
	r = run(t, dir, "locale", "import", "en.xlf", "--locales", "loc", "--no-embedded", "--dry-run")
	if r.code != 0 || !strings.Contains(r.stdout, "would write loc/en/common.toml") {
		t.Errorf("dry run: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	if after := snapshot(t, filepath.Join(dir, "loc")); !maps.Equal(before, after) {
		t.Error("--dry-run wrote files")
	}
	r = run(t, dir, "locale", "import", "en.xlf", "--locales", "loc", "--no-embedded")
	if r.code != 0 || !strings.Contains(r.stdout, "wrote loc/en/common.toml\nwrote loc/ja/.history.toml\nimport: 1 added") {
		t.Errorf("import: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	r = run(t, dir, "locale", "check", "--locales", "loc", "--no-embedded")
	if strings.Contains(r.stdout, "/en/") {
		t.Errorf("en still has problems:\n%s", r.stdout)
	}

	// A unit whose tags were broken is refused: exit 1, nothing written for it.
	broken := strings.Replace(xlf, "Customer", "Customer {{ x }}", 1)
	broken = strings.Replace(broken, `leave <ph id="1" equiv-text="{{ company.name }}">{{ company.name }}</ph>.`, `leave the company.`, 1)
	write(t, dir, map[string]string{"en.xlf": broken})
	mid := snapshot(t, filepath.Join(dir, "loc"))
	r = run(t, dir, "locale", "import", "en.xlf", "--locales", "loc", "--no-embedded")
	if r.code != 1 || !strings.Contains(r.stderr, "error: common.kind_customer: tags differ from the source: not in the master {{ x }}") ||
		!strings.Contains(r.stderr, `error: common.purpose: tags differ from the source: missing {{ company.name }}`) {
		t.Errorf("refused import: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	if after := snapshot(t, filepath.Join(dir, "loc")); !maps.Equal(mid, after) {
		t.Error("a refused import wrote files")
	}
}

func TestCLIUsageErrors(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, cliTree())
	write(t, dir, map[string]string{
		"x.xlf":               `<?xml version="1.0"?><xliff version="1.2"><file target-language="en"><body/></file></xliff>`,
		"notproj/readme.txt":  "",
		"proj/omegat.project": "",
		"proj/target/.keep":   "",
	})
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"locale", "import", "x.xlf", "--lang", "en", "--locales", "loc", "--no-embedded"}, "--lang is for PO files: x.xlf is XLIFF"},
		{[]string{"locale", "import", "notproj", "--locales", "loc", "--no-embedded"}, "notproj is a directory but not an OmegaT project"},
		{[]string{"locale", "import", "proj", "--locales", "loc", "--no-embedded"}, "proj has no translated file in target/: in OmegaT run Project > Create Translated Documents first"},
		{[]string{"locale", "export", "--locales", "loc", "--no-embedded"}, `required flag(s) "lang" not set`},
		{[]string{"locale", "export", "--lang", "en", "--format", "docx", "--locales", "loc", "--no-embedded"}, `--format "docx": use xliff (XLIFF 1.2) or po (gettext PO)`},
		{[]string{"locale", "export", "--lang", "en", "--profile", "trados", "--locales", "loc", "--no-embedded"}, `--profile "trados": use generic, okapi, omegat`},
		{[]string{"locale", "export", "--lang", "en", "--profile", "omegat", "--locales", "loc", "--no-embedded"}, `--profile omegat writes an OmegaT project: pass -o DIR`},
		{[]string{"locale", "export", "--lang", "ja", "--locales", "loc", "--no-embedded"}, "ja is the master"},
		{[]string{"locale", "export", "--lang", "en", "--only", "old", "--locales", "loc", "--no-embedded"}, `--only "old": use missing, stale or current`},
		{[]string{"locale", "status", "--no-embedded"}, "--no-embedded needs --locales DIR"},
		{[]string{"locale", "check", "--locales", "nowhere"}, "locales directory nowhere"},
		{[]string{"locale", "import", "missing.xlf", "--locales", "loc"}, "missing.xlf"},
		{[]string{"locale", "mark-current", "--lang", "en", "--locales", "loc", "--no-embedded"}, "name the entries to mark"},
		{[]string{"locale", "mark-current", "--lang", "en", "--all", "--locales", "loc", "--no-embedded", "common.purpose"}, "not both"},
	}
	for _, tt := range tests {
		r := run(t, dir, tt.args...)
		if r.code != 1 || !strings.Contains(r.stderr, tt.want) {
			t.Errorf("tsdraft %s: exit %d, stderr %q; want exit 1 and …%s…", strings.Join(tt.args, " "), r.code, r.stderr, tt.want)
		}
	}
	// Nothing to export is not a failure, and writes no file.
	r := run(t, dir, "locale", "export", "--lang", "zh-CN", "--only", "missing", "-o", "zh.xlf", "--locales", "loc", "--no-embedded")
	if _, err := os.Stat(filepath.Join(dir, "zh.xlf")); r.code != 0 || err == nil || !strings.Contains(r.stderr, "nothing to export: zh-CN has no missing entries") {
		t.Errorf("nothing to export: exit %d, %q", r.code, r.stderr)
	}
}

func TestCLIEmbeddedStatus(t *testing.T) {
	// Whatever the shipped texts hold right now, status runs on them and lists all seven
	// languages.
	r := run(t, t.TempDir(), "locale", "status")
	lines := strings.Split(strings.TrimSpace(r.stdout), "\n")
	if r.code != 0 || len(lines) != 1+len(catalog.Languages) {
		t.Fatalf("status: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	for i, lang := range catalog.Languages {
		if !strings.HasPrefix(lines[i+1], lang+" ") {
			t.Errorf("row %d = %q, want language %s", i+1, lines[i+1], lang)
		}
	}
}
