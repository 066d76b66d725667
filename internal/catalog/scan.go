package catalog

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"
)

// The TOML decoder tells what a file means but not where its keys are, and it cannot write
// a file back without losing comments and layout. This scanner fills both gaps: it finds
// every table header and key/value pair with its line and the byte span of its value, so
// that messages point at the right line and edits replace exactly one value. It runs only
// on text the decoder has accepted, so it may be lenient about invalid input; it must never
// panic (FuzzParseFile).

// ScanHeader is a [table] or [[array]] header.
type ScanHeader struct {
	Path  []string
	Array bool
	Line  int // 1-based
	Start int // offset of the start of its line
}

// ScanKV is one key = value pair.
type ScanKV struct {
	Path       []string // full path: enclosing header + dotted key
	Dotted     bool     // the key itself was dotted (a.b = …)
	Line       int      // line of the key
	ValStart   int      // value span in the source
	ValEnd     int
	LineEnd    int  // offset just after the newline ending the pair's last line (or len(src))
	Str        bool // the value is a string
	Multiline  bool // the value is a """ or ''' string
	FirstBreak bool // …whose opening delimiter is followed by a newline the decoder drops
}

type ScanResult struct {
	Headers []ScanHeader
	KVs     []ScanKV
}

type scanner struct {
	src  string
	pos  int
	line int
}

func (s *scanner) errorf(format string, args ...any) error {
	return fmt.Errorf("line %d: %s", s.line, fmt.Sprintf(format, args...))
}

func (s *scanner) peek(n int) byte {
	if s.pos+n < len(s.src) {
		return s.src[s.pos+n]
	}
	return 0
}

func (s *scanner) hasPrefix(p string) bool { return strings.HasPrefix(s.src[s.pos:], p) }

// advance moves over n bytes, counting newlines.
func (s *scanner) advance(n int) {
	end := min(s.pos+n, len(s.src))
	s.line += strings.Count(s.src[s.pos:end], "\n")
	s.pos = end
}

func (s *scanner) skipBlank() {
	for s.pos < len(s.src) && (s.src[s.pos] == ' ' || s.src[s.pos] == '\t') {
		s.pos++
	}
}

// skipToLineEnd skips blanks and a comment, then the newline.
func (s *scanner) skipToLineEnd() {
	s.skipBlank()
	if s.peek(0) == '#' {
		for s.pos < len(s.src) && s.src[s.pos] != '\n' {
			s.pos++
		}
	}
	for s.pos < len(s.src) && s.src[s.pos] != '\n' {
		s.pos++ // lenient: stray text after a value
	}
	if s.pos < len(s.src) {
		s.advance(1)
	}
}

func ScanTOML(src string) (res ScanResult, err error) {
	s := &scanner{src: src, line: 1}
	var table []string
	for s.pos < len(s.src) {
		s.skipBlank()
		switch c := s.peek(0); {
		case s.pos >= len(s.src):
		case c == '\n' || c == '\r' || c == '#':
			s.skipToLineEnd()
		case c == '[':
			h := ScanHeader{Line: s.line, Start: strings.LastIndexByte(s.src[:s.pos], '\n') + 1}
			s.pos++
			if s.peek(0) == '[' {
				h.Array = true
				s.pos++
			}
			path, err := s.keyPath()
			if err != nil {
				return res, err
			}
			s.skipBlank()
			if s.peek(0) != ']' {
				return res, s.errorf("expected ] after table name")
			}
			s.pos++
			if h.Array {
				if s.peek(0) != ']' {
					return res, s.errorf("expected ]] after table name")
				}
				s.pos++
			}
			h.Path = path
			res.Headers = append(res.Headers, h)
			table = path
			s.skipToLineEnd()
		default:
			kv := ScanKV{Line: s.line}
			path, err := s.keyPath()
			if err != nil {
				return res, err
			}
			kv.Dotted = len(path) > 1
			kv.Path = append(append([]string{}, table...), path...)
			s.skipBlank()
			if s.peek(0) != '=' {
				return res, s.errorf("expected = after key")
			}
			s.pos++
			s.skipBlank()
			kv.ValStart = s.pos
			kv.Str = s.peek(0) == '"' || s.peek(0) == '\''
			kv.Multiline = s.hasPrefix(`"""`) || s.hasPrefix(`'''`)
			if kv.Multiline {
				kv.FirstBreak = strings.HasPrefix(s.src[s.pos+3:], "\n") || strings.HasPrefix(s.src[s.pos+3:], "\r\n")
			}
			if err := s.value(); err != nil {
				return res, err
			}
			kv.ValEnd = s.pos
			s.skipToLineEnd()
			kv.LineEnd = s.pos
			res.KVs = append(res.KVs, kv)
		}
	}
	return res, nil
}

