package profile

import (
	"fmt"
	"unicode/utf8"
)

// Limits on a profile's shape, checked before the TOML parser sees the text: parsing and
// locating keys cost time and memory that grow with the square of the nesting (100,000 nested
// arrays took over 24 GB). A real profile nests four or five levels deep.
const (
	// MaxNesting bounds arrays and inline tables inside one another.
	MaxNesting = 32
	// MaxKeySegments bounds the segments of one dotted key, in the file or in --set.
	MaxKeySegments = 32
	// MaxProfileSize bounds the profile file.
	MaxProfileSize = 8 << 20
)

// limitError is where and why a text passes a limit.
type limitError struct {
	line, col int // 1-based; col in characters
	msg       string
}

// checkShape scans TOML text for nesting and dotted-key length, skipping strings and comments.
// It does not judge syntax (the parser does); it counts, over-approximating: every run of dots
// joined only by key characters, spaces or strings counts as one dotted key.
func checkShape(src []byte) *limitError {
	if len(src) > MaxProfileSize {
		return &limitError{1, 1, fmt.Sprintf("the profile is %d MiB; a profile is at most %d MiB", len(src)>>20, MaxProfileSize>>20)}
	}
	line, lineStart := 1, 0
	at := func(i int, msg string) *limitError {
		return &limitError{line, utf8.RuneCount(src[lineStart:i]) + 1, msg}
	}
	depth, dots := 0, 0
	for i := 0; i < len(src); i++ {
		c := src[i]
		switch {
		case c == '\n':
			line, lineStart = line+1, i+1
			dots = 0
		case c == '#':
			for i+1 < len(src) && src[i+1] != '\n' {
				i++
			}
		case c == '"' || c == '\'':
			i = skipString(src, i, func(j int) { line, lineStart = line+1, j+1 })
		case c == '[' || c == '{':
			depth++
			dots = 0
			if depth > MaxNesting {
				return at(i, fmt.Sprintf("arrays or tables nested more than %d deep; a profile needs a few levels", MaxNesting))
			}
		case c == ']' || c == '}':
			depth--
			dots = 0
		case c == '.':
			dots++
			if dots >= MaxKeySegments {
				return at(i, fmt.Sprintf("a dotted key of more than %d parts; a profile needs a few", MaxKeySegments))
			}
		case c == ' ' || c == '\t' || c == '-' || c == '_' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z':
		default:
			dots = 0
		}
	}
	return nil
}

// skipString returns the index of the closing quote of the string opening at i (or the end of
// the text), calling newline for each line break inside a multi-line string.
func skipString(src []byte, i int, newline func(int)) int {
	q := src[i]
	multi := i+2 < len(src) && src[i+1] == q && src[i+2] == q
	j := i + 1
	if multi {
		j = i + 3
	}
	for ; j < len(src); j++ {
		switch {
		case src[j] == '\\' && q == '"':
			j++
			if j < len(src) && src[j] == '\n' {
				newline(j)
			}
		case src[j] == '\n':
			newline(j)
			if !multi {
				return j - 1 // an unterminated string: let the parser say so
			}
		case src[j] == q:
			if !multi {
				return j
			}
			if j+2 < len(src) && src[j+1] == q && src[j+2] == q {
				// up to two more quotes may belong to the content: """a""""" ends at the last
				for j+3 < len(src) && src[j+3] == q {
					j++
				}
				return j + 2
			}
		}
	}
	return len(src)
}

// shapeDiag turns a limit error into a diagnostic.
func shapeDiag(file string, e *limitError) Diagnostic {
	return Diagnostic{File: file, Line: e.line, Col: e.col, Level: Error, Rule: "PROFILE-LIMIT",
		Message: e.msg, Hint: "this is not a profile tsdraft can use; start from tsdraft init"}
}

// setLimits bounds a --set argument: its key path, and the nesting of its value.
func setLimits(path []string, v string, valueCol int) error {
	if len(path) > MaxKeySegments {
		return &SetError{Col: 1, Msg: fmt.Sprintf("a key path of %d parts; at most %d", len(path), MaxKeySegments)}
	}
	// Only a TOML array or inline table can nest; an unquoted text ("Note…………") is a text.
	if v == "" || v[0] != '[' && v[0] != '{' {
		return nil
	}
	if le := checkShape([]byte(v)); le != nil {
		return &SetError{Col: valueCol + le.col - 1, Msg: le.msg}
	}
	return nil
}

// shortArg shortens an argument quoted in a message: a 100,000-character --set is shown by
// its first 60 characters, not echoed whole.
func shortArg(s string) string {
	if utf8.RuneCountInString(s) <= 80 {
		return s
	}
	r := []rune(s)
	return string(r[:60]) + "…"
}
