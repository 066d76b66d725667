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
	for name, data := range map[string]string{"people.csv": csv, "people.xlsx": "not read", "out/" + "manifest.csv": "not a manifest\n"} {
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
	} {
		r := runIn(t, dir, append([]string{"batch", "p.toml", "--doc", "exit-pledge", "--lang", "ja"}, tc.args...)...)
		if r.code != 1 || !strings.Contains(r.stderr, tc.want) {
			t.Errorf("batch %v: exit %d, stderr:\n%s\nwant %q", tc.args, r.code, r.stderr, tc.want)
		}
	}
}
