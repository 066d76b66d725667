package profile

import (
	"regexp"
	"strings"
	"sync"

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
	vs := inst.Variants()
	for _, d := range institutionDefaults(vocab.Active()) {
		if out[d.abbrev] == true {
			continue // DE and EU share DIS
		}
		out[d.abbrev] = namesInstitution(vs, d)
	}
	return out
}

// institutionDefault is a jurisdiction's default institution: its abbreviation and its names
// in every language, reduced by normInstitution.
type institutionDefault struct {
	abbrev string
	names  map[string]bool
}

// institutionDefaults are derived once per vocabulary: InstitutionIs runs for every profile's
// data, a batch's every row.
var institutionCache sync.Map // *vocab.Vocab → []institutionDefault

func institutionDefaults(v *vocab.Vocab) []institutionDefault {
	if c, ok := institutionCache.Load(v); ok {
		return c.([]institutionDefault)
	}
	var out []institutionDefault
	for _, j := range v.Jurisdictions() {
		def := j.Defaults.Institution
		ab := abbreviation(def)
		if ab == "" {
			continue
		}
		names := map[string]bool{normInstitution(ab, ab): true}
		for _, s := range def {
			names[normInstitution(s, ab)] = true
		}
		out = append(out, institutionDefault{abbrev: ab, names: names})
	}
	institutionCache.Store(v, out)
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

// namesInstitution reports whether every variant of a name is one of d's names.
func namesInstitution(variants []string, d institutionDefault) bool {
	if len(variants) == 0 {
		return false
	}
	for _, v := range variants {
		if !d.names[normInstitution(v, d.abbrev)] {
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
