package cli

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/tsdraft/tsdraft/internal/testsupport"
)

// TestBuildLeavesOutDisabledNoncompete: with the non-compete off, build drafts the set without
// the noncompete document and says so in one line; the labour clauses and the exit pledge state
// that no non-compete applies; asking for the document by name is an error and writes nothing.
func TestBuildLeavesOutDisabledNoncompete(t *testing.T) {
	dir := t.TempDir()
	initProfile(t, dir, "JP")
	r := runIn(t, dir, "build", "p.toml", "-o", "out", "--set", "noncompete.enabled=false")
	if r.code != 0 {
		t.Fatalf("build: %d %s", r.code, r.stderr)
	}
	lines := 0
	for _, l := range strings.Split(r.stderr, "\n") {
		if strings.Contains(l, "noncompete") {
			lines++
			if !strings.Contains(l, "noncompete.enabled = false") {
				t.Errorf("the message should name the setting: %q", l)
			}
		}
	}
	if lines != 1 {
		t.Errorf("want one line about the non-compete, got %d:\n%s", lines, r.stderr)
	}
	got := dirEntries(t, filepath.Join(dir, "out"))
	if len(got) != 7 || slices.Contains(got, "noncompete.JP.ja+en.docx") {
		t.Fatalf("files: %v (want the set of 7 without noncompete)", got)
	}
	for _, f := range []string{"labour-clause.JP.ja+en.docx", "exit-pledge.JP.ja+en.docx"} {
		s := testsupport.DocText(t, filepath.Join(dir, "out", f))
		if !strings.Contains(s, "退職後、会社に対して競業避止義務を負わない") || !strings.Contains(s, "no non-compete obligation after") {
			t.Errorf("%s does not state that no non-compete applies in both languages", f)
		}
		if strings.Contains(s, "補償金") || strings.Contains(s, "compensation") {
			t.Errorf("%s still carries non-compete compensation with the non-compete off", f)
		}
	}

	out2 := filepath.Join(dir, "out2")
	r = runIn(t, dir, "build", "p.toml", "-o", out2, "--doc", "noncompete,nda-employee", "--set", "noncompete.enabled=false")
	if r.code != 1 || !strings.Contains(r.stderr, "noncompete.enabled = false") || !strings.Contains(r.stderr, "[PROFILE-NC-DISABLED]") {
		t.Fatalf("--doc noncompete with the non-compete off: %d %q", r.code, r.stderr)
	}
	if _, err := os.Stat(out2); err == nil {
		t.Errorf("something was written: %v", dirEntries(t, out2))
	}
	// check says the same for the document.
	r = runIn(t, dir, "check", "p.toml", "--doc", "noncompete", "--set", "noncompete.enabled=false")
	if r.code != 1 || !strings.Contains(r.stdout, "[PROFILE-NC-DISABLED]") {
		t.Errorf("check --doc noncompete with it off: %d %q", r.code, r.stdout)
	}
}

// TestLawRulesRunOnTheEffectiveBuild: the languages after --lang (and --set), the documents
// after --doc: build, render and batch refuse what check would refuse, and write nothing.
func TestLawRulesRunOnTheEffectiveBuild(t *testing.T) {
	tpl := writeTemplate(t, t.TempDir(), "mine.docx", "p: {{ company.name }}\n")
	cases := []struct {
		jur  string
		args []string
		want string // "" = must succeed
	}{
		{"ID", []string{"build", "p.toml", "--lang", "en,ja"}, "[ID-LANG-001]"},
		{"ID", []string{"build", "p.toml", "--lang", "en"}, "[ID-LANG-001]"},
		{"ID", []string{"build", "p.toml", "--set", `languages=["en","ja"]`, "--set", `prevailing="en"`}, "[ID-LANG-001]"},
		{"ID", []string{"build", "p.toml", "--lang", "id,en", "--doc", "nda-employee"}, ""},
		{"TH", []string{"build", "p.toml", "--lang", "en,ja", "--doc", "regulations"}, "[TH-LANG-001]"},
		{"TH", []string{"build", "p.toml", "--lang", "th,en", "--doc", "nda-partner"}, ""},
		{"TH", []string{"build", "p.toml", "--lang", "en,ja", "--doc", "nda-partner"}, "[PROFILE-PREVAILING]"},
		{"CN", []string{"build", "p.toml", "--lang", "ja,en", "--doc", "nda-partner"}, "[PROFILE-PREVAILING]"},
		{"CN", []string{"build", "p.toml", "--lang", "ja", "--doc", "nda-partner"}, ""},
		{"ID", []string{"render", tpl, "p.toml", "--lang", "en", "-o", "out/x.docx"}, "[ID-LANG-001]"},
		{"ID", []string{"render", tpl, "p.toml", "--lang", "id", "-o", "out/x.docx"}, ""},
	}
	for _, c := range cases {
		t.Run(c.jur+" "+strings.Join(c.args, " "), func(t *testing.T) {
			dir := t.TempDir()
			initProfile(t, dir, c.jur)
			args := c.args
			if args[0] == "build" {
				args = append(slices.Clone(args), "-o", "out")
			}
			os.MkdirAll(filepath.Join(dir, "out"), 0o755)
			r := runIn(t, dir, args...)
			files := dirEntries(t, filepath.Join(dir, "out"))
			if c.want == "" {
				if r.code != 0 || len(files) == 0 {
					t.Fatalf("want success: %d %q %v", r.code, r.stderr, files)
				}
				return
			}
			if r.code != 1 || !strings.Contains(r.stderr, c.want) || !strings.Contains(r.stderr, "nothing written") {
				t.Fatalf("want exit 1 with %s: %d %q", c.want, r.code, r.stderr)
			}
			if len(files) > 0 {
				t.Errorf("files written: %v", files)
			}
		})
	}
}

