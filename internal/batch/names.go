package batch

import (
	"fmt"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/tsdraft/tsdraft/internal/docxtmpl"
	"github.com/tsdraft/tsdraft/internal/profile"
)

// DefaultName is the file name pattern when --name is not given.
const DefaultName = "{doc}_{employee.id}_{employee.name}"

// maxNameBytes bounds a file name (without the _N that makes it unique and the extension), well
// under the 255 bytes file systems allow, cut on a character boundary.
const maxNameBytes = 120

// namePart is a piece of a name pattern: literal text, or a placeholder.
type namePart struct {
	lit  string
	ph   string   // doc, lang, row, or "" for a profile path
	path []string // the profile path of a placeholder
}

// namePattern is a parsed --name.
type namePattern struct {
	src   string
	opt   string // how the face names the pattern's option (--name)
	parts []namePart
}

// parseName reads a --name pattern: text with {doc}, {lang}, {row} and {profile.path}
// placeholders. Every placeholder must name a single value (not a list or a table).
func parseName(src string) (*namePattern, error) {
	p := &namePattern{src: src}
	rest := src
	for rest != "" {
		i := strings.IndexAny(rest, "{}")
		if i < 0 {
			p.parts = append(p.parts, namePart{lit: rest})
			break
		}
		if rest[i] == '}' {
			return nil, &NameError{src, "a '}' without its '{'"}
		}
		if i > 0 {
			p.parts = append(p.parts, namePart{lit: rest[:i]})
		}
		j := strings.IndexByte(rest[i:], '}')
		if j < 0 {
			return nil, &NameError{src, "a '{' without its '}'"}
		}
		ph := strings.TrimSpace(rest[i+1 : i+j])
		rest = rest[i+j+1:]
		switch ph {
		case "doc", "lang", "row":
			p.parts = append(p.parts, namePart{ph: ph})
			continue
		}
		st, err := profile.ParseSet(ph + `=""`)
		f := profile.FieldAt(st.Path)
		if err != nil || f == nil || len(st.Path) == 0 {
			msg := fmt.Sprintf("unknown placeholder {%s}", ph)
			if s := nearest(ph, append([]string{"doc", "lang", "row"}, columnPaths()...)); s != "" {
				msg += fmt.Sprintf(" (did you mean {%s}?)", s)
			} else {
				msg += "; use {doc}, {lang}, {row} or a profile path such as {employee.id}"
			}
			return nil, &NameError{src, msg}
		}
		switch f.Kind {
		case profile.KindTable, profile.KindTables, profile.KindStrings, profile.KindTexts:
			if st.Path[0] != "vars" {
				return nil, &NameError{src, fmt.Sprintf("{%s} is a list or a table; a file name takes single values such as {employee.id}", ph)}
			}
		}
		p.parts = append(p.parts, namePart{path: st.Path})
	}
	if len(p.parts) == 0 {
		return nil, &NameError{"", "is empty; the default is " + DefaultName}
	}
	return p, nil
}

func (p *namePattern) has(ph string) bool {
	return slices.ContainsFunc(p.parts, func(n namePart) bool { return n.ph == ph })
}

// withSuffix returns the pattern with "_{ph}" added when it lacks {ph}: several documents per
// person need {doc} to tell them apart, a separate layout needs {lang}.
func (p *namePattern) withSuffix(ph string) *namePattern {
	if p.has(ph) {
		return p
	}
	q := &namePattern{src: p.src + "_{" + ph + "}", parts: slices.Clone(p.parts)}
	q.parts = append(q.parts, namePart{lit: "_"}, namePart{ph: ph})
	return q
}

// nameValues finds the value of a placeholder for one row.
type nameValues struct {
	row   int
	doc   string
	langs []string // the output's languages
	cols  []*column
	cells []Cell
	base  map[string]any // the profile's data, for paths no column gives
}

