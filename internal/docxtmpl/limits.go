package docxtmpl

import (
	"fmt"
	"strings"

	wx "github.com/tsdraft/tsdraft/internal/wordxml"
)

// Limits on what a template or a text may ask of the engine. Each is far above what a
// document needs and far below what exhausts a machine; passing one is an error that says
// where, never a hang.
const (
	// MaxTagsPerParagraph: a paragraph (or a locale text) holds at most this many tags.
	MaxTagsPerParagraph = 1000
	// MaxTagsPerPart: a part (the body, a header…) holds at most this many tags. Pairing
	// blocks with their rows looks at every paragraph per block.
	MaxTagsPerPart = 20000
	// MaxTextExpansion bounds the text that `t` texts render to in one execution, all calls
	// together. The depth cap of 8 does not bound width: a text that calls ten texts that each
	// call ten texts… is 10^8 copies at depth 8.
	MaxTextExpansion = 16 << 20
)

// checkPartLimits counts the tags of a part before it is compiled, paragraph by paragraph. A
// part over a limit is not compiled at all: one error says where, instead of one per tag.
func checkPartLimits(part string, root *wx.Node) Errors {
	var errs Errors
	total := 0
	var walk func(n *wx.Node)
	walk = func(n *wx.Node) {
		for _, c := range n.Children {
			if c.Kind != wx.Elem {
				continue
			}
			if c.Name == "w:p" {
				var text strings.Builder
				for _, s := range paragraphSegments(c) {
					text.WriteString(s.text.Text)
				}
				k := strings.Count(text.String(), "{{")
				total += k
				if k > MaxTagsPerParagraph {
					errs = append(errs, &Error{Part: part, Paragraph: snippet(text.String()),
						Message: fmt.Sprintf("%d tags in one paragraph, more than the %d allowed; split the paragraph", k, MaxTagsPerParagraph)})
				}
			}
			walk(c)
		}
	}
	walk(root)
	if total > MaxTagsPerPart && len(errs) == 0 {
		errs = append(errs, &Error{Part: part,
			Message: fmt.Sprintf("%d tags, more than the %d allowed in one part; split the template", total, MaxTagsPerPart)})
	}
	return errs
}

// textTagLimit refuses a locale text with more tags than a paragraph may hold.
func textTagLimit(s string, n int) error {
	if n > MaxTagsPerParagraph {
		return &Error{Part: "text", Paragraph: snippet(s), Message: fmt.Sprintf("%d tags in one text, more than the %d allowed", n, MaxTagsPerParagraph)}
	}
	return nil
}

// chargeText counts n bytes of rendered text against the execution's budget.
func (st *execState) chargeText(n int) error {
	st.expanded += n
	if st.expanded > MaxTextExpansion {
		return fmt.Errorf("the texts this document includes (t calls within t texts) expand to more than %d MiB; a text probably includes itself or others many times over", MaxTextExpansion>>20)
	}
	return nil
}

// paraSnippet is a paragraph's snippet for messages, made once per paragraph however many
// tags the paragraph holds.
func (c *compiler) paraSnippet(para int) string {
	if para < 0 {
		return ""
	}
	if c.snippets == nil {
		c.snippets = map[int]string{}
	}
	s, ok := c.snippets[para]
	if !ok {
		s = snippet(c.paras[para].text)
		c.snippets[para] = s
	}
	return s
}
