package render

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"github.com/tsdraft/tsdraft/internal/catalog"
	"github.com/tsdraft/tsdraft/internal/docx"
	"github.com/tsdraft/tsdraft/internal/docxtmpl"
	"github.com/tsdraft/tsdraft/internal/notes"
	"github.com/tsdraft/tsdraft/internal/profile"
	"github.com/tsdraft/tsdraft/internal/tplgen"
	wx "github.com/tsdraft/tsdraft/internal/wordxml"
)

// FuncNames are the functions templates may call: t "key" (a locale text), article, para and
// item (the next article, paragraph and item label, optionally naming the place) and ref
// "label" (the citation of a named place; numbering.go).
var FuncNames = []string{"t", "article", "para", "item", "ref"}

// DocVersion is the version of the shipped document set, printed in every footer.
const DocVersion = "1.0"

// Renderer drafts documents. It caches parsed templates and is safe for concurrent use.
type Renderer struct {
	Templates    fs.FS    // shipped templates, rooted so that "nda-employee.docx" is a path
	TemplateDirs []string // the user's directories, searched first, file by file
	Catalog      *catalog.Catalog
	Version      string // tsdraft version, for provenance
	// Reference, when set, restyles the shipped templates: their bodies with its styles,
	// numbering, header, footer and page set-up (a firm's own look, --reference FILE).
	Reference *tplgen.Reference

	mu    sync.Mutex
	cache map[string]*cached
}

type cached struct {
	once sync.Once
	tpl  *docxtmpl.Template
	sha  string
	err  error
}

// Request is one document to draft.
type Request struct {
	Doc        string
	Profile    *profile.Profile
	Data       map[string]any // the profile's Data() (read only; batch passes one per person)
	Langs      []string       // one language, or two for a bilingual document
	Layout     string         // interleave, columns or separate (two languages only)
	Final      bool           // drop the draft marking
	ProfileSHA string         // SHA-256 of the profile file, for provenance
	Notes      notes.Mode     // drafting notes: comments, memo (collected) or none ("" = none)

	pair []string // with the separate layout: both languages, so each file names both versions
}

// Output is one file of a drafted document.
type Output struct {
	Langs   []string
	Package *docx.Package
	Notes   []notes.Note // the drafting notes of the document, in order (Request.Notes not none)
}

// FileName is the conventional name: <doc>.<jurisdiction>.<langs>.docx.
func FileName(doc, jur string, langs []string) string {
	return fmt.Sprintf("%s.%s.%s.docx", doc, jur, strings.Join(langs, "+"))
}

// templateBytes finds a template: the user's directories first, then the shipped ones.
func (r *Renderer) templateBytes(doc string) ([]byte, string, error) {
	name := doc + ".docx"
	for _, dir := range r.TemplateDirs {
		p := filepath.Join(dir, name)
		b, err := os.ReadFile(p)
		if err == nil {
			return b, p, nil
		}
		if !errors.Is(err, fs.ErrNotExist) {
			return nil, p, err
		}
	}
	b, err := fs.ReadFile(r.Templates, name)
	if err != nil {
		return nil, name, fmt.Errorf("no template for document %q (tsdraft list documents shows the known ones)", doc)
	}
	return b, "templates/" + name, nil
}

// template returns the compiled template of a document for a language pair and layout.
func (r *Renderer) template(doc string, langs []string, layout string) (*docxtmpl.Template, string, error) {
	key := doc + "|" + strings.Join(langs, "+") + "|" + layout
	r.mu.Lock()
	if r.cache == nil {
		r.cache = map[string]*cached{}
	}
	c := r.cache[key]
	if c == nil {
		c = &cached{}
		r.cache[key] = c
	}
	r.mu.Unlock()
	c.once.Do(func() {
		b, name, err := r.templateBytes(doc)
		if err != nil {
			c.err = err
			return
		}
		pkg, err := docx.Open(name, b)
		if err != nil {
			c.err = err
			return
		}
		if r.Reference != nil {
			if b, err = restyle(r.Reference, pkg, doc); err == nil {
				pkg, err = docx.Open(name, b)
			}
			if err != nil {
				c.err = fmt.Errorf("%s with the reference document: %w", name, err)
				return
			}
		}
		sum := sha256.Sum256(b)
		c.sha = hex.EncodeToString(sum[:])
		if err := prepare(pkg, langs, layout); err != nil {
			c.err = fmt.Errorf("%s: %w", name, err)
			return
		}
		c.tpl, c.err = docxtmpl.Parse(name, pkg, FuncNames)
		if c.err != nil {
			c.err = fmt.Errorf("template %s has errors:\n%w", name, c.err)
		}
	})
	return c.tpl, c.sha, c.err
}

// restyle puts a template's body into the reference document.
func restyle(ref *tplgen.Reference, pkg *docx.Package, doc string) ([]byte, error) {
	body, err := tplgen.BodyOf(pkg)
	if err != nil {
		return nil, err
	}
	return ref.Compose(body, "tsdraft template: "+doc)
}

