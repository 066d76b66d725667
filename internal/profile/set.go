package profile

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/BurntSushi/toml"
)

// SetHelp is the help text of a --set flag, for every command that reads a profile.
const SetHelp = `override a profile value: path=value, the value in TOML (24, true, "text", ["a", "b"],
{ ja = "…" }, 2026-04-01); an unquoted value that is not TOML is taken as a text (repeatable)`

// Set is one parsed `--set path=value`.
type Set struct {
	Path     []string // key segments; array elements by 0-based index (confidential.levels.0.label)
	Value    any      // as TOML would decode it (string, int64, float64, bool, time.Time, []any, map[string]any)
	Raw      string   // the value text as given
	ValueCol int      // 1-based column (in characters) where the value starts in the argument
	Quoted   bool     // Raw was TOML; false when an unquoted text was taken as a string
}

// SetError is a --set argument that cannot be read, with the column (in characters) of the fault.
type SetError struct {
	Col int
	Msg string
}

func (e *SetError) Error() string { return fmt.Sprintf("column %d: %s", e.Col, e.Msg) }

// ParseSet reads `path=value`. The path is dotted (quote a segment holding a dot: a."b.c");
// the value is a TOML value (24, true, "text", ["a", "b"], { ja = "…" }, 2026-04-01). A value
// that is not TOML and does not start with a quote, '[' or '{' is taken as a plain string, so
// `--set company.name.ja=株式会社みなと精工` works without shell-escaped quotes.
func ParseSet(arg string) (Set, error) {
	sc := &scanner{src: []byte(arg), line: 1, out: map[string]keyPos{}, arrays: map[string]int{}}
	sc.skipSpace()
	if sc.peek(0) == '=' || sc.eof() {
		return Set{}, &SetError{Col: 1, Msg: "missing key path before '=' (write path=value, e.g. noncompete.months=24)"}
	}
	path := sc.key()
	sc.skipSpace()
	if len(path) == 0 {
		return Set{}, &SetError{Col: sc.pos().Col, Msg: "a key path is made of names joined by dots (e.g. company.name.ja)"}
	}
	for _, seg := range path {
		if seg == "" {
			return Set{}, &SetError{Col: 1, Msg: "empty key name in the path"}
		}
	}
	if sc.peek(0) != '=' {
		if sc.eof() {
			return Set{}, &SetError{Col: sc.pos().Col, Msg: "missing '=' and a value (write path=value, e.g. noncompete.months=24)"}
		}
		return Set{}, &SetError{Col: sc.pos().Col, Msg: fmt.Sprintf("unexpected %q in the key path (quote a key that holds other characters: a.\"b c\")", firstRune(arg[sc.i:]))}
	}
	sc.adv()
	valueStart := sc.i
	col := sc.pos().Col
	raw := arg[valueStart:]
	trimmed := strings.TrimSpace(raw)
	if trimmed == "" {
		return Set{}, &SetError{Col: col, Msg: "missing value after '=' (use \"\" for an empty text)"}
	}
	col += utf8.RuneCountInString(raw[:len(raw)-len(strings.TrimLeft(raw, " \t"))])
	if err := setLimits(path, trimmed, col); err != nil {
		return Set{}, err
	}

	var doc map[string]any
	_, err := toml.Decode("v = "+trimmed, &doc)
	if err == nil {
		if v, ok := doc["v"]; ok && len(doc) == 1 {
			return Set{Path: path, Value: normalize(v), Raw: trimmed, ValueCol: col, Quoted: true}, nil
		}
	}
	switch trimmed[0] {
	case '"', '\'', '[', '{':
		msg := "not a TOML value"
		var pe toml.ParseError
		if errors.As(err, &pe) {
			msg = pe.Message
			if pe.Position.Line == 1 && pe.Position.Start >= 4 && pe.Position.Start-4 <= len(trimmed) {
				col += utf8.RuneCountInString(trimmed[:pe.Position.Start-4])
			}
		}
		// The parser may place the fault just past the end (or mid-character); keep it inside.
		col = min(col, utf8.RuneCountInString(arg)+1)
		return Set{}, &SetError{Col: col, Msg: "the value is not valid TOML: " + msg}
	}
	return Set{Path: path, Value: trimmed, Raw: trimmed, ValueCol: col}, nil
}

