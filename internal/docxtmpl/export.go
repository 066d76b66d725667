package docxtmpl

import wx "github.com/tsdraft/tsdraft/internal/wordxml"

// NormalizeTags moves every tag that is split over runs into the run where it starts, in all
// paragraphs under root, so that code rearranging paragraphs (the bilingual layouts) sees each
// tag whole inside one w:t.
func NormalizeTags(root *wx.Node) {
	var walk func(*wx.Node)
	walk = func(n *wx.Node) {
		if n.Kind != wx.Elem {
			return
		}
		if n.Name == "w:p" {
			normalizeParagraph(n)
		}
		for _, c := range n.Children {
			walk(c)
		}
	}
	walk(root)
}

// TagSpan is a tag found in a text.
type TagSpan struct {
	Start, End int // byte offsets of {{ and after }}
	Kind       TagKind
}

// FindTags lists the well-formed tags of a text with their kinds; tags that do not parse are
// reported as values (the engine reports them properly when it compiles).
func FindTags(s string) []TagSpan {
	var out []TagSpan
	for _, r := range scanTags(s) {
		if r[1] < 0 {
			break
		}
		k := TagValue
		if t, err := ParseTag(s[r[0]+2:r[1]-2], nil); err == nil {
			k = t.Kind
		}
		out = append(out, TagSpan{Start: r[0], End: r[1], Kind: k})
	}
	return out
}

// IsBlock tells whether a kind opens, turns or closes a block.
func (k TagKind) IsBlock() bool { return k != TagValue }

// Opens tells whether a kind opens a block.
func (k TagKind) Opens() bool { return k.opens() }

// Closes tells whether a kind closes a block.
func (k TagKind) Closes() bool { return k.closes() }

// NormalizeQuotes reads a tag's text the way the engine does: the curly quotes Word types are
// straight ones, no-break and ideographic spaces plain ones. The locale tooling compares the
// tags of a translation with the master's through it, so both read one grammar.
func NormalizeQuotes(s string) string { return quoteReplacer.Replace(s) }
