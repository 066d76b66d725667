package render

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/tsdraft/tsdraft/internal/docxtmpl"
	wx "github.com/tsdraft/tsdraft/internal/wordxml"
)

// Bilingual layouts are made on the template, once, not on each rendered document: every
// paragraph with content is followed by (interleave) or set beside (columns) a copy wrapped in
// a {{#lang "xx"}} block, so one execution of the engine writes both languages. That keeps
// a bilingual document as cheap as two single-language ones and the two languages always in
// step, paragraph for paragraph.

// Layouts.
const (
	Interleave = "interleave"
	Columns    = "columns"
	Separate   = "separate"
)

func clone(n *wx.Node, parent *wx.Node) *wx.Node {
	c := &wx.Node{Kind: n.Kind, Name: n.Name, Text: n.Text, Parent: parent}
	if n.Attrs != nil {
		c.Attrs = append(c.Attrs, n.Attrs...)
	}
	for _, ch := range n.Children {
		c.Children = append(c.Children, clone(ch, c))
	}
	return c
}

func tagParagraph(tag string) *wx.Node {
	p := elem("w:p")
	r := elem("w:r")
	t := elem("w:t")
	t.Children = []*wx.Node{{Kind: wx.Text, Text: tag, Parent: t}}
	t.Parent, r.Children, r.Parent, p.Children = r, []*wx.Node{t}, p, []*wx.Node{r}
	return p
}

// paragraphKind tells whether a paragraph holds nothing, a lone block tag, or content.
func paragraphKind(p *wx.Node) (empty, blockOnly bool) {
	text := wx.PlainText(p)
	if strings.TrimSpace(text) == "" {
		return !hasObjects(p), false
	}
	tags := docxtmpl.FindTags(text)
	if len(tags) == 1 && tags[0].Kind.IsBlock() && strings.TrimSpace(text[:tags[0].Start]+text[tags[0].End:]) == "" {
		return false, true
	}
	return false, false
}

func hasObjects(n *wx.Node) bool {
	for _, c := range n.Children {
		if c.Kind == wx.Elem && (c.Name == "w:drawing" || c.Name == "w:pict" || c.Name == "w:object" || c.Name == "w:fldChar" || c.Name == "w:fldSimple" || hasObjects(c)) {
			return true
		}
	}
	return false
}

// stripUnbalanced removes from a paragraph copy the block tags whose partner lies outside the
// paragraph (a row loop's halves, say): the original paragraph keeps them, so the copy must not.
func stripUnbalanced(p *wx.Node) {
	type hit struct {
		t          *wx.Node
		start, end int
	}
	var texts []*wx.Node
	var walk func(*wx.Node)
	walk = func(n *wx.Node) {
		for _, c := range n.Children {
			if c.Kind != wx.Elem {
				continue
			}
			if c.Name == "w:t" {
				for _, x := range c.Children {
					if x.Kind == wx.Text {
						texts = append(texts, x)
					}
				}
				continue
			}
			walk(c)
		}
	}
	walk(p)
	var stack []hit
	drop := map[*wx.Node][][2]int{}
	for _, t := range texts {
		for _, sp := range docxtmpl.FindTags(t.Text) {
			h := hit{t, sp.Start, sp.End}
			switch {
			case sp.Kind.Opens():
				stack = append(stack, h)
			case sp.Kind.Closes():
				if len(stack) > 0 {
					stack = stack[:len(stack)-1]
				} else {
					drop[t] = append(drop[t], [2]int{sp.Start, sp.End})
				}
			case sp.Kind == docxtmpl.TagElse:
				if len(stack) == 0 {
					drop[t] = append(drop[t], [2]int{sp.Start, sp.End})
				}
			}
		}
	}
	for _, h := range stack {
		drop[h.t] = append(drop[h.t], [2]int{h.start, h.end})
	}
	for t, spans := range drop {
		var b strings.Builder
		prev := 0
		slices.SortFunc(spans, func(a, b [2]int) int { return a[0] - b[0] })
		for _, sp := range spans {
			b.WriteString(t.Text[prev:sp[0]])
			prev = sp[1]
		}
		b.WriteString(t.Text[prev:])
		t.Text = b.String()
	}
}

