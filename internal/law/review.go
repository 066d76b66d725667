package law

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/tsdraft/tsdraft/internal/profile"
	"github.com/tsdraft/tsdraft/internal/vocab"
)

// The rules a practitioner review found missing (shared/reviews/practitioner-review-2026-12.md,
// section B): forums, employee arbitration, foreign law between two PRC parties, compensation,
// thresholds, scope, the register's own rules and the language of German employees. Each rests
// on a fact the legal reference sheet marks verified or partly verified (LR §…).

func init() {
	common = append(common, commonReview...)
	for j, rs := range jurReview {
		tables[j] = append(tables[j], rs...)
	}
}

// anyVariant reports whether any language's text of t contains one of the words (case-folded).
func anyVariant(t profile.Text, words []string) bool {
	for _, v := range t.Variants() {
		l := strings.ToLower(v)
		for _, w := range words {
			if strings.Contains(l, strings.ToLower(w)) {
				return true
			}
		}
	}
	return false
}

// arbitralMarks are names and words that identify an arbitral institution, in every language.
var arbitralMarks = []string{"仲裁", "arbitra", "schieds", "อนุญาโตตุลาการ", "trọng tài", "jcaa", "cietac",
	"shiac", "viac", "bani", "lcia", "siac", "hkiac", "icc", "thac", "tai)", "(tai", "dis)", "(dis"}

func isArbitral(t profile.Text) bool { return anyVariant(t, arbitralMarks) }

// germanLaw: an EU profile that chooses German law (the DE rules then bind its drafts).
func germanLaw(p *profile.Profile) bool { return p.GermanLaw() }

// Employee arbitration, per jurisdiction: the method, where it is refused, and why.
func employeeArbitration(id, jur string, level profile.Severity, docs []string, methods []string, source, why string) Rule {
	return Rule{ID: id, Jurisdiction: jur, Level: level, Docs: docs, Source: source,
		Hint: `set [dispute.employee] method = "court" with the competent court as forum`,
		Check: func(p *profile.Profile) []Finding {
			m := p.Dispute.Employee.Method
			for _, x := range methods {
				if m == x {
					return []Finding{{Path: "dispute.employee.method", Message: fmt.Sprintf("employee documents send disputes to %s; %s", m, why)}}
				}
			}
			return nil
		}}
}

// monthsError is the error threshold of a non-compete's length where no statute sets one:
// beyond it the restraint is refused unless counsel accepts it.
func monthsError(id, jur string, limit int, source, why string) Rule {
	return Rule{ID: id, Jurisdiction: jur, Level: profile.Error, Docs: ncDocs, Source: source, Overridable: true,
		Hint: fmt.Sprintf("set noncompete.months to %d or less", limit),
		Check: func(p *profile.Profile) []Finding {
			return when(monthsOver(p, limit), "noncompete.months", fmt.Sprintf("%s exceeds %d months; %s", months(p), limit, why))
		}}
}

// ncSources cite, per jurisdiction, what makes an over-wide restraint fail.
var ncSources = map[string]string{
	"JP": "METI 秘密情報の保護ハンドブック 参考資料5",
	"CN": "最高人民法院劳动争议解释（二）第13条",
	"TH": "Unfair Contract Terms Act B.E. 2540 s.5",
	"VN": "Labour Code 45/2019/QH14 Art. 10(1)",
	"ID": "UUD 1945 Art. 27(2), 28D(2); UU 13/2003 Art. 31",
	"DE": "§ 74a Abs. 1 HGB",
	"UK": "restraint of trade at common law; Tillman v Egon Zehnder Ltd [2019] UKSC 32",
	"EU": "Directive (EU) 2016/943 Art. 1(3)",
}

func ncSource(p *profile.Profile) string { return ncSources[p.Jurisdiction] }

