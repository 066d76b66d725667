package main

import (
	"strings"
	"testing"
)

func TestParagraphs(t *testing.T) {
	xml := `<w:hdr xmlns:w="w"><w:p><w:pPr><w:tabs><w:tab w:val="right" w:pos="9638"/></w:tabs></w:pPr>` +
		`<w:r><w:t>Co</w:t></w:r><w:r><w:tab/></w:r><w:r><w:t xml:space="preserve">L2 </w:t><w:br/><w:t>x</w:t></w:r>` +
		`<w:r><w:instrText> PAGE </w:instrText></w:r></w:p><w:p/>` +
		`<w:tbl><w:tr><w:tc><w:p><w:r><w:t>1</w:t></w:r></w:p></w:tc></w:tr></w:tbl></w:hdr>`
	got, err := paragraphs([]byte(xml))
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"Co\tL2 \nx", "", "1"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("paragraphs = %q, want %q", got, want)
	}
}

func TestFirstDiff(t *testing.T) {
	if d := firstDiff([]string{"a", "b"}, []string{"a", "b"}); d != "" {
		t.Errorf("equal lists differ: %s", d)
	}
	if d := firstDiff([]string{"a", "b"}, []string{"a", "c"}); !strings.Contains(d, "paragraph 2") {
		t.Errorf("diff = %q", d)
	}
	if d := firstDiff([]string{"a"}, []string{"a", "b"}); !strings.Contains(d, "1 paragraphs against 2") {
		t.Errorf("diff = %q", d)
	}
}
