package render

import (
	"fmt"
	"maps"
	"slices"

	"github.com/tsdraft/tsdraft/internal/docxtmpl"
	"github.com/tsdraft/tsdraft/internal/profile"
)

// data adds the computed keys of design.md to the profile's data. Values that depend on the
// language are LangText, so one data map serves both languages of a bilingual document.
func (r *Renderer) data(req Request) (map[string]any, error) {
	p := req.Profile
	jur := p.Jurisdiction
	base := req.Data
	if base == nil {
		base = p.Data()
	}
	d := maps.Clone(base)
	text := func(key string) (docxtmpl.LangText, error) {
		lt := docxtmpl.LangText{}
		for _, l := range req.Langs {
			s, err := r.Catalog.Text(l, jur, key)
			if err != nil {
				return nil, err
			}
			lt[l] = s
		}
		return lt, nil
	}
	// A user's own template has no title text in the catalogue: do not look for one (a failed
	// lookup searches every key for a "did you mean", which would dominate a batch).
	var title docxtmpl.LangText
	if IsDocument(req.Doc) {
		var err error
		if title, err = text(req.Doc + ".title"); err != nil {
			return nil, err
		}
	}
	level, label := documentLevel(p, req.Doc)
	doc := map[string]any{"id": req.Doc, "version": DocVersion, "level": level, "label": label,
		"for_employee": slices.Contains(employeeDocs, req.Doc)}
	if title != nil {
		doc["title"] = title
	}
	d["doc"] = doc
	d["draft"] = !req.Final
	d["bilingual"] = len(req.Langs) == 2
	code, name, prev := docxtmpl.LangText{}, docxtmpl.LangText{}, docxtmpl.LangText{}
	for _, l := range req.Langs {
		code[l] = l
		if r.Catalog == nil {
			continue // a user's template that uses no locale text (see Custom.NeedsCatalog)
		}
		s, err := r.Catalog.Text(l, jur, "common.lang_"+l)
		if err != nil {
			return nil, err
		}
		name[l] = s
		pv := p.Prevailing
		if pv == "" {
			pv = req.Langs[0]
		}
		s, err = r.Catalog.Text(l, jur, "common.lang_"+pv)
		if err != nil {
			return nil, err
		}
		prev[l] = s
	}
	d["lang"] = code
	if r.Catalog != nil {
		d["lang_name"], d["prevailing_name"] = name, prev
	}
	// The separate layout writes one file per language; each still carries the language clause,
	// which names both versions (version_1, version_2) and the prevailing one.
	d["separate"] = len(req.pair) == 2 && len(req.Langs) == 1
	if d["separate"] == true && r.Catalog != nil {
		l := req.Langs[0]
		pv := p.Prevailing
		if pv == "" {
			pv = req.pair[0]
		}
		for i, key := range []string{"version_1", "version_2"} {
			s, err := r.Catalog.Text(l, jur, "common.lang_"+req.pair[i])
			if err != nil {
				return nil, err
			}
			d[key] = docxtmpl.LangText{l: s}
		}
		s, err := r.Catalog.Text(l, jur, "common.lang_"+pv)
		if err != nil {
			return nil, err
		}
		d["prevailing_name"] = docxtmpl.LangText{l: s}
	}
	j := map[string]any{}
	for _, c := range profile.Jurisdictions {
		j[c] = c == jur
	}
	d["jur"] = j
	return d, nil
}

// employeeDocs are the documents an employee signs or that bind one: shared texts use
// doc.for_employee to say what only concerns them (the written-form rules of a non-compete).
var employeeDocs = []string{"nda-employee", "labour-clause", "noncompete", "exit-pledge"}

// documentLevel is the classification printed in a document's header: the profile's
// document_level, except the register of secrets, which carries the highest level because it
// lists them all.
func documentLevel(p *profile.Profile, doc string) (string, any) {
	levels := p.Confidential.Levels
	if len(levels) == 0 {
		return "", ""
	}
	id := p.Confidential.DocumentLevel
	if doc == "secret-register" || id == "" {
		id = levels[0].ID
	}
	if lv, ok := p.Confidential.Level(id); ok {
		return id, lv.Label.Value()
	}
	return id, fmt.Sprint(id)
}
