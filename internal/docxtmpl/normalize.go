package docxtmpl

import "strings"

// segment is one w:t element of a paragraph and its text node.
type segment struct {
	t    *node // the w:t element
	text *node // its character data (created when missing)
}

// paragraphSegments lists the w:t elements that belong to paragraph p itself, in order: text
// boxes inside the paragraph hold their own paragraphs and are left to them; deleted text
// (w:delText), field instructions and moved-from text are not text the user sees.
func paragraphSegments(p *node) []segment {
	var segs []segment
	var walk func(*node)
	walk = func(n *node) {
		for _, c := range n.children {
			if c.kind != kindElem {
				continue
			}
			switch c.name {
			case "w:t":
				var tn *node
				for _, x := range c.children {
					if x.kind == kindText {
						tn = x
						break
					}
				}
				if tn == nil {
					tn = &node{kind: kindText, parent: c}
					c.children = append(c.children, tn)
				}
				segs = append(segs, segment{t: c, text: tn})
			case "w:txbxContent", "w:p", "w:del", "w:moveFrom", "w:instrText", "w:delText":
			default:
				walk(c)
			}
		}
	}
	walk(p)
	return segs
}

// normalizeParagraph moves every tag that Word or LibreOffice split over several runs into the
// run where the tag starts, so that each tag lies whole inside one w:t. Pieces it empties are
// removed. It returns the tag ranges found in the paragraph text, with unclosed ones as end -1.
func normalizeParagraph(p *node) (text string, ranges [][2]int) {
	segs := paragraphSegments(p)
	if len(segs) == 0 {
		return "", nil
	}
	var full strings.Builder
	starts := make([]int, len(segs)+1)
	for i, s := range segs {
		starts[i] = full.Len()
		full.WriteString(s.text.text)
	}
	starts[len(segs)] = full.Len()
	text = full.String()
	ranges = scanTags(text)
	if len(ranges) == 0 {
		return text, nil
	}
	segOf := func(off int) int {
		// the last segment starting at or before off that is non-empty at off
		lo, hi := 0, len(segs)-1
		for lo < hi {
			mid := (lo + hi + 1) / 2
			if starts[mid] <= off {
				lo = mid
			} else {
				hi = mid - 1
			}
		}
		for lo > 0 && starts[lo] == starts[lo+1] { // empty segment: belongs to an earlier one
			lo--
		}
		return lo
	}
	moved := false
	for _, r := range ranges {
		if r[1] >= 0 && segOf(r[0]) != segOf(r[1]-1) {
			moved = true
		}
	}
	if moved {
		owner := make([]int, len(text))
		for k := range segs {
			for off := starts[k]; off < starts[k+1]; off++ {
				owner[off] = k
			}
		}
		for _, r := range ranges {
			if r[1] < 0 {
				continue
			}
			first := owner[r[0]]
			for off := r[0]; off < r[1]; off++ {
				owner[off] = first
			}
		}
		newText := make([]strings.Builder, len(segs))
		for off := 0; off < len(text); off++ {
			newText[owner[off]].WriteByte(text[off])
		}
		for k, s := range segs {
			old := s.text.text
			s.text.text = newText[k].String()
			if old != "" && s.text.text == "" {
				removeEmptied(s.t)
			}
		}
	}
	for _, s := range segs {
		if strings.Contains(s.text.text, "{{") {
			// The value that replaces a tag may begin or end with spaces, which Word would
			// otherwise drop.
			s.t.setAttr("xml:space", "preserve")
		}
	}
	return text, ranges
}

// removeEmptied drops a w:t that a tag move emptied, and its run when nothing but run
// properties is left in it.
func removeEmptied(t *node) {
	run := t.parent
	removeChild(run, t)
	if run.name != "w:r" {
		return
	}
	for _, c := range run.children {
		if c.kind == kindElem && c.name != "w:rPr" {
			return
		}
	}
	if run.parent != nil {
		removeChild(run.parent, run)
	}
}

func removeChild(parent, child *node) {
	for i, c := range parent.children {
		if c == child {
			parent.children = append(parent.children[:i], parent.children[i+1:]...)
			return
		}
	}
}
