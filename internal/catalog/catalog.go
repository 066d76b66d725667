package catalog

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"iter"
	"maps"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"sync"

	"github.com/tsdraft/tsdraft/internal/vocab"
)

// EmbeddedRoot is how files of the fs.FS given to Load are named in messages: in the
// repository the embedded tree is the locales/ directory.
const EmbeddedRoot = "locales"

// Ref names one entry: a language, a jurisdiction ("" for the general texts) and a key.
type Ref struct {
	Lang, Jur, Key string
}

// ID is how translators name an entry (in XLIFF, mark-current, messages): the key for a
// general text, <JUR>/<key> for a jurisdiction's own text.
func (r Ref) ID() string {
	if r.Jur == "" {
		return r.Key
	}
	return r.Jur + "/" + r.Key
}

func (r Ref) Stem() string {
	s, _, _ := strings.Cut(r.Key, ".")
	return s
}

func (r Ref) Table() string {
	_, t, _ := strings.Cut(r.Key, ".")
	return t
}

// RelFile is the file (relative to a locale root) that holds the entry.
func (r Ref) RelFile() string {
	if r.Jur == "" {
		return r.Lang + "/" + r.Stem() + ".toml"
	}
	return r.Lang + "/" + r.Jur + "/" + r.Stem() + ".toml"
}

func (r Ref) Master() Ref { return Ref{Master, r.Jur, r.Key} }

// ParseID splits an entry ID (common.prevailing, CN/law.ts_act) into jurisdiction and key.
func ParseID(id string) (jur, key string, err error) {
	if j, k, ok := strings.Cut(id, "/"); ok {
		if !IsJurisdiction(j) {
			return "", "", fmt.Errorf("%q: unknown jurisdiction %q (one of %s)", id, j, strings.Join(Jurisdictions, " "))
		}
		jur, id = j, k
	}
	stem, table, ok := strings.Cut(id, ".")
	if !ok || stem == "" || table == "" || strings.Contains(stem, "/") {
		return "", "", fmt.Errorf("%q is not an entry ID: write <file>.<table> (common.prevailing) or <JUR>/<file>.<table> (CN/law.ts_act)", id)
	}
	return jur, id, nil
}

type File struct {
	Layer int
	Rel   string // ja/CN/law.toml
	Path  string // as shown to the user
	Lang  string
	Jur   string
	Stem  string
}

type Entry struct {
	Ref
	*FileEntry
	File  *File
	Order int // position in its file
}

// Catalog is the loaded locale tree.
type Catalog struct {
	roots    []string // display root of each layer, lowest first
	dirs     []string // directory of each layer on disk ("" for the fs.FS layer)
	layerFS  []fs.FS
	files    []*File
	entries  map[Ref]*Entry
	problems []Problem // found while loading: invalid TOML, bad entries, bad layout

	revisionOnce sync.Once // Revision may be called from concurrent renders
	revision     string

	only map[string]bool // languages to load (nil: all); see LoadLangs
}

// LoadError lists every problem that kept Load from accepting the locale files.
type LoadError struct{ Problems []Problem }

func (e *LoadError) Error() string {
	lines := make([]string, len(e.Problems))
	for i, p := range e.Problems {
		lines[i] = p.Where() + ": " + p.Message
	}
	return "locale files:\n" + strings.Join(lines, "\n") + "\n(run `tsdraft locale check` for the full report)"
}

// Load reads the locale tree fsys (rooted so that ja/common.toml is a path; nil for none)
// and layers the override directories over it in order, key by key: an entry in a later
// layer replaces the same entry (language, jurisdiction, key) of earlier ones. Any invalid
// file is an error carrying file:line:col.
func Load(fsys fs.FS, overrides ...string) (*Catalog, error) {
	return load(nil, fsys, overrides)
}

// LoadLangs is Load for the languages a document is drafted in, and only those: reading all
// seven languages costs more than drafting a document, so the commands that render load only
// what they use. Revision then covers the texts of those languages.
func LoadLangs(fsys fs.FS, langs []string, overrides ...string) (*Catalog, error) {
	only := map[string]bool{}
	for _, l := range langs {
		only[l] = true
	}
	return load(only, fsys, overrides)
}

