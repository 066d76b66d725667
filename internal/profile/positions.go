package profile

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// Pos is a place in a profile: a file (or "--set:N") and a 1-based line and column, the column
// counted in characters so that it matches what an editor shows for CJK or Thai text.
type Pos struct {
	File string
	Line int
	Col  int
}

// keyPos is where a key and its value start.
type keyPos struct{ Key, Val Pos }

// posIndex maps a key path (segments joined by ".", array indices as numbers) to its place.
// BurntSushi/toml does not export key positions, so scanPositions finds them in the source.
type posIndex struct {
	file string
	m    map[string]keyPos
}

func pathKey(path []string) string { return strings.Join(path, ".") }

// at returns the place of path's key, or of its nearest written ancestor, or the top of the file.
func (ix *posIndex) at(path []string, value bool) Pos {
	if ix == nil { // a Profile built by hand, not decoded
		return Pos{Line: 1, Col: 1}
	}
	for n := len(path); n > 0; n-- {
		if kp, ok := ix.m[pathKey(path[:n])]; ok {
			if value && n == len(path) && kp.Val.Line > 0 {
				return kp.Val
			}
			return kp.Key
		}
	}
	return Pos{File: ix.file, Line: 1, Col: 1}
}

// override records that path (and everything below it) now comes from somewhere else,
// e.g. a --set value.
func (ix *posIndex) override(path []string, kp keyPos) {
	k := pathKey(path)
	for key := range ix.m {
		if strings.HasPrefix(key, k+".") {
			delete(ix.m, key)
		}
	}
	ix.m[k] = kp
}

// scanner walks TOML source that BurntSushi/toml has already accepted, recording where each key
// and value starts. It is lenient (it never fails and never panics on any input) because the
// parser, not the scanner, is the judge of syntax.
type scanner struct {
	src       []byte
	i         int
	line      int
	lineStart int
	file      string
	out       map[string]keyPos
	arrays    map[string]int // array-of-tables path → index of its current element
}

func scanPositions(file string, src []byte) *posIndex {
	s := &scanner{src: src, line: 1, file: file, out: map[string]keyPos{}, arrays: map[string]int{}}
	s.run()
	return &posIndex{file: file, m: s.out}
}

func (s *scanner) eof() bool { return s.i >= len(s.src) }

func (s *scanner) peek(off int) byte {
	if s.i+off < len(s.src) && s.i+off >= 0 {
		return s.src[s.i+off]
	}
	return 0
}

func (s *scanner) pos() Pos {
	start := min(s.lineStart, len(s.src))
	end := min(max(s.i, start), len(s.src))
	return Pos{File: s.file, Line: s.line, Col: utf8.RuneCount(s.src[start:end]) + 1}
}

// adv moves one byte forward, counting lines.
func (s *scanner) adv() {
	if s.eof() {
		return
	}
	if s.src[s.i] == '\n' {
		s.line++
		s.lineStart = s.i + 1
	}
	s.i++
}

func (s *scanner) skipSpace() {
	for !s.eof() && (s.src[s.i] == ' ' || s.src[s.i] == '\t') {
		s.adv()
	}
}

func (s *scanner) skipComment() {
	if s.peek(0) == '#' {
		for !s.eof() && s.src[s.i] != '\n' {
			s.adv()
		}
	}
}

// skipBlank skips spaces, newlines and comments.
func (s *scanner) skipBlank() {
	for !s.eof() {
		switch s.src[s.i] {
		case ' ', '\t', '\r', '\n':
			s.adv()
		case '#':
			s.skipComment()
		default:
			return
		}
	}
}

func (s *scanner) skipLine() {
	for !s.eof() && s.src[s.i] != '\n' {
		s.adv()
	}
}

func (s *scanner) run() {
	var cur []string
	for {
		s.skipBlank()
		if s.eof() {
			return
		}
		start := s.i
		at := s.pos()
		if s.src[s.i] == '[' {
			array := s.peek(1) == '['
			s.adv()
			if array {
				s.adv()
			}
			s.skipSpace()
			key := s.key()
			if len(key) > 0 {
				if array {
					cur = s.arrayTable(key, at)
				} else {
					cur = s.resolve(key)
					s.record(cur, keyPos{Key: at}, false)
				}
				s.recordParents(cur, at)
			}
			s.skipLine()
		} else {
			s.keyval(cur)
			s.skipLine()
		}
		if s.i == start { // never loop without progress
			s.adv()
		}
	}
}

// resolve turns a header key into a full path, inserting the current index of every array of
// tables it passes through ([[a]] then [a.b] is a.<n>.b).
func (s *scanner) resolve(key []string) []string {
	var out []string
	for _, seg := range key {
		out = append(out, seg)
		if n, ok := s.arrays[pathKey(out)]; ok {
			out = append(out, strconv.Itoa(n))
		}
	}
	return out
}

func (s *scanner) arrayTable(key []string, at Pos) []string {
	parent := s.resolve(key[:len(key)-1])
	full := append(parent, key[len(key)-1])
	k := pathKey(full)
	n, seen := s.arrays[k]
	if seen {
		n++
	} else {
		s.record(full, keyPos{Key: at}, false)
	}
	s.arrays[k] = n
	el := append(append([]string(nil), full...), strconv.Itoa(n))
	s.record(el, keyPos{Key: at}, true)
	return el
}