// keyPath reads a possibly dotted key: bare, "basic" or 'literal' parts.
func (s *scanner) keyPath() ([]string, error) {
	var path []string
	for {
		s.skipBlank()
		part, err := s.key()
		if err != nil {
			return nil, err
		}
		path = append(path, part)
		s.skipBlank()
		if s.peek(0) != '.' {
			return path, nil
		}
		s.pos++
	}
}

func (s *scanner) key() (string, error) {
	switch s.peek(0) {
	case '"':
		start := s.pos
		if err := s.basicString(); err != nil {
			return "", err
		}
		return unquoteBasic(s.src[start+1 : s.pos-1])
	case '\'':
		start := s.pos
		if err := s.literalString(); err != nil {
			return "", err
		}
		return s.src[start+1 : s.pos-1], nil
	}
	start := s.pos
	for s.pos < len(s.src) && isBareKeyByte(s.src[s.pos]) {
		s.pos++
	}
	if s.pos == start {
		return "", s.errorf("expected a key")
	}
	return s.src[start:s.pos], nil
}

func isBareKeyByte(c byte) bool {
	return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_' || c == '-'
}

// value skips one value of any type.
func (s *scanner) value() error {
	switch {
	case s.hasPrefix(`"""`):
		return s.multiString(`"""`, true)
	case s.hasPrefix(`'''`):
		return s.multiString(`'''`, false)
	case s.peek(0) == '"':
		return s.basicString()
	case s.peek(0) == '\'':
		return s.literalString()
	case s.peek(0) == '[' || s.peek(0) == '{':
		return s.nested()
	}
	start := s.pos
	for s.pos < len(s.src) {
		c := s.src[s.pos]
		if c == '\n' || c == '\r' || c == '#' || c == ',' || c == ']' || c == '}' {
			break
		}
		s.pos++
	}
	// Dates may contain one space ("1979-05-27 07:32:00"); trailing blanks are not part of it.
	for s.pos > start && (s.src[s.pos-1] == ' ' || s.src[s.pos-1] == '\t') {
		s.pos--
	}
	if s.pos == start {
		return s.errorf("expected a value")
	}
	return nil
}

// nested skips an array or inline table, which may span lines and hold strings and comments.
func (s *scanner) nested() error {
	depth := 0
	for s.pos < len(s.src) {
		switch c := s.src[s.pos]; {
		case c == '[' || c == '{':
			depth++
			s.pos++
		case c == ']' || c == '}':
			depth--
			s.pos++
			if depth == 0 {
				return nil
			}
		case c == '"' || c == '\'':
			if err := s.value(); err != nil {
				return err
			}
		case c == '#':
			for s.pos < len(s.src) && s.src[s.pos] != '\n' {
				s.pos++
			}
		case c == '\n':
			s.advance(1)
		default:
			s.pos++
		}
	}
	return s.errorf("unclosed array or inline table")
}

func (s *scanner) basicString() error {
	s.pos++
	for s.pos < len(s.src) {
		switch s.src[s.pos] {
		case '\\':
			s.pos += 2
		case '"':
			s.pos++
			return nil
		case '\n':
			return s.errorf("newline in a string")
		default:
			s.pos++
		}
	}
	return s.errorf("unclosed string")
}

func (s *scanner) literalString() error {
	end := strings.IndexAny(s.src[s.pos+1:], "'\n")
	if end < 0 || s.src[s.pos+1+end] != '\'' {
		return s.errorf("unclosed string")
	}
	s.pos += end + 2
	return nil
}

// multiString skips a """ or ”' string; up to two quotes may stand right before the
// closing delimiter and belong to the text.
func (s *scanner) multiString(delim string, escapes bool) error {
	i := s.pos + 3
	for i < len(s.src) {
		if escapes && s.src[i] == '\\' {
			i += 2
			continue
		}
		if strings.HasPrefix(s.src[i:], delim) {
			end := i + 3
			for n := 0; n < 2 && end < len(s.src) && s.src[end] == delim[0]; n++ {
				end++
			}
			s.advance(end - s.pos)
			return nil
		}
		i++
	}
	return s.errorf("unclosed multi-line string")
}

