package render

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"strings"

	"github.com/tsdraft/tsdraft/internal/docx"
	wx "github.com/tsdraft/tsdraft/internal/wordxml"
)

// script settings per language: the fonts Word and LibreOffice should use and the language
// tags that drive line breaking, spelling and the choice between Japanese and Chinese glyphs.
type script struct {
	fonts                [][2]string // w:rFonts attributes
	lang, eastAsia, bidi string
}

var scripts = map[string]script{
	"ja":    {fonts: [][2]string{{"w:ascii", "Times New Roman"}, {"w:hAnsi", "Times New Roman"}, {"w:eastAsia", "Yu Mincho"}, {"w:hint", "eastAsia"}}, lang: "ja-JP", eastAsia: "ja-JP"},
	"zh-CN": {fonts: [][2]string{{"w:ascii", "Times New Roman"}, {"w:hAnsi", "Times New Roman"}, {"w:eastAsia", "SimSun"}, {"w:hint", "eastAsia"}}, lang: "zh-CN", eastAsia: "zh-CN"},
	// Word treats Thai as a complex script: the cs font and w:bidi language apply to it.
	"th": {fonts: [][2]string{{"w:ascii", "Tahoma"}, {"w:hAnsi", "Tahoma"}, {"w:cs", "Tahoma"}}, lang: "th-TH", bidi: "th-TH"},
	"vi": {fonts: [][2]string{{"w:ascii", "Times New Roman"}, {"w:hAnsi", "Times New Roman"}}, lang: "vi-VN"},
	"id": {fonts: [][2]string{{"w:ascii", "Times New Roman"}, {"w:hAnsi", "Times New Roman"}}, lang: "id-ID"},
	"de": {fonts: [][2]string{{"w:ascii", "Times New Roman"}, {"w:hAnsi", "Times New Roman"}}, lang: "de-DE"},
	"en": {fonts: [][2]string{{"w:ascii", "Times New Roman"}, {"w:hAnsi", "Times New Roman"}}, lang: "en-GB"},
}

// rPrOrder is the schema order of run properties; Word rejects them out of order.
var rPrOrder = map[string]int{}

func init() {
	for i, n := range []string{"w:rStyle", "w:rFonts", "w:b", "w:bCs", "w:i", "w:iCs", "w:caps", "w:smallCaps", "w:strike",
		"w:dstrike", "w:outline", "w:shadow", "w:emboss", "w:imprint", "w:noProof", "w:snapToGrid", "w:vanish",
		"w:webHidden", "w:color", "w:spacing", "w:w", "w:kern", "w:position", "w:sz", "w:szCs", "w:highlight", "w:u",
		"w:effect", "w:bdr", "w:shd", "w:fitText", "w:vertAlign", "w:rtl", "w:cs", "w:em", "w:lang",
		"w:eastAsianLayout", "w:specVanish", "w:oMath"} {
		rPrOrder[n] = i
	}
}

func elem(name string, attrs ...[2]string) *wx.Node {
	n := &wx.Node{Kind: wx.Elem, Name: name}
	for _, a := range attrs {
		n.SetAttr(a[0], a[1])
	}
	return n
}

// setChild puts child into rPr at its schema position, replacing one of the same name.
func setChild(rPr, child *wx.Node) *wx.Node {
	for _, c := range rPr.Children {
		if c.Kind == wx.Elem && c.Name == child.Name {
			return c
		}
	}
	at := len(rPr.Children)
	for i, c := range rPr.Children {
		if c.Kind == wx.Elem && rPrOrder[c.Name] > rPrOrder[child.Name] {
			at = i
			break
		}
	}
	child.Parent = rPr
	rPr.Children = append(rPr.Children, nil)
	copy(rPr.Children[at+1:], rPr.Children[at:])
	rPr.Children[at] = child
	return child
}

// Fonts and languages live in character styles, one per language (and one for the second
// language of a bilingual document, based on it): a run of the template gets the style, not
// direct formatting, so a designer restyles a language in one place and an author's own
// formatting is never overridden. A run that already has a character style of the author's
// keeps it and gets only its language (w:lang) directly.

// LangStyleID is the character style carrying the fonts and language of lang ("LangZhCN");
// second selects the style of the second language of a bilingual document.
func LangStyleID(lang string, second bool) string {
	var b strings.Builder
	b.WriteString("Lang")
	for _, part := range strings.Split(lang, "-") {
		if part == "" {
			continue
		}
		b.WriteString(strings.ToUpper(part[:1]) + part[1:])
	}
	if second {
		b.WriteString("Second")
	}
	return b.String()
}

func isLangStyle(id string) bool { return strings.HasPrefix(id, "Lang") && len(id) > 4 }

