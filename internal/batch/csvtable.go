package batch

import (
	"bufio"
	"bytes"
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/japanese"
	"golang.org/x/text/encoding/unicode"
)

// Encodings a CSV file may be read in. Auto reads UTF-8 (with or without a BOM) and UTF-16
// with a BOM; Shift_JIS (CP932, what Japanese Excel writes for "CSV (Comma delimited)") only
// when the bytes are not UTF-8 and Shift_JIS is the only plausible reading of them. Every
// other case stops and asks for --encoding: a file decoded in the wrong encoding gives
// documents in garbage ("J臠er") that look fine to a program.
const (
	EncodingAuto    = "auto"
	EncodingUTF8    = "utf-8"
	EncodingUTF16LE = "utf-16le"
	EncodingUTF16BE = "utf-16be"
	EncodingCP932   = "cp932"
	EncodingCP1252  = "cp1252"
	EncodingTIS620  = "tis-620"
)

// EncodingNames are the names --encoding takes, for help and completion.
var EncodingNames = []string{"utf-8", "utf-16le", "utf-16be", "cp932", "shift_jis", "cp1252", "windows-1252", "tis-620", "windows-874"}

// normEncoding maps the names --encoding accepts to one of the Encoding constants.
func normEncoding(e string) (string, error) {
	switch strings.ToLower(strings.TrimSpace(e)) {
	case "", "auto":
		return EncodingAuto, nil
	case "utf-8", "utf8", "utf-8-sig":
		return EncodingUTF8, nil
	case "utf-16le", "utf16le", "utf-16":
		return EncodingUTF16LE, nil
	case "utf-16be", "utf16be":
		return EncodingUTF16BE, nil
	case "cp932", "shift_jis", "shift-jis", "sjis", "windows-31j", "ms932":
		return EncodingCP932, nil
	case "cp1252", "windows-1252", "latin1", "latin-1", "iso-8859-1":
		return EncodingCP1252, nil
	case "tis-620", "tis620", "cp874", "windows-874", "iso-8859-11":
		return EncodingTIS620, nil
	}
	return "", fmt.Errorf("unknown encoding %q: use utf-8, utf-16le, utf-16be, cp932 (shift_jis), cp1252 (windows-1252) or tis-620 (windows-874), or leave it out to detect it", e)
}

// decoder returns the transformation from enc to UTF-8 (nil for UTF-8).
func decoder(enc string) *encoding.Decoder {
	switch enc {
	case EncodingCP932:
		return japanese.ShiftJIS.NewDecoder()
	case EncodingCP1252:
		return charmap.Windows1252.NewDecoder()
	case EncodingTIS620:
		return charmap.Windows874.NewDecoder()
	case EncodingUTF16LE:
		return unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewDecoder()
	case EncodingUTF16BE:
		return unicode.UTF16(unicode.BigEndian, unicode.UseBOM).NewDecoder()
	}
	return nil
}

