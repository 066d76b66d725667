package docxtmpl

import (
	"fmt"
	"strings"

	"github.com/tsdraft/tsdraft/internal/diag"
)

// place moves tags to where their blocks begin and end, drops tag-only paragraphs (handing on
// what they carry besides the tag), and checks that every block is well nested in the XML. It
// returns the item order to compile.
func (c *compiler) place() []int {
	n0 := len(c.items) // items added below are synthetic: placed through before/after only
	skip := make([]bool, n0)
	before := map[int][]int{}
	after := map[int][]int{}
	vanish := map[int]bool{}
	for _, b := range c.blocks {
		if b.level == levelPara {
			for _, ti := range []int{b.open, b.els, b.close} {
				if ti >= 0 {
					vanish[c.tags[ti].para] = true
				}
			}
		}
	}
	fieldDepth := c.fieldDepths()
	anchors := c.commentAnchors()
	for _, b := range c.blocks {
		c.warnSectionFlow(b)
		c.checkFieldCut(b, fieldDepth)
		c.warnCommentCut(b, anchors)
		switch b.level {
		case levelPara:
			c.placeParaBlock(b, skip, before, after, vanish)
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
				c.errs = append(c.errs, c.tags[b.els].errorf("{{else}} cannot stand in a block that repeats table rows; use a separate {{#if}} row"))
				continue
			}
			o, cl := c.tags[b.open], c.tags[b.close]
			first := c.rows[c.cells[c.paras[o.para].cell].row]
			last := c.rows[c.cells[c.paras[cl.para].cell].row]
			skip[o.item], skip[cl.item] = true, true
			before[first.start] = append(before[first.start], o.item)
			after[last.end] = append(after[last.end], cl.item)
		}
	}
	seq := make([]int, 0, len(c.items))
	for i := 0; i < n0; i++ {
		seq = append(seq, before[i]...)
		if !skip[i] {
			seq = append(seq, i)
		}
		seq = append(seq, after[i]...)
	}
	c.checkNesting(seq)
	return seq
}

// checkNesting makes sure each block opens, turns (else) and closes inside the same elements:
// then repeating or dropping what lies between keeps the XML well-formed and every table row
// keeps its cells. Elements are compared by identity, not by name (two cells of one row have
// the same name path); only paragraphs, runs and text may differ, which is how an inline block
// spans paragraphs.
func (c *compiler) checkNesting(seq []int) {
	stacks := map[int][]int{}
	var stack []int
	for _, i := range seq {
		it := c.items[i]
		switch it.kind {
		case itStart:
			stack = append(stack, i)
		case itEnd:
			if len(stack) > 0 {
				stack = stack[:len(stack)-1]
			}
		case itTag:
			stacks[it.tag] = append([]int(nil), stack...)
		}
	}
	cellAt := map[int]int{}
	for ci, cl := range c.cells {
		cellAt[cl.start] = ci
	}
	for _, b := range c.blocks {
		o := c.tags[b.open]
		for _, ti := range []int{b.els, b.close} {
			if ti < 0 {
				continue
			}
			diff := c.stackDiff(stacks[b.open], stacks[ti])
			if diff < 0 {
				continue
			}
			where := ""
			so, st := stacks[b.open], stacks[ti]
			if diff < len(so) && diff < len(st) && c.items[so[diff]].name == "w:tc" && c.items[st[diff]].name == "w:tc" {
				where = fmt.Sprintf(" (it opens in %s and %s in %s)", c.cellName(cellAt[so[diff]]),
					map[bool]string{true: "turns", false: "closes"}[ti == b.els], c.cellName(cellAt[st[diff]]))
			}
			c.errs = append(c.errs, o.errorf("the block %s … {{/%s}} crosses a table, cell, text box, content control or hyperlink boundary%s; "+
				"put its tags in one paragraph, or alone in their own paragraphs at the same level, or in the first cell of a table row and the last cell of that row or a later one",
				o.tag.Raw, kindNames[o.tag.Kind], where))
			break
		}
	}
}

// stackDiff returns the first depth at which two element stacks differ in a way a block may
// not span, or -1 when they are compatible.
func (c *compiler) stackDiff(a, b []int) int {
	n := min(len(a), len(b))
	for d := 0; d < n; d++ {
		if a[d] == b[d] {
			continue
		}
		na, nb := c.items[a[d]].name, c.items[b[d]].name
		if na == nb && (na == "w:p" || na == "w:r" || na == "w:t") {
			continue
		}
		return d
	}
	if len(a) != len(b) {
		return n
	}
	return -1
}

// cellName names a table cell for a message: "row 2, cell 3 of a table".
func (c *compiler) cellName(ci int) string {
	cl := c.cells[ci]
	if cl.row < 0 {
		return "a table cell"
	}
	r := c.rows[cl.row]
	col := 0
	for k, x := range r.cells {
		if x == ci {
			col = k + 1
		}
	}
	return fmt.Sprintf("row %d, cell %d of a table", r.num, col)
}

