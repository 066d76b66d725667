package docxtmpl

import (
	"fmt"
	wx "github.com/tsdraft/tsdraft/internal/wordxml"
	"strings"
)

type itemKind uint8

const (
	itStart itemKind = iota // <w:p …>
	itEnd                   // </w:p>
	itEmpty                 // <w:b/>
	itText                  // escaped character data
	itRaw                   // comment, processing instruction
	itTag                   // a template tag
)

// item is one token of a part, flattened. Blocks are placed by moving tag items between
// these tokens, which is how a block can repeat a paragraph, a row or any run of XML.
type item struct {
	kind itemKind
	name string // element name (start, end, empty)
	raw  string // XML text of the token
	tag  int    // itTag: index into compiler.tags
	num  string // itEmpty w:numId: the list it belongs to
}

type paraInfo struct {
	start, end int // item indices of <w:p> and </w:p>
	text       string
	tags       []int
	cell       int  // enclosing table cell, or -1
	removable  bool // nothing in it but text: a tag paragraph may vanish whole
}

type cellInfo struct {
	start, end int
	row        int
	needsPara  bool // a paragraph-level block sits directly in it: ensure one <w:p> remains
}

type rowInfo struct {
	start, end int
	cells      []int
}

type tagRef struct {
	tag      *Tag
	item     int
	para     int
	part     string
	paraText string
}

func (t *tagRef) errorf(format string, args ...any) *Error {
	return &Error{Part: t.part, Tag: t.raw(), Msg: fmt.Sprintf(format, args...), Para: t.paraText}
}

func (t *tagRef) raw() string {
	if t.tag == nil {
		return ""
	}
	return t.tag.Raw
}

type blockLevel uint8

const (
	levelInline blockLevel = iota // within one paragraph, or raw XML between paragraphs
	levelPara                     // whole paragraphs
	levelRow                      // a table row
	levelRows                     // whole rows, between rows that hold only the tags
)

type blockRef struct {
	open, els, close int // tag indices; els = -1 when absent
	level            blockLevel
}

type compiler struct {
	part     string
	funcs    map[string]bool
	items    []item
	paras    []paraInfo
	cells    []cellInfo
	rows     []rowInfo
	tags     []*tagRef
	blocks   []blockRef
	errs     Errors
	rowStack []int
	curCell  int
	snippets map[int]string // paragraph → snippet, see paraSnippet
}

// compilePart turns one XML part into a program.
func compilePart(part string, root *wx.Node, funcs map[string]bool) ([]op, []*tagRef, Errors) {
	c := &compiler{part: part, funcs: funcs, curCell: -1}
	c.flatten(root, -1)
	if len(c.tags) == 0 {
		return nil, nil, c.errs
	}
	for _, t := range c.tags {
		if t.para >= 0 {
			t.paraText = c.paraSnippet(t.para)
		}
	}
	c.matchBlocks()
	if len(c.errs) > 0 {
		return nil, c.tags, c.errs
	}
	seq := c.place()
	if len(c.errs) > 0 {
		return nil, c.tags, c.errs
	}
	ops := c.build(seq)
	return ops, c.tags, c.errs
}

func (c *compiler) add(it item) int {
	c.items = append(c.items, it)
	return len(c.items) - 1
}

// unremovable lists elements that make a paragraph more than text: deleting the paragraph
// would lose them (a section break, a drawing, a field, a note reference).
var unremovable = map[string]bool{
	"w:sectPr": true, "w:drawing": true, "w:pict": true, "w:object": true, "w:fldChar": true,
	"w:fldSimple": true, "w:footnoteReference": true, "w:endnoteReference": true,
	"w:txbxContent": true, "mc:AlternateContent": true, "w:commentReference": true,
}

func hasUnremovable(n *wx.Node) bool {
	for _, c := range n.Children {
		if c.Kind == wx.Elem && (unremovable[c.Name] || hasUnremovable(c)) {
			return true
		}
	}
	return false
}

