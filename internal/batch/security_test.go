package batch

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"hash/crc32"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/tsdraft/tsdraft/internal/docx"
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

// TestJobsAreBounded: -j 1000000 would start a million workers; it is refused before anything
// is read or written.
func TestJobsAreBounded(t *testing.T) {
	dir := t.TempDir()
	writeSample(t, dir, "CN")
	crlfCSV(t, filepath.Join(dir, "people.csv"), leavers(
		[]string{"E-1", "张三", "技术部", "2026-03-31", "图纸", "笔记本电脑"},
	))
	r := runTool(t, dir, "batch", "profile.toml", "--people", "people.csv", "-o", "out", "-j", "1000000")
	if r.code != 1 || !strings.Contains(r.stderr, "-j 1000000: at most ") {
		t.Fatalf("%s", r)
	}
	if _, err := os.Stat(filepath.Join(dir, "out")); err == nil {
		t.Error("the output folder was made")
	}
}

// bombXLSX writes a workbook made by excelize whose first sheet is replaced by a deflated
// stream of size bytes of XML-ish filler (a zip bomb: megabytes become hundreds).
func bombXLSX(t *testing.T, path string, size int) {
	t.Helper()
	f := excelize.NewFile()
	f.SetCellValue("Sheet1", "A1", "employee.id")
	var wb bytes.Buffer
	if err := f.Write(&wb); err != nil {
		t.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(wb.Bytes()), int64(wb.Len()))
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for _, e := range zr.File {
		if e.Name != "xl/worksheets/sheet1.xml" {
			if err := zw.Copy(e); err != nil {
				t.Fatal(err)
			}
			continue
		}
		var comp bytes.Buffer
		fw, _ := flate.NewWriter(&comp, flate.BestSpeed)
		chunk := bytes.Repeat([]byte("<c/>"), 1<<18) // 1 MiB
		crc := crc32.NewIEEE()
		for n := 0; n < size; n += len(chunk) {
			fw.Write(chunk)
			crc.Write(chunk)
		}
		fw.Close()
		w, err := zw.CreateRaw(&zip.FileHeader{Name: e.Name, Method: zip.Deflate, CRC32: crc.Sum32(),
			CompressedSize64: uint64(comp.Len()), UncompressedSize64: uint64((size + len(chunk) - 1) / len(chunk) * len(chunk))})
		if err != nil {
			t.Fatal(err)
		}
		w.Write(comp.Bytes())
	}
	zw.Close()
	if err := os.WriteFile(path, out.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestXLSXBombIsRefused: a workbook whose sheet unpacks past the limit is refused from the
// sizes it declares, at once, before excelize inflates anything; nothing is written.
func TestXLSXBombIsRefused(t *testing.T) {
	dir := t.TempDir()
	writeSample(t, dir, "CN")
	bombXLSX(t, filepath.Join(dir, "people.xlsx"), int(docx.WorkbookLimits.Part)+(1<<20))
	fi, _ := os.Stat(filepath.Join(dir, "people.xlsx"))
	start := time.Now()
	r := runTool(t, dir, "batch", "profile.toml", "--people", "people.xlsx", "-o", "out")
	if r.code != 1 || !strings.Contains(r.stderr, "part xl/worksheets/sheet1.xml unpacks to 257 MiB, more than the 256 MiB allowed for one part") {
		t.Fatalf("%s", r)
	}
	if d := time.Since(start); d > 20*time.Second {
		t.Errorf("refusing a %d KB workbook took %v", fi.Size()>>10, d)
	}
	if _, err := os.Stat(filepath.Join(dir, "out")); err == nil {
		t.Error("the output folder was made")
	}
}
