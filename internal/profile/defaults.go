package profile

import "github.com/tsdraft/tsdraft/internal/vocab"

// Defaults per jurisdiction are data: vocab/jurisdictions/<JUR>.toml ([defaults], sourced from
// the legal reference sheet), and the default classification levels are each language's
// [[levels]] in locales/<lang>/language.toml (LR §9.9).

// lt is a text by language, as the vocabulary gives it.
type lt = vocab.Text

// jurOf returns a jurisdiction of the active vocabulary.
func jurOf(jur string) (*vocab.Jurisdiction, bool) { return vocab.Active().Jurisdiction(jur) }

// DefaultLanguages returns the default `languages` of a jurisdiction (nil if unknown).
func DefaultLanguages(jur string) []string {
	if j, ok := jurOf(jur); ok {
		return append([]string(nil), j.Languages...)
	}
	return nil
}

// SampleLanguages returns the languages the defaults and the init sample of a jurisdiction are
// written in (the local language, Japanese, English; EU adds German).
func SampleLanguages(jur string) []string {
	if j, ok := jurOf(jur); ok {
		return append([]string(nil), j.TextLanguages...)
	}
	return nil
}

// pick returns a text table holding the given languages of a full table.
func pick(all map[string]string, langs []string) map[string]any {
	out := map[string]any{}
	for _, l := range langs {
		if s, ok := all[l]; ok {
			out[l] = s
		}
	}
	return out
}

// levelColumn returns level i (0: highest) of the default classification in every language
// that has one: which part of it is field (label, criteria or handling).
func levelColumn(i int, field func(vocab.LevelText) string) lt {
	out := lt{}
	for _, l := range vocab.Active().Languages() {
		if len(l.Levels) > i {
			out[l.Code] = field(l.Levels[i])
		}
	}
	return out
}

func levelLabel(l vocab.LevelText) string    { return l.Label }
func levelCriteria(l vocab.LevelText) string { return l.Criteria }
func levelHandling(l vocab.LevelText) string { return l.Handling }

// defaultLevels is the jurisdiction's three-level commercial set, in its text languages.
func defaultLevels(jur string) []any {
	j, _ := jurOf(jur)
	langs := j.TextLanguages
	var out []any
	for i := range 3 {
		out = append(out, map[string]any{
			"id":       "L" + itoa(i+1),
			"label":    pick(levelColumn(i, levelLabel), langs),
			"criteria": pick(levelColumn(i, levelCriteria), langs),
			"handling": pick(levelColumn(i, levelHandling), langs),
		})
	}
	return out
}

// fillDefaults adds every default the profile does not give, only where the key is absent (an
// invalid value was already reported and dropped, so its default stands in for the later checks).
func fillDefaults(doc map[string]any, jur string) {
	j, known := jurOf(jur)
	if known {
		setDefault(doc, toAnySlice(j.Languages), "languages")
	}
	if langs, ok := doc["languages"].([]any); ok && len(langs) > 0 {
		setDefault(doc, langs[0], "prevailing")
	}
	setDefault(doc, "interleave", "layout")
	setDefault(doc, "L2", "confidential", "document_level")
	setDefault(doc, false, "noncompete", "enabled")
	// A contractual penalty is off unless chosen: practitioners do not always add one, and some
	// laws forbid it (JP 労働基準法第16条). One month's gross salary is the German safe harbour.
	setDefault(doc, false, "remedies", "penalty")
	setDefault(doc, int64(1), "remedies", "penalty_months")
	setDefault(doc, "arbitration", "dispute", "method")
	if !known {
		return
	}
	jd, langs := j.Defaults, j.TextLanguages
	setDefault(doc, defaultLevels(jur), "confidential", "levels")
	setDefault(doc, jd.Currency, "noncompete", "currency")
	// A court chosen for B2B disputes gets a court, never the arbitral default (review B). Where
	// the jurisdiction has no default court wording, ALL-DISPUTE-001 asks for the court by name.
	if m, _ := get(doc, "dispute", "method"); m == "court" && len(jd.Court) > 0 {
		setDefault(doc, pick(jd.Court, langs), "dispute", "institution")
	}
	setDefault(doc, pick(jd.Institution, langs), "dispute", "institution")
	setDefault(doc, pick(jd.Seat, langs), "dispute", "seat")
	setDefault(doc, pick(jd.GoverningLaw, langs), "dispute", "governing_law")
	setDefault(doc, jd.EmployeeMethod, "dispute", "employee", "method")
	setDefault(doc, pick(jd.EmployeeForum, langs), "dispute", "employee", "forum")
	setDefault(doc, int64(jd.Witnesses), "signing", "witnesses")
	if cp, ok := doc["counterparty"].(map[string]any); ok {
		setDefault(cp, false, "mutual")
		setDefault(cp, int64(3), "term_years")
		setDefault(cp, int64(5), "survival_years")
	}
}

func toAnySlice(ss []string) []any {
	out := make([]any, len(ss))
	for i, s := range ss {
		out[i] = s
	}
	return out
}

// setDefault sets v at path unless something is there; it creates missing tables but does not
// go through a value that is not a table.
func setDefault(doc map[string]any, v any, path ...string) {
	m := doc
	for _, seg := range path[:len(path)-1] {
		next, ok := m[seg]
		if !ok {
			nm := map[string]any{}
			m[seg] = nm
			m = nm
			continue
		}
		nm, ok := next.(map[string]any)
		if !ok {
			return
		}
		m = nm
	}
	if _, ok := m[path[len(path)-1]]; !ok {
		m[path[len(path)-1]] = v
	}
}
