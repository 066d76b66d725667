package docxtext

import (
	"archive/zip"
	"bytes"
	"testing"

	"github.com/tsdraft/tsdraft/internal/docx"
)

func pkgOf(t *testing.T, body string) *docx.Package {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, p := range [][2]string{
		{"[Content_Types].xml", `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`},
		{"_rels/.rels", `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`},
		{"word/document.xml", `<w:document xmlns:w="w"><w:body>` + body + `</w:body></w:document>`},
		{"word/_rels/document.xml.rels", `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"/>`},
		{"word/header1.xml", `<w:hdr xmlns:w="w"><w:p><w:r><w:t>head</w:t></w:r></w:p></w:hdr>`},
	} {
		w, _ := zw.Create(p[0])
		w.Write([]byte(p[1]))
	}
	zw.Close()
	pkg, err := docx.Open("t.docx", buf.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	return pkg
}

func TestDetailedDump(t *testing.T) {
	body := `<w:p><w:r><w:rPr><w:rStyle w:val="LangZhCN"/></w:rPr><w:t>第一条</w:t></w:r><w:r><w:rPr><w:rStyle w:val="LangZhCN"/></w:rPr><w:t>内容</w:t></w:r></w:p>` +
		`<w:p><w:r><w:rPr><w:rStyle w:val="LangEnSecond"/></w:rPr><w:t>Article 1 </w:t></w:r><w:r><w:rPr><w:rFonts w:ascii="Times New Roman" w:eastAsia="SimSun" w:hint="eastAsia"/><w:lang w:val="en-GB"/></w:rPr><w:t>Content</w:t></w:r><w:r><w:br w:type="page"/></w:r></w:p>` +
		`<w:p><w:pPr><w:pageBreakBefore/><w:sectPr><w:headerReference w:type="default" r:id="rId1"/><w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/><w:type w:val="continuous"/></w:sectPr></w:pPr><w:r><w:t>annex</w:t></w:r><w:r><w:br w:type="column"/></w:r></w:p>` +
		`<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr>`
	got, err := Detailed(pkgOf(t, body))
	if err != nil {
		t.Fatal(err)
	}
	want := "[header1]\nhead\n[/header1]\n" +
		"第一条内容  ⟨LangZhCN⟩\n" +
		"⟨LangEnSecond⟩Article 1 ⟨lang=en-GB fonts=ascii:Times New Roman,eastAsia:SimSun,hint:eastAsia⟩Content ⤓ \n" +
		"⤓ annex ‖   ⟦section 16838×11906 landscape continuous (header:default)⟧\n" +
		"⟦section 11906×16838⟧\n"
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	plain, _ := Dump(pkgOf(t, body))
	if plain != "[header1]\nhead\n[/header1]\n第一条内容\nArticle 1 Content ⏎ \nannex ⏎ \n" {
		t.Errorf("plain dump changed: %q", plain)
	}
}
