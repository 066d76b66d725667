package batch

import (
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/tsdraft/tsdraft/internal/profile"
)

// Cell is one cell as a reader gives it.
type Cell struct {
	Text string // what the spreadsheet shows (CSV: the field as saved)
	Raw  string // XLSX: the stored value (a date is its serial number); CSV: as Text
	Num  bool   // XLSX: a number cell
	Date bool   // XLSX: a number cell formatted as a date
	// Serial is the date of a date cell, as a local date.
	Serial time.Time
	// Serial1900 is a date cell's stored serial in a workbook counting from 1900 (0 otherwise),
	// so that the days Excel counts wrongly (before March 1900) can be refused.
	Serial1900 float64
}

// blank reports whether a cell holds nothing but spaces.
func (c Cell) blank() bool { return strings.TrimSpace(c.Text) == "" && strings.TrimSpace(c.Raw) == "" }

// cellError is a cell whose value cannot be read as its column's kind.
type cellError struct {
	msg  string
	hint string
	key  string   // Msg…: the message as data, for interfaces in other languages (messages.go)
	args []string // the key's arguments
}

func (e *cellError) msgKey() (string, []string) { return e.key, e.args }

func (e *cellError) Error() string {
	if e.hint == "" {
		return e.msg
	}
	return e.msg + "; " + e.hint
}

// overlay turns a cell into the value it lays over the profile for its column, placed at the
// cell (file, row, column number) with the column's header as its key, and the cell's part of
// the row's fingerprint (see tomlValue). A blank cell gives no overlay (ok is false): the person
// has no such value, and the profile's value for the column is not used.
func (c *column) overlay(cell Cell, file string, row int) (ov profile.Overlay, fingerprint string, ok bool, err error) {
	v, err := c.value(cell)
	if err != nil || v == nil {
		return profile.Overlay{}, "", false, err
	}
	ov, fingerprint = c.overlayOf(v, file, row)
	return ov, fingerprint, true, nil
}

// overlayOf is overlay for a cell already read as its column's value.
func (c *column) overlayOf(v any, file string, row int) (profile.Overlay, string) {
	ov := profile.Overlay{Path: c.path, Value: v,
		Origin: profile.Pos{File: file, Line: row, Col: c.index + 1},
		Key:    profile.Pos{File: file, Line: headerRow, Col: c.index + 1}}
	return ov, tomlPath(c.path) + "=" + tomlText(v)
}

// headerRow is the sheet row that holds the header: where a column's path is written.
const headerRow = 1

// tomlValue is the cell's value written as TOML, as earlier versions passed it to the profile
// as a --set value: the rows' fingerprints in the issue log are made of it, so it must not
// change (a row that did not change would be reported as changed). A date reads as
// YYYY-MM-DD. "" when nothing is left of the cell (blank, or a list of separators only).
func (c *column) tomlValue(cell Cell) (string, error) {
	v, err := c.value(cell)
	if err != nil || v == nil {
		return "", err
	}
	return tomlText(v), nil
}

// value is the cell as a value of the column's kind, as a profile holds it; nil when nothing
// is left of it (a blank cell, a list cell holding only separators).
func (c *column) value(cell Cell) (any, error) {
	if cell.blank() {
		return nil, nil
	}
	text := strings.TrimSpace(cell.Text)
	switch c.kind {
	case profile.KindString, profile.KindText:
		if cell.Date {
			return cell.Serial.Format("2006-01-02"), nil
		}
		return text, nil
	case profile.KindStrings, profile.KindTexts:
		items := splitList(text)
		if len(items) == 0 {
			return nil, nil
		}
		out := make([]any, len(items))
		for i, it := range items {
			out[i] = it
		}
		return out, nil
	case profile.KindDate:
		var d time.Time
		var err error
		switch {
		case cell.Date:
			d, err = cell.Serial, checkDateCell(cell)
		case cell.Num:
			d, err = serialDate(cell.Raw)
		default:
			d, err = parseDate(text, c.dayFirst)
		}
		if err != nil {
			return nil, err
		}
		return profile.Date(d.Year(), d.Month(), d.Day()), nil
	case profile.KindInt:
		n, err := parseInt(cell)
		if err != nil {
			return nil, err
		}
		return n, nil
	case profile.KindNumber:
		f, err := parseNumber(cell, strings.HasSuffix(c.name(), "percent"))
		if err != nil {
			return nil, err
		}
		return numberValue(f), nil
	case profile.KindBool:
		b, err := parseBool(text)
		if err != nil {
			return nil, err
		}
		return b, nil
	case profile.KindAny:
		// [vars] is free-form: a date cell stays a date (templates format it per language),
		// everything else is the text as shown.
		if cell.Date {
			if err := checkDateCell(cell); err != nil {
				return nil, err
			}
			return profile.Date(cell.Serial.Year(), cell.Serial.Month(), cell.Serial.Day()), nil
		}
		return text, nil
	}
	return nil, &cellError{msg: "this column cannot be given per row", key: MsgNotPerRow}
}

