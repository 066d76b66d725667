package profile

import (
	"regexp"
	"strings"

	"github.com/tsdraft/tsdraft/internal/vocab"
)

// abbrevRe finds an institution's abbreviation in brackets in its default text: "the Japan
// Commercial Arbitration Association (JCAA)", "インドネシア国家仲裁委員会（BANI）".
var abbrevRe = regexp.MustCompile(`[(（]([A-Z]{2,10})[)）]`)

// InstitutionIs tells, for each arbitral institution a jurisdiction of the vocabulary names
// as its default (keyed by the abbreviation its default text gives in brackets: JCAA, BANI,
// CIETAC, TAI, VIAC, LCIA, DIS), whether inst names that institution. The texts use it to
// write what only that institution needs (the JCAA's 商事仲裁規則; BANI identified by the
// address of its head office) without a conditional phrase in the signed text.
//
// The match is strict, because a wrong match prints a wrong institution's rules or address
// (two bodies call themselves BANI): every language of inst must be, apart from case, spaces,
// a leading "the" and the bracketed abbreviation, the default's text in that language or the
// bare abbreviation. Anything else is some other institution, named as written with the
// general wording.
func InstitutionIs(inst Text) map[string]any {
	out := map[string]any{}
	for _, j := range vocab.Active().Jurisdictions() {
		def := j.Defaults.Institution
		ab := abbreviation(def)
		if ab == "" {
			continue
		}
		if out[ab] == true {
			continue // DE and EU share DIS
		}
		out[ab] = namesInstitution(inst, def, ab)
	}
	return out
}

func abbreviation(def vocab.Text) string {
	for _, s := range def {
		if m := abbrevRe.FindStringSubmatch(s); m != nil {
			return m[1]
		}
	}
	return ""
}

func namesInstitution(inst Text, def vocab.Text, ab string) bool {
	vs := inst.Variants()
	if len(vs) == 0 {
		return false
	}
	names := map[string]bool{normInstitution(ab, ab): true}
	for _, s := range def {
		names[normInstitution(s, ab)] = true
	}
	for _, v := range vs {
		if !names[normInstitution(v, ab)] {
			return false
		}
	}
	return true
}

// normInstitution reduces a name to what identifies it: no case, no spaces, no leading "the",
// no bracketed abbreviation (unless the name is the abbreviation alone).
func normInstitution(s, ab string) string {
	s = strings.ToLower(strings.Join(strings.Fields(s), " "))
	s = strings.TrimPrefix(s, "the ")
	a := strings.ToLower(ab)
	for _, br := range []string{"(" + a + ")", "（" + a + "）"} {
		s = strings.ReplaceAll(s, br, "")
	}
	return strings.ReplaceAll(s, " ", "")
}
