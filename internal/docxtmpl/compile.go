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
	ilvl string // styleNum: the list level
	// styleNum: the paragraph is numbered through its style; a numPr may follow this item
	styleNum bool
	kind     itemKind
	name     string // element name (start, end, empty)
	raw      string // XML text of the token
	tag      int    // itTag: index into compiler.tags
	num      string // itEmpty w:numId: the list it belongs to
}

type paraInfo struct {
	start, end int // item indices of <w:p> and </w:p>
	text       string
	tags       []int
	cell       int    // enclosing table cell, or -1
	removable  bool   // nothing in it but text: a tag paragraph may vanish whole
	sect       bool   // its properties end a section (w:sectPr in w:pPr)
	sectType   string // that section's w:type ("" when absent: a new page)
}

type cellInfo struct {
	start, end int
	row        int
	needsPara  bool // a paragraph-level block sits directly in it: ensure one <w:p> remains
}

type rowInfo struct {
	start, end int
	cells      []int
	tbl        int // item index of the enclosing <w:tbl>
	num        int // 1-based position of the row in its table, for messages
}

type tagRef struct {
	tag      *Tag
	item     int
	para     int
	part     string
	paraText string
}

func (t *tagRef) errorf(format string, args ...any) *Error {
	return &Error{Part: t.part, Tag: t.raw(), Message: fmt.Sprintf(format, args...), Paragraph: t.paraText}
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
	tblStack [][2]int // per open table: its start item and the rows seen so far
	curCell  int
	inPara   int // paragraphs open around the current node (text boxes reset it)
	styleNum map[string]numRef
	numAt    *wx.Node // the pPr child after which the current paragraph's numPr would go
	warns    []Warning
	numRef   numRef
	snippets map[int]string // paragraph → snippet, see paraSnippet
}

// compilePart turns one XML part into a program; the program has no ops when the part has
// errors.
func compilePart(part string, root *wx.Node, funcs map[string]bool, styleNum map[string]numRef) (*partProg, []Warning, Errors) {
	c := &compiler{part: part, funcs: funcs, curCell: -1, styleNum: styleNum}
	c.flatten(root, -1)
	prog := &partProg{name: part}
	if len(c.tags) == 0 {
		return prog, nil, c.errs
	}
	prog.tags = c.tags
	for _, t := range c.tags {
		if t.para >= 0 {
			t.paraText = c.paraSnippet(t.para)
		}
	}
	c.matchBlocks()
	if len(c.errs) > 0 {
		return prog, c.warns, c.errs
	}
	seq := c.place()
	if len(c.errs) > 0 {
		return prog, c.warns, c.errs
	}
	prog.ops = c.build(seq)
	for _, b := range c.blocks {
		if b.level == levelRow || b.level == levelRows {
			prog.dropsRows = true
		}
	}
	return prog, c.warns, c.errs
}

func (c *compiler) add(it item) int {
	c.items = append(c.items, it)
	return len(c.items) - 1
}

// unremovable lists elements that make a paragraph more than text: deleting the paragraph
// would lose them (a drawing, a field, a note reference). Breaks, section breaks, bookmarks and
// comment anchors are not in the list: a tag paragraph hands them on (see carry in place.go).
var unremovable = map[string]bool{
	"w:drawing": true, "w:pict": true, "w:object": true, "w:fldChar": true,
	"w:fldSimple": true, "w:footnoteReference": true, "w:endnoteReference": true,
	"w:txbxContent": true, "mc:AlternateContent": true,
}

func hasUnremovable(n *wx.Node) bool {
	for _, c := range n.Children {
		if c.Kind == wx.Elem && c.Name != "w:pPr" && (unremovable[c.Name] || hasUnremovable(c)) {
			return true
		}
	}
	return false
}

func hasSect(p *wx.Node) bool {
	pPr := p.Child("w:pPr")
	return pPr != nil && pPr.Child("w:sectPr") != nil
}

// sectType is the w:type of the section a paragraph ends ("" when it has none or no section).
func sectType(p *wx.Node) string {
	pPr := p.Child("w:pPr")
	if pPr == nil || pPr.Child("w:sectPr") == nil {
		return ""
	}
	if t := pPr.Child("w:sectPr").Child("w:type"); t != nil {
		v, _ := t.Attr("w:val")
		return v
	}
	return ""
}

