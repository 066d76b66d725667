package web

// This file is the one place the web app meets package batch. The HR pages talk to the Drafter
// interface only; batchDrafter runs batch.RunSheet straight into the company's pledges folder,
// so the batch's own issue log, manifest (CSV and XLSX), lock and row hashes decide what is
// new, kept or changed, exactly as on the command line.

import (
	"bytes"
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/tsdraft/tsdraft/internal/batch"
	"github.com/tsdraft/tsdraft/internal/usecase"
)

// Drafter drafts exit pledges for the rows of an HR sheet.
type Drafter interface {
	// LeaversSheet is the sheet HR fills in: headers in the UI language, one example row.
	LeaversSheet(uiLang string) ([]byte, error)
	// Draft drafts a pledge per row into req.OutDir. Rows whose pledge was issued from the
	// same input are kept; rows whose input changed are reported (and redrafted with Update).
	Draft(ctx context.Context, req DraftRequest) (*DraftResult, error)
}

// DraftRequest is one upload.
type DraftRequest struct {
	Profile   string // the company profile file (in the data folder, never named by the browser)
	Sheet     []byte // the uploaded sheet
	SheetKind string // "xlsx" or "csv", from the file's content
	OutDir    string // the company's pledges folder
	MaxRows   int
	UILang    string
	Update    bool // redraft the rows whose input changed since their pledge was issued
}

// DraftResult is what an upload did, row by row.
type DraftResult struct {
	Rows    []batch.RowResult
	Notes   []string // about the sheet as a whole (columns not used, profile warnings)
	Updated int      // files redrafted because their row changed (Update)
}

// SheetError is a problem with the sheet as a whole (too many rows, a bad header row): nothing
// was drafted. Problems, when there are, name the column of each.
type SheetError struct {
	Msg      string
	Problems []batch.Problem
}

func (e *SheetError) Error() string { return e.Msg }

// batchDrafter is Drafter over batch.RunSheet.
type batchDrafter struct {
	base       batch.Options // the renderer and header words of the Env
	headersErr error
}

// NewBatchDrafter is the Drafter over package batch, drafting with env as the command line
// does. The header words are read once here, not per request.
func NewBatchDrafter(env usecase.Env) Drafter {
	o, err := env.Cached().Batch(batch.Options{})
	return &batchDrafter{base: o, headersErr: err}
}

func (d *batchDrafter) LeaversSheet(uiLang string) ([]byte, error) {
	if d.headersErr != nil {
		return nil, d.headersErr
	}
	return batch.LeaversSheet(uiLang, d.base.Headers)
}

// sheetName is the name the upload is given in batch's messages: chosen here from the file's
// content, never the browser's file name.
func sheetName(kind string) string { return "leavers." + kind }

// countRows counts the data rows (below the header) without drafting anything, so that a sheet
// over the limit is refused at once. In a workbook the largest sheet counts, since batch reads
// the first one whose header row fits.
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
				// batch reads the file itself and says where it went wrong; count what was read.
				break
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
	most := 0
	for _, name := range f.GetSheetList() {
		rows, err := f.Rows(name)
		if err != nil {
			return 0, &SheetError{Msg: "the XLSX file cannot be read: " + err.Error()}
		}
		n := 0
		for rows.Next() {
			n++
		}
		rows.Close()
		most = max(most, n-1)
	}
	return most, nil
}

func (d *batchDrafter) Draft(ctx context.Context, req DraftRequest) (*DraftResult, error) {
	if d.headersErr != nil {
		return nil, d.headersErr
	}
	n, err := countRows(req.Sheet, req.SheetKind)
	if err != nil {
		return nil, err
	}
	if n > req.MaxRows {
		return nil, &SheetError{Msg: T(req.UILang, "err.too_many_rows", n, req.MaxRows)}
	}
	// Messages name the profile by its file name, not by the data folder's path.
	clean := func(s string) string {
		return strings.ReplaceAll(s, filepath.Dir(req.Profile)+string(filepath.Separator), "")
	}
	var log bytes.Buffer
	name := sheetName(req.SheetKind)
	o := d.base
	o.Profile, o.OutDir, o.Docs, o.Log, o.Update = req.Profile, req.OutDir, []string{"exit-pledge"}, &log, req.Update
	rep, err := batch.RunSheet(ctx, bytes.NewReader(req.Sheet), name, o)
	if err != nil {
		var se *batch.SheetError
		if errors.As(err, &se) {
			return nil, &SheetError{Msg: clean(err.Error()), Problems: se.Problems}
		}
		msg := err.Error()
		if errors.Is(err, batch.ErrReported) {
			msg = strings.TrimSpace(log.String())
		}
		return nil, &SheetError{Msg: clean(msg)}
	}
	res := &DraftResult{Rows: rep.Rows, Updated: rep.Updated}
	// The log holds the row problems too (the table shows them); keep only the lines about the
	// sheet and the profile as a whole.
	rowPrefix := name + ", row"
	for _, l := range strings.Split(clean(log.String()), "\n") {
		if l = strings.TrimSpace(l); l != "" && !strings.HasPrefix(l, rowPrefix) {
			res.Notes = append(res.Notes, l)
		}
	}
	if rep.Interrupted {
		return nil, fmt.Errorf("interrupted: %s", rep.Summary())
	}
	return res, nil
}
