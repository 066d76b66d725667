package render

import (
	"strings"
	"testing"

	"github.com/tsdraft/tsdraft/internal/docx"
	"github.com/tsdraft/tsdraft/internal/notes"
	"github.com/tsdraft/tsdraft/internal/profile"
)

// Intellectual property and data protection in each jurisdiction's own law (issue 10; review
// 2026-12 C.TH, C.CN, C.UK, C.DE/EU). Every case renders the sample profile's real DOCX in each
// language the jurisdiction builds in and reads the text back.

// ipDeferral is wording that hands ownership back to the statutory default ("unless the law
// provides otherwise", "as the law and the Company's rules provide"), which in TH, VN and ID
// is the employee (review C.TH): it must not reappear in any employee document.
var ipDeferral = map[string][]string{
	"ja":    {"法令に別段の定めがある場合を除き、会社に帰属", "法令及び会社の規程の定めるところによる", "当該法令及び会社の定める規程による"},
	"en":    {"unless the law provides otherwise", "is governed by the law and the Company’s rules", "are governed by that law and the Company’s rules"},
	"th":    {"เว้นแต่กฎหมายจะบัญญัติไว้เป็นอย่างอื่น", "ให้เป็นไปตามกฎหมายและระเบียบของบริษัท"},
	"zh-CN": {"除法律另有规定外，归公司所有", "依照法律法规及公司规定确定"},
	"vi":    {"trừ trường hợp pháp luật có quy định khác", "được xác định theo quy định của pháp luật và quy định của Công ty"},
	"id":    {"kecuali ditentukan lain oleh peraturan perundang-undangan", "tunduk pada peraturan perundang-undangan dan ketentuan Perusahaan"},
	"de":    {"soweit gesetzlich nichts anderes bestimmt ist", "richtet sich nach den gesetzlichen Vorschriften und den Regelungen der Gesellschaft"},
}

// ipWants is what the results article (labour-clause) and the entry pledge must say, per
// jurisdiction and language: the statute that gives or needs the written allocation, or the
// written agreement itself where the legal reference supports no article. The works clause
// leaves inventions to the statute (UK s.42, JP 職務発明): it never takes more than the law gives.
var ipWants = map[string]map[string][]string{
	"JP": {"ja": {"職務発明規程", "相当の利益", "著作者人格権を行使しない", "発明、考案又は意匠の創作に係る権利を除く"}, "en": {"Employee Invention Rules", "reasonable benefits", "moral rights", "other than rights in inventions"}},
	"CN": {
		"zh-CN": {"《中华人民共和国专利法》第六条", "第十五条", "奖励", "合理的报酬", "除署名权以外的著作权由公司享有"},
		"ja":    {"中華人民共和国専利法第6条", "同法第15条", "合理的な報酬"},
		"en":    {"Article 6 of the Patent Law of the People’s Republic of China", "Article 15 of that Law", "reasonable remuneration"},
	},
	"TH": {
		"th": {"มาตรา 9 แห่งพระราชบัญญัติลิขสิทธิ์ พ.ศ. 2537", "มาตรา 11 แห่งพระราชบัญญัติสิทธิบัตร พ.ศ. 2522", "มาตรา 12", "บำเหน็จพิเศษ", "เป็นหนังสือ"},
		"ja": {"著作権法（仏暦2537年）第9条", "書面による", "特許法（仏暦2522年）第11条", "同法第12条"},
		"en": {"section 9 of the Copyright Act B.E. 2537 (1994)", "in writing", "section 11 of the Patents Act B.E. 2522 (1979)", "section 12 of that Act"},
	},
	"VN": {
		"vi": {"bằng văn bản", "quyền tài sản", "thuộc về Công ty", "trả thù lao"},
		"ja": {"書面で", "財産権", "報酬を支払う"},
		"en": {"in writing", "economic rights", "remuneration"},
	},
	"ID": {
		"id": {"secara tertulis", "Pemegang Hak Cipta", "Hak untuk memperoleh Paten", "imbalan"},
		"ja": {"書面で", "著作権者", "対価"},
		"en": {"in writing", "copyright holder", "remuneration"},
	},
	"DE": {
		"de": {"ausschließliche, zeitlich, räumlich und inhaltlich unbeschränkte Nutzungsrecht", "Diensterfindungen", "unverzüglich und gesondert", "zwingenden gesetzlichen Vorschriften über Arbeitnehmererfindungen"},
		"ja": {"利用権", "職務発明", "従業員発明に関する強行法規"},
		"en": {"exclusive right, unlimited in time, territory and content", "service invention", "mandatory statutory provisions on employee inventions"},
	},
	"UK": {
		"en": {"section 39 of the Patents Act 1977", "sections 39 to 43 of that Act", "section 40", "present assignment of future rights", "all moral rights", "(other than a right in an invention)"},
		"ja": {"1977年特許法第39条", "同法第39条から第43条まで", "同法第40条", "発明に係る権利を除く"},
	},
}

