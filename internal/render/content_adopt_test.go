package render

import (
	"regexp"
	"strings"
	"testing"

	"github.com/tsdraft/tsdraft/internal/docx"
	"github.com/tsdraft/tsdraft/internal/notes"
)

// Adoption of the regulations (review 2026-12 C, issue 10 "Regulations are adopted the local
// way"): each jurisdiction's regulations carry the instrument that adopts them, the record of the
// local procedure, the statutes that procedure rests on and the discipline its law lets the
// employer impose. Every case builds the real regulations from the sample profile in each
// language the jurisdiction builds in and reads the text back.

type adoptCase struct {
	jur, lang string
	wants     []string // the instrument, the record and the citations
	bans      []string // what the review objected to
}

var adoptCases = []adoptCase{
	// JP: the 就業規則 link: grounds in the regulations, the articles to insert into the
	// 就業規則 itself, and the 意見書 / 届出 / 周知 record.
	{"JP", "ja", []string{
		"就業規則に定める懲戒の種類及び手続に従い",
		"就業規則に定める懲戒の事由に該当するものとする",
		"別記　就業規則に設ける条文",
		"第　条（秘密情報の保持）",
		"第　条（懲戒の事由）",
		"会社の営業秘密その他の秘密情報を、正当な権限なく第三者に開示し、又は漏えいしたとき",
		"制定記録", "意見書", "所轄労働基準監督署長への届出", "周知：",
		"本規程の制定日：2026年4月1日",
	}, []string{"就業規則の定めるところにより懲戒処分を行うことがある"}},
	{"JP", "en", []string{
		"Annex: Articles to be inserted into the work rules",
		"Article __ (Grounds for Disciplinary Action)",
		"Labor Standards Inspection Office", "written opinion", "Adoption record",
	}, nil},
	// CN: LCL Art. 4 evidence, the 严重违纪 list for Art. 39(2), the company seal.
	{"CN", "zh-CN", []string{
		"属于严重违反公司规章制度", "《中华人民共和国劳动合同法》第三十九条第（二）项", "不支付经济补偿",
		"最高保密等级的保密资料", "职工代表大会", "平等协商确定", "签收单", "培训签到表", "（盖章）",
		"法定代表人（签字）", "制定记录",
	}, []string{"密级", "涉密载体"}}, // state-secret vocabulary (保守国家秘密法), never for company information
	{"CN", "ja", []string{"労働契約法第39条第2号", "経済補償を支払うことなく", "（公章）", "従業員の利益に直接関わる"},
		[]string{"切実な利益"}},
	{"CN", "en", []string{"Article 39(2) of the Labour Contract Law", "without paying economic compensation", "(company seal)"}, nil},
	// TH: the ประกาศ signed by the managing director, s.108 posting with a copy kept at the
	// workplace (no filing: abolished in 2017), consent of existing staff.
	{"TH", "th", []string{
		"ประกาศ ณ วันที่ 1 เมษายน 2569", "(ลงชื่อ)", "(นายเคนอิจิ ทานากะ)", "กรรมการผู้จัดการ",
		"ตามมาตรา 108 แห่งพระราชบัญญัติคุ้มครองแรงงาน พ.ศ. 2541", "เก็บสำเนาไว้ ณ สถานที่ทำงาน",
		"ความยินยอมเป็นหนังสือจากลูกจ้างแต่ละคน", "บันทึกการประกาศใช้",
	}, []string{"ดำเนินการเกี่ยวกับสำเนาข้อบังคับ"}},
	{"TH", "ja", []string{"2026年4月1日公示", "（署名）", "個別に書面による同意", "第108条の定めるところにより"},
		[]string{"その写しについてはタイ王国労働者保護法"}},
	{"TH", "en", []string{"Announced on 1 April 2026", "(Signed)", "section 108 of the Labour Protection Act", "individual written consent"}, nil},
	// VN: the Quyết định ban hành with Quốc hiệu and Tiêu ngữ, Labour Code Arts. 118, 119,
	// 121, 125(2) and Decree 145/2020.
	{"VN", "vi", []string{
		"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Hà Nội, ngày 01 tháng 4 năm 2026",
		"QUYẾT ĐỊNH", "Về việc ban hành Quy chế quản lý bí mật kinh doanh",
		"TỔNG GIÁM ĐỐC CÔNG TY TNHH MINATO SEIKO VIỆT NAM",
		"Căn cứ Bộ luật Lao động số 45/2019/QH14", "Căn cứ Nghị định số 145/2020/NĐ-CP",
		"theo Điều 118 Bộ luật Lao động", "theo Điều 119 Bộ luật Lao động", "theo Điều 121 Bộ luật Lao động",
		"sa thải theo khoản 2 Điều 125 Bộ luật Lao động", "(Ký, ghi rõ họ tên và đóng dấu)", "HỒ SƠ BAN HÀNH",
	}, nil},
	{"VN", "ja", []string{"ベトナム社会主義共和国", "独立・自由・幸福", "の制定について", "労働法典第118条", "労働法典第119条", "労働法典第121条", "労働法典第125条第2項", "政令第145/2020/NĐ-CP号"}, nil},
	{"VN", "en", []string{"SOCIALIST REPUBLIC OF VIETNAM", "DECISION", "Article 119 of the Labour Code", "Article 125(2) of the Labour Code", "Decree No. 145/2020/NĐ-CP"}, nil},
	// ID: sanctions stated in the regulations (no circular pointer back to the PP), the SP
	// ladder, urgent breaches under PP 35/2021 Art. 52(2), «Ditetapkan di … Direksi».
	{"ID", "id", []string{
		"Surat Peringatan I (SP I)", "Surat Peringatan II (SP II)", "Surat Peringatan III (SP III)",
		"6 (enam) bulan", "Pasal 52 ayat (1) Peraturan Pemerintah Nomor 35 Tahun 2021",
		"pelanggaran bersifat mendesak sebagaimana dimaksud dalam Pasal 52 ayat (2) Peraturan Pemerintah Nomor 35 Tahun 2021",
		"uang penggantian hak", "uang pisah", "Ditetapkan di Bekasi", "pada tanggal 1 April 2026", "Direksi",
		"CATATAN PENGESAHAN",
	}, []string{"Pelanggaran dan sanksinya tunduk pada Peraturan Perusahaan"}},
	{"ID", "ja", []string{"第1警告書（SP I）", "緊急性のある違反（pelanggaran bersifat mendesak）", "2021年政令第35号第52条第2項", "取締役会（Direksi）"},
		[]string{"違反行為及びこれに対する制裁は、当該会社規則又は労働協約の定めるところによる"}},
	{"ID", "en", []string{"first warning letter (SP I)", "urgent breach (pelanggaran bersifat mendesak)", "Article 52(2) of Government Regulation No. 35 of 2021", "Board of Directors (Direksi)"}, nil},
	// DE: the BetrVG § 87 (1) Nr. 1 and Nr. 6 points and the works-agreement route.
	{"DE", "de", []string{
		"Mitbestimmung nach § 87 Abs. 1 Nr. 1 BetrVG", "Mitbestimmung nach § 87 Abs. 1 Nr. 6 BetrVG",
		"nach § 87 Abs. 1 Nr. 6 BetrVG eingeführt", "Besteht ein Betriebsrat oder wird einer gewählt",
		"Betriebsvereinbarung", "Die Geschäftsführung", "Düsseldorf, den 1. April 2026", "Einführungsvermerk",
		"Ein Betriebsrat besteht nicht",
	}, nil},
	{"DE", "ja", []string{"事業所組織法第87条第1項第1号", "同項第6号", "事業所協定（Betriebsvereinbarung）", "業務執行者（Geschäftsführung）", "（違反の効果）"},
		[]string{"懲戒", "就業規則"}},
	{"DE", "en", []string{"Consequences of Breach"}, []string{"Disciplinary Action", "work rules"}},
	{"DE", "en", []string{"section 87(1) no. 1 of the Works Constitution Act", "section 87(1) no. 6", "works agreement (Betriebsvereinbarung)"}, nil},
	// EU: the sample chooses German law, so its regulations are drafted with the DE texts.
	{"EU", "de", []string{"Mitbestimmung nach § 87 Abs. 1 Nr. 1 BetrVG", "Besteht ein Betriebsrat oder wird einer gewählt", "Einführungsvermerk"}, nil},
	{"EU", "ja", []string{"事業所組織法第87条第1項第1号", "事業所協定（Betriebsvereinbarung）", "（違反の効果）"}, []string{"懲戒", "就業規則"}},
	// UK: a non-contractual policy, handled under the disciplinary procedure.
	{"UK", "en", []string{
		"These Regulations do not form part of any employee’s contract of employment, and the Company may amend them at any time.",
		"dealt with under the Company’s disciplinary procedure", "right to be accompanied", "right of appeal",
		"Approved for and on behalf of Minato Seiko UK Limited", "Policy record",
	}, []string{"non-contractual policy of the Company; they take effect"}},
	{"UK", "ja", []string{"いずれの従業員の雇用契約の一部をなすものでもなく", "会社の懲戒手続により取り扱う", "方針の記録"}, nil},
}

