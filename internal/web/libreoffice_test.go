package web

import (
	"bytes"
	"net/http"
	"strings"
	"testing"

	"github.com/tsdraft/tsdraft/internal/testsupport"
)

// With PDF chosen the zip holds a PDF beside each DOCX, and the page images show the pages.
func TestBuildWithPDFAndPageImages(t *testing.T) {
	testsupport.NeedLibreOffice(t, "pdftoppm")
	s := newTestServer(t, nil)
	c := login(t, s)
	doc := sampleDoc(t, "TH")
	form := formValues(buildForm(doc, formLangs(doc)))
	form.Set("csrf", c.csrf)
	form.Set("action", "build")
	form["docs"] = []string{"exit-pledge"}
	form.Set("pdf", "on")
	w := c.post("/profile", form)
	if w.Code != http.StatusSeeOther {
		t.Fatalf("build: %d\n%s", w.Code, w.Body)
	}
	loc := w.Header().Get("Location")
	files := readZip(t, c.get(loc+"/zip").Body.Bytes())
	pdf := files["exit-pledge.TH.th+ja.pdf"]
	if !bytes.HasPrefix(pdf, []byte("%PDF-")) || files["exit-pledge.TH.th+ja.docx"] == nil {
		t.Fatalf("zip lacks the PDF or the DOCX: %d files", len(files))
	}
	p := c.get(loc + "/pages/0")
	if p.Code != 200 || strings.Count(p.Body.String(), `src="data:image/png;base64,iVBOR`) < 1 {
		t.Errorf("page images: %d, no PNG pages", p.Code)
	}
	if p := c.get(loc + "/pages/7"); p.Code != http.StatusNotFound {
		t.Errorf("page images of a file that is not there: %d", p.Code)
	}
}