// textJur is the jurisdiction whose texts draft a sample: the EU sample chooses German law and
// is drafted with the DE texts.
func textJur(jur string) string {
	if jur == "EU" {
		return "DE"
	}
	return jur
}

func TestIntellectualPropertyInWriting(t *testing.T) {
	for jur, langs := range jurLangs {
		for _, lang := range langs {
			for _, doc := range []string{"labour-clause", "nda-employee"} {
				got := renderText(t, jur, doc, lang)
				what := doc + " " + jur + " " + lang
				mustContain(t, what, got, ipWants[textJur(jur)][lang]...)
				mustNotContain(t, what, got, ipDeferral[lang]...)
			}
		}
	}
}

// ipExitWants: the exit pledge confirms (DE: grants) the same allocation at exit.
var ipExitWants = map[string]map[string]string{
	"JP": {"ja": "職務発明規程", "en": "Employee Invention Rules"},
	"CN": {"zh-CN": "《中华人民共和国专利法》第六条", "ja": "専利法第6条", "en": "Article 6 of the Patent Law"},
	"TH": {"th": "มาตรา 9 แห่งพระราชบัญญัติลิขสิทธิ์ พ.ศ. 2537", "ja": "著作権法（仏暦2537年）第9条", "en": "section 9 of the Copyright Act B.E. 2537"},
	"VN": {"vi": "xác nhận bằng văn bản", "ja": "書面で同意", "en": "confirm in writing"},
	"ID": {"id": "menegaskan secara tertulis", "ja": "書面で同意", "en": "confirm in writing"},
	"DE": {"de": "räume ich der Gesellschaft", "ja": "利用権を付与する", "en": "I grant the Company the exclusive right"},
	"UK": {"en": "section 39 of the Patents Act 1977", "ja": "1977年特許法第39条"},
}

func TestIntellectualPropertyAtExit(t *testing.T) {
	for jur, langs := range jurLangs {
		for _, lang := range langs {
			got := renderText(t, jur, "exit-pledge", lang)
			what := "exit-pledge " + jur + " " + lang
			mustContain(t, what, got, ipExitWants[textJur(jur)][lang])
			mustNotContain(t, what, got, ipDeferral[lang]...)
		}
	}
	// German exit pledge: a grant, never a pre-formulated confirmation of facts (§ 309 Nr. 12 BGB).
	de := renderText(t, "DE", "exit-pledge", "de")
	mustNotContain(t, "exit-pledge DE de", lineWith(de, "Nutzungsrecht"), "bestätige")
}

