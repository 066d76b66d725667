package render

import (
	"fmt"
	"maps"

	"github.com/tsdraft/tsdraft/internal/docxtmpl"
	"github.com/tsdraft/tsdraft/internal/profile"
	"github.com/tsdraft/tsdraft/internal/vocab"
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
		"for_employee": forEmployee(req.Doc)}
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
	j := map[string]any{}
	for _, c := range vocab.Active().JurisdictionCodes() {
		j[c] = c == jur
	}
	d["jur"] = j
	return d, nil
}

// forEmployee tells whether a document is signed by or binds one employee: shared texts use
// doc.for_employee to say what only concerns them (the written-form rules of a non-compete).
func forEmployee(id string) bool {
	d, ok := vocab.Active().Document(id)
	return ok && d.Employee
}

// documentLevel is the classification printed in a document's header: the profile's
// document_level, except a document whose default level is the highest (the register of
// secrets, which lists them all). The lowest default level of vocab/documents.toml (regulations,
// classification guide) is issue 9's to apply: until then they print document_level.
func documentLevel(p *profile.Profile, doc string) (string, any) {
	levels := p.Confidential.Levels
	if len(levels) == 0 {
		return "", ""
	}
	id := p.Confidential.DocumentLevel
	if d, ok := vocab.Active().Document(doc); ok && d.Level == vocab.LevelHighest || id == "" {
		id = levels[0].ID
	}
	if lv, ok := p.Confidential.Level(id); ok {
		return id, lv.Label.Value()
	}
	return id, fmt.Sprint(id)
}
