package batch

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// FuzzManifest: the manifest reader takes any bytes without panicking (a manifest.csv may be
// anyone's file), and what the writer writes reads back as who each file was written for:
// a misread here would let a later run record someone else's pledge as this person's.
func FuzzManifest(f *testing.F) {
	f.Add([]byte("\uFEFFrow,employee_id,employee_name,document,file,sha256,status,error\r\n2,E-1,王伟,exit-pledge,a.docx,00,written,\r\n"), "E-1", "王伟", "a.docx")
	f.Add([]byte("row,employee_id\n"), "=cmd|' /C calc'!A0", "+1", "@x.docx")
	f.Add([]byte("\uFEFFrow,employee_id,employee_name,document,file,sha256,status,error\r\n\"unterminated"), "-2", "\t", "b.docx")
	f.Add([]byte(""), "a\"b", "line\nbreak", "c,d.docx")
	dir := f.TempDir()
	f.Fuzz(func(t *testing.T, data []byte, id, name, file string) {
		path := filepath.Join(dir, ManifestName)
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		if m, exists, ok, err := readManifest(path); err != nil || !exists {
			t.Fatalf("reading an existing file: exists=%v err=%v", exists, err)
		} else if ok {
			for k := range m {
				if k == "" {
					t.Fatal("an entry without a file name")
				}
			}
		}
		// encoding/csv reads a CR-LF inside a quoted field back as LF, and a lone CR is kept;
		// names and IDs come from cells, where a line break is LF.
		if strings.ContainsRune(id+name+file, '\r') || file == "" {
			return
		}
		es := []Entry{{Row: 2, ID: id, Name: name, Doc: "exit-pledge", File: file, SHA256: "00", Status: StatusWritten}}
		b, err := encodeManifest(es)
		if err != nil {
			return // not UTF-8 or otherwise unwritable: the writer says so
		}
		if err := os.WriteFile(path, b, 0o644); err != nil {
			t.Fatal(err)
		}
		m, _, ok, err := readManifest(path)
		if err != nil || !ok {
			t.Fatalf("the manifest tsdraft wrote is not read as one: ok=%v err=%v\n%q", ok, err, b)
		}
		// Entries are keyed by the name compared as the file system does (NFC, case folded).
		if got := m[nameKey(file)]; got.id != id || got.name != name {
			t.Fatalf("%q was written for %q (%q), read back as %q (%q)", file, name, id, got.name, got.id)
		}
	})
}
