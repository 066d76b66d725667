package render

import (
	"strings"
	"testing"

	wx "github.com/tsdraft/tsdraft/internal/wordxml"
)

func columnsOf(t *testing.T, body string) string {
	t.Helper()
	root, err := wx.Parse([]byte(`<w:document xmlns:w="w"><w:body>` + body + `</w:body></w:document>`))
	if err != nil {
		t.Fatal(err)
	}
	b := root.Children[0].Child("w:body")
	columns(b, "ja", "en", nil)
	var sb strings.Builder
	wx.Serialize(&sb, b)
	return sb.String()
}

func TestColumnsLayout(t *testing.T) {
	letter := `<w:sectPr><w:pgSz w:w="12240" w:h="15840"/><w:pgMar w:top="1440" w:right="1440" w:bottom="1440" w:left="1440" w:header="720" w:footer="720" w:gutter="0"/></w:sectPr>`
	para := func(s string) string { return `<w:p><w:r><w:t>` + s + `</w:t></w:r></w:p>` }
	got := columnsOf(t, `<w:bookmarkStart w:id="1" w:name="intro"/>`+para("first")+`<w:bookmarkEnd w:id="1"/>`+
		`<w:sdt><w:sdtPr><w:alias w:val="Clause 2"/></w:sdtPr><w:sdtContent>`+para("in control")+`</w:sdtContent></w:sdt>`+
		`<w:p><w:pPr><w:pageBreakBefore/></w:pPr><w:r><w:t>second page</w:t></w:r></w:p>`+
		`<w:p><w:pPr><w:sectPr><w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/></w:sectPr></w:pPr><w:r><w:t>end of section</w:t></w:r></w:p>`+
		para("next section")+letter)
	// widths from the page set-up: Letter less 1 inch margins = 9360, two columns of 4680
	if !strings.Contains(got, `<w:gridCol w:w="4680"/><w:gridCol w:w="4680"/>`) || !strings.Contains(got, `<w:tcW w:w="4680" w:type="dxa"/>`) || strings.Contains(got, "4819") {
		t.Errorf("column widths not from the page set-up: %s", got)
	}
	// bookmarks and content controls survive
	if !strings.Contains(got, `<w:tc><w:tcPr><w:tcW w:w="4680" w:type="dxa"/></w:tcPr><w:bookmarkStart w:id="1" w:name="intro"/><w:p>`) ||
		!strings.Contains(got, `<w:bookmarkEnd w:id="1"/>`) {
		t.Errorf("bookmark lost: %s", got)
	}
	if !strings.Contains(got, `<w:sdt><w:sdtPr><w:alias w:val="Clause 2"/></w:sdtPr><w:sdtContent>`) || strings.Count(got, "in control") != 2 {
		t.Errorf("content control lost or not interleaved: %s", got)
	}
	// a page break and a section break end the table and stand between tables
	if n := strings.Count(got, "<w:tbl>"); n != 3 {
		t.Errorf("want 3 tables (split by a page break and a section break), got %d: %s", n, got)
	}
	if !strings.Contains(got, `</w:tbl><w:p><w:pPr><w:pageBreakBefore/>`) || !strings.Contains(got, `</w:tbl><w:p><w:pPr><w:sectPr><w:pgSz w:w="16838"`) {
		t.Errorf("breaks not between tables: %s", got)
	}
	if strings.Count(got, "<w:sectPr>") != 2 || !strings.HasSuffix(got, letter+"</w:body>") {
		t.Errorf("section properties: %s", got)
	}
}

// A bilingual pair is never parted by a page: "page break before" and a break before the
// text stay on the original, a break after the text moves to the copy.
func TestInterleaveKeepsPairsTogether(t *testing.T) {
	root, err := wx.Parse([]byte(`<w:document xmlns:w="w"><w:body>` +
		`<w:p><w:pPr><w:pageBreakBefore/></w:pPr><w:r><w:t>A</w:t></w:r></w:p>` +
		`<w:p><w:r><w:br w:type="page"/><w:t>B</w:t></w:r></w:p>` +
		`<w:p><w:r><w:t>C</w:t></w:r><w:r><w:br w:type="page"/></w:r></w:p>` +
		`</w:body></w:document>`))
	if err != nil {
		t.Fatal(err)
	}
	body := root.Children[0].Child("w:body")
	interleave(body, "ja", "en", nil)
	var sb strings.Builder
	wx.Serialize(&sb, body)
	got := sb.String()
	for _, want := range []string{
		`<w:p><w:pPr><w:pageBreakBefore/></w:pPr><w:r><w:rPr><w:rStyle w:val="LangJa"/></w:rPr><w:t>A</w:t></w:r></w:p>`,
		`<w:p><w:pPr/><w:r><w:rPr><w:rStyle w:val="LangEnSecond"/></w:rPr><w:t>A</w:t></w:r></w:p>`,
		`<w:r><w:rPr><w:rStyle w:val="LangJa"/></w:rPr><w:br w:type="page"/><w:t>B</w:t></w:r>`,
		`<w:r><w:rPr><w:rStyle w:val="LangEnSecond"/></w:rPr><w:t>B</w:t></w:r>`,
		`<w:r><w:rPr><w:rStyle w:val="LangJa"/></w:rPr><w:t>C</w:t></w:r><w:r><w:rPr><w:rStyle w:val="LangJa"/></w:rPr></w:r></w:p>`,
		`<w:r><w:rPr><w:rStyle w:val="LangEnSecond"/></w:rPr><w:br w:type="page"/></w:r></w:p>`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("missing %s in\n%s", want, got)
		}
	}
	if strings.Count(got, `w:type="page"`) != 2 || strings.Count(got, "pageBreakBefore") != 1 {
		t.Errorf("breaks duplicated: %s", got)
	}
}
