package docx

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"
)

// WellFormed reports whether b is a well-formed XML document: balanced, properly nested
// elements with one root, quoted attributes, known or numeric entities and only characters
// XML 1.0 allows. It is a byte scanner rather than encoding/xml because it runs on every part
// of every document written and must cost little next to the zip compression.
func WellFormed(b []byte) error {
	var stack [][]byte
	roots := 0
	line := 1
	i := 0
	fail := func(format string, args ...any) error {
		return fmt.Errorf("line %d: %s", line, fmt.Sprintf(format, args...))
	}
	for i < len(b) {
		c := b[i]
		if c != '<' {
			if c == '&' {
				n, err := entity(b[i:])
				if err != nil {
					return fail("%v", err)
				}
				i += n
				continue
			}
			if c == '\n' {
				line++
			}
			if c == ']' && bytes.HasPrefix(b[i:], []byte("]]>")) {
				return fail("']]>' in text (write ]]&gt;)")
			}
			if c < 0x80 {
				if c < 0x20 && c != '\t' && c != '\n' && c != '\r' {
					return fail("control character %#x in text", c)
				}
				if len(stack) == 0 && c != ' ' && c != '\t' && c != '\n' && c != '\r' {
					return fail("text outside the root element")
				}
				i++
				continue
			}
			r, n := utf8.DecodeRune(b[i:])
			if r == utf8.RuneError && n == 1 || r == 0xFFFE || r == 0xFFFF {
				return fail("invalid character in text")
			}
			i += n
			continue
		}
		rest := b[i:]
		switch {
		case bytes.HasPrefix(rest, []byte("<?")):
			end := bytes.Index(rest, []byte("?>"))
			if end < 0 {
				return fail("unterminated processing instruction")
			}
			if !validChars(rest[:end]) {
				return fail("invalid character in a processing instruction")
			}
			if end < 3 || !isNameStart(rest[2]) {
				return fail("processing instruction without a target")
			}
			if err := xmlDecl(rest[:end]); err != nil {
				return fail("%v", err)
			}
			line += bytes.Count(rest[:end], []byte{'\n'})
			i += end + 2
		case bytes.HasPrefix(rest, []byte("<!--")):
			end := bytes.Index(rest[4:], []byte("-->"))
			if end < 0 {
				return fail("unterminated comment")
			}
			if !validChars(rest[4 : end+4]) {
				return fail("invalid character in a comment")
			}
			line += bytes.Count(rest[:end+4], []byte{'\n'})
			i += end + 7
		case bytes.HasPrefix(rest, []byte("<![CDATA[")):
			end := bytes.Index(rest, []byte("]]>"))
			if end < 0 {
				return fail("unterminated CDATA section")
			}
			if len(stack) == 0 {
				return fail("CDATA outside the root element")
			}
			if !validChars(rest[9:end]) {
				return fail("invalid character in CDATA")
			}
			line += bytes.Count(rest[:end], []byte{'\n'})
			i += end + 3
		case bytes.HasPrefix(rest, []byte("<!")):
			// a document type declaration has no place in a DOCX part (and entity
			// declarations are how XML bombs work)
			return fail("declaration %q not allowed in a DOCX part", string(rest[:min(len(rest), 10)]))
		case len(rest) > 1 && rest[1] == '/':
			j := 2
			for j < len(rest) && isNameByte(rest[j]) {
				j++
			}
			name := rest[2:j]
			if !goodName(name) {
				return fail("malformed end tag")
			}
			for j < len(rest) && isSpace(rest[j]) {
				j++
			}
			if j >= len(rest) || rest[j] != '>' {
				return fail("malformed end tag")
			}
			if len(stack) == 0 || !bytes.Equal(stack[len(stack)-1], name) {
				want := "nothing"
				if len(stack) > 0 {
					want = "</" + string(stack[len(stack)-1]) + ">"
				}
				return fail("end tag </%s> where %s was expected", name, want)
			}
			stack = stack[:len(stack)-1]
			i += j + 1
		default:
			j := 1
			for j < len(rest) && isNameByte(rest[j]) {
				j++
			}
			name := rest[1:j]
			if !goodName(name) {
				return fail("'<' not followed by a name")
			}
			selfClose := false
			seen := 0
			for {
				for j < len(rest) && isSpace(rest[j]) {
					if rest[j] == '\n' {
						line++
					}
					j++
				}
				if j >= len(rest) {
					return fail("unterminated start tag <%s", name)
				}
				if rest[j] == '>' {
					j++
					break
				}
				if rest[j] == '/' {
					if j+1 < len(rest) && rest[j+1] == '>' {
						selfClose = true
						j += 2
						break
					}
					return fail("malformed start tag <%s", name)
				}
				k := j
				for k < len(rest) && isNameByte(rest[k]) {
					k++
				}
				if !goodName(rest[j:k]) {
					return fail("malformed attribute in <%s", name)
				}
				for k < len(rest) && isSpace(rest[k]) {
					k++
				}
				if k >= len(rest) || rest[k] != '=' {
					return fail("attribute without value in <%s", name)
				}
				k++
				for k < len(rest) && isSpace(rest[k]) {
					k++
				}
				if k >= len(rest) || rest[k] != '"' && rest[k] != '\'' {
					return fail("unquoted attribute value in <%s", name)
				}
				q := rest[k]
				end := bytes.IndexByte(rest[k+1:], q)
				if end < 0 {
					return fail("unterminated attribute value in <%s", name)
				}
				val := rest[k+1 : k+1+end]
				if bytes.IndexByte(val, '<') >= 0 {
					return fail("'<' in an attribute value of <%s", name)
				}
				for p := 0; p < len(val); {
					if val[p] == '&' {
						n, err := entity(val[p:])
						if err != nil {
							return fail("%v", err)
						}
						p += n
						continue
					}
					r, n := utf8.DecodeRune(val[p:])
					if r == utf8.RuneError && n == 1 || r < 0x20 && r != '\t' && r != '\n' && r != '\r' || r == 0xFFFE || r == 0xFFFF {
						return fail("invalid character in an attribute value of <%s", name)
					}
					p += n
				}
				j = k + 1 + end + 1
				seen++
			}
			if len(stack) == 0 {
				roots++
				if roots > 1 {
					return fail("more than one root element")
				}
			}
			if !selfClose {
				stack = append(stack, name)
			}
			i += j
		}
	}
	if len(stack) > 0 {
		return fail("element <%s> is never closed", stack[len(stack)-1])
	}
	if roots == 0 {
		return fail("no root element")
	}
	return nil
}

