package law

import (
	"fmt"
	"slices"
	"strings"

	"github.com/tsdraft/tsdraft/internal/profile"
)

// Helpers over the typed profile, so that each rule reads as its legal test.

func nc(p *profile.Profile) profile.Noncompete { return p.Noncompete }

func ncOn(p *profile.Profile) bool { return p.Noncompete.Enabled }

func monthsOver(p *profile.Profile, limit int) bool { return ncOn(p) && nc(p).Months > limit }

func noRoles(p *profile.Profile) bool { return ncOn(p) && len(nc(p).Roles) == 0 }

// unpaid: no compensation above zero. A compensation value that was refused (out of range) is
// not "unpaid": its own error says what is wrong, and a second one would mislead.
func unpaid(p *profile.Profile) bool {
	return ncOn(p) && !nc(p).Compensated() &&
		!p.Invalid("noncompete.compensation_percent") && !p.Invalid("noncompete.compensation_amount")
}

func percentBelow(p *profile.Profile, floor float64) bool {
	c := nc(p).CompensationPercent
	return ncOn(p) && c != nil && *c > 0 && *c < floor
}

func months(p *profile.Profile) string { return fmt.Sprintf("noncompete.months = %d", nc(p).Months) }

// percent describes the compensation percentage; messages are built before a rule's condition
// is known to hold, so it must work when the percentage is absent.
func percent(p *profile.Profile) string {
	c := nc(p).CompensationPercent
	if c == nil {
		return "noncompete.compensation_percent (absent)"
	}
	return fmt.Sprintf("noncompete.compensation_percent = %s", fmtPct(*c))
}

func fmtPct(f float64) string { return fmt.Sprintf("%g", f) }

// wide reports the reasonableness gaps of a non-compete: no territory or no scope.
func wide(p *profile.Profile, what string) []Finding {
	if !ncOn(p) {
		return nil
	}
	var out []Finding
	if nc(p).Territory.IsZero() {
		out = append(out, Finding{Path: "noncompete.territory", Message: "the non-compete names no territory; " + what})
	}
	if nc(p).Scope.IsZero() {
		out = append(out, Finding{Path: "noncompete.scope", Message: "the non-compete names no restricted activity (scope); " + what})
	}
	return out
}

func lacksLang(p *profile.Profile, lang string) bool { return !slices.Contains(p.Languages, lang) }

// langList names the languages the documents are built in (the build's, see CheckBuild).
func langList(p *profile.Profile) string { return strings.Join(p.Languages, ", ") }

var jp = []Rule{
	{ID: "JP-DISPUTE-001", Jurisdiction: "JP", Level: profile.Error, Docs: profile.EmployeeDocs,
		Source: "仲裁法附則第4条",
		Hint:   `set [dispute.employee] method = "court" with forum = "本店所在地を管轄する地方裁判所"`,
		Check: func(p *profile.Profile) []Finding {
			m := p.Dispute.Employee.Method
			return when(m == "arbitration" || m == "labour-arbitration", "dispute.employee.method",
				fmt.Sprintf("employee documents send disputes to %s, but an arbitration agreement on future individual labour disputes is void in Japan", m))
		}},
	{ID: "JP-NC-001", Jurisdiction: "JP", Level: profile.Warning, Docs: ncDocs,
		Source: "METI 秘密情報の保護ハンドブック 参考資料5",
		Hint:   "one year or less tends to be upheld; shorten the period or record why the longer one is needed",
		Check: func(p *profile.Profile) []Finding {
			return when(monthsOver(p, 12), "noncompete.months",
				months(p)+" exceeds one year; courts increasingly reject restraints of two years")
		}},
	{ID: "JP-NC-002", Jurisdiction: "JP", Level: profile.Warning, Docs: ncDocs,
		Source: "METI 秘密情報の保護ハンドブック 参考資料5; 奈良地判昭和45年10月23日",
		Hint:   "state the 代償措置: noncompete.compensation_percent or compensation_amount",
		Check: func(p *profile.Profile) []Finding {
			return when(unpaid(p), "noncompete.enabled",
				"the non-compete gives no compensation (代償措置), a factor courts weigh against validity")
		}},
	{ID: "JP-NC-003", Jurisdiction: "JP", Level: profile.Warning, Docs: ncDocs,
		Source: "METI 秘密情報の保護ハンドブック 参考資料5",
		Hint:   "list the positions the restraint is limited to in noncompete.roles",
		Check: func(p *profile.Profile) []Finding {
			return when(noRoles(p), "noncompete.enabled",
				"the non-compete is not limited by position (noncompete.roles is empty); blanket coverage of all staff is disfavoured")
		}},
}

