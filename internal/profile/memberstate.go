package profile

import (
	"strings"
	"time"
)

// germanLawWords name German law in the languages a profile is written in.
var germanLawWords = []string{"german", "deutsch", "ドイツ", "德国", "德國", "bundesrepublik"}

// GermanLaw reports whether an EU profile names German law in dispute.governing_law. Directive
// (EU) 2016/943 leaves contract and employment law to the Member States, so the German module
// (its rules and its texts) then governs the drafts (review 2026-12 C, EU).
//
// Every language version must name German law: a profile whose de text says German law and
// whose ja text says Irish law is not "under German law" (GermanLawMixed reports it, and the
// law rule EU-LAW-003 refuses it), rather than being drafted in German with a Japanese version
// naming another law.
func (p *Profile) GermanLaw() bool {
	some, all := p.germanLawVersions()
	return some && all
}

// GermanLawMixed reports an EU profile whose dispute.governing_law names German law in some
// language versions and not in others.
func (p *Profile) GermanLawMixed() bool {
	some, all := p.germanLawVersions()
	return some && !all
}

func (p *Profile) germanLawVersions() (some, all bool) {
	if p == nil || p.Jurisdiction != "EU" || !p.Written("dispute.governing_law") {
		return false, false
	}
	vs := p.Dispute.GoverningLaw.Variants()
	all = len(vs) > 0
	for _, v := range vs {
		if namesGermanLaw(v) {
			some = true
		} else {
			all = false
		}
	}
	return some, all
}

func namesGermanLaw(v string) bool {
	l := strings.ToLower(v)
	for _, w := range germanLawWords {
		if strings.Contains(l, w) {
			return true
		}
	}
	return false
}

// TextJurisdiction is the jurisdiction whose texts and templates' jurisdiction flags draft the
// documents: the profile's own, except an EU profile under German law, which is drafted with the
// German texts (GeschGehG § 2 Nr. 1 with its "berechtigtes Interesse", the HinSchG § 39 and
// GeschGehG § 5 carve-out, §§ 74 ff. HGB, the labour courts) instead of the neutral EU ones.
func (p *Profile) TextJurisdiction() string {
	if p.GermanLaw() {
		return "DE"
	}
	return p.Jurisdiction
}

// AfterHire reports whether a document dated docDate is signed more than a month after the
// employee was hired: terms agreed then are not given "on joining" (the threshold of
// PROFILE-DATE-PLEDGE), and English law asks for fresh consideration.
func AfterHire(docDate, hire time.Time) bool {
	return !docDate.IsZero() && !hire.IsZero() && docDate.After(hire.AddDate(0, 1, 0))
}
