package render

import (
	"encoding/xml"

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

// tagRuns sets the fonts and language of every run under n for lang; second marks the runs of
// the second language of a bilingual document with the SecondLanguage character style.
//
// The fonts Word and LibreOffice should use and the language tags that drive line breaking,
// spelling and the choice between Japanese and Chinese glyphs are the language's data
// ([word] and [fonts] of locales/<lang>/language.toml).
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
				tagRun(c, sc, second)
			}
			walk(c)
		}
	}
	walk(n)
}

func tagRun(r *wx.Node, sc *vocab.Language, second bool) {
	rPr := r.Child("w:rPr")
	if rPr == nil {
		rPr = &wx.Node{Kind: wx.Elem, Name: "w:rPr", Parent: r}
		r.Children = append([]*wx.Node{rPr}, r.Children...)
	}
	if second {
		setChild(rPr, elem("w:rStyle", [2]string{"w:val", "SecondLanguage"}))
	}
	f := setChild(rPr, elem("w:rFonts"))
	for _, a := range sc.Fonts.Attrs() {
		f.SetAttr(a[0], a[1])
	}
	l := setChild(rPr, elem("w:lang"))
	l.Attrs = []xml.Attr{}
	l.SetAttr("w:val", sc.Word.Lang)
	if sc.Word.EastAsia != "" {
		l.SetAttr("w:eastAsia", sc.Word.EastAsia)
	}
	if sc.Word.Bidi != "" {
		l.SetAttr("w:bidi", sc.Word.Bidi)
	}
}
