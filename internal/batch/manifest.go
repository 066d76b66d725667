package batch

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"slices"
	"strconv"

	"github.com/xuri/excelize/v2"

	"github.com/tsdraft/tsdraft/internal/docx"
)

// ManifestName is the record of a batch, written in the output directory.
const ManifestName = "manifest.csv"

// Statuses of a manifest entry.
const (
	StatusWritten = "written"
	StatusSkipped = "skipped-exists"
	StatusFailed  = "failed"
	// StatusChanged: the row's cells changed since its file was issued; the file was kept
	// (run with --update to redraft it). The row counts as failed.
	StatusChanged = "changed"
	// StatusUpdated: the row's cells changed and --update redrafted its file.
	StatusUpdated = "updated"
	// StatusEarlier: a file the issue log records from an earlier run, not in this sheet.
	StatusEarlier = "earlier"
	// StatusMissing: the issue log records the file, but it is no longer in the folder.
	StatusMissing = "missing"
)

// manifestHeader is the manifest's first row; oldManifestHeader is that of tsdraft versions
// before the issue log, still read so that their records are honoured.
var (
	manifestHeader    = []string{"row", "employee_id", "employee_name", "document", "file", "sha256", "status", "error", "input_sha256", "issued_at", "sheet"}
	oldManifestHeader = []string{"row", "employee_id", "employee_name", "document", "file", "sha256", "status", "error"}
)

// Entry is one line of the manifest: one file of one person, or why there is none.
type Entry struct {
	Row      int
	ID       string
	Name     string
	Doc      string
	File     string // name inside the output directory; "" when the row failed
	SHA256   string // of the file as it is in the directory
	Status   string
	Error    string
	InputSHA string // hash of the row's input the file was drafted from
	IssuedAt string // when the file was issued (RFC 3339, UTC), from the issue log
	Sheet    string // the people file the row is in

	order [3]int // output index within the row, then 0 for DOCX and 1 for its PDF
	group int    // 0: this run's rows; 1: earlier records, in the log's order
}

func (e Entry) cells() []string {
	row := strconv.Itoa(e.Row)
	return []string{row, e.ID, e.Name, e.Doc, e.File, e.SHA256, e.Status, e.Error, e.InputSHA, e.IssuedAt, e.Sheet}
}

// sortEntries orders the manifest: this run's rows by row, then document, then file; then the
// earlier records in the order they were issued.
func sortEntries(es []Entry) {
	slices.SortStableFunc(es, func(a, b Entry) int {
		if a.group != b.group {
			return a.group - b.group
		}
		if a.group == 1 {
			return a.order[0] - b.order[0]
		}
		if a.Row != b.Row {
			return a.Row - b.Row
		}
		for i := range a.order {
			if a.order[i] != b.order[i] {
				return a.order[i] - b.order[i]
			}
		}
		return 0
	})
}

// encodeManifest writes the manifest as Excel opens it without asking: UTF-8 with a BOM (so
// Thai and Japanese names show), CRLF line ends, every cell neutralised against formulas.
func encodeManifest(es []Entry) ([]byte, error) {
	var buf bytes.Buffer
	buf.WriteString("\uFEFF")
	writeCSVLine(&buf, manifestHeader)
	for _, e := range es {
		writeCSVLine(&buf, e.cells())
	}
	return buf.Bytes(), nil
}

