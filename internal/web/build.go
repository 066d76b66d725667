package web

import (
	"archive/zip"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/tsdraft/tsdraft/internal/docxtext"
	"github.com/tsdraft/tsdraft/internal/notes"
	"github.com/tsdraft/tsdraft/internal/pdf"
	"github.com/tsdraft/tsdraft/internal/profile"
	"github.com/tsdraft/tsdraft/internal/render"
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

// build drafts docs as `tsdraft build` does, in memory, and keeps the result for the session.
func (s *Server) build(r *http.Request, fp *formPage, c *checked, docs, langs []string, layout string, withPDF bool) (string, error) {
	start := time.Now()
	p := c.p
	if len(langs) == 0 {
		langs = p.Languages
	}
	if len(langs) > 2 {
		langs = langs[:2]
	}
	if !slices.Contains([]string{render.Interleave, render.Columns, render.Separate}, layout) {
		layout = p.Layout
	}
	if layout == "" {
		layout = render.Interleave
	}
	rr, err := s.renderer(langs)
	if err != nil {
		return "", err
	}
	sum := sha256.Sum256(c.src)
	res := &buildResult{Jur: p.Jurisdiction, Layout: layout, Langs: langs, Profile: c.src, Name: fp.Name, Opened: fp.Opened, OpenedHash: fp.OpenedHash}
	var failed []string
	for _, doc := range docs {
		req := render.Request{Doc: doc, Profile: p, Langs: langs, Layout: layout, ProfileSHA: hex.EncodeToString(sum[:]), Notes: notes.Mode(fp.Notes)}
		outs, err := rr.Render(req)
		if err != nil {
			failed = append(failed, err.Error())
			continue
		}
		for _, o := range outs {
			if err := o.Package.Check(); err != nil {
				return "", fmt.Errorf("%s: %w", doc, err)
			}
			b, err := o.Package.Bytes()
			if err != nil {
				return "", err
			}
			name := render.FileName(doc, p.Jurisdiction, o.Langs)
			res.Files = append(res.Files, outFile{name, b})
			text, err := docxtext.Dump(o.Package)
			if err != nil {
				return "", err
			}
			res.Previews = append(res.Previews, preview{Index: len(res.Files) - 1, Name: name, Lines: strings.Split(strings.TrimRight(text, "\n"), "\n")})
		}
		if req.Notes == notes.Memo {
			f, pv, err := memoFile(rr, req, outs, c.diags)
			if err != nil {
				failed = append(failed, err.Error())
				continue
			}
			res.Files = append(res.Files, f)
			pv.Index = len(res.Files) - 1
			res.Previews = append(res.Previews, pv)
		}
	}
	if len(failed) > 0 {
		return "", fmt.Errorf("%s", strings.Join(failed, "\n"))
	}
	if withPDF {
		if err := addPDFs(res); err != nil {
			res.PDFError = err.Error()
		}
	}
	res.Took = time.Since(start)
	return s.keep(sessionFrom(r.Context()).id, &result{build: res}), nil
}

// memoFile drafts the companion memo of a document as `tsdraft build --notes memo` does: the
// profile's choices, the check's warnings for the document, and every drafting note.
func memoFile(rr *render.Renderer, req render.Request, outs []render.Output, diags profile.Diagnostics) (outFile, preview, error) {
	var ns []notes.Note
	for _, o := range outs {
		ns = append(ns, o.Notes...)
	}
	var warnings []string
	for _, d := range diags.For([]string{req.Doc}) {
		if d.Level == profile.Warning {
			warnings = append(warnings, d.String())
		}
	}
	pkg, err := rr.Memo(render.MemoRequest{Request: req, Notes: ns, Warnings: warnings})
	if err != nil {
		return outFile{}, preview{}, fmt.Errorf("%s memo: %w", req.Doc, err)
	}
	if err := pkg.Check(); err != nil {
		return outFile{}, preview{}, fmt.Errorf("%s memo: %w", req.Doc, err)
	}
	b, err := pkg.Bytes()
	if err != nil {
		return outFile{}, preview{}, err
	}
	text, err := docxtext.Dump(pkg)
	if err != nil {
		return outFile{}, preview{}, err
	}
	name := render.MemoFileName(req.Doc, req.Profile.Jurisdiction)
	return outFile{name, b}, preview{Name: name, Lines: strings.Split(strings.TrimRight(text, "\n"), "\n")}, nil
}

// addPDFs converts the DOCX files through LibreOffice in a private temporary folder, removed
// afterwards.
func addPDFs(res *buildResult) error {
	dir, err := os.MkdirTemp("", "tsdraft-serve-pdf-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	var paths []string
	for _, f := range res.Files {
		p := filepath.Join(dir, f.Name)
		if err := os.WriteFile(p, f.Data, 0o600); err != nil {
			return err
		}
		paths = append(paths, p)
	}
	pdfs, err := pdf.Convert(paths, dir, false)
	if err != nil {
		return err
	}
	for _, p := range pdfs {
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		res.Files = append(res.Files, outFile{filepath.Base(p), b})
	}
	return nil
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