// courtExamples name, per jurisdiction, a court a B2B NDA of the sample company could agree
// on: the hint shows each jurisdiction its own courts (a CN or DE profile was shown the Tokyo
// District Court). They are examples of how to write a court's name, not advice on which
// court has jurisdiction.
var courtExamples = map[string]string{
	"JP": `"東京地方裁判所"`,
	"CN": `"上海市闵行区人民法院"`,
	"TH": `"ศาลแพ่ง" (the Civil Court)`,
	"VN": `"Tòa án nhân dân Thành phố Hà Nội"`,
	"ID": `"Pengadilan Negeri Jakarta Selatan"`,
	"DE": `"Landgericht Düsseldorf"`,
	"UK": `"the courts of England and Wales"`,
	"EU": `"Landgericht Frankfurt am Main" under German law`,
}

// lawExample writes a governing_law table in the build's languages: the jurisdiction's
// default law where the vocabulary has it in that language, else a blank to fill.
func lawExample(p *profile.Profile) string {
	var def vocab.Text
	if j, ok := vocab.Active().Jurisdiction(p.Jurisdiction); ok {
		def = j.Defaults.GoverningLaw
	}
	parts := make([]string, 0, len(p.Languages))
	for _, l := range p.Languages {
		v := def[l]
		if v == "" {
			v = "…"
		}
		parts = append(parts, fmt.Sprintf("%s = %q", l, v))
	}
	return "{ " + strings.Join(parts, ", ") + " }"
}

// courtJur is the jurisdiction whose court rules apply: an EU profile under German law has
// the German ones.
func courtJur(p *profile.Profile) string {
	if p.Jurisdiction == "EU" && germanLaw(p) {
		return "DE"
	}
	return p.Jurisdiction
}

// courtSources cite, where the legal reference sheet has it verified, the statute on agreeing a
// court (LR §1 JP 民訴法11条, §5.1 ID UU 30/2000 Art. 11(2), §7 DE § 38 ZPO); elsewhere the rule
// cites no statute rather than another country's.
var courtSources = map[string]string{
	"JP": "民事訴訟法第11条",
	"ID": "UU 30/2000 Art. 11(2): trade-secret claims go to the Pengadilan Negeri",
	"DE": "§ 38 ZPO",
}

var (
	worldwideWords = []string{"worldwide", "world-wide", "whole world", "全世界", "世界中", "全球", "世界各地",
		"ทั่วโลก", "toàn cầu", "toàn thế giới", "seluruh dunia", "weltweit"}
	anyCompetitorWords = []string{"any competitor", "any competing", "all competitors", "競合他社全般", "一切の競合", "あらゆる競合",
		"競合する一切", "任何竞争", "一切竞争", "所有竞争", "คู่แข่งใด ๆ", "คู่แข่งทุกราย", "bất kỳ đối thủ", "mọi đối thủ",
		"pesaing mana pun", "setiap pesaing", "semua pesaing", "jeden wettbewerber", "jedes konkurrenz", "jedem wettbewerber"}
	allStaffWords = []string{"all staff", "all employees", "every employee", "receptionist", "全従業員", "全社員", "従業員全員",
		"受付", "全体员工", "全部员工", "所有员工", "前台", "พนักงานทุกคน", "พนักงานต้อนรับ", "toàn bộ nhân viên", "tất cả nhân viên",
		"lễ tân", "seluruh karyawan", "semua karyawan", "resepsionis", "alle mitarbeiter", "alle arbeitnehmer", "empfang"}
	// groupWords mark an access given to a group (a team, a department's staff, everyone)
	// rather than to named persons or posts, in every drafting language. Heads of units
	// (開発部長, Leitung Entwicklung) are posts, so the words are the members', not the unit's.
	groupWords = []string{"member", "team", "department", "division", "all ", "staff", "group", "employees", "personnel",
		"メンバー", "部員", "課員", "全員", "社員", "従業員", "関係者", "チーム",
		"成员", "全体", "小组", "员工", "团队", "项目组",
		"สมาชิก", "ทีม", "พนักงาน", "ทุกคน",
		"thành viên", "nhóm", "nhân viên", "tất cả", "toàn bộ",
		"anggota", "tim ", "karyawan", "staf ", "seluruh", "semua",
		"mitglieder", "mitarbeiter", "beschäftigte", "belegschaft", "alle "}
	cnLawWords     = []string{"中华人民共和国", "中華人民共和国", "中国", "people's republic of china", "prc", "china"}
	foreignForum   = []string{"jcaa", "日本商事仲裁", "siac", "icc", "lcia", "dis)", "viac", "bani", "(tai", "hkiac", "東京", "东京", "tokyo", "singapore", "新加坡", "シンガポール", "london", "伦敦", "ロンドン", "香港", "hong kong"}
	prcAddressMark = []string{"中国", "中华人民共和国", "中華人民共和国", "china", "p.r.c", "prc"}
	uscc           = regexp.MustCompile(`^[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10}$`)
)

