package render

import (
	"regexp"
	"strings"
	"testing"

	"github.com/tsdraft/tsdraft/internal/docx"
	"github.com/tsdraft/tsdraft/internal/profile"
	wx "github.com/tsdraft/tsdraft/internal/wordxml"
)

// TestMergeCell: a second-language paragraph that repeats its original is removed from a cell;
// anything else stays.
func TestMergeCell(t *testing.T) {
	ja := func(s string) string {
		return `<w:p><w:r><w:rPr><w:rStyle w:val="LangJa"/></w:rPr><w:t>` + s + `</w:t></w:r></w:p>`
	}
	en := func(s string) string {
		return `<w:p><w:r><w:rPr><w:rStyle w:val="LangEnSecond"/></w:rPr><w:t>` + s + `</w:t></w:r></w:p>`
	}
	cases := []struct {
		name, in string
		want     int // paragraphs left
	}{
		{"same ID", ja("TS-001") + en("TS-001"), 1},
		{"translated", ja("製造技術課") + en("Production Engineering"), 2},
		{"empty", ja("") + en(""), 2},
		{"second first", en("L1") + ja("L1"), 2},
		{"two pairs", ja("L1") + en("L1") + ja("秘") + en("Confidential"), 3},
		{"copy with a comment", ja("L1") + `<w:p><w:commentRangeStart w:id="1"/><w:r><w:rPr><w:rStyle w:val="LangEnSecond"/></w:rPr><w:t>L1</w:t></w:r></w:p>`, 2},
		{"copy with a field", ja("1") + `<w:p><w:r><w:rPr><w:rStyle w:val="LangEnSecond"/></w:rPr><w:fldChar w:fldCharType="begin"/><w:t>1</w:t></w:r></w:p>`, 2},
		{"table between", ja("L1") + `<w:tbl/>` + en("L1"), 2},
		{"mixed runs", ja("L1") + `<w:p><w:r><w:rPr><w:rStyle w:val="LangEnSecond"/></w:rPr><w:t>L</w:t></w:r><w:r><w:rPr><w:rStyle w:val="LangJa"/></w:rPr><w:t>1</w:t></w:r></w:p>`, 2},
	}
	for _, c := range cases {
		root, err := wx.Parse([]byte(`<w:tc xmlns:w="w">` + c.in + `</w:tc>`))
		if err != nil {
			t.Fatal(err)
		}
		tc := root.Child("w:tc")
		mergeCell(tc, "LangJa", "LangEnSecond")
		n := 0
		for _, ch := range tc.Children {
			if ch.Kind == wx.Elem && ch.Name == "w:p" {
				n++
			}
		}
		if n != c.want {
			t.Errorf("%s: %d paragraphs left, want %d", c.name, n, c.want)
		}
	}
}

var (
	sectRe     = regexp.MustCompile(`<w:sectPr>.*?</w:sectPr>`)
	gridColRe  = regexp.MustCompile(`<w:gridCol w:w="(\d+)"/>`)
	registerID = regexp.MustCompile(`TS-\d{3}`)
)

// TestRegisterLayout builds the register of every jurisdiction, bilingual and in one language,
// and reads it back (review 2026-12 A.9): the register table alone on landscape pages (a
// section break before and after it, the document ending in portrait), its columns spanning
// the landscape width, each ID printed once per row while names stay in both languages.
func TestRegisterLayout(t *testing.T) {
	r := testRenderer(t)
	for _, jur := range profile.Jurisdictions {
		p := sample(t, jur)
		for _, langs := range [][]string{p.Languages, p.Languages[:1]} {
			name := jur + " " + strings.Join(langs, "+")
			dump, b := renderDump(t, r, Request{Doc: "secret-register", Profile: p, Langs: langs, Layout: p.Layout})
			pkg, err := docx.Open("out.docx", b)
			if err != nil {
				t.Fatal(err)
			}
			x, _ := pkg.Read("word/document.xml")
			doc := string(x)
			sects := sectRe.FindAllStringIndex(doc, -1)
			if len(sects) != 3 {
				t.Fatalf("%s: %d sections, want 3 (portrait, landscape register, portrait)", name, len(sects))
			}
			orient := func(i int) bool { return strings.Contains(doc[sects[i][0]:sects[i][1]], `w:orient="landscape"`) }
			if orient(0) || !orient(1) || orient(2) {
				t.Errorf("%s: section orientations %v %v %v, want portrait, landscape, portrait", name, orient(0), orient(1), orient(2))
			}
			// The register table lies in the landscape section and is as wide as its text.
			land := doc[sects[0][1]:sects[1][0]]
			if !registerID.MatchString(land) || registerID.MatchString(doc[:sects[0][0]]) || registerID.MatchString(doc[sects[1][1]:]) {
				t.Errorf("%s: the register rows are not (only) in the landscape section", name)
			}
			sum := 0
			for _, m := range gridColRe.FindAllStringSubmatch(land, -1) {
				n := 0
				for _, c := range m[1] {
					n = n*10 + int(c-'0')
				}
				sum += n
			}
			if sum < 14500 || sum > 14570 {
				t.Errorf("%s: the register's columns add up to %d twips, want the landscape text width 14570", name, sum)
			}
			for _, it := range p.Confidential.Items {
				row := lineWith(dump, it.ID+" ")
				if strings.Count(row, it.ID) != 1 {
					t.Errorf("%s: %s printed %d times in its row: %s", name, it.ID, strings.Count(row, it.ID), row)
				}
				if len(langs) == 2 && !strings.Contains(row, " / ") {
					t.Errorf("%s: the row of %s has no second-language text: %s", name, it.ID, row)
				}
			}
		}
	}
}