func (c *compiler) flatten(n *wx.Node, para int) {
	switch n.Kind {
	case wx.Text:
		if n.Parent != nil && n.Parent.Name == "w:t" && strings.Contains(n.Text, "{{") {
			c.splitText(n.Text, para)
			return
		}
		c.add(item{kind: itText, raw: wx.TextEscaper.Replace(n.Text)})
		return
	case wx.Raw:
		c.add(item{kind: itRaw, raw: n.Text})
		return
	}
	if n.Name == "" {
		for _, ch := range n.Children {
			c.flatten(ch, para)
		}
		return
	}
	if len(n.Children) == 0 && n.Name != "w:p" && n.Name != "w:tc" && n.Name != "w:tr" {
		it := item{kind: itEmpty, name: n.Name, raw: wx.StartTag(n, true)}
		if n.Name == "w:numId" {
			it.num, _ = n.Attr("w:val")
		}
		c.add(it)
		return
	}
	switch n.Name {
	case "w:p":
		text, ranges := normalizeParagraph(n)
		for _, r := range ranges {
			if r[1] < 0 {
				c.errs = append(c.errs, &Error{Part: c.part, Para: snippet(text), Tag: snippet(text[r[0]:]),
					Msg: "tag is not closed: add }} at its end"})
			}
		}
		pi := len(c.paras)
		c.paras = append(c.paras, paraInfo{text: text, cell: c.curCell, removable: !hasUnremovable(n)})
		c.paras[pi].start = c.add(item{kind: itStart, name: n.Name, raw: wx.StartTag(n, false)})
		for _, ch := range n.Children {
			c.flatten(ch, pi)
		}
		c.paras[pi].end = c.add(item{kind: itEnd, name: n.Name, raw: "</" + n.Name + ">"})
		return
	case "w:tr":
		ri := len(c.rows)
		c.rows = append(c.rows, rowInfo{})
		c.rows[ri].start = c.add(item{kind: itStart, name: n.Name, raw: wx.StartTag(n, false)})
		c.rowStack = append(c.rowStack, ri)
		for _, ch := range n.Children {
			c.flatten(ch, para)
		}
		c.rowStack = c.rowStack[:len(c.rowStack)-1]
		c.rows[ri].end = c.add(item{kind: itEnd, name: n.Name, raw: "</" + n.Name + ">"})
		return
	case "w:tc":
		ci := len(c.cells)
		row := -1
		if len(c.rowStack) > 0 {
			row = c.rowStack[len(c.rowStack)-1]
			c.rows[row].cells = append(c.rows[row].cells, ci)
		}
		c.cells = append(c.cells, cellInfo{row: row})
		c.cells[ci].start = c.add(item{kind: itStart, name: n.Name, raw: wx.StartTag(n, false)})
		saved := c.curCell
		c.curCell = ci
		for _, ch := range n.Children {
			c.flatten(ch, para)
		}
		c.curCell = saved
		c.cells[ci].end = c.add(item{kind: itEnd, name: n.Name, raw: "</" + n.Name + ">"})
		return
	}
	c.add(item{kind: itStart, name: n.Name, raw: wx.StartTag(n, false)})
	for _, ch := range n.Children {
		c.flatten(ch, para)
	}
	c.add(item{kind: itEnd, name: n.Name, raw: "</" + n.Name + ">"})
}

// splitText cuts a w:t's text into text and tag items.
func (c *compiler) splitText(s string, para int) {
	prev := 0
	for _, r := range scanTags(s) {
		if r[1] < 0 {
			break // reported with the paragraph; the rest stays text
		}
		if r[0] > prev {
			c.add(item{kind: itText, raw: wx.TextEscaper.Replace(s[prev:r[0]])})
		}
		ref := &tagRef{para: para, part: c.part}
		tag, err := ParseTag(s[r[0]+2:r[1]-2], c.funcs)
		if err != nil {
			ptext := c.paraSnippet(para)
			c.errs = append(c.errs, &Error{Part: c.part, Para: ptext, Tag: quoteReplacer.Replace(s[r[0]:r[1]]), Msg: err.Error()})
			prev = r[1]
			continue
		}
		ref.tag = tag
		ref.item = c.add(item{kind: itTag, tag: len(c.tags)})
		c.tags = append(c.tags, ref)
		if para >= 0 {
			c.paras[para].tags = append(c.paras[para].tags, len(c.tags)-1)
		}
		prev = r[1]
	}
	if prev < len(s) {
		c.add(item{kind: itText, raw: wx.TextEscaper.Replace(s[prev:])})
	}
}

