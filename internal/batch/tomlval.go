package batch

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/tsdraft/tsdraft/internal/profile"
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

// tomlDocument writes a decoded document back as TOML, leaving out the top-level keys for which
// keep returns false. Tables become [sections] and arrays of tables [[sections]], and arrays
// hold one element a line, so that no line is long: the profile decoder finds key positions
// line by line, and a whole profile on one line would cost it quadratic time.
func tomlDocument(doc map[string]any, keep func(k string) bool) (string, error) {
	top := make(map[string]any, len(doc))
	for k, v := range doc {
		if keep == nil || keep(k) {
			top[k] = v
		}
	}
	var b strings.Builder
	if err := writeTable(&b, nil, top); err != nil {
		return "", err
	}
	return b.String(), nil
}

// langText reports whether m is a text by language: { ja = "…", th = "…" }, in the languages
// of the active vocabulary (a language added as data too). It stays inline.
func langText(m map[string]any) bool {
	if len(m) == 0 {
		return false
	}
	for k, v := range m {
		if _, ok := v.(string); !ok || !profile.IsLanguage(k) {
			return false
		}
	}
	return true
}

// sectionTables returns the tables of an array of tables ([[x]]), or nil.
func sectionTables(v any) []map[string]any {
	var out []map[string]any
	switch x := v.(type) {
	case []map[string]any:
		out = x
	case []any:
		for _, e := range x {
			m, ok := e.(map[string]any)
			if !ok {
				return nil
			}
			out = append(out, m)
		}
	}
	if len(out) == 0 {
		return nil
	}
	for _, m := range out {
		if langText(m) {
			return nil // a list of texts by language: an inline array
		}
	}
	return out
}

func writeTable(b *strings.Builder, path []string, m map[string]any) error {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	section := func(v any) bool {
		if t, ok := v.(map[string]any); ok {
			return !langText(t)
		}
		return sectionTables(v) != nil
	}
	for _, k := range keys {
		if section(m[k]) {
			continue
		}
		b.WriteString(tomlKey(k))
		b.WriteString(" = ")
		if err := writeValueLines(b, m[k]); err != nil {
			return fmt.Errorf("%s: %w", tomlPath(append(slices.Clone(path), k)), err)
		}
		b.WriteByte('\n')
	}
	for _, k := range keys {
		p := append(slices.Clone(path), k)
		if t, ok := m[k].(map[string]any); ok && !langText(t) {
			b.WriteString("\n[" + tomlPath(p) + "]\n")
			if err := writeTable(b, p, t); err != nil {
				return err
			}
			continue
		}
		for _, t := range sectionTables(m[k]) {
			b.WriteString("\n[[" + tomlPath(p) + "]]\n")
			if err := writeTable(b, p, t); err != nil {
				return err
			}
		}
	}
	return nil
}

// writeValueLines writes a value with an array's elements one a line (an inline table must
// stay on one line, so only the outer array is split).
func writeValueLines(b *strings.Builder, v any) error {
	arr, ok := v.([]any)
	if !ok || len(arr) < 2 {
		return writeValue(b, v)
	}
	b.WriteString("[\n")
	for _, e := range arr {
		b.WriteString("  ")
		if err := writeValue(b, e); err != nil {
			return err
		}
		b.WriteString(",\n")
	}
	b.WriteByte(']')
	return nil
}
