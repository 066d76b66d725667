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