// secondCopy makes the second-language copy of a paragraph.
func secondCopy(p *wx.Node, b string, lists *ownLists) *wx.Node {
	c := clone(p, nil)
	lists.mark(c)
	if pPr := c.Child("w:pPr"); pPr != nil {
		// A section break belongs to the original paragraph only.
		kept := pPr.Children[:0]
		for _, ch := range pPr.Children {
			if ch.Kind == wx.Elem && ch.Name == "w:sectPr" {
				continue
			}
			kept = append(kept, ch)
		}
		pPr.Children = kept
		// The pair starts a new page once: "page break before" stays on the original.
		kept = pPr.Children[:0]
		for _, ch := range pPr.Children {
			if ch.Kind == wx.Elem && ch.Name == "w:pageBreakBefore" {
				continue
			}
			kept = append(kept, ch)
		}
		pPr.Children = kept
	}
	dropPageBreaks(c, true) // a break before the text: the original has it
	stripUnbalanced(c)
	tagRuns(c, b, true)
	return c
}

// dropPageBreaks removes a paragraph's page breaks standing before all its text (leading) or
// after it (trailing). A bilingual pair keeps one of each: the leading on the original, the
// trailing on the copy, so the two languages are never parted by a page.
func dropPageBreaks(p *wx.Node, leading bool) {
	var brs []*wx.Node
	var textAfter []bool
	seen := false
	var walk func(n *wx.Node)
	walk = func(n *wx.Node) {
		for _, c := range n.Children {
			if c.Kind != wx.Elem || c.Name == "w:pPr" {
				continue
			}
			switch c.Name {
			case "w:t":
				seen = true
				for i := range textAfter {
					textAfter[i] = true
				}
			case "w:br":
				if v, _ := c.Attr("w:type"); v == "page" {
					brs = append(brs, c)
					textAfter = append(textAfter, false)
					if leading && seen {
						brs, textAfter = brs[:len(brs)-1], textAfter[:len(textAfter)-1]
					}
				}
			default:
				walk(c)
			}
		}
	}
	walk(p)
	for i, br := range brs {
		if leading || !textAfter[i] {
			removeNode(br)
		}
	}
}

func removeNode(n *wx.Node) {
	if n.Parent == nil {
		return
	}
	kept := n.Parent.Children[:0]
	for _, c := range n.Parent.Children {
		if c != n {
			kept = append(kept, c)
		}
	}
	n.Parent.Children = kept
}

func langOpen(b string) *wx.Node { return tagParagraph(fmt.Sprintf(`{{#lang "%s"}}`, b)) }
func langClose() *wx.Node        { return tagParagraph("{{/lang}}") }

// interleave rewrites the children of a container (body, cell, header) so that each paragraph
// with content is followed by its second-language copy.
func interleave(container *wx.Node, a, b string, lists *ownLists) {
	var out []*wx.Node
	for _, c := range container.Children {
		if c.Kind != wx.Elem {
			out = append(out, c)
			continue
		}
		switch c.Name {
		case "w:p":
			empty, blockOnly := paragraphKind(c)
			if empty || blockOnly {
				out = append(out, c)
				continue
			}
			cp := secondCopy(c, b, lists) // from the untagged paragraph: nothing of a's fonts carries over
			dropPageBreaks(c, false)      // a break after the text ends the pair: the copy has it
			tagRuns(c, a, false)
			out = append(out, c, langOpen(b), cp, langClose())
			continue
		case "w:tbl":
			for _, tr := range c.Children {
				if tr.Kind == wx.Elem && tr.Name == "w:tr" {
					for _, tc := range tr.Children {
						if tc.Kind == wx.Elem && tc.Name == "w:tc" {
							interleave(tc, a, b, lists)
						}
					}
				}
			}
		case "w:sdt":
			if sc := c.Child("w:sdtContent"); sc != nil {
				interleave(sc, a, b, lists)
			}
		}
		out = append(out, c)
	}
	for _, c := range out {
		c.Parent = container
	}
	container.Children = out
}