// expand fills the pattern for one output. A placeholder whose value is blank is an error: the
// person would get a name that does not say who they are.
func (p *namePattern) expand(v *nameValues) (string, error) {
	var b strings.Builder
	for _, part := range p.parts {
		switch {
		case part.lit != "":
			b.WriteString(part.lit)
		case part.ph == "doc":
			b.WriteString(v.doc)
		case part.ph == "lang":
			b.WriteString(strings.Join(v.langs, "+"))
		case part.ph == "row":
			b.WriteString(strconv.Itoa(v.row))
		default:
			s, from := v.lookup(part.path)
			if strings.TrimSpace(s) == "" {
				name := strings.Join(part.path, ".")
				if from != nil {
					return "", &keyedError{msg: fmt.Sprintf("%s is blank, and the file name (%s %q) uses it; fill it in, or choose another %[2]s", from.where(), p.opt, p.src),
						key: MsgBlankInName, args: []string{name}}
				}
				return "", fmt.Errorf("%s has no value, and the file name (%s %q) uses it; add a column %s, or choose another %[2]s", name, p.opt, p.src, name)
			}
			b.WriteString(s)
		}
	}
	return b.String(), nil
}

// lookup returns a path's value as text: from the row's cells when a column gives it (from is
// that column), otherwise from the profile.
func (v *nameValues) lookup(path []string) (string, *column) {
	lang := ""
	if len(v.langs) > 0 {
		lang = v.langs[0]
	}
	var fallback *column
	for _, c := range v.cols {
		cell := v.cell(c)
		switch {
		case slices.Equal(c.path, path):
			return cellText(c, cell), c
		case c.lang != "" && slices.Equal(c.root, path):
			// employee.name from employee.name.ja, employee.name.th: the output's language first
			if c.lang == lang && !cell.blank() {
				return cellText(c, cell), c
			}
			if fallback == nil || v.cell(fallback).blank() {
				fallback = c
			}
		case c.lang == "" && len(path) == len(c.path)+1 && slices.Equal(c.path, path[:len(c.path)]) && profile.IsLanguage(path[len(path)-1]):
			// employee.name.ja from a plain employee.name: the same text in every language
			return cellText(c, cell), c
		case len(path) > len(c.root) && slices.Equal(c.root, path[:len(c.root)]):
			return "", c // below a value the column replaces: it has nothing there
		}
	}
	if fallback != nil {
		return cellText(fallback, v.cell(fallback)), fallback
	}
	if len(path) >= 2 && path[0] == "employee" && slices.Contains(ownValues, path[1]) {
		return "", nil // the profile's value is someone else's: only a column gives it
	}
	return dataText(lookupData(v.base, path), lang), nil
}

func (v *nameValues) cell(c *column) Cell {
	if c.index < len(v.cells) {
		return v.cells[c.index]
	}
	return Cell{}
}

// cellText is a cell as it goes into a file name: a date as YYYY-MM-DD, else the text shown.
func cellText(c *column, cell Cell) string {
	if cell.blank() {
		return ""
	}
	if c.kind == profile.KindDate {
		if val, err := c.tomlValue(cell); err == nil {
			return val
		}
	}
	if cell.Date {
		return cell.Serial.Format("2006-01-02")
	}
	return strings.TrimSpace(cell.Text)
}

func lookupData(m map[string]any, path []string) any {
	var cur any = m
	for _, seg := range path {
		mm, ok := cur.(map[string]any)
		if !ok {
			if lt, ok := cur.(docxtmpl.LangText); ok && profile.IsLanguage(seg) {
				return lt[seg]
			}
			return nil
		}
		cur = mm[seg]
	}
	return cur
}