var cn = []Rule{
	{ID: "CN-NC-001", Jurisdiction: "CN", Level: profile.Error, Docs: ncDocs,
		Source: "劳动合同法 第24条",
		Hint:   "set noncompete.months to 24 or less",
		Check: func(p *profile.Profile) []Finding {
			return when(monthsOver(p, 24), "noncompete.months", months(p)+" exceeds the statutory maximum of 24 months")
		}},
	{ID: "CN-NC-002", Jurisdiction: "CN", Level: profile.Warning, Docs: ncDocs,
		Source: "劳动合同法 第24条; 最高人民法院劳动争议解释（二）第13条",
		Hint:   "list in noncompete.roles the senior managers, senior technical staff or others bound to confidentiality it covers",
		Check: func(p *profile.Profile) []Finding {
			return when(noRoles(p), "noncompete.enabled",
				"noncompete.roles is empty; a non-compete may bind only senior managers, senior technical staff and others with confidentiality obligations")
		}},
	{ID: "CN-NC-003", Jurisdiction: "CN", Level: profile.Error, Docs: ncDocs,
		Source: "劳动合同法 第23条",
		Hint:   "set noncompete.compensation_percent (at least 30) or compensation_amount, paid monthly after termination",
		Check: func(p *profile.Profile) []Finding {
			return when(unpaid(p), "noncompete.enabled",
				"the non-compete promises no monthly economic compensation for the restraint period")
		}},
	{ID: "CN-NC-004", Jurisdiction: "CN", Level: profile.Warning, Docs: ncDocs,
		Source: "最高人民法院关于审理劳动争议案件适用法律问题的解释（一）法释〔2020〕26号 第36条",
		Hint:   "pay at least 30% of the average monthly wage of the last 12 months, and not less than the local minimum wage",
		Check: func(p *profile.Profile) []Finding {
			return when(percentBelow(p, 30), "noncompete.compensation_percent",
				percent(p)+" is below the 30% of the average monthly wage that a court awards when none was agreed")
		}},
	{ID: "CN-DISPUTE-001", Jurisdiction: "CN", Level: profile.Error, Docs: profile.EmployeeDocs,
		Source: "劳动争议调解仲裁法 第2、5、21条",
		Hint:   `set [dispute.employee] method = "labour-arbitration" with the local 劳动人事争议仲裁委员会 as forum`,
		Check: func(p *profile.Profile) []Finding {
			m := p.Dispute.Employee.Method
			return when(m == "arbitration" || m == "court", "dispute.employee.method",
				fmt.Sprintf("employee documents send disputes to %s; labour disputes go to the labour arbitration committee of the place of performance or of the employer first, and the parties cannot choose another", m))
		}},
}