func load(only map[string]bool, fsys fs.FS, overrides []string) (*Catalog, error) {
	c, err := inspect(only, fsys, overrides...)
	if err != nil {
		return nil, err
	}
	var errs []Problem
	for _, p := range c.problems {
		if !p.IsWarning() {
			errs = append(errs, p)
		}
	}
	if len(errs) > 0 {
		return nil, &LoadError{errs}
	}
	return c, nil
}

// Inspect is Load for the translator's commands: files that cannot be read become
// problems reported by Check instead of an error, so that one bad file does not hide the
// state of all the others. The error is only for an override directory that is missing.
func Inspect(fsys fs.FS, overrides ...string) (*Catalog, error) {
	return inspect(nil, fsys, overrides...)
}

func inspect(only map[string]bool, fsys fs.FS, overrides ...string) (*Catalog, error) {
	c := &Catalog{entries: map[Ref]*Entry{}, only: only}
	if fsys != nil {
		if err := c.addLayer(fsys, EmbeddedRoot, ""); err != nil {
			return nil, err
		}
	}
	for _, dir := range overrides {
		st, err := os.Stat(dir)
		if err != nil {
			if inner := errors.Unwrap(err); inner != nil {
				err = inner
			}
			return nil, fmt.Errorf("locales directory %s: %w", dir, err)
		}
		if !st.IsDir() {
			return nil, fmt.Errorf("locales directory %s: not a directory", dir)
		}
		if err := c.addLayer(os.DirFS(dir), filepath.ToSlash(filepath.Clean(dir)), dir); err != nil {
			return nil, err
		}
	}
	SortProblems(c.problems)
	return c, nil
}

func (c *Catalog) addLayer(fsys fs.FS, root, dir string) error {
	layer := len(c.roots)
	c.roots = append(c.roots, root)
	c.dirs = append(c.dirs, dir)
	c.layerFS = append(c.layerFS, fsys)
	show := func(rel string) string { return root + "/" + rel }
	layout := func(rel, format string, args ...any) {
		c.problems = append(c.problems, Problem{File: show(rel), Line: 1, Level: Error, Rule: "layout", Message: fmt.Sprintf(format, args...)})
	}
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return fmt.Errorf("reading %s: %w", show(p), err)
		}
		if p == "." {
			return nil
		}
		parts := strings.Split(p, "/")
		name := d.Name()
		if strings.HasPrefix(name, ".") {
			// Hidden files are tooling (the master history, editor files), never texts.
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			switch len(parts) {
			case 1:
				if !IsLanguage(name) {
					layout(p, "%s is not a language directory (languages: %s); a new language needs %s/%s (TRANSLATING.md, \"Add a language\")", name, strings.Join(vocab.Active().LanguageCodes(), " "), name, vocab.LanguageFile)
					return fs.SkipDir
				}
				if c.only != nil && !c.only[name] {
					return fs.SkipDir
				}
			case 2:
				if !IsJurisdiction(name) {
					layout(p, "%s is not a jurisdiction directory (jurisdictions: %s)", name, strings.Join(Jurisdictions, " "))
					return fs.SkipDir
				}
			default:
				layout(p, "too deep: texts go in <lang>/<file>.toml or <lang>/<JUR>/<file>.toml")
				return fs.SkipDir
			}
			return nil
		}
		if path.Ext(name) != ".toml" {
			return nil // READMEs, glossaries: not texts
		}
		if len(parts) == 2 && name == vocab.LanguageFile {
			return nil // the language's data (internal/vocab), not texts
		}
		if len(parts) == 1 {
			layout(p, "%s is not in a language directory: move it to <lang>/%s", name, name)
			return nil
		}
		stem := strings.TrimSuffix(name, ".toml")
		if stem == "" || strings.Contains(stem, ".") {
			layout(p, "file name %q: the stem is the first part of every key, so it may not contain dots", name)
			return nil
		}
		if c.only != nil && slices.Contains(ScreenFiles, stem) {
			return nil // screens, not documents (see ScreenFiles)
		}
		data, err := fs.ReadFile(fsys, p)
		if err != nil {
			return fmt.Errorf("reading %s: %w", show(p), err)
		}
		f := &File{Layer: layer, Rel: p, Path: show(p), Lang: parts[0], Stem: stem}
		if len(parts) == 3 {
			f.Jur = parts[1]
		}
		c.files = append(c.files, f)
		entries, problems := ParseFile(f.Path, string(data))
		c.problems = append(c.problems, problems...)
		for i, fe := range entries {
			r := Ref{f.Lang, f.Jur, stem + "." + fe.Name}
			c.entries[r] = &Entry{Ref: r, FileEntry: fe, File: f, Order: i}
		}
		return nil
	})
	return err
}