func parseFragment(s string) *wx.Node {
	root, err := wx.Parse([]byte(s))
	if err != nil {
		panic("render: bad built-in fragment: " + err.Error()) // a programming error, covered by tests
	}
	return root.Children[0]
}

// textWidth is the width between the margins of the section a body ends with, in twentieths
// of a point (A4 with 2 cm margins when the template says nothing).
func textWidth(body *wx.Node) int {
	w, left, right, gutter := 11906, 1134, 1134, 0
	if sp := body.Child("w:sectPr"); sp != nil {
		num := func(n *wx.Node, attr string, into *int) {
			if n == nil {
				return
			}
			if v, ok := n.Attr(attr); ok {
				if x, err := strconv.Atoi(v); err == nil && x >= 0 {
					*into = x
				}
			}
		}
		num(sp.Child("w:pgSz"), "w:w", &w)
		m := sp.Child("w:pgMar")
		num(m, "w:left", &left)
		num(m, "w:right", &right)
		num(m, "w:gutter", &gutter)
	}
	if tw := w - left - right - gutter; tw > 1000 {
		return tw
	}
	return 9638
}

// colLayout makes the rows of the two-column table.
type colLayout struct{ half int }

func (l colLayout) table() *wx.Node {
	return parseFragment(fmt.Sprintf(`<w:tbl><w:tblPr><w:tblW w:w="5000" w:type="pct"/><w:tblLayout w:type="fixed"/><w:tblCellMar><w:left w:w="85" w:type="dxa"/><w:right w:w="170" w:type="dxa"/></w:tblCellMar><w:tblLook w:val="0000"/></w:tblPr><w:tblGrid><w:gridCol w:w="%d"/><w:gridCol w:w="%d"/></w:tblGrid></w:tbl>`, l.half, l.half))
}

func (l colLayout) cell(span int, content ...*wx.Node) *wx.Node {
	tc := parseFragment(fmt.Sprintf(`<w:tc><w:tcPr><w:tcW w:w="%d" w:type="dxa"/></w:tcPr></w:tc>`, l.half))
	if span > 1 {
		tc = parseFragment(fmt.Sprintf(`<w:tc><w:tcPr><w:tcW w:w="%d" w:type="dxa"/><w:gridSpan w:val="%d"/></w:tcPr></w:tc>`, l.half*span, span))
	}
	for _, c := range content {
		c.Parent = tc
		tc.Children = append(tc.Children, c)
	}
	return tc
}

func rowOf(cells ...*wx.Node) *wx.Node {
	tr := elem("w:tr")
	for _, c := range cells {
		c.Parent = tr
		tr.Children = append(tr.Children, c)
	}
	return tr
}

// breaksOf takes out of a paragraph what a table cell cannot carry: its section break, page
// breaks (a run or "page break before"). before/after say where a page break was.
func breaksOf(p *wx.Node) (sect *wx.Node, before, after bool) {
	if pPr := p.Child("w:pPr"); pPr != nil {
		kept := pPr.Children[:0]
		for _, ch := range pPr.Children {
			switch {
			case ch.Kind == wx.Elem && ch.Name == "w:sectPr":
				sect = ch
				continue
			case ch.Kind == wx.Elem && ch.Name == "w:pageBreakBefore":
				if v, _ := ch.Attr("w:val"); v != "0" && v != "false" && v != "off" {
					before = true
				}
				continue
			}
			kept = append(kept, ch)
		}
		pPr.Children = kept
	}
	seenText := false
	var walk func(n *wx.Node)
	walk = func(n *wx.Node) {
		kept := n.Children[:0]
		for _, ch := range n.Children {
			if ch.Kind == wx.Elem && ch.Name == "w:br" {
				if v, _ := ch.Attr("w:type"); v == "page" {
					if seenText {
						after = true
					} else {
						before = true
					}
					continue
				}
			}
			if ch.Kind == wx.Elem && ch.Name == "w:t" {
				seenText = true
			}
			if ch.Kind == wx.Elem && ch.Name != "w:pPr" {
				walk(ch)
			}
			kept = append(kept, ch)
		}
		n.Children = kept
	}
	walk(p)
	return sect, before, after
}

