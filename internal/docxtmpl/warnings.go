package docxtmpl

import (
	"bytes"
	"sort"
	"strings"

	"github.com/tsdraft/tsdraft/internal/diag"
	"github.com/tsdraft/tsdraft/internal/docx"
	wx "github.com/tsdraft/tsdraft/internal/wordxml"
)

// Warning is something a template holds that the output will not show as the author may
// expect: a tag in a part or place tsdraft does not fill, content dropped with a tag
// paragraph. `template check` lists them; they do not stop a build. It is a diagnostic
// (internal/diag) of Level diag.Warning placed by Part and Paragraph, like an Error.
type Warning = diag.Diagnostic

// Warnings lists the template's warnings, part by part.
func (t *Template) Warnings() []Warning { return t.warns }

// droppable names what a vanishing tag paragraph may hold besides its tag and loses with it.
var droppable = map[string]string{
	"w:sym": "a symbol", "w:tab": "a tab", "w:ptab": "a tab", "w:noBreakHyphen": "a hyphen",
	"w:softHyphen": "a hyphen", "w:br": "a line break", "w:cr": "a line break",
}

// scanUnfilled warns about tags where the engine does not look: parts it does not fill
// (charts, glossary, custom XML, custom properties), deleted text, field codes, attributes
// (alternative text, hyperlink targets).
func (t *Template) scanUnfilled(pkg *docx.Package) error {
	for _, name := range pkg.Names() {
		if !strings.HasSuffix(name, ".xml") && !strings.HasSuffix(name, ".rels") {
			continue
		}
		b, err := pkg.Read(name)
		if err != nil {
			return err
		}
		if !bytes.Contains(b, []byte("{{")) {
			continue
		}
		if !TemplateParts(name) {
			t.warns = append(t.warns, Warning{Level: diag.Warning, Part: name, Message: "holds {{ tags }}, but tsdraft fills only the body, headers, footers, footnotes, endnotes, comments and the title/subject properties: they stay as written"})
			continue
		}
		if !mayHoldUnfilled(b) {
			continue
		}
		root, err := wx.Parse(b)
		if err != nil {
			continue // reported by Parse
		}
		// The paragraph's text is only worked out for a warning: most paragraphs give none,
		// and a long template has thousands of them.
		var walk func(n, para *wx.Node)
		paraText := func(p *wx.Node) string {
			if p == nil {
				return ""
			}
			return snippet(wx.PlainText(p))
		}
		walk = func(n, para *wx.Node) {
			for _, c := range n.Children {
				if c.Kind != wx.Elem {
					continue
				}
				p := para
				if c.Name == "w:p" {
					p = c
				}
				for _, a := range c.Attrs {
					if strings.Contains(a.Value, "{{") {
						t.warns = append(t.warns, Warning{Level: diag.Warning, Part: name, Paragraph: paraText(p), Message: "a tag in the attribute " + qattr(a.Name.Space, a.Name.Local) + " of <" + c.Name + "> (alternative text, a link target …) is not filled"})
					}
				}
				switch c.Name {
				case "w:delText":
					if strings.Contains(textOf(c), "{{") {
						t.warns = append(t.warns, Warning{Level: diag.Warning, Part: name, Paragraph: paraText(p), Message: "a tag in deleted text (a tracked change) is not filled: accept or reject the changes first"})
					}
					continue
				case "w:instrText":
					if strings.Contains(textOf(c), "{{") {
						t.warns = append(t.warns, Warning{Level: diag.Warning, Part: name, Paragraph: paraText(p), Message: "a tag in a field code is not filled: put the tag in the text, not in the field"})
					}
					continue
				}
				walk(c, p)
			}
		}
		walk(root, nil)
	}
	sort.SliceStable(t.warns, func(i, j int) bool { return t.warns[i].Part < t.warns[j].Part })
	return nil
}

// mayHoldUnfilled is a quick look at a part's bytes before it is parsed again: a tag that is
// not filled is in deleted text, a field code or an attribute value (a "{{" inside "<…>"). A
// part with none of these (most bodies) needs no second parse.
func mayHoldUnfilled(b []byte) bool {
	if bytes.Contains(b, []byte("delText")) || bytes.Contains(b, []byte("instrText")) {
		return true
	}
	// A brace written as a character reference ("&#123;") is only a brace once parsed.
	if bytes.Contains(b, []byte("&#123;")) || bytes.Contains(b, []byte("&#x7b;")) || bytes.Contains(b, []byte("&#x7B;")) {
		return true
	}
	// One pass: outside markup, inside a tag, inside a quoted attribute value (which may hold
	// '>' unescaped).
	inTag := false
	var quote byte
	for i := 0; i < len(b); i++ {
		c := b[i]
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			} else if c == '{' && i+1 < len(b) && b[i+1] == '{' {
				return true
			}
		case inTag:
			switch c {
			case '"', '\'':
				quote = c
			case '>':
				inTag = false
			}
		case c == '<':
			inTag = true
		}
	}
	return false
}

func qattr(space, local string) string {
	if space == "" {
		return local
	}
	return space + ":" + local
}

func textOf(n *wx.Node) string {
	var b strings.Builder
	for _, c := range n.Children {
		if c.Kind == wx.Text {
			b.WriteString(c.Text)
		}
	}
	return b.String()
}