// carried is what a vanishing tag paragraph holds besides its tag and must hand on: page and
// column breaks, bookmarks, comment anchors. run marks a piece that must sit in a paragraph.
type carried struct {
	raw string
	run bool
}

// placeParaBlock removes the tag paragraphs of a paragraph-level block. The rules, decided
// from what an author means (and documented in the README):
//   - a page or column break (a break run, or "page break before") in the opening tag's
//     paragraph starts every repetition; in the closing tag's paragraph it ends every
//     repetition (Ctrl+Enter after {{/each}}: one item per page); in the {{else}} paragraph it
//     ends the first branch. It goes into the neighbouring paragraph of the content, or into a
//     paragraph of its own when there is none. A block that writes nothing writes no break.
//   - a section break (w:sectPr in the paragraph's properties) is kept once, in place, in an
//     empty paragraph outside the block: removing or repeating the block never moves text into
//     another section. On an {{else}} paragraph it is an error.
//   - bookmarks and comment anchors travel like breaks (duplicates made by a loop are renamed
//     after execution, see ids.go).
func (c *compiler) placeParaBlock(b blockRef, skip []bool, before, after map[int][]int, vanish map[int]bool) {
	role := map[int]string{b.open: "open", b.close: "close"}
	if b.els >= 0 {
		role[b.els] = "else"
	}
	for _, ti := range []int{b.open, b.els, b.close} {
		if ti < 0 {
			continue
		}
		t := c.tags[ti]
		pi := t.para
		p := c.paras[pi]
		if p.cell >= 0 {
			c.cells[p.cell].needsPara = true
		}
		pa, pb := -1, -1
		if p.sect {
			if role[ti] == "else" {
				c.errs = append(c.errs, t.errorf("the {{else}} paragraph ends a section (it carries a section break); move the section break to a paragraph of its own"))
				continue
			}
			pa, pb = c.pPrRange(pi)
		}
		for i := p.start; i <= p.end; i++ {
			if i != t.item {
				skip[i] = true
			}
		}
		if p.sect && pa >= 0 {
			var kept strings.Builder
			kept.WriteString(c.items[p.start].raw)
			for i := pa; i <= pb; i++ {
				kept.WriteString(c.items[i].raw)
			}
			kept.WriteString(c.items[p.end].raw)
			k := c.synth(kept.String())
			if role[ti] == "open" {
				before[t.item] = append(before[t.item], k)
			} else {
				after[t.item] = append(after[t.item], k)
			}
		}
		c.warnDropped(pi, pa, pb, t)
		cs := c.carry(pi, pa, pb)
		if len(cs) == 0 {
			continue
		}
		switch role[ti] {
		case "open":
			c.attach(cs, c.nextPara(pi), true, t.item, vanish, before, after)
			if b.els >= 0 {
				e := c.tags[b.els]
				c.attach(cs, c.nextPara(e.para), true, e.item, vanish, before, after)
			}
		case "else":
			c.attach(cs, c.prevPara(pi), false, t.item, vanish, before, after)
		case "close":
			c.attach(cs, c.prevPara(pi), false, t.item, vanish, before, after)
			if b.els >= 0 {
				e := c.tags[b.els]
				c.attach(cs, c.prevPara(e.para), false, e.item, vanish, before, after)
			}
		}
	}
}

// attach puts carried pieces at the start (or end) of paragraph target, or, when there is no
// such paragraph of content, next to the tag item in a paragraph of their own (range markers
// alone may stand between paragraphs).
func (c *compiler) attach(cs []carried, target int, atStart bool, tagItem int, vanish map[int]bool, before, after map[int][]int) {
	var b strings.Builder
	run := false
	for _, x := range cs {
		b.WriteString(x.raw)
		run = run || x.run
	}
	if target >= 0 && !vanish[target] {
		k := c.synth(b.String())
		if atStart {
			at := c.paras[target].start
			if _, pe := c.pPrRange(target); pe >= 0 {
				at = pe
			}
			after[at] = append(after[at], k) // right after the paragraph's properties
			return
		}
		end := c.paras[target].end
		before[end] = append(before[end], k)
		return
	}
	s := b.String()
	if run {
		s = "<w:p>" + s + "</w:p>"
	}
	if atStart {
		after[tagItem] = append(after[tagItem], c.synth(s))
	} else {
		before[tagItem] = append(before[tagItem], c.synth(s))
	}
}

// synth adds an item of static XML that place positions through before/after.
func (c *compiler) synth(raw string) int {
	return c.add(item{kind: itRaw, raw: raw})
}

