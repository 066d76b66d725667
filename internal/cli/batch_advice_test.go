package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestBatchOptionAdvice: the batch refuses an option that does not fit its input without
// naming a flag (batch.OptionError); the command line words the remedy with its flags.
func TestBatchOptionAdvice(t *testing.T) {
	dir := t.TempDir()
	initProfile(t, dir, "JP")
	csv := "employee.id,employee.name,employee.department,employee.position,employee.hire_date,employee.exit_date\nE1,山田,営業,主任,2020-04-01,2026-04-30\n"
	latin1 := "employee.id,employee.name,employee.department,employee.position,employee.hire_date,employee.exit_date\nE1,J\xe4ger,Vertrieb,Leiter,2020-04-01,2026-04-30\n"
	for name, data := range map[string]string{"people.csv": csv, "people.xlsx": "not read", "out/" + "manifest.csv": "not a manifest\n", "latin1.csv": latin1} {
		if err := os.MkdirAll(filepath.Dir(filepath.Join(dir, name)), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"--people", "people.xlsx", "--encoding", "cp932", "-o", "o1"}, "--encoding is for CSV files; people.xlsx is a workbook"},
		{[]string{"--people", "people.csv", "--sheet", "List", "-o", "o2"}, "--sheet is for .xlsx workbooks; people.csv is read as CSV"},
		{[]string{"--people", "people.csv", "-o", "out"}, "is not a tsdraft manifest; write elsewhere with -o, or use --force to replace it"},
		// The batch returns the facts (batch.EncodingError, batch.NameError); the flags are ours.
		{[]string{"--people", "latin1.csv", "-o", "o3"}, "latin1.csv, row 2, column B: the file is not UTF-8 and tsdraft will not guess its encoding: it reads \"J"},
		{[]string{"--people", "latin1.csv", "-o", "o3"}, "or \"Jäger\" as cp1252 (Western European)"},
		{[]string{"--people", "latin1.csv", "-o", "o3"}, "; save the file as \"CSV UTF-8\", or say its encoding with --encoding (cp932 or tis-620 or cp1252)"},
		{[]string{"--people", "latin1.csv", "--encoding", "utf-8", "-o", "o4"}, "latin1.csv:2:5: the bytes here are not UTF-8; save the file as \"CSV UTF-8\", or say its encoding with --encoding (cp932, cp1252, tis-620 …)"},
		{[]string{"--people", "people.csv", "--name", "{nope}", "-o", "o5"}, `--name "{nope}": unknown placeholder {nope}`},
	} {
		r := runIn(t, dir, append([]string{"batch", "p.toml", "--doc", "exit-pledge", "--lang", "ja"}, tc.args...)...)
		if r.code != 1 || !strings.Contains(r.stderr, tc.want) {
			t.Errorf("batch %v: exit %d, stderr:\n%s\nwant %q", tc.args, r.code, r.stderr, tc.want)
		}
	}
}
