package docxtext

import (
	"sort"
	"strings"

	"github.com/tsdraft/tsdraft/internal/docx"
	wx "github.com/tsdraft/tsdraft/internal/wordxml"
)

// Dump returns the text of the headers, the body and the footers.
func Dump(pkg *docx.Package) (string, error) {
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
		block(&b, root, "")
		if label != "document" {
			b.WriteString("[/" + label + "]\n")
		}
	}
	return b.String(), nil
}

// block writes the paragraphs and tables under n.
func block(b *strings.Builder, n *wx.Node, indent string) {
	for _, c := range n.Children {
		if c.Kind != wx.Elem {
			continue
		}
		switch c.Name {
		case "w:p":
			b.WriteString(indent + paragraph(c) + "\n")
		case "w:tbl":
			for _, tr := range c.Children {
				if tr.Kind != wx.Elem || tr.Name != "w:tr" {
					continue
				}
				var cells []string
				for _, tc := range tr.Children {
					if tc.Kind == wx.Elem && tc.Name == "w:tc" {
						cells = append(cells, cellText(tc))
					}
				}
				b.WriteString(indent + "| " + strings.Join(cells, " | ") + " |\n")
			}
		case "w:sectPr":
		default:
			block(b, c, indent)
		}
	}
}

func cellText(tc *wx.Node) string {
	var lines []string
	var walk func(*wx.Node)
	walk = func(n *wx.Node) {
		for _, c := range n.Children {
			if c.Kind != wx.Elem {
				continue
			}
			switch c.Name {
			case "w:p":
				if t := paragraph(c); t != "" {
					lines = append(lines, t)
				}
			case "w:tbl":
				var sb strings.Builder
				block(&sb, c, "")
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
// paragraphs marked with "• ", field results kept.
func paragraph(p *wx.Node) string {
	var b strings.Builder
	if pPr := p.Child("w:pPr"); pPr != nil {
		if st := pPr.Child("w:pStyle"); st != nil {
			if v, _ := st.Attr("w:val"); strings.HasPrefix(v, "List") {
				b.WriteString("• ")
			}
		}
	}
	var walk func(*wx.Node)
	walk = func(n *wx.Node) {
		for _, c := range n.Children {
			if c.Kind != wx.Elem {
				continue
			}
			switch c.Name {
			case "w:t":
				for _, t := range c.Children {
					if t.Kind == wx.Text {
						b.WriteString(t.Text)
					}
				}
			case "w:tab":
				b.WriteString("\t")
			case "w:br", "w:cr":
				b.WriteString(" ⏎ ")
			case "w:pPr", "w:rPr", "w:txbxContent", "w:delText", "w:instrText":
			default:
				walk(c)
			}
		}
	}
	walk(p)
	return b.String()
}
