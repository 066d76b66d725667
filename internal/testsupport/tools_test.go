package testsupport

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestRequiredFollowsTheEnvironment(t *testing.T) {
	for _, v := range []string{"CI", "TSDRAFT_REQUIRE_LIBREOFFICE", "TSDRAFT_REQUIRE_TOOLS"} {
		t.Setenv("CI", "")
		t.Setenv("TSDRAFT_REQUIRE_LIBREOFFICE", "")
		t.Setenv("TSDRAFT_REQUIRE_TOOLS", "")
		if Required() {
			t.Fatal("required with none of the variables set")
		}
		t.Setenv(v, "1")
		if !Required() {
			t.Errorf("%s=1: not required", v)
		}
	}
}

func TestLookTool(t *testing.T) {
	if _, err := LookTool("tsdraft-no-such-tool"); err == nil {
		t.Error("a tool that is not there was found")
	}
	dir := t.TempDir()
	exe := filepath.Join(dir, "libreoffice")
	if err := os.WriteFile(exe, []byte("#!/bin/sh\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	t.Setenv("PATH", dir)
	if p, err := LookTool("soffice"); err != nil || p != exe {
		t.Errorf("soffice under its other name: %q, %v", p, err)
	}
}

func TestWriteLanguage(t *testing.T) {
	dir := t.TempDir()
	WriteLanguage(t, dir, "ko", KoreanLanguage)
	b, err := os.ReadFile(filepath.Join(dir, "ko", "language.toml"))
	if err != nil || !strings.Contains(string(b), `script = "hangul"`) {
		t.Fatalf("%v %q", err, b)
	}
}

func TestDocTextRefusesWhatIsNotADocx(t *testing.T) {
	path := filepath.Join(t.TempDir(), "x.docx")
	if err := os.WriteFile(path, []byte("PK not really"), 0o644); err != nil {
		t.Fatal(err)
	}
	ft := &fakeT{TB: t}
	func() {
		defer func() { _ = recover() }()
		DocText(ft, path)
	}()
	if !ft.failed {
		t.Error("a file that is not a DOCX was read as one")
	}
}

// fakeT records a failure instead of ending the test.
type fakeT struct {
	testing.TB
	failed bool
}

func (f *fakeT) Helper() {}
func (f *fakeT) Fatal(args ...any) {
	f.failed = true
	panic("fatal")
}
func (f *fakeT) Fatalf(format string, args ...any) {
	f.failed = true
	panic("fatal")
}