func TestRegulationsAdoptedTheLocalWay(t *testing.T) {
	for _, c := range adoptCases {
		t.Run(c.jur+"."+c.lang, func(t *testing.T) {
			got := renderText(t, c.jur, "regulations", c.lang)
			what := "regulations " + c.jur + " " + c.lang
			mustContain(t, what, got, c.wants...)
			mustNotContain(t, what, got, c.bans...)
		})
	}
}

// Every language the jurisdiction builds in carries an adoption record; every jurisdiction but
// JP (adopted by the 就業規則 procedure) and VN (adopted by the decision at the top) a signature.
func TestRegulationsAdoptionBlockInEveryLanguage(t *testing.T) {
	r := testRenderer(t)
	for jur, langs := range jurLangs {
		for _, lang := range langs {
			got := renderText(t, jur, "regulations", lang)
			// The record's first line is its title (the rest has tags and blanks to fill in).
			record, err := r.Catalog.Text(lang, jur, "regulations.record")
			if err != nil {
				t.Fatal(err)
			}
			title := strings.SplitN(record, "\n", 2)[0]
			if !strings.Contains(got, title) {
				t.Errorf("regulations %s %s: no adoption record %q", jur, lang, title)
			}
			if jur == "JP" || jur == "VN" {
				continue
			}
			// The signature block names the representative from the profile (CN: the title over a
			// blank for the hand signature); nothing else in the regulations prints either.
			p := sample(t, jur)
			who := p.Company.Representative
			if jur == "CN" {
				who = p.Company.RepresentativeTitle // the legal representative signs by hand; no typed name
			}
			rep, ok := who.In(lang)
			if !ok || rep == "" {
				t.Fatalf("%s sample has no representative in %s", jur, lang)
			}
			if !strings.Contains(got, rep) {
				t.Errorf("regulations %s %s: the instrument does not name the representative %q", jur, lang, rep)
			}
		}
	}
}