// columns rewrites a body as two-column tables: one row per paragraph, the first language on
// the left, the second on the right, the columns sharing the width between the margins. Rows
// that hold only a block tag vanish when rendered, so blocks repeat or remove whole rows.
// Tables and block content controls span both columns, interleaved within; bookmarks and
// comment ranges between paragraphs go into the next row. A section break or a page break ends
// the table: the break is written between tables, where Word and LibreOffice honour it.
func columns(body *wx.Node, a, b string, lists *ownLists) {
	l := colLayout{half: textWidth(body) / 2}
	var out, pending, tail []*wx.Node
	tbl := l.table()
	flush := func() {
		if len(tbl.Children) > 2 { // tblPr, tblGrid
			for _, r := range tbl.Children {
				r.Parent = tbl
			}
			out = append(out, tbl)
		}
		tbl = l.table()
	}
	addRow := func(cells ...*wx.Node) {
		if len(pending) > 0 {
			first := cells[0]
			at := 1 // after tcPr
			rest := append(append([]*wx.Node{}, pending...), first.Children[at:]...)
			first.Children = append(first.Children[:at], rest...)
			for _, c := range pending {
				c.Parent = first
			}
			pending = nil
		}
		tbl.Children = append(tbl.Children, rowOf(cells...))
	}
	pageBreak := func() {
		flush()
		out = append(out, parseFragment(`<w:p><w:pPr><w:pageBreakBefore/><w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/><w:rPr><w:sz w:val="2"/><w:szCs w:val="2"/></w:rPr></w:pPr></w:p>`))
	}
	for _, c := range body.Children {
		if c.Kind != wx.Elem {
			continue
		}
		switch c.Name {
		case "w:p":
			sect, before, after := breaksOf(c)
			empty, blockOnly := paragraphKind(c)
			if blockOnly && (before || after) {
				// a break on a block's tag paragraph is written once, outside the block: before
				// an opening tag, after a closing one (splitting the table inside the block
				// would make it cross tables)
				opens := false
				if tags := docxtmpl.FindTags(wx.PlainText(c)); len(tags) == 1 {
					opens = tags[0].Kind.Opens()
				}
				before, after = opens, !opens
			}
			if before {
				pageBreak()
			}
			switch {
			case blockOnly, empty:
				addRow(l.cell(1, c), l.cell(1, elem("w:p")))
			default:
				cp := secondCopy(c, b, lists)
				tagRuns(c, a, false)
				addRow(l.cell(1, c), l.cell(1, langOpen(b), cp, langClose()))
			}
			if sect != nil {
				flush()
				sp := elem("w:p")
				pPr := elem("w:pPr")
				sect.Parent, pPr.Children, pPr.Parent, sp.Children = pPr, []*wx.Node{sect}, sp, []*wx.Node{pPr}
				out = append(out, sp)
			}
			if after {
				pageBreak()
			}
		case "w:tbl":
			wrap := &wx.Node{Kind: wx.Elem, Name: "w:body"}
			wrap.Children = []*wx.Node{c}
			interleave(wrap, a, b, lists)
			addRow(l.cell(2, c, elem("w:p")))
		case "w:sdt":
			// a block content control keeps its properties; its paragraphs are interleaved
			if sc := c.Child("w:sdtContent"); sc != nil {
				interleave(sc, a, b, lists)
			}
			addRow(l.cell(2, c))
		case "w:sectPr":
			tail = append(tail, c)
		default:
			// bookmarks, comment ranges and other markers go with the next row
			pending = append(pending, c)
		}
	}
	flush()
	out = append(out, pending...)
	out = append(out, elem("w:p"))
	out = append(out, tail...)
	for _, c := range out {
		c.Parent = body
	}
	body.Children = out
}

// monolingual sets the language of every run of a single-language document.
func monolingual(root *wx.Node, a string) { tagRuns(root, a, false) }

// container finds the element whose children are the part's paragraphs.
func container(root *wx.Node) *wx.Node {
	for _, c := range root.Children {
		if c.Kind != wx.Elem {
			continue
		}
		switch c.Name {
		case "w:document":
			return c.Child("w:body")
		case "w:hdr", "w:ftr", "w:footnotes", "w:endnotes":
			return c
		}
	}
	return nil
}
