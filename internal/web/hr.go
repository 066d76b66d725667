package web

import (
	"bytes"
	"errors"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
)

// hrResult is one upload's outcome, kept for its session.
type hrResult struct {
	Company string
	Res     *DraftResult
	Counts  map[string]int
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

func (s *Server) hrUpload(w http.ResponseWriter, r *http.Request) {
	company := r.PostFormValue("company")
	prof, err := s.readProfile(company)
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
	mu := s.companyLock(company)
	mu.Lock()
	res, err := s.o.Drafter.Draft(r.Context(), DraftRequest{Profile: prof, Sheet: sheet, SheetKind: kind,
		OutDir: filepath.Join(s.o.DataDir, pledgesDir, company), MaxRows: s.o.MaxRows, UILang: uiLang(r)})
	mu.Unlock()
	var se *SheetError
	if errors.As(err, &se) {
		s.pageStatus(w, r, http.StatusUnprocessableEntity, "error", map[string]any{"Message": T(uiLang(r), "err.sheet") + "\n" + se.Msg, "Status": 422, "Back": "/hr?company=" + company})
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
	id := s.keep(sessionFrom(r.Context()).id, &result{hr: &hrResult{Company: company, Res: res, Counts: counts}})
	http.Redirect(w, r, "/hr/result/"+id, http.StatusSeeOther)
}

func (s *Server) hrResult(w http.ResponseWriter, r *http.Request) {
	res := s.lookup(r, r.PathValue("id"))
	if res == nil || res.hr == nil {
		s.fail(w, r, http.StatusNotFound, "err.no_result")
		return
	}
	s.page(w, r, "hrresult", map[string]any{"ID": res.id, "H": res.hr})
}

// hrZip packs the pledges of the upload's rows (as they are in the company folder now) and the
// manifest. Names come from the drafter's results and must name plain files in that folder.
func (s *Server) hrZip(w http.ResponseWriter, r *http.Request) {
	res := s.lookup(r, r.PathValue("id"))
	if res == nil || res.hr == nil {
		s.fail(w, r, http.StatusNotFound, "err.no_result")
		return
	}
	dir := filepath.Join(s.o.DataDir, pledgesDir, res.hr.Company)
	var files []outFile
	for _, row := range res.hr.Res.Rows {
		for _, name := range row.Files {
			if name != filepath.Base(name) || strings.HasPrefix(name, ".") {
				continue
			}
			b, err := os.ReadFile(filepath.Join(dir, name))
			if err != nil {
				s.failText(w, r, http.StatusGone, err.Error())
				return
			}
			files = append(files, outFile{name, b})
		}
	}
	files = append(files, outFile{res.hr.Res.ManifestName, res.hr.Res.Manifest})
	b, err := zipFiles(files)
	if err != nil {
		s.failText(w, r, http.StatusInternalServerError, err.Error())
		return
	}
	w.Header().Set("Content-Type", "application/zip")
	w.Header().Set("Content-Disposition", contentDisposition("pledges-"+res.hr.Company+".zip"))
	_, _ = w.Write(b)
}
