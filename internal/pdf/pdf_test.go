package pdf

import (
	"archive/zip"
	"bytes"
	"encoding/hex"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
	"unicode/utf16"

	"github.com/tsdraft/tsdraft/internal/testsupport"
	"github.com/tsdraft/tsdraft/internal/tplgen"
)

// hostile is a name a sheet cell can give a file: read as an option, it makes LibreOffice
// open a UNO listener and wait for a connection that never comes.
const hostile = "--accept=socket,host=127.0.0.1,port=2002;urp;"

// fakeSoffice puts a script named soffice first on PATH; script is the body of a POSIX shell
// script that receives LibreOffice's arguments.
func fakeSoffice(t *testing.T, script string) {
	t.Helper()
	if runtime.GOOS == "windows" {
		t.Skip("the fake LibreOffice is a shell script")
	}
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "soffice"), []byte("#!/bin/sh\n"+script), 0o755); err != nil {
		t.Fatal(err)
	}
	t.Setenv("PATH", dir+string(os.PathListSeparator)+os.Getenv("PATH"))
}

// TestConvertPassesOnlyAbsolutePaths: with the default output folder "." and a file named from
// a hostile cell, every file LibreOffice is given is an absolute path.
func TestConvertPassesOnlyAbsolutePaths(t *testing.T) {
	argsFile := filepath.Join(t.TempDir(), "args")
	fakeSoffice(t, `for a in "$@"; do printf '%s\n' "$a" >> `+argsFile+`; done
out=""; prev=""
for a in "$@"; do
  if [ "$prev" = "--outdir" ]; then out="$a"; fi
  case "$a" in /*.docx) b=$(basename "$a" .docx); printf 'pdf' > "$out/$b.pdf";; esac
  prev="$a"
done
`)
	dir := t.TempDir()
	t.Chdir(dir)
	name := hostile + ".docx"
	if err := os.WriteFile(name, []byte("docx"), 0o644); err != nil {
		t.Fatal(err)
	}
	made, err := Convert([]string{name}, ".", false)
	if err != nil {
		t.Fatal(err)
	}
	if len(made) != 1 || filepath.Base(made[0]) != hostile+".pdf" {
		t.Fatalf("made %v", made)
	}
	if b, err := os.ReadFile(hostile + ".pdf"); err != nil || string(b) != "pdf" {
		t.Fatalf("PDF not moved into place: %v", err)
	}
	b, _ := os.ReadFile(argsFile)
	args := strings.Split(strings.TrimSpace(string(b)), "\n")
	for i, a := range args {
		if strings.HasPrefix(a, "--accept") {
			t.Errorf("argument %d is the cell value as an option: %q", i, a)
		}
		if i > 0 && args[i-1] == "--outdir" && !filepath.IsAbs(a) {
			t.Errorf("--outdir %q is not absolute", a)
		}
	}
	last := args[len(args)-1]
	if last != filepath.Join(dir, name) {
		t.Errorf("file argument %q, want %q", last, filepath.Join(dir, name))
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 2 {
		t.Errorf("work folder left behind: %v", entries)
	}
}

// TestConvertStopsAHangingLibreOffice: a LibreOffice that never ends (and started a child of
// its own, as soffice starts soffice.bin) is killed, child and all, when the time is up.
func TestConvertStopsAHangingLibreOffice(t *testing.T) {
	pidFile := filepath.Join(t.TempDir(), "pid")
	fakeSoffice(t, `sleep 300 & echo $! > `+pidFile+`
sleep 300
`)
	old := Timeout
	Timeout = func(int) time.Duration { return 500 * time.Millisecond }
	defer func() { Timeout = old }()
	dir := t.TempDir()
	f := filepath.Join(dir, "a.docx")
	os.WriteFile(f, []byte("docx"), 0o644)
	start := time.Now()
	made, err := Convert([]string{f}, dir, false)
	if err == nil || !strings.Contains(err.Error(), "did not finish converting 1 file(s) within 500ms and was stopped") {
		t.Fatalf("want a timeout error, got %v %v", made, err)
	}
	if d := time.Since(start); d > 20*time.Second {
		t.Errorf("took %v", d)
	}
	b, _ := os.ReadFile(pidFile)
	pid, _ := strconv.Atoi(strings.TrimSpace(string(b)))
	if pid == 0 {
		t.Fatal("the fake LibreOffice did not start its child")
	}
	deadline := time.Now().Add(5 * time.Second)
	for syscall.Kill(pid, 0) == nil {
		// The child is killed; until its parent (this test's process tree) reaps it, it
		// may linger as a zombie, which /proc shows as state Z.
		if st, _ := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/stat"); strings.Contains(string(st), ") Z") {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("LibreOffice's child %d still runs after the timeout", pid)
		}
		time.Sleep(50 * time.Millisecond)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("left behind: %v", entries)
	}
}