// describe names an encoding for messages.
func describe(enc string) string {
	switch enc {
	case EncodingCP932:
		return "cp932 (Japanese Shift_JIS)"
	case EncodingCP1252:
		return "cp1252 (Western European)"
	case EncodingTIS620:
		return "tis-620 (Thai)"
	}
	return enc
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
// at the bytes once from start to end without keeping them. ctx stops a long scan.
func sniffCSV(ctx context.Context, name string, r io.Reader, enc string) (string, rune, error) {
	br := bufio.NewReaderSize(r, 64<<10)
	head, _ := br.Peek(4)
	switch {
	case bytes.HasPrefix(head, []byte{0xFF, 0xFE}) && (enc == EncodingAuto || enc == EncodingUTF16LE):
		enc = EncodingUTF16LE
	case bytes.HasPrefix(head, []byte{0xFE, 0xFF}) && (enc == EncodingAuto || enc == EncodingUTF16BE):
		enc = EncodingUTF16BE
	case bytes.HasPrefix(head, []byte{0xEF, 0xBB, 0xBF}) && enc == EncodingAuto:
		enc = EncodingUTF8 // the BOM says so; the bytes must agree
	}
	// The header row decides the delimiter. Delimiters are ASCII, and no byte of a multi-byte
	// character in UTF-8, Shift_JIS or the single-byte code pages is one.
	first, _ := br.Peek(64 << 10)
	if d := decoder(enc); d != nil && (enc == EncodingUTF16LE || enc == EncodingUTF16BE) {
		first, _ = d.Bytes(first[:len(first)&^1])
		first = bytes.ToValidUTF8(first, nil)
	}
	if i := bytes.IndexByte(first, '\n'); i >= 0 {
		first = first[:i]
	}
	delim := sniffDelimiter(first)
	switch enc {
	case EncodingAuto:
	case EncodingUTF8:
		line, col, ok := scanUTF8(br)
		if !ok {
			return "", 0, &EncodingError{At: fmt.Sprintf("%s:%d:%d", name, line, col), Found: "the bytes here are not UTF-8"}
		}
		return enc, delim, nil
	default:
		return enc, delim, nil
	}
	enc, err := guessEncoding(ctx, name, br, delim)
	return enc, delim, err
}

// reading is one encoding a file might be in, and whether every cell so far reads plausibly.
type reading struct {
	enc       string
	ok        bool
	plausible func(string) bool
}

// guessEncoding reads every cell once in each candidate encoding. UTF-8 wins when the bytes
// are UTF-8, unless the Shift_JIS reading of every non-ASCII cell is plausible Japanese too
// (a Shift_JIS file that happens to be valid UTF-8: "邉本" would read "糖{"); Shift_JIS is
// taken when the bytes are not UTF-8 and no other reading is plausible. Anything else is an
// error naming the first row that the readings disagree on.
func guessEncoding(ctx context.Context, name string, r io.Reader, delim rune) (string, error) {
	cr := csv.NewReader(r)
	cr.Comma = delim
	cr.FieldsPerRecord = -1
	cr.LazyQuotes = true
	cr.ReuseRecord = true
	utf8ok, utf8plausible := true, true
	readings := []*reading{
		{enc: EncodingCP932, ok: true, plausible: plausibleJapanese},
		{enc: EncodingTIS620, ok: true, plausible: plausibleThai},
		{enc: EncodingCP1252, ok: true, plausible: plausibleLatin},
	}
	type where struct {
		row  int
		col  int
		cell []byte
	}
	var first *where // the first cell with non-ASCII bytes
	row := 0
	for {
		if row%1024 == 0 && ctx.Err() != nil {
			return "", fmt.Errorf("interrupted while reading %s; nothing written", name)
		}
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			break // the real reading reports it, with its place
		}
		row++
		for i, f := range rec {
			if isASCII(f) {
				continue
			}
			if first == nil {
				first = &where{row, i, []byte(f)}
			}
			if utf8ok && !utf8.ValidString(f) {
				utf8ok = false
			}
			if utf8ok && utf8plausible && !plausibleUTF8(f) {
				utf8plausible = false
				if first.row != row || first.col != i {
					first = &where{row, i, []byte(f)} // name the cell that is in doubt
				}
			}
			for _, rd := range readings {
				if !rd.ok {
					continue
				}
				s, err := decoder(rd.enc).String(f)
				rd.ok = err == nil && rd.plausible(s)
			}
		}
	}
	if first == nil {
		return EncodingUTF8, nil // ASCII reads the same in all of them
	}
	at := fmt.Sprintf("%s, row %d, column %s", name, first.row, columnLetter(first.col))
	readAs := func(enc string) string {
		if enc == EncodingUTF8 {
			return fmt.Sprintf("%q as UTF-8", string(first.cell))
		}
		s, _ := decoder(enc).Bytes(first.cell)
		return fmt.Sprintf("%q as %s", string(s), describe(enc))
	}
	if utf8ok {
		if !utf8plausible && readings[0].ok {
			return "", &EncodingError{At: at, Found: fmt.Sprintf("the file reads two ways, %s and %s", readAs(EncodingUTF8), readAs(EncodingCP932)),
				Encodings: []string{EncodingUTF8, EncodingCP932}}
		}
		return EncodingUTF8, nil
	}
	var fits []string
	for _, rd := range readings {
		if rd.ok {
			fits = append(fits, rd.enc)
		}
	}
	switch {
	case len(fits) == 1 && fits[0] == EncodingCP932:
		return EncodingCP932, nil
	case len(fits) == 0:
		return "", fmt.Errorf("%s: the file is not UTF-8, and no encoding tsdraft knows reads it cleanly; save it as \"CSV UTF-8\" (or .xlsx) from the spreadsheet", at)
	}
	var opts []string
	for _, e := range fits {
		opts = append(opts, readAs(e))
	}
	return "", &EncodingError{At: at, Found: "the file is not UTF-8 and tsdraft will not guess its encoding: it reads " + strings.Join(opts, ", or "), Encodings: fits}
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// utf8Symbol marks the ASCII symbols @ [ \ ] ^ _ ` { | } ~ (a table: this runs on every character
// of every cell of the sheet before anything else happens).
var utf8Symbol = [0x80]bool{'@': true, '[': true, '\\': true, ']': true, '^': true, '_': true, '`': true, '{': true, '|': true, '}': true, '~': true}

// plausibleUTF8 reports whether a cell read as UTF-8 looks like text people type: no control
// characters, and no kana or kanji glued to one of the ASCII symbols @ [ \ ] ^ _ ` { | } ~,
// which is what Shift_JIS bytes that happen to be valid UTF-8 look like ("糖{" for "邉本").
func plausibleUTF8(s string) bool {
	prevCJK, prevSym := false, false
	for _, r := range s {
		cjk := r >= 0x3040 && r <= 0x30FF || r >= 0x3400 && r <= 0x9FFF || r >= 0xF900 && r <= 0xFAFF
		sym := r < 0x80 && utf8Symbol[r]
		switch {
		case r < 0x20 && r != '\n' && r != '\r' && r != '\t', r >= 0x7F && r <= 0x9F, r >= 0xE000 && r <= 0xF8FF, r == utf8.RuneError:
			return false
		case cjk && prevSym, sym && prevCJK:
			return false
		}
		prevCJK, prevSym = cjk, sym
	}
	return true
}

// plausibleJapanese reports whether a decoded cell is Japanese as people write it: kana,
// kanji and full-width forms, no control characters, and no half-width katakana touching a
// kanji or kana, which is what UTF-8 bytes read as Shift_JIS look like ("貂｡霎ｺ" for "渡辺").
func plausibleJapanese(s string) bool {
	prevWide, prevHalf := false, false
	for _, r := range s {
		half := r >= 0xFF61 && r <= 0xFF9F
		wide := r >= 0x3040 && r <= 0x30FF || r >= 0x4E00 && r <= 0x9FFF || r >= 0xF900 && r <= 0xFAFF || r == 0x3005
		switch {
		case r < 0x80 && (r >= 0x20 || r == '\n' || r == '\r' || r == '\t'):
		case half, wide:
		case r >= 0x3000 && r <= 0x303F, r >= 0xFF01 && r <= 0xFF60, r >= 0xFFE0 && r <= 0xFFEE:
		case r >= 0x2010 && r <= 0x203B, r >= 0x25A0 && r <= 0x25FF, r >= 0x2460 && r <= 0x2473, r >= 0x2160 && r <= 0x217F:
		case r == 0xA7 || r == 0xB0 || r == 0xD7 || r == 0xF7:
		default:
			return false
		}
		if half && prevWide || wide && prevHalf {
			return false
		}
		prevWide, prevHalf = wide, half
	}
	return true
}

// plausibleThai reports whether a decoded cell's non-ASCII characters are all Thai.
func plausibleThai(s string) bool {
	for _, r := range s {
		if r >= 0x80 && !(r >= 0x0E01 && r <= 0x0E5B) || r < 0x20 && r != '\n' && r != '\r' && r != '\t' {
			return false
		}
	}
	return true
}

// plausibleLatin reports whether a decoded cell's non-ASCII characters are the letters and
// punctuation of Western European names and addresses. The rarer symbols of the 0x80–0x9F
// range (ƒ ˆ ‰ Š ‹ Œ Ž ˜ ™ š › œ ž Ÿ † ‡ ‚ „) are left out: they are what Shift_JIS lead bytes
// look like in cp1252, and no leaver's name needs them.
func plausibleLatin(s string) bool {
	for _, r := range s {
		switch {
		case r < 0x80 && (r >= 0x20 || r == '\n' || r == '\r' || r == '\t'):
		case r >= 0xA0 && r <= 0xFF:
		case strings.ContainsRune("€‘’“”–—…•", r):
		default:
			return false
		}
	}
	return true
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

// newCSVTable reads from r, which must be in the encoding enc with the given delimiter.
func newCSVTable(name string, r io.Reader, enc string, delim rune) *csvTable {
	if d := decoder(enc); d != nil {
		r = d.Reader(r)
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
		if t.enc != EncodingUTF8 && strings.ContainsRune(f, utf8.RuneError) {
			return record{}, fmt.Errorf("%s:%d: bytes that are not %s (column %s); save the file as \"CSV UTF-8\"", t.name, start, describe(t.enc), columnLetter(i))
		}
		if t.enc == EncodingUTF8 && !utf8.ValidString(f) {
			return record{}, &EncodingError{At: fmt.Sprintf("%s:%d", t.name, start), Found: fmt.Sprintf("bytes that are not UTF-8 (column %s)", columnLetter(i))}
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
