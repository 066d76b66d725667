package tplgen

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tsdraft/tsdraft/internal/docx"
	"github.com/tsdraft/tsdraft/internal/docxtmpl"
)

// The committed templates must be what the sources generate: edit templates/src/*.txt, then
// run `go run ./tools/tplgen`.
func TestShippedTemplatesAreUpToDate(t *testing.T) {
	srcs, _ := filepath.Glob("../../templates/src/*.txt")
	if len(srcs) == 0 {
		t.Fatal("no template sources found")
	}
	for _, src := range srcs {
		id := strings.TrimSuffix(filepath.Base(src), ".txt")
		b, err := os.ReadFile(src)
		if err != nil {
			t.Fatal(err)
		}
		want, err := GenerateWith(shippedRef(t), src, id, b)
		if err != nil {
			t.Fatal(err)
		}
		got, err := os.ReadFile(filepath.Join("../../templates", id+".docx"))
		if err != nil || !bytes.Equal(got, want) {
			t.Errorf("templates/%s.docx is not up to date with %s: run go run ./tools/tplgen", id, src)
			continue
		}
		if err := docx.Verify(got); err != nil {
			t.Errorf("%s: %v", id, err)
		}
		pkg, err := docx.Open(id, got)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := docxtmpl.Parse(id, pkg, []string{"t", "article", "para", "item", "ref"}); err != nil {
			t.Errorf("%s: %v", id, err)
		}
	}
}

func shippedRef(t testing.TB) *Reference {
	t.Helper()
	b, err := os.ReadFile("../../templates/reference/reference.docx")
	if err != nil {
		t.Fatal(err)
	}
	ref, err := LoadReference("reference.docx", b)
	if err != nil {
		t.Fatal(err)
	}
	return ref
}

func TestSourceErrorsHaveLines(t *testing.T) {
	cases := map[string]string{
		"p: a\nrow: x | y\n":                "f.txt:2: row: outside a table",
		"table: a | b\nrow: x\nendtable:\n": "f.txt:2: row has 1 cells, the table has 2",
		"p: a\nwhat: b\n":                   `f.txt:2: unknown keyword "what"`,
		"no keyword here\n":                 "f.txt:1: expected KEYWORD: text",
		"table: a\n{{#if x}}\nendtable:\n":  "f.txt:2: a block tag line inside a table",
		"table: a\nrow: b\n":                "table is never closed",
	}
	for src, want := range cases {
		_, err := GenerateWith(shippedRef(t), "f.txt", "f", []byte(src))
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%q: got %v, want %q", src, err, want)
		}
	}
}