// TestBatchLawRulesOnTheBuiltLanguages: batch applies the law rules to --lang too.
func TestBatchLawRulesOnTheBuiltLanguages(t *testing.T) {
	dir := t.TempDir()
	initProfile(t, dir, "ID")
	csv := "employee.id,employee.name,employee.department,employee.position,employee.hire_date,employee.exit_date\nE1,Budi,Sales,Staff,2020-04-01,2026-04-30\n"
	if err := os.WriteFile(filepath.Join(dir, "people.csv"), []byte(csv), 0o644); err != nil {
		t.Fatal(err)
	}
	r := runIn(t, dir, "batch", "p.toml", "--people", "people.csv", "--doc", "exit-pledge", "--lang", "en,ja", "-o", "out")
	if r.code != 1 || !strings.Contains(r.stderr+r.stdout, "ID-LANG-001") {
		t.Fatalf("batch --lang en,ja for ID: %d\n%s\n%s", r.code, r.stdout, r.stderr)
	}
	if es, err := os.ReadDir(filepath.Join(dir, "out")); err == nil && len(es) > 0 {
		var names []string
		for _, e := range es {
			names = append(names, e.Name())
		}
		t.Errorf("batch wrote %v", names)
	}
	r = runIn(t, dir, "batch", "p.toml", "--people", "people.csv", "--doc", "exit-pledge", "--lang", "id,ja", "-o", "out")
	if r.code != 0 {
		t.Fatalf("batch --lang id,ja: %d\n%s\n%s", r.code, r.stdout, r.stderr)
	}
}

// TestBuildSeparateAndDocumentDates: the real build in the separate layout keeps the language
// clause in each file, and [documents.<doc>] date (here by --set) dates that document only.
func TestBuildSeparateAndDocumentDates(t *testing.T) {
	dir := t.TempDir()
	initProfile(t, dir, "TH")
	r := runIn(t, dir, "build", "p.toml", "-o", "out", "--doc", "exit-pledge,nda-partner", "--layout", "separate",
		"--set", "documents.exit-pledge.date=2026-05-15")
	if r.code != 0 {
		t.Fatalf("build: %d %s", r.code, r.stderr)
	}
	ja := testsupport.DocText(t, filepath.Join(dir, "out", "exit-pledge.TH.ja.docx"))
	th := testsupport.DocText(t, filepath.Join(dir, "out", "exit-pledge.TH.th.docx"))
	if !strings.Contains(ja, "タイ語版及び日本語版の二つの言語版") || !strings.Contains(ja, "タイ語版が優先する") {
		t.Errorf("the Japanese file lacks the language clause naming both versions")
	}
	if !strings.Contains(th, "ฉบับภาษาไทยและฉบับภาษาญี่ปุ่น") {
		t.Errorf("the Thai file lacks the language clause naming both versions")
	}
	if !strings.Contains(ja, "2026年5月15日") {
		t.Errorf("the exit pledge is not dated documents.exit-pledge.date")
	}
	partner := testsupport.DocText(t, filepath.Join(dir, "out", "nda-partner.TH.ja.docx"))
	if strings.Contains(partner, "2026年5月15日") || !strings.Contains(partner, "2026年4月1日") {
		t.Errorf("the partner NDA should keep the profile date")
	}
	// The same date before the exit date is a warning, not silence.
	r = runIn(t, dir, "check", "p.toml", "--set", "documents.exit-pledge.date=2026-03-01")
	if !strings.Contains(r.stdout, "[PROFILE-DATE-PLEDGE]") {
		t.Errorf("check did not warn about an exit pledge dated before the exit: %s", r.stdout)
	}
}

// TestBatchRefusesBuddhistEraDates: a sheet's Buddhist-era year (Thai staff write 2569 for 2026)
// is refused with its row and column, in either date spelling, not drafted 543 years late.
func TestBatchRefusesBuddhistEraDates(t *testing.T) {
	dir := t.TempDir()
	initProfile(t, dir, "TH")
	csv := "employee.id,employee.name,employee.department,employee.position,employee.hire_date,employee.exit_date\n" +
		"E1,A,B,C,2019-04-01,2569-03-31\nE2,A,B,C,2019/4/1,2569/3/31\nE3,A,B,C,2019-04-01,2026-03-31\n"
	if err := os.WriteFile(filepath.Join(dir, "people.csv"), []byte(csv), 0o644); err != nil {
		t.Fatal(err)
	}
	r := runIn(t, dir, "batch", "p.toml", "--people", "people.csv", "-o", "out")
	out := r.stdout + r.stderr
	if r.code != 1 || !strings.Contains(out, "row 2: column F (employee.exit_date)") || !strings.Contains(out, "row 3: column F (employee.exit_date)") ||
		!strings.Contains(out, "2569 = 2026 in the Gregorian calendar") {
		t.Fatalf("batch with Buddhist-era years: %d\n%s", r.code, out)
	}
	if !strings.Contains(out, "1 written") {
		t.Errorf("the good row was not written:\n%s", out)
	}
}
