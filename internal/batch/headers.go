package batch

import (
	"fmt"
	"io/fs"
	"path"
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/tsdraft/tsdraft/internal/profile"

	"github.com/BurntSushi/toml"
	"golang.org/x/text/unicode/norm"

	tsdraft "github.com/tsdraft/tsdraft"
)

// Header words: HR's sheets name their columns in their own language (社員番号, รหัสพนักงาน,
// Personalnummer). The words are data, in locales/<lang>/sheet.toml, one table per profile
// path (employee_id for employee.id) whose text lists the words one a line; a sheet may use the
// words of any language, whatever the documents' languages are.

// sheetKeys maps the tables of sheet.toml to the profile paths they name.
var sheetKeys = map[string]string{
	"employee_id":          "employee.id",
	"employee_name":        "employee.name",
	"employee_exit_date":   "employee.exit_date",
	"employee_department":  "employee.department",
	"employee_position":    "employee.position",
	"employee_hire_date":   "employee.hire_date",
	"employee_address":     "employee.address",
	"employee_national_id": "employee.national_id",
	"employee_access":      "employee.access",
	"employee_materials":   "employee.materials",
}

// HeaderWords maps the column headers of HR's sheets to profile paths.
type HeaderWords struct {
	paths map[string]string // normalised word → profile path
	words []string          // every word as written, for suggestions
	// first says which language's word each path is best known by, for the leavers sheet.
	byLang map[string]map[string]string // lang → path → first word
}

// headerKey normalises a header for comparison: NFKC (full-width letters, compatibility
// forms), lower case, runs of spaces as one, no trailing colon or asterisk (a required mark).
func headerKey(h string) string {
	h = strings.ToLower(norm.NFKC.String(h))
	h = strings.TrimRight(strings.TrimSpace(h), ":*")
	return strings.Join(strings.Fields(h), " ")
}

// LoadHeaderWords reads <lang>/sheet.toml of every language in fsys (nil: the shipped
// locales), then of each layer in more (a user's --locales directories), whose words are
// added, and win over the shipped ones. The same word naming two paths in one layer is an
// error: a header must mean one thing.
func LoadHeaderWords(fsys fs.FS, more ...fs.FS) (*HeaderWords, error) {
	if fsys == nil {
		sub, err := fs.Sub(tsdraft.Locales, "locales")
		if err != nil {
			return nil, err
		}
		fsys = sub
	}
	hw := &HeaderWords{paths: map[string]string{}, byLang: map[string]map[string]string{}}
	for _, layer := range append([]fs.FS{fsys}, more...) {
		if err := hw.addLayer(layer); err != nil {
			return nil, err
		}
	}
	return hw, nil
}

func (hw *HeaderWords) addLayer(fsys fs.FS) error {
	files, err := fs.Glob(fsys, "*/sheet.toml")
	if err != nil {
		return err
	}
	slices.Sort(files)
	layer := map[string]string{} // this layer's words, for conflicts within it
	for _, f := range files {
		lang := path.Dir(f)
		b, err := fs.ReadFile(fsys, f)
		if err != nil {
			return fmt.Errorf("reading %s: %w", f, err)
		}
		var doc map[string]struct{ Text string }
		if _, err := toml.Decode(string(b), &doc); err != nil {
			return fmt.Errorf("locales/%s: %w", f, err)
		}
		if hw.byLang[lang] == nil {
			hw.byLang[lang] = map[string]string{}
		}
		for _, key := range sortedKeys(doc) {
			p, ok := sheetKeys[key]
			if !ok {
				return fmt.Errorf("locales/%s: [%s] is not a column tsdraft knows (known: %s)", f, key, strings.Join(sortedKeys(sheetKeys), ", "))
			}
			for i, w := range strings.Split(doc[key].Text, "\n") {
				k := headerKey(w)
				if k == "" {
					continue
				}
				if prev, ok := layer[k]; ok && prev != p {
					return fmt.Errorf("locales/%s: the header %q names both %s and %s", f, w, prev, p)
				}
				layer[k] = p
				if _, ok := hw.paths[k]; !ok {
					hw.words = append(hw.words, strings.TrimSpace(w))
				}
				hw.paths[k] = p
				if i == 0 {
					hw.byLang[lang][p] = strings.TrimSpace(w)
				}
			}
		}
	}
	return nil
}

func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

// Path returns the profile path a header word names, or "".
func (hw *HeaderWords) Path(header string) string {
	if hw == nil {
		return ""
	}
	return hw.paths[headerKey(header)]
}

// Word returns the header of path in a language (the first word of its list), or the path
// itself when the language has none.
func (hw *HeaderWords) Word(lang, p string) string {
	if hw != nil {
		if w := hw.byLang[lang][p]; w != "" {
			return w
		}
	}
	return p
}

// suggest returns the known header word nearest to h, if near enough to be a typo.
func (hw *HeaderWords) suggest(h string) string {
	if hw == nil || utf8.RuneCountInString(h) < 3 {
		return ""
	}
	return nearest(h, hw.words)
}

var quotedRE = regexp.MustCompile(`"[^"]*"`)

// pathLike reports whether a header is written as a profile path: ASCII without spaces, and
// dotted (employee.nmae), snake_case (exit_date) or a top-level key (employee). Such a header
// is meant for tsdraft, and a typo in it must stop the run, while any other header tsdraft
// does not know is HR's own column (memo, 備考, Dept.) and is left alone.
func pathLike(h string) bool {
	if !isASCII(h) {
		return false
	}
	h = quotedRE.ReplaceAllString(h, "q") // vars."a b": a quoted key is one segment
	if top, _, ok := strings.Cut(h, "."); ok && profile.FieldAt([]string{strings.TrimSpace(top)}) != nil {
		return true // employee.…, vars.…: meant as a path, however it goes on
	}
	if strings.ContainsAny(h, " \t") {
		return false
	}
	segs := strings.Split(h, ".")
	for _, s := range segs {
		if s == "" {
			return false // "Dept.", "No.": an abbreviation, not a path
		}
	}
	first := segs[0]
	if strings.Trim(first, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-") != "" {
		return false
	}
	return len(segs) > 1 || strings.Contains(first, "_") || profile.FieldAt([]string{first}) != nil
}