func TestNotFoundGivesNoHarmfulAdvice(t *testing.T) {
	t.Setenv("PATH", t.TempDir())
	_, err := Binary()
	if _, statErr := os.Stat("/Applications/LibreOffice.app"); statErr == nil {
		t.Skip("LibreOffice is installed in /Applications")
	}
	if err == nil || strings.Contains(err.Error(), "--force") || !strings.Contains(err.Error(), "apt-get install libreoffice-writer-nogui") {
		t.Errorf("want an install hint without --force, got %v", err)
	}
}

// TestRealLibreOfficeWithHostileName converts a real DOCX named from a hostile cell with the
// real LibreOffice, from the output folder ".", as `batch --pdf` does by default.
func TestRealLibreOfficeWithHostileName(t *testing.T) {
	testsupport.NeedLibreOffice(t, "pdftotext")
	b, err := tplgen.Generate("x", "custom", []byte("p: Hostile names stay file names.\n"))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	t.Chdir(dir)
	name := hostile + ".docx"
	os.WriteFile(name, b, 0o644)
	made, err := Convert([]string{name}, ".", false)
	if err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("pdftotext", made[0], "-").Output()
	if err != nil || !strings.Contains(string(out), "Hostile names stay file names.") {
		t.Errorf("PDF text %q, %v", out, err)
	}
}

// TestConvertStopsOnInterrupt: Ctrl-C (SIGINT to tsdraft) stops LibreOffice, which runs in a
// process group of its own and so does not get the terminal's signal itself.
func TestConvertStopsOnInterrupt(t *testing.T) {
	pidFile := filepath.Join(t.TempDir(), "pid")
	fakeSoffice(t, `sleep 300 & echo $! > `+pidFile+`
sleep 300
`)
	dir := t.TempDir()
	f := filepath.Join(dir, "a.docx")
	os.WriteFile(f, []byte("docx"), 0o644)
	go func() {
		for i := 0; i < 200; i++ {
			if b, _ := os.ReadFile(pidFile); len(b) > 0 {
				syscall.Kill(os.Getpid(), syscall.SIGINT)
				return
			}
			time.Sleep(50 * time.Millisecond)
		}
	}()
	start := time.Now()
	_, err := Convert([]string{f}, dir, false)
	if err == nil || !strings.Contains(err.Error(), "PDF conversion interrupted; no PDF written") {
		t.Fatalf("want an interruption error, got %v", err)
	}
	if d := time.Since(start); d > 30*time.Second {
		t.Errorf("took %v", d)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("left behind: %v", entries)
	}
}

// TestConvertBoundsEachProcessAndResumes: files go to LibreOffice in runs of at most
// MaxFilesPerProcess, every run with the same private profile and the PDF export filter that
// keeps comments; a process that stops early (here: converts only the first two files it is
// given, and exits 0) is followed by one for the rest, until every file is converted.
func TestConvertBoundsEachProcessAndResumes(t *testing.T) {
	log := filepath.Join(t.TempDir(), "runs")
	fakeSoffice(t, `out=""; prev=""; n=0; line=""
for a in "$@"; do
  if [ "$prev" = "--outdir" ]; then out="$a"; fi
  prev="$a"
done
for a in "$@"; do
  case "$a" in
  -env:*|--*|pdf:*) line="$line $a";;
  *.docx) n=$((n+1)); line="$line F"; if [ $n -le 2 ]; then b=$(basename "$a" .docx); printf 'pdf %s' "$b" > "$out/$b.pdf"; fi;;
  esac
done
echo "$line" >> `+log+`
`)
	old := MaxFilesPerProcess
	MaxFilesPerProcess = 3
	defer func() { MaxFilesPerProcess = old }()
	dir := t.TempDir()
	var files []string
	for i := range 7 {
		f := filepath.Join(dir, "p"+strconv.Itoa(i)+".docx")
		os.WriteFile(f, []byte("docx"), 0o644)
		files = append(files, f)
	}
	made, err := Convert(files, dir, false)
	if err != nil {
		t.Fatal(err)
	}
	if len(made) != 7 {
		t.Fatalf("made %d PDFs, want 7: %v", len(made), made)
	}
	for i, m := range made {
		if b, err := os.ReadFile(m); err != nil || string(b) != "pdf p"+strconv.Itoa(i) {
			t.Errorf("%s: %q %v", m, b, err)
		}
	}
	b, _ := os.ReadFile(log)
	runs := strings.Split(strings.TrimSpace(string(b)), "\n")
	// 7 files, at most 3 a run, 2 converted a run: 3+3+3+2 given, 2+2+2+1 made… until done.
	if len(runs) != 4 {
		t.Errorf("%d LibreOffice runs, want 4:\n%s", len(runs), b)
	}
	profile := ""
	for _, r := range runs {
		f := strings.Fields(r)
		if n := strings.Count(r, " F"); n > 3 || n == 0 {
			t.Errorf("a run was given %d files: %s", n, r)
		}
		if profile == "" {
			profile = f[0]
		}
		if f[0] != profile || !strings.HasPrefix(f[0], "-env:UserInstallation=file:///") || !strings.Contains(r, " "+ExportFilter+" ") {
			t.Errorf("run %q: want the same private profile and the filter %s", r, ExportFilter)
		}
	}
}

