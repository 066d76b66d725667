package render

import (
	"fmt"
	"maps"
	"slices"
	"time"

	"github.com/tsdraft/tsdraft/internal/docxtmpl"
	"github.com/tsdraft/tsdraft/internal/profile"
	"github.com/tsdraft/tsdraft/internal/vocab"
)

// data adds the computed keys of design.md to the profile's data. Values that depend on the
// language are LangText, so one data map serves both languages of a bilingual document.
func (r *Renderer) data(req Request) (map[string]any, error) {
	p := req.Profile
	jur := p.TextJurisdiction() // an EU profile under German law is drafted with the DE texts
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
	// Each document has its own date (documents.<doc>.date, or the default of its type), read
	// from the data so that a batch row's hire and exit dates count.
	if dt := documentDate(req.Doc, d); !dt.IsZero() {
		d["date"] = dt
	}
	equivalentLabels(d, jur, req.Langs)
	d["tier"] = tiers(d)
	level, label, mark := documentLevel(p, d, req.Doc, req.Langs)
	doc := map[string]any{"id": req.Doc, "version": DocVersion, "level": level, "label": label, "mark": mark,
		"copy_ban": copyBan(p, level), "for_employee": forEmployee(req.Doc),
		// One person signs: the exit pledge, and the Japanese entry pledge (誓約書); their
		// execution clause speaks of that person only (review 2026-12 A.13).
		"one_signer": req.Doc == "exit-pledge" || req.Doc == "nda-employee" && jur == "JP",
		// after_hire: signed more than a month after hiring, so not "on joining"; English texts
		// then state the fresh consideration (uk.consideration_amount) instead of the employment.
		"after_hire": profile.AfterHire(documentDate(req.Doc, d), timeAt(d, "employee", "hire_date")),
		// The employee speaks in the first person (私は, I, ich …): the pledges, except the CN entry
		// NDA, which is a two-party 保密协议. Shared texts (law.penalty) pick their subject by it.
		"pledge": req.Doc == "exit-pledge" || req.Doc == "nda-employee" && jur != "CN"}
	if title != nil {
		doc["title"] = title
	}
	// Shared texts name the document they are in as it defines itself (本契約, 本誓約書, these
	// Clauses …; review 2026-12 A.10): doc.self, doc.self_start, doc.self_acc. A user's own
	// template gets the neutral 本書 / this document.
	if r.Catalog != nil {
		file := "common"
		if IsDocument(req.Doc) {
			file = req.Doc
		}
		for _, form := range []string{"self", "self_start", "self_acc"} {
			lt, err := text(file + "." + form)
			if err != nil {
				return nil, err
			}
			doc[form] = lt
		}
		// The footer's "page X of Y", in the first language like the rest of the footer.
		s, err := r.Catalog.Text(req.Langs[0], jur, "common.footer_page")
		if err != nil {
			return nil, err
		}
		if doc["page_of"], err = newPageOf(req.Langs[0], s); err != nil {
			return nil, err
		}
	}
	// The company's own number for this document ([documents.<doc>] id, in the footer); none
	// printed when not given.
	doc["number"], _ = get(d, "documents", req.Doc, "id").(string)
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
	// A bilingual document names both versions (version_1, version_2) in each language, so a
	// language clause can say which two languages it is made in (ID: «bahasa Indonesia dan
	// bahasa Jepang», not «satu bahasa lain»). The separate layout sets them below per file.
	if len(req.Langs) == 2 && r.Catalog != nil {
		for i, key := range []string{"version_1", "version_2"} {
			lt := docxtmpl.LangText{}
			for _, l := range req.Langs {
				s, err := r.Catalog.Text(l, jur, "common.lang_"+req.Langs[i])
				if err != nil {
					return nil, err
				}
				lt[l] = s
			}
			d[key] = lt
		}
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

// documentLevel is the classification of a document (profile.DocLevel: per document, or by
// type): its id, its label as the text prints it (a text per language), and the mark for the
// header, in one language only: the local label in CN, TH, VN and ID (staff are trained on
// 核心商密, not on 極秘; review 2026-12 A.6), else the label in the build's first language.
func documentLevel(p *profile.Profile, d map[string]any, doc string, langs []string) (string, any, string) {
	id := p.DocLevel(doc)
	if id == "" {
		return "", "", ""
	}
	levels, _ := get(d, "confidential", "levels").([]any)
	for _, lv := range levels {
		m, _ := lv.(map[string]any)
		if m == nil || m["id"] != id {
			continue
		}
		label := m["label"]
		mark := fmt.Sprint(label)
		if lt, ok := label.(docxtmpl.LangText); ok {
			mark = lt[langs[0]]
			if lp, ok := p.Confidential.Level(id); ok {
				if s, ok := lp.Label.In(localLang(p.Jurisdiction)); ok && s != "" && localLang(p.Jurisdiction) != "" {
					mark = s
				} else if s, ok := lp.Label.In(langs[0]); ok {
					mark = s
				}
			}
		}
		return id, label, mark
	}
	return id, id, id
}

// copyBan tells whether the footer of a document at level id carries the copy notice
// (common.footer_copy) or the level's label alone. The classification guide's handling matrix
// forbids copying at the highest level and limits it at intermediate ones, but permits it at the
// lowest of two or more levels (copy_lowest: 社外秘 / Internal, where the regulations and the
// guide itself sit): a copy ban there would contradict the guide. A document without a level,
// or a one-level set, keeps the notice.
func copyBan(p *profile.Profile, id string) bool {
	levels := p.Confidential.Levels
	if id == "" || len(levels) < 2 {
		return true
	}
	return id != levels[len(levels)-1].ID
}

// localLang is the language of the jurisdictions whose staff are not Japanese readers and whose
// labels a Japanese text must name in the original ("" elsewhere).
func localLang(jur string) string {
	if j, ok := vocab.Active().Jurisdiction(jur); ok && j.LocalLabels {
		return j.Local
	}
	return ""
}

// equivalentLabels rewrites, in the Japanese text of a CN/TH/VN/ID document, each level's label
// as the local label with its Japanese equivalent: 核心商密（極秘に相当）. The marking staff see is
// the local one; a bare 秘 in China sits close to the state grade 秘密. The data map is shared
// (batch rows), so the changed parts are copied.
func equivalentLabels(d map[string]any, jur string, langs []string) {
	local := localLang(jur)
	if local == "" || !slices.Contains(langs, "ja") {
		return
	}
	conf, _ := d["confidential"].(map[string]any)
	levels, _ := conf["levels"].([]any)
	if len(levels) == 0 {
		return
	}
	out := make([]any, len(levels))
	for i, lv := range levels {
		out[i] = lv
		m, _ := lv.(map[string]any)
		lt, _ := m["label"].(docxtmpl.LangText)
		if lt == nil || lt["ja"] == "" || lt[local] == "" || lt["ja"] == lt[local] {
			continue
		}
		nm := maps.Clone(m)
		nl := maps.Clone(lt)
		nl["ja"] = lt[local] + "（" + lt["ja"] + "に相当）"
		nm["label"] = nl
		out[i] = nm
	}
	nc := maps.Clone(conf)
	nc["levels"] = out
	d["confidential"] = nc
}

// tiers names the classification levels by rank, for texts that size a duty by level (the
// post-employment duty: the two highest levels where a catch-all clause is void; issue 10):
// tier.top, tier.second and tier.lowest are the labels as the texts print them (after
// equivalentLabels), tier.three is whether a level lies below the two highest. With one level
// it is every tier.
func tiers(d map[string]any) map[string]any {
	levels, _ := get(d, "confidential", "levels").([]any)
	label := func(i int) any {
		m, _ := levels[i].(map[string]any)
		return m["label"]
	}
	out := map[string]any{"three": len(levels) > 2}
	if len(levels) == 0 {
		return out
	}
	out["top"], out["second"], out["lowest"] = label(0), label(min(1, len(levels)-1)), label(len(levels)-1)
	return out
}

// documentDate applies profile.DocumentDate to the values in the data.
func documentDate(doc string, d map[string]any) time.Time {
	t := func(path ...string) time.Time {
		v, _ := get(d, path...).(time.Time)
		return v
	}
	return profile.DocumentDate(doc, t("date"), t("employee", "hire_date"), t("employee", "exit_date"), t("documents", doc, "date"))
}

// timeAt reads a date at a path of nested maps (zero when absent).
func timeAt(d map[string]any, path ...string) time.Time {
	t, _ := get(d, path...).(time.Time)
	return t
}

// get reads a value at a path of nested maps.
func get(d map[string]any, path ...string) any {
	var v any = d
	for _, k := range path {
		m, ok := v.(map[string]any)
		if !ok {
			return nil
		}
		v = m[k]
	}
	return v
}
