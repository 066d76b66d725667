package docxtmpl

import wx "github.com/tsdraft/tsdraft/internal/wordxml"

import "strings"

// segment is one w:t element of a paragraph and its text node.
type segment struct {
	t    *wx.Node // the w:t element
	text *wx.Node // its character data (created when missing)
}

// paragraphSegments lists the w:t elements that belong to paragraph p itself, in order: text
// boxes inside the paragraph hold their own paragraphs and are left to them; deleted text
// (w:delText), field instructions and moved-from text are not text the user sees.
func paragraphSegments(p *wx.Node) []segment {
	var segs []segment
	var walk func(*wx.Node)
	walk = func(n *wx.Node) {
		for _, c := range n.Children {
			if c.Kind != wx.Elem {
				continue
			}
			switch c.Name {
			case "w:t":
				var tn *wx.Node
				for _, x := range c.Children {
					if x.Kind == wx.Text {
						tn = x
						break
					}
				}
				if tn == nil {
					tn = &wx.Node{Kind: wx.Text, Parent: c}
					c.Children = append(c.Children, tn)
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
func normalizeParagraph(p *wx.Node) (text string, ranges [][2]int) {
	segs := paragraphSegments(p)
	if len(segs) == 0 {
		return "", nil
	}
	var full strings.Builder
	starts := make([]int, len(segs)+1)
	for i, s := range segs {
		starts[i] = full.Len()
		full.WriteString(s.text.Text)
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
			old := s.text.Text
			s.text.Text = newText[k].String()
			if old != "" && s.text.Text == "" {
				removeEmptied(s.t)
			}
		}
	}
	for _, s := range segs {
		if strings.Contains(s.text.Text, "{{") {
			// The value that replaces a tag may begin or end with spaces, which Word would
			// otherwise drop.
			s.t.SetAttr("xml:space", "preserve")
		}
	}
	return text, ranges
}

// removeEmptied drops a w:t that a tag move emptied, and its run when nothing but run
// properties is left in it.
func removeEmptied(t *wx.Node) {
	run := t.Parent
	removeChild(run, t)
	if run.Name != "w:r" {
		return
	}
	for _, c := range run.Children {
		if c.Kind == wx.Elem && c.Name != "w:rPr" {
			return
		}
	}
	if run.Parent != nil {
		removeChild(run.Parent, run)
	}
}

func removeChild(parent, child *wx.Node) {
	for i, c := range parent.Children {
		if c == child {
			parent.Children = append(parent.Children[:i], parent.Children[i+1:]...)
			return
		}
	}
}