// numberValue is a number as the profile holds it: a whole number is an integer (as TOML reads
// 5000), any other a float.
func numberValue(f float64) any {
	if f == math.Trunc(f) && math.Abs(f) < 1<<53 {
		return int64(f)
	}
	return f
}

// tomlText writes a cell's value (see value) as TOML.
func tomlText(v any) string {
	switch x := v.(type) {
	case string:
		return tomlString(x)
	case []any:
		parts := make([]string, len(x))
		for i, e := range x {
			s, _ := e.(string)
			parts[i] = tomlString(s)
		}
		return "[" + strings.Join(parts, ", ") + "]"
	case time.Time:
		return x.Format("2006-01-02")
	case int64:
		return strconv.FormatInt(x, 10)
	case float64:
		return strconv.FormatFloat(x, 'g', -1, 64)
	case bool:
		return strconv.FormatBool(x)
	}
	panic(fmt.Sprintf("batch: a cell gave a value of type %T", v)) // value gives none other
}

// tomlString quotes s as a TOML basic string. Every character a basic string may not hold raw
// (quote, backslash, control characters, DEL) is escaped.
func tomlString(s string) string {
	var b strings.Builder
	b.Grow(len(s) + 2)
	b.WriteByte('"')
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n == 1 {
			b.WriteString(`\uFFFD`) // not UTF-8 (readers give UTF-8): still valid TOML
			i++
			continue
		}
		switch r {
		case '"':
			b.WriteString(`\"`)
		case '\\':
			b.WriteString(`\\`)
		case '\b':
			b.WriteString(`\b`)
		case '\t':
			b.WriteString(`\t`)
		case '\n':
			b.WriteString(`\n`)
		case '\f':
			b.WriteString(`\f`)
		case '\r':
			b.WriteString(`\r`)
		default:
			if r < 0x20 || r == 0x7F {
				fmt.Fprintf(&b, `\u%04X`, r)
			} else {
				b.WriteString(s[i : i+n])
			}
		}
		i += n
	}
	b.WriteByte('"')
	return b.String()
}

// tomlPath writes a dotted key path, each segment bare when TOML allows it, quoted otherwise.
func tomlPath(path []string) string {
	parts := make([]string, len(path))
	for i, k := range path {
		parts[i] = k
		if k == "" || strings.ContainsFunc(k, func(r rune) bool {
			return !(r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '_' || r == '-')
		}) {
			parts[i] = tomlString(k)
		}
	}
	return strings.Join(parts, ".")
}

// splitList splits a list cell into items at ';' and at line breaks (Alt+Enter in Excel),
// trimming each and dropping empty ones.
func splitList(s string) []string {
	f := strings.FieldsFunc(s, func(r rune) bool { return r == ';' || r == '\n' || r == '\r' || r == '；' })
	out := f[:0]
	for _, it := range f {
		if it = strings.TrimSpace(it); it != "" {
			out = append(out, it)
		}
	}
	return out
}

var (
	dateRE = regexp.MustCompile(`^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?` + timeOfDay + `$`)
	// dmyRE is a date with the year last: 31/03/2026, 31.03.2026, 31-03-2026 (or 31/03/26).
	dmyRE = regexp.MustCompile(`^(\d{1,2})\s*([-/.])\s*(\d{1,2})\s*[-/.]\s*(\d{2}|\d{4})` + timeOfDay + `$`)
)

const timeOfDay = `(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?`

// Plausible years for a date in a pledge (hire, exit, signing): a year outside is a typo, a
// Buddhist-era year, or a placeholder such as 0000-01-01 or 9999-12-31.
const (
	minYear = 1900
	maxYear = 2100
	// buddhistOffset is the difference between a Buddhist-era year (Thai calendar) and the
	// Gregorian year: BE 2569 is 2026.
	buddhistOffset = 543
)

// DayFirst lists the jurisdictions whose usual text date puts the day first (31/03/2026,
// 31.03.2026 in Germany). Elsewhere (JP, CN) such a date is refused as ambiguous.
var DayFirst = []string{"TH", "VN", "ID", "DE", "UK", "EU"}

