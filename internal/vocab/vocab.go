package vocab

import (
	"cmp"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"slices"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/BurntSushi/toml"
	tsdraft "github.com/tsdraft/tsdraft"
)

// Vocab is one complete vocabulary: documents, languages and jurisdictions. It is read-only
// once loaded; layering a user's languages makes a new one.
type Vocab struct {
	langs  []*Language // in Order, then code
	docs   []*Document
	jurs   []*Jurisdiction
	sample *lazySample // shared by the vocabularies layered over this one
}

// lazySample reads vocab/sample.toml when `init` (or the web app's "new profile") first asks
// for it: it is a quarter of the vocabulary's bytes, and no other command reads it, while every
// command pays for what the vocabulary parses at start-up.
type lazySample struct {
	once   sync.Once
	fsys   fs.FS
	sample SharedSample
	err    error
}

func (l *lazySample) load() (*SharedSample, error) {
	l.once.Do(func() {
		if err := decodeFile(l.fsys, "sample.toml", "vocab/sample.toml", &l.sample); err != nil {
			l.err = err
			return
		}
		for i, it := range l.sample.Items {
			if it.Category < 0 || it.Category >= len(l.sample.Categories) {
				l.err = fmt.Errorf("vocab/sample.toml: items %d (%s): category = %d, but there are %d categories (counted from 0)", i+1, it.ID, it.Category, len(l.sample.Categories))
				return
			}
		}
	})
	return &l.sample, l.err
}

// LanguageFile is the name of a language's data file inside locales/<code>/.
const LanguageFile = "language.toml"

var (
	builtinOnce sync.Once
	builtin     *Vocab
	active      atomic.Pointer[Vocab]
)

// Builtin returns the vocabulary embedded in the binary. Its data is checked by the tests, so
// a failure to load it is a build defect and panics.
//
// It is the generated Go form (builtin_gen.go) when that was made from the very bytes embedded,
// and otherwise the TOML decoded: every command needs the vocabulary, and decoding its TOML
// cost each process several milliseconds of start-up. A TOML file edited without regenerating
// is therefore still read as written (only slower), and TestGeneratedBuiltinIsTheTOML fails
// until `go test ./internal/vocab/ -run TestGeneratedBuiltinIsTheTOML -update` is run.
func Builtin() *Vocab {
	builtinOnce.Do(func() {
		voc, loc := builtinFS()
		v, err := generatedIfCurrent(voc, loc)
		if err == nil && v == nil {
			v, err = Load(voc, loc)
		}
		if err != nil {
			panic("vocab: built-in data: " + err.Error())
		}
		builtin = v
	})
	return builtin
}

// builtinFS returns the embedded vocab/ and locales/ folders.
func builtinFS() (voc, loc fs.FS) {
	voc, err := fs.Sub(tsdraft.Vocab, "vocab")
	if err != nil {
		panic(err)
	}
	loc, err = fs.Sub(tsdraft.Locales, "locales")
	if err != nil {
		panic(err)
	}
	return voc, loc
}

// Active returns the vocabulary commands work with: the built-in one, or the one a command set
// with Use after layering the user's locale directories over it.
func Active() *Vocab {
	if v := active.Load(); v != nil {
		return v
	}
	return Builtin()
}

// Use makes v the active vocabulary until restore is called (commands call it once, after
// reading their --locales flags; tests restore it).
func Use(v *Vocab) (restore func()) {
	old := active.Swap(v)
	return func() { active.Store(old) }
}

// Load reads a vocabulary: vocabFS holds documents.toml, sample.toml and jurisdictions/*.toml,
// localesFS holds <code>/language.toml for every language.
func Load(vocabFS, localesFS fs.FS) (*Vocab, error) {
	v := &Vocab{}
	langs, err := readLanguages(localesFS, "locales", nil)
	if err != nil {
		return nil, err
	}
	v.langs = langs
	var docs struct {
		Document []*Document `toml:"document"`
	}
	if err := decodeFile(vocabFS, "documents.toml", "vocab/documents.toml", &docs); err != nil {
		return nil, err
	}
	v.docs = docs.Document
	v.sample = &lazySample{fsys: vocabFS}
	names, err := fs.Glob(vocabFS, "jurisdictions/*.toml")
	if err != nil {
		return nil, err
	}
	for _, n := range names {
		j := &Jurisdiction{}
		if err := decodeFile(vocabFS, n, "vocab/"+n, j); err != nil {
			return nil, err
		}
		if stem := strings.TrimSuffix(path.Base(n), ".toml"); j.Code != stem {
			return nil, fmt.Errorf("vocab/%s: code = %q must be the file's name (%s)", n, j.Code, stem)
		}
		v.jurs = append(v.jurs, j)
	}
	slices.SortStableFunc(v.jurs, func(a, b *Jurisdiction) int {
		return cmp.Or(cmp.Compare(a.Order, b.Order), cmp.Compare(a.Code, b.Code))
	})
	if err := v.validate(); err != nil {
		return nil, err
	}
	return v, nil
}

