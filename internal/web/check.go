package web

import (
	"slices"
	"strconv"
	"strings"

	"github.com/tsdraft/tsdraft/internal/law"
	"github.com/tsdraft/tsdraft/internal/profile"
	"github.com/tsdraft/tsdraft/internal/usecase"
)

// checked is a profile as the form sent it: its TOML, the decoded profile (nil when it cannot
// be used) and the problems, each placed at a field of the form where a line leads to one.
type checked struct {
	checked *usecase.Checked // what the use cases draft from
	doc     map[string]any
	langs   []string
	src     []byte
	p       *profile.Profile
	diags   profile.Diagnostics
	byPath  map[string][]diagView
	general []diagView // problems no single field holds
	errors  int
	warns   int
}

// checkDoc writes doc as TOML and runs the checks of `tsdraft check` on it (the same use case)
// for what is built: all documents, or docs, with langs as the drafting languages (nil: the
// profile's).
func checkDoc(env usecase.Env, doc map[string]any, docs, langs []string) *checked {
	fl := formLangs(doc)
	src, lines, bad := writeProfile(doc, fl)
	uc := env.CheckSource("profile.toml", src, nil, law.Build{Docs: docs, Langs: langs})
	c := &checked{checked: uc, doc: doc, langs: fl, src: src, byPath: map[string][]diagView{}}
	p, ds := uc.Profile, uc.Diags
	for path, msg := range bad {
		ds = append(ds, profile.Diagnostic{File: "profile.toml", Level: profile.Error, Message: path + " is not valid TOML: " + msg,
			Hint: `write one value a line, like project = "MS-2026"`})
		c.byPath[path] = append(c.byPath[path], diagView{Error: true, Message: msg})
	}
	c.diags = ds.For(docs).Sorted()
	for _, d := range c.diags {
		v := diagView{Error: d.Level == profile.Error, Message: d.Message, Hint: d.Hint, Docs: strings.Join(d.Docs, ", ")}
		if v.Error {
			c.errors++
		} else {
			c.warns++
		}
		path, ok := lines[d.Line]
		if d.File != "profile.toml" || !ok || path == "" {
			if _, done := bad[strings.SplitN(d.Message, " ", 2)[0]]; !done {
				c.general = append(c.general, v)
			}
			continue
		}
		if !slices.Contains(c.byPath[path], v) {
			c.byPath[path] = append(c.byPath[path], v)
		}
	}
	if !c.diags.HasErrors() {
		c.p = p
	}
	return c
}

// attach puts the problems on the form's nodes.
func (c *checked) attach(nodes []*node) {
	var walk func(n *node)
	walk = func(n *node) {
		n.Diags = c.byPath[n.Path]
		for _, ch := range n.Children {
			walk(ch)
		}
	}
	for _, n := range nodes {
		walk(n)
	}
}

// notInForm lists the values of a profile file that the form has no field for (a key the
// schema does not know, a text in a language tsdraft does not draft in): the form cannot show
// them, so saving would drop them; the user is told so when the file is opened.
func notInForm(doc map[string]any) []string {
	var out []string
	var walk func(v any, path []string)
	walk = func(v any, path []string) {
		if len(path) > 0 {
			f := profile.FieldAt(path)
			if f == nil {
				out = append(out, strings.Join(path, "."))
				return
			}
			if f.Kind == profile.KindAny {
				return
			}
		}
		switch x := v.(type) {
		case map[string]any:
			for k, e := range x {
				walk(e, append(slices.Clone(path), k))
			}
		case []any:
			for i, e := range x {
				walk(e, append(slices.Clone(path), strconv.Itoa(i)))
			}
		}
	}
	walk(doc, nil)
	slices.Sort(out)
	return out
}