// TestUKClaimsNoMoreThanSection39: no UK document claims inventions beyond s.39 or names a
// right UK law does not have (utility model, 実用新案).
func TestUKClaimsNoMoreThanSection39(t *testing.T) {
	docs := []string{"nda-employee", "nda-partner", "labour-clause", "noncompete", "exit-pledge", "regulations", "classification-guide", "secret-register"}
	for _, lang := range jurLangs["UK"] {
		for _, doc := range docs {
			got := renderText(t, "UK", doc, lang)
			mustNotContain(t, doc+" UK "+lang, got,
				"utility model", "Utility Model", "実用新案", "whether or not made in the course of employment", "whether or not in the course of")
		}
	}
	// The general partner NDA keeps the utility-model right where the law has one (JP).
	jp := renderText(t, "JP", "nda-partner", "ja")
	mustContain(t, "nda-partner JP ja", jp, "実用新案権")
}

// dpWants: the regulations' monitoring article and incident step, per jurisdiction and
// language, name the data-protection law and what it requires.
var dpWants = map[string]map[string][]string{
	"JP": {"ja": {"モニタリング及び個人データの保護", "個人情報の保護に関する法令", "従業員等に知らせない方法によるモニタリングを行わず", "第三者提供"}, "en": {"Monitoring and Personal Data", "the laws on the protection of personal information", "does not carry out covert Monitoring"}},
	"CN": {
		"zh-CN": {"监控与个人信息保护", "《中华人民共和国个人信息保护法》第三十八条、第三十九条", "《促进和规范数据跨境流动规定》", "第五条第（二）项", "单独同意", "安全评估、订立标准合同或者取得认证"},
		"ja":    {"中華人民共和国個人情報保護法第38条及び第39条", "単独の同意", "同規定第5条第2号"},
		"en":    {"Articles 38 and 39 of the Personal Information Protection Law", "separate consent", "Article 5(2) of those Provisions"},
	},
	"TH": {"th": {"พระราชบัญญัติคุ้มครองข้อมูลส่วนบุคคล พ.ศ. 2562", "การติดตามตรวจสอบ"}, "ja": {"個人データ保護法（仏暦2562年）"}, "en": {"Personal Data Protection Act B.E. 2562 (2019)"}},
	"VN": {"vi": {"Luật Bảo vệ dữ liệu cá nhân số 91/2025/QH15", "Nghị định số 356/2025/NĐ-CP", "Hoạt động giám sát"}, "ja": {"法律第91/2025/QH15号"}, "en": {"No. 91/2025/QH15", "Decree No. 356/2025/ND-CP"}},
	"ID": {
		"id": {"Pasal 56 Undang-Undang Nomor 27 Tahun 2022 tentang Pelindungan Data Pribadi", "Pasal 46 ayat (1)", "3 x 24 (tiga kali dua puluh empat) jam"},
		"ja": {"第56条", "第46条第1項", "3×24時間"},
		"en": {"Article 56 of Law No. 27 of 2022", "Article 46(1)", "3 × 24 hours"},
	},
	"DE": {
		"de": {"§ 87 Abs. 1 Nr. 6 BetrVG", "Art. 6 Abs. 1 DSGVO", "Betriebsvereinbarung ersetzt nicht", "Datenschutz-Folgenabschätzung", "unverzüglich und innerhalb der Frist der DSGVO"},
		"ja": {"事業所組織法第87条第1項第6号", "一般データ保護規則第6条第1項"},
		"en": {"section 87(1) no. 6 of the Works Constitution Act", "Article 6(1) GDPR", "without undue delay"},
	},
	"UK": {
		"en": {"“Monitoring workers” (October 2023)", "data protection impact assessment", "lawful basis (other than consent)", "privacy notice", "Information Commissioner without undue delay", "outside the United Kingdom"},
		"ja": {"Monitoring workers", "データ保護影響評価", "適法な根拠（同意を除く。）", "不当な遅滞なく"},
	},
	"EU": {
		"en": {"Article 6(1) GDPR", "section 87(1) no. 6 of the Works Constitution Act", "outside the European Economic Area", "without undue delay"},
		"ja": {"一般データ保護規則第6条第1項", "事業所組織法第87条第1項第6号", "欧州経済領域外"},
		"de": {"Art. 6 Abs. 1 DSGVO", "§ 87 Abs. 1 Nr. 6 BetrVG", "Europäischen Wirtschaftsraums"},
	},
}

