package render

import (
	"strings"
	"testing"

	"github.com/tsdraft/tsdraft/internal/profile"
)

// Content checks: the clauses a practitioner review asked for (reviews/practitioner-review-2026-12.md,
// sections A and C) are in the documents built from the sample profiles, and the foreign-law
// mechanics they objected to are not. Each case renders real DOCX files and reads their text back.

// jurLangs are the languages each jurisdiction's documents are built in (TRANSLATING.md).
var jurLangs = map[string][]string{
	"JP": {"ja", "en"}, "CN": {"zh-CN", "ja", "en"}, "TH": {"th", "ja", "en"}, "VN": {"vi", "ja", "en"},
	"ID": {"id", "ja", "en"}, "DE": {"de", "ja", "en"}, "UK": {"en", "ja"}, "EU": {"en", "ja", "de"},
}

// renderText renders one document in one language and returns its text.
func renderText(t *testing.T, jur, doc, lang string, sets ...string) string {
	t.Helper()
	r := testRenderer(t)
	p := sample(t, jur, sets...)
	got, _ := renderDump(t, r, Request{Doc: doc, Profile: p, Langs: []string{lang}})
	return got
}

func lineWith(text, s string) string {
	for _, l := range strings.Split(text, "\n") {
		if strings.Contains(l, s) {
			return l
		}
	}
	return ""
}

func mustContain(t *testing.T, what, text string, wants ...string) {
	t.Helper()
	for _, w := range wants {
		if !strings.Contains(text, w) {
			t.Errorf("%s: %q is missing", what, w)
		}
	}
}

func mustNotContain(t *testing.T, what, text string, bans ...string) {
	t.Helper()
	for _, b := range bans {
		if strings.Contains(text, b) {
			t.Errorf("%s: %q must not appear: %s", what, b, lineWith(text, b))
		}
	}
}

// Foreign mechanics per language: the PRC release run-off and unpaid-rescission rules (SPC
// interpretation) and the German § 74(1) HGB receipt of a signed copy.
var foreignNoncompete = map[string][]string{
	"ja": {"3か月を経過する日", "3か月分の補償金", "3か月分以上", "3か月支払われなかった", "受領確認欄", "本契約書1通を受領した", "本書を受領した"},
	"en": {"three months after the notice", "three months or more", "3 months of compensation", "not paid for 3 months", "confirm receipt", "acknowledge receipt"},
	"th": {"ครบ 3 เดือน", "ตั้งแต่ 3 เดือน", "ยืนยันการรับ"},
	"vi": {"tròn 03 tháng", "từ 03 tháng", "xác nhận đã nhận"},
	"id": {"genap 3 (tiga) bulan", "selama 3 (tiga) bulan", "tanda terima"},
}

func TestNoncompeteFollowsItsOwnLaw(t *testing.T) {
	for _, jur := range []string{"JP", "TH", "VN", "ID", "UK"} {
		for _, lang := range jurLangs[jur] {
			for _, doc := range []string{"noncompete", "labour-clause"} {
				got := renderText(t, jur, doc, lang)
				mustNotContain(t, doc+" "+jur+" "+lang, got, foreignNoncompete[lang]...)
			}
		}
	}
	// VN: the separate civil agreement's arbitration clause is complete.
	vn := renderText(t, "VN", "noncompete", "vi", `dispute.employee.method="arbitration"`, `dispute.employee.forum="Trung tâm Trọng tài Quốc tế Việt Nam (VIAC)"`)
	mustContain(t, "noncompete VN vi", vn, "có hiệu lực tại thời điểm nộp đơn khởi kiện", "Hội đồng trọng tài gồm 01 trọng tài viên", "là tiếng Việt")
	// CN keeps the reviewed SPC mechanics and the receipt.
	cn := renderText(t, "CN", "noncompete", "ja")
	mustContain(t, "noncompete CN ja", cn, "3か月分の補償金を追加して", "補償金が3か月支払われなかった", "本契約書1通を受領した")
	cnzh := renderText(t, "CN", "noncompete", "zh-CN")
	mustContain(t, "noncompete CN zh-CN", cnzh, "签收")
}