func (c *compiler) flatten(n *wx.Node, para int) {
	switch n.Kind {
	case wx.Text:
		if n.Parent != nil && (n.Parent.Name == "w:t" || plainPart(c.part)) && strings.Contains(n.Text, "{{") {
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
		if n == c.numAt {
			it.num, it.ilvl, it.styleNum = c.numRef.numID, c.numRef.ilvl, true
		}
		c.add(it)
		return
	}
	switch n.Name {
	case "w:p", "w:tbl":
		if c.inPara > 0 {
			// Word refuses such a file and LibreOffice drops the inner paragraph; either way
			// the text would be lost without a word, so say so.
			c.errs = append(c.errs, &Error{Part: c.part, Paragraph: snippet(wx.PlainText(n)),
				Message: "a " + map[string]string{"w:p": "paragraph", "w:tbl": "table"}[n.Name] + " inside another paragraph (malformed XML, often written by a converter): " +
					"copy the text into a new document in Word or LibreOffice and save it again"})
			return
		}
	case "w:txbxContent":
		saved := c.inPara
		c.inPara = 0
		defer func() { c.inPara = saved }()
	}
	switch n.Name {
	case "w:p":
		c.inPara++
		defer func() { c.inPara-- }()
		c.numAt, c.numRef = styleNumAnchor(n, c.styleNum)
		text, ranges := normalizeParagraph(n)
		for _, r := range ranges {
			if r[1] < 0 {
				c.errs = append(c.errs, &Error{Part: c.part, Paragraph: snippet(text), Tag: snippet(text[r[0]:]),
					Message: "tag is not closed: add }} at its end"})
			}
		}
		pi := len(c.paras)
		c.paras = append(c.paras, paraInfo{text: text, cell: c.curCell, removable: !hasUnremovable(n), sect: hasSect(n), sectType: sectType(n)})
		c.paras[pi].start = c.add(item{kind: itStart, name: n.Name, raw: wx.StartTag(n, false)})
		for _, ch := range n.Children {
			c.flatten(ch, pi)
		}
		c.paras[pi].end = c.add(item{kind: itEnd, name: n.Name, raw: "</" + n.Name + ">"})
		return
	case "w:tbl":
		c.tblStack = append(c.tblStack, [2]int{len(c.items), 0})
		c.add(item{kind: itStart, name: n.Name, raw: wx.StartTag(n, false)})
		for _, ch := range n.Children {
			c.flatten(ch, para)
		}
		c.tblStack = c.tblStack[:len(c.tblStack)-1]
		c.add(item{kind: itEnd, name: n.Name, raw: "</" + n.Name + ">"})
		return
	case "w:tr":
		ri := len(c.rows)
		ti := rowInfo{tbl: -1}
		if k := len(c.tblStack); k > 0 {
			c.tblStack[k-1][1]++
			ti.tbl, ti.num = c.tblStack[k-1][0], c.tblStack[k-1][1]
		}
		c.rows = append(c.rows, ti)
		c.rows[ri].start = c.add(item{kind: itStart, name: n.Name, raw: wx.StartTag(n, false)})
		c.rowStack = append(c.rowStack, ri)
		for _, ch := range n.Children {
			c.flatten(ch, para)
		}
		c.rowStack = c.rowStack[:len(c.rowStack)-1]
		c.rows[ri].end = c.add(item{kind: itEnd, name: n.Name, raw: "</" + n.Name + ">"})
		return
	case "w:sdtContent", "w:hdr", "w:ftr", "w:txbxContent", "w:footnote", "w:endnote", "w:comment":
		if !holdsBlocks(n) {
			break
		}
		// A block-level content control, a header, footer, text box, note or comment: like a
		// table cell, Word refuses it without a paragraph ("unreadable content"), so a block
		// that empties it leaves a <w:p/>.
		c.flattenCell(n, para, -1)
		return
	case "w:tc":
		row := -1
		if len(c.rowStack) > 0 {
			row = c.rowStack[len(c.rowStack)-1]
			c.rows[row].cells = append(c.rows[row].cells, len(c.cells))
		}
		c.flattenCell(n, para, row)
		return
	}
	c.add(item{kind: itStart, name: n.Name, raw: wx.StartTag(n, false)})
	for _, ch := range n.Children {
		c.flatten(ch, para)
	}
	c.add(item{kind: itEnd, name: n.Name, raw: "</" + n.Name + ">"})
}

// flattenCell flattens a table cell or a block-level content control of table row row (-1:
// none) as cell len(c.cells), so that blocks inside it know the cell they are in.
func (c *compiler) flattenCell(n *wx.Node, para, row int) {
	ci := len(c.cells)
	c.cells = append(c.cells, cellInfo{row: row})
	c.cells[ci].start = c.add(item{kind: itStart, name: n.Name, raw: wx.StartTag(n, false)})
	saved := c.curCell
	c.curCell = ci
	for _, ch := range n.Children {
		c.flatten(ch, para)
	}
	c.curCell = saved
	c.cells[ci].end = c.add(item{kind: itEnd, name: n.Name, raw: "</" + n.Name + ">"})
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
			c.errs = append(c.errs, &Error{Part: c.part, Paragraph: ptext, Tag: quoteReplacer.Replace(s[r[0]:r[1]]), Message: err.Error()})
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
	// Rows: opens in the first cell of a row and closes in the last cell of the same row, or
	// of a later row of the same table (docxtemplater's pattern for a block of several rows).
	if o.para >= 0 && cl.para >= 0 {
		oc, cc := c.paras[o.para].cell, c.paras[cl.para].cell
		if oc >= 0 && cc >= 0 && oc != cc && c.cells[oc].row >= 0 && c.cells[cc].row >= 0 {
			ro, rc := c.rows[c.cells[oc].row], c.rows[c.cells[cc].row]
			if ro.tbl == rc.tbl && ro.num <= rc.num && ro.cells[0] == oc && rc.cells[len(rc.cells)-1] == cc {
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

// holdsBlocks tells whether an element's children are paragraphs or tables (block content).
func holdsBlocks(n *wx.Node) bool {
	for _, c := range n.Children {
		if c.Kind == wx.Elem && (c.Name == "w:p" || c.Name == "w:tbl") {
			return true
		}
	}
	return false
}