// goodName: a name, with at most one colon, neither first nor last (prefix:local).
func goodName(n []byte) bool {
	if len(n) == 0 || !isNameStart(n[0]) || n[len(n)-1] == ':' {
		return false
	}
	c := bytes.IndexByte(n, ':')
	return c < 0 || c > 0 && bytes.IndexByte(n[c+1:], ':') < 0 && isNameStart(n[c+1])
}

// validChars tells whether b is UTF-8 holding only characters XML 1.0 allows.
func validChars(b []byte) bool {
	for p := 0; p < len(b); {
		r, n := utf8.DecodeRune(b[p:])
		if r == utf8.RuneError && n == 1 || r < 0x20 && r != '\t' && r != '\n' && r != '\r' || r == 0xFFFE || r == 0xFFFF {
			return false
		}
		p += n
	}
	return true
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// Names are ASCII: every part Word and LibreOffice write uses ASCII element and attribute
// names, and judging other names exactly as XML does needs Unicode tables this scanner avoids.
func isNameStart(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == ':' || c == '_'
}

// xmlDecl checks the XML declaration's encoding: the parts are read as UTF-8, so a part
// saying otherwise would be misread.
func xmlDecl(pi []byte) error {
	if !bytes.HasPrefix(pi, []byte("<?xml")) || len(pi) > 5 && !isSpace(pi[5]) {
		return nil
	}
	if v := bytes.Index(pi, []byte("version")); v >= 0 {
		rest := bytes.TrimLeft(pi[v+len("version"):], " \t\r\n=")
		if !bytes.HasPrefix(rest, []byte(`"1.0"`)) && !bytes.HasPrefix(rest, []byte(`'1.0'`)) {
			return fmt.Errorf("unsupported XML version")
		}
	}
	i := bytes.Index(pi, []byte("encoding"))
	if i < 0 {
		return nil
	}
	rest := bytes.TrimLeft(pi[i+len("encoding"):], " \t\r\n=")
	if len(rest) == 0 || rest[0] != '"' && rest[0] != '\'' {
		return fmt.Errorf("malformed XML declaration")
	}
	end := bytes.IndexByte(rest[1:], rest[0])
	if end < 0 {
		return fmt.Errorf("malformed XML declaration")
	}
	if enc := string(rest[1 : 1+end]); !strings.EqualFold(enc, "utf-8") {
		return fmt.Errorf("the part declares the encoding %q; only UTF-8 is read", enc)
	}
	return nil
}

func isNameByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' ||
		c == ':' || c == '_' || c == '-' || c == '.'
}

func entity(b []byte) (int, error) {
	end := bytes.IndexByte(b, ';')
	if end < 0 || end > 12 {
		return 0, fmt.Errorf("bare '&' (write &amp;)")
	}
	ent := string(b[1:end])
	switch ent {
	case "amp", "lt", "gt", "quot", "apos":
		return end + 1, nil
	}
	if len(ent) > 1 && ent[0] == '#' {
		var v uint64
		var err error
		if ent[1] == 'x' {
			v, err = strconv.ParseUint(ent[2:], 16, 32)
		} else {
			v, err = strconv.ParseUint(ent[1:], 10, 32)
		}
		r := rune(v)
		if err != nil || !(r == 0x9 || r == 0xA || r == 0xD || r >= 0x20 && r <= 0xD7FF || r >= 0xE000 && r <= 0xFFFD || r >= 0x10000 && r <= 0x10FFFF) {
			return 0, fmt.Errorf("invalid character reference &%s;", ent)
		}
		return end + 1, nil
	}
	return 0, fmt.Errorf("unknown entity &%s;", ent)
}
