package cli

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tsdraft/tsdraft/internal/profile"
)

type runResult struct {
	stdout, stderr string
	code           int
}

// runIn runs tsdraft in process through Main, in dir (relative paths in args are read there),
// with in-memory standard input and outputs. It changes the process's working directory, so a
// test that calls it does not run in parallel; parallel tests call run with absolute paths.
func runIn(t *testing.T, dir string, args ...string) runResult {
	t.Helper()
	t.Chdir(dir)
	return run(args...)
}

// run runs tsdraft in process through Main with in-memory IO.
func run(args ...string) runResult {
	var out, errw bytes.Buffer
	code := Main(args, strings.NewReader(""), &out, &errw)
	return runResult{out.String(), errw.String(), code}
}

func dirEntries(t *testing.T, dir string) []string {
	t.Helper()
	es, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range es {
		names = append(names, e.Name())
	}
	return names
}

// TestProfileCommands runs the real binary: init, check and schema, with exit codes, and checks
// that nothing is written when init refuses.
func TestProfileCommands(t *testing.T) {

	t.Run("init and check every jurisdiction", func(t *testing.T) {
		dir := t.TempDir()
		for _, j := range profile.Jurisdictions {
			file := strings.ToLower(j) + ".toml"
			r := runIn(t, dir, "init", "--jurisdiction", j, "-o", file)
			if r.code != 0 || !strings.Contains(r.stderr, "wrote "+file) {
				t.Fatalf("init %s: %+v", j, r)
			}
			r = runIn(t, dir, "check", file)
			if r.code != 0 || r.stdout != "ok\n" {
				t.Errorf("check %s: %+v", j, r)
			}
		}
	})

	t.Run("init default file name and lowercase jurisdiction", func(t *testing.T) {
		dir := t.TempDir()
		r := runIn(t, dir, "init", "-j", "cn", "--lang", "zh-CN,en")
		if r.code != 0 {
			t.Fatalf("%+v", r)
		}
		src, err := os.ReadFile(filepath.Join(dir, "profile.toml"))
		if err != nil || !bytes.Contains(src, []byte(`languages = ["zh-CN", "en"]`)) {
			t.Fatalf("profile.toml: %v\n%s", err, src)
		}
	})

	t.Run("init refuses an unknown jurisdiction and writes nothing", func(t *testing.T) {
		dir := t.TempDir()
		r := runIn(t, dir, "init", "--jurisdiction", "FR")
		if r.code != 1 || !strings.Contains(r.stderr, "JP, CN, TH, VN, ID, DE, UK, EU") || r.stdout != "" {
			t.Errorf("%+v", r)
		}
		if r := runIn(t, dir, "init"); r.code != 1 || !strings.Contains(r.stderr, "--jurisdiction is required") {
			t.Errorf("no jurisdiction: %+v", r)
		}
		if names := dirEntries(t, dir); len(names) != 0 {
			t.Errorf("files written: %v", names)
		}
	})

	t.Run("init never overwrites without --force", func(t *testing.T) {
		dir := t.TempDir()
		file := filepath.Join(dir, "profile.toml")
		os.WriteFile(file, []byte("# mine\n"), 0o644)
		r := runIn(t, dir, "init", "-j", "JP")
		if r.code != 1 || !strings.Contains(r.stderr, "already exists; use --force") {
			t.Errorf("%+v", r)
		}
		if b, _ := os.ReadFile(file); string(b) != "# mine\n" {
			t.Errorf("file overwritten: %q", b)
		}
		if r := runIn(t, dir, "init", "-j", "JP", "--force"); r.code != 0 {
			t.Errorf("--force: %+v", r)
		}
		if b, _ := os.ReadFile(file); !bytes.Contains(b, []byte(`jurisdiction = "JP"`)) {
			t.Errorf("--force did not write: %q", b)
		}
		if names := dirEntries(t, dir); len(names) != 1 {
			t.Errorf("stray files: %v", names)
		}
	})

	t.Run("init refuses languages the law rules out", func(t *testing.T) {
		dir := t.TempDir()
		r := runIn(t, dir, "init", "-j", "ID", "--lang", "en,ja")
		if r.code != 1 || !strings.Contains(r.stderr, "[ID-LANG-001]") || !strings.Contains(r.stderr, "nothing written") {
			t.Errorf("%+v", r)
		}
		r = runIn(t, dir, "init", "-j", "CN", "--lang", "de")
		if r.code != 1 || !strings.Contains(r.stderr, "zh-CN, ja, en") {
			t.Errorf("%+v", r)
		}
		if names := dirEntries(t, dir); len(names) != 0 {
			t.Errorf("files written: %v", names)
		}
	})

	t.Run("init to stdout", func(t *testing.T) {
		dir := t.TempDir()
		r := runIn(t, dir, "init", "-j", "DE", "-o", "-")
		want, _ := profile.Sample("DE", nil)
		if r.code != 0 || r.stdout != string(want) {
			t.Errorf("stdout is not the sample: %+v", r)
		}
		if names := dirEntries(t, dir); len(names) != 0 {
			t.Errorf("files written: %v", names)
		}
	})

	t.Run("check reports every problem with its place", func(t *testing.T) {
		dir := t.TempDir()
		os.WriteFile(filepath.Join(dir, "p.toml"), []byte(`jurisdiction = "CN"
date = 2026-04-01
langauges = ["zh-CN"]

[noncompete]
enabled = true
months = 36
`), 0o644)
		r := runIn(t, dir, "check", "p.toml", "--doc", "noncompete", "--set", "noncompete.compensation_percent=20")
		want := `p.toml:1:1: error: company.address is required for noncompete [PROFILE-REQUIRED]
    hint: add address = … under [company]
p.toml:1:1: error: company.name is required for noncompete [PROFILE-REQUIRED]
    hint: add name = … under [company]
p.toml:1:1: error: company.registration_no is required for noncompete [PROFILE-REQUIRED]
    hint: add registration_no = … under [company]
p.toml:1:1: error: company.representative is required for noncompete [PROFILE-REQUIRED]
    hint: add representative = … under [company]
p.toml:1:1: error: company.representative_title is required for noncompete [PROFILE-REQUIRED]
    hint: add representative_title = … under [company]
p.toml:1:1: error: employee.department is required for noncompete [PROFILE-REQUIRED]
    hint: add department = … under [employee]
p.toml:1:1: error: employee.hire_date is required for noncompete [PROFILE-REQUIRED]
    hint: add hire_date = … under [employee]
p.toml:1:1: error: employee.id is required for noncompete [PROFILE-REQUIRED]
    hint: add id = … under [employee]
p.toml:1:1: error: employee.name is required for noncompete [PROFILE-REQUIRED]
    hint: add name = … under [employee]
p.toml:1:1: error: employee.position is required for noncompete [PROFILE-REQUIRED]
    hint: add position = … under [employee]
p.toml:3:1: error: unknown key "langauges" (did you mean "languages"?) [PROFILE-UNKNOWN-KEY]
    hint: rename it to languages
p.toml:5:1: error: noncompete.roles is required for noncompete [PROFILE-REQUIRED]
    hint: add roles = ["…", "…"] under [noncompete]
p.toml:5:1: error: noncompete.scope is required for noncompete [PROFILE-REQUIRED]
    hint: add scope = … under [noncompete]
p.toml:5:1: error: noncompete.territory is required for noncompete [PROFILE-REQUIRED]
    hint: add territory = … under [noncompete]
p.toml:6:11: warning: noncompete.roles is empty; a non-compete may bind only senior managers, senior technical staff and others with confidentiality obligations (劳动合同法 第24条; 最高人民法院劳动争议解释（二）第13条) [CN-NC-002]
    hint: list in noncompete.roles the senior managers, senior technical staff or others bound to confidentiality it covers
p.toml:7:10: error: noncompete.months = 36 exceeds the statutory maximum of 24 months (劳动合同法 第24条) [CN-NC-001]
    hint: set noncompete.months to 24 or less
--set:1:33: warning: noncompete.compensation_percent = 20 is below the 30% of the average monthly wage that a court awards when none was agreed (最高人民法院关于审理劳动争议案件适用法律问题的解释（一）法释〔2020〕26号 第36条) [CN-NC-004]
    hint: pay at least 30% of the average monthly wage of the last 12 months, and not less than the local minimum wage
15 errors, 2 warnings
`
		if r.code != 1 || r.stdout != want {
			t.Errorf("exit %d\n--- got\n%s--- want\n%s", r.code, r.stdout, want)
		}
	})

	t.Run("check: warnings alone do not fail", func(t *testing.T) {
		dir := t.TempDir()
		runIn(t, dir, "init", "-j", "JP")
		r := runIn(t, dir, "check", "profile.toml", "--set", "noncompete.months=18")
		if r.code != 0 || !strings.Contains(r.stdout, "[JP-NC-001]") || !strings.HasSuffix(r.stdout, "0 errors, 1 warning\n") {
			t.Errorf("%+v", r)
		}
		r = runIn(t, dir, "check", "profile.toml", "--set", "dispute.employee.method=arbitration")
		if r.code != 1 || !strings.Contains(r.stdout, "[JP-DISPUTE-001]") {
			t.Errorf("%+v", r)
		}
		// The law rule concerns employee documents only.
		r = runIn(t, dir, "check", "profile.toml", "--set", "dispute.employee.method=arbitration", "--doc", "nda-partner")
		if r.code != 0 || r.stdout != "ok\n" {
			t.Errorf("--doc nda-partner: %+v", r)
		}
	})

	t.Run("check: syntax, missing file, unknown document", func(t *testing.T) {
		dir := t.TempDir()
		os.WriteFile(filepath.Join(dir, "bad.toml"), []byte("jurisdiction = \"JP\"\nname = \"open\n"), 0o644)
		r := runIn(t, dir, "check", "bad.toml")
		if r.code != 1 || !strings.HasPrefix(r.stdout, "bad.toml:2:13: error: TOML syntax:") {
			t.Errorf("%+v", r)
		}
		r = runIn(t, dir, "check", "none.toml")
		if r.code != 1 || !strings.Contains(r.stderr, "none.toml") {
			t.Errorf("%+v", r)
		}
		r = runIn(t, dir, "check", "bad.toml", "--doc", "nda")
		if r.code != 1 || !strings.Contains(r.stderr, `unknown document "nda"`) {
			t.Errorf("%+v", r)
		}
		if r := runIn(t, dir, "check"); r.code != 1 {
			t.Errorf("no argument: %+v", r)
		}
	})

	t.Run("schema", func(t *testing.T) {
		r := runIn(t, t.TempDir(), "schema")
		if r.code != 0 || r.stdout != string(profile.JSONSchema()) {
			t.Fatalf("%+v", r)
		}
		var m map[string]any
		if err := json.Unmarshal([]byte(r.stdout), &m); err != nil {
			t.Fatal(err)
		}
	})
}