// unquoteBasic decodes the escapes of a TOML basic string body.
func unquoteBasic(body string) (string, error) {
	if !strings.Contains(body, `\`) {
		return body, nil
	}
	var b strings.Builder
	for i := 0; i < len(body); i++ {
		c := body[i]
		if c != '\\' {
			b.WriteByte(c)
			continue
		}
		i++
		if i >= len(body) {
			return "", fmt.Errorf("bad escape at end of string")
		}
		switch body[i] {
		case 'b':
			b.WriteByte('\b')
		case 't':
			b.WriteByte('\t')
		case 'n':
			b.WriteByte('\n')
		case 'f':
			b.WriteByte('\f')
		case 'r':
			b.WriteByte('\r')
		case 'e':
			b.WriteByte(0x1b)
		case '"':
			b.WriteByte('"')
		case '\\':
			b.WriteByte('\\')
		case 'x', 'u', 'U':
			n := map[byte]int{'x': 2, 'u': 4, 'U': 8}[body[i]]
			if i+1+n > len(body) {
				return "", fmt.Errorf("short escape")
			}
			v, err := strconv.ParseUint(body[i+1:i+1+n], 16, 32)
			if err != nil || !utf8.ValidRune(rune(v)) {
				return "", fmt.Errorf("bad escape \\%s", body[i:i+1+n])
			}
			b.WriteRune(rune(v))
			i += n
		default:
			return "", fmt.Errorf("bad escape \\%c", body[i])
		}
	}
	return b.String(), nil
}

// EncodeString writes s as a TOML string the decoder gives back exactly: a literal string
// when that avoids escaping the quotes of tags ({{ t "law.ts_act" }}), a basic string
// otherwise, and a multi-line basic string for text with line breaks so that translators
// read it as it will print.
func EncodeString(s string) string {
	if !strings.Contains(s, "\n") {
		if strings.ContainsAny(s, `"\`) && CanLiteral(s) {
			return "'" + s + "'"
		}
		return `"` + EscapeBasic(s, false) + `"`
	}
	return "\"\"\"\n" + EscapeBasic(s, true) + `"""`
}

func CanLiteral(s string) bool {
	for _, r := range s {
		if r == '\'' || r == '\n' || r == '\r' || IsTOMLControl(r) {
			return false
		}
	}
	return true
}

// IsTOMLControl reports characters TOML strings cannot hold unescaped (tab is allowed).
func IsTOMLControl(r rune) bool { return (r < 0x20 && r != '\t') || r == 0x7f }

func EscapeBasic(s string, multiline bool) string {
	var b strings.Builder
	// In a """ string a run of three quotes would end it, and quotes at the very end would
	// merge with the closing delimiter: escape those, leave the others readable.
	trailing := len(s) - len(strings.TrimRight(s, `"`))
	run := 0
	for i, r := range s {
		switch {
		case r == '"':
			if !multiline || i >= len(s)-trailing || run == 2 {
				b.WriteString(`\"`)
				run = 0
				continue
			}
			run++
			b.WriteByte('"')
			continue
		case r == '\\':
			b.WriteString(`\\`)
		case r == '\n' && multiline:
			b.WriteByte('\n')
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\r':
			b.WriteString(`\r`)
		case r == '\t':
			b.WriteByte('\t')
		case IsTOMLControl(r):
			fmt.Fprintf(&b, `\u%04X`, r)
		case r == utf8.RuneError && !validAt(s, i):
			// Invalid UTF-8 cannot be written to TOML at all; callers reject it earlier.
			b.WriteString(`\uFFFD`)
		default:
			b.WriteRune(r)
		}
		run = 0
	}
	return b.String()
}

func validAt(s string, i int) bool {
	r, size := utf8.DecodeRuneInString(s[i:])
	return !(r == utf8.RuneError && size == 1)
}

// EncodeKey writes a table name as a bare key when it can be one.
func EncodeKey(k string) string {
	bare := k != ""
	for i := 0; i < len(k); i++ {
		if !isBareKeyByte(k[i]) {
			bare = false
			break
		}
	}
	if bare {
		return k
	}
	return `"` + EscapeBasic(k, false) + `"`
}
