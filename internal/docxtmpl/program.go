package docxtmpl

import "strings"

type opKind uint8

const (
	opStatic   opKind = iota // write static XML (or text)
	opValue                  // write a value
	opBlock                  // if / unless / each
	opNum                    // a list's numId inside a block whose lists restart per repetition
	opCellMark               // a table cell starts whose paragraphs may all vanish
	opCellEnd                // … and ends: write <w:p/> if none remained
	opStyleNum               // static XML, then a numPr restarting the list of a style-numbered paragraph
)

type op struct {
	kind     opKind
	static   string
	ref      *tagRef
	body     []op
	elseBody []op
	restart  bool   // opBlock each: lists in the body restart at 1 in every repetition
	num      string // opNum, opStyleNum: the template's list id
	ilvl     string // opStyleNum: the list level
}

type piece struct {
	kind   opKind // opStatic, opNum, opStyleNum, opCellMark, opCellEnd, or opValue for a tag
	static string
	tag    int
	num    string
	ilvl   string
}

// build turns the placed item order into a program.
func (c *compiler) build(seq []int) []op {
	posOf := map[int]int{}
	for p, i := range seq {
		if c.items[i].kind == itTag {
			posOf[c.items[i].tag] = p
		}
	}
	dynNum := map[int]bool{}
	restart := map[int]bool{}
	for _, b := range c.blocks {
		if c.tags[b.open].tag.Kind != TagEach {
			continue
		}
		lo, hi := posOf[b.open], posOf[b.close]
		if b.level == levelRow || b.level == levelPara && c.isSection(seq[lo+1:hi]) {
			restart[b.open] = true
			// A list that also numbers paragraphs outside the block is the document's running
			// list (clause headings linked to a multi-level list, 2.1 before a loop of clauses):
			// it continues through the repetitions, as the template shows it. Restarting it
			// printed 2.1 for every clause. Only a list of the block's own restarts.
			outside := map[string]bool{}
			for p, i := range seq {
				if (p < lo || p > hi) && c.items[i].num != "" {
					outside[c.items[i].num] = true
				}
			}
			for p := lo + 1; p < hi; p++ {
				if n := c.items[seq[p]].num; n != "" && !outside[n] {
					dynNum[p] = true
				}
			}
		}
	}
	cellStart, cellEnd := map[int]bool{}, map[int]bool{}
	for _, cl := range c.cells {
		if cl.needsPara {
			cellStart[cl.start], cellEnd[cl.end] = true, true
		}
	}
	var pieces []piece
	var sb strings.Builder
	flush := func() {
		if sb.Len() > 0 {
			pieces = append(pieces, piece{kind: opStatic, static: sb.String()})
			sb.Reset()
		}
	}
	for p, i := range seq {
		it := c.items[i]
		switch {
		case it.kind == itTag:
			flush()
			pieces = append(pieces, piece{kind: opValue, tag: it.tag})
		case dynNum[p] && it.styleNum:
			flush()
			pieces = append(pieces, piece{kind: opStyleNum, static: it.raw, num: it.num, ilvl: it.ilvl})
		case dynNum[p]:
			flush()
			pieces = append(pieces, piece{kind: opNum, static: it.num})
		case cellEnd[i]:
			flush()
			pieces = append(pieces, piece{kind: opCellEnd})
			sb.WriteString(it.raw)
		case cellStart[i]:
			sb.WriteString(it.raw)
			flush()
			pieces = append(pieces, piece{kind: opCellMark})
		default:
			sb.WriteString(it.raw)
		}
	}
	flush()
	pos := 0
	ops := c.buildOps(pieces, &pos, restart)
	return ops
}

// isSection tells whether a paragraph loop's body is more than items of one list: then a list
// inside it restarts at 1 in each repetition, while a loop over list items continues the list.
func (c *compiler) isSection(body []int) bool {
	depth, paras, numbered := 0, 0, 0
	lists := map[string]bool{}
	inNumbered := false
	for _, i := range body {
		it := c.items[i]
		switch it.kind {
		case itStart:
			if depth == 0 {
				if it.name == "w:tbl" {
					return anyNum(c, body)
				}
				if it.name == "w:p" {
					paras++
					inNumbered = false
				}
			}
			depth++
		case itEnd:
			depth--
		case itEmpty:
			if it.num != "" && depth >= 1 && !inNumbered {
				inNumbered = true
				numbered++
				lists[it.num] = true
			}
		}
	}
	return numbered > 0 && (numbered < paras || len(lists) > 1)
}

func anyNum(c *compiler, body []int) bool {
	for _, i := range body {
		if c.items[i].num != "" {
			return true
		}
	}
	return false
}

// buildOps parses pieces into nested ops until a closing or else tag of the current block.
func (c *compiler) buildOps(pieces []piece, pos *int, restart map[int]bool) []op {
	var ops []op
	for *pos < len(pieces) {
		pc := pieces[*pos]
		if pc.kind != opValue {
			o := op{kind: pc.kind, static: pc.static, num: pc.static}
			if pc.kind == opStyleNum {
				o.num, o.ilvl = pc.num, pc.ilvl
			}
			ops = append(ops, o)
			*pos++
			continue
		}
		ref := c.tags[pc.tag]
		k := ref.tag.Kind
		if k == TagElse || k.closes() {
			return ops
		}
		*pos++
		if !k.opens() {
			ops = append(ops, op{kind: opValue, ref: ref})
			continue
		}
		blk := op{kind: opBlock, ref: ref, restart: restart[pc.tag]}
		blk.body = c.buildOps(pieces, pos, restart)
		if *pos < len(pieces) && pieces[*pos].kind == opValue && c.tags[pieces[*pos].tag].tag.Kind == TagElse {
			*pos++
			blk.elseBody = c.buildOps(pieces, pos, restart)
		}
		if *pos < len(pieces) && pieces[*pos].kind == opValue && c.tags[pieces[*pos].tag].tag.Kind.closes() {
			*pos++
		}
		ops = append(ops, blk)
	}
	return ops
}

// compileText compiles a text (a locale entry, say) that may hold tags, for inline rendering.
func compileText(s string, funcs map[string]bool) ([]op, error) {
	c := &compiler{part: "text", funcs: funcs, curCell: -1}
	prev := 0
	var pieces []piece
	ranges := scanTags(s)
	if err := textTagLimit(s, len(ranges)); err != nil {
		return nil, err
	}
	sn := snippet(s)
	for _, r := range ranges {
		if r[1] < 0 {
			return nil, &Error{Part: "text", Paragraph: snippet(s), Tag: snippet(s[r[0]:]), Message: "tag is not closed: add }} at its end"}
		}
		if r[0] > prev {
			pieces = append(pieces, piece{kind: opStatic, static: s[prev:r[0]]})
		}
		tag, err := ParseTag(s[r[0]+2:r[1]-2], funcs)
		if err != nil {
			return nil, &Error{Part: "text", Paragraph: snippet(s), Tag: s[r[0]:r[1]], Message: err.Error()}
		}
		c.tags = append(c.tags, &tagRef{tag: tag, para: -1, part: "text", paraText: sn})
		pieces = append(pieces, piece{kind: opValue, tag: len(c.tags) - 1})
		prev = r[1]
	}
	if prev < len(s) {
		pieces = append(pieces, piece{kind: opStatic, static: s[prev:]})
	}
	c.matchBlocks()
	if len(c.errs) > 0 {
		return nil, c.errs
	}
	pos := 0
	return c.buildOps(pieces, &pos, nil), nil
}
