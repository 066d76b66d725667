package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"

	"github.com/tsdraft/tsdraft/internal/testsupport"
)

// TestEveryCommandInProcess runs every command once through Main with in-memory IO and
// absolute paths, in parallel, and checks what each printed and wrote.
func TestEveryCommandInProcess(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	prof := filepath.Join(dir, "jp.toml")
	if r := run("init", "-j", "JP", "-o", prof); r.code != 0 || !strings.Contains(r.stderr, "wrote "+prof) {
		t.Fatalf("init: %+v", r)
	}
	tpl := writeTemplate(t, dir, "letter.docx", "title: {{ company.name }}\np: {{ t \"common.lang_th\" }}\n")
	people := filepath.Join(dir, "people.csv")
	if err := os.WriteFile(people, []byte("employee.id,employee.name,employee.exit_date\nE-7,Hanako Sato,2026-03-31\n"), 0o644); err != nil {
		t.Fatal(err)
	}

	for _, tc := range []struct {
		name  string
		args  []string
		code  int
		check func(t *testing.T, r runResult, out string)
	}{
		{"version", []string{"version"}, 0, func(t *testing.T, r runResult, _ string) {
			if r.stdout != "tsdraft "+Version+"\n" {
				t.Errorf("%q", r.stdout)
			}
		}},
		{"list documents", []string{"list", "documents"}, 0, func(t *testing.T, r runResult, _ string) {
			if strings.Count(r.stdout, "\n") != 8 || !strings.HasPrefix(r.stdout, "nda-employee") {
				t.Errorf("%q", r.stdout)
			}
		}},
		{"list jurisdictions", []string{"list", "jurisdictions"}, 0, func(t *testing.T, r runResult, _ string) {
			if !strings.Contains(r.stdout, "TH") || !strings.Contains(r.stdout, "default languages: th, ja") {
				t.Errorf("%q", r.stdout)
			}
		}},
		{"list languages", []string{"list", "languages"}, 0, func(t *testing.T, r runResult, _ string) {
			if !strings.Contains(r.stdout, "ja") || !strings.Contains(r.stdout, "(master)") {
				t.Errorf("%q", r.stdout)
			}
		}},
		{"schema", []string{"schema"}, 0, func(t *testing.T, r runResult, _ string) {
			var s map[string]any
			if err := json.Unmarshal([]byte(r.stdout), &s); err != nil || s["$schema"] == nil {
				t.Errorf("not a JSON Schema: %v", err)
			}
		}},
		{"init to stdout", []string{"init", "-j", "TH", "-o", "-"}, 0, func(t *testing.T, r runResult, _ string) {
			var m map[string]any
			if _, err := toml.Decode(r.stdout, &m); err != nil || m["jurisdiction"] != "TH" {
				t.Errorf("sample does not decode as TH: %v", err)
			}
		}},
		{"init refuses to overwrite", []string{"init", "-j", "JP", "-o", prof}, 1, func(t *testing.T, r runResult, _ string) {
			if !strings.Contains(r.stderr, prof+" already exists; use --force to overwrite it") {
				t.Errorf("%q", r.stderr)
			}
		}},
		{"check", []string{"check", prof}, 0, func(t *testing.T, r runResult, _ string) {
			if r.stdout != "ok\n" {
				t.Errorf("%q", r.stdout)
			}
		}},
		{"check with a law error", []string{"check", prof, "--set", "noncompete.months=36"}, 1, func(t *testing.T, r runResult, _ string) {
			if !strings.Contains(r.stdout, "--set:1:") || !strings.Contains(r.stdout, "error") {
				t.Errorf("%q", r.stdout)
			}
		}},
		{"build", []string{"build", prof, "--doc", "exit-pledge", "--lang", "ja"}, 0, func(t *testing.T, r runResult, out string) {
			want := filepath.Join(out, "exit-pledge.JP.ja.docx")
			if r.stdout != want+"\n" || !strings.Contains(testsupport.DocText(t, want), "誓約") {
				t.Errorf("%q", r.stdout)
			}
		}},
		{"render", []string{"render", tpl, prof, "--lang", "en"}, 0, func(t *testing.T, r runResult, out string) {
			text := testsupport.DocText(t, filepath.Join(out, "r.docx"))
			if !strings.Contains(text, "Thai") {
				t.Errorf("%s", text)
			}
		}},
		{"template check", []string{"template", "check", tpl, "--profile", prof}, 0, func(t *testing.T, r runResult, _ string) {
			if !strings.Contains(r.stdout, "{{ company.name }}") || !strings.HasSuffix(r.stdout, "1 template(s) ok\n") {
				t.Errorf("%q", r.stdout)
			}
		}},
		{"batch", []string{"batch", prof, "--people", people, "--lang", "ja"}, 0, func(t *testing.T, r runResult, out string) {
			if !strings.Contains(r.stdout, "1 written") {
				t.Errorf("%q %q", r.stdout, r.stderr)
			}
			if !strings.Contains(testsupport.DocText(t, filepath.Join(out, "exit-pledge_E-7_Hanako Sato.docx")), "Hanako Sato") {
				t.Error("the pledge does not name the person of the row")
			}
		}},
		{"locale status", []string{"locale", "status"}, 0, func(t *testing.T, r runResult, _ string) {
			if !strings.Contains(r.stdout, "th ") || !strings.Contains(r.stdout, "%") {
				t.Errorf("%q", r.stdout)
			}
		}},
		{"locale check", []string{"locale", "check"}, 0, func(t *testing.T, r runResult, _ string) {
			if !strings.Contains(r.stdout+r.stderr, "locale check: 0 error(s)") {
				t.Errorf("%q %q", r.stdout, r.stderr)
			}
		}},
		{"unknown command", []string{"draft"}, 1, func(t *testing.T, r runResult, _ string) {
			if !strings.Contains(r.stderr, `unknown command "draft"`) {
				t.Errorf("%q", r.stderr)
			}
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			out := t.TempDir()
			args := tc.args
			switch args[0] {
			case "build", "batch":
				args = append(args, "-o", out)
			case "render":
				args = append(args, "-o", filepath.Join(out, "r.docx"))
			}
			r := run(args...)
			if r.code != tc.code {
				t.Fatalf("exit %d, want %d\nstdout: %s\nstderr: %s", r.code, tc.code, r.stdout, r.stderr)
			}
			tc.check(t, r, out)
		})
	}
}
