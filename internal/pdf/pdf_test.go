package pdf

import (
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

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
