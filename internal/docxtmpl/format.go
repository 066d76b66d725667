package docxtmpl

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
)

// Languages the engine formats dates and numbers for.
var Languages = []string{"ja", "en", "zh-CN", "th", "vi", "id", "de"}

var thMonths = []string{"มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน", "กรกฎาคม", "สิงหาคม", "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม"}
var idMonths = []string{"Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober", "November", "Desember"}
var deMonths = []string{"Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"}

// FormatDate formats a date in the long or short form of a language. Thai uses the Buddhist-era
// year (Gregorian + 543), as Thai legal documents do.
func FormatDate(t time.Time, lang, form string) (string, error) {
	y, m, d := t.Date()
	short := false
	switch form {
	case "", "long":
	case "short":
		short = true
	default:
		return "", fmt.Errorf("date form %q is not long or short", form)
	}
	switch lang {
	case "ja", "zh-CN":
		if short {
			if lang == "ja" {
				return fmt.Sprintf("%04d/%02d/%02d", y, m, d), nil
			}
			return fmt.Sprintf("%04d-%02d-%02d", y, m, d), nil
		}
		return fmt.Sprintf("%d年%d月%d日", y, m, d), nil
	case "th":
		if short {
			return fmt.Sprintf("%02d/%02d/%04d", d, m, y+543), nil
		}
		return fmt.Sprintf("%d %s %d", d, thMonths[m-1], y+543), nil
	case "vi":
		if short {
			return fmt.Sprintf("%02d/%02d/%04d", d, m, y), nil
		}
		return fmt.Sprintf("ngày %02d tháng %02d năm %d", d, m, y), nil
	case "id":
		if short {
			return fmt.Sprintf("%02d/%02d/%04d", d, m, y), nil
		}
		return fmt.Sprintf("%d %s %d", d, idMonths[m-1], y), nil
	case "de":
		if short {
			return fmt.Sprintf("%02d.%02d.%04d", d, m, y), nil
		}
		return fmt.Sprintf("%d. %s %d", d, deMonths[m-1], y), nil
	case "en":
		if short {
			return fmt.Sprintf("%04d-%02d-%02d", y, m, d), nil
		}
		return fmt.Sprintf("%d %s %d", d, m.String(), y), nil
	}
	return "", fmt.Errorf("no date format for language %q", lang)
}

// FormatNumber groups thousands the way the language writes them (1,234.5 or 1.234,5).
func FormatNumber(f float64, lang string, decimals int) string {
	group, point := ",", "."
	switch lang {
	case "de", "id", "vi":
		group, point = ".", ","
	}
	neg := f < 0
	f = math.Abs(f)
	var s string
	if decimals < 0 {
		s = strconv.FormatFloat(f, 'f', -1, 64)
	} else {
		s = strconv.FormatFloat(f, 'f', decimals, 64)
	}
	intPart, frac, _ := strings.Cut(s, ".")
	var b strings.Builder
	if neg {
		b.WriteByte('-')
	}
	for i, c := range intPart {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			b.WriteString(group)
		}
		b.WriteRune(c)
	}
	if frac != "" {
		b.WriteString(point)
		b.WriteString(frac)
	}
	return b.String()
}

// listSeparator joins list values printed as one text.
func listSeparator(lang string) string {
	switch lang {
	case "ja", "zh-CN":
		return "、"
	}
	return ", "
}
