package law

import (
	"fmt"
	"time"

	"github.com/tsdraft/tsdraft/internal/profile"
)

// Rules for the English, German and EU findings of the practitioner review (2026-12, section C):
// the UK-only terms of [uk], fresh consideration under English law, the German employee forum
// (§ 38 ZPO) and EU profiles under a Member State's law tsdraft has no module for.

func init() {
	common = append(common, westCommon...)
	tables["UK"] = append(tables["UK"], westUK...)
	tables["DE"] = append(tables["DE"], westDE...)
	tables["EU"] = append(tables["EU"], westEU...)
}

var westCommon = []Rule{
	{
		ID: "ALL-UK-001", Level: profile.Error,
		Docs:   []string{"nda-employee", "labour-clause", "noncompete"},
		Source: "[uk] holds terms of English employment law (garden leave, fresh consideration)",
		Hint:   "remove the [uk] table, or set jurisdiction = \"UK\"",
		Check: func(p *profile.Profile) []Finding {
			if p.Jurisdiction == "UK" {
				return nil
			}
			u := p.UK
			switch {
			case u.GardenLeaveMonths > 0:
				return ukOnly(p, "uk.garden_leave_months")
			case u.ConsiderationAmount != nil && *u.ConsiderationAmount > 0:
				return ukOnly(p, "uk.consideration_amount")
			}
			return nil
		},
	},
}

func ukOnly(p *profile.Profile, key string) []Finding {
	return []Finding{{Path: key, Message: fmt.Sprintf("%s is set, but the documents of jurisdiction %s do not draft it: it would be silently left out", key, p.Jurisdiction)}}
}

// consideredDocs are the UK documents an employee agrees to that state their consideration.
var consideredDocs = []string{"nda-employee", "labour-clause", "noncompete"}

var westUK = []Rule{
	{
		ID: "UK-CONSID-001", Jurisdiction: "UK", Level: profile.Warning, Docs: consideredDocs,
		Source: "consideration at common law; terms added during employment need fresh consideration (legal reference §8.3, to be confirmed by counsel)",
		Hint:   "set [uk] consideration_amount (a payment in GBP for agreeing to the terms), or have counsel execute the document as a deed",
		Check: func(p *profile.Profile) []Finding {
			if p.UK.ConsiderationAmount != nil && *p.UK.ConsiderationAmount > 0 {
				return nil
			}
			var out []Finding
			for _, doc := range consideredDocs {
				if doc == "noncompete" && !ncOn(p) {
					continue
				}
				if d := p.DocDate(doc); profile.AfterHire(d, p.Employee.HireDate) {
					out = append(out, Finding{Path: "uk.consideration_amount", Message: fmt.Sprintf(
						"%s is dated %s, more than a month after employee.hire_date (%s), and no payment is offered for it: the draft can only state continued employment as the consideration, which may not support terms agreed during employment",
						doc, d.Format(time.DateOnly), p.Employee.HireDate.Format(time.DateOnly))})
				}
			}
			return out
		},
	},
}

// statutoryForumWords mark a forum that describes the courts the law gives the employee
// instead of agreeing one.
var statutoryForumWords = []string{"gesetzlich", "by law", "statutory", "法律の定め", "法令", "法定"}

var westDE = []Rule{
	{
		// Not overridable: the German texts never print a venue, so accepting the rule would
		// leave the forum silently out.
		ID: "DE-DISPUTE-002", Jurisdiction: "DE", Level: profile.Error, Docs: profile.EmployeeDocs,
		Source: "§ 38 ZPO; § 48 Abs. 1a ArbGG",
		Hint:   "remove forum from [dispute.employee] (the documents name the labour courts having jurisdiction by law)",
		Check: func(p *profile.Profile) []Finding {
			f := p.Dispute.Employee.Forum
			if !p.Written("dispute.employee.forum") || f.IsZero() || anyVariant(f, statutoryForumWords) {
				return nil
			}
			return []Finding{{Path: "dispute.employee.forum", Message: fmt.Sprintf(
				"dispute.employee.forum (%s) agrees a court with the employee before any dispute; such an agreement does not bind an employee, who may sue where he usually works, so the German documents agree no venue and do not print it",
				f.String())}}
		},
	},
}

var westEU = []Rule{
	{
		// The language versions of one clause must state one law: otherwise the German module
		// would draft a document whose other version names another law (audit 2026-12-05).
		ID: "EU-LAW-003", Jurisdiction: "EU", Level: profile.Error,
		Source: "Regulation (EC) 593/2008 (Rome I) Arts. 3, 8",
		Hint:   "write the same law in every language of dispute.governing_law",
		Check: func(p *profile.Profile) []Finding {
			if !p.GermanLawMixed() {
				return nil
			}
			return []Finding{{Path: "dispute.governing_law", Message: fmt.Sprintf(
				"dispute.governing_law names German law in some languages and not in others (%s): the language versions would state different laws",
				p.Dispute.GoverningLaw.String())}}
		},
	},
	{
		ID: "EU-LAW-002", Jurisdiction: "EU", Level: profile.Error, Docs: profile.EmployeeDocs,
		Source: "Directive (EU) 2016/943 Art. 1(3); Rome I Art. 8; Regulation (EU) 1215/2012 Arts. 20–23",
		Hint:   "have counsel of that Member State draft the employee documents; for an employee working in Germany, name German law or write the profile with jurisdiction = \"DE\"",
		Check: func(p *profile.Profile) []Finding {
			if !p.Written("dispute.governing_law") || p.GermanLaw() {
				return nil
			}
			return []Finding{{Path: "dispute.governing_law", Message: fmt.Sprintf(
				"dispute.governing_law (%s) names a Member State's law tsdraft has no module for; the employee documents would state a non-compete, employee liability and courts under no particular law, so they are not drafted (German law is the one Member State module)",
				p.Dispute.GoverningLaw.String())}}
		},
	},
}