// Text returns the text of key for a language in a jurisdiction: the jurisdiction's own
// text (<lang>/<JUR>/) if there is one, else the general text (<lang>/). There is no
// fallback to another language. jur may be "" for general texts only.
func (c *Catalog) Text(lang, jur, key string) (string, error) {
	if !IsLanguage(lang) {
		return "", fmt.Errorf("locale: unknown language %q (one of %s)", lang, strings.Join(Languages, " "))
	}
	if jur != "" && !IsJurisdiction(jur) {
		return "", fmt.Errorf("locale: unknown jurisdiction %q (one of %s)", jur, strings.Join(Jurisdictions, " "))
	}
	if jur != "" {
		if e := c.entries[Ref{lang, jur, key}]; e != nil {
			return e.Text, nil
		}
	}
	if e := c.entries[Ref{lang, "", key}]; e != nil {
		return e.Text, nil
	}
	where := "language " + lang
	if jur != "" {
		where += ", jurisdiction " + jur
	}
	r := Ref{lang, jur, key}
	stem, table, ok := strings.Cut(key, ".")
	if !ok || stem == "" || table == "" {
		return "", fmt.Errorf("locale: %q is not a locale key: keys are <file>.<table>, e.g. common.prevailing", key)
	}
	hasMaster := c.entries[Ref{Master, jur, key}] != nil || c.entries[Ref{Master, "", key}] != nil
	switch {
	case lang != Master && hasMaster:
		return "", fmt.Errorf("locale: no text for %q in %s: the master (%s) has it but it is not translated yet; add [%s] to %s/%s (see TRANSLATING.md), or add a locales folder of your own that holds it",
			key, where, Master, table, EmbeddedRoot, Ref{lang, "", key}.RelFile())
	default:
		hint := ""
		if m := Closest(key, c.keysOf(lang, jur)); m != "" {
			hint = fmt.Sprintf(" (did you mean %q?)", m)
		}
		alt := ""
		if jur != "" {
			alt = " or " + EmbeddedRoot + "/" + r.RelFile() + " for " + jur + " only"
		}
		return "", fmt.Errorf("locale: no text for %q in %s%s: check the key in the template, or add [%s] to %s/%s%s",
			key, where, hint, table, EmbeddedRoot, Ref{lang, "", key}.RelFile(), alt)
	}
}

// keysOf lists the keys visible to a language in a jurisdiction, sorted.
func (c *Catalog) keysOf(lang, jur string) []string {
	var keys []string
	for r := range c.entries {
		if r.Lang == lang && (r.Jur == "" || r.Jur == jur) && !slices.Contains(keys, r.Key) {
			keys = append(keys, r.Key)
		}
	}
	slices.Sort(keys)
	return keys
}

// Revision is a short hash of every loaded entry (language, jurisdiction, key and text;
// notes and source hashes do not change a document), recorded in documents so that a
// reader can tell which texts made them.
func (c *Catalog) Revision() string {
	c.revisionOnce.Do(func() {
		h := sha256.New()
		for _, e := range c.SortedEntries() {
			fmt.Fprintf(h, "%s\x00%s\x00%s\x00%s\x00", e.Lang, e.Jur, e.Key, e.Text)
		}
		c.revision = hex.EncodeToString(h.Sum(nil))[:12]
	})
	return c.revision
}