// carry lists what paragraph pi holds that must outlive it (skipping the properties range
// pa..pb when the paragraph is kept for its section break).
func (c *compiler) carry(pi, pa, pb int) []carried {
	p := c.paras[pi]
	var out []carried
	for i := p.start + 1; i < p.end; i++ {
		if pa >= 0 && i >= pa && i <= pb {
			continue
		}
		it := c.items[i]
		if it.kind != itEmpty {
			continue
		}
		switch it.name {
		case "w:br":
			for _, typ := range []string{"page", "column"} {
				if strings.Contains(it.raw, `w:type="`+typ+`"`) {
					out = append(out, carried{raw: `<w:r><w:br w:type="` + typ + `"/></w:r>`, run: true})
				}
			}
		case "w:pageBreakBefore":
			if !strings.Contains(it.raw, `w:val="0"`) && !strings.Contains(it.raw, `w:val="false"`) && !strings.Contains(it.raw, `w:val="off"`) {
				out = append(out, carried{raw: `<w:r><w:br w:type="page"/></w:r>`, run: true})
			}
		case "w:bookmarkStart", "w:bookmarkEnd", "w:commentRangeStart", "w:commentRangeEnd", "w:permStart", "w:permEnd":
			out = append(out, carried{raw: it.raw})
		case "w:commentReference":
			out = append(out, carried{raw: "<w:r>" + it.raw + "</w:r>", run: true})
		}
	}
	return out
}

// pPrRange returns the items of a paragraph's w:pPr, or -1, -1.
func (c *compiler) pPrRange(pi int) (int, int) {
	p := c.paras[pi]
	for i := p.start + 1; i < p.end; i++ {
		it := c.items[i]
		switch {
		case it.kind == itText && strings.TrimSpace(it.raw) == "", it.kind == itRaw:
			continue
		case it.kind == itEmpty && it.name == "w:pPr":
			return i, i
		case it.kind == itStart && it.name == "w:pPr":
			depth := 0
			for j := i; j < p.end; j++ {
				switch c.items[j].kind {
				case itStart:
					depth++
				case itEnd:
					depth--
					if depth == 0 {
						return i, j
					}
				}
			}
		}
		return -1, -1
	}
	return -1, -1
}

// between tells whether an item may stand between two sibling paragraphs without mattering.
func (c *compiler) between(i int) bool {
	it := c.items[i]
	switch it.kind {
	case itText:
		return strings.TrimSpace(it.raw) == ""
	case itRaw:
		return true
	case itEmpty:
		switch it.name {
		case "w:bookmarkStart", "w:bookmarkEnd", "w:commentRangeStart", "w:commentRangeEnd", "w:proofErr":
			return true
		}
	}
	return false
}

// nextPara is the paragraph right after paragraph pi at the same level, or -1.
func (c *compiler) nextPara(pi int) int {
	for i := c.paras[pi].end + 1; i < len(c.items); i++ {
		if c.between(i) {
			continue
		}
		if c.items[i].kind == itStart && c.items[i].name == "w:p" {
			return c.paraAt(i, true)
		}
		return -1
	}
	return -1
}

// prevPara is the paragraph right before paragraph pi at the same level, or -1.
func (c *compiler) prevPara(pi int) int {
	for i := c.paras[pi].start - 1; i >= 0; i-- {
		if c.between(i) {
			continue
		}
		if c.items[i].kind == itEnd && c.items[i].name == "w:p" {
			return c.paraAt(i, false)
		}
		return -1
	}
	return -1
}

func (c *compiler) paraAt(item int, start bool) int {
	for pi, p := range c.paras {
		if start && p.start == item || !start && p.end == item {
			return pi
		}
	}
	return -1
}

// warnDropped records what a vanishing tag paragraph loses besides its tag (a symbol, a tab, a
// line break), for template check.
func (c *compiler) warnDropped(pi, pa, pb int, t *tagRef) {
	p := c.paras[pi]
	seen := map[string]bool{}
	for i := p.start + 1; i < p.end; i++ {
		if pa >= 0 && i >= pa && i <= pb {
			continue
		}
		it := c.items[i]
		what, ok := droppable[it.name]
		if it.kind != itEmpty || !ok || seen[what] {
			continue
		}
		if it.name == "w:br" && (strings.Contains(it.raw, `w:type="page"`) || strings.Contains(it.raw, `w:type="column"`)) {
			continue // carried
		}
		seen[what] = true
		c.warns = append(c.warns, Warning{Level: diag.Warning, Part: c.part, Paragraph: t.paraText, Message: what + " beside the block tag " + t.raw() + " vanishes with its paragraph"})
	}
}