// prcCounterparty: the other party of a partner NDA is a PRC company (an address in China or a
// unified social credit code).
func prcCounterparty(p *profile.Profile) bool {
	cp := p.Counterparty
	return anyVariant(cp.Address, prcAddressMark) || uscc.MatchString(strings.TrimSpace(cp.RegistrationNo))
}

var commonReview = []Rule{
	{
		ID: "ALL-DISPUTE-001", Level: profile.Error, Docs: []string{"nda-partner"},
		Source: "an arbitral institution hears arbitrations, not court cases",
		Hint:   `name the court in dispute.institution, or set dispute.method = "arbitration"`,
		Check: func(p *profile.Profile) []Finding {
			if p.Dispute.Method != "court" || !isArbitral(p.Dispute.Institution) {
				return nil
			}
			msg := fmt.Sprintf("dispute.method = \"court\", but dispute.institution (%s) is an arbitral institution: the NDA would name it as the court", p.Dispute.Institution.String())
			if !p.Written("dispute.institution") {
				msg = "dispute.method = \"court\", but dispute.institution is the default arbitral institution: the NDA would name it as the court"
			}
			f := Finding{Path: "dispute.institution", Message: msg,
				Hint: `name the court in dispute.institution, or set dispute.method = "arbitration"`}
			if ex := courtExamples[p.Jurisdiction]; ex != "" {
				f.Hint = fmt.Sprintf(`name the court in dispute.institution (e.g. %s), or set dispute.method = "arbitration"`, ex)
			}
			if src := courtSources[courtJur(p)]; src != "" {
				f.Source = src + "; an arbitral institution hears arbitrations, not court cases"
			}
			return []Finding{f}
		},
	},
	{
		// One string for the law prints as written in every language version: "the laws of
		// Ireland" inside the Japanese text. Refused rather than translated: tsdraft cannot tell
		// which law a free text names, and a guessed translation would be a silent defect.
		ID: "ALL-LAW-001", Level: profile.Error, Docs: append([]string{"nda-partner"}, profile.EmployeeDocs...),
		Source: "each language version states the governing law in its own language",
		Hint:   "give the law once per drafting language",
		Check: func(p *profile.Profile) []Finding {
			g := p.Dispute.GoverningLaw
			if len(p.Languages) < 2 || g.ByLang != nil || g.Plain == "" || !p.Written("dispute.governing_law") {
				return nil
			}
			return []Finding{{Path: "dispute.governing_law",
				Message: fmt.Sprintf("dispute.governing_law is one string (%q), but the documents are drafted in %s: every language version would print it as written",
					g.Plain, strings.Join(p.Languages, " and ")),
				Hint: "give the law once per drafting language, e.g. governing_law = " + lawExample(p)}}
		},
	},
	{
		ID: "ALL-DISPUTE-002", Level: profile.Error, Docs: profile.EmployeeDocs,
		Source: "an arbitral institution is not a court",
		Hint:   "name the court (or the labour arbitration committee) in [dispute.employee] forum",
		Check: func(p *profile.Profile) []Finding {
			e := p.Dispute.Employee
			fs := when(e.Method == "court" && isArbitral(e.Forum) && !anyVariant(e.Forum, []string{"劳动", "勞動", "labour arbitration"}), "dispute.employee.forum",
				fmt.Sprintf("dispute.employee.method = \"court\", but the forum (%s) is an arbitral institution", e.Forum.String()))
			if src := courtSources[courtJur(p)]; src != "" {
				for i := range fs {
					fs[i].Source = "an arbitral institution is not a court (" + src + ")"
				}
			}
			return fs
		},
	},
	{
		// Unpaid where payment is required is each jurisdiction's rule; this one stops a 0 %
		// that would print "compensation of 0%" as if it were a payment.
		ID: "ALL-NC-001", Level: profile.Error, Docs: ncDocs,
		Source: "the drafts print the percentage as the compensation promised",
		Hint:   "give the compensation (percentage or amount); for an unpaid covenant where the law allows one (UK), leave compensation_percent out",
		Check: func(p *profile.Profile) []Finding {
			c := nc(p).CompensationPercent
			return when(ncOn(p) && c != nil && *c == 0 && nc(p).CompensationAmount == nil, "noncompete.compensation_percent",
				"noncompete.compensation_percent = 0 would print a monthly compensation of 0%")
		},
	},
	{
		ID: "ALL-NC-002", Level: profile.Warning, Docs: ncDocs,
		Hint: "name the countries or regions where the company actually competes",
		Check: func(p *profile.Profile) []Finding {
			return when(ncOn(p) && anyVariant(nc(p).Territory, worldwideWords), "noncompete.territory",
				"the non-compete covers the whole world; a territory wider than where the company trades is the first thing a court cuts ("+ncSource(p)+")")
		},
	},
	{
		ID: "ALL-NC-003", Level: profile.Warning, Docs: ncDocs,
		Hint: "name the products, services or competitor types the employee's knowledge would serve",
		Check: func(p *profile.Profile) []Finding {
			return when(ncOn(p) && anyVariant(nc(p).Scope, anyCompetitorWords), "noncompete.scope",
				"the non-compete bars work for any competitor; a general ban is disfavoured ("+ncSource(p)+")")
		},
	},
	{
		ID: "ALL-NC-004", Level: profile.Warning, Docs: ncDocs,
		Hint: "limit noncompete.roles to the positions that know the secrets (senior management, senior technical staff)",
		Check: func(p *profile.Profile) []Finding {
			for i, r := range nc(p).Roles {
				if ncOn(p) && anyVariant(r, allStaffWords) {
					return []Finding{{Path: fmt.Sprintf("noncompete.roles.%d", i),
						Message: fmt.Sprintf("noncompete.roles includes %q: a restraint on all staff or on roles without access to secrets is disfavoured (%s)", r.String(), ncSource(p))}}
				}
			}
			return nil
		},
	},
	{
		// One rule for an amount without a percentage, where the law sets a floor in percent.
		ID: "ALL-NC-AMOUNT", Level: profile.Warning, Docs: ncDocs,
		Hint: "state noncompete.compensation_percent as well, so the statutory minimum can be checked",
		Check: func(p *profile.Profile) []Finding {
			n := nc(p)
			floor := map[string]string{
				"CN": "at least 30% of the average monthly wage and not below the local minimum wage (最高人民法院劳动争议解释（一）第36条)",
				"DE": "at least half the last contractual remuneration for each year of restraint (§ 74 Abs. 2 HGB)",
			}[p.Jurisdiction]
			if p.Jurisdiction == "EU" && germanLaw(p) {
				floor = "at least half the last contractual remuneration for each year of restraint (§ 74 Abs. 2 HGB)"
			}
			return when(floor != "" && ncOn(p) && n.CompensationPercent == nil && n.Compensated(), "noncompete.compensation_amount",
				"compensation is given only as a fixed amount; it must reach "+floor)
		},
	},
	{
		ID: "ALL-REGISTER-001", Level: profile.Warning, Docs: []string{"secret-register"},
		Source: "the regulations' own rule: review at least once a year; trade-secret protection needs secrecy measures that are actually kept",
		Hint:   "set the next review no later than one year after designation (or the last review)",
		Check: func(p *profile.Profile) []Finding {
			var out []Finding
			for i, x := range p.Confidential.Items {
				if !x.Designated.IsZero() && !x.Review.IsZero() && x.Review.After(x.Designated.AddDate(1, 0, 0)) {
					out = append(out, Finding{Path: fmt.Sprintf("confidential.items.%d.review", i),
						Message: fmt.Sprintf("register item %s: next review %s is more than a year after designation %s",
							x.ID, x.Review.Format("2006-01-02"), x.Designated.Format("2006-01-02"))})
				}
			}
			return out
		},
	},
	{
		ID: "ALL-REGISTER-002", Level: profile.Warning, Docs: []string{"secret-register"},
		Source: "the classification guide's own rule: top-level access is granted person by person",
		Hint:   "list the named persons (or named posts) who may access the item",
		Check: func(p *profile.Profile) []Finding {
			levels := p.Confidential.Levels
			if len(levels) == 0 {
				return nil
			}
			var out []Finding
			for i, x := range p.Confidential.Items {
				if x.Level == levels[0].ID && anyVariant(x.Access, groupWords) {
					out = append(out, Finding{Path: fmt.Sprintf("confidential.items.%d.access", i),
						Message: fmt.Sprintf("register item %s is at the top level %s, but its access is given as a group (%q)", x.ID, x.Level, x.Access.String())})
				}
			}
			return out
		},
	},
}

