//go:build linux

package docx

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
)

// On Linux a new file is written without a temporary name: while it is being synced the
// folder holds nothing, and a file someone else creates meanwhile is kept, not replaced.
func TestWriteFileUnnamedOnLinux(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "out.docx")
	orig := syncFile
	defer func() { syncFile = orig }()
	syncFile = func(f *os.File) error {
		if entries, _ := os.ReadDir(dir); len(entries) != 0 {
			t.Errorf("the folder shows %v before the file is in place", entries)
		}
		return f.Sync()
	}
	if err := WriteFile(p, []byte("one"), false, nil); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(p); string(b) != "one" {
		t.Errorf("wrote %q", b)
	}
	fi, err := os.Stat(p)
	if err != nil || fi.Mode().Perm() != 0o644 {
		t.Errorf("mode %v (%v), want 0644 like a file written with a temporary name", fi.Mode(), err)
	}

	q := filepath.Join(dir, "raced.docx")
	syncFile = func(f *os.File) error {
		os.WriteFile(q, []byte("theirs"), 0o600)
		return f.Sync()
	}
	err = WriteFile(q, []byte("ours"), false, nil)
	var ee *ErrExists
	if !errors.As(err, &ee) || !errors.Is(err, fs.ErrExist) {
		t.Errorf("a destination created during the write gave %v, want ErrExists", err)
	}
	if b, _ := os.ReadFile(q); string(b) != "theirs" {
		t.Errorf("the other writer's file now holds %q", b)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 2 {
		t.Errorf("left behind: %v", entries)
	}
}
