package web

import (
	"encoding/base64"
	"fmt"
	"html/template"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/tsdraft/tsdraft/internal/pdf"
)

// Page images: when LibreOffice and pdftoppm are installed, a built document can be seen as
// its pages (converted in a private temporary folder, removed afterwards); otherwise the
// preview is the text rendering of the build page.

const maxPageImages = 12

var pageImgMu sync.Mutex // one LibreOffice conversion at a time

func haveLibreOffice() bool {
	if _, err := pdf.Binary(); err != nil {
		return false
	}
	_, err := exec.LookPath("pdftoppm")
	return err == nil
}

func (s *Server) pageImages(w http.ResponseWriter, r *http.Request) {
	res := s.lookup(r, r.PathValue("id"))
	n, err := strconv.Atoi(r.PathValue("n"))
	if res == nil || res.build == nil || err != nil || n < 0 || n >= len(res.build.Files) || !strings.HasSuffix(res.build.Files[n].Name, ".docx") {
		s.fail(w, r, http.StatusNotFound, "err.no_result")
		return
	}
	if !haveLibreOffice() {
		s.fail(w, r, http.StatusNotImplemented, "err.no_libreoffice")
		return
	}
	f := res.build.Files[n]
	var pdfData []byte // the build's own PDF of this file, when PDF was chosen
	for _, g := range res.build.Files {
		if g.Name == strings.TrimSuffix(f.Name, ".docx")+".pdf" {
			pdfData = g.Data
		}
	}
	imgs, err := renderPages(f.Name, f.Data, pdfData)
	if err != nil {
		s.failText(w, r, http.StatusInternalServerError, err.Error())
		return
	}
	var srcs []template.URL
	for _, b := range imgs {
		// A data: URL of PNG bytes we made; the page's CSP allows images from data: only.
		srcs = append(srcs, template.URL("data:image/png;base64,"+base64.StdEncoding.EncodeToString(b)))
	}
	s.page(w, r, "pages", map[string]any{"ID": res.id, "Name": f.Name, "Pages": srcs, "Max": maxPageImages})
}

// renderPages converts one DOCX to PDF (unless its PDF is given) and its first pages to PNG.
func renderPages(name string, data, pdfData []byte) ([][]byte, error) {
	pageImgMu.Lock()
	defer pageImgMu.Unlock()
	dir, err := os.MkdirTemp("", "tsdraft-serve-pages-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	pdfPath := filepath.Join(dir, "doc.pdf")
	if pdfData != nil {
		if err := os.WriteFile(pdfPath, pdfData, 0o600); err != nil {
			return nil, err
		}
	} else {
		src := filepath.Join(dir, "doc.docx")
		if err := os.WriteFile(src, data, 0o600); err != nil {
			return nil, err
		}
		pdfs, err := pdf.Convert([]string{src}, dir, false)
		if err != nil || len(pdfs) != 1 {
			return nil, fmt.Errorf("converting %s to PDF: %v", name, err)
		}
		pdfPath = pdfs[0]
	}
	out, err := exec.Command("pdftoppm", "-png", "-r", "60", "-l", strconv.Itoa(maxPageImages), pdfPath, filepath.Join(dir, "page")).CombinedOutput()
	if err != nil {
		return nil, fmt.Errorf("pdftoppm: %v: %s", err, out)
	}
	files, err := filepath.Glob(filepath.Join(dir, "page-*.png"))
	if err != nil {
		return nil, err
	}
	sort.Strings(files) // pdftoppm pads the numbers, so names sort in page order
	var imgs [][]byte
	for _, p := range files {
		b, err := os.ReadFile(p)
		if err != nil {
			return nil, err
		}
		imgs = append(imgs, b)
	}
	return imgs, nil
}
