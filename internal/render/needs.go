package render

import (
	"fmt"
	"io/fs"
	"slices"
	"strings"
	"sync"

	tsdraft "github.com/tsdraft/tsdraft"
	"github.com/tsdraft/tsdraft/internal/catalog"
	"github.com/tsdraft/tsdraft/internal/docxtmpl"
	"github.com/tsdraft/tsdraft/internal/profile"
	"github.com/tsdraft/tsdraft/internal/vocab"
)

// The fields a document requires are read from its template, not listed by hand: every value
// tag names a profile key, and so does every tag of the locale texts the template pulls with
// `t`. A key printed inside {{#if}} / {{#unless}} is needed only when the condition holds; a
// key in an {{#if}} condition is not printed; a key with `| default` is printed when present
// (Optional: not required, but its texts must have the document's languages).

func init() { profile.ShippedNeeds = shippedNeeds }

// Needs returns the profile keys the documents print, for a jurisdiction and languages (nil:
// the master language), from their compiled templates and the renderer's locale texts.
func (r *Renderer) Needs(docs []string, jur string, langs []string) ([]profile.Need, error) {
	langs = knownLangs(langs)
	// The template compiled for the first language is the one the build then uses (cached).
	return r.needs(docs, jur, langs, langs[0], r.Catalog)
}

// needs reads the templates as compiled for tplLang: the tags do not depend on the language the
// runs are marked with, so one compilation serves every language set.
func (r *Renderer) needs(docs []string, jur string, langs []string, tplLang string, cat *catalog.Catalog) ([]profile.Need, error) {
	if !vocab.Active().IsJurisdiction(jur) {
		jur = ""
	}
	var out []profile.Need
	for _, doc := range docs {
		if !IsDocument(doc) {
			continue
		}
		tpl, _, err := r.template(doc, []string{tplLang}, Interleave)
		if err != nil {
			return nil, err
		}
		w := &needWalker{cat: cat, doc: doc, jur: jur, langs: langs, inText: map[string]bool{}}
		part := ""
		for _, ti := range tpl.Tags() {
			if ti.Part != part {
				part, w.stack = ti.Part, nil
			}
			if err := w.tag(ti.Tag); err != nil {
				return nil, fmt.Errorf("%s (%s): %w", doc, ti.Part, err)
			}
		}
		out = append(out, w.needs...)
	}
	return dedupe(out), nil
}

// dedupe drops repeated needs (the same text walked in each language, a key printed twice in
// the same blocks), keeping the first of each.
func dedupe(needs []profile.Need) []profile.Need {
	seen := map[string]bool{}
	out := needs[:0]
	for _, n := range needs {
		key := fmt.Sprint(n.Path, n.Doc, n.Guards, n.Each, n.Optional)
		if !seen[key] {
			seen[key] = true
			out = append(out, n)
		}
	}
	return out
}

// knownLangs keeps the languages of the vocabulary (a profile's bad codes are reported apart).
func knownLangs(langs []string) []string {
	var out []string
	for _, l := range langs {
		if vocab.Active().IsLanguage(l) && !slices.Contains(out, l) {
			out = append(out, l)
		}
	}
	if len(out) == 0 {
		out = []string{catalog.Master}
	}
	return out
}

type needFrame struct {
	guard *profile.Guard // an {{#if}} / {{#unless}}; nil for {{#each}} and {{#lang}}
	each  string         // the list of an {{#each}}, as an absolute path
	kind  docxtmpl.TagKind
}

// needWalker follows the block structure of one document's tags in order.
type needWalker struct {
	cat    *catalog.Catalog // the texts `t` pulls; nil: a template that pulls none
	doc    string
	jur    string
	langs  []string
	stack  []needFrame
	needs  []profile.Need
	inText map[string]bool // locale keys being walked (a text that pulls itself ends there)
}

var funcSet = func() map[string]bool {
	m := map[string]bool{}
	for _, f := range FuncNames {
		m[f] = true
	}
	return m
}()