// VN: the decision comes before the regulations it issues.
func TestVNDecisionPrecedesRegulations(t *testing.T) {
	got := renderText(t, "VN", "regulations", "vi")
	d, title := strings.Index(got, "QUYẾT ĐỊNH"), strings.Index(got, "\nQuy chế quản lý bí mật kinh doanh")
	if d < 0 || title < 0 || d > title {
		t.Errorf("the Quyết định ban hành must precede the regulations (decision at %d, title at %d)", d, title)
	}
}

// ID: the relation article cites the sanctions by number, the two paragraphs of one article
// together as natives cite them (the article once), and the citations point at the SP ladder
// and the urgent-breach paragraphs of the discipline article.
func TestIDSanctionsCitedByNumber(t *testing.T) {
	got := renderText(t, "ID", "regulations", "id")
	m := regexp.MustCompile(`Sanksi atas pelanggaran Peraturan ini diatur dalam Pasal (\d+) ayat \(1\) dan ayat \(2\)\.`).FindStringSubmatch(got)
	if m == nil {
		t.Fatalf("relation article does not cite the two sanction paragraphs of one article together")
	}
	ja := renderText(t, "ID", "regulations", "ja")
	if want := "本規程の違反に対する制裁は、第" + m[1] + "条第1項及び第2項に定めるところによる。"; !strings.Contains(ja, want) {
		t.Errorf("the Japanese relation article does not read %q", want)
	}
	sp := lineWith(got, "Surat Peringatan I (SP I)")
	urgent := lineWith(got, "pelanggaran bersifat mendesak sebagaimana")
	if !strings.HasPrefix(sp, "(1) ") || !strings.HasPrefix(urgent, "(2) ") {
		t.Errorf("SP ladder and urgent breaches must be paragraphs (1) and (2):\n%s\n%s", sp, urgent)
	}
	if !strings.Contains(got, "Pasal "+m[1]+" Sanksi") {
		t.Errorf("Pasal %s is not the sanctions article", m[1])
	}
}