func firstRune(s string) string {
	r, _ := utf8.DecodeRuneInString(s)
	return string(r)
}

func isScalar(v any) bool {
	switch v.(type) {
	case []any, map[string]any:
		return false
	}
	return true
}

// assign writes v at path in doc. Numeric segments index arrays (an index equal to the length
// appends). A plain text that is given one language (company.name.ja) becomes a table by
// language holding only that language. It returns how many leading segments of path existed
// before and were kept (the rest was created or replaced, and so comes from this --set).
func assign(doc map[string]any, path []string, v any) (int, error) {
	var cur any = doc
	for i, seg := range path {
		last := i == len(path)-1
		switch c := cur.(type) {
		case map[string]any:
			if last {
				c[seg] = v
				return i, nil
			}
			next, ok := c[seg]
			if _, isStr := next.(string); ok && isStr && IsLanguage(path[i+1]) && i+2 == len(path) {
				next, ok = nil, false // a plain text given one language becomes a table by language
			}
			if !ok {
				fresh, err := build(path[i+1:], v, path[:i+1])
				if err != nil {
					return 0, err
				}
				c[seg] = fresh
				return i, nil
			}
			if arr, isArr := next.([]any); isArr && isIndex(path[i+1]) {
				// arrays are values; they must be written back after growing
				grown, err := assignIndex(arr, path[i+1:], v, path[:i+1])
				if err != nil {
					return 0, err
				}
				c[seg] = grown
				return len(path) - 1, nil
			}
			cur = next
		default:
			return 0, fmt.Errorf("%s is %s, not a table", displayPath(path[:i]), tomlTypeName(cur))
		}
	}
	return len(path) - 1, nil
}

// build makes the value for a path that does not exist yet.
func build(rest []string, v any, done []string) (any, error) {
	if len(rest) == 0 {
		return v, nil
	}
	inner, err := build(rest[1:], v, append(slices.Clone(done), rest[0]))
	if err != nil {
		return nil, err
	}
	if isIndex(rest[0]) {
		if n, _ := strconv.Atoi(rest[0]); n != 0 {
			return nil, fmt.Errorf("%s has 0 entries; index %s is out of range (use 0)", displayPath(done), rest[0])
		}
		return []any{inner}, nil
	}
	return map[string]any{rest[0]: inner}, nil
}

func assignIndex(arr []any, rest []string, v any, done []string) ([]any, error) {
	n, err := strconv.Atoi(rest[0])
	if err != nil || n > len(arr) {
		return nil, fmt.Errorf("%s has %s; index %s is out of range (use 0 to %d)", displayPath(done), plural(len(arr), "entry"), rest[0], len(arr))
	}
	if n == len(arr) {
		if len(rest) == 1 {
			return append(arr, v), nil
		}
		arr = append(arr, map[string]any{})
	}
	if len(rest) == 1 {
		arr[n] = v
		return arr, nil
	}
	el := arr[n]
	if m, ok := el.(map[string]any); ok {
		if _, err := assign(m, rest[1:], v); err != nil {
			return nil, err
		}
		return arr, nil
	}
	if _, ok := el.(string); ok && len(rest) == 2 && IsLanguage(rest[1]) {
		arr[n] = map[string]any{rest[1]: v}
		return arr, nil
	}
	if sub, ok := el.([]any); ok && len(rest) > 1 && isIndex(rest[1]) {
		grown, err := assignIndex(sub, rest[1:], v, append(done, rest[0]))
		if err != nil {
			return nil, err
		}
		arr[n] = grown
		return arr, nil
	}
	return nil, fmt.Errorf("%s is %s, not a table", displayPath(append(done, rest[0])), tomlTypeName(el))
}
