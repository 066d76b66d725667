package batch

import (
	"fmt"
	"github.com/tsdraft/tsdraft/internal/textdist"
	"slices"
	"strconv"
	"strings"

	"github.com/tsdraft/tsdraft/internal/profile"
	"github.com/tsdraft/tsdraft/internal/vocab"
)

// column is one column of the people sheet: the profile path its header names.
type column struct {
	index  int          // 0-based position in the sheet
	letter string       // A, B, … AA, as a spreadsheet shows it
	header string       // as written
	path   []string     // key segments of the header
	root   []string     // the value the column replaces (a text, for a language column)
	kind   profile.Kind // what a cell gives: the field's kind (KindString for a language column)
	field  *profile.Field
	lang   string // for a language column (employee.name.ja): the language
	// dayFirst: text dates are read day first (31/03/2026), as the jurisdiction writes them.
	dayFirst bool
}

func (c *column) name() string { return strings.Join(c.path, ".") }

// where names the column for messages: `column C (employee.exit_date)`.
func (c *column) where() string { return fmt.Sprintf("column %s (%s)", c.letter, c.header) }

// columnLetter is the spreadsheet name of the 0-based column i: A … Z, AA …
func columnLetter(i int) string {
	var out []byte
	for i++; i > 0; i = (i - 1) / 26 {
		out = append([]byte{byte('A' + (i-1)%26)}, out...)
	}
	return string(out)
}

// batchWide are the top-level keys that hold for the whole batch: a row cannot change them,
// because the documents' languages and layout are decided once.
var batchWide = []string{"jurisdiction", "languages", "prevailing", "layout"}

// SheetError lists every problem of a header row; nothing is written when there is one. Each
// problem is at row 1, with the column letter and header it is about (none for a problem of
// the whole row, such as a missing name column).
type SheetError struct {
	File     string
	Problems []Problem
}

func (e *SheetError) Error() string {
	var b strings.Builder
	for i, p := range e.Problems {
		if i > 0 {
			b.WriteByte('\n')
		}
		if p.Column != "" {
			fmt.Fprintf(&b, "%s: column %s %q: %s", e.File, p.Column, p.Header, p.Message)
		} else {
			fmt.Fprintf(&b, "%s: %s", e.File, p.Message)
		}
	}
	return b.String()
}

// maxSuggestions bounds the unknown headers compared with every known word.
const maxSuggestions = 200

