package testsupport

import (
	"archive/zip"
	"bytes"
	"io"
	"os"
	"testing"

	"github.com/tsdraft/tsdraft/internal/docx"
	"github.com/tsdraft/tsdraft/internal/docxtext"
)

// OpenDocx reads a written DOCX, checks it with the structural verifier and opens it.
func OpenDocx(t testing.TB, path string) *docx.Package {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := docx.Verify(b); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	p, err := docx.Open(path, b)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// DocText reads a written DOCX back as text (docxtext.Dump), after the verifier.
func DocText(t testing.TB, path string) string {
	t.Helper()
	s, err := docxtext.Dump(OpenDocx(t, path))
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// RewriteDocx copies a DOCX entry by entry; edit may change an entry's name or content, or
// return store to write it uncompressed; extra entries are appended.
func RewriteDocx(t testing.TB, src []byte, edit func(name string, data []byte) (string, []byte, bool), extra map[string]string) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(src), int64(len(src)))
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range zr.File {
		rc, _ := f.Open()
		data, _ := io.ReadAll(rc)
		rc.Close()
		name, store := f.Name, false
		if edit != nil {
			name, data, store = edit(f.Name, data)
		}
		m := zip.Deflate
		if store {
			m = zip.Store
		}
		w, err := zw.CreateHeader(&zip.FileHeader{Name: name, Method: m})
		if err != nil {
			t.Fatal(err)
		}
		w.Write(data)
	}
	for n, v := range extra {
		w, err := zw.Create(n)
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte(v))
	}
	zw.Close()
	return buf.Bytes()
}