func (w *needWalker) tag(raw string) error {
	inner := strings.TrimSuffix(strings.TrimPrefix(raw, "{{"), "}}")
	t, err := docxtmpl.ParseTag(inner, funcSet)
	if err != nil {
		return err // not reached for a compiled template; a locale text's bad tag is reported by locale check
	}
	switch t.Kind {
	case docxtmpl.TagIf, docxtmpl.TagUnless:
		g := &profile.Guard{Not: t.Kind == docxtmpl.TagUnless, Unknown: true}
		if t.Pipe != nil && t.Pipe.Head.Kind == docxtmpl.ExprPath && len(t.Pipe.Filters) == 0 {
			if p := w.resolve(t.Pipe.Head.Path); p != "" {
				g.Path, g.Unknown = p, false
			}
		}
		w.stack = append(w.stack, needFrame{guard: g, kind: t.Kind})
	case docxtmpl.TagEach:
		p := ""
		if t.Pipe != nil && t.Pipe.Head.Kind == docxtmpl.ExprPath {
			p = w.resolve(t.Pipe.Head.Path)
			w.need(p, true, false)
		}
		w.stack = append(w.stack, needFrame{each: p, kind: t.Kind})
	case docxtmpl.TagLang:
		w.stack = append(w.stack, needFrame{kind: t.Kind})
	case docxtmpl.TagElse:
		if n := len(w.stack); n > 0 {
			top := &w.stack[n-1]
			switch {
			case top.guard != nil:
				g := *top.guard
				g.Not = !g.Not
				top.guard = &g
			case top.kind == docxtmpl.TagEach:
				// {{else}} of a list: printed when the list is empty, which the profile may be.
				top.guard, top.each = &profile.Guard{Unknown: true}, ""
			}
		}
	case docxtmpl.TagEndIf, docxtmpl.TagEndUnless, docxtmpl.TagEndEach, docxtmpl.TagEndLang:
		if n := len(w.stack); n > 0 {
			w.stack = w.stack[:n-1]
		}
	case docxtmpl.TagValue:
		if t.Pipe == nil {
			return nil
		}
		optional := slices.ContainsFunc(t.Pipe.Filters, func(f docxtmpl.Filter) bool { return f.Name == "default" })
		if err := w.expr(t.Pipe.Head, optional); err != nil {
			return err
		}
		for _, f := range t.Pipe.Filters {
			for _, a := range f.Args {
				if err := w.expr(a, true); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

func (w *needWalker) expr(e docxtmpl.Expr, optional bool) error {
	switch e.Kind {
	case docxtmpl.ExprPath:
		w.need(w.resolve(e.Path), false, optional)
	case docxtmpl.ExprCall:
		key, literal := "", true
		for _, a := range e.Args {
			if a.Kind != docxtmpl.ExprString {
				literal = false
				if err := w.expr(a, optional); err != nil {
					return err
				}
				continue
			}
			key += a.Str
		}
		if e.Fn == "t" && literal {
			return w.text(key)
		}
	}
	return nil
}

// text walks the tags of a locale text in every language being built: its keys are needed in
// the same blocks as the `t` tag that pulls it.
func (w *needWalker) text(key string) error {
	if w.cat == nil || w.inText[key] {
		return nil
	}
	w.inText[key] = true
	defer delete(w.inText, key)
	for _, lang := range w.langs {
		if !w.cat.Has(lang, w.jur, key) {
			continue // the renderer reports a missing text with its own words
		}
		s, err := w.cat.Text(lang, w.jur, key)
		if err != nil {
			continue
		}
		depth := len(w.stack)
		for _, span := range docxtmpl.FindTags(s) {
			if err := w.tag(s[span.Start:span.End]); err != nil {
				return fmt.Errorf("text %s (%s): %w", key, lang, err)
			}
		}
		w.stack = w.stack[:min(depth, len(w.stack))] // a text's blocks close inside it
	}
	return nil
}

// resolve turns a tag path into an absolute profile path: .name inside {{#each a.b}} is
// a.b.*.name. It returns "" for what no profile holds (@index, . outside a list).
func (w *needWalker) resolve(p string) string {
	if !strings.HasPrefix(p, ".") {
		if strings.HasPrefix(p, "@") {
			return ""
		}
		return p
	}
	list := ""
	for i := len(w.stack) - 1; i >= 0; i-- {
		if w.stack[i].kind == docxtmpl.TagEach {
			list = w.stack[i].each
			break
		}
	}
	if list == "" {
		return ""
	}
	if p == "." {
		return list + ".*"
	}
	return list + ".*" + p
}

// need records a profile key under the guards of the open blocks; keys the profile does not
// hold (computed ones such as doc.title or lang) are the renderer's, not the profile's.
func (w *needWalker) need(path string, each, optional bool) {
	if path == "" || profile.FieldAt(strings.Split(strings.ReplaceAll(path, "*", "0"), ".")) == nil {
		return
	}
	var guards []profile.Guard
	for _, f := range w.stack {
		if f.guard != nil {
			guards = append(guards, *f.guard)
		}
	}
	w.needs = append(w.needs, profile.Need{Path: path, Doc: w.doc, Guards: guards, Each: each, Optional: optional})
}

// The shipped templates' needs are cached per document, jurisdiction and languages; the
// templates are compiled once, the texts loaded once per language set: a batch checks every row
// against the same few combinations, the tests against many.
var (
	shipped       sync.Map // doc|jur|langs → *onceNeeds
	shippedTexts  sync.Map // langs → *onceNeeds (catalogue only)
	shippedOnce   sync.Once
	shippedR      *Renderer
	shippedRError error
)

type onceNeeds struct {
	once  sync.Once
	needs []profile.Need
	cat   *catalog.Catalog
	err   error
}

// shippedRenderer returns a renderer over the embedded templates (texts come per language set).
func shippedRenderer() (*Renderer, error) {
	shippedOnce.Do(func() {
		tfs, err := fs.Sub(tsdraft.Templates, "templates")
		shippedR, shippedRError = &Renderer{Templates: tfs}, err
	})
	return shippedR, shippedRError
}

// shippedCatalog returns the embedded texts of langs.
func shippedCatalog(langs []string) (*catalog.Catalog, error) {
	v, _ := shippedTexts.LoadOrStore(strings.Join(langs, ","), &onceNeeds{})
	e := v.(*onceNeeds)
	e.once.Do(func() {
		lfs, err := fs.Sub(tsdraft.Locales, "locales")
		if err != nil {
			e.err = err
			return
		}
		e.cat, e.err = catalog.LoadLangs(lfs, langs)
	})
	return e.cat, e.err
}

// shippedNeeds derives the needs of the shipped templates and texts (profile.ShippedNeeds).
func shippedNeeds(docs []string, jur string, langs []string) ([]profile.Need, error) {
	var known []string
	for _, l := range langs {
		if vocab.Builtin().IsLanguage(l) {
			known = append(known, l)
		}
	}
	known = knownLangs(known)
	if !vocab.Builtin().IsJurisdiction(jur) {
		jur = ""
	}
	var out []profile.Need
	for _, doc := range docs {
		if !vocab.Builtin().IsDocument(doc) {
			// Not a shipped document (a user's own template, "custom-template"): its needs
			// come from that template, and the shipped texts need not be read at all.
			continue
		}
		v, _ := shipped.LoadOrStore(doc+"|"+jur+"|"+strings.Join(known, ","), &onceNeeds{})
		e := v.(*onceNeeds)
		e.once.Do(func() {
			r, err := shippedRenderer()
			if err != nil {
				e.err = err
				return
			}
			cat, err := shippedCatalog(known)
			if err != nil {
				e.err = err
				return
			}
			e.needs, e.err = r.needs([]string{doc}, jur, known, catalog.Master, cat)
		})
		if e.err != nil {
			return nil, e.err
		}
		out = append(out, e.needs...)
	}
	return out, nil
}
