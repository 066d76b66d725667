package locale

import (
	"errors"
	"fmt"
	"github.com/tsdraft/tsdraft/internal/textdist"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/BurntSushi/toml"
)

// Severity of a Problem.
type Severity int

const (
	Error Severity = iota
	Warning
)

func (s Severity) String() string {
	if s == Warning {
		return "warning"
	}
	return "error"
}

// Problem is one finding of Check (or of loading), at a place in a file.
type Problem struct {
	File     string // as the user reaches it: locales/en/common.toml, or DIR/en/common.toml
	Line     int    // 1-based
	Col      int    // 1-based, 0 when only the line is known
	Severity Severity
	ID       string // short stable name of the check, e.g. "stale"
	Msg      string
}

// String formats the problem as FILE:LINE: error|warning: message [ID], the form editors
// and CI annotations understand.
func (p Problem) String() string {
	return fmt.Sprintf("%s:%d: %s: %s [%s]", p.File, max(p.Line, 1), p.Severity, p.Msg, p.ID)
}

func sortProblems(ps []Problem) {
	sort.SliceStable(ps, func(i, j int) bool {
		a, b := ps[i], ps[j]
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		if a.Severity != b.Severity {
			return a.Severity < b.Severity
		}
		if a.ID != b.ID {
			return a.ID < b.ID
		}
		return a.Msg < b.Msg
	})
}

// fileEntry is one entry of a locale file as written.
type fileEntry struct {
	name      string
	text      string
	note      string
	source    string
	hasSource bool
	line      int // line of the [table] header (or of the first key defining it)
	textLine  int // line of the text key
	// textBreak is 1 when the text is a multi-line string whose first line break is dropped
	// by the decoder, so that decoded line n of the text is on file line textLine+textBreak+n.
	textBreak int
	multiline bool
}

// lineOf returns the file line of a byte offset into the decoded text.
func (e *fileEntry) lineOf(offset int) int {
	if !e.multiline {
		return e.textLine
	}
	offset = min(max(offset, 0), len(e.text))
	return e.textLine + e.textBreak + strings.Count(e.text[:offset], "\n")
}

var entryFields = []string{"text", "note", "source"}