// recordParents gives the tables a header implies ([a.b.c] defines a and a.b) the header's
// place, unless they were written earlier, so that a missing key points at its table.
func (s *scanner) recordParents(path []string, at Pos) {
	for n := 1; n < len(path); n++ {
		s.record(path[:n], keyPos{Key: at}, false)
	}
}

// record stores a place unless an earlier one exists (the first mention of a table wins) or
// force is set.
func (s *scanner) record(path []string, kp keyPos, force bool) {
	k := pathKey(path)
	if _, ok := s.out[k]; ok && !force {
		return
	}
	s.out[k] = kp
}

// key reads a dotted key (bare or quoted segments) and returns its segments.
func (s *scanner) key() []string {
	var segs []string
	for !s.eof() {
		s.skipSpace()
		seg, ok := s.keySegment()
		if !ok {
			break
		}
		segs = append(segs, seg)
		s.skipSpace()
		if s.peek(0) != '.' {
			break
		}
		s.adv()
	}
	return segs
}

func (s *scanner) keySegment() (string, bool) {
	switch c := s.peek(0); {
	case c == '"':
		return s.basicString(), true
	case c == '\'':
		return s.literalString(), true
	case isBare(c):
		start := s.i
		for !s.eof() && isBare(s.src[s.i]) {
			s.adv()
		}
		return string(s.src[start:s.i]), true
	}
	return "", false
}

func isBare(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-'
}

// keyval reads `key = value` below base.
func (s *scanner) keyval(base []string) {
	at := s.pos()
	key := s.key()
	if len(key) == 0 {
		return
	}
	path := append(append([]string(nil), base...), key...)
	for n := len(base) + 1; n < len(path); n++ { // dotted keys define their parents here
		s.record(path[:n], keyPos{Key: at}, false)
	}
	s.skipSpace()
	if s.peek(0) != '=' {
		return
	}
	s.adv()
	s.skipSpace()
	s.record(path, keyPos{Key: at, Val: s.pos()}, true)
	s.value(path)
}

// value skips one value, recording the places of the keys and elements inside it.
func (s *scanner) value(path []string) {
	switch s.peek(0) {
	case '"':
		s.basicString()
	case '\'':
		s.literalString()
	case '{':
		s.adv()
		for !s.eof() {
			s.skipBlank()
			if s.peek(0) == '}' {
				s.adv()
				return
			}
			start := s.i
			s.keyval(path)
			s.skipBlank()
			if s.peek(0) == ',' {
				s.adv()
			}
			if s.i == start {
				s.adv()
			}
		}
	case '[':
		s.adv()
		for n := 0; !s.eof(); n++ {
			s.skipBlank()
			if s.peek(0) == ']' {
				s.adv()
				return
			}
			start := s.i
			el := append(append([]string(nil), path...), strconv.Itoa(n))
			at := s.pos()
			s.record(el, keyPos{Key: at, Val: at}, true)
			s.value(el)
			s.skipBlank()
			if s.peek(0) == ',' {
				s.adv()
			}
			if s.i == start {
				s.adv()
			}
		}
	default:
		for !s.eof() {
			switch s.src[s.i] {
			case ',', ']', '}', '\n', '#':
				return
			}
			s.adv()
		}
	}
}

// basicString reads a "…" or """…""" string and returns its (roughly unescaped) content; only
// key names use the content, so rare escapes need not be exact.
func (s *scanner) basicString() string {
	if s.peek(1) == '"' && s.peek(2) == '"' {
		s.adv()
		s.adv()
		s.adv()
		for !s.eof() {
			if s.src[s.i] == '\\' {
				s.adv()
				s.adv()
				continue
			}
			if s.src[s.i] == '"' && s.peek(1) == '"' && s.peek(2) == '"' {
				for s.peek(0) == '"' { // up to two quotes may end the content
					s.adv()
				}
				return ""
			}
			s.adv()
		}
		return ""
	}
	s.adv()
	var b strings.Builder
	for !s.eof() && s.src[s.i] != '\n' {
		c := s.src[s.i]
		if c == '"' {
			s.adv()
			break
		}
		if c == '\\' {
			s.adv()
			e := s.peek(0)
			s.adv()
			switch e {
			case 'n':
				b.WriteByte('\n')
			case 't':
				b.WriteByte('\t')
			case 'u', 'U':
				n := 4
				if e == 'U' {
					n = 8
				}
				start := s.i
				for k := 0; k < n && !s.eof(); k++ {
					s.adv()
				}
				if r, err := strconv.ParseUint(string(s.src[start:s.i]), 16, 32); err == nil && utf8.ValidRune(rune(r)) {
					b.WriteRune(rune(r))
				}
			default:
				b.WriteByte(e)
			}
			continue
		}
		b.WriteByte(c)
		s.adv()
	}
	return b.String()
}

func (s *scanner) literalString() string {
	if s.peek(1) == '\'' && s.peek(2) == '\'' {
		s.adv()
		s.adv()
		s.adv()
		for !s.eof() {
			if s.src[s.i] == '\'' && s.peek(1) == '\'' && s.peek(2) == '\'' {
				for s.peek(0) == '\'' {
					s.adv()
				}
				return ""
			}
			s.adv()
		}
		return ""
	}
	s.adv()
	start := s.i
	for !s.eof() && s.src[s.i] != '\'' && s.src[s.i] != '\n' {
		s.adv()
	}
	out := string(s.src[start:s.i])
	if s.peek(0) == '\'' {
		s.adv()
	}
	return out
}
