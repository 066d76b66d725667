package render

import (
	"regexp"
	"strings"
	"testing"

	"github.com/tsdraft/tsdraft/internal/docxtext"
)

// Cross-jurisdiction points of the practitioner audit (issue 10, MINOR): each test renders real
// DOCX files from the sample profiles, reads their text back and checks the signed text.

// The arbitration clause names the JCAA's 商事仲裁規則 and BANI's head office only when the
// profile chose that institution (dispute.institution_is), and never carries a conditional
// phrase ("where that institution is …") in the signed text.
func TestArbitrationClauseNamesTheInstitutionsOwnRules(t *testing.T) {
	conditional := []string{"同機関が", "where that institution", "dalam hal lembaga"}
	for _, c := range []struct {
		jur, lang string
		sets      []string
		must      []string
		mustNot   []string
	}{
		{"JP", "ja", nil, []string{"一般社団法人日本商事仲裁協会の商事仲裁規則であって仲裁申立て時に有効なもの"}, nil},
		{"JP", "en", nil, []string{"in accordance with the Commercial Arbitration Rules of the Japan Commercial Arbitration Association (JCAA) in force"}, nil},
		{"JP", "ja", []string{`dispute.institution="JCAA"`}, []string{"JCAAの商事仲裁規則"}, nil},
		{"JP", "ja", []string{`dispute.institution="Singapore International Arbitration Centre"`},
			[]string{"Singapore International Arbitration Centreの仲裁規則であって"}, []string{"商事仲裁規則"}},
		{"JP", "en", []string{`dispute.institution="the Singapore International Arbitration Centre"`},
			[]string{"in accordance with the arbitration rules of the Singapore International Arbitration Centre in force"}, []string{"Commercial Arbitration Rules"}},
		// BANI is named by its full name only: its address is not in the legal reference, and
		// a counsel note asks for it (a body with a similar name exists).
		{"ID", "id", nil, []string{"diselenggarakan oleh Badan Arbitrase Nasional Indonesia (BANI) menurut"}, []string{"Mampang"}},
		{"ID", "ja", nil, []string{"インドネシア国家仲裁委員会（BANI）が運営する仲裁"}, []string{"マンパン"}},
		{"ID", "en", nil, []string{"administered by the Indonesian National Board of Arbitration (BANI) under"}, []string{"Mampang"}},
		{"ID", "id", []string{`dispute.institution="BANI Arbitration Center"`},
			[]string{"oleh BANI Arbitration Center menurut"}, []string{"Mampang"}},
		{"ID", "en", []string{`dispute.institution="BANI Arbitration Center"`},
			[]string{"administered by BANI Arbitration Center under"}, []string{"Mampang"}},
	} {
		got := renderText(t, c.jur, "nda-partner", c.lang, c.sets...)
		what := c.jur + " nda-partner " + c.lang + " " + c.lang
		if len(c.sets) > 0 {
			what += " " + c.sets[0]
		}
		mustContain(t, what, got, c.must...)
		mustNotContain(t, what, got, append(c.mustNot, conditional...)...)
	}
}

// The language clause of a bilingual document names its two languages, in each language, in
// every jurisdiction (the JP and CN clauses said only 「二か国語」 / 「两种语言」).
func TestLanguageClauseNamesBothLanguages(t *testing.T) {
	for _, c := range []struct {
		jur   string
		langs []string
		want  []string
	}{
		{"JP", []string{"ja", "en"}, []string{"本契約は日本語及び英語の二か国語で作成し", "There are two language versions of this Agreement, the Japanese version and the English version,"}},
		{"CN", []string{"zh-CN", "ja"}, []string{"本协议以中文和日文两种语言文字写成", "本契約は中国語及び日本語の二か国語で作成し"}},
		{"TH", []string{"th", "ja"}, []string{"จัดทำขึ้นเป็นสองภาษา คือ ภาษาไทยและภาษาญี่ปุ่น"}},
		{"VN", []string{"vi", "en"}, []string{"được lập bằng hai ngôn ngữ là tiếng Việt và tiếng Anh", "the Vietnamese version and the English version"}},
		{"DE", []string{"de", "ja"}, []string{"eine auf Deutsch und eine auf Japanisch", "ドイツ語及び日本語の二か国語で作成し"}},
	} {
		got := renderPair(t, c.jur, "nda-partner", c.langs)
		what := c.jur + " nda-partner " + c.langs[0] + "+" + c.langs[1]
		mustContain(t, what, got, c.want...)
		mustNotContain(t, what, got, "は二か国語で作成し", "以两种语言文字写成", "{{")
	}
}

