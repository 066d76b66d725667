package web

import (
	"archive/zip"
	"bytes"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"time"

	"github.com/tsdraft/tsdraft/internal/docxtext"
	"github.com/tsdraft/tsdraft/internal/notes"
	"github.com/tsdraft/tsdraft/internal/usecase"
)

// buildResult is one build: every file in memory, named by tsdraft (never by the browser).
type buildResult struct {
	Jur, Layout string
	Langs       []string
	Files       []outFile
	Previews    []preview
	Profile     []byte
	Took        time.Duration
	// The form's profile name and the file it was opened from, for "back to the form".
	Name, Opened, OpenedHash string
	PDFError                 string
}

// zipTime is the fixed time of every zip entry (deterministic downloads).
var zipTime = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)

type outFile struct {
	Name string
	Data []byte
}

type preview struct {
	Index int // in Files
	Name  string
	Lines []string
}

// build drafts docs as `tsdraft build` does (the same use case), in memory, and keeps the
// result for the session.
func (s *Server) build(r *http.Request, fp *formPage, c *checked, docs, langs []string, layout string, withPDF bool) (string, error) {
	start := time.Now()
	p := c.p
	if len(langs) == 0 {
		langs = p.Languages
	}
	if len(langs) > 2 {
		langs = langs[:2]
	}
	if !slices.Contains(usecase.Layouts, layout) {
		layout = ""
	}
	built, err := s.o.Env.Build(c.checked, usecase.BuildRequest{Docs: docs, Langs: langs, Layout: layout, Notes: notes.Mode(fp.Notes)})
	if err != nil {
		return "", err
	}
	res := &buildResult{Jur: p.Jurisdiction, Layout: built.Layout, Langs: built.Langs, Profile: c.src, Name: fp.Name, Opened: fp.Opened, OpenedHash: fp.OpenedHash}
	for _, f := range built.Files {
		res.Files = append(res.Files, outFile{f.Name, f.Data})
		text, err := docxtext.Dump(f.Package)
		if err != nil {
			return "", err
		}
		res.Previews = append(res.Previews, preview{Index: len(res.Files) - 1, Name: f.Name, Lines: strings.Split(strings.TrimRight(text, "\n"), "\n")})
	}
	if withPDF {
		pdfs, err := usecase.PDFs(r.Context(), built.Files)
		if err != nil {
			res.PDFError = err.Error()
		}
		for _, f := range pdfs {
			res.Files = append(res.Files, outFile{f.Name, f.Data})
		}
	}
	res.Took = time.Since(start)
	return s.keep(sessionFrom(r.Context()).id, &result{build: res}), nil
}

func (s *Server) showBuild(w http.ResponseWriter, r *http.Request) {
	res := s.lookup(r, r.PathValue("id"))
	if res == nil || res.build == nil {
		s.fail(w, r, http.StatusNotFound, "err.no_result")
		return
	}
	s.page(w, r, "build", map[string]any{"ID": res.id, "B": res.build, "Ms": res.build.Took.Milliseconds(), "HasLO": haveLibreOffice()})
}

// editBuild shows the form again for the build's profile.
func (s *Server) editBuild(w http.ResponseWriter, r *http.Request) {
	res := s.lookup(r, r.PathValue("id"))
	if res == nil || res.build == nil {
		s.fail(w, r, http.StatusNotFound, "err.no_result")
		return
	}
	b := res.build
	s.showSource(w, r, b.Profile, b.Name, b.Opened, b.OpenedHash)
}

func (s *Server) buildZip(w http.ResponseWriter, r *http.Request) {
	res := s.lookup(r, r.PathValue("id"))
	if res == nil || res.build == nil {
		s.fail(w, r, http.StatusNotFound, "err.no_result")
		return
	}
	files := append(slices.Clone(res.build.Files), outFile{"profile.toml", res.build.Profile})
	b, err := zipFiles(files)
	if err != nil {
		s.failText(w, r, http.StatusInternalServerError, err.Error())
		return
	}
	w.Header().Set("Content-Type", "application/zip")
	w.Header().Set("Content-Disposition", contentDisposition("tsdraft-"+res.build.Jur+".zip"))
	_, _ = w.Write(b)
}

func (s *Server) buildProfile(w http.ResponseWriter, r *http.Request) {
	res := s.lookup(r, r.PathValue("id"))
	if res == nil || res.build == nil {
		s.fail(w, r, http.StatusNotFound, "err.no_result")
		return
	}
	w.Header().Set("Content-Type", "application/toml; charset=utf-8")
	w.Header().Set("Content-Disposition", contentDisposition("profile.toml"))
	_, _ = w.Write(res.build.Profile)
}

// zipFiles writes files in their order with a fixed time, so the same files give the same
// bytes. Names are tsdraft's own (document IDs, codes, sanitised batch names); a name with a
// separator or "..” is refused rather than written.
func zipFiles(files []outFile) ([]byte, error) {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	seen := map[string]bool{}
	for _, f := range files {
		if f.Name == "" || strings.ContainsAny(f.Name, `/\:`) || strings.Contains(f.Name, "..") || seen[f.Name] {
			return nil, fmt.Errorf("refusing to put %q in a zip", f.Name)
		}
		seen[f.Name] = true
		h := &zip.FileHeader{Name: f.Name, Method: zip.Deflate, Modified: zipTime}
		h.Flags |= 0x800 // names are UTF-8
		fw, err := zw.CreateHeader(h)
		if err != nil {
			return nil, err
		}
		if _, err := fw.Write(f.Data); err != nil {
			return nil, err
		}
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