func TestNoncompeteGermanStandard(t *testing.T) {
	de := renderText(t, "DE", "noncompete", "de")
	mustContain(t, "noncompete DE de", de,
		"zuletzt bezogenen vertragsmäßigen Leistungen",
		"Durchschnitt der letzten drei Jahre", "§ 74b Abs. 2 HGB",
		"erst mit dem Ablauf eines Jahres seit der Erklärung")
	deLC := renderText(t, "DE", "labour-clause", "de")
	mustContain(t, "labour-clause DE de", deLC, "Durchschnitt der letzten drei Jahre")

	// EU profile (German law in the sample): the same base and waiver, no 12-month average, no
	// three-month run-off, receipt kept.
	for _, lang := range jurLangs["EU"] {
		for _, doc := range []string{"noncompete", "labour-clause"} {
			got := renderText(t, "EU", doc, lang)
			what := doc + " EU " + lang
			switch lang {
			case "en":
				mustContain(t, what, got, "last received by the Employee", "average over the last three years", "one year from the declaration")
				mustNotContain(t, what, got, "12 months before leaving", "three months after the notice")
			case "de":
				mustContain(t, what, got, "zuletzt bezogenen vertragsmäßigen Leistungen", "Durchschnitt der letzten drei Jahre", "Ablauf eines Jahres seit der Erklärung")
				mustNotContain(t, what, got, "3 Monaten nach Zugang")
			case "ja":
				mustContain(t, what, got, "最後に受けた契約上の報酬", "直近3年間", "意思表示の時から1年を経過した時")
				mustNotContain(t, what, got, "退職前12か月間の平均月額賃金", "3か月を経過する日")
			}
		}
	}
	eu := renderText(t, "EU", "noncompete", "en")
	mustContain(t, "noncompete EU en", eu, "confirm receipt")
}

func TestNoncompeteUKCovenant(t *testing.T) {
	en := renderText(t, "UK", "noncompete", "en")
	mustContain(t, "noncompete UK en", en,
		"Restrictive Covenants Agreement", "“Restricted Period”", "garden leave",
		"Non-competition", "“Restricted Customer”", "in the 12 months before the Termination Date",
		"deal with, or accept business from, any Restricted Customer", "Senior Employee",
		"as agent and trustee for each Group Company",
		"reasonable and no wider than necessary", "The non-competition restriction applies only within")
	mustNotContain(t, "noncompete UK en", en, "Non-Compete Period", "monthly compensation equal to")

	// Unpaid (the normal English position): no payment article and no "0%" anywhere.
	for _, lang := range jurLangs["UK"] {
		for _, doc := range []string{"noncompete", "labour-clause", "exit-pledge"} {
			got := renderText(t, "UK", doc, lang, "noncompete.compensation_percent=0")
			what := doc + " UK " + lang + " unpaid"
			mustNotContain(t, what, got, "0%", "0 %", "Payment during the Restricted Period", "制限期間中の支払",
				"average monthly basic salary", "平均月額基本給", "the compensation is paid monthly")
			if doc != "exit-pledge" {
				mustContain(t, what, got, map[string]string{"en": "garden leave", "ja": "ガーデンリーブ"}[lang])
			}
			// English law has no § 75a cut-off: the employer may release at any time, before or
			// after the Termination Date, and a delay in enforcing is no waiver.
			if doc == "noncompete" {
				mustContain(t, what, got, map[string][]string{
					"en": {"The Company may at any time, whether before or after the Termination Date, by written notice", "No failure or delay by the Company in enforcing any Restriction"},
					"ja": {"退職日の前後を問わずいつでも", "会社の権利を放棄したものとはみなされない"}}[lang]...)
				mustNotContain(t, what, got, "no later than the Employee’s last day of employment", "退職日までに従業員に書面で通知")
			}
		}
	}
	// A payment set in the profile is drafted.
	paid := renderText(t, "UK", "noncompete", "en", "noncompete.compensation_percent=0", "noncompete.compensation_amount=1500")
	mustContain(t, "noncompete UK en paid", paid, "Payment during the Restricted Period", "1,500 for each month of the Restricted Period")
}