// dpBans: what a practitioner would strike in a monitoring clause: blanket consent, and the
// implementing decree Vietnam replaced on 1 January 2026.
var dpBans = map[string][]string{
	"ja": {"モニタリングに同意する", "一切の監視に同意"},
	"en": {"consents to all monitoring", "consent to any monitoring", "hereby consent", "Decree 13/2023", "Decree No. 13/2023"},
	"vi": {"Nghị định 13/2023", "Nghị định số 13/2023"},
	"de": {"willigt in jede", "Einwilligung in sämtliche"},
}

func TestDataProtectionInEachLaw(t *testing.T) {
	for jur, langs := range jurLangs {
		for _, lang := range langs {
			reg := renderText(t, jur, "regulations", lang)
			what := "regulations " + jur + " " + lang
			mustContain(t, what, reg, dpWants[jur][lang]...)
			mustNotContain(t, what, reg, dpBans[lang]...)
			// Every employee document that records people tells them so, and no pledge turns
			// into a consent to monitoring.
			for _, doc := range []string{"nda-employee", "exit-pledge", "secret-register"} {
				got := renderText(t, jur, doc, lang)
				mustNotContain(t, doc+" "+jur+" "+lang, got, dpBans[lang]...)
			}
		}
	}
}

// dpNotices: one phrase of the entry-pledge notice, the exit-pledge notice, the register's
// access-list rule and the labour clause's logging and leaver-review notice in each language (the law's name comes from law.dp_act, asserted above).
var dpNotices = map[string][4]string{
	"ja":    {"その同意を含まない", "退職前の一定期間における私による会社の情報システムの利用記録を確認することがある", "氏名、所属及び役職に限り", "退職前の一定期間の利用記録を確認すること"},
	"en":    {"does not contain that consent", "review records of my use of its information systems over a reasonable period before I leave", "only their names, departments and positions are recorded", "may review those records for a period before the Employee leaves"},
	"th":    {"ไม่ถือเป็นการให้ความยินยอมดังกล่าว", "ตรวจสอบประวัติการใช้ระบบสารสนเทศของบริษัทโดยข้าพเจ้า", "เพียงชื่อ หน่วยงานที่สังกัด และตำแหน่ง", "อาจตรวจสอบบันทึกการใช้ในช่วงระยะเวลาหนึ่งก่อนการพ้นสภาพ"},
	"vi":    {"không bao gồm sự đồng ý đó", "kiểm tra nhật ký về việc tôi sử dụng hệ thống thông tin", "chỉ ghi họ tên, bộ phận và chức danh", "có thể kiểm tra nhật ký sử dụng trong một khoảng thời gian trước khi Người lao động nghỉ việc"},
	"id":    {"tidak memuat persetujuan tersebut", "memeriksa catatan penggunaan sistem informasi Perusahaan oleh saya", "hanya nama, unit kerja, dan jabatannya", "dapat memeriksa catatan penggunaan tersebut selama jangka waktu tertentu sebelum Karyawan berhenti bekerja"},
	"de":    {"ist sie nicht enthalten", "Protokolle über meine Nutzung ihrer IT-Systeme", "nur Name, Abteilung und Funktion", "kann diese Protokolle für einen angemessenen Zeitraum vor seinem Ausscheiden auswerten"},
	"zh-CN": {"单独同意的，公司在", "查阅本人离职前一定期间内使用公司信息系统的记录", "仅限于姓名、所属部门和职务", "在员工离职时可以查阅其离职前一定期间内的使用记录"},
}

