package docxtext

import (
	"sort"
	"strings"

	"github.com/tsdraft/tsdraft/internal/docx"
	wx "github.com/tsdraft/tsdraft/internal/wordxml"
)

// Dump returns the text of the headers, the body and the footers.
func Dump(pkg *docx.Package) (string, error) { return dump(pkg, false) }

// Detailed is Dump with what a text dump misses and a reader notices: page and column breaks
// (⤓ before a paragraph or in it, ‖), section breaks with their page size (⟦section …⟧), and for the
// runs their character style, language and direct fonts (⟨LangZhCN⟩ at the end when every run
// of the paragraph agrees, before each stretch otherwise). Golden files use it.
func Detailed(pkg *docx.Package) (string, error) { return dump(pkg, true) }

func dump(pkg *docx.Package, detailed bool) (string, error) {
	var b strings.Builder
	parts := pkg.PartsMatching(func(n string) bool {
		return strings.HasPrefix(n, "word/header") && strings.HasSuffix(n, ".xml")
	})
	parts = append(parts, "word/document.xml")
	footers := pkg.PartsMatching(func(n string) bool {
		return strings.HasPrefix(n, "word/footer") && strings.HasSuffix(n, ".xml")
	})
	sort.Strings(footers)
	parts = append(parts, footers...)
	for _, part := range parts {
		data, err := pkg.Read(part)
		if err != nil {
			return "", err
		}
		root, err := wx.Parse(data)
		if err != nil {
			return "", err
		}
		label := strings.TrimSuffix(strings.TrimPrefix(part, "word/"), ".xml")
		if label != "document" {
			b.WriteString("[" + label + "]\n")
		}
		block(&b, root, "", detailed)
		if label != "document" {
			b.WriteString("[/" + label + "]\n")
		}
	}
	return b.String(), nil
}

// block writes the paragraphs and tables under n.
func block(b *strings.Builder, n *wx.Node, indent string, detailed bool) {
	for _, c := range n.Children {
		if c.Kind != wx.Elem {
			continue
		}
		switch c.Name {
		case "w:p":
			b.WriteString(indent + paragraph(c, detailed) + "\n")
		case "w:tbl":
			for _, tr := range c.Children {
				if tr.Kind != wx.Elem || tr.Name != "w:tr" {
					continue
				}
				var cells []string
				for _, tc := range tr.Children {
					if tc.Kind == wx.Elem && tc.Name == "w:tc" {
						cells = append(cells, cellText(tc, detailed))
					}
				}
				b.WriteString(indent + "| " + strings.Join(cells, " | ") + " |\n")
			}
		case "w:sectPr":
			if detailed {
				b.WriteString(indent + section(c) + "\n")
			}
		default:
			block(b, c, indent, detailed)
		}
	}
}

func cellText(tc *wx.Node, detailed bool) string {
	var lines []string
	var walk func(*wx.Node)
	walk = func(n *wx.Node) {
		for _, c := range n.Children {
			if c.Kind != wx.Elem {
				continue
			}
			switch c.Name {
			case "w:p":
				if t := paragraph(c, detailed); t != "" {
					lines = append(lines, t)
				}
			case "w:tbl":
				var sb strings.Builder
				block(&sb, c, "", detailed)
				for _, l := range strings.Split(strings.TrimSpace(sb.String()), "\n") {
					lines = append(lines, "  "+l)
				}
			default:
				walk(c)
			}
		}
	}
	walk(tc)
	return strings.Join(lines, " / ")
}