func TestPartnerNDAContent(t *testing.T) {
	// No internal handling rules, unmarked information disclosed in confidence is covered, and
	// information disclosed before signing too; ownership allocated, not negotiated.
	common := map[string]struct{ wants, bans []string }{
		"ja": {[]string{"本契約の締結の前後を問わず", "機密区分の表示の有無及びその区分にかかわらず", "開示者に帰属する。受領者は、本成果を得たとき"},
			[]string{"最も低い機密区分", "（取扱い：", "上記の取扱いに準じて", "誠実に協議する"}},
		"en": {[]string{"whether before or after the date of this Agreement", "whether or not it bears a classification level", "(“Developments”) belong to the Disclosing Party"},
			[]string{"lowest classification level", "(handling:", "negotiate in good faith"}},
		"de": {[]string{"vor oder nach dem Abschluss dieser Vereinbarung", "auch ohne Angabe einer Vertraulichkeitsstufe"},
			[]string{"niedrigsten vorstehenden Vertraulichkeitsstufe", "(Handhabung:", "nach Treu und Glauben über die Zuordnung"}},
		"zh-CN": {[]string{"无论在本协议签订之前或者之后", "未标注保密等级但以保密方式披露的信息"}, []string{"按上述最低保密等级处理", "（处理要求：", "诚信协商"}},
		"th":    {[]string{"ไม่ว่าก่อนหรือหลังวันทำสัญญานี้"}, []string{"ระดับชั้นความลับต่ำสุด", "(การจัดการ:", "เจรจาโดยสุจริต"}},
		"vi":    {[]string{"dù trước hay sau ngày ký Thỏa thuận này"}, []string{"cấp độ bảo mật thấp nhất", "(quy tắc xử lý:", "thương lượng thiện chí"}},
		"id":    {[]string{"baik sebelum maupun setelah tanggal Perjanjian ini"}, []string{"tingkat kerahasiaan terendah", "(penanganan:", "merundingkan dengan iktikad baik"}},
	}
	for jur, langs := range jurLangs {
		for _, lang := range langs {
			got := renderText(t, jur, "nda-partner", lang)
			what := "nda-partner " + jur + " " + lang
			mustContain(t, what, got, common[lang].wants...)
			mustNotContain(t, what, got, common[lang].bans...)
			// The manager's approval and similar internal handling rules from the profile's levels.
			mustNotContain(t, what, got, "manager's prior approval", "department head's approval", "責任者の事前承認", "所属長の承認")
		}
	}

	jp := renderText(t, "JP", "nda-partner", "ja")
	mustContain(t, "nda-partner JP ja", jp, "商事仲裁規則", "仲裁申立て時に有効なもの", "仲裁人の数は1名", "仲裁手続は日本語で行う",
		"反社会的勢力の排除", "暴力団員でなくなった時から5年を経過しない者", "直ちに本契約を解除することができる")
	jpEN := renderText(t, "JP", "nda-partner", "en")
	mustContain(t, "nda-partner JP en", jpEN, "Commercial Arbitration Rules", "Anti-Social Forces")

	id := renderText(t, "ID", "nda-partner", "id")
	mustContain(t, "nda-partner ID id", id, "diselenggarakan oleh Badan Arbitrase Nasional Indonesia (BANI) menurut",
		"yang berlaku pada saat permohonan arbitrase didaftarkan", "Jumlah arbiter adalah 1 (satu) orang")
	mustNotContain(t, "nda-partner ID id", id, "Mampang", "Wahana Graha")

	vn := renderText(t, "VN", "nda-partner", "vi")
	mustContain(t, "nda-partner VN vi", vn, "có hiệu lực tại thời điểm nộp đơn khởi kiện", "Hội đồng trọng tài gồm 01 trọng tài viên",
		"Ngôn ngữ sử dụng trong tố tụng trọng tài là tiếng Việt.")

	uk := renderText(t, "UK", "nda-partner", "en")
	mustContain(t, "nda-partner UK en", uk, "Contracts (Rights of Third Parties) Act 1999", "Any notice under this Agreement shall be in writing",
		"The number of arbitrators shall be one", "The language to be used in the arbitral proceedings shall be English",
		"to its parent company")
	de := renderText(t, "DE", "nda-partner", "de")
	mustContain(t, "nda-partner DE de", de, "bei Einleitung des Schiedsverfahrens gültigen", "Einzelschiedsrichter", "Die Verfahrenssprache ist")
	cn := renderText(t, "CN", "nda-partner", "zh-CN")
	mustContain(t, "nda-partner CN zh-CN", cn, "仲裁庭由一名仲裁员组成", "申请仲裁时该机构现行有效的仲裁规则")

	// The sub-recipients paragraph refers to "the preceding paragraph" (the Representatives): the
	// parent paragraph must not come between them.
	lines := strings.Split(uk, "\n")
	for i, l := range lines {
		if strings.Contains(l, "“Sub-recipient”") {
			if i == 0 || !strings.Contains(lines[i-1], "“Representatives”") {
				t.Errorf("nda-partner UK en: the Sub-recipient paragraph does not follow the Representatives paragraph")
			}
		}
		if strings.Contains(l, "to its parent company") && (i == 0 || !strings.Contains(lines[i-1], "“Sub-recipient”")) {
			t.Errorf("nda-partner UK en: the parent paragraph should follow the Sub-recipient paragraph")
		}
	}
	// The parent as a permitted recipient only where the profile has one and the NDA is mutual.
	oneway := renderText(t, "UK", "nda-partner", "en", "counterparty.mutual=false")
	mustNotContain(t, "nda-partner UK one-way", oneway, "to its parent company")
	jpNoParent := renderText(t, "JP", "nda-partner", "ja")
	mustNotContain(t, "nda-partner JP (no parent)", jpNoParent, "会社の親会社である")
	// Anti-social-forces and third-party clauses belong to their own jurisdictions only.
	mustNotContain(t, "nda-partner UK en", uk, "Anti-Social Forces")
	mustNotContain(t, "nda-partner JP en", jpEN, "Contracts (Rights of Third Parties) Act 1999")
}

