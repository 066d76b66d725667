package catalog

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/tsdraft/tsdraft/internal/diag"
	"github.com/tsdraft/tsdraft/internal/textdist"

	"github.com/BurntSushi/toml"
)

// A locale file's problems are diagnostics (internal/diag) placed by File, Line and, when known,
// Col; File is as the user reaches it (locales/en/common.toml, or DIR/en/common.toml) and Rule
// is the check's short stable name (stale, missing, toml …).
type (
	Severity = diag.Severity
	Problem  = diag.Diagnostic
)

const (
	Error   = diag.Error
	Warning = diag.Warning
)

// Errors counts the problems of severity Error.
func Errors(ps []Problem) int {
	n, _ := diag.Diagnostics(ps).Count()
	return n
}

// SortProblems orders ps by place, then check and message (diag.Compare).
func SortProblems(ps []Problem) { diag.Sort(ps) }

// FileEntry is one entry of a locale file as written.
type FileEntry struct {
	Name      string
	Text      string
	Note      string
	Source    string
	HasSource bool
	Line      int // line of the [table] header (or of the first key defining it)
	TextLine  int // line of the text key
	// TextBreak is 1 when the text is a multi-line string whose first line break is dropped
	// by the decoder, so that decoded line n of the text is on file line textLine+TextBreak+n.
	TextBreak int
	Multiline bool
}

// LineOf returns the file line of a byte offset into the decoded text.
func (e *FileEntry) LineOf(offset int) int {
	if !e.Multiline {
		return e.TextLine
	}
	offset = min(max(offset, 0), len(e.Text))
	return e.TextLine + e.TextBreak + strings.Count(e.Text[:offset], "\n")
}

var entryFields = []string{"text", "note", "source"}

// ParseFile decodes one locale file. It returns the entries it could read and every
// problem; an invalid TOML file yields no entries.
func ParseFile(name, src string) ([]*FileEntry, []Problem) {
	problem := func(line, col int, format string, args ...any) Problem {
		return Problem{File: name, Line: line, Col: col, Level: Error, Rule: "entry", Message: fmt.Sprintf(format, args...)}
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
		p.Rule = "toml"
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
			p.Rule = "toml"
			if pe.Usage != "" {
				p.Message += " (" + FirstLine(pe.Usage) + ")"
			}
			return nil, []Problem{p}
		}
		p := problem(1, 0, "invalid TOML: %v", err)
		p.Rule = "toml"
		return nil, []Problem{p}
	}
	pos, scanErr := ScanTOML(src)
	if scanErr != nil {
		// The decoder accepted the file, so this is a gap in the scanner: keep going with
		// line 1 for everything rather than hide the file's texts.
		pos = ScanResult{}
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
	var entries []*FileEntry
	var problems []Problem
	for _, table := range order {
		line, textLine := pos.entryLines(table)
		switch v := raw[table].(type) {
		case map[string]any:
			e := &FileEntry{Name: table, Line: line, TextLine: textLine}
			ok := true
			for _, f := range sortedKeys(v) {
				s, isString := v[f].(string)
				fline := pos.KeyLine([]string{table, f}, line)
				switch {
				case !slices.Contains(entryFields, f):
					hint := ""
					if m := Closest(f, entryFields); m != "" {
						hint = fmt.Sprintf(" (did you mean %q?)", m)
					}
					problems = append(problems, problem(fline, 0, "[%s]: unknown field %q%s; an entry has text, and optionally note (master) or source (translations)", table, f, hint))
					ok = false
				case !isString:
					problems = append(problems, problem(fline, 0, "[%s]: %s must be a string", table, f))
					ok = false
				case f == "text":
					e.Text = s
				case f == "note":
					e.Note = s
				case f == "source":
					e.Source, e.HasSource = s, true
				}
			}
			if _, has := v["text"]; !has {
				problems = append(problems, problem(line, 0, "[%s] has no text: add text = \"…\"", table))
				ok = false
			}
			if kv, found := pos.find([]string{table, "text"}); found && kv.Multiline {
				e.Multiline = true
				if kv.FirstBreak {
					e.TextBreak = 1
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

func FirstLine(s string) string {
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
func (r ScanResult) find(path []string) (ScanKV, bool) {
	for _, kv := range r.KVs {
		if slices.Equal(kv.Path, path) {
			return kv, true
		}
	}
	return ScanKV{}, false
}

func (r ScanResult) KeyLine(path []string, fallback int) int {
	if kv, ok := r.find(path); ok {
		return kv.Line
	}
	return fallback
}

// entryLines gives the line of an entry's header (or of the first key defining the table)
// and of its text key.
func (r ScanResult) entryLines(table string) (line, textLine int) {
	line = 1
	found := false
	for _, h := range r.Headers {
		if len(h.Path) == 1 && h.Path[0] == table {
			line, found = h.Line, true
			break
		}
	}
	if !found {
		for _, kv := range r.KVs {
			if len(kv.Path) >= 1 && kv.Path[0] == table {
				line = kv.Line
				break
			}
		}
	}
	textLine = r.KeyLine([]string{table, "text"}, line)
	if kv, ok := r.find([]string{table}); ok && !found {
		// Inline table: text = … sits on the key's line.
		textLine = kv.Line
	}
	return line, textLine
}

// Closest returns the candidate nearest to s by edit distance, if it is near enough to be
// a likely typo.
func Closest(s string, candidates []string) string {
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

// SourceHash is the value a translation records in `source`: the first 16 hex digits of the
// SHA-256 of the master text, exactly as decoded from TOML (docs/design.md).
func SourceHash(masterText string) string {
	sum := sha256.Sum256([]byte(masterText))
	return hex.EncodeToString(sum[:])[:16]
}
