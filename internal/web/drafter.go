package web

// This file is the one place the web app meets package batch. The HR pages talk to the Drafter
// interface only, so a new batch API (sheet bytes in, per-row results out) can replace
// batchDrafter without touching the pages.

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/csv"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/tsdraft/tsdraft/internal/batch"
	"github.com/tsdraft/tsdraft/internal/render"
)

// Drafter drafts exit pledges for the rows of an HR sheet.
type Drafter interface {
	// LeaversSheet is an empty sheet for HR to fill, its column notes in the UI language.
	LeaversSheet(uiLang string) ([]byte, error)
	// Draft drafts a pledge per row into req.OutDir. Rows whose pledge is there already with
	// the same content are left as they are; new and changed rows are (re)written.
	Draft(ctx context.Context, req DraftRequest) (*DraftResult, error)
}

// DraftRequest is one upload.
type DraftRequest struct {
	Profile   []byte // the company profile (TOML)
	Sheet     []byte // the uploaded sheet
	SheetKind string // "xlsx" or "csv", from the file's content
	OutDir    string // the company's pledges folder
	MaxRows   int
	UILang    string
}

// Row statuses.
const (
	RowNew       = "new"
	RowChanged   = "changed"
	RowUnchanged = "unchanged"
	RowFailed    = "failed"
)

// DraftResult is what an upload did, row by row.
type DraftResult struct {
	Rows         []RowResult
	Notes        []string // about the sheet as a whole (columns not used, profile warnings)
	Manifest     []byte   // CSV record of this upload
	ManifestName string
}

// RowResult is one person.
type RowResult struct {
	Row      int // spreadsheet row (the header is row 1)
	ID, Name string
	Status   string
	Files    []string // in OutDir
	Problems []CellProblem
}

// CellProblem is one problem of a row, at a column when it has one.
type CellProblem struct {
	Column, Header string // "F", "employee.exit_date"; empty for the row as a whole
	Message        string
}

// SheetError is a problem with the sheet as a whole (too many rows, a bad header row): nothing
// was drafted.
type SheetError struct{ Msg string }

func (e *SheetError) Error() string { return e.Msg }

// batchDrafter is Drafter over batch.Run, which reads files and writes a folder: the sheet and
// the profile go to a private temporary folder, the pledges are drafted into another, and only
// new or changed files are copied into the company's folder.
type batchDrafter struct {
	NewRenderer func(langs []string) (*render.Renderer, error)
}

// NewBatchDrafter is the Drafter over the current batch package.
func NewBatchDrafter(newRenderer func(langs []string) (*render.Renderer, error)) Drafter {
	return &batchDrafter{NewRenderer: newRenderer}
}

// sheetColumns are the columns of the leavers sheet (profile paths, as batch reads them).
var sheetColumns = []string{"employee.id", "employee.name", "employee.department", "employee.position",
	"employee.hire_date", "employee.exit_date", "employee.access", "employee.materials"}

