package batch

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/japanese"
)

// Encodings a CSV file may be read in. Auto reads UTF-8 (with or without a BOM) and falls back
// to Shift_JIS (CP932, what Japanese Excel writes for "CSV (Comma delimited)") when the bytes
// are not valid UTF-8.
const (
	EncodingAuto  = "auto"
	EncodingUTF8  = "utf-8"
	EncodingCP932 = "cp932"
)

// normEncoding maps the names --encoding accepts to EncodingAuto, EncodingUTF8 or EncodingCP932.
func normEncoding(e string) (string, error) {
	switch strings.ToLower(strings.TrimSpace(e)) {
	case "", "auto":
		return EncodingAuto, nil
	case "utf-8", "utf8":
		return EncodingUTF8, nil
	case "cp932", "shift_jis", "shift-jis", "sjis", "windows-31j":
		return EncodingCP932, nil
	}
	return "", fmt.Errorf("unknown encoding %q: use utf-8, cp932 or shift_jis (or leave it out to detect it)", e)
}

// record is one data row: its spreadsheet row number (the header is row 1), the line of the
// file it starts on (CSV only, for messages) and its cells.
type record struct {
	row   int
	line  int
	cells []Cell
}

// table is a sheet read row by row: the header first, then each record; io.EOF at the end.
type table interface {
	next() (record, error)
	close() error
}

// sniffCSV decides how a CSV file is read: its encoding (when enc is auto) and its delimiter
// (',' as saved by most spreadsheets, ';' by those set to a decimal comma, or a tab), looking
// at the bytes once from start to end without keeping them.
func sniffCSV(name string, r io.Reader, enc string) (string, rune, error) {
	br := bufio.NewReaderSize(r, 64<<10)
	head, _ := br.Peek(4)
	if bytes.HasPrefix(head, []byte{0xFF, 0xFE}) || bytes.HasPrefix(head, []byte{0xFE, 0xFF}) {
		return "", 0, fmt.Errorf("%s is saved as UTF-16 (\"Unicode Text\"); save it as \"CSV UTF-8\" or as .xlsx", name)
	}
	// The header row decides the delimiter; it is ASCII profile paths, so it reads the same in
	// either encoding.
	first, _ := br.Peek(64 << 10)
	if i := bytes.IndexByte(first, '\n'); i >= 0 {
		first = first[:i]
	}
	delim := sniffDelimiter(first)
	if enc != EncodingAuto && enc != EncodingUTF8 {
		return enc, delim, nil
	}
	line, col, ok := scanUTF8(br)
	switch {
	case ok:
		return EncodingUTF8, delim, nil
	case enc == EncodingUTF8:
		return "", 0, fmt.Errorf("%s:%d:%d: the bytes here are not UTF-8; if the file was saved by Japanese Excel as \"CSV\", read it with --encoding cp932", name, line, col)
	}
	return EncodingCP932, delim, nil
}

// sniffDelimiter picks the most frequent of , ; and tab outside quotes in the header line.
func sniffDelimiter(line []byte) rune {
	counts := map[rune]int{}
	inQuote := false
	for _, c := range line {
		switch {
		case c == '"':
			inQuote = !inQuote
		case !inQuote && (c == ',' || c == ';' || c == '\t'):
			counts[rune(c)]++
		}
	}
	best := ','
	for _, d := range []rune{';', '\t'} {
		if counts[d] > counts[best] {
			best = d
		}
	}
	return best
}

// scanUTF8 reads r to the end and reports whether it is valid UTF-8, and if not the line and
// column (in characters) of the first bad byte.
func scanUTF8(r io.Reader) (line, col int, ok bool) {
	buf := make([]byte, 64<<10)
	var carry []byte
	line, col = 1, 1
	for {
		n, err := r.Read(buf[len(carry):])
		data := buf[:len(carry)+n]
		end := len(data)
		if err == nil {
			// Keep an incomplete character at the end for the next read.
			for k := 1; k <= 3 && k <= end; k++ {
				if utf8.RuneStart(data[end-k]) {
					if !utf8.FullRune(data[end-k : end]) {
						end -= k
					}
					break
				}
			}
		}
		for i := 0; i < end; {
			c, size := utf8.DecodeRune(data[i:end])
			if c == utf8.RuneError && size <= 1 {
				return line, col, false
			}
			if c == '\n' {
				line, col = line+1, 1
			} else {
				col++
			}
			i += size
		}
		carry = append(carry[:0], data[end:]...)
		copy(buf, carry)
		if err != nil {
			if len(carry) > 0 {
				return line, col, false
			}
			return line, col, true
		}
	}
}

// csvTable reads a CSV file as saved by spreadsheets: a BOM, CRLF line ends, quoted cells with
// line breaks.
type csvTable struct {
	name    string
	r       *csv.Reader
	enc     string
	row     int // spreadsheet row of the last record
	endLine int // file line the last record ended on
	closer  io.Closer
}

// newCSVTable reads from r, which must be in the encoding enc (utf-8 or cp932) with the given
// delimiter.
func newCSVTable(name string, r io.Reader, enc string, delim rune) *csvTable {
	if enc == EncodingCP932 {
		r = japanese.ShiftJIS.NewDecoder().Reader(r)
	}
	br := bufio.NewReaderSize(r, 64<<10)
	if b, _ := br.Peek(3); bytes.Equal(b, []byte{0xEF, 0xBB, 0xBF}) {
		br.Discard(3)
	}
	cr := csv.NewReader(br)
	cr.Comma = delim
	cr.FieldsPerRecord = -1
	cr.ReuseRecord = false
	return &csvTable{name: name, r: cr, enc: enc}
}

func (t *csvTable) next() (record, error) {
	fields, err := t.r.Read()
	if err == io.EOF {
		return record{}, io.EOF
	}
	if err != nil {
		var pe *csv.ParseError
		if errors.As(err, &pe) {
			return record{}, fmt.Errorf("%s:%d:%d: %v; a cell holding a quote must be quoted as a whole, with the quote doubled (\"19\"\" monitor\"); saving from a spreadsheet does this",
				t.name, pe.Line, pe.Column, pe.Err)
		}
		return record{}, fmt.Errorf("reading %s: %w", t.name, err)
	}
	start, _ := t.r.FieldPos(0)
	last, _ := t.r.FieldPos(len(fields) - 1)
	// csv.Reader skips empty lines; in a spreadsheet each of them is an empty row.
	skipped := max(0, start-t.endLine-1)
	t.row += 1 + skipped
	t.endLine = last + strings.Count(fields[len(fields)-1], "\n")
	rec := record{row: t.row, line: start, cells: make([]Cell, len(fields))}
	for i, f := range fields {
		if t.enc == EncodingCP932 && strings.ContainsRune(f, utf8.RuneError) {
			return record{}, fmt.Errorf("%s:%d: bytes that are neither UTF-8 nor Shift_JIS (column %s); save the file as \"CSV UTF-8\"", t.name, start, columnLetter(i))
		}
		rec.cells[i] = Cell{Text: f, Raw: f}
	}
	return rec, nil
}

func (t *csvTable) close() error {
	if t.closer != nil {
		return t.closer.Close()
	}
	return nil
}