// prepare sets languages on the template's runs and, for two languages, lays out the
// bilingual document (see layout.go).
func prepare(pkg *docx.Package, langs []string, layout string) error {
	if pkg.Has("word/styles.xml") {
		b, err := pkg.Read("word/styles.xml")
		if err != nil {
			return err
		}
		if nb := ensureLangStyles(b, langs); len(nb) != len(b) {
			pkg.Set("word/styles.xml", nb) // unchanged parts are copied raw into every output
		}
	} else if err := addStylesPart(pkg, langs); err != nil {
		return err
	}
	var lists *ownLists
	if len(langs) == 2 && pkg.Has("word/numbering.xml") {
		styles, _ := pkg.Read("word/styles.xml")
		numbering, err := pkg.Read("word/numbering.xml")
		if err != nil {
			return err
		}
		lists = newOwnLists(styles, numbering)
	}
	for _, part := range pkg.PartsMatching(docxtmpl.TemplateParts) {
		b, err := pkg.Read(part)
		if err != nil {
			return err
		}
		root, err := wx.Parse(b)
		if err != nil {
			return fmt.Errorf("%s: %w", part, err)
		}
		docxtmpl.NormalizeTags(root)
		cont := container(root)
		switch {
		case cont == nil || len(langs) == 1 || strings.HasPrefix(part, "word/footer") || strings.HasPrefix(part, "word/header"):
			// The shipped footers hold only the document ID, version and page numbers, which
			// read the same in both languages. The header carries one classification mark, not
			// one per language (review 2026-12 A.6).
			monolingual(root, langs[0])
		case layout == Columns && strings.HasSuffix(part, "document.xml"):
			columns(cont, langs[0], langs[1], lists)
		default:
			interleave(cont, langs[0], langs[1], lists)
		}
		var sb strings.Builder
		wx.Serialize(&sb, root)
		pkg.Set(part, []byte(sb.String()))
	}
	if lists != nil && len(lists.order) > 0 {
		b, err := pkg.Read("word/numbering.xml")
		if err != nil {
			return err
		}
		pkg.Set("word/numbering.xml", lists.apply(b))
	}
	return nil
}

// Render drafts one document: one output, or one per language with the separate layout.
func (r *Renderer) Render(req Request) ([]Output, error) {
	switch {
	case len(req.Langs) == 2 && req.Layout == Separate:
		var outs []Output
		for _, l := range req.Langs {
			one := req
			one.Langs = []string{l}
			one.pair = req.Langs
			o, err := r.Render(one)
			if err != nil {
				return nil, err
			}
			outs = append(outs, o...)
		}
		return outs, nil
	case len(req.Langs) < 1 || len(req.Langs) > 2:
		return nil, fmt.Errorf("a document has one or two languages, not %d", len(req.Langs))
	}
	// A disabled non-compete is never drafted: the document would bind the employee to what the
	// client chose against (review 2026-12 A.1). The CLI refuses earlier with the setting's place.
	if req.Doc == "noncompete" && !req.Profile.Noncompete.Enabled {
		return nil, fmt.Errorf("noncompete: noncompete.enabled = false, so there is no non-compete to draft; set noncompete.enabled = true or leave the noncompete document out")
	}
	layout := req.Layout
	if len(req.Langs) == 1 {
		layout = ""
	}
	tpl, sha, err := r.template(req.Doc, req.Langs, layout)
	if err != nil {
		return nil, err
	}
	data, err := r.data(req)
	if err != nil {
		return nil, err
	}
	set, err := noteSet(req)
	if err != nil {
		return nil, err
	}
	num := &docxtmpl.Numbering{}
	pkg, err := tpl.Execute(data, r.options(req, set, num))
	if err == nil {
		err = num.Resolve(pkg, r.words(req.Profile.TextJurisdiction()))
	}
	if err == nil && len(req.Langs) == 2 {
		err = mergeNeutralCells(pkg, req.Langs[0], req.Langs[1])
	}
	if err != nil {
		return nil, fmt.Errorf("%s (%s): %w", req.Doc, strings.Join(req.Langs, "+"), err)
	}
	var ns []notes.Note
	if set != nil {
		ns, err = notes.Apply(pkg, set, notes.Options{Comments: req.Notes == notes.Comments, RunProps: commentRunProps})
		if err != nil {
			return nil, fmt.Errorf("%s (%s): %w", req.Doc, strings.Join(req.Langs, "+"), err)
		}
	}
	if err := setProperties(pkg, r.provenance(req, sha)); err != nil {
		return nil, err
	}
	return []Output{{Langs: req.Langs, Package: pkg, Notes: ns}}, nil
}

func (r *Renderer) options(req Request, set *notes.Set, num *docxtmpl.Numbering) docxtmpl.Options {
	jur := req.Profile.TextJurisdiction() // as data(): EU under German law takes the DE texts
	funcs := r.numberFuncs(jur, num)
	return docxtmpl.Options{
		Lang:    req.Langs[0],
		Formats: formats,
		Funcs: map[string]docxtmpl.Func{
			"t": func(c *docxtmpl.Call) (string, error) {
				var key strings.Builder
				for _, a := range c.Args {
					fmt.Fprint(&key, a)
				}
				text, err := r.Catalog.Text(c.Lang(), jur, key.String())
				if err != nil {
					return "", err
				}
				out, err := c.Render(text)
				if err != nil {
					return "", fmt.Errorf("in the %s text of %q: %w", c.Lang(), key.String(), err)
				}
				marks, err := r.noteMarks(set, c, jur, key.String())
				return out + marks, err
			},
			"article": funcs["article"],
			"para":    funcs["para"],
			"item":    funcs["item"],
			"ref":     funcs["ref"],
		},
		Optional: func(path string) bool {
			return profile.FieldAt(strings.Split(path, ".")) != nil
		},
		ReadFile: func(name string) ([]byte, error) { return readBeside(req.Profile.File, name) },
	}
}

// readBeside reads a file a profile names (an image), relative to the profile's folder, at
// most 32 MB: the engine checks what it is.
func readBeside(profileFile, name string) ([]byte, error) {
	if !filepath.IsAbs(name) && profileFile != "" {
		name = filepath.Join(filepath.Dir(profileFile), name)
	}
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return io.ReadAll(io.LimitReader(f, 32<<20))
}
