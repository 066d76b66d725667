package render

import (
	"bytes"
	"strings"

	"github.com/tsdraft/tsdraft/internal/docx"
	wx "github.com/tsdraft/tsdraft/internal/wordxml"
)

// mergeNeutralCells prints once, in a bilingual document's table cells, what reads the same in
// both languages: an ID (TS-001), a level id (L1), a number. The interleaved layout gives every
// cell paragraph a second-language copy; where the copy's text is the original's, it is
// removed, so a cell says "TS-001" rather than "TS-001 / TS-001" (review 2026-12 A.9). Only a
// plain copy goes (runs of text, nothing anchored to it), and only right after its original.
func mergeNeutralCells(pkg *docx.Package, a, b string) error {
	const part = "word/document.xml"
	x, err := pkg.Read(part)
	if err != nil {
		return err
	}
	if !bytes.Contains(x, []byte("<w:tc")) {
		// No table cell, nothing to merge: most documents (an exit pledge) have none, and
		// parsing the whole body again was a quarter of a batch's CPU.
		return nil
	}
	root, err := wx.Parse(x)
	if err != nil {
		return err
	}
	first, second := LangStyleID(a, false), LangStyleID(b, true)
	changed := false
	var walk func(n *wx.Node)
	walk = func(n *wx.Node) {
		for _, c := range n.Children {
			if c.Kind != wx.Elem {
				continue
			}
			if c.Name == "w:tc" && mergeCell(c, first, second) {
				changed = true
			}
			walk(c)
		}
	}
	walk(root)
	if !changed {
		return nil
	}
	var sb strings.Builder
	wx.Serialize(&sb, root)
	pkg.Set(part, []byte(sb.String()))
	return nil
}

// mergeCell removes from one cell each second-language paragraph that repeats the text of the
// first-language paragraph before it.
func mergeCell(tc *wx.Node, first, second string) bool {
	var prev *wx.Node // the last paragraph seen among the cell's children
	var out []*wx.Node
	changed := false
	for _, c := range tc.Children {
		if c.Kind == wx.Elem && c.Name == "w:p" {
			if prev != nil && paraLang(prev) == first && paraLang(c) == second && plainCopy(c) {
				if t := wx.PlainText(c); strings.TrimSpace(t) != "" && t == wx.PlainText(prev) {
					changed = true
					prev = nil
					continue
				}
			}
			prev = c
		} else if c.Kind == wx.Elem {
			prev = nil // a nested table or anything else between the two: not a pair
		}
		out = append(out, c)
	}
	if changed {
		tc.Children = out
	}
	return changed
}

// paraLang is the language style all of a paragraph's runs carry ("" when they differ or there
// are none).
func paraLang(p *wx.Node) string {
	lang := ""
	for _, r := range p.Children {
		if r.Kind != wx.Elem || r.Name != "w:r" {
			continue
		}
		st := ""
		if rPr := r.Child("w:rPr"); rPr != nil {
			if s := rPr.Child("w:rStyle"); s != nil {
				st, _ = s.Attr("w:val")
			}
		}
		if st == "" || lang != "" && st != lang {
			return ""
		}
		lang = st
	}
	return lang
}

// plainCopy tells whether a paragraph holds only its properties and runs of text: nothing a
// comment, bookmark, field or drawing hangs on.
func plainCopy(p *wx.Node) bool {
	for _, c := range p.Children {
		if c.Kind != wx.Elem {
			continue
		}
		switch c.Name {
		case "w:pPr":
		case "w:r":
			for _, rc := range c.Children {
				if rc.Kind == wx.Elem && rc.Name != "w:rPr" && rc.Name != "w:t" && rc.Name != "w:tab" {
					return false
				}
			}
		default:
			return false
		}
	}
	return true
}
