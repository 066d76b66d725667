package batch

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestOptionErrorsNameNoFlag: an option that does not fit the input is refused as an
// *OptionError whose message names no flag (the CLI and the web app word the remedy).
func TestOptionErrorsNameNoFlag(t *testing.T) {
	dir := t.TempDir()
	prof := writeSample(t, dir, "JP")
	csv := filepath.Join(dir, "people.csv")
	if err := os.WriteFile(csv, []byte("employee.id,employee.name,employee.department,employee.position,employee.hire_date,employee.exit_date\nE1,山田,営業,主任,2020-04-01,2026-04-30\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	xlsx := filepath.Join(dir, "people.xlsx")
	if err := os.WriteFile(xlsx, []byte("not read"), 0o644); err != nil {
		t.Fatal(err)
	}
	manifestDir := filepath.Join(dir, "taken")
	if err := os.MkdirAll(manifestDir, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(manifestDir, ManifestName), []byte("someone else's list\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name string
		o    Options
		want string
	}{
		{"encoding for a workbook", Options{People: xlsx, Encoding: "cp932", OutDir: filepath.Join(dir, "o1")}, OptEncoding},
		{"sheet for a CSV file", Options{People: csv, Sheet: "List", OutDir: filepath.Join(dir, "o2")}, OptSheet},
		{"a manifest that is not tsdraft's", Options{People: csv, OutDir: manifestDir}, OptForce},
	} {
		tc.o.Profile, tc.o.Langs = prof, []string{"ja"}
		_, log, err := runCore(t, tc.o)
		var oe *OptionError
		if !errors.As(err, &oe) || oe.Option != tc.want {
			t.Errorf("%s: %v, want an OptionError about %s\n%s", tc.name, err, tc.want, log)
			continue
		}
		if strings.Contains(err.Error(), "--") || strings.Contains(err.Error(), "-o") {
			t.Errorf("%s: %q names a flag", tc.name, err)
		}
	}
}