// DE and EU: company.works_council = true turns the conditional co-determination wording into
// the works-agreement route, and the record no longer offers "no works council".
func TestWorksCouncilSetting(t *testing.T) {
	for _, c := range []struct{ jur, lang, cond, definite, none string }{
		{"DE", "de", "Besteht ein Betriebsrat oder wird einer gewählt", "Die Gesellschaft führt diese Regelungen durch Betriebsvereinbarung mit dem Betriebsrat ein", "Ein Betriebsrat besteht nicht"},
		{"DE", "en", "Where a works council exists or is elected", "The Company shall introduce and amend those provisions only by works agreement", "no works council exists"},
		// The EU sample chooses German law: the DE texts and the same switch.
		{"EU", "de", "Besteht ein Betriebsrat oder wird einer gewählt", "Die Gesellschaft führt diese Regelungen durch Betriebsvereinbarung mit dem Betriebsrat ein", "Ein Betriebsrat besteht nicht"},
	} {
		off := renderText(t, c.jur, "regulations", c.lang)
		on := renderText(t, c.jur, "regulations", c.lang, "company.works_council=true")
		what := "regulations " + c.jur + " " + c.lang
		mustContain(t, what+" (works council not stated)", off, c.cond, c.none)
		mustNotContain(t, what+" (works council not stated)", off, c.definite)
		mustContain(t, what+" (works council)", on, c.definite)
		mustNotContain(t, what+" (works council)", on, c.cond, c.none)
	}
}

// The classification guide speaks of the same sanctions as the regulations: DE measures under
// employment law (no 懲戒処分 under 就業規則), ID the PP or the PKB.
func TestGuideDisciplineFollowsRegulations(t *testing.T) {
	de := renderText(t, "DE", "classification-guide", "ja")
	mustContain(t, "guide DE ja", de, "警告（Abmahnung）")
	mustNotContain(t, "guide DE ja", de, "懲戒処分", "就業規則")
	deEn := renderText(t, "DE", "classification-guide", "en")
	mustNotContain(t, "guide DE en", deEn, "disciplinary action", "work rules")
	id := renderText(t, "ID", "classification-guide", "ja")
	mustContain(t, "guide ID ja", id, "労働協約（Perjanjian Kerja Bersama）")
	mustNotContain(t, "guide ID ja", id, "就業規則")
}

// The counsel questions and the commentary of the adoption clauses reach the drafted document
// as Word comments, never as text, in every layout of the bilingual sample.
func TestAdoptionNotesAreComments(t *testing.T) {
	r := testRenderer(t)
	for _, c := range []struct{ jur, note string }{
		{"JP", "フジ興産事件"}, {"TH", "1480/2526"}, {"VN", "khoản 3 Điều 118"}, {"ID", "012/PUU-I/2003"},
		{"DE", "1 ABR 87/07"}, {"UK", "ACAS"}, {"CN", "裁判尺度"},
	} {
		p := sample(t, c.jur)
		for _, layout := range []string{Interleave, Columns, Separate} {
			outs, err := r.Render(Request{Doc: "regulations", Profile: p, Langs: p.Languages, Layout: layout, Notes: notes.Comments})
			if err != nil {
				t.Fatalf("%s %s: %v", c.jur, layout, err)
			}
			var comments, body strings.Builder
			for _, o := range outs {
				b, err := o.Package.Bytes()
				if err != nil {
					t.Fatal(err)
				}
				if err := docx.Verify(b); err != nil {
					t.Fatalf("%s %s: %v", c.jur, layout, err)
				}
				body.WriteString(partText(t, o.Package, "word/document.xml"))
				if _, err := o.Package.Read("word/comments.xml"); err == nil {
					comments.WriteString(partText(t, o.Package, "word/comments.xml"))
				}
			}
			if !strings.Contains(comments.String(), c.note) {
				t.Errorf("%s %s: the drafting note (%q) is not a comment", c.jur, layout, c.note)
			}
			if strings.Contains(body.String(), c.note) {
				t.Errorf("%s %s: the drafting note (%q) leaked into the text", c.jur, layout, c.note)
			}
		}
	}
}

// The instrument is dated with the regulations' own date ([documents.regulations] date), not the
// profile's general date.
func TestAdoptionInstrumentUsesTheRegulationsDate(t *testing.T) {
	got := renderText(t, "TH", "regulations", "th", "documents.regulations.date=2026-05-15")
	mustContain(t, "regulations TH th", got, "ประกาศ ณ วันที่ 15 พฤษภาคม 2569")
	mustNotContain(t, "regulations TH th", got, "ประกาศ ณ วันที่ 1 เมษายน 2569")
	id := renderText(t, "ID", "regulations", "id", "documents.regulations.date=2026-05-15", `signing.place="Cikarang"`)
	mustContain(t, "regulations ID id", id, "Ditetapkan di Cikarang", "pada tanggal 15 Mei 2026")
}
