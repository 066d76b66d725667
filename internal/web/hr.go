package web

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"

	"github.com/tsdraft/tsdraft/internal/batch"
)

// hrResult is one upload's outcome, kept for its session.
type hrResult struct {
	Company string
	Res     *DraftResult
	Counts  map[string]int
	// The sheet is kept (in memory, with the result) only while rows changed since their
	// pledge was issued, so that "update changed rows" can run again without a new upload.
	sheet     []byte
	sheetKind string
}

func (s *Server) hrHome(w http.ResponseWriter, r *http.Request) {
	names, err := s.profiles()
	if err != nil {
		s.failText(w, r, http.StatusInternalServerError, err.Error())
		return
	}
	company := r.URL.Query().Get("company")
	if !validName(company) && len(names) > 0 {
		company = names[0]
	}
	s.page(w, r, "hr", map[string]any{"Profiles": names, "Company": company, "MaxMB": s.o.MaxUpload >> 20, "MaxRows": s.o.MaxRows})
}

func (s *Server) hrSheet(w http.ResponseWriter, r *http.Request) {
	b, err := s.o.Drafter.LeaversSheet(uiLang(r))
	if err != nil {
		s.failText(w, r, http.StatusInternalServerError, err.Error())
		return
	}
	w.Header().Set("Content-Type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
	w.Header().Set("Content-Disposition", contentDisposition("leavers.xlsx"))
	_, _ = w.Write(b)
}

// sheetKind tells XLSX from CSV by the file's first bytes; the browser's file name is only
// used to recognise the old binary .xls, which tsdraft does not read.
func sheetKind(b []byte) (string, bool) {
	switch {
	case bytes.HasPrefix(b, []byte("PK\x03\x04")):
		return "xlsx", true
	case bytes.HasPrefix(b, []byte{0xD0, 0xCF, 0x11, 0xE0}):
		return "xls", false
	case bytes.IndexByte(b, 0) >= 0:
		return "", false
	}
	return "csv", true
}

// profilePath is the company's profile file, after readProfile has checked that the name is
// a plain name and the file a regular file directly in the data folder.
func (s *Server) profilePath(company string) (string, error) {
	if _, err := s.readProfile(company); err != nil {
		return "", err
	}
	return filepath.Join(s.o.DataDir, company+".toml"), nil
}

func (s *Server) hrUpload(w http.ResponseWriter, r *http.Request) {
	company := r.PostFormValue("company")
	prof, err := s.profilePath(company)
	if err != nil {
		s.fail(w, r, http.StatusNotFound, "err.no_profile")
		return
	}
	f, _, err := r.FormFile("sheet")
	if err != nil {
		s.fail(w, r, http.StatusBadRequest, "err.no_file")
		return
	}
	sheet, err := io.ReadAll(f)
	f.Close()
	if err != nil {
		s.fail(w, r, http.StatusBadRequest, "err.no_file")
		return
	}
	if len(sheet) == 0 {
		s.fail(w, r, http.StatusBadRequest, "err.empty_file")
		return
	}
	kind, ok := sheetKind(sheet)
	if !ok {
		key := "err.not_sheet"
		if kind == "xls" {
			key = "err.xls"
		}
		s.fail(w, r, http.StatusUnsupportedMediaType, key)
		return
	}
	s.hrDraft(w, r, company, prof, sheet, kind, false)
}

// hrDraft runs the batch for an upload (or, with update, again for the same sheet) and shows
// its result.
func (s *Server) hrDraft(w http.ResponseWriter, r *http.Request, company, prof string, sheet []byte, kind string, update bool) {
	mu := s.companyLock(company)
	mu.Lock()
	res, err := s.o.Drafter.Draft(r.Context(), DraftRequest{Profile: prof, Sheet: sheet, SheetKind: kind,
		OutDir: filepath.Join(s.o.DataDir, pledgesDir, company), MaxRows: s.o.MaxRows, UILang: uiLang(r), Update: update})
	mu.Unlock()
	var se *SheetError
	if errors.As(err, &se) {
		lang := uiLang(r)
		msg := se.Msg
		if len(se.Problems) > 0 {
			var lines []string
			for _, p := range se.Problems {
				lines = append(lines, problemLine(lang, p))
			}
			msg = strings.Join(lines, "\n")
		}
		s.pageStatus(w, r, http.StatusUnprocessableEntity, "error", map[string]any{"Message": T(lang, "err.sheet") + "\n" + msg, "Status": 422, "Back": "/hr?company=" + company})
		return
	}
	if err != nil {
		s.failText(w, r, http.StatusInternalServerError, err.Error())
		return
	}
	counts := map[string]int{}
	for _, row := range res.Rows {
		counts[row.Status]++
	}
	h := &hrResult{Company: company, Res: res, Counts: counts}
	if counts[batch.RowChanged] > 0 {
		h.sheet, h.sheetKind = sheet, kind
	}
	id := s.keep(sessionFrom(r.Context()).id, &result{hr: h})
	http.Redirect(w, r, "/hr/result/"+id, http.StatusSeeOther)
}

// problemLine is a problem in one line for a plain-text message: where, then what.
func problemLine(lang string, p batch.Problem) string {
	var where []string
	if p.Row > 0 {
		where = append(where, T(lang, "hrres.at_row", p.Row))
	}
	if p.Column != "" {
		where = append(where, T(lang, "hrres.column", p.Column))
	}
	if p.Header != "" {
		q := "%q"
		if lang == "ja" {
			q = "「%s」"
		}
		where = append(where, fmt.Sprintf(q, p.Header))
	}
	if len(where) == 0 {
		return rowMessage(lang, p)
	}
	return strings.Join(where, " ") + ": " + rowMessage(lang, p)
}

func (s *Server) hrResult(w http.ResponseWriter, r *http.Request) {
	res := s.lookup(r, r.PathValue("id"))
	if res == nil || res.hr == nil {
		s.fail(w, r, http.StatusNotFound, "err.no_result")
		return
	}
	s.page(w, r, "hrresult", map[string]any{"ID": res.id, "H": res.hr, "CanUpdate": res.hr.sheet != nil})
}

// hrUpdate drafts again the rows of a result's sheet whose input changed since their pledge
// was issued (batch's Options.Update). The sheet is the one kept with the result: nothing
// comes from the browser but the result's id.
func (s *Server) hrUpdate(w http.ResponseWriter, r *http.Request) {
	res := s.lookup(r, r.PathValue("id"))
	if res == nil || res.hr == nil || res.hr.sheet == nil {
		s.fail(w, r, http.StatusNotFound, "err.no_result")
		return
	}
	prof, err := s.profilePath(res.hr.Company)
	if err != nil {
		s.fail(w, r, http.StatusNotFound, "err.no_profile")
		return
	}
	s.hrDraft(w, r, res.hr.Company, prof, res.hr.sheet, res.hr.sheetKind, true)
}

// zipRows are the row statuses whose files go into the zip: a pledge kept although its row
// changed says what the old row said, so it stays out until it is updated.
var zipRows = map[string]bool{batch.RowDrafted: true, batch.RowKept: true}

// hrZip packs the pledges of the upload's rows (as they are in the company folder now) and the
// batch's manifest (CSV and XLSX). Names come from the batch's results and must name regular
// files directly in that folder: never the lock, a link or anything else.
func (s *Server) hrZip(w http.ResponseWriter, r *http.Request) {
	res := s.lookup(r, r.PathValue("id"))
	if res == nil || res.hr == nil {
		s.fail(w, r, http.StatusNotFound, "err.no_result")
		return
	}
	dir := filepath.Join(s.o.DataDir, pledgesDir, res.hr.Company)
	var names []string
	for _, row := range res.hr.Res.Rows {
		if zipRows[row.Status] {
			names = append(names, row.Files...)
		}
	}
	names = append(names, batch.ManifestName, batch.ManifestXLSXName)
	mu := s.companyLock(res.hr.Company) // not while a batch is rewriting the folder
	mu.Lock()
	files, err := readPlainFiles(dir, names)
	mu.Unlock()
	if err != nil {
		s.failText(w, r, http.StatusGone, err.Error())
		return
	}
	b, err := zipFiles(files)
	if err != nil {
		s.failText(w, r, http.StatusInternalServerError, err.Error())
		return
	}
	w.Header().Set("Content-Type", "application/zip")
	w.Header().Set("Content-Disposition", contentDisposition("pledges-"+res.hr.Company+".zip"))
	_, _ = w.Write(b)
}

// readPlainFiles reads the named files of dir, refusing any name that is not a plain file name
// or not a regular file (a link, a folder, a device).
func readPlainFiles(dir string, names []string) ([]outFile, error) {
	var files []outFile
	seen := map[string]bool{}
	for _, name := range names {
		if seen[name] {
			continue
		}
		seen[name] = true
		if name == "" || name != filepath.Base(name) || strings.HasPrefix(name, ".") || name == batch.LockName {
			return nil, fmt.Errorf("%q is not a file name tsdraft writes", name)
		}
		path := filepath.Join(dir, name)
		fi, err := os.Lstat(path)
		if err != nil {
			return nil, err
		}
		if !fi.Mode().IsRegular() {
			return nil, fmt.Errorf("%s is not a regular file (%s); it is left out", name, fi.Mode().Type())
		}
		f, err := os.Open(path)
		if err != nil {
			return nil, err
		}
		// The file opened must be the one looked at (not swapped for a link in between).
		ofi, err := f.Stat()
		if err != nil || !os.SameFile(fi, ofi) {
			f.Close()
			return nil, fmt.Errorf("%s changed while it was read; download again", name)
		}
		b, err := io.ReadAll(f)
		f.Close()
		if err != nil {
			return nil, err
		}
		files = append(files, outFile{name, b})
	}
	return files, nil
}