func (d *batchDrafter) LeaversSheet(uiLang string) ([]byte, error) {
	f := excelize.NewFile()
	defer f.Close()
	main := "leavers"
	if err := f.SetSheetName("Sheet1", main); err != nil {
		return nil, err
	}
	bold, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}, Fill: excelize.Fill{Type: "pattern", Color: []string{"DDE7F0"}, Pattern: 1}})
	if err != nil {
		return nil, err
	}
	dateFmt := "yyyy-mm-dd"
	date, err := f.NewStyle(&excelize.Style{CustomNumFmt: &dateFmt})
	if err != nil {
		return nil, err
	}
	help := T(uiLang, "hr.sheet_help_sheet")
	if _, err := f.NewSheet(help); err != nil {
		return nil, err
	}
	_ = f.SetCellValue(help, "A1", T(uiLang, "hr.sheet_help_column"))
	_ = f.SetCellValue(help, "B1", T(uiLang, "hr.sheet_help_meaning"))
	_ = f.SetCellStyle(help, "A1", "B1", bold)
	for i, c := range sheetColumns {
		col, _ := excelize.ColumnNumberToName(i + 1)
		if err := f.SetCellValue(main, col+"1", c); err != nil {
			return nil, err
		}
		width := 22.0
		if strings.HasSuffix(c, "_date") {
			width = 14
			if err := f.SetColStyle(main, col, date); err != nil {
				return nil, err
			}
		}
		_ = f.SetColWidth(main, col, col, width)
		_ = f.SetCellValue(help, fmt.Sprintf("A%d", i+2), c)
		_ = f.SetCellValue(help, fmt.Sprintf("B%d", i+2), T(uiLang, "col."+c))
	}
	_ = f.SetColWidth(help, "A", "A", 24)
	_ = f.SetColWidth(help, "B", "B", 90)
	last, _ := excelize.ColumnNumberToName(len(sheetColumns))
	if err := f.SetCellStyle(main, "A1", last+"1", bold); err != nil {
		return nil, err
	}
	_ = f.SetPanes(main, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"})
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// countRows counts the data rows (below the header) without drafting anything, so that a sheet
// over the limit is refused at once.
func countRows(sheet []byte, kind string) (int, error) {
	if kind == "csv" {
		r := csv.NewReader(bytes.NewReader(sheet))
		r.FieldsPerRecord, r.LazyQuotes = -1, true
		n := 0
		for {
			_, err := r.Read()
			if err == io.EOF {
				break
			}
			if err != nil {
				return 0, &SheetError{Msg: "the CSV file cannot be read: " + err.Error()}
			}
			n++
		}
		return max(n-1, 0), nil
	}
	f, err := excelize.OpenReader(bytes.NewReader(sheet), excelize.Options{UnzipSizeLimit: 64 << 20, UnzipXMLSizeLimit: 16 << 20})
	if err != nil {
		return 0, &SheetError{Msg: "the XLSX file cannot be read: " + err.Error()}
	}
	defer f.Close()
	sheets := f.GetSheetList()
	if len(sheets) == 0 {
		return 0, &SheetError{Msg: "the XLSX file has no sheet"}
	}
	rows, err := f.Rows(sheets[0])
	if err != nil {
		return 0, &SheetError{Msg: "the XLSX file cannot be read: " + err.Error()}
	}
	defer rows.Close()
	n := 0
	for rows.Next() {
		n++
	}
	return max(n-1, 0), nil
}

var cellProblem = regexp.MustCompile(`^(?:.*?row \d+: )?column ([A-Z]{1,3}) \(([^)]*)\): (.*)$`)

func (d *batchDrafter) Draft(ctx context.Context, req DraftRequest) (*DraftResult, error) {
	n, err := countRows(req.Sheet, req.SheetKind)
	if err != nil {
		return nil, err
	}
	if n > req.MaxRows {
		return nil, &SheetError{Msg: T(req.UILang, "err.too_many_rows", n, req.MaxRows)}
	}
	tmp, err := os.MkdirTemp("", "tsdraft-serve-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(tmp) // the upload and the drafts are gone when the request is done
	prof := filepath.Join(tmp, "profile.toml")
	sheet := filepath.Join(tmp, "leavers."+req.SheetKind)
	out := filepath.Join(tmp, "out")
	if err := os.WriteFile(prof, req.Profile, 0o600); err != nil {
		return nil, err
	}
	if err := os.WriteFile(sheet, req.Sheet, 0o600); err != nil {
		return nil, err
	}
	var log bytes.Buffer
	rep, err := batch.Run(ctx, batch.Options{Profile: prof, People: sheet, OutDir: out, Docs: []string{"exit-pledge"},
		NewRenderer: d.NewRenderer, Log: &log})
	clean := func(s string) string { return strings.ReplaceAll(s, tmp+string(filepath.Separator), "") }
	if err != nil {
		msg := err.Error()
		if errors.Is(err, batch.ErrReported) {
			msg = strings.TrimSpace(log.String())
		}
		return nil, &SheetError{Msg: clean(msg)}
	}
	res := &DraftResult{ManifestName: "manifest.csv"}
	for _, l := range strings.Split(clean(log.String()), "\n") {
		if strings.Contains(l, ": note: ") || strings.Contains(l, ": warning: ") {
			res.Notes = append(res.Notes, l)
		}
	}
	if err := os.MkdirAll(req.OutDir, 0o700); err != nil {
		return nil, err
	}
	byRow := map[int]*RowResult{}
	shas := map[string]string{}
	for _, e := range rep.Entries {
		rr := byRow[e.Row]
		if rr == nil {
			rr = &RowResult{Row: e.Row, ID: e.ID, Name: e.Name, Status: RowUnchanged}
			byRow[e.Row] = rr
			res.Rows = append(res.Rows, *rr)
		}
		if e.Status == batch.StatusFailed {
			rr.Status = RowFailed
			for _, p := range splitProblems(clean(e.Error)) {
				if m := cellProblem.FindStringSubmatch(p); m != nil {
					rr.Problems = append(rr.Problems, CellProblem{Column: m[1], Header: m[2], Message: m[3]})
				} else if p != "" {
					rr.Problems = append(rr.Problems, CellProblem{Message: p})
				}
			}
			continue
		}
		if e.File == "" || strings.ContainsAny(e.File, `/\`) {
			continue
		}
		st, sum, err := place(filepath.Join(out, e.File), filepath.Join(req.OutDir, e.File))
		if err != nil {
			return nil, err
		}
		rr.Files = append(rr.Files, e.File)
		shas[e.File] = sum
		if st == RowNew || st == RowChanged && rr.Status != RowNew {
			rr.Status = st
		}
	}
	for i := range res.Rows {
		res.Rows[i] = *byRow[res.Rows[i].Row]
	}
	res.Manifest = manifestCSV(res.Rows, shas)
	return res, nil
}

// problemStart is how one of a row's problems begins; batch joins them with "; ", which the
// messages themselves also use.
var problemStart = regexp.MustCompile(`^(?:column [A-Z]{1,3} \(|\S+:\d+:\d+: |warning: |error: |row \d+)`)

func splitProblems(s string) []string {
	var out []string
	for _, p := range strings.Split(s, "; ") {
		if len(out) > 0 && !problemStart.MatchString(p) {
			out[len(out)-1] += "; " + p
			continue
		}
		out = append(out, p)
	}
	return out
}

// place copies a drafted file into the company folder unless the same bytes are there, and
// returns its status and SHA-256.
func place(src, dst string) (string, string, error) {
	b, err := os.ReadFile(src)
	if err != nil {
		return "", "", err
	}
	sum := sha256.Sum256(b)
	sha := hex.EncodeToString(sum[:])
	old, err := os.ReadFile(dst)
	status := RowChanged
	switch {
	case errors.Is(err, os.ErrNotExist):
		status = RowNew
	case err != nil:
		return "", "", err
	case bytes.Equal(old, b):
		return RowUnchanged, sha, nil
	}
	tmp := dst + ".part"
	if err := os.WriteFile(tmp, b, 0o600); err != nil {
		return "", "", err
	}
	return status, sha, os.Rename(tmp, dst)
}

// manifestCSV records the upload: one line per file (or per failed row), UTF-8 with a BOM and
// CRLF so that spreadsheets open it as it is.
func manifestCSV(rows []RowResult, shas map[string]string) []byte {
	var buf bytes.Buffer
	buf.WriteString("\ufeff")
	w := csv.NewWriter(&buf)
	w.UseCRLF = true
	_ = w.Write([]string{"row", "employee_id", "employee_name", "file", "sha256", "status", "problems"})
	for _, r := range rows {
		var probs []string
		for _, p := range r.Problems {
			if p.Column != "" {
				probs = append(probs, fmt.Sprintf("column %s (%s): %s", p.Column, p.Header, p.Message))
			} else {
				probs = append(probs, p.Message)
			}
		}
		if len(r.Files) == 0 {
			_ = w.Write([]string{fmt.Sprint(r.Row), r.ID, r.Name, "", "", r.Status, strings.Join(probs, "; ")})
		}
		for _, f := range r.Files {
			_ = w.Write([]string{fmt.Sprint(r.Row), r.ID, r.Name, f, shas[f], r.Status, ""})
		}
	}
	w.Flush()
	return buf.Bytes()
}