// parseDate reads a date as spreadsheets write it: 2026-03-31, 2026/3/31, 2026.3.31,
// 2026年3月31日, with full-width digits too, and a time of day after it ignored. With dayFirst
// (the jurisdiction writes dates that way) 31/03/2026 and 31.03.2026 are read day first;
// otherwise, and whenever the day-first reading is impossible while the month-first one is
// not (03/31/2026), the date is refused: guessing the order would put a wrong date in a
// signed pledge. Years outside 1900–2100 are refused; a Buddhist-era year is named as such
// with its Gregorian year.
func parseDate(s string, dayFirst bool) (time.Time, error) {
	n := norm.NFKC.String(strings.TrimSpace(s))
	var y, mo, d int
	if m := dateRE.FindStringSubmatch(n); m != nil {
		y, _ = strconv.Atoi(m[1])
		mo, _ = strconv.Atoi(m[2])
		d, _ = strconv.Atoi(m[3])
	} else if m := dmyRE.FindStringSubmatch(n); m != nil {
		a, _ := strconv.Atoi(m[1])
		b, _ := strconv.Atoi(m[3])
		if len(m[4]) == 2 {
			return time.Time{}, &cellError{msg: fmt.Sprintf("%q has a two-digit year", s), hint: "write the year in full, e.g. 2026-03-31", key: MsgTwoDigitYear, args: []string{s}}
		}
		y, _ = strconv.Atoi(m[4])
		switch {
		case !dayFirst:
			return time.Time{}, &cellError{msg: fmt.Sprintf("%q is ambiguous: day and month can be read either way", s), hint: "write it as YYYY-MM-DD, e.g. 2026-03-31 (or format the cell as a date)", key: MsgAmbiguousDate, args: []string{s}}
		case b > 12 && a <= 12:
			return time.Time{}, &cellError{msg: fmt.Sprintf("%q is ambiguous: dates here are day/month/year, and %d is not a month (month/day/year?)", s, b),
				hint: fmt.Sprintf("write it as YYYY-MM-DD, e.g. %04d-%02d-%02d if that is what it means", y, a, b),
				key:  MsgNotAMonth, args: []string{s, strconv.Itoa(b), fmt.Sprintf("%04d-%02d-%02d", y, a, b)}}
		}
		d, mo = a, b
	} else {
		order, key := "YYYY-MM-DD, e.g. 2026-03-31", MsgNotADate
		if dayFirst {
			order, key = "DD/MM/YYYY or YYYY-MM-DD, e.g. 31/03/2026 or 2026-03-31", MsgNotADateDMY
		}
		return time.Time{}, &cellError{msg: fmt.Sprintf("%q is not a date", s), hint: "write it as " + order + " (or format the cell as a date)", key: key, args: []string{s}}
	}
	if err := checkYear(s, y); err != nil {
		return time.Time{}, err
	}
	t := time.Date(y, time.Month(mo), d, 0, 0, 0, 0, time.UTC)
	if mo < 1 || mo > 12 || t.Day() != d || t.Month() != time.Month(mo) {
		e := &cellError{msg: fmt.Sprintf("%q is not a date: there is no %s", s, dayName(y, mo, d)), hint: "check the month and the day",
			key: MsgNoSuchDay, args: []string{s, strconv.Itoa(y), strconv.Itoa(mo), strconv.Itoa(d)}}
		if mo < 1 || mo > 12 {
			e.key, e.args = MsgNoSuchMonth, []string{s, strconv.Itoa(mo)}
		}
		return time.Time{}, e
	}
	return t, nil
}

// checkYear refuses a year no pledge can carry: a Buddhist-era year (named, with the Gregorian
// year it means) or one outside minYear–maxYear.
func checkYear(s string, y int) error {
	switch {
	case y-buddhistOffset >= minYear && y-buddhistOffset <= maxYear:
		return &cellError{msg: fmt.Sprintf("%q has a Buddhist-era year (%d = %d in the Gregorian calendar)", s, y, y-buddhistOffset),
			hint: fmt.Sprintf("write the Gregorian year %d (Thai documents show the Buddhist-era year themselves)", y-buddhistOffset),
			key:  MsgBuddhistYear, args: []string{s, strconv.Itoa(y), strconv.Itoa(y - buddhistOffset)}}
	case y < minYear || y > maxYear:
		return &cellError{msg: fmt.Sprintf("%q: the year %d is outside %d–%d", s, y, minYear, maxYear), hint: "check the year",
			key: MsgYearRange, args: []string{s, strconv.Itoa(y), strconv.Itoa(minYear), strconv.Itoa(maxYear)}}
	}
	return nil
}

// checkDateCell checks a date cell's date: its year, and Excel's serials before March 1900,
// which count the 29 February 1900 that never was (serial 60) and so mean another day in every
// other program.
func checkDateCell(c Cell) error {
	if c.Serial1900 > 0 && c.Serial1900 < 61 {
		if int(c.Serial1900) == 60 {
			return &cellError{msg: "the date is 29 February 1900 (Excel serial 60), a day that did not exist: Excel counts 1900 as a leap year", hint: "enter the real date", key: MsgExcelLeapDay}
		}
		return &cellError{msg: fmt.Sprintf("the date is Excel serial %v (before March 1900), which spreadsheets read differently", c.Serial1900), hint: "enter the real date",
			key: MsgExcelEarly, args: []string{fmt.Sprint(c.Serial1900)}}
	}
	return checkYear(c.Serial.Format("2006-01-02"), c.Serial.Year())
}