var th = []Rule{
	{ID: "TH-LANG-001", Jurisdiction: "TH", Level: profile.Error, Docs: []string{"regulations"},
		Source: "Labour Protection Act B.E. 2541 s.108",
		Hint:   `add "th" to languages (e.g. languages = ["th", "ja"])`,
		Check: func(p *profile.Profile) []Finding {
			return when(lacksLang(p, "th"), "languages", "work rules must be issued in Thai, but the documents are built in "+langList(p)+", without th")
		}},
	// An error unless counsel accepts it: the two-year limit is case law, not a statute.
	{ID: "TH-NC-001", Jurisdiction: "TH", Level: profile.Error, Docs: ncDocs, Overridable: true,
		Source: "Unfair Contract Terms Act B.E. 2540 s.5; Supreme Court Judgment No. 3597/2561",
		Hint:   "keep the restraint at two years or less",
		Check: func(p *profile.Profile) []Finding {
			return when(monthsOver(p, 24), "noncompete.months",
				months(p)+" exceeds about 2 years, which Thai courts treat as the upper limit of a fair and reasonable restraint")
		}},
	{ID: "TH-NC-002", Jurisdiction: "TH", Level: profile.Warning, Docs: ncDocs,
		Source: "Unfair Contract Terms Act B.E. 2540 s.5; Labour Protection Act B.E. 2541 s.14/1",
		Hint:   "name the territory and the restricted activity narrowly in noncompete.territory and noncompete.scope",
		Check: func(p *profile.Profile) []Finding {
			return wide(p, "courts enforce a restraint only as far as fair and reasonable in area and scope")
		}},
}

var vn = []Rule{
	{ID: "VN-NC-001", Jurisdiction: "VN", Level: profile.Warning, Docs: ncDocs,
		Source: "Labour Code 45/2019/QH14 Art. 10(1); Constitution 2013 Art. 35",
		Hint:   "keep the restraint short (12 months or less) and sign it as a separate agreement",
		Check: func(p *profile.Profile) []Finding {
			return when(monthsOver(p, 12), "noncompete.months",
				months(p)+" is long for Vietnam, where non-competes are unregulated, courts are split and freedom to choose a job is protected")
		}},
	// Precedent 69/2023/AL is about arbitrability, not consideration: it is not cited here.
	{ID: "VN-NC-002", Jurisdiction: "VN", Level: profile.Warning, Docs: ncDocs,
		Source: "Labour Code 45/2019/QH14 Art. 10(1); Constitution 2013 Art. 35",
		Hint:   "give consideration for the restraint: noncompete.compensation_percent or compensation_amount",
		Check: func(p *profile.Profile) []Finding {
			return when(unpaid(p), "noncompete.enabled",
				"the non-compete gives the employee no consideration, which makes it more likely to be struck down")
		}},
	{ID: "VN-NC-003", Jurisdiction: "VN", Level: profile.Warning, Docs: ncDocs,
		Source: "Labour Code 45/2019/QH14 Art. 10(1)",
		Hint:   "limit the restraint to senior staff in noncompete.roles",
		Check: func(p *profile.Profile) []Finding {
			return when(noRoles(p), "noncompete.enabled", "noncompete.roles is empty; a restraint on all staff is unlikely to hold")
		}},
	{ID: "VN-NC-004", Jurisdiction: "VN", Level: profile.Warning, Docs: ncDocs,
		Source: "Labour Code 45/2019/QH14 Art. 10(1)",
		Hint:   "name the territory and the restricted activity narrowly in noncompete.territory and noncompete.scope",
		Check: func(p *profile.Profile) []Finding {
			return wide(p, "a restraint needs a reasonable duration and scope")
		}},
	// Like DE-LANG-001: a warning, since no statute read for the sheet fixes the language of
	// these documents; the internal rules, though, are notified to staff and registered.
	{ID: "VN-LANG-002", Jurisdiction: "VN", Level: profile.Warning,
		Docs:   append(slices.Clone(profile.EmployeeDocs), "regulations", "classification-guide"),
		Source: "Labour Code 45/2019/QH14 Arts. 118–119 (internal labour rules notified to employees and registered with the provincial labour authority)",
		Hint:   `build the employee documents and the rules with Vietnamese: languages = ["vi", "ja"]`,
		Check: func(p *profile.Profile) []Finding {
			return when(lacksLang(p, "vi"), "languages",
				"the employee documents and the internal rules are built in "+langList(p)+", without Vietnamese; Vietnamese staff must be able to read what binds them, and the rules go to the labour authority for registration")
		}},
	// The partner NDA's arbitration runs in the prevailing language; the text carries no
	// "unless the law requires Vietnamese" proviso (circular when Vietnamese prevails), so the
	// Art. 10 point is checked here and put to counsel in the drafting note.
	{ID: "VN-LANG-001", Jurisdiction: "VN", Level: profile.Warning, Docs: []string{"nda-partner"},
		Source: "Law on Commercial Arbitration 54/2010/QH12 Art. 10",
		Hint:   `name the foreign parent in [parent] if the company is foreign-invested; otherwise set prevailing = "vi" (or have counsel confirm a foreign element)`,
		Check: func(p *profile.Profile) []Finding {
			// A company with a parent abroad ([parent]) is taken as foreign-invested (LR §11.4 [P]).
			foreignInvested := p.HasParent && !p.Parent.Name.IsZero()
			return when(p.Dispute.Method == "arbitration" && p.Prevailing != "vi" && !foreignInvested, "prevailing",
				fmt.Sprintf("the partner NDA's arbitration is conducted in the prevailing language (prevailing = %q), but the profile names no parent company ([parent]) that would make the company a foreign-invested enterprise; a dispute with no foreign element is arbitrated in Vietnamese unless at least one party is a foreign-invested enterprise", p.Prevailing))
		}},
}