// TestConvertReportsAFileNeverConverted: a file LibreOffice never converts fails the run with
// its name, and the PDFs made before are still put in place and returned.
func TestConvertReportsAFileNeverConverted(t *testing.T) {
	fakeSoffice(t, `out=""; prev=""
for a in "$@"; do
  if [ "$prev" = "--outdir" ]; then out="$a"; fi
  case "$a" in *bad.docx) ;; *.docx) b=$(basename "$a" .docx); printf 'pdf' > "$out/$b.pdf";; esac
  prev="$a"
done
`)
	dir := t.TempDir()
	var files []string
	for _, n := range []string{"a", "bad", "c"} {
		f := filepath.Join(dir, n+".docx")
		os.WriteFile(f, []byte("docx"), 0o644)
		files = append(files, f)
	}
	made, err := Convert(files, dir, false)
	if err == nil || !strings.Contains(err.Error(), "did not convert "+files[1]) {
		t.Fatalf("want an error naming bad.docx, got %v", err)
	}
	if len(made) != 2 || filepath.Base(made[0]) != "a.pdf" || filepath.Base(made[1]) != "c.pdf" {
		t.Errorf("made %v, want a.pdf and c.pdf", made)
	}
	if _, err := os.Stat(filepath.Join(dir, "bad.pdf")); err == nil {
		t.Error("bad.pdf written")
	}
}

// TestRealLibreOfficeKeepsComments: a draft's drafting notes are Word comments (build --notes
// comments); the PDF has them as PDF comments (annotations) with their text. pdftotext reads
// only the page text, so the annotations' /Contents are read from the PDF itself (LibreOffice
// writes them uncompressed, as UTF-16 hex strings).
func TestRealLibreOfficeKeepsComments(t *testing.T) {
	if testing.Short() {
		t.Skip("integration test: skipped with -short")
	}
	if _, err := Binary(); err != nil {
		if os.Getenv("TSDRAFT_REQUIRE_LIBREOFFICE") != "" || os.Getenv("CI") != "" {
			t.Fatal(err)
		}
		t.Skip("LibreOffice not installed")
	}
	const note = "弁護士に確認：競業避止の期間は2年以内か"
	dir := t.TempDir()
	f := filepath.Join(dir, "noted.docx")
	if err := os.WriteFile(f, docxWithComment(t, "The employee keeps secrets.", note), 0o644); err != nil {
		t.Fatal(err)
	}
	made, err := Convert([]string{f}, dir, false)
	if err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(made[0])
	if err != nil {
		t.Fatal(err)
	}
	notes := annotationTexts(b)
	if !slices.Contains(notes, note) {
		t.Errorf("the PDF's comments are %q, want %q among them", notes, note)
	}
	if out, err := exec.Command("pdftotext", made[0], "-").Output(); err == nil && !strings.Contains(string(out), "The employee keeps secrets.") {
		t.Errorf("PDF text %q", out)
	}
}

// annotationTexts returns the /Contents of the PDF's text annotations.
func annotationTexts(pdf []byte) []string {
	var out []string
	re := regexp.MustCompile(`/Subtype\s*/Text\b[^>]*?/Contents\s*<([0-9A-Fa-f\s]+)>`)
	for _, m := range re.FindAllSubmatch(pdf, -1) {
		h, err := hex.DecodeString(strings.Join(strings.Fields(string(m[1])), ""))
		if err != nil || len(h) < 2 || h[0] != 0xFE || h[1] != 0xFF {
			continue
		}
		u := make([]uint16, 0, len(h)/2)
		for i := 2; i+1 < len(h); i += 2 {
			u = append(u, uint16(h[i])<<8|uint16(h[i+1]))
		}
		out = append(out, string(utf16.Decode(u)))
	}
	return out
}

// docxWithComment is the smallest Word document with one paragraph and one comment on it.
func docxWithComment(t *testing.T, text, comment string) []byte {
	t.Helper()
	const w = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"`
	parts := []struct{ name, body string }{
		{"[Content_Types].xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/comments.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"/></Types>`},
		{"_rels/.rels", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`},
		{"word/_rels/document.xml.rels", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="comments.xml"/></Relationships>`},
		{"word/document.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ` + w + `><w:body><w:p><w:commentRangeStart w:id="0"/><w:r><w:t>` + text + `</w:t></w:r><w:commentRangeEnd w:id="0"/><w:r><w:commentReference w:id="0"/></w:r></w:p></w:body></w:document>`},
		{"word/comments.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:comments ` + w + `><w:comment w:id="0" w:author="tsdraft" w:initials="TS"><w:p><w:r><w:t>` + comment + `</w:t></w:r></w:p></w:comment></w:comments>`},
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, p := range parts {
		fw, err := zw.Create(p.name)
		if err != nil {
			t.Fatal(err)
		}
		fw.Write([]byte(p.body))
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}