func dayName(y, m, d int) string {
	if m < 1 || m > 12 {
		return fmt.Sprintf("month %d", m)
	}
	return fmt.Sprintf("%s %d in %d", time.Month(m), d, y)
}

// serialDate converts an Excel date serial (days since 1899-12-30) to a date.
func serialDate(raw string) (time.Time, error) {
	f, err := strconv.ParseFloat(strings.TrimSpace(raw), 64)
	if err != nil || math.IsNaN(f) || f < 1 || f > 2958465 { // 9999-12-31
		return time.Time{}, &cellError{msg: fmt.Sprintf("%q is not a date", raw), hint: "format the cell as a date, or write it as YYYY-MM-DD", key: MsgNotADate, args: []string{raw}}
	}
	c := Cell{Serial: excelDate(f, false), Serial1900: f}
	if err := checkDateCell(c); err != nil {
		return time.Time{}, err
	}
	return c.Serial, nil
}

// excelDate converts a serial to a date (the time of day is dropped). Excel counts 1900 as a
// leap year, which the 1899-12-30 epoch absorbs for every date after February 1900;
// checkDateCell refuses the earlier ones.
func excelDate(f float64, date1904 bool) time.Time {
	epoch := time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)
	if date1904 {
		epoch = time.Date(1904, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	days := int(math.Floor(f + 1e-9))
	return epoch.AddDate(0, 0, days)
}

var (
	groupedRE = regexp.MustCompile(`^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$`)
	// decimalRE is a number as people write it: no hex, no inf or nan, no digit separators.
	decimalRE = regexp.MustCompile(`^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d{1,3})?$`)
)

// maxAmount bounds every number a row may give: no month count, percentage or compensation in
// a pledge reaches a trillion, while a stray exponent (1e300) or a pasted serial number would.
const maxAmount = 1e12

// numberText normalizes a number as typed: full-width digits, grouping commas (5,000).
func numberText(s string) string {
	s = strings.TrimSpace(norm.NFKC.String(s))
	if groupedRE.MatchString(s) {
		s = strings.ReplaceAll(s, ",", "")
	}
	return s
}

func parseInt(cell Cell) (int64, error) {
	s := numberText(cell.Text)
	if cell.Num {
		s = strings.TrimSpace(cell.Raw)
	}
	if decimalRE.MatchString(s) {
		if n, err := strconv.ParseInt(s, 10, 64); err == nil && math.Abs(float64(n)) <= maxAmount {
			return n, nil
		}
		if f, err := strconv.ParseFloat(s, 64); err == nil && f == math.Trunc(f) && math.Abs(f) <= maxAmount {
			return int64(f), nil
		}
		if f, err := strconv.ParseFloat(s, 64); err == nil && math.Abs(f) > maxAmount {
			return 0, &cellError{msg: fmt.Sprintf("%q is far too large", cell.Text), hint: "check the number", key: MsgTooLarge, args: []string{cell.Text}}
		}
	}
	return 0, &cellError{msg: fmt.Sprintf("%q is not a whole number", cell.Text), hint: "write digits only, e.g. 12", key: MsgNotWhole, args: []string{cell.Text}}
}

func parseNumber(cell Cell, percent bool) (float64, error) {
	s := strings.TrimSpace(cell.Text)
	if cell.Num && !strings.HasSuffix(s, "%") {
		s = cell.Raw
	}
	s = numberText(s)
	if percent {
		s = strings.TrimSpace(strings.TrimSuffix(s, "%"))
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil || !decimalRE.MatchString(s) || math.IsNaN(f) || math.IsInf(f, 0) {
		return 0, &cellError{msg: fmt.Sprintf("%q is not a number", cell.Text), hint: "write a number, e.g. 30 or 12.5", key: MsgNotANumber, args: []string{cell.Text}}
	}
	if math.Abs(f) > maxAmount {
		return 0, &cellError{msg: fmt.Sprintf("%q is far too large for an amount", cell.Text), hint: "check the number", key: MsgTooLarge, args: []string{cell.Text}}
	}
	return f, nil
}

func parseBool(s string) (bool, error) {
	switch strings.ToLower(strings.TrimSpace(norm.NFKC.String(s))) {
	case "true", "yes", "y", "1":
		return true, nil
	case "false", "no", "n", "0":
		return false, nil
	}
	return false, &cellError{msg: fmt.Sprintf("%q is not true or false", s), hint: "write true or false", key: MsgNotTrueFalse, args: []string{s}}
}