var id = []Rule{
	{ID: "ID-LANG-001", Jurisdiction: "ID", Level: profile.Error,
		Source: "UU 24/2009 Art. 31(1)",
		Hint:   `add "id" to languages (e.g. languages = ["id", "ja"])`,
		Check: func(p *profile.Profile) []Finding {
			return when(lacksLang(p, "id"), "languages",
				"agreements involving Indonesian companies or citizens must be in Indonesian, but the documents are built in "+langList(p)+", without id")
		}},
	{ID: "ID-LANG-002", Jurisdiction: "ID", Level: profile.Warning, Docs: []string{"labour-clause"},
		Source: "UU 13/2003 Art. 57",
		Hint:   `set prevailing = "id" for labour contracts`,
		Check: func(p *profile.Profile) []Finding {
			return when(!lacksLang(p, "id") && p.Prevailing != "id", "prevailing",
				fmt.Sprintf("prevailing = %q, but the Indonesian text prevails in a fixed-term labour contract (PKWT)", p.Prevailing))
		}},
	{ID: "ID-NC-001", Jurisdiction: "ID", Level: profile.Warning, Docs: ncDocs,
		Source: "UUD 1945 Art. 27(2), 28D(2); UU 13/2003 Art. 31",
		Hint:   "if a non-compete is used at all, keep it to 6–12 months",
		Check: func(p *profile.Profile) []Finding {
			return when(monthsOver(p, 12), "noncompete.months",
				months(p)+" exceeds 12 months; non-competes are unregulated in Indonesia and their enforceability is doubtful against the right to work")
		}},
	{ID: "ID-NC-002", Jurisdiction: "ID", Level: profile.Warning, Docs: ncDocs,
		Source: "UUD 1945 Art. 27(2), 28D(2); UU 13/2003 Art. 31",
		Hint:   "pay for the restraint: noncompete.compensation_percent or compensation_amount",
		Check: func(p *profile.Profile) []Finding {
			return when(unpaid(p), "noncompete.enabled", "the non-compete is unpaid; an unpaid restraint is the most likely to be struck down")
		}},
	{ID: "ID-NC-003", Jurisdiction: "ID", Level: profile.Warning, Docs: ncDocs,
		Source: "UUD 1945 Art. 27(2), 28D(2); UU 13/2003 Art. 31",
		Hint:   "limit the restraint to senior staff in noncompete.roles",
		Check: func(p *profile.Profile) []Finding {
			return when(noRoles(p), "noncompete.enabled", "noncompete.roles is empty; use a non-compete for senior staff only")
		}},
}