// matchBlocks pairs opening, else and closing tags and decides each block's level.
func (c *compiler) matchBlocks() {
	type open struct{ tag, els int }
	var stack []open
	for i, t := range c.tags {
		k := t.tag.Kind
		switch {
		case k.opens():
			stack = append(stack, open{tag: i, els: -1})
		case k == TagElse:
			if len(stack) == 0 {
				c.errs = append(c.errs, t.errorf("{{else}} outside any {{#if}}, {{#unless}} or {{#each}} block"))
				continue
			}
			top := &stack[len(stack)-1]
			if top.els >= 0 {
				c.errs = append(c.errs, t.errorf("second {{else}} in the block opened by %s", c.tags[top.tag].tag.Raw))
				continue
			}
			top.els = i
		case k.closes():
			if len(stack) == 0 {
				c.errs = append(c.errs, t.errorf("closing tag without an opening tag"))
				continue
			}
			top := stack[len(stack)-1]
			ok := c.tags[top.tag]
			if closerOf(ok.tag.Kind) != k {
				c.errs = append(c.errs, t.errorf("closes %s, which needs {{/%s}}", ok.tag.Raw, kindNames[ok.tag.Kind]))
				stack = stack[:len(stack)-1]
				continue
			}
			stack = stack[:len(stack)-1]
			c.blocks = append(c.blocks, blockRef{open: top.tag, els: top.els, close: i})
		}
	}
	for _, o := range stack {
		t := c.tags[o.tag]
		c.errs = append(c.errs, t.errorf("block is never closed: add {{/%s}}", kindNames[t.tag.Kind]))
	}
	for bi := range c.blocks {
		c.blocks[bi].level = c.levelOf(&c.blocks[bi])
	}
}

// standalone: the tag is alone in its paragraph (spaces aside) and the paragraph can vanish.
func (c *compiler) standalone(ti int) bool {
	t := c.tags[ti]
	if t.para < 0 {
		return false
	}
	p := c.paras[t.para]
	if len(p.tags) != 1 || !p.removable {
		return false
	}
	return strings.TrimSpace(stripTags(p.text)) == ""
}

func stripTags(s string) string {
	var b strings.Builder
	prev := 0
	for _, r := range scanTags(s) {
		if r[1] < 0 {
			break
		}
		b.WriteString(s[prev:r[0]])
		prev = r[1]
	}
	b.WriteString(s[prev:])
	return b.String()
}

// tagRow returns the row a tag stands alone in (no other text or tag in any of its cells), or -1.
func (c *compiler) tagRow(ti int) int {
	t := c.tags[ti]
	if t.para < 0 || !c.standalone(ti) {
		return -1
	}
	cell := c.paras[t.para].cell
	if cell < 0 || c.cells[cell].row < 0 {
		return -1
	}
	row := c.cells[cell].row
	for pi := range c.paras {
		p := &c.paras[pi]
		if pi == t.para || p.cell < 0 || c.cells[p.cell].row != row {
			continue
		}
		if len(p.tags) > 0 || strings.TrimSpace(p.text) != "" || !p.removable {
			return -1
		}
	}
	return row
}

