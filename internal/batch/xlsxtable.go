package batch

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/tsdraft/tsdraft/internal/docx"
)

// xlsxTable reads one sheet of an XLSX workbook row by row through excelize's streaming
// iterator. Two iterators walk the sheet in step: one gives the values as shown (number
// formats applied: 0042 stays 0042), the other the stored values (a date is its serial number).
type xlsxTable struct {
	name      string
	f         *excelize.File
	sheet     string
	shown     *excelize.Rows
	raw       *excelize.Rows
	row       int
	date1904  bool
	dateStyle map[int]bool
}

// openWorkbook opens an XLSX workbook within docx.WorkbookLimits: the sizes its parts declare
// are checked before excelize inflates anything (a 1 MB workbook may unpack to gigabytes), and
// excelize is told the same total, which also covers what it reads from an encrypted workbook.
func openWorkbook(s *source) (*excelize.File, error) {
	opts := excelize.Options{UnzipSizeLimit: int64(docx.WorkbookLimits.Total), UnzipXMLSizeLimit: min(int64(docx.WorkbookLimits.Total), 64<<20)}
	var f *excelize.File
	var err error
	if s.data != nil {
		if err := docx.CheckZipBytes(s.data, s.name, docx.WorkbookLimits); err != nil {
			return nil, err
		}
		f, err = excelize.OpenReader(bytes.NewReader(s.data), opts)
	} else {
		if err := docx.CheckZipFile(s.path, s.name, docx.WorkbookLimits); err != nil {
			return nil, err
		}
		f, err = excelize.OpenFile(s.path, opts)
	}
	if err != nil {
		return nil, fmt.Errorf("%s is not a readable .xlsx workbook: %v", s.name, err)
	}
	return f, nil
}

// sheetChoice lists the sheets a workbook offers: the one named (whatever its visibility), or
// without a name every visible sheet in order, the hidden ones apart for messages.
func sheetChoice(src *source, sheet string) (candidates, hidden []string, err error) {
	name := src.name
	f, err := openWorkbook(src)
	if err != nil {
		return nil, nil, err
	}
	defer f.Close()
	list := f.GetSheetList()
	if len(list) == 0 {
		return nil, nil, fmt.Errorf("%s has no sheets", name)
	}
	if sheet != "" {
		for _, s := range list {
			if strings.EqualFold(s, sheet) {
				return []string{s}, nil, nil
			}
		}
		msg := fmt.Sprintf("%s has no sheet %q; its sheets: %s", name, sheet, strings.Join(list, ", "))
		if s := nearest(sheet, list); s != "" {
			msg = fmt.Sprintf("%s has no sheet %q (did you mean %q?); its sheets: %s", name, sheet, s, strings.Join(list, ", "))
		}
		return nil, nil, errors.New(msg)
	}
	for _, s := range list {
		if v, err := f.GetSheetVisible(s); err == nil && !v {
			hidden = append(hidden, s)
			continue
		}
		candidates = append(candidates, s)
	}
	if len(candidates) == 0 {
		return nil, nil, &HiddenSheetsError{File: name, Hidden: hidden}
	}
	return candidates, hidden, nil
}

// openXLSX opens path and the named sheet, which must exist.
func openXLSX(src *source, sheet string) (*xlsxTable, error) {
	name := src.name
	f, err := openWorkbook(src)
	if err != nil {
		return nil, err
	}
	t := &xlsxTable{name: name, f: f, sheet: sheet, dateStyle: map[int]bool{}}
	if props, err := f.GetWorkbookProps(); err == nil && props.Date1904 != nil {
		t.date1904 = *props.Date1904
	}
	if t.shown, err = f.Rows(sheet); err == nil {
		t.raw, err = f.Rows(sheet)
	}
	if err != nil {
		t.close()
		return nil, fmt.Errorf("%s, sheet %q: %v", name, sheet, err)
	}
	return t, nil
}