// dataText formats a template value for a file name.
func dataText(v any, lang string) string {
	switch x := v.(type) {
	case nil:
		return ""
	case string:
		return x
	case docxtmpl.LangText:
		if s, ok := x[lang]; ok {
			return s
		}
		for _, l := range profile.Languages {
			if s, ok := x[l]; ok {
				return s
			}
		}
	case time.Time:
		return x.Format("2006-01-02")
	case int64, float64, bool, int:
		return fmt.Sprint(x)
	}
	return ""
}

// reservedNames are the device names Windows will not create as files, with any extension.
var reservedNames = map[string]bool{"CON": true, "PRN": true, "AUX": true, "NUL": true, "CONIN$": true, "CONOUT$": true, "CLOCK$": true}

func init() {
	for i := 1; i <= 9; i++ {
		reservedNames["COM"+strconv.Itoa(i)] = true
		reservedNames["LPT"+strconv.Itoa(i)] = true
	}
	for _, s := range []string{"¹", "²", "³"} {
		reservedNames["COM"+s] = true
		reservedNames["LPT"+s] = true
	}
}

// safeName makes a file name (without extension) that every common file system accepts and
// that cannot leave the output directory: no path separators, no "..", no control, invisible
// or Windows-reserved characters, no reserved device name, no leading dot (a hidden file), no
// trailing dot or space, at most maxNameBytes bytes. Letters of every script are kept. It
// returns "" when nothing is left.
func safeName(s string) string {
	s = norm.NFC.String(s)
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == utf8.RuneError:
			b.WriteByte('_')
		case r < 0x20 || r == 0x7F || r >= 0x80 && r <= 0x9F:
			b.WriteByte('_')
		case strings.ContainsRune(`<>:"/\|?*`, r):
			b.WriteByte('_')
		case r == 0x2028 || r == 0x2029:
			b.WriteByte('_')
		case unicode.Is(unicode.Cf, r) && r != 0x200C && r != 0x200D:
			// bidi overrides (U+202E shows "exe.txt" as "txt.exe"), BOM, zero-width space
		case unicode.IsSpace(r) && r != ' ' && r != 0x3000:
			b.WriteByte(' ')
		default:
			b.WriteRune(r)
		}
	}
	out := b.String()
	for strings.Contains(out, "..") {
		out = strings.ReplaceAll(out, "..", ".")
	}
	out = strings.TrimLeft(out, ". ")
	if strings.HasPrefix(out, "-") {
		// Nor a leading dash: such a name reads as an option to the programs it is passed to.
		out = "_" + out
	}
	if len(out) > maxNameBytes {
		cut := maxNameBytes
		for cut > 0 && !utf8.RuneStart(out[cut]) {
			cut--
		}
		out = out[:cut]
	}
	out = strings.TrimRight(out, ". ")
	stem, _, _ := strings.Cut(out, ".")
	if reservedNames[strings.ToUpper(strings.TrimRight(stem, " "))] {
		out = stem + "_" + out[len(stem):]
	}
	return out
}

// nameKey is how file systems compare names: case-insensitively on Windows and macOS, and
// after Unicode normalisation on macOS. Two names with the same key collide.
func nameKey(s string) string { return strings.ToLower(norm.NFC.String(s)) }

// uniqueNames assigns each wanted name a free one, in order: the first keeps its name, the
// next ones get _2, _3 … (a generated name taken by a later wish moves that one on, too).
type uniqueNames struct{ taken map[string]bool }

func (u *uniqueNames) claim(name string) string {
	if u.taken == nil {
		u.taken = map[string]bool{}
	}
	cand := name
	for n := 2; u.taken[nameKey(cand)]; n++ {
		cand = name + "_" + strconv.Itoa(n)
	}
	u.taken[nameKey(cand)] = true
	return cand
}

// inside reports whether path is directly inside dir once both are cleaned: the last check
// before anything is written.
func inside(dir, path string) bool {
	p := filepath.Clean(path)
	base := filepath.Base(p)
	return filepath.Dir(p) == filepath.Clean(dir) && base != ".." && base != "." && base != string(filepath.Separator)
}
