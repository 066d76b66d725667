package docxtmpl

import (
	"bytes"
	"sort"
	"strings"

	"github.com/tsdraft/tsdraft/internal/docx"
	wx "github.com/tsdraft/tsdraft/internal/wordxml"
)

// Warning is something a template holds that the output will not show as the author may
// expect: a tag in a part or place tsdraft does not fill, content dropped with a tag
// paragraph. `template check` lists them; they do not stop a build.
type Warning struct {
	Part, Para, Msg string
}

func (w Warning) String() string {
	var b strings.Builder
	b.WriteString(w.Part)
	if w.Para != "" {
		b.WriteString(": paragraph \"" + w.Para + "\"")
	}
	return b.String() + ": " + w.Msg
}

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
			t.warns = append(t.warns, Warning{Part: name, Msg: "holds {{ tags }}, but tsdraft fills only the body, headers, footers, footnotes, endnotes, comments and the title/subject properties: they stay as written"})
			continue
		}
		root, err := wx.Parse(b)
		if err != nil {
			continue // reported by Parse
		}
		var walk func(n *wx.Node, para string)
		walk = func(n *wx.Node, para string) {
			for _, c := range n.Children {
				if c.Kind != wx.Elem {
					continue
				}
				p := para
				if c.Name == "w:p" {
					p = snippet(wx.PlainText(c))
				}
				for _, a := range c.Attrs {
					if strings.Contains(a.Value, "{{") {
						t.warns = append(t.warns, Warning{Part: name, Para: p, Msg: "a tag in the attribute " + qattr(a.Name.Space, a.Name.Local) + " of <" + c.Name + "> (alternative text, a link target …) is not filled"})
					}
				}
				switch c.Name {
				case "w:delText":
					if strings.Contains(textOf(c), "{{") {
						t.warns = append(t.warns, Warning{Part: name, Para: p, Msg: "a tag in deleted text (a tracked change) is not filled: accept or reject the changes first"})
					}
					continue
				case "w:instrText":
					if strings.Contains(textOf(c), "{{") {
						t.warns = append(t.warns, Warning{Part: name, Para: p, Msg: "a tag in a field code is not filled: put the tag in the text, not in the field"})
					}
					continue
				}
				walk(c, p)
			}
		}
		walk(root, "")
	}
	sort.SliceStable(t.warns, func(i, j int) bool { return t.warns[i].Part < t.warns[j].Part })
	return nil
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
