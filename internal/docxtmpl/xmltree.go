package docxtmpl

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"strings"
)

// node is a minimal XML tree that keeps namespace prefixes exactly as written. encoding/xml's
// own marshalling rewrites prefixes, which Word does not accept, so we only use its tokenizer.
type node struct {
	kind     nodeKind
	name     string // qualified name as written, e.g. "w:p"
	attrs    []xml.Attr
	children []*node
	text     string // character data (unescaped), or the raw markup of a kindRaw node
	parent   *node
}

type nodeKind uint8

const (
	kindElem nodeKind = iota
	kindText
	kindRaw // processing instruction, comment, directive: written back as is
)

func qname(n xml.Name) string {
	if n.Space == "" {
		return n.Local
	}
	return n.Space + ":" + n.Local
}

// parseXML reads a part into a tree.
func parseXML(b []byte) (*node, error) {
	d := xml.NewDecoder(bytes.NewReader(b))
	d.Strict = true
	root := &node{kind: kindElem} // document node: children only
	cur := root
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
			n := &node{kind: kindElem, name: qname(t.Name), parent: cur}
			n.attrs = append(n.attrs, t.Attr...)
			cur.children = append(cur.children, n)
			cur = n
		case xml.EndElement:
			if cur == root || cur.name != qname(t.Name) {
				return nil, fmt.Errorf("unexpected end tag </%s>", qname(t.Name))
			}
			cur = cur.parent
		case xml.CharData:
			if cur == root {
				continue // whitespace between the declaration and the root
			}
			cur.children = append(cur.children, &node{kind: kindText, text: string(t), parent: cur})
		case xml.ProcInst:
			cur.children = append(cur.children, &node{kind: kindRaw, text: "<?" + t.Target + " " + string(t.Inst) + "?>", parent: cur})
		case xml.Comment:
			cur.children = append(cur.children, &node{kind: kindRaw, text: "<!--" + string(t) + "-->", parent: cur})
		case xml.Directive:
			cur.children = append(cur.children, &node{kind: kindRaw, text: "<!" + string(t) + ">", parent: cur})
		}
	}
	if cur != root {
		return nil, fmt.Errorf("element <%s> is never closed", cur.name)
	}
	return root, nil
}

var textEscaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;")
var attrEscaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;", "\n", "&#xA;", "\r", "&#xD;", "\t", "&#x9;")

func startTag(n *node, selfClose bool) string {
	var b strings.Builder
	b.WriteByte('<')
	b.WriteString(n.name)
	for _, a := range n.attrs {
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

func (n *node) attr(name string) (string, bool) {
	for _, a := range n.attrs {
		if qname(a.Name) == name {
			return a.Value, true
		}
	}
	return "", false
}

func (n *node) setAttr(name, value string) {
	for i, a := range n.attrs {
		if qname(a.Name) == name {
			n.attrs[i].Value = value
			return
		}
	}
	sp, local, ok := strings.Cut(name, ":")
	if !ok {
		sp, local = "", name
	}
	n.attrs = append(n.attrs, xml.Attr{Name: xml.Name{Space: sp, Local: local}, Value: value})
}

// elems returns the element children named name.
func (n *node) child(name string) *node {
	for _, c := range n.children {
		if c.kind == kindElem && c.name == name {
			return c
		}
	}
	return nil
}

// plainText is the visible text of a subtree (w:t content, tabs and breaks as spaces).
func plainText(n *node) string {
	var b strings.Builder
	var walk func(*node)
	walk = func(n *node) {
		for _, c := range n.children {
			if c.kind != kindElem {
				continue
			}
			switch c.name {
			case "w:t":
				for _, t := range c.children {
					if t.kind == kindText {
						b.WriteString(t.text)
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

// serialize writes a subtree as XML.
func serialize(b *strings.Builder, n *node) {
	switch n.kind {
	case kindText:
		b.WriteString(textEscaper.Replace(n.text))
		return
	case kindRaw:
		b.WriteString(n.text)
		return
	}
	if n.name == "" { // document node
		for _, c := range n.children {
			serialize(b, c)
		}
		return
	}
	if len(n.children) == 0 {
		b.WriteString(startTag(n, true))
		return
	}
	b.WriteString(startTag(n, false))
	for _, c := range n.children {
		serialize(b, c)
	}
	b.WriteString("</" + n.name + ">")
}