var jurReview = map[string][]Rule{
	"JP": {
		monthsError("JP-NC-004", "JP", 24, "METI 秘密情報の保護ハンドブック 参考資料5",
			"courts increasingly reject restraints of two years and more"),
	},
	"CN": {
		{ID: "CN-DISPUTE-002", Jurisdiction: "CN", Level: profile.Error, Docs: []string{"nda-partner"}, Overridable: true,
			Source: "最高人民法院关于适用《涉外民事关系法律适用法》若干问题的解释（一）第1条; 最高人民法院《涉外商事海事审判实务问题解答》第83问",
			Hint:   "choose PRC law and a mainland institution (CIETAC, SHIAC) or a mainland court, unless a foreign-related element is documented",
			Check: func(p *profile.Profile) []Finding {
				if !prcCounterparty(p) {
					return nil
				}
				d := p.Dispute
				var what []string
				if !anyVariant(d.GoverningLaw, cnLawWords) {
					what = append(what, "foreign law ("+d.GoverningLaw.String()+")")
				}
				if anyVariant(d.Institution, foreignForum) || anyVariant(d.Seat, foreignForum) {
					what = append(what, "a foreign forum ("+strings.TrimSpace(d.Institution.String()+" "+d.Seat.String())+")")
				}
				return when(len(what) > 0, "dispute.governing_law",
					"the NDA is between two PRC companies, with no foreign-related element, but chooses "+strings.Join(what, " and ")+": such a choice is void")
			}},
		{ID: "CN-LANG-001", Jurisdiction: "CN", Level: profile.Warning, Docs: profile.EmployeeDocs,
			Source: "劳动争议调解仲裁法 第2、5、21条 (the local labour arbitration committee hears the dispute)",
			Hint:   `set prevailing = "zh-CN" for employee documents`,
			Check: func(p *profile.Profile) []Finding {
				return when(p.Prevailing == "ja" && !lacksLang(p, "zh-CN"), "prevailing",
					`prevailing = "ja" on employee documents: the labour arbitration committee and the employee work from the Chinese text`)
			}},
		// No statute makes Chinese compulsory (legal reference §2.3 [U]), hence a warning; but rules
		// in a language the staff cannot read are hard to show as made known to them, and the
		// committee works in Chinese. Build --lang ja would otherwise write them silently.
		{ID: "CN-LANG-002", Jurisdiction: "CN", Level: profile.Warning,
			Docs:   []string{"nda-employee", "labour-clause", "noncompete", "exit-pledge", "regulations", "classification-guide"},
			Source: "劳动合同法 第4条 (rules bind employees once made known to them); 劳动争议调解仲裁法 第2、5、21条",
			Hint:   `add "zh-CN" to languages (e.g. languages = ["zh-CN", "ja"])`,
			Check: func(p *profile.Profile) []Finding {
				return when(lacksLang(p, "zh-CN"), "languages",
					"the employee documents and internal rules are built in "+langList(p)+", without Chinese: Chinese staff must be able to read what is made known to them, and the labour arbitration committee works from the Chinese text")
			}},
	},
	"TH": {
		employeeArbitration("TH-DISPUTE-001", "TH", profile.Warning, profile.EmployeeDocs, []string{"arbitration", "labour-arbitration"},
			"legal reference §9.6 (TH employee documents: courts)",
			"the reference sheet has no verified basis for arbitrating Thai employment disputes; employee documents use the courts"),
	},
	"VN": {
		monthsError("VN-NC-005", "VN", 24, "Labour Code 45/2019/QH14 Art. 10(1); Constitution 2013 Art. 35",
			"a restraint that long is unlikely to survive the freedom to choose a job"),
		employeeArbitration("VN-DISPUTE-001", "VN", profile.Warning, []string{"nda-employee", "labour-clause", "exit-pledge"}, []string{"arbitration"},
			"Precedent 69/2023/AL; HCMC People's Court 755/2018/QĐ-PQTT",
			"commercial arbitration is upheld for a confidentiality or non-compete agreement signed as a civil agreement separate from the labour contract, not for the labour contract and pledges"),
	},
	"ID": {
		monthsError("ID-NC-004", "ID", 24, "UUD 1945 Art. 27(2), 28D(2); UU 13/2003 Art. 31",
			"non-competes are unregulated and courts have struck them down against the right to work"),
		employeeArbitration("ID-DISPUTE-001", "ID", profile.Error, profile.EmployeeDocs, []string{"arbitration", "labour-arbitration"},
			"UU 2/2004 Art. 3, 4(6), 5 and Penjelasan Umum 6",
			"a breach of confidentiality or a dismissal for it is a rights or termination dispute: bipartite negotiation, then mediation, then the Pengadilan Hubungan Industrial; arbitration is open only to interest and inter-union disputes"),
	},
	"DE": {
		{ID: "DE-LANG-001", Jurisdiction: "DE", Level: profile.Warning, Docs: profile.EmployeeDocs,
			Source: "legal reference §7.3 (German advisable for employee documents)",
			Hint:   `build employee documents with German: languages = ["de", "ja"]`,
			Check: func(p *profile.Profile) []Finding {
				// The DE table also binds an EU profile under German law (CheckBuild).
				return when(lacksLang(p, "de"), "languages",
					"employee documents for Germany are built in "+langList(p)+", without German; a German employee must be able to read what binds him, and the labour court works in German")
			}},
	},
	"UK": {
		monthsError("UK-NC-003", "UK", 12, "restraint of trade at common law; Tillman v Egon Zehnder Ltd [2019] UKSC 32",
			"a post-employment restraint that long is rarely reasonably necessary"),
		employeeArbitration("UK-DISPUTE-001", "UK", profile.Error, profile.EmployeeDocs, []string{"arbitration", "labour-arbitration"},
			"Employment Rights Act 1996 s.203",
			"an agreement cannot preclude a person from bringing proceedings under the Act before an employment tribunal"),
	},
	"EU": {
		employeeArbitration("EU-DISPUTE-001", "EU", profile.Error, profile.EmployeeDocs, []string{"arbitration", "labour-arbitration"},
			"Regulation (EU) 1215/2012 Arts. 21–23; CJEU C-154/11 Mahamdia",
			"an agreement made before the dispute cannot take away the employee's courts (domicile and place of work)"),
	},
}