// WithLanguages layers the language files of the user's locale directories over v (later
// directories win): <dir>/<code>/language.toml adds a language, or changes the keys it gives
// of a known one. Directories without language files give back v itself.
func (v *Vocab) WithLanguages(dirs ...string) (*Vocab, error) {
	out := v
	for _, dir := range dirs {
		st, err := os.Stat(dir)
		if err != nil || !st.IsDir() {
			continue // the locale catalogue reports a missing directory, with its own words
		}
		langs, err := readLanguages(os.DirFS(dir), dir, out.langs)
		if err != nil {
			return nil, err
		}
		if langs == nil {
			continue
		}
		nv := *out
		nv.langs = langs
		if err := nv.validate(); err != nil {
			return nil, err
		}
		out = &nv
	}
	return out, nil
}

// readLanguages reads <code>/language.toml from fsys over base (nil: none). It returns nil when
// fsys has no language file and base is not nil.
func readLanguages(fsys fs.FS, root string, base []*Language) ([]*Language, error) {
	names, err := fs.Glob(fsys, "*/"+LanguageFile)
	if err != nil {
		return nil, err
	}
	if len(names) == 0 && base != nil {
		return nil, nil
	}
	langs := slices.Clone(base)
	for _, n := range names {
		code := path.Dir(n)
		show := path.Join(filepathToSlash(root), n)
		l := &Language{}
		i := slices.IndexFunc(langs, func(x *Language) bool { return x.Code == code })
		if i >= 0 {
			c := *langs[i] // layer key by key over the known language
			l = &c
		}
		if err := decodeFile(fsys, n, show, l); err != nil {
			return nil, err
		}
		l.file = show
		if l.Code != code {
			return nil, fmt.Errorf("%s: code = %q must be the folder's name (%s)", show, l.Code, code)
		}
		if err := l.finish(); err != nil {
			return nil, fmt.Errorf("%s: %w", show, err)
		}
		if i >= 0 {
			langs[i] = l
		} else {
			langs = append(langs, l)
		}
	}
	slices.SortStableFunc(langs, func(a, b *Language) int { return cmp.Or(cmp.Compare(a.Order, b.Order), cmp.Compare(a.Code, b.Code)) })
	return langs, nil
}

