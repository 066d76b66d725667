package testsupport

import (
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
