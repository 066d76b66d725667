package docx

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// WellFormed reports whether b is a well-formed XML document: balanced, properly nested
// elements with one root, quoted attributes, known or numeric entities and only characters
// XML 1.0 allows. It is a byte scanner rather than encoding/xml because it runs on every part
// of every document written and must cost little next to the zip compression.
func WellFormed(b []byte) error { return wellFormed(b, MaxDepth) }

// MaxDepth bounds element nesting in any part tsdraft reads or writes: the code that walks XML
// trees recurses, so a part nested thousands deep is refused before anything walks it.
// (Templates are held to TemplateLimits.Depth, lower, so that a bilingual layout, which adds
// a table around the body, stays within this.)
const MaxDepth = 512

// ErrTooDeep is the error for a part nested deeper than allowed.
var ErrTooDeep = errors.New("elements nested deeper than any document Word writes; tsdraft refuses it")

func wellFormed(b []byte, maxDepth int) error {
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
			if r == utf8.RuneError && n == 1 || !isXMLChar(r) {
				return fail("invalid character in text")
			}
			if len(stack) == 0 && !(r == '\uFEFF' && i == 0) {
				return fail("text outside the root element")
			}
			i += n
			continue
		}
		rest := b[i:]
		switch {
		case bytes.HasPrefix(rest, []byte("<?")):
			end := bytes.Index(rest[2:], []byte("?>"))
			if end < 0 {
				return fail("unterminated processing instruction")
			}
			if err := procInst(rest[2:2+end], i == 0 || i == 3 && bytes.HasPrefix(b, []byte("\uFEFF"))); err != nil {
				return fail("%v", err)
			}
			line += bytes.Count(rest[:2+end], []byte{'\n'})
			i += 2 + end + 2
		case bytes.HasPrefix(rest, []byte("<!--")):
			end := bytes.Index(rest[4:], []byte("-->"))
			if end < 0 {
				return fail("unterminated comment")
			}
			if bytes.Contains(rest[4:4+end], []byte("--")) || end > 0 && rest[4+end-1] == '-' {
				return fail("'--' inside a comment")
			}
			if err := chars(rest[4 : 4+end]); err != nil {
				return fail("%v in a comment", err)
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
			if err := chars(rest[9:end]); err != nil {
				return fail("%v in CDATA", err)
			}
			line += bytes.Count(rest[:end], []byte{'\n'})
			i += end + 3
		case bytes.HasPrefix(rest, []byte("<!DOCTYPE")):
			// Word never writes one; a DOCTYPE is how entity expansion (billion laughs) and
			// external entities get into XML, and its internal subset is a grammar of its own.
			return fail("DOCTYPE declaration: Word never writes one, and tsdraft does not accept them (save the file again from Word)")
		case bytes.HasPrefix(rest, []byte("<!")):
			return fail("malformed markup declaration")
		case len(rest) > 1 && rest[1] == '/':
			j := 2
			for j < len(rest) && isNameByte(rest[j]) {
				j++
			}
			name := rest[2:j]
			if !validName(name) {
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
			if j == 1 {
				return fail("'<' not followed by a name")
			}
			name := rest[1:j]
			if !validName(name) {
				return fail("malformed element name <%s", name)
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
				if k == j || !validName(rest[j:k]) {
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
				if err := chars(val); err != nil {
					return fail("%v in an attribute value of <%s", err, name)
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
					p++
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
				if len(stack) > maxDepth {
					return fmt.Errorf("line %d: %w (more than %d)", line, ErrTooDeep, maxDepth)
				}
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

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

func isNameByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' ||
		c == ':' || c == '_' || c == '-' || c == '.' || c >= 0x80
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
		var r uint64
		var err error
		if ent[1] == 'x' {
			r, err = strconv.ParseUint(ent[2:], 16, 32)
		} else {
			r, err = strconv.ParseUint(ent[1:], 10, 32)
		}
		if err != nil || ent[1] == '+' || len(ent) > 2 && ent[2] == '+' || !isXMLChar(rune(r)) || r > unicode.MaxRune {
			return 0, fmt.Errorf("character reference &%s; is not an XML character", ent)
		}
		return end + 1, nil
	}
	return 0, fmt.Errorf("unknown entity &%s;", ent)
}

// isXMLChar: the characters XML 1.0 allows.
func isXMLChar(r rune) bool {
	return r == 0x09 || r == 0x0A || r == 0x0D || r >= 0x20 && r <= 0xD7FF || r >= 0xE000 && r <= 0xFFFD || r >= 0x10000 && r <= 0x10FFFF
}

// chars checks that b is UTF-8 made of XML characters.
func chars(b []byte) error {
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n == 1 || !isXMLChar(r) {
			return fmt.Errorf("invalid character")
		}
		i += n
	}
	return nil
}

// validName: an XML name. ASCII names (all Word writes) are checked here; others are
// rare enough to be handed to encoding/xml, the reference.
func validName(name []byte) bool {
	if len(name) == 0 {
		return false
	}
	ascii := true
	for _, c := range name {
		if c >= 0x80 {
			ascii = false
			break
		}
	}
	if !ascii {
		d := xml.NewDecoder(bytes.NewReader(append(append([]byte("<"), name...), "/>"...)))
		d.Strict = true
		tok, err := d.RawToken()
		se, ok := tok.(xml.StartElement)
		return err == nil && ok && len(se.Attr) == 0 && d.InputOffset() == int64(len(name)+3)
	}
	c := name[0]
	return (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || c == ':') && bytes.Count(name, []byte(":")) <= 1
}

// procInst checks a processing instruction's target and, for the XML declaration, that it
// comes first, is version 1.0 and declares UTF-8: tsdraft reads no other encoding.
func procInst(body []byte, first bool) error {
	k := 0
	for k < len(body) && isNameByte(body[k]) {
		k++
	}
	target, rest := body[:k], body[k:]
	if !validName(target) {
		return fmt.Errorf("malformed processing instruction")
	}
	if err := chars(body); err != nil {
		return fmt.Errorf("%v in a processing instruction", err)
	}
	if !bytes.EqualFold(target, []byte("xml")) {
		return nil
	}
	if !first || !bytes.Equal(target, []byte("xml")) {
		return fmt.Errorf("an XML declaration must come first, written <?xml")
	}
	for _, kv := range [][2]string{{"version", "1.0"}, {"encoding", "utf-8"}} {
		v, ok := declValue(rest, kv[0])
		if ok && !strings.EqualFold(v, kv[1]) {
			return fmt.Errorf("the XML declaration says %s=%q; tsdraft reads XML %s in UTF-8 only", kv[0], v, "1.0")
		}
	}
	return nil
}

// declValue finds param="value" (or 'value') in an XML declaration the way encoding/xml does,
// so that both read the same declaration.
func declValue(s []byte, param string) (string, bool) {
	p := []byte(param + "=")
	i := 0
	var sep byte
	for i < len(s) {
		sub := s[i:]
		k := bytes.Index(sub, p)
		if k < 0 || len(p)+k >= len(sub) {
			return "", false
		}
		i += len(p) + k + 1
		if c := sub[len(p)+k]; c == '\'' || c == '"' {
			sep = c
			break
		}
	}
	if sep == 0 {
		return "", false
	}
	j := bytes.IndexByte(s[i:], sep)
	if j < 0 {
		return "", false
	}
	return string(s[i : i+j]), true
}