// SortedEntries returns every entry in report order: language (Languages order), general
// before jurisdictions (Jurisdictions order), file stem, then position in the file.
func (c *Catalog) SortedEntries() []*Entry {
	out := make([]*Entry, 0, len(c.entries))
	for _, e := range c.entries {
		out = append(out, e)
	}
	slices.SortFunc(out, CompareEntries)
	return out
}

func CompareEntries(a, b *Entry) int {
	if d := RefOrder(a.Ref, b.Ref); d != 0 {
		return d
	}
	if a.Order != b.Order {
		return a.Order - b.Order
	}
	return strings.Compare(a.Key, b.Key)
}

// RefOrder compares refs by language, jurisdiction and file, not by table.
func RefOrder(a, b Ref) int {
	if d := slices.Index(Languages, a.Lang) - slices.Index(Languages, b.Lang); d != 0 {
		return d
	}
	if d := jurIndex(a.Jur) - jurIndex(b.Jur); d != 0 {
		return d
	}
	return strings.Compare(a.Stem(), b.Stem())
}

func jurIndex(j string) int {
	if j == "" {
		return -1
	}
	return slices.Index(Jurisdictions, j)
}

// MasterEntries lists the master's entries in report order.
func (c *Catalog) MasterEntries() []*Entry {
	var out []*Entry
	for _, e := range c.SortedEntries() {
		if e.Lang == Master {
			out = append(out, e)
		}
	}
	return out
}

// FileFor returns where an entry lives or should live: the topmost layer that already has
// the file, else the topmost layer.
func (c *Catalog) FileFor(r Ref) string {
	rel := r.RelFile()
	for i := len(c.files) - 1; i >= 0; i-- {
		if c.files[i].Rel == rel {
			return c.files[i].Path
		}
	}
	if len(c.roots) == 0 {
		return EmbeddedRoot + "/" + rel
	}
	return c.roots[len(c.roots)-1] + "/" + rel
}

// KeyHint says, for an entry ID the master lacks, where the key does exist (another
// jurisdiction, or the general texts) or which master key is nearest; "" when nothing is
// near.
func (c *Catalog) KeyHint(r Ref) string {
	var scopes []string
	for _, j := range append([]string{""}, Jurisdictions...) {
		if j != r.Jur && c.entries[Ref{Master, j, r.Key}] != nil {
			scopes = append(scopes, Ref{Master, j, r.Key}.ID())
		}
	}
	if len(scopes) > 0 {
		return fmt.Sprintf("(the key exists as %s: write the ID with its jurisdiction, JUR/key, or without one for the general text)", strings.Join(scopes, ", "))
	}
	var ids []string
	for _, m := range c.MasterEntries() {
		ids = append(ids, m.ID())
	}
	if m := Closest(r.ID(), ids); m != "" {
		return fmt.Sprintf("(did you mean %s?)", m)
	}
	return ""
}

// Entry returns the entry r names as loaded (after layering), nil when there is none.
func (c *Catalog) Entry(r Ref) *Entry { return c.entries[r] }

// All iterates over every loaded entry, in no order (SortedEntries gives the report order).
func (c *Catalog) All() iter.Seq2[Ref, *Entry] { return maps.All(c.entries) }

// Files lists the locale files loaded, lowest layer first.
func (c *Catalog) Files() []*File { return slices.Clone(c.files) }

// Problems lists what loading found wrong with the files (Load refuses the errors among
// them; Inspect keeps them for the translators' check).
func (c *Catalog) Problems() []Problem { return slices.Clone(c.problems) }

// Layer is one locale tree of a catalogue: the embedded one or an override directory.
type Layer struct {
	Root string // how its files are named in messages (locales, or the directory)
	Dir  string // the directory on disk; "" for the embedded tree
	FS   fs.FS
}

// Layers lists the catalogue's trees, lowest first.
func (c *Catalog) Layers() []Layer {
	out := make([]Layer, len(c.roots))
	for i := range c.roots {
		out[i] = Layer{Root: c.roots[i], Dir: c.dirs[i], FS: c.layerFS[i]}
	}
	return out
}