// paragraph is the visible text of a paragraph: tabs as a tab, breaks as " ⏎ ", list
// paragraphs marked with "• ", field results kept; detailed adds breaks, sections and runs.
func paragraph(p *wx.Node, detailed bool) string {
	var b strings.Builder
	pPr := p.Child("w:pPr")
	if pPr != nil {
		if detailed {
			if pb := pPr.Child("w:pageBreakBefore"); pb != nil {
				if v, _ := pb.Attr("w:val"); v != "0" && v != "false" && v != "off" {
					b.WriteString("⤓ ")
				}
			}
		}
		if st := pPr.Child("w:pStyle"); st != nil {
			if v, _ := st.Attr("w:val"); strings.HasPrefix(v, "List") {
				b.WriteString("• ")
			}
		}
	}
	type seg struct{ key, text string }
	var segs []seg
	cur := ""
	write := func(s string) {
		if len(segs) == 0 || segs[len(segs)-1].key != cur {
			segs = append(segs, seg{key: cur})
		}
		segs[len(segs)-1].text += s
	}
	var walk func(*wx.Node)
	walk = func(n *wx.Node) {
		for _, c := range n.Children {
			if c.Kind != wx.Elem {
				continue
			}
			switch c.Name {
			case "w:r":
				saved := cur
				if detailed {
					cur = runKey(c)
				}
				walk(c)
				cur = saved
			case "w:t":
				for _, t := range c.Children {
					if t.Kind == wx.Text {
						write(t.Text)
					}
				}
			case "w:tab":
				write("\t")
			case "w:br", "w:cr":
				typ, _ := c.Attr("w:type")
				switch {
				case detailed && typ == "page":
					write(" ⤓ ")
				case detailed && typ == "column":
					write(" ‖ ")
				default:
					write(" ⏎ ")
				}
			case "w:pPr", "w:rPr", "w:txbxContent", "w:delText", "w:instrText":
			default:
				walk(c)
			}
		}
	}
	walk(p)
	keys := map[string]bool{}
	for _, sg := range segs {
		keys[sg.key] = true
	}
	for _, sg := range segs {
		if len(keys) > 1 && sg.key != "" {
			b.WriteString("⟨" + sg.key + "⟩")
		}
		b.WriteString(sg.text)
	}
	if len(keys) == 1 && len(segs) > 0 && segs[0].key != "" {
		b.WriteString("  ⟨" + segs[0].key + "⟩")
	}
	if detailed && pPr != nil {
		if sp := pPr.Child("w:sectPr"); sp != nil {
			b.WriteString("  " + section(sp))
		}
	}
	return b.String()
}

// runKey names a run's character style, direct language and direct fonts.
func runKey(r *wx.Node) string {
	rPr := r.Child("w:rPr")
	if rPr == nil {
		return ""
	}
	var parts []string
	if st := rPr.Child("w:rStyle"); st != nil {
		v, _ := st.Attr("w:val")
		parts = append(parts, v)
	}
	if l := rPr.Child("w:lang"); l != nil {
		var vs []string
		for _, a := range []string{"w:val", "w:eastAsia", "w:bidi"} {
			if v, ok := l.Attr(a); ok {
				vs = append(vs, v)
			}
		}
		parts = append(parts, "lang="+strings.Join(vs, "/"))
	}
	if f := rPr.Child("w:rFonts"); f != nil {
		var vs []string
		for _, a := range []string{"w:ascii", "w:eastAsia", "w:cs", "w:hint"} {
			if v, ok := f.Attr(a); ok {
				vs = append(vs, strings.TrimPrefix(a, "w:")+":"+v)
			}
		}
		parts = append(parts, "fonts="+strings.Join(vs, ","))
	}
	return strings.Join(parts, " ")
}

// section describes a section break: "⟦section 11906×16838⟧" (width × height in twentieths of a point,
// "landscape" when so), the kind when it is not a new page, and the header and footer kinds.
func section(sp *wx.Node) string {
	var b strings.Builder
	b.WriteString("⟦section")
	if sz := sp.Child("w:pgSz"); sz != nil {
		w, _ := sz.Attr("w:w")
		h, _ := sz.Attr("w:h")
		b.WriteString(" " + w + "×" + h)
		if o, _ := sz.Attr("w:orient"); o == "landscape" {
			b.WriteString(" landscape")
		}
	}
	if t := sp.Child("w:type"); t != nil {
		v, _ := t.Attr("w:val")
		b.WriteString(" " + v)
	}
	var refs []string
	for _, c := range sp.Children {
		if c.Kind == wx.Elem && (c.Name == "w:headerReference" || c.Name == "w:footerReference") {
			v, _ := c.Attr("w:type")
			refs = append(refs, strings.TrimSuffix(strings.TrimPrefix(c.Name, "w:"), "Reference")+":"+v)
		}
	}
	if len(refs) > 0 {
		b.WriteString(" (" + strings.Join(refs, " ") + ")")
	}
	return b.String() + "⟧"
}