func filepathToSlash(p string) string { return strings.ReplaceAll(p, `\`, "/") }

// decodeFile decodes one TOML file strictly: a syntax error points at its line and column, a
// key the vocabulary does not know is an error (a misspelt key would silently be ignored).
func decodeFile(fsys fs.FS, name, show string, into any) error {
	data, err := fs.ReadFile(fsys, name)
	if err != nil {
		return fmt.Errorf("read %s: %w", show, err)
	}
	md, err := toml.Decode(string(data), into)
	if err != nil {
		var pe toml.ParseError
		if errors.As(err, &pe) {
			return fmt.Errorf("%s:%d:%d: %s", show, pe.Position.Line, pe.Position.Col, pe.Message)
		}
		return fmt.Errorf("%s: %w", show, err)
	}
	if und := md.Undecoded(); len(und) > 0 {
		keys := make([]string, len(und))
		for i, k := range und {
			keys[i] = k.String()
		}
		return fmt.Errorf("%s: unknown key %s (check the spelling against the other files of its kind)", show, strings.Join(keys, ", "))
	}
	return nil
}

// validate checks what ties the files together: one master, known languages everywhere.
func (v *Vocab) validate() error {
	masters := 0
	for _, l := range v.langs {
		if l.Master {
			masters++
		}
	}
	if masters != 1 {
		return fmt.Errorf("vocabulary: %d languages say master = true; exactly one must", masters)
	}
	seen := map[string]bool{}
	for i, d := range v.docs {
		where := fmt.Sprintf("vocab/documents.toml: document %d", i+1)
		switch {
		case d.ID == "":
			return fmt.Errorf("%s has no id", where)
		case seen[d.ID]:
			return fmt.Errorf("%s: id %q is given twice", where, d.ID)
		case d.TitleKey == "":
			return fmt.Errorf("%s (%s) has no title_key", where, d.ID)
		case !slices.Contains([]string{LevelLowest, LevelMiddle, LevelHighest}, d.Level):
			return fmt.Errorf("%s (%s): level = %q is not lowest, middle or highest", where, d.ID, d.Level)
		}
		seen[d.ID] = true
	}
	for _, j := range v.jurs {
		where := "vocab/jurisdictions/" + j.Code + ".toml"
		if j.Law == "" || j.Name == "" {
			return fmt.Errorf("%s: name and law must be given", where)
		}
		for _, list := range []struct {
			key   string
			codes []string
		}{{"local", []string{j.Local}}, {"languages", j.Languages}, {"required", j.Required}, {"text_languages", j.TextLanguages}} {
			if len(list.codes) == 0 {
				return fmt.Errorf("%s: %s must be given", where, list.key)
			}
			for _, c := range list.codes {
				if !v.IsLanguage(c) {
					return fmt.Errorf("%s: %s names %q, which is not a language (%s)", where, list.key, c, strings.Join(v.LanguageCodes(), " "))
				}
			}
		}
		for _, l := range j.TextLanguages {
			if lang, _ := v.Language(l); len(lang.Levels) == 0 {
				return fmt.Errorf("%s: text_languages names %q, whose %s has no [[levels]] for the default classification levels", where, l, lang.file)
			}
		}
	}
	return nil
}

// Languages returns the languages in list order.
func (v *Vocab) Languages() []*Language { return slices.Clone(v.langs) }

// LanguageCodes returns the language codes in list order.
func (v *Vocab) LanguageCodes() []string {
	out := make([]string, len(v.langs))
	for i, l := range v.langs {
		out[i] = l.Code
	}
	return out
}

// Language returns the language with code (exact spelling).
func (v *Vocab) Language(code string) (*Language, bool) {
	for _, l := range v.langs {
		if l.Code == code {
			return l, true
		}
	}
	return nil, false
}

// IsLanguage reports whether code is a language of the vocabulary (exact spelling).
func (v *Vocab) IsLanguage(code string) bool { _, ok := v.Language(code); return ok }

// Master returns the code of the language every other is translated from.
func (v *Vocab) Master() string {
	for _, l := range v.langs {
		if l.Master {
			return l.Code
		}
	}
	return "" // validate makes this unreachable
}

// CanonicalLanguage maps a language tag as CAT tools write it (en-US, zh-Hans-CN, DE-de, jpn)
// to a language code; ok is false when it names none. A tag matches a language by its code
// or an alias (ignoring case); a language whose code has no region also takes any tag whose
// first subtag is its code or an alias without a region (en-US is en, but zh-TW is not zh-CN).
func (v *Vocab) CanonicalLanguage(tag string) (string, bool) {
	t := strings.ToLower(strings.ReplaceAll(strings.TrimSpace(tag), "_", "-"))
	if t == "" {
		return "", false
	}
	for _, l := range v.langs {
		if t == strings.ToLower(l.Code) || slices.ContainsFunc(l.Aliases, func(a string) bool { return strings.EqualFold(a, t) }) {
			return l.Code, true
		}
	}
	primary, _, _ := strings.Cut(t, "-")
	for _, l := range v.langs {
		if strings.Contains(l.Code, "-") {
			continue
		}
		if primary == l.Code || slices.ContainsFunc(l.Aliases, func(a string) bool { return !strings.Contains(a, "-") && strings.EqualFold(a, primary) }) {
			return l.Code, true
		}
	}
	return "", false
}

// Documents returns the documents in build order.
func (v *Vocab) Documents() []*Document { return slices.Clone(v.docs) }

// DocumentIDs returns the document IDs in build order.
func (v *Vocab) DocumentIDs() []string {
	out := make([]string, len(v.docs))
	for i, d := range v.docs {
		out[i] = d.ID
	}
	return out
}

// Document returns the document with id.
func (v *Vocab) Document(id string) (*Document, bool) {
	for _, d := range v.docs {
		if d.ID == id {
			return d, true
		}
	}
	return nil, false
}

// IsDocument reports whether id is a document of the vocabulary.
func (v *Vocab) IsDocument(id string) bool { _, ok := v.Document(id); return ok }

// DocumentsWhere returns the IDs of the documents for which keep is true, in build order.
func (v *Vocab) DocumentsWhere(keep func(*Document) bool) []string {
	var out []string
	for _, d := range v.docs {
		if keep(d) {
			out = append(out, d.ID)
		}
	}
	return out
}

// Jurisdictions returns the jurisdictions in list order.
func (v *Vocab) Jurisdictions() []*Jurisdiction { return slices.Clone(v.jurs) }

// JurisdictionCodes returns the jurisdiction codes in list order.
func (v *Vocab) JurisdictionCodes() []string {
	out := make([]string, len(v.jurs))
	for i, j := range v.jurs {
		out[i] = j.Code
	}
	return out
}

// Jurisdiction returns the jurisdiction with code.
func (v *Vocab) Jurisdiction(code string) (*Jurisdiction, bool) {
	for _, j := range v.jurs {
		if j.Code == code {
			return j, true
		}
	}
	return nil, false
}

// IsJurisdiction reports whether code is a jurisdiction of the vocabulary.
func (v *Vocab) IsJurisdiction(code string) bool { _, ok := v.Jurisdiction(code); return ok }

// Sample returns the sample data every jurisdiction's `init` profile shares, read on first use.
func (v *Vocab) Sample() (*SharedSample, error) { return v.sample.load() }