// parseHeader reads the header row. A header names a profile path, as a path (employee.name)
// or as a word HR uses (氏名, Employee ID: hw); empty headers are ignored (their cells must be
// empty), as are headers of HR's own columns (memo, 備考), which are returned as notes. Every
// problem is collected, with a suggestion for a misspelt path or word. Work is linear in the
// number of columns: a sheet of 20,000 columns is read in well under a second.
func parseHeader(file string, cells []string, hw *HeaderWords) ([]*column, []string, error) {
	var cols []*column
	var problems []Problem
	var notes []string
	bad := func(letter, header, format string, args ...any) {
		problems = append(problems, Problem{Row: 1, Column: letter, Header: header, Message: fmt.Sprintf(format, args...)})
	}
	seen := map[string]string{} // path → column letter
	for i, raw := range cells {
		h := strings.TrimSpace(raw)
		letter := columnLetter(i)
		if h == "" {
			continue
		}
		var path []string
		if p := hw.Path(h); p != "" {
			path = strings.Split(p, ".")
		} else if !pathLike(h) {
			// HR's own column (備考, 電話番号, Reason): ignored, with a note. One that is near a
			// header tsdraft knows says so, in case it is a typo (退職曰); a missing required
			// column then stops the run anyway. Suggestions are looked for in the first
			// columns only, so that a sheet of thousands of columns is read in linear time.
			note := fmt.Sprintf("%s: column %s %q is not a column tsdraft reads; it is ignored", file, letter, h)
			if len(notes) < maxSuggestions {
				if s := hw.suggest(h); s != "" {
					note += fmt.Sprintf(" (if it means %q, correct the header)", s)
				}
			}
			notes = append(notes, note)
			continue
		} else {
			st, err := profile.ParseSet(h + `=""`)
			if err != nil || len(st.Path) == 0 {
				bad(letter, h, "not a profile path (write it like employee.name or employee.exit_date)")
				continue
			}
			path = st.Path
		}
		key := strings.Join(path, ".")
		if prev, ok := seen[key]; ok {
			bad(letter, h, "names %s, as column %s does; keep one", key, prev)
			continue
		}
		seen[key] = letter
		if slices.Contains(batchWide, path[0]) {
			bad(letter, h, "%s holds for the whole batch, not per person; set it in the profile", path[0])
			continue
		}
		if slices.ContainsFunc(path, isIndex) {
			bad(letter, h, "a column names one value, not an element of a list; a list takes its items in one cell, separated by ';'")
			continue
		}
		f := profile.FieldAt(path)
		if f == nil {
			msg := "unknown profile path"
			key, args := MsgUnknownPath, []string(nil)
			if s := suggestPath(h); s != "" {
				msg += fmt.Sprintf(" (did you mean %q?)", s)
				key, args = MsgUnknownPathHint, []string{s}
			} else {
				msg += " (tsdraft schema lists the keys; put your own values under vars., e.g. vars.case_no)"
			}
			bad(letter, h, "%s", msg)
			problems[len(problems)-1].Key, problems[len(problems)-1].Args = key, args
			continue
		}
		c := &column{index: i, letter: letter, header: h, path: path, root: path, kind: f.Kind, field: f}
		switch {
		case path[0] == "vars":
			if len(path) == 1 {
				bad(letter, h, "vars is a table; name one value in it, e.g. vars.case_no")
				continue
			}
			c.kind = profile.KindAny
		case f.Kind == profile.KindTable || f.Kind == profile.KindTables:
			bad(letter, h, "%s is a table; name one of its keys: %s", key, strings.Join(childNames(f, path), ", "))
			continue
		case len(path) > 1 && profile.IsLanguage(path[len(path)-1]) && isText(profile.FieldAt(path[:len(path)-1])):
			c.root = path[:len(path)-1]
			c.lang = path[len(path)-1]
			c.kind = profile.KindString
		}
		cols = append(cols, c)
	}
	// A value cannot come from two columns: employee.name with employee.name.ja, or vars.a
	// with vars.a.b. Each root and each of its prefixes is looked up once.
	groups := map[string][]*column{}
	for _, c := range cols {
		k := strings.Join(c.root, ".")
		groups[k] = append(groups[k], c)
	}
	twice := func(a, b *column) {
		problems = append(problems, Problem{Row: 1, Column: b.letter, Header: b.header, Message: fmt.Sprintf("gives the same value as column %s %q; keep one (one plain column, or one column per language)",
			a.letter, a.header)})
	}
	for _, b := range cols {
		g := groups[strings.Join(b.root, ".")]
		if b != g[0] && (b.lang == "" || g[0].lang == "") {
			twice(g[0], b)
		}
		for n := 1; n < len(b.root); n++ {
			if a := groups[strings.Join(b.root[:n], ".")]; a != nil {
				twice(a[0], b)
			}
		}
	}
	if len(problems) == 0 && !slices.ContainsFunc(cols, func(c *column) bool { return slices.Equal(c.root, []string{"employee", "name"}) }) {
		msg := "no column names the person (employee.name, or a header such as 氏名, ชื่อ-นามสกุล, Name): each row is one person and must name them"
		if len(notes) > 0 {
			msg += fmt.Sprintf(" (%d column(s) were not recognised and ignored, see above)", len(notes))
		}
		problems = append(problems, Problem{Row: 1, Message: msg, Key: MsgNoNameColumn})
	}
	if len(problems) > 0 {
		return nil, notes, &SheetError{File: file, Problems: problems}
	}
	return cols, notes, nil
}

func isText(f *profile.Field) bool { return f != nil && f.Kind == profile.KindText }

func isIndex(s string) bool {
	if s == "" {
		return false
	}
	_, err := strconv.Atoi(s)
	return err == nil && strings.Trim(s, "0123456789") == ""
}

func childNames(f *profile.Field, path []string) []string {
	var out []string
	for _, c := range f.Fields {
		out = append(out, strings.Join(append(slices.Clone(path), c.Name), "."))
	}
	return out
}

// columnPaths lists every path a column may name (vars.* aside), for suggestions: the leaves of
// the schema outside arrays of tables, and each text's language variants.
func columnPaths() []string {
	var out []string
	var walk func(f *profile.Field, path []string)
	walk = func(f *profile.Field, path []string) {
		for _, c := range f.Fields {
			p := append(slices.Clone(path), c.Name)
			switch c.Kind {
			case profile.KindTable:
				walk(c, p)
			case profile.KindTables, profile.KindAny:
			default:
				if len(p) == 1 && slices.Contains(batchWide, p[0]) {
					continue
				}
				out = append(out, strings.Join(p, "."))
				if c.Kind == profile.KindText {
					for _, l := range vocab.Active().LanguageCodes() {
						out = append(out, strings.Join(p, ".")+"."+l)
					}
				}
			}
		}
	}
	walk(profile.Schema, nil)
	return out
}

// suggestPath finds the path a misspelt header most likely means: a bare key of the employee
// table ("name" → employee.name), or the nearest path by edit distance when near enough to be a
// typo.
func suggestPath(h string) string {
	paths := columnPaths()
	if !strings.Contains(h, ".") {
		if p := "employee." + strings.ToLower(h); slices.Contains(paths, p) {
			return p
		}
	}
	return nearest(h, paths)
}

// nearest returns the candidate closest to s by edit distance (case-insensitive), if it is near
// enough (at most 1 + len/4 edits) and unambiguous; "" otherwise.
func nearest(s string, candidates []string) string { return textdist.Nearest(s, candidates) }