func TestDataProtectionNotices(t *testing.T) {
	for jur, langs := range jurLangs {
		for _, lang := range langs {
			n := dpNotices[lang]
			entry := n[0]
			if jur == "CN" && lang != "zh-CN" {
				// CN: a two-party agreement; separate consent for the provision abroad (PIPL Art. 39).
				entry = map[string]string{"ja": "単独の同意", "en": "separate consent"}[lang]
			}
			mustContain(t, "nda-employee "+jur+" "+lang, renderText(t, jur, "nda-employee", lang), entry)
			mustContain(t, "exit-pledge "+jur+" "+lang, renderText(t, jur, "exit-pledge", lang), n[1])
			mustContain(t, "secret-register "+jur+" "+lang, renderText(t, jur, "secret-register", lang), n[2])
			mustContain(t, "labour-clause "+jur+" "+lang, renderText(t, jur, "labour-clause", lang), n[3])
		}
	}
}

// TestIPAndDataCounselQuestions: what the legal reference does not support is a question for
// counsel in a Word comment, never a citation in the signed text.
func TestIPAndDataCounselQuestions(t *testing.T) {
	r := testRenderer(t)
	cases := []struct {
		jur, doc, lang string
		note           string // a phrase of the open point (comment)
		notInBody      string // the unverified citation that stays out of the body
	}{
		{"JP", "labour-clause", "ja", "職務発明規程があること", "特許法第35条"},
		{"DE", "labour-clause", "de", "Arbeitnehmererfindungsgesetzes (ArbnErfG)", "ArbnErfG"},
		{"EU", "labour-clause", "en", "Employee Inventions Act (ArbnErfG)", "ArbnErfG"},
		{"VN", "labour-clause", "vi", "131/2025/QH15", "131/2025/QH15"},
		{"ID", "labour-clause", "id", "Undang-Undang Nomor 28 Tahun 2014", "Nomor 28 Tahun 2014"},
		{"CN", "labour-clause", "zh-CN", "应为第十八条", "著作权法》第十八条"},
		{"UK", "regulations", "en", "72 hours", "72 hours"},
		{"EU", "regulations", "de", "72 Stunden", "72 Stunden"},
		{"UK", "regulations", "en", "UK adequacy regulations", "adequacy"},
	}
	for _, c := range cases {
		p := sample(t, c.jur)
		outs, err := r.Render(Request{Doc: c.doc, Profile: p, Langs: []string{c.lang}, Notes: notes.Comments})
		if err != nil {
			t.Fatal(err)
		}
		b, err := outs[0].Package.Bytes()
		if err != nil {
			t.Fatal(err)
		}
		name := c.doc + " " + c.jur + " " + c.lang
		pkg, err := docx.Open(name, b)
		if err != nil {
			t.Fatal(err)
		}
		comments := strings.Join(checkComments(t, name, pkg), "\n")
		if !strings.Contains(comments, c.note) {
			t.Errorf("%s: no counsel question %q among the comments", name, c.note)
		}
		if body := partText(t, pkg, "word/document.xml"); strings.Contains(body, c.notInBody) {
			t.Errorf("%s: unverified %q is printed in the signed text: %s", name, c.notInBody, lineWith(body, c.notInBody))
		}
	}
}

// TestIPArticleEveryLayout: the IP and data articles come through every layout the
// jurisdictions use, in both languages of a bilingual document.
func TestIPArticleEveryLayout(t *testing.T) {
	r := testRenderer(t)
	for _, jur := range []string{"TH", "UK"} {
		p := sample(t, jur)
		for _, layout := range []string{Interleave, Columns} {
			got, _ := renderDump(t, r, Request{Doc: "labour-clause", Profile: p, Langs: p.Languages, Layout: layout})
			for _, l := range p.Languages {
				mustContain(t, "labour-clause "+jur+" "+layout, got, ipWants[jur][l][0])
			}
		}
	}
	if len(profile.Jurisdictions) != len(jurLangs) {
		t.Fatalf("jurLangs covers %d jurisdictions, profile knows %d", len(jurLangs), len(profile.Jurisdictions))
	}
}
