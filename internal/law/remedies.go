package law

import (
	"fmt"

	"github.com/tsdraft/tsdraft/internal/profile"
)

// Remedies each law allows (review 2026-12 C; issue 10): a contractual penalty is drafted only
// where the law permits it and tsdraft has a text for it (TH เบี้ยปรับ, VN phạt vi phạm, ID denda,
// DE Vertragsstrafe). Where the law forbids it the profile is refused, never drafted without it:
// a document that silently lacks the penalty the client chose is the worst defect.

func init() {
	for j, rs := range remedyRules {
		tables[j] = append(tables[j], rs...)
	}
}

func penaltyOn(p *profile.Profile) bool { return p.Remedies.Penalty }

// penaltyMonths describes the amount for messages.
func penaltyMonths(p *profile.Profile) string {
	return fmt.Sprintf("remedies.penalty_months = %g", p.Remedies.PenaltyMonths)
}

// Documents in the labour relationship proper (the non-compete is a separate civil agreement in
// VN: LR §4.2).
var labourDocs = []string{"nda-employee", "labour-clause", "exit-pledge"}

var remedyRules = map[string][]Rule{
	"JP": {
		{ID: "JP-REM-001", Jurisdiction: "JP", Level: profile.Error, Docs: profile.EmployeeDocs,
			Source: "労働基準法第16条",
			Hint:   "set remedies.penalty = false; the documents claim the loss actually caused (損害賠償), which Art. 16 does not bar",
			Check: func(p *profile.Profile) []Finding {
				return when(penaltyOn(p), "remedies.penalty",
					"remedies.penalty = true, but an employer may not fix a penalty (違約金) or a pre-estimate of damages for breach of a labour contract")
			}},
	},
	"CN": {
		{ID: "CN-REM-001", Jurisdiction: "CN", Level: profile.Error, Docs: profile.EmployeeDocs,
			Source: "劳动合同法 第23条、第25条",
			Hint:   "set remedies.penalty = false; the CN non-compete carries its 违约金 whenever a non-compete is agreed, and a confidentiality breach is met by damages for actual loss (第90条)",
			Check: func(p *profile.Profile) []Finding {
				return when(penaltyOn(p), "remedies.penalty",
					"remedies.penalty = true would put a 违约金 on the employee's confidentiality duties, but an employer may agree a 违约金 with an employee only for a training service period or a non-compete")
			}},
	},
	"VN": {
		{ID: "VN-REM-001", Jurisdiction: "VN", Level: profile.Warning, Docs: labourDocs,
			Source: "Civil Code 2015 Art. 418; Labour Code 45/2019/QH14 Art. 21(2)",
			Hint:   "keep the phạt vi phạm in the separate non-compete agreement, or have counsel confirm it for the labour documents (see the drafting note)",
			Check: func(p *profile.Profile) []Finding {
				return when(penaltyOn(p), "remedies.penalty",
					"a phạt vi phạm in the documents of the labour relationship: the Labour Code speaks of compensation for breach, and whether a civil-law penalty binds an employee there is unsettled")
			}},
	},
	"DE": {
		// An error unless counsel accepts it: one monthly salary is practice, not a statutory cap.
		{ID: "DE-REM-001", Jurisdiction: "DE", Level: profile.Error, Docs: profile.EmployeeDocs, Overridable: true,
			Source: "§ 307 Abs. 1 S. 1 BGB; BAG 25.9.2008 – 8 AZR 717/07",
			Hint:   "set remedies.penalty_months to 1 or less (less where the notice period is shorter, e.g. during probation)",
			Check: func(p *profile.Profile) []Finding {
				return when(penaltyOn(p) && p.Remedies.PenaltyMonths > 1, "remedies.penalty_months",
					penaltyMonths(p)+" exceeds one gross monthly salary, the amount courts usually accept in pre-formulated employment contracts; a Vertragsstrafe that over-secures the employer is void as a whole, with no reduction to a lawful amount")
			}},
	},
	"UK": {
		{ID: "UK-REM-001", Jurisdiction: "UK", Level: profile.Error, Docs: profile.EmployeeDocs,
			Hint: "set remedies.penalty = false (the documents provide for injunction and damages); a sum payable on breach needs counsel's own drafting",
			Check: func(p *profile.Profile) []Finding {
				return when(penaltyOn(p), "remedies.penalty",
					"remedies.penalty = true, but tsdraft drafts English employee remedies as injunction and damages and has no penalty clause for them: the documents would lack the penalty you chose")
			}},
	},
	"EU": {
		{ID: "EU-REM-001", Jurisdiction: "EU", Level: profile.Error, Docs: profile.EmployeeDocs,
			Hint: "set remedies.penalty = false, or build with jurisdiction DE for a German Vertragsstrafe",
			Check: func(p *profile.Profile) []Finding {
				// Under German law the DE texts draft the documents, with their Vertragsstrafe, and
				// the DE rules (DE-REM-001) bound it.
				return when(penaltyOn(p) && !germanLaw(p), "remedies.penalty",
					"remedies.penalty = true, but the EU texts choose no Member State's penalty rules and draft no penalty clause: the documents would lack the penalty you chose")
			}},
	},
}
