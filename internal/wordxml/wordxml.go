package wordxml

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"strings"
)

// Node is a minimal XML tree that keeps namespace prefixes exactly as written. encoding/xml's
// own marshalling rewrites prefixes, which Word does not accept, so we only use its tokenizer.
type Node struct {
	Kind     Kind
	Name     string // qualified name as written, e.g. "w:p"
	Attrs    []xml.Attr
	Children []*Node
	Text     string // character data (unescaped), or the raw markup of a Raw node
	Parent   *Node
}

type Kind uint8

const (
	Elem Kind = iota
	Text
	Raw // processing instruction, comment, directive: written back as is
)

func qname(n xml.Name) string {
	if n.Space == "" {
		return n.Local
	}
	return n.Space + ":" + n.Local
}

// Parse reads a part into a tree.
func Parse(b []byte) (*Node, error) {
	d := xml.NewDecoder(bytes.NewReader(b))
	d.Strict = true
	root := &Node{Kind: Elem} // document node: children only
	cur := root
	depth := 0
	for {
		tok, err := d.RawToken()
		if err == io.EOF {
			break
		}
		if err != nil {
			line, _ := d.InputPos()
			return nil, fmt.Errorf("line %d: %w", line, err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if depth++; depth > MaxDepth {
				return nil, depthError(d)
			}
			n := &Node{Kind: Elem, Name: qname(t.Name), Parent: cur}
			n.Attrs = append(n.Attrs, t.Attr...)
			cur.Children = append(cur.Children, n)
			cur = n
		case xml.EndElement:
			if cur == root || cur.Name != qname(t.Name) {
				return nil, fmt.Errorf("unexpected end tag </%s>", qname(t.Name))
			}
			cur = cur.Parent
			depth--
		case xml.CharData:
			if cur == root {
				continue // whitespace between the declaration and the root
			}
			cur.Children = append(cur.Children, &Node{Kind: Text, Text: string(t), Parent: cur})
		case xml.ProcInst:
			cur.Children = append(cur.Children, &Node{Kind: Raw, Text: "<?" + t.Target + " " + string(t.Inst) + "?>", Parent: cur})
		case xml.Comment:
			cur.Children = append(cur.Children, &Node{Kind: Raw, Text: "<!--" + string(t) + "-->", Parent: cur})
		case xml.Directive:
			cur.Children = append(cur.Children, &Node{Kind: Raw, Text: "<!" + string(t) + ">", Parent: cur})
		}
	}
	if cur != root {
		return nil, fmt.Errorf("element <%s> is never closed", cur.Name)
	}
	return root, nil
}

var TextEscaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;")
var attrEscaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;", "\n", "&#xA;", "\r", "&#xD;", "\t", "&#x9;")

func StartTag(n *Node, selfClose bool) string {
	var b strings.Builder
	b.WriteByte('<')
	b.WriteString(n.Name)
	for _, a := range n.Attrs {
		b.WriteByte(' ')
		b.WriteString(qname(a.Name))
		b.WriteString(`="`)
		b.WriteString(attrEscaper.Replace(a.Value))
		b.WriteByte('"')
	}
	if selfClose {
		b.WriteString("/>")
	} else {
		b.WriteByte('>')
	}
	return b.String()
}

func (n *Node) Attr(name string) (string, bool) {
	for _, a := range n.Attrs {
		if qname(a.Name) == name {
			return a.Value, true
		}
	}
	return "", false
}

func (n *Node) SetAttr(name, value string) {
	for i, a := range n.Attrs {
		if qname(a.Name) == name {
			n.Attrs[i].Value = value
			return
		}
	}
	sp, local, ok := strings.Cut(name, ":")
	if !ok {
		sp, local = "", name
	}
	n.Attrs = append(n.Attrs, xml.Attr{Name: xml.Name{Space: sp, Local: local}, Value: value})
}

// Child returns the first element child named name.
func (n *Node) Child(name string) *Node {
	for _, c := range n.Children {
		if c.Kind == Elem && c.Name == name {
			return c
		}
	}
	return nil
}

// PlainText is the visible text of a subtree (w:t content, tabs and breaks as spaces).
func PlainText(n *Node) string {
	var b strings.Builder
	var walk func(*Node)
	walk = func(n *Node) {
		for _, c := range n.Children {
			if c.Kind != Elem {
				continue
			}
			switch c.Name {
			case "w:t":
				for _, t := range c.Children {
					if t.Kind == Text {
						b.WriteString(t.Text)
					}
				}
			case "w:tab", "w:br":
				b.WriteByte(' ')
			case "w:txbxContent", "w:delText", "w:instrText":
			default:
				walk(c)
			}
		}
	}
	walk(n)
	return b.String()
}

// Serialize writes a subtree as XML.
func Serialize(b *strings.Builder, n *Node) {
	switch n.Kind {
	case Text:
		b.WriteString(TextEscaper.Replace(n.Text))
		return
	case Raw:
		b.WriteString(n.Text)
		return
	}
	if n.Name == "" { // document node
		for _, c := range n.Children {
			Serialize(b, c)
		}
		return
	}
	if len(n.Children) == 0 {
		b.WriteString(StartTag(n, true))
		return
	}
	b.WriteString(StartTag(n, false))
	for _, c := range n.Children {
		Serialize(b, c)
	}
	b.WriteString("</" + n.Name + ">")
}

// InsertBeforeLast returns b with add inserted before the last occurrence of marker (a closing
// tag such as "</Types>"), or b unchanged when marker is absent: the way new entries go into a
// part's list without parsing and re-writing the rest of it.
func InsertBeforeLast(b []byte, marker, add string) []byte {
	i := bytes.LastIndex(b, []byte(marker))
	if i < 0 {
		return b
	}
	out := make([]byte, 0, len(b)+len(add))
	out = append(out, b[:i]...)
	out = append(out, add...)
	return append(out, b[i:]...)
}