func (c *compiler) levelOf(b *blockRef) blockLevel {
	o, cl := c.tags[b.open], c.tags[b.close]
	if ro, rc := c.tagRow(b.open), c.tagRow(b.close); ro >= 0 && rc >= 0 && ro != rc {
		if b.els < 0 {
			return levelRows
		}
		if re := c.tagRow(b.els); re >= 0 && re != ro && re != rc {
			return levelRows
		}
	}
	// A row: opens in the first cell, closes in the last cell of the same row.
	if o.para >= 0 && cl.para >= 0 {
		oc, cc := c.paras[o.para].cell, c.paras[cl.para].cell
		if oc >= 0 && cc >= 0 && oc != cc && c.cells[oc].row >= 0 && c.cells[oc].row == c.cells[cc].row {
			row := c.rows[c.cells[oc].row]
			if row.cells[0] == oc && row.cells[len(row.cells)-1] == cc {
				return levelRow
			}
		}
	}
	if o.para >= 0 && cl.para >= 0 && o.para != cl.para && c.standalone(b.open) && c.standalone(b.close) &&
		(b.els < 0 || c.standalone(b.els) && c.tags[b.els].para != o.para && c.tags[b.els].para != cl.para) {
		return levelPara
	}
	return levelInline
}

// place moves tags to where their blocks begin and end, drops the paragraphs of tag-only
// paragraphs, and checks that every block is well nested in the XML. It returns the item
// order to compile.
func (c *compiler) place() []int {
	skip := make([]bool, len(c.items))
	before := map[int][]int{}
	after := map[int][]int{}
	for _, b := range c.blocks {
		switch b.level {
		case levelPara:
			for _, ti := range []int{b.open, b.els, b.close} {
				if ti < 0 {
					continue
				}
				t := c.tags[ti]
				p := c.paras[t.para]
				for i := p.start; i <= p.end; i++ {
					if i != t.item {
						skip[i] = true
					}
				}
				if p.cell >= 0 {
					c.cells[p.cell].needsPara = true
				}
			}
		case levelRows:
			for _, ti := range []int{b.open, b.els, b.close} {
				if ti < 0 {
					continue
				}
				t := c.tags[ti]
				row := c.rows[c.cells[c.paras[t.para].cell].row]
				for i := row.start; i <= row.end; i++ {
					if i != t.item {
						skip[i] = true
					}
				}
			}
		case levelRow:
			if b.els >= 0 {
				c.errs = append(c.errs, c.tags[b.els].errorf("{{else}} cannot stand in a block that repeats a table row; use a separate {{#if}} row"))
				continue
			}
			o, cl := c.tags[b.open], c.tags[b.close]
			row := c.rows[c.cells[c.paras[o.para].cell].row]
			skip[o.item], skip[cl.item] = true, true
			before[row.start] = append(before[row.start], o.item)
			after[row.end] = append(after[row.end], cl.item)
		}
	}
	seq := make([]int, 0, len(c.items))
	for i := range c.items {
		seq = append(seq, before[i]...)
		if !skip[i] {
			seq = append(seq, i)
		}
		seq = append(seq, after[i]...)
	}
	// Each block must open, turn (else) and close at the same place in the element tree:
	// then repeating or dropping what lies between keeps the XML well-formed.
	paths := map[int]string{}
	var stack []string
	for _, i := range seq {
		it := c.items[i]
		switch it.kind {
		case itStart:
			stack = append(stack, it.name)
		case itEnd:
			if len(stack) > 0 {
				stack = stack[:len(stack)-1]
			}
		case itTag:
			paths[it.tag] = strings.Join(stack, "/")
		}
	}
	for _, b := range c.blocks {
		po, pc := paths[b.open], paths[b.close]
		bad := po != pc
		if b.els >= 0 && paths[b.els] != po {
			bad = true
		}
		if bad {
			o := c.tags[b.open]
			c.errs = append(c.errs, o.errorf("the block %s … {{/%s}} crosses a table, cell, text box or hyperlink boundary; "+
				"put its tags in one paragraph, or alone in their own paragraphs at the same level, or in the first and last cell of one table row",
				o.tag.Raw, kindNames[o.tag.Kind]))
		}
	}
	return seq
}
