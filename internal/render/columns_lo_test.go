package render

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tsdraft/tsdraft/internal/docx"
	"github.com/tsdraft/tsdraft/internal/pdf"
	"github.com/tsdraft/tsdraft/internal/testsupport"
	"github.com/tsdraft/tsdraft/internal/tplgen"
)

// The columns layout keeps a page break of the template: the table is split and the text
// after the break starts the second page, in both languages.
func TestColumnsPageBreakThroughLibreOffice(t *testing.T) {
	testsupport.NeedLibreOffice(t, "pdftotext")
	dir := t.TempDir()
	b, err := tplgen.Generate("nda-employee.txt", "nda-employee", []byte("title: {{ company.name }}\np: FIRSTPAGE {{ lang }}\np: SECONDPAGE {{ lang }}\n"))
	if err != nil {
		t.Fatal(err)
	}
	pkg, err := docx.Open("t.docx", b)
	if err != nil {
		t.Fatal(err)
	}
	doc, _ := pkg.Read("word/document.xml")
	// "page break before" on the second paragraph, as Word writes it
	pkg.Set("word/document.xml", []byte(strings.Replace(string(doc), `<w:p><w:r><w:t xml:space="preserve">SECONDPAGE`, `<w:p><w:pPr><w:pageBreakBefore/></w:pPr><w:r><w:t xml:space="preserve">SECONDPAGE`, 1)))
	tb, err := pkg.Bytes()
	if err != nil {
		t.Fatal(err)
	}
	tdir := filepath.Join(dir, "tpl")
	os.Mkdir(tdir, 0o755)
	os.WriteFile(filepath.Join(tdir, "nda-employee.docx"), tb, 0o644)
	base := testRenderer(t)
	r := &Renderer{Templates: base.Templates, TemplateDirs: []string{tdir}, Catalog: base.Catalog, Version: "test"}
	p := sample(t, "JP")
	outs, err := r.Render(Request{Doc: "nda-employee", Profile: p, Data: p.Data(), Langs: []string{"ja", "en"}, Layout: Columns})
	if err != nil {
		t.Fatal(err)
	}
	txt, err := exec.Command("pdftotext", "-enc", "UTF-8", toPDF(t, outs[0].Package, "cols.docx"), "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	pages := strings.Split(strings.TrimRight(string(txt), "\f\n "), "\f")
	if len(pages) != 2 || !strings.Contains(pages[0], "FIRSTPAGE ja") || !strings.Contains(pages[0], "FIRSTPAGE en") ||
		!strings.Contains(pages[1], "SECONDPAGE ja") || !strings.Contains(pages[1], "SECONDPAGE en") || strings.Contains(pages[0], "SECONDPAGE") {
		t.Errorf("want FIRSTPAGE on page 1 and SECONDPAGE on page 2 in both languages, got %d pages:\n%s", len(pages), txt)
	}
}

// toPDF writes pkg as name in a temporary folder and converts it with LibreOffice, returning
// the PDF's path.
func toPDF(t *testing.T, pkg *docx.Package, name string) string {
	t.Helper()
	b, err := pkg.Bytes()
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	f := filepath.Join(dir, name)
	if err := docx.WriteFile(f, b, false, docx.Verify); err != nil {
		t.Fatal(err)
	}
	pdfs, err := pdf.Convert([]string{f}, dir, false)
	if err != nil {
		t.Fatal(err)
	}
	return pdfs[0]
}
