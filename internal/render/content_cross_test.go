package render

import (
	"testing"
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
		{"ID", "id", nil, []string{"oleh Badan Arbitrase Nasional Indonesia (BANI) yang berkantor pusat di Wahana Graha Lt. 1 & 2, Jl. Mampang Prapatan No. 2, Jakarta 12760 menurut"}, nil},
		{"ID", "ja", nil, []string{"ワハナ・グラハ1階及び2階（郵便番号12760）に本部を置くインドネシア国家仲裁委員会（BANI）が運営する仲裁"}, nil},
		{"ID", "en", nil, []string{"administered by the Indonesian National Board of Arbitration (BANI), with its head office at Wahana Graha, 1st and 2nd floors, Jl. Mampang Prapatan No. 2, Jakarta 12760, under"}, nil},
		// The other body that calls itself BANI gets no Mampang Prapatan address.
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