// langStyleXML defines the style of a language (and its second-language variant).
func langStyleXML(lang string, second bool) string {
	sc := scripts[lang]
	var b strings.Builder
	id := LangStyleID(lang, second)
	fmt.Fprintf(&b, `<w:style w:type="character" w:customStyle="1" w:styleId="%s"><w:name w:val="%s"/>`, id, map[bool]string{false: "Language " + lang, true: "Second language " + lang}[second])
	if second {
		fmt.Fprintf(&b, `<w:basedOn w:val="%s"/><w:rPr><w:color w:val="44546A"/></w:rPr></w:style>`, LangStyleID(lang, false))
		return b.String()
	}
	b.WriteString(`<w:rPr><w:rFonts`)
	for _, a := range sc.fonts {
		fmt.Fprintf(&b, ` %s="%s"`, a[0], a[1])
	}
	fmt.Fprintf(&b, `/><w:lang w:val="%s"`, sc.lang)
	if sc.eastAsia != "" {
		fmt.Fprintf(&b, ` w:eastAsia="%s"`, sc.eastAsia)
	}
	if sc.bidi != "" {
		fmt.Fprintf(&b, ` w:bidi="%s"`, sc.bidi)
	}
	b.WriteString(`/></w:rPr></w:style>`)
	return b.String()
}

// ensureLangStyles adds to styles.xml the language styles a template lacks (a reference
// document or a firm's template may define its own: those are kept as they are).
func ensureLangStyles(styles []byte, langs []string) []byte {
	var add strings.Builder
	for i, l := range langs {
		if _, ok := scripts[l]; !ok {
			continue
		}
		for _, second := range []bool{false, true} {
			if second && i == 0 {
				continue
			}
			if !bytes.Contains(styles, []byte(`w:styleId="`+LangStyleID(l, second)+`"`)) {
				add.WriteString(langStyleXML(l, second))
			}
		}
	}
	if add.Len() == 0 {
		return styles
	}
	return insertBefore(styles, "</w:styles>", add.String())
}

// tagRuns gives every run under n the language lang: its style, or, for a run with a
// character style of the author's, its w:lang.
func tagRuns(n *wx.Node, lang string, second bool) {
	sc, ok := scripts[lang]
	if !ok {
		return
	}
	var walk func(*wx.Node)
	walk = func(n *wx.Node) {
		for _, c := range n.Children {
			if c.Kind != wx.Elem {
				continue
			}
			if c.Name == "w:r" {
				tagRun(c, lang, sc, second)
			}
			walk(c)
		}
	}
	walk(n)
}

func tagRun(r *wx.Node, lang string, sc script, second bool) {
	rPr := r.Child("w:rPr")
	if rPr == nil {
		rPr = &wx.Node{Kind: wx.Elem, Name: "w:rPr", Parent: r}
		r.Children = append([]*wx.Node{rPr}, r.Children...)
	}
	if st := rPr.Child("w:rStyle"); st != nil {
		if v, _ := st.Attr("w:val"); !isLangStyle(v) {
			// the author's character style: only the language is set on the run
			l := setChild(rPr, elem("w:lang"))
			l.Attrs = []xml.Attr{}
			l.SetAttr("w:val", sc.lang)
			if sc.eastAsia != "" {
				l.SetAttr("w:eastAsia", sc.eastAsia)
			}
			if sc.bidi != "" {
				l.SetAttr("w:bidi", sc.bidi)
			}
			return
		}
		st.SetAttr("w:val", LangStyleID(lang, second))
		return
	}
	setChild(rPr, elem("w:rStyle", [2]string{"w:val", LangStyleID(lang, second)}))
}

// addStylesPart gives a template without styles (rare: made by a converter) a styles part
// holding the language styles, so that its runs' styles exist.
func addStylesPart(pkg *docx.Package, langs []string) error {
	styles := ensureLangStyles([]byte(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>`+"\n"+
		`<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"></w:styles>`), langs)
	pkg.Set("word/styles.xml", styles)
	ct, err := pkg.Read("[Content_Types].xml")
	if err != nil {
		return err
	}
	if !bytes.Contains(ct, []byte(`PartName="/word/styles.xml"`)) {
		pkg.Set("[Content_Types].xml", insertBefore(ct, "</Types>", `<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>`))
	}
	const relsName = "word/_rels/document.xml.rels"
	rels := []byte(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n" + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>`)
	if pkg.Has(relsName) {
		if rels, err = pkg.Read(relsName); err != nil {
			return err
		}
	}
	pkg.Set(relsName, insertBefore(rels, "</Relationships>", `<Relationship Id="rIdTsdraftStyles" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>`))
	return nil
}
