package batch

import (
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"
	"time"

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
}

// blank reports whether a cell holds nothing but spaces.
func (c Cell) blank() bool { return strings.TrimSpace(c.Text) == "" && strings.TrimSpace(c.Raw) == "" }

// cellError is a cell whose value cannot be read as its column's kind.
type cellError struct {
	msg  string
	hint string
}

func (e *cellError) Error() string {
	if e.hint == "" {
		return e.msg
	}
	return e.msg + "; " + e.hint
}

// setArg turns a cell into a --set argument for its column: `path=TOML-value`. A blank cell
// gives "" (no value: the person has none, and the profile's value for the column is not used).
func (c *column) setArg(cell Cell) (string, error) {
	if cell.blank() {
		return "", nil
	}
	v, err := c.tomlValue(cell)
	if err != nil {
		return "", err
	}
	if v == "" {
		return "", nil
	}
	return tomlPath(c.path) + "=" + v, nil
}

// tomlValue is the cell as a TOML value of the column's kind; "" when nothing is left of it
// (a list cell holding only separators).
func (c *column) tomlValue(cell Cell) (string, error) {
	text := strings.TrimSpace(cell.Text)
	switch c.kind {
	case profile.KindString, profile.KindText:
		if cell.Date {
			return tomlString(cell.Serial.Format("2006-01-02")), nil
		}
		return tomlString(text), nil
	case profile.KindStrings, profile.KindTexts:
		items := splitList(text)
		if len(items) == 0 {
			return "", nil
		}
		parts := make([]string, len(items))
		for i, it := range items {
			parts[i] = tomlString(it)
		}
		return "[" + strings.Join(parts, ", ") + "]", nil
	case profile.KindDate:
		if cell.Date || cell.Num {
			if cell.Date {
				return cell.Serial.Format("2006-01-02"), nil
			}
			d, err := serialDate(cell.Raw)
			if err != nil {
				return "", err
			}
			return d.Format("2006-01-02"), nil
		}
		d, err := parseDate(text)
		if err != nil {
			return "", err
		}
		return d.Format("2006-01-02"), nil
	case profile.KindInt:
		n, err := parseInt(cell)
		if err != nil {
			return "", err
		}
		return strconv.FormatInt(n, 10), nil
	case profile.KindNumber:
		f, err := parseNumber(cell, strings.HasSuffix(c.name(), "percent"))
		if err != nil {
			return "", err
		}
		return formatNumber(f), nil
	case profile.KindBool:
		b, err := parseBool(text)
		if err != nil {
			return "", err
		}
		return strconv.FormatBool(b), nil
	case profile.KindAny:
		// [vars] is free-form: a date cell stays a date (templates format it per language),
		// everything else is the text as shown.
		if cell.Date {
			return cell.Serial.Format("2006-01-02"), nil
		}
		return tomlString(text), nil
	}
	return "", &cellError{msg: "this column cannot be given per row"}
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

var dateRE = regexp.MustCompile(`^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$`)

// parseDate reads a date as spreadsheets write it: 2026-03-31, 2026/3/31, 2026.3.31,
// 2026年3月31日, with full-width digits too, and a time of day after it ignored. Day-first and
// month-first forms (31/03/2026, 3/31/2026) are refused: they cannot be told apart.
func parseDate(s string) (time.Time, error) {
	n := norm.NFKC.String(strings.TrimSpace(s))
	m := dateRE.FindStringSubmatch(n)
	if m == nil {
		return time.Time{}, &cellError{msg: fmt.Sprintf("%q is not a date", s), hint: "write it as YYYY-MM-DD, e.g. 2026-03-31 (or format the cell as a date)"}
	}
	y, _ := strconv.Atoi(m[1])
	mo, _ := strconv.Atoi(m[2])
	d, _ := strconv.Atoi(m[3])
	t := time.Date(y, time.Month(mo), d, 0, 0, 0, 0, time.UTC)
	if mo < 1 || mo > 12 || t.Day() != d || t.Month() != time.Month(mo) {
		return time.Time{}, &cellError{msg: fmt.Sprintf("%q is not a date: there is no %s", s, dayName(y, mo, d)), hint: "check the month and the day"}
	}
	return t, nil
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
	if err != nil || f < 1 || f > 2958465 { // 9999-12-31
		return time.Time{}, &cellError{msg: fmt.Sprintf("%q is not a date", raw), hint: "format the cell as a date, or write it as YYYY-MM-DD"}
	}
	return excelDate(f, false), nil
}

// excelDate converts a serial to a date (the time of day is dropped). Excel counts 1900 as a
// leap year, which the 1899-12-30 epoch absorbs for every date after February 1900.
func excelDate(f float64, date1904 bool) time.Time {
	epoch := time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)
	if date1904 {
		epoch = time.Date(1904, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	days := int(math.Floor(f + 1e-9))
	return epoch.AddDate(0, 0, days)
}

var groupedRE = regexp.MustCompile(`^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$`)

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
	if n, err := strconv.ParseInt(s, 10, 64); err == nil {
		return n, nil
	}
	if f, err := strconv.ParseFloat(s, 64); err == nil && f == math.Trunc(f) && math.Abs(f) < 1<<53 {
		return int64(f), nil
	}
	return 0, &cellError{msg: fmt.Sprintf("%q is not a whole number", cell.Text), hint: "write digits only, e.g. 12"}
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
	if err != nil || math.IsNaN(f) || math.IsInf(f, 0) {
		return 0, &cellError{msg: fmt.Sprintf("%q is not a number", cell.Text), hint: "write a number, e.g. 30 or 12.5"}
	}
	return f, nil
}

func formatNumber(f float64) string {
	if f == math.Trunc(f) && math.Abs(f) < 1<<53 {
		return strconv.FormatInt(int64(f), 10)
	}
	return strconv.FormatFloat(f, 'g', -1, 64)
}

func parseBool(s string) (bool, error) {
	switch strings.ToLower(strings.TrimSpace(norm.NFKC.String(s))) {
	case "true", "yes", "y", "1":
		return true, nil
	case "false", "no", "n", "0":
		return false, nil
	}
	return false, &cellError{msg: fmt.Sprintf("%q is not true or false", s), hint: "write true or false"}
}
