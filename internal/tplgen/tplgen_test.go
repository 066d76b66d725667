package tplgen

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
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
		"p: a\nrow: x | y\n":                  "f.txt:2: row: outside a table",
		"table: a | b\nrow: x\nendtable:\n":   "f.txt:2: row has 1 cells, the table has 2",
		"p: a\nwhat: b\n":                     `f.txt:2: unknown keyword "what"`,
		"no keyword here\n":                   "f.txt:1: expected KEYWORD: text",
		"table: a\n{{#if x}}\nendtable:\n":    "f.txt:2: a block tag line inside a table",
		"table: a\nrow: b\n":                  "table is never closed",
		"section: landscape\np: a\n":          "never ended with section: portrait",
		"section: portrait\n":                 "f.txt:1: section: portrait: the pages are portrait already",
		"section: sideways\n":                 `f.txt:1: section: "sideways": write section: landscape or section: portrait`,
		"table: a\nsection: landscape\n":      "f.txt:2: section: inside a table",
		"widths: 30 | 60\ntable: a | b\n":     "f.txt:1: widths: the per cents add up to 90, not 100",
		"widths: 50 | x\n":                    `f.txt:1: widths: "x" is not a whole per cent`,
		"widths: 50 | 50\ntable: a | b | c\n": "f.txt:2: the table has 3 columns, widths: (line 1) gives 2",
		"widths: 50 | 50\np: a\n":             "f.txt:1: widths: is followed by no table",
	}
	for src, want := range cases {
		_, err := GenerateWith(shippedRef(t), "f.txt", "f", []byte(src))
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%q: got %v, want %q", src, err, want)
		}
	}
}

// TestLandscapeSection: a landscape section takes the reference's margins, header and footer
// with the page turned; the table in it spans the landscape text width in the per cents given;
// the break after a table replaces the paragraph Word needs there; the document ends portrait.
func TestLandscapeSection(t *testing.T) {
	src := "p: before\ntable: x\nrow: y\nendtable:\nsection: landscape\nwidths: 25 | 75\ntable: a | b\nrow: c | d\nendtable:\nsection: portrait\np: after\n"
	b, err := GenerateWith(shippedRef(t), "f.txt", "f", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	pkg, err := docx.Open("f.docx", b)
	if err != nil {
		t.Fatal(err)
	}
	x, _ := pkg.Read("word/document.xml")
	doc := string(x)
	sects := regexp.MustCompile(`<w:sectPr>.*?</w:sectPr>`).FindAllString(doc, -1)
	if len(sects) != 3 {
		t.Fatalf("%d sections, want 3:\n%s", len(sects), doc)
	}
	for i, want := range []string{`<w:pgSz w:w="11906" w:h="16838"/>`, `<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/>`, `<w:pgSz w:w="11906" w:h="16838"/>`} {
		if !strings.Contains(sects[i], want) || !strings.Contains(sects[i], `<w:headerReference w:type="default" r:id="rId4"/>`) || !strings.Contains(sects[i], `w:left="1134"`) {
			t.Errorf("section %d: %s, want %s with the reference's header and margins", i+1, sects[i], want)
		}
	}
	if !strings.Contains(doc, `<w:gridCol w:w="3642"/><w:gridCol w:w="10927"/>`) {
		t.Errorf("the landscape table's columns are not 25%% and 75%% of 14570 twips:\n%s", doc)
	}
	if strings.Contains(doc, `</w:tbl><w:p><w:pPr><w:spacing w:after="0"/></w:pPr></w:p><w:p><w:pPr><w:spacing w:before="0"`) {
		t.Error("the section break after the first table comes in a paragraph of its own, after the one Word needs")
	}
}