// parseFile decodes one locale file. It returns the entries it could read and every
// problem; an invalid TOML file yields no entries.
func parseFile(name, src string) ([]*fileEntry, []Problem) {
	problem := func(line, col int, format string, args ...any) Problem {
		return Problem{File: name, Line: line, Col: col, Severity: Error, ID: "entry", Msg: fmt.Sprintf(format, args...)}
	}
	if !utf8.ValidString(src) {
		off := 0
		for off < len(src) {
			r, size := utf8.DecodeRuneInString(src[off:])
			if r == utf8.RuneError && size == 1 {
				break
			}
			off += size
		}
		line := 1 + strings.Count(src[:off], "\n")
		col := 1 + utf8.RuneCountInString(src[strings.LastIndexByte(src[:off], '\n')+1:off])
		p := problem(line, col, "invalid UTF-8 (byte 0x%02x): save the file as UTF-8", src[off])
		p.ID = "toml"
		return nil, []Problem{p}
	}
	var raw map[string]any
	md, err := toml.Decode(src, &raw)
	if err != nil {
		var pe toml.ParseError
		if errors.As(err, &pe) {
			line, col := pe.Position.Line, pe.Position.Col
			if st := pe.Position.Start; st >= 0 && st <= len(src) {
				// Count from the byte offset: the decoder puts an error found at a line's
				// newline on the next line.
				line = 1 + strings.Count(src[:st], "\n")
				col = 1 + utf8.RuneCountInString(src[strings.LastIndexByte(src[:st], '\n')+1:st])
			}
			p := problem(line, col, "invalid TOML: %s", pe.Message)
			p.ID = "toml"
			if pe.Usage != "" {
				p.Msg += " (" + firstLine(pe.Usage) + ")"
			}
			return nil, []Problem{p}
		}
		p := problem(1, 0, "invalid TOML: %v", err)
		p.ID = "toml"
		return nil, []Problem{p}
	}
	pos, scanErr := scanTOML(src)
	if scanErr != nil {
		// The decoder accepted the file, so this is a gap in the scanner: keep going with
		// line 1 for everything rather than hide the file's texts.
		pos = scanResult{}
	}
	var order []string
	for _, k := range md.Keys() {
		if len(k) == 1 && !slices.Contains(order, k[0]) {
			order = append(order, k[0])
		}
	}
	for _, k := range sortedKeys(raw) {
		if !slices.Contains(order, k) {
			order = append(order, k)
		}
	}
	var entries []*fileEntry
	var problems []Problem
	for _, table := range order {
		line, textLine := pos.entryLines(table)
		switch v := raw[table].(type) {
		case map[string]any:
			e := &fileEntry{name: table, line: line, textLine: textLine}
			ok := true
			for _, f := range sortedKeys(v) {
				s, isString := v[f].(string)
				fline := pos.keyLine([]string{table, f}, line)
				switch {
				case !slices.Contains(entryFields, f):
					hint := ""
					if m := closest(f, entryFields); m != "" {
						hint = fmt.Sprintf(" (did you mean %q?)", m)
					}
					problems = append(problems, problem(fline, 0, "[%s]: unknown field %q%s; an entry has text, and optionally note (master) or source (translations)", table, f, hint))
					ok = false
				case !isString:
					problems = append(problems, problem(fline, 0, "[%s]: %s must be a string", table, f))
					ok = false
				case f == "text":
					e.text = s
				case f == "note":
					e.note = s
				case f == "source":
					e.source, e.hasSource = s, true
				}
			}
			if _, has := v["text"]; !has {
				problems = append(problems, problem(line, 0, "[%s] has no text: add text = \"…\"", table))
				ok = false
			}
			if kv, found := pos.find([]string{table, "text"}); found && kv.multiline {
				e.multiline = true
				if kv.firstBreak {
					e.textBreak = 1
				}
			}
			if ok {
				entries = append(entries, e)
			}
		case []map[string]any:
			problems = append(problems, problem(line, 0, "[[%s]] is an array of tables; write each entry as [%s] with text = \"…\"", table, table))
		default:
			problems = append(problems, problem(line, 0, "%s is a %s, not an entry: write it as a table [%s] with text = \"…\"", table, strings.ToLower(md.Type(table)), table))
		}
	}
	return entries, problems
}

func firstLine(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return strings.TrimSpace(s[:i])
	}
	return s
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// find returns the key/value pair with exactly this path.
func (r scanResult) find(path []string) (scanKV, bool) {
	for _, kv := range r.kvs {
		if slices.Equal(kv.path, path) {
			return kv, true
		}
	}
	return scanKV{}, false
}

func (r scanResult) keyLine(path []string, fallback int) int {
	if kv, ok := r.find(path); ok {
		return kv.line
	}
	return fallback
}

// entryLines gives the line of an entry's header (or of the first key defining the table)
// and of its text key.
func (r scanResult) entryLines(table string) (line, textLine int) {
	line = 1
	found := false
	for _, h := range r.headers {
		if len(h.path) == 1 && h.path[0] == table {
			line, found = h.line, true
			break
		}
	}
	if !found {
		for _, kv := range r.kvs {
			if len(kv.path) >= 1 && kv.path[0] == table {
				line = kv.line
				break
			}
		}
	}
	textLine = r.keyLine([]string{table, "text"}, line)
	if kv, ok := r.find([]string{table}); ok && !found {
		// Inline table: text = … sits on the key's line.
		textLine = kv.line
	}
	return line, textLine
}

// closest returns the candidate nearest to s by edit distance, if it is near enough to be
// a likely typo.
func closest(s string, candidates []string) string {
	best, bestD := "", 0
	for _, c := range candidates {
		d := textdist.Distance(s, c)
		if best == "" || d < bestD {
			best, bestD = c, d
		}
	}
	if best == "" || bestD > max(2, len([]rune(s))/3) {
		return ""
	}
	return best
}
