package batch

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// source is a people file, resolved once (format, encoding, delimiter) so that it can be
// read twice the same way: once to plan the file names, once to draft.
type source struct {
	path     string
	name     string // for messages: the path as given
	xlsx     bool
	sheet    string
	encoding string // utf-8 or cp932 (CSV)
	delim    rune
}

// resolveSource looks at the file: an .xlsx workbook, or a CSV file whose encoding (when enc is
// auto) and delimiter it detects.
func resolveSource(path, sheet, enc string) (*source, error) {
	s := &source{path: path, name: path, sheet: sheet}
	switch strings.ToLower(filepath.Ext(path)) {
	case ".xlsx", ".xlsm":
		s.xlsx = true
		if enc != EncodingAuto {
			return nil, fmt.Errorf("--encoding is for CSV files; %s is a workbook", path)
		}
		// Opening checks that the sheet exists.
		t, err := openXLSX(path, s.name, sheet)
		if err != nil {
			return nil, err
		}
		s.sheet = t.sheet
		t.close()
		return s, nil
	case ".xls":
		return nil, fmt.Errorf("%s is an old .xls workbook; save it as .xlsx (Excel Workbook) or as CSV UTF-8", path)
	case ".ods", ".numbers":
		return nil, fmt.Errorf("%s: save it as .xlsx or as CSV UTF-8", path)
	}
	if sheet != "" {
		return nil, fmt.Errorf("--sheet is for .xlsx workbooks; %s is read as CSV", path)
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("reading the people file: %w", err)
	}
	defer f.Close()
	s.encoding, s.delim, err = sniffCSV(path, f, enc)
	if err != nil {
		return nil, err
	}
	return s, nil
}

// open starts reading the file from its header row.
func (s *source) open() (table, error) {
	if s.xlsx {
		return openXLSX(s.path, s.name, s.sheet)
	}
	f, err := os.Open(s.path)
	if err != nil {
		return nil, fmt.Errorf("reading the people file: %w", err)
	}
	t := newCSVTable(s.name, f, s.encoding, s.delim)
	t.closer = f
	return t, nil
}
