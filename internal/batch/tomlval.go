package batch

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// tomlString quotes s as a TOML basic string. Every character a basic string may not hold raw
// (quote, backslash, control characters, DEL) is escaped, so any cell survives the trip through
// --set unchanged; characters that a DOCX cannot hold are still reported by the profile decoder,
// which sees them after unescaping.
func tomlString(s string) string {
	var b strings.Builder
	b.Grow(len(s) + 2)
	b.WriteByte('"')
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n == 1 {
			// Not reachable for decoded cells (readers produce UTF-8); escape the replacement
			// character so the output is still valid TOML.
			b.WriteString(`\uFFFD`)
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

// tomlKey writes one key segment: bare when TOML allows it, quoted otherwise.
func tomlKey(k string) string {
	if k == "" {
		return `""`
	}
	for _, c := range []byte(k) {
		if !(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_' || c == '-') {
			return tomlString(k)
		}
	}
	return k
}

// tomlPath writes a dotted key path with each segment quoted as needed.
func tomlPath(path []string) string {
	parts := make([]string, len(path))
	for i, p := range path {
		parts[i] = tomlKey(p)
	}
	return strings.Join(parts, ".")
}

// tomlValue encodes a value as BurntSushi/toml decodes it into map[string]any, as one inline
// TOML value (tables become inline tables), so that a decoded document can be written back
// without the keys the sheet replaces.
func tomlValue(v any) (string, error) {
	var b strings.Builder
	if err := writeValue(&b, v); err != nil {
		return "", err
	}
	return b.String(), nil
}

func writeValue(b *strings.Builder, v any) error {
	switch x := v.(type) {
	case string:
		b.WriteString(tomlString(x))
	case bool:
		b.WriteString(strconv.FormatBool(x))
	case int64:
		b.WriteString(strconv.FormatInt(x, 10))
	case int:
		b.WriteString(strconv.Itoa(x))
	case float64:
		switch {
		case math.IsNaN(x):
			b.WriteString("nan")
		case math.IsInf(x, 1):
			b.WriteString("inf")
		case math.IsInf(x, -1):
			b.WriteString("-inf")
		default:
			s := strconv.FormatFloat(x, 'g', -1, 64)
			if !strings.ContainsAny(s, ".eEn") {
				s += ".0" // keep it a float: 3 would read back as an integer
			}
			b.WriteString(s)
		}
	case time.Time:
		switch x.Location().String() {
		case "date-local":
			b.WriteString(x.Format("2006-01-02"))
		case "datetime-local":
			b.WriteString(x.Format("2006-01-02T15:04:05.999999999"))
		case "time-local":
			b.WriteString(x.Format("15:04:05.999999999"))
		default:
			b.WriteString(x.Format(time.RFC3339Nano))
		}
	case []any:
		b.WriteByte('[')
		for i, e := range x {
			if i > 0 {
				b.WriteString(", ")
			}
			if err := writeValue(b, e); err != nil {
				return err
			}
		}
		b.WriteByte(']')
	case []map[string]any:
		b.WriteByte('[')
		for i, e := range x {
			if i > 0 {
				b.WriteString(", ")
			}
			if err := writeValue(b, e); err != nil {
				return err
			}
		}
		b.WriteByte(']')
	case map[string]any:
		b.WriteByte('{')
		keys := make([]string, 0, len(x))
		for k := range x {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		for i, k := range keys {
			if i > 0 {
				b.WriteString(",")
			}
			b.WriteString(" ")
			b.WriteString(tomlKey(k))
			b.WriteString(" = ")
			if err := writeValue(b, x[k]); err != nil {
				return err
			}
		}
		if len(keys) > 0 {
			b.WriteString(" ")
		}
		b.WriteByte('}')
	default:
		return fmt.Errorf("cannot write a %T as TOML", v)
	}
	return nil
}

// tomlDocument writes top-level keys of a decoded document as `key = value` lines, in key
// order, leaving out the keys for which keep returns false.
func tomlDocument(doc map[string]any, keep func(k string) bool) (string, error) {
	keys := make([]string, 0, len(doc))
	for k := range doc {
		if keep == nil || keep(k) {
			keys = append(keys, k)
		}
	}
	slices.Sort(keys)
	var b strings.Builder
	for _, k := range keys {
		b.WriteString(tomlKey(k))
		b.WriteString(" = ")
		if err := writeValue(&b, doc[k]); err != nil {
			return "", fmt.Errorf("%s: %w", k, err)
		}
		b.WriteByte('\n')
	}
	return b.String(), nil
}
