package batch

import (
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
)

// hostileID is an employee ID that, read as an option, makes LibreOffice open a UNO listener
// and wait for ever.
const hostileID = "--accept=socket,host=127.0.0.1,port=2002;urp;"

func TestSafeNameNeverStartsWithADash(t *testing.T) {
	for in, want := range map[string]string{
		hostileID:  "_" + hostileID,
		"-x":       "_-x",
		". -x":     "_-x",
		"..--help": "_--help",
		"a-b":      "a-b",
	} {
		if got := safeName(in); got != want {
			t.Errorf("safeName(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestCellValueNeverBecomesALibreOfficeOption: `batch --pdf` into the default output folder
// with a name pattern that starts with a cell. LibreOffice (a stand-in that records its
// arguments) gets absolute paths only, and the file is named with a leading '_'.
func TestCellValueNeverBecomesALibreOfficeOption(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("the stand-in LibreOffice is a shell script")
	}
	bin := t.TempDir()
	argsFile := filepath.Join(bin, "args")
	script := `#!/bin/sh
for a in "$@"; do printf '%s\n' "$a" >> ` + argsFile + `; done
out=""; prev=""
for a in "$@"; do
  if [ "$prev" = "--outdir" ]; then out="$a"; fi
  case "$a" in *.docx) b=$(basename -- "$a" .docx); printf '%%PDF' > "$out/$b.pdf";; esac
  prev="$a"
done
`
	if err := os.WriteFile(filepath.Join(bin, "soffice"), []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	t.Setenv("PATH", bin+string(os.PathListSeparator)+os.Getenv("PATH"))
	dir := t.TempDir()
	writeSample(t, dir, "CN")
	crlfCSV(t, filepath.Join(dir, "people.csv"), leavers(
		[]string{hostileID, "张三", "技术部", "2026-03-31", "图纸", "笔记本电脑"},
	))
	r := runTool(t, dir, "batch", "profile.toml", "--people", "people.csv", "--name", "{employee.id}", "--pdf")
	if r.code != 0 {
		t.Fatalf("%s", r)
	}
	files := listDir(t, dir)
	if !slices.Contains(files, "_"+hostileID+".docx") || !slices.Contains(files, "_"+hostileID+".pdf") {
		t.Errorf("files: %q", files)
	}
	b, err := os.ReadFile(argsFile)
	if err != nil {
		t.Fatal(err)
	}
	args := strings.Split(strings.TrimSpace(string(b)), "\n")
	docs := 0
	for _, a := range args {
		if strings.HasPrefix(a, "--accept") {
			t.Errorf("a cell value reached LibreOffice as an option: %q", a)
		}
		if strings.HasSuffix(a, ".docx") {
			docs++
			if !filepath.IsAbs(a) {
				t.Errorf("document argument %q is not an absolute path", a)
			}
		}
	}
	if docs != 1 {
		t.Errorf("LibreOffice got %d documents: %q", docs, args)
	}
}