// encodeManifestXLSX writes the manifest as a workbook. Every cell is a string cell (numbers
// of rows aside): a value beginning with = is text in the workbook, never a formula. The rows
// are streamed: a workbook built cell by cell in memory held about 1.6 kB per row, which made
// a 10,000-row batch's memory grow with its size.
func encodeManifestXLSX(es []Entry) ([]byte, error) {
	f := excelize.NewFile()
	defer f.Close()
	const sheet = "manifest"
	if err := f.SetSheetName("Sheet1", sheet); err != nil {
		return nil, err
	}
	sw, err := f.NewStreamWriter(sheet)
	if err != nil {
		return nil, err
	}
	if err := sw.SetPanes(headerPanes); err != nil {
		return nil, err
	}
	row := make([]any, len(manifestHeader))
	for i, h := range manifestHeader {
		row[i] = h
	}
	if err := sw.SetRow("A1", row); err != nil {
		return nil, err
	}
	for r, e := range es {
		for i, v := range e.cells() {
			row[i] = v
		}
		row[0] = e.Row
		ref, err := excelize.CoordinatesToCellName(1, r+2)
		if err != nil {
			return nil, err
		}
		if err := sw.SetRow(ref, row); err != nil {
			return nil, err
		}
	}
	if err := sw.Flush(); err != nil {
		return nil, err
	}
	return workbookBytes(f)
}

// headerPanes freezes a sheet's header row.
var headerPanes = &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}

// finishWorkbook freezes the header row of sheet and writes the workbook (leavers sheets).
func finishWorkbook(f *excelize.File, sheet string) ([]byte, error) {
	if err := f.SetPanes(sheet, headerPanes); err != nil {
		return nil, err
	}
	return workbookBytes(f)
}

// workbookBytes writes the workbook with fixed document properties, so that the same content
// gives the same bytes.
func workbookBytes(f *excelize.File) ([]byte, error) {
	if err := f.SetDocProps(&excelize.DocProperties{Creator: "tsdraft", Created: "2000-01-01T00:00:00Z", Modified: "2000-01-01T00:00:00Z"}); err != nil {
		return nil, err
	}
	buf, err := f.WriteToBuffer()
	if err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// writeManifest replaces the manifests (CSV and XLSX) atomically: a reader sees the old one
// or the new one.
func writeManifest(path, xlsxPath string, es []Entry) error {
	// The workbook is encoded while the CSV is encoded and synced (16 and 6 ms for 1,000
	// entries: the end of every batch waits for them); the CSV is still replaced first.
	var x []byte
	var xerr error
	encoded := make(chan struct{})
	go func() {
		defer close(encoded)
		x, xerr = encodeManifestXLSX(es)
	}()
	b, err := encodeManifest(es)
	if err == nil {
		err = docx.WriteFile(path, b, true, nil)
	}
	<-encoded
	if err != nil {
		return err
	}
	if xerr != nil {
		return xerr
	}
	return docx.WriteFile(xlsxPath, x, true, nil)
}

// priorEntry is what an earlier run's manifest says a file was written for.
type priorEntry struct{ id, name string }

// readManifest reads an earlier run's manifest: nameKey(file) → whom it was written for. ok is
// false when path exists but is not a tsdraft manifest (then it is the user's file).
func readManifest(path string) (m map[string]priorEntry, exists, ok bool, err error) {
	exists, err = regularOrAbsent(path)
	if err != nil || !exists {
		return nil, exists, err == nil, err
	}
	f, err := os.Open(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, false, true, nil
	}
	if err != nil {
		return nil, true, false, err
	}
	defer f.Close()
	recs, err := readCSV(f)
	if err != nil || len(recs) == 0 || !slices.Equal(recs[0], manifestHeader) && !slices.Equal(recs[0], oldManifestHeader) {
		return nil, true, false, nil
	}
	m = map[string]priorEntry{}
	for _, rec := range recs[1:] {
		if len(rec) != len(recs[0]) {
			return nil, true, false, nil
		}
		if rec[4] != "" && rec[6] != StatusFailed && rec[6] != StatusMissing {
			m[nameKey(rec[4])] = priorEntry{id: rec[1], name: rec[2]}
		}
	}
	return m, true, true, nil
}

func (p priorEntry) String() string {
	switch {
	case p.id != "" && p.name != "":
		return fmt.Sprintf("%s (%s)", p.name, p.id)
	case p.name != "":
		return p.name
	}
	return p.id
}