// A reference to a paragraph of the same article leaves the article number out, as each
// language's drafters write it (前項, 前2項, 前款, 前两款, วรรคหนึ่ง, khoản 1 Điều này, ayat (1),
// Absatz 1); English keeps its decimal citation, which is the paragraph's printed label.
// Rendered from the regulations, where article "designation" cites its first paragraph and
// the hiring article's third paragraph cites the two before it.
func TestSameArticleReferences(t *testing.T) {
	for _, c := range []struct {
		jur, lang string
		must      []string
		mustNot   []string
	}{
		{"JP", "ja", []string{"2　管理責任者は、前項の申請を審査し", "3　会社は、派遣労働者、出向者その他の従業員等を受け入れるときも、前2項に準じた措置を講じる。"}, []string{"第22条第1項及び第22条第2項", "第10条第1項の申請"}},
		{"CN", "zh-CN", []string{"管理负责人应当对前款规定的申请进行审查", "亦应当参照前两款的规定采取相应措施"}, []string{"第十条第一款规定的申请", "第二十二条第一款、第二十二条第二款"}},
		{"TH", "th", []string{"ผู้รับผิดชอบหลักจะพิจารณาคำขอตามวรรคหนึ่ง", "มาตรการทำนองเดียวกับวรรคหนึ่ง และวรรคสอง"}, []string{"คำขอตามข้อ 10 วรรคหนึ่ง"}},
		{"VN", "vi", []string{"xem xét đề nghị nêu tại khoản 1 Điều này", "quy định tại khoản 1 và khoản 2 Điều này"}, []string{"khoản 1 Điều 10", "khoản 1 Điều này và khoản 2 Điều này"}},
		{"ID", "id", []string{"memeriksa pengajuan sebagaimana dimaksud pada ayat (1)", "ketentuan pada ayat (1) dan ayat (2)"}, []string{"Pasal 10 ayat (1)"}},
		{"DE", "de", []string{"prüft den Antrag nach Absatz 1", "entsprechende Maßnahmen nach Absatz 1 und 2."}, []string{"§ 10 Abs. 1", "Absatz 1 und Absatz 2"}},
		{"DE", "en", []string{"those in Articles 22.1 and 22.2 when"}, []string{"Article 22.1 and Article 22.2"}},
		{"UK", "en", []string{"those in clauses 22.1 and 22.2 when"}, []string{"clause 22.1 and clause 22.2"}},
	} {
		got := renderText(t, c.jur, "regulations", c.lang)
		what := c.jur + " regulations " + c.lang
		mustContain(t, what, got, c.must...)
		mustNotContain(t, what, got, c.mustNot...)
	}
}

// The drafting-notes memo gives each note the heading of its clause in the note's own
// language: in an interleaved zh-CN+ja or de+ja document the Chinese and German notes had
// the Japanese heading that follows theirs.
func TestMemoHeadingsInTheNotesLanguage(t *testing.T) {
	r := testRenderer(t)
	script := map[string]*regexp.Regexp{
		"zh-CN": regexp.MustCompile(`^第[一二三四五六七八九十]+条 `),
		"de":    regexp.MustCompile(`^§ \d+ `),
		"ja":    regexp.MustCompile(`^第\d+条（`),
	}
	for _, c := range []struct{ jur, doc string }{{"CN", "nda-employee"}, {"DE", "noncompete"}} {
		p := sample(t, c.jur, "noncompete.enabled=true")
		pkg, ns := renderMemo(t, r, p, c.doc, p.Languages, nil)
		if len(ns) == 0 {
			t.Fatalf("%s %s: no drafting note to check", c.jur, c.doc)
		}
		dump, err := docxtext.Dump(pkg)
		if err != nil {
			t.Fatal(err)
		}
		langs := map[string]bool{}
		for _, n := range ns {
			re := script[n.Lang]
			if re == nil || n.Heading == "" {
				continue
			}
			langs[n.Lang] = true
			if !re.MatchString(n.Heading) {
				t.Errorf("%s %s: a %s note (%s) under the heading %q", c.jur, c.doc, n.Lang, n.Key, n.Heading)
			}
			if !strings.Contains(dump, n.Heading) {
				t.Errorf("%s %s: the memo does not print the heading %q", c.jur, c.doc, n.Heading)
			}
		}
		if !langs[p.Languages[0]] || !langs["ja"] {
			t.Errorf("%s %s: notes checked in %v, want %s and ja", c.jur, c.doc, langs, p.Languages[0])
		}
	}
}
