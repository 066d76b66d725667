package render

import (
	"regexp"
	"strings"
	"testing"
)

var runRe = regexp.MustCompile(`(?s)<w:r>(?:<w:rPr>(.*?)</w:rPr>)?.*?</w:r>`)

// Fonts and languages come from per-language character styles, not from direct formatting on
// every run, and the second language never carries the first one's East Asian font hints.
func TestLanguageStylesNotDirectFonts(t *testing.T) {
	r := testRenderer(t)
	p := sample(t, "CN")
	for _, layout := range []string{Interleave, Columns} {
		outs, err := r.Render(Request{Doc: "nda-employee", Profile: p, Data: p.Data(), Langs: []string{"zh-CN", "en"}, Layout: layout})
		if err != nil {
			t.Fatal(err)
		}
		pkg := outs[0].Package
		doc, _ := pkg.Read("word/document.xml")
		styles, _ := pkg.Read("word/styles.xml")
		if strings.Contains(string(doc), "<w:rFonts") || strings.Contains(string(doc), `w:hint="eastAsia"`) {
			t.Errorf("%s: direct fonts on runs", layout)
		}
		counts := map[string]int{}
		for _, m := range runRe.FindAllStringSubmatch(string(doc), -1) {
			if m := regexp.MustCompile(`<w:rStyle w:val="([^"]+)"/>`).FindStringSubmatch(m[1]); m != nil {
				counts[m[1]]++
			}
		}
		if counts["LangZhCN"] < 50 || counts["LangEnSecond"] < 50 || counts["LangEnSecond"] != counts["LangZhCN"] {
			t.Errorf("%s: runs by style %v: want every Chinese run in LangZhCN and its English copy in LangEnSecond", layout, counts)
		}
		for _, want := range []string{
			`w:styleId="LangZhCN"><w:name w:val="Language zh-CN"/><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="SimSun" w:hint="eastAsia"/><w:lang w:val="zh-CN" w:eastAsia="zh-CN"/>`,
			`w:styleId="LangEnSecond"><w:name w:val="Second language en"/><w:basedOn w:val="LangEn"/>`,
			`w:styleId="LangEn"><w:name w:val="Language en"/><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman"/><w:lang w:val="en-GB"/>`,
		} {
			if !strings.Contains(string(styles), want) {
				t.Errorf("%s: styles.xml lacks %s", layout, want)
			}
		}
	}
}