var de = []Rule{
	{ID: "DE-NC-001", Jurisdiction: "DE", Level: profile.Error, Docs: ncDocs,
		Source: "§ 74a Abs. 1 S. 3 HGB, § 110 GewO",
		Hint:   "set noncompete.months to 24 or less",
		Check: func(p *profile.Profile) []Finding {
			return when(monthsOver(p, 24), "noncompete.months", months(p)+" exceeds the statutory maximum of two years")
		}},
	{ID: "DE-NC-002", Jurisdiction: "DE", Level: profile.Error, Docs: ncDocs,
		Source: "§ 74 Abs. 2 HGB, § 110 GewO",
		Hint:   "set noncompete.compensation_percent to at least 50 (Karenzentschädigung of half the last contractual remuneration)",
		Check: func(p *profile.Profile) []Finding {
			n := nc(p)
			if !ncOn(p) {
				return nil
			}
			if n.CompensationPercent != nil && *n.CompensationPercent < 50 {
				return []Finding{{Path: "noncompete.compensation_percent",
					Message: percent(p) + " is below the Karenzentschädigung of at least half the last contractual remuneration; the covenant does not bind"}}
			}
			if n.CompensationPercent == nil && !n.Compensated() {
				return []Finding{{Path: "noncompete.enabled",
					Message: "the non-compete promises no Karenzentschädigung; without it the covenant is void"}}
			}
			return nil
		}},
	{ID: "DE-DISPUTE-001", Jurisdiction: "DE", Level: profile.Error, Docs: profile.EmployeeDocs,
		Source: "§§ 4, 101 ArbGG; § 39 HinSchG",
		Hint:   `set [dispute.employee] method = "court" (the Arbeitsgericht)`,
		Check: func(p *profile.Profile) []Finding {
			m := p.Dispute.Employee.Method
			return when(m == "arbitration" || m == "labour-arbitration", "dispute.employee.method",
				"employee documents choose arbitration; employment disputes belong to the labour courts and arbitration of them is inadmissible")
		}},
}

var uk = []Rule{
	{ID: "UK-NC-001", Jurisdiction: "UK", Level: profile.Warning, Docs: ncDocs,
		Source: "restraint of trade at common law; DBT working paper on non-compete reform, 26 Nov 2025",
		Hint:   "justify the period as reasonably necessary, or use a shorter restraint with non-solicit/non-dealing clauses",
		Check: func(p *profile.Profile) []Finding {
			return when(monthsOver(p, 6), "noncompete.months",
				months(p)+" exceeds 6 months; a restraint must be no longer than reasonably necessary, and caps of 3 or 6 months are under consultation")
		}},
	{ID: "UK-NC-002", Jurisdiction: "UK", Level: profile.Warning, Docs: ncDocs,
		Source: "restraint of trade at common law; Tillman v Egon Zehnder Ltd [2019] UKSC 32",
		Hint:   "name the territory and the restricted activity narrowly in noncompete.territory and noncompete.scope",
		Check: func(p *profile.Profile) []Finding {
			return wide(p, "a covenant wider than reasonably necessary to protect a legitimate business interest is void")
		}},
}

var eu = []Rule{
	{ID: "EU-LAW-001", Jurisdiction: "EU", Level: profile.Error,
		Docs:   []string{"nda-employee", "nda-partner", "labour-clause", "noncompete", "exit-pledge"},
		Source: "Directive (EU) 2016/943 Art. 1(1) (minimum harmonisation); Rome I Art. 8",
		Hint:   "write dispute.governing_law for the Member State you choose (German law: the German rules then apply; or build with jurisdiction DE)",
		Check: func(p *profile.Profile) []Finding {
			return when(!p.Written("dispute.governing_law"), "dispute.governing_law",
				"no Member State's law is named: EU law does not govern a contract, and the drafts would silently use German law")
		}},
	{ID: "EU-NC-001", Jurisdiction: "EU", Level: profile.Warning, Docs: ncDocs,
		Source: "Directive (EU) 2016/943",
		Hint:   "write dispute.governing_law for the Member State whose non-compete limits the drafts must meet",
		Check: func(p *profile.Profile) []Finding {
			return when(ncOn(p) && !p.Written("dispute.governing_law"), "noncompete.enabled",
				"a non-compete is governed by national law only, and no Member State's law is named")
		}},
}
