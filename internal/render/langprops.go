package render

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"strings"

	"github.com/tsdraft/tsdraft/internal/docx"
	"github.com/tsdraft/tsdraft/internal/docxtmpl"
	"github.com/tsdraft/tsdraft/internal/vocab"
	wx "github.com/tsdraft/tsdraft/internal/wordxml"
)

// formats gives the engine the date, number and list formats of the active vocabulary's
// languages (locales/<lang>/language.toml).
func formats(lang string) (docxtmpl.Format, bool) {
	l, ok := vocab.Active().Language(lang)
	if !ok {
		return nil, false
	}
	return l, true
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

// langStyleXML defines the style of a language (and its second-language variant). The fonts
// and language tags are the language's data ([word] and [fonts] of locales/<lang>/language.toml).
func langStyleXML(sc *vocab.Language, second bool) string {
	lang := sc.Code
	var b strings.Builder
	id := LangStyleID(lang, second)
	fmt.Fprintf(&b, `<w:style w:type="character" w:customStyle="1" w:styleId="%s"><w:name w:val="%s"/>`, id, map[bool]string{false: "Language " + lang, true: "Second language " + lang}[second])
	if second {
		fmt.Fprintf(&b, `<w:basedOn w:val="%s"/><w:rPr><w:color w:val="44546A"/></w:rPr></w:style>`, LangStyleID(lang, false))
		return b.String()
	}
	b.WriteString(`<w:rPr><w:rFonts`)
	for _, a := range sc.Fonts.Attrs() {
		fmt.Fprintf(&b, ` %s="%s"`, a[0], a[1])
	}
	fmt.Fprintf(&b, `/><w:lang w:val="%s"`, sc.Word.Lang)
	if sc.Word.EastAsia != "" {
		fmt.Fprintf(&b, ` w:eastAsia="%s"`, sc.Word.EastAsia)
	}
	if sc.Word.Bidi != "" {
		fmt.Fprintf(&b, ` w:bidi="%s"`, sc.Word.Bidi)
	}
	b.WriteString(`/></w:rPr></w:style>`)
	return b.String()
}

// ensureLangStyles adds to styles.xml the language styles a template lacks (a reference
// document or a firm's template may define its own: those are kept as they are).
func ensureLangStyles(styles []byte, langs []string) []byte {
	var add strings.Builder
	for i, l := range langs {
		sc, ok := vocab.Active().Language(l)
		if !ok {
			continue
		}
		for _, second := range []bool{false, true} {
			if second && i == 0 {
				continue
			}
			if !bytes.Contains(styles, []byte(`w:styleId="`+LangStyleID(l, second)+`"`)) {
				add.WriteString(langStyleXML(sc, second))
			}
		}
	}
	if add.Len() == 0 {
		return styles
	}
	return wx.InsertBeforeLast(styles, "</w:styles>", add.String())
}

// tagRuns gives every run under n the language lang: its style, or, for a run with a
// character style of the author's, its w:lang.
func tagRuns(n *wx.Node, lang string, second bool) {
	sc, ok := vocab.Active().Language(lang)
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

func tagRun(r *wx.Node, lang string, sc *vocab.Language, second bool) {
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
			l.SetAttr("w:val", sc.Word.Lang)
			if sc.Word.EastAsia != "" {
				l.SetAttr("w:eastAsia", sc.Word.EastAsia)
			}
			if sc.Word.Bidi != "" {
				l.SetAttr("w:bidi", sc.Word.Bidi)
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
		pkg.Set("[Content_Types].xml", wx.InsertBeforeLast(ct, "</Types>", `<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>`))
	}
	const relsName = "word/_rels/document.xml.rels"
	rels := []byte(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n" + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>`)
	if pkg.Has(relsName) {
		if rels, err = pkg.Read(relsName); err != nil {
			return err
		}
	}
	pkg.Set(relsName, wx.InsertBeforeLast(rels, "</Relationships>", `<Relationship Id="rIdTsdraftStyles" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>`))
	return nil
}