func (t *xlsxTable) next() (record, error) {
	for {
		if !t.shown.Next() || !t.raw.Next() {
			if err := t.shown.Error(); err != nil {
				return record{}, fmt.Errorf("%s, sheet %q: %v", t.name, t.sheet, err)
			}
			return record{}, io.EOF
		}
		t.row++ // the iterator visits every row number, empty ones included
		shown, err := t.shown.Columns()
		if err != nil {
			return record{}, fmt.Errorf("%s, sheet %q, row %d: %v", t.name, t.sheet, t.row, err)
		}
		raw, err := t.raw.Columns(excelize.Options{RawCellValue: true})
		if err != nil {
			return record{}, fmt.Errorf("%s, sheet %q, row %d: %v", t.name, t.sheet, t.row, err)
		}
		if len(shown) == 0 && len(raw) == 0 {
			continue // an empty row is skipped as in a CSV file, keeping the row count
		}
		n := max(len(shown), len(raw))
		rec := record{row: t.row, cells: make([]Cell, n)}
		for i := range n {
			c := Cell{}
			if i < len(shown) {
				c.Text = shown[i]
			}
			if i < len(raw) {
				c.Raw = raw[i]
			}
			if _, err := strconv.ParseFloat(strings.TrimSpace(c.Raw), 64); err == nil && c.Raw != "" {
				c.Num = true
				if c.Text != c.Raw && mayBeDate(c.Text) && t.isDate(i, t.row) {
					f, _ := strconv.ParseFloat(strings.TrimSpace(c.Raw), 64)
					c.Date, c.Serial = true, excelDate(f, t.date1904)
					if !t.date1904 {
						c.Serial1900 = f
					}
				}
			}
			rec.cells[i] = c
		}
		return rec, nil
	}
}

// mayBeDate reports whether a number as shown could be a date: a date format writes separators
// or month names, which 00042, 5,000 or 30% do not have. Only then is the cell's style looked up
// (which makes excelize load the whole sheet).
func mayBeDate(shown string) bool {
	for _, r := range shown {
		if r == '/' || r == '-' || r == '.' || r == '年' || r == '月' || r == '日' || r > 0x7F || r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z' {
			return true
		}
	}
	return false
}

// isDate reports whether the cell's number format shows a date. It is asked only for number
// cells whose shown value differs from the stored one, so plain numbers cost nothing.
func (t *xlsxTable) isDate(col, row int) bool {
	ref, err := excelize.CoordinatesToCellName(col+1, row)
	if err != nil {
		return false
	}
	id, err := t.f.GetCellStyle(t.sheet, ref)
	if err != nil {
		return false
	}
	if d, ok := t.dateStyle[id]; ok {
		return d
	}
	d := false
	if st, err := t.f.GetStyle(id); err == nil && st != nil {
		if st.CustomNumFmt != nil {
			d = isDateFormat(*st.CustomNumFmt)
		} else {
			d = builtinDate(st.NumFmt)
		}
	}
	t.dateStyle[id] = d
	return d
}

// builtinDate reports whether a built-in number format (ECMA-376 §18.8.30, with the CJK
// built-ins Excel uses for Japanese, Chinese, Korean and Thai) shows a date.
func builtinDate(id int) bool {
	switch {
	case id >= 14 && id <= 17, id == 22:
		return true
	case id >= 27 && id <= 36, id >= 50 && id <= 58:
		return true
	case id >= 71 && id <= 76, id >= 78 && id <= 81: // Thai
		return true
	}
	return false
}

// isDateFormat reports whether a custom number format code shows a date: it has a year, month
// or day token outside quoted text, escapes and [bracketed] parts.
func isDateFormat(code string) bool {
	if i := strings.IndexByte(code, ';'); i >= 0 {
		code = code[:i] // the positive-number section decides
	}
	lower := strings.ToLower(code)
	if strings.Contains(lower, "general") {
		return false
	}
	var b strings.Builder
	for i := 0; i < len(lower); i++ {
		switch c := lower[i]; c {
		case '"':
			j := strings.IndexByte(lower[i+1:], '"')
			if j < 0 {
				i = len(lower)
			} else {
				i += j + 1
			}
		case '\\', '_', '*':
			i++ // the next character is literal or padding
		case '[':
			j := strings.IndexByte(lower[i:], ']')
			if j < 0 {
				i = len(lower)
				break
			}
			if inner := lower[i+1 : i+j]; inner != "" && strings.Trim(inner, "hms") == "" {
				b.WriteByte('h') // elapsed time: [h]:mm
			}
			i += j
		default:
			b.WriteByte(c)
		}
	}
	left := strings.NewReplacer("e+", "", "e-", "").Replace(b.String()) // scientific notation
	return strings.ContainsAny(left, "ydeg") || strings.Contains(left, "m") && !strings.ContainsAny(left, "hs0#?")
}

func (t *xlsxTable) close() error {
	if t.shown != nil {
		t.shown.Close()
	}
	if t.raw != nil {
		t.raw.Close()
	}
	return t.f.Close()
}