// warnSectionFlow warns about a loop over a continuous region (Word's Columns on a selection
// writes a section break before the selection and a continuous one after it) that repeats a
// section break starting a new page: the template shows the items flowing on one page, the
// output puts every item after the first on a new page. Whether the author meant that cannot be
// told (a loop whose only section breaks start new pages gives each item its own section on
// purpose, and is not warned about), so it is a warning for template check, not a guess.
func (c *compiler) warnSectionFlow(b blockRef) {
	o := c.tags[b.open]
	if o.tag == nil || o.tag.Kind != TagEach || b.close < 0 {
		return
	}
	newPage, continuous := -1, false
	for pi := o.para + 1; pi < c.tags[b.close].para; pi++ {
		p := c.paras[pi]
		if !p.sect {
			continue
		}
		switch p.sectType {
		case "continuous":
			continuous = true
		case "", "nextPage", "oddPage", "evenPage":
			if newPage < 0 {
				newPage = pi
			}
		}
	}
	if newPage < 0 || !continuous {
		return
	}
	where := "an empty paragraph"
	if txt := snippet(c.paras[newPage].text); txt != "" {
		where = "the paragraph \"" + txt + "\""
	}
	c.warns = append(c.warns, Warning{Level: diag.Warning, Part: c.part, Paragraph: o.paraText,
		Message: "the loop " + o.raw() + " repeats a section break that starts a new page (on " + where + ") beside a continuous one: " +
			"from the second item on, every repetition starts on a new page; if the items should flow on (columns), " +
			"make that section break continuous (Word: Layout › Breaks › Continuous)"})
}

// fieldDepths gives, for each item, how many complex fields (w:fldChar begin … end) are open
// before it; nil when the part has no complex field.
func (c *compiler) fieldDepths() []int {
	var depth []int
	d := 0
	for i, it := range c.items {
		if it.name == "w:fldChar" && (it.kind == itEmpty || it.kind == itStart) {
			if depth == nil {
				depth = make([]int, len(c.items)) // the items before stand at depth 0
			}
			switch {
			case strings.Contains(it.raw, `fldCharType="begin"`):
				depth[i] = d
				d++
				continue
			case strings.Contains(it.raw, `fldCharType="end"`) && d > 0:
				d--
			}
		}
		if depth != nil {
			depth[i] = d
		}
	}
	return depth
}

// checkFieldCut refuses a block whose tags stand at different field depths, or within which a
// field opened before it ends: removing or repeating the block would leave a field's begin
// without its end (LibreOffice then takes the rest of the document into the field) or repeat
// an end alone.
func (c *compiler) checkFieldCut(b blockRef, depth []int) {
	if depth == nil || b.close < 0 {
		return
	}
	o, cl := c.tags[b.open], c.tags[b.close]
	lo, hi := o.item, cl.item
	cut := depth[lo] != depth[hi]
	if b.els >= 0 && depth[c.tags[b.els].item] != depth[lo] {
		cut = true
	}
	for i := lo; i <= hi && !cut; i++ {
		if depth[i] < depth[lo] {
			cut = true
		}
	}
	if cut {
		c.errs = append(c.errs, o.errorf("the block %s … %s cuts through a field (a field's begin and end stand on different sides of one of its tags, a cross-reference or page number for instance): move the tags so that the whole field is inside the block or outside it", o.raw(), cl.raw()))
	}
}

// commentAnchors maps each comment id to the items of its range start and its reference.
func (c *compiler) commentAnchors() map[string][2]int {
	var out map[string][2]int
	for i, it := range c.items {
		if it.kind != itEmpty || it.name != "w:commentRangeStart" && it.name != "w:commentReference" {
			continue
		}
		if out == nil {
			out = map[string][2]int{}
		}
		id := idOf([]byte(it.raw))
		a, ok := out[id]
		if !ok {
			a = [2]int{-1, -1}
		}
		if it.name == "w:commentRangeStart" {
			a[0] = i
		} else {
			a[1] = i
		}
		out[id] = a
	}
	return out
}

// warnCommentCut warns about a comment whose range starts on one side of a block's tag and
// whose reference (Word writes it after the range's end) stands on the other: the comment goes
// with its reference when the block is removed, although part of the text it was written on
// stays, and a loop copies it without its start. Which the author meant cannot be told.
func (c *compiler) warnCommentCut(b blockRef, anchors map[string][2]int) {
	if len(anchors) == 0 || b.close < 0 {
		return
	}
	o := c.tags[b.open]
	lo, hi := o.item, c.tags[b.close].item
	in := func(i int) bool { return lo < i && i < hi }
	for _, a := range anchors {
		if a[0] >= 0 && a[1] >= 0 && in(a[0]) != in(a[1]) {
			c.warns = append(c.warns, Warning{Level: diag.Warning, Part: c.part, Paragraph: o.paraText,
				Message: "a comment anchored partly inside the block " + o.raw() + " … {{/" + kindNames[o.tag.Kind] + "}} and partly outside goes with its reference: " +
					"it is removed with the block (or copied without its start), although part of its text stays; anchor the comment wholly inside or outside the block"})
			return
		}
	}
}