func TestCNEmployeeNDAPartyLine(t *testing.T) {
	for _, lang := range jurLangs["CN"] {
		got := renderText(t, "CN", "nda-employee", lang)
		if strings.Contains(got, `\n`) {
			t.Errorf("nda-employee CN %s: a literal \\n is printed: %s", lang, lineWith(got, `\n`))
		}
	}
	zh := renderText(t, "CN", "nda-employee", "zh-CN")
	party := lineWith(zh, "员工（劳动者）：")
	if party == "" || strings.Contains(party, "公司与员工根据") {
		t.Errorf("nda-employee CN zh-CN: the employee's party line should be a paragraph of its own, got %q", party)
	}
	mustContain(t, "nda-employee CN zh-CN", zh, "公司与员工根据《中华人民共和国劳动合同法》第二十三条")
}

// The UK payment switch and the UK-only covenant hold in every bilingual layout.
func TestNoncompeteUKBilingualLayouts(t *testing.T) {
	r := testRenderer(t)
	// The UK sample is unpaid (English law asks for no payment); the paid case sets a percentage.
	for _, sets := range [][]string{{"noncompete.compensation_percent=0"}, {"noncompete.compensation_percent=50"}} {
		p := sample(t, "UK", sets...)
		for _, layout := range []string{Interleave, Columns, Separate} {
			for _, doc := range []string{"noncompete", "labour-clause", "exit-pledge"} {
				got, _ := renderDump(t, r, Request{Doc: doc, Profile: p, Langs: []string{"en", "ja"}, Layout: layout})
				what := doc + " UK en+ja " + layout
				if sets[0] == "noncompete.compensation_percent=0" {
					mustNotContain(t, what+" unpaid", got, "0%", "Payment during the Restricted Period", "制限期間中の支払")
				} else if doc == "noncompete" {
					mustContain(t, what+" paid", got, "Payment during the Restricted Period")
				}
				if doc == "noncompete" {
					mustContain(t, what, got, "garden leave", "deal with, or accept business from")
					if layout != Separate { // separate: the first file holds one language only
						mustContain(t, what, got, "ガーデンリーブ")
					}
				}
			}
		}
	}
}

// A definition is never split over two numbered paragraphs (practitioner audits, MINOR): in the
// employee NDA, the exit pledge and the labour clause, the statutory definition of a trade
// secret follows its lead-in in the same paragraph, in every jurisdiction and language.
func TestTradeSecretDefinitionStaysInItsLeadParagraph(t *testing.T) {
	lead := map[string]string{
		"ja": "秘密情報には、", "en": "Confidential Information includes ", "zh-CN": "保密信息包括",
		"th": "ข้อมูลความลับรวมถึง", "vi": "Thông tin bí mật bao gồm ", "id": "Informasi Rahasia mencakup ",
		"de": "Zu den vertraulichen Informationen gehören auch ",
	}
	definition := map[string][]string{ // how each law.ts_definition opens, per language
		"ja": {"「営業秘密」とは、"}, "en": {"“Trade secret” means"}, "zh-CN": {"“商业秘密”，是指"},
		"th": {"“ความลับทางการค้า” หมายความว่า"}, "vi": {", bí mật kinh doanh là "}, "id": {"“Rahasia Dagang” adalah "},
		"de": {"Geschäftsgeheimnis ist nach ", "Als Geschäftsgeheimnis gelten "},
	}
	for _, jur := range profile.Jurisdictions {
		for _, doc := range []string{"nda-employee", "exit-pledge", "labour-clause"} {
			for _, lang := range jurLangs[jur] {
				got := renderText(t, jur, doc, lang)
				found := 0
				for _, line := range strings.Split(got, "\n") {
					for _, d := range definition[lang] {
						i := strings.Index(line, d)
						if i < 0 {
							continue
						}
						found++
						if l := strings.Index(line, lead[lang]); l < 0 || l > i {
							t.Errorf("%s %s %s: the definition stands in a paragraph of its own:\n%s", doc, jur, lang, line)
						}
					}
				}
				if found != 1 {
					t.Errorf("%s %s %s: the statutory definition is printed %d times, want once", doc, jur, lang, found)
				}
			}
		}
	}
}
