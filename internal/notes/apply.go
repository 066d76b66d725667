package notes

import (
	"bytes"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/tsdraft/tsdraft/internal/docx"
	wx "github.com/tsdraft/tsdraft/internal/wordxml"
)

// Author is the author of every comment tsdraft writes.
const Author = "tsdraft"

const (
	bodyPart     = "word/document.xml"
	commentsPart = "word/comments.xml"
	commentsType = "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"
	commentsRel  = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments"
	wNS          = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
)

// Options of Apply.
type Options struct {
	// Comments writes each note of the body as a Word comment on its clause's paragraph;
	// without it the marks are only removed.
	Comments bool
	// RunProps returns the w:rPr element (or "") for a comment's text in a language, so that
	// Word picks the right fonts and line breaking for it.
	RunProps func(lang string) string
}

// markedParts are the parts the engine fills, where marks can be.
func markedParts(name string) bool {
	switch {
	case name == bodyPart, name == "word/footnotes.xml", name == "word/endnotes.xml":
		return true
	case strings.HasPrefix(name, "word/header"), strings.HasPrefix(name, "word/footer"):
		return strings.HasSuffix(name, ".xml")
	}
	return false
}

// Apply removes the marks the set left in pkg and returns the notes in document order with
// their place filled in; with opts.Comments the notes of the body become comments. Every
// note added must be found exactly once: a note that vanished, or a mark that appears twice
// or half (a profile value holding U+E000 or U+E001), is an error, never a silent change.
func Apply(pkg *docx.Package, set *Set, opts Options) ([]Note, error) {
	set.mu.Lock()
	all := append([]Note(nil), set.notes...)
	set.mu.Unlock()
	seen := make([]bool, len(all))
	shift, err := firstFreeCommentID(pkg)
	if err != nil {
		return nil, err
	}
	var order []int
	var anchors []anchor
	for _, part := range pkg.PartsMatching(markedParts) {
		b, err := pkg.Read(part)
		if err != nil {
			return nil, err
		}
		if !bytes.ContainsAny(b, string(markOpen)+string(markClose)) {
			continue
		}
		root, err := wx.Parse(b)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", part, err)
		}
		found, err := stripPart(root, part, all, seen)
		if err != nil {
			return nil, err
		}
		for _, f := range found {
			order = append(order, f.ids...)
		}
		// Comments can only be anchored in the body; a note of a header still reaches the memo.
		if opts.Comments && part == bodyPart {
			placeAnchors(found, shift)
			anchors = found
		}
		var sb strings.Builder
		wx.Serialize(&sb, root)
		pkg.Set(part, []byte(sb.String()))
	}
	for id, ok := range seen {
		if !ok {
			return nil, fmt.Errorf("drafting note %s (for %s) has no place in the document: its mark was lost; report this as a tsdraft bug", all[id].Key, all[id].Clause)
		}
	}
	out := make([]Note, 0, len(order))
	for _, id := range order {
		out = append(out, all[id])
	}
	if len(anchors) > 0 {
		if err := writeComments(pkg, anchors, all, opts); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// anchor is one paragraph that carries notes.
type anchor struct {
	para *wx.Node
	ids  []int
	cids []int // comment IDs, set by placeAnchors
}

// stripPart removes the marks of one part and fills in the place of each note.
func stripPart(root *wx.Node, part string, all []Note, seen []bool) ([]anchor, error) {
	var found []anchor
	headings := map[string]string{} // last Heading1 text per paragraph language
	var walk func(n *wx.Node) error
	walk = func(n *wx.Node) error {
		for _, c := range n.Children {
			if c.Kind != wx.Elem {
				continue
			}
			if c.Name != "w:p" {
				if err := walk(c); err != nil {
					return err
				}
				continue
			}
			ids, err := stripPara(c, part)
			if err != nil {
				return err
			}
			lang := paraLang(c)
			if paraStyle(c) == "Heading1" {
				headings[lang] = strings.TrimSpace(wx.PlainText(c))
			}
			if len(ids) == 0 {
				// text boxes hold paragraphs inside a paragraph's runs
				if err := walkInner(c, walk); err != nil {
					return err
				}
				continue
			}
			excerpt := strings.TrimSpace(wx.PlainText(c))
			if utf8.RuneCountInString(excerpt) > 80 {
				excerpt = string([]rune(excerpt)[:80]) + "…"
			}
			for _, id := range ids {
				if id >= len(all) {
					return fmt.Errorf("%s: paragraph %q holds a drafting-note mark tsdraft did not write (U+E000…U+E001 in a profile value?): remove those characters", part, excerpt)
				}
				if seen[id] {
					return fmt.Errorf("%s: paragraph %q holds the mark of drafting note %s twice (U+E000…U+E001 in a profile value?): remove those characters", part, excerpt, all[id].Key)
				}
				seen[id] = true
				all[id].Part, all[id].Heading, all[id].Excerpt = part, headings[lang], excerpt
			}
			found = append(found, anchor{para: c, ids: ids})
		}
		return nil
	}
	return found, walk(root)
}

// walkInner visits paragraphs nested in a paragraph (text boxes).
func walkInner(p *wx.Node, walk func(*wx.Node) error) error {
	for _, c := range p.Children {
		if c.Kind == wx.Elem && c.Name != "w:pPr" {
			if err := walk(c); err != nil {
				return err
			}
		}
	}
	return nil
}

// stripPara removes the marks from the w:t of one paragraph (not of paragraphs nested in it).
func stripPara(p *wx.Node, part string) ([]int, error) {
	var ids []int
	var walk func(n *wx.Node) error
	walk = func(n *wx.Node) error {
		for _, c := range n.Children {
			if c.Kind != wx.Elem || c.Name == "w:p" || c.Name == "w:txbxContent" {
				continue
			}
			if c.Name != "w:t" {
				if err := walk(c); err != nil {
					return err
				}
				continue
			}
			for _, t := range c.Children {
				if t.Kind != wx.Text {
					continue
				}
				out, got, bad := strip(t.Text)
				if bad != 0 {
					return fmt.Errorf("%s: paragraph %q holds the character U+%04X, which tsdraft reserves for drafting notes: remove it from the profile", part, excerptOf(p), bad)
				}
				t.Text = out
				ids = append(ids, got...)
			}
		}
		return nil
	}
	return ids, walk(p)
}

func excerptOf(p *wx.Node) string {
	s := []rune(strings.TrimSpace(wx.PlainText(p)))
	if len(s) > 60 {
		s = s[:60]
	}
	return string(s)
}

func paraStyle(p *wx.Node) string {
	if ppr := p.Child("w:pPr"); ppr != nil {
		if st := ppr.Child("w:pStyle"); st != nil {
			v, _ := st.Attr("w:val")
			return v
		}
	}
	return ""
}

// paraLang tells the languages of a bilingual document apart: the w:lang of the paragraph's
// first run that has one or, as render marks a language, its character style (LangZhCN,
// LangJaSecond: the reference document's styles carry w:lang), whose name then stands for
// the language. So a note on a Chinese paragraph gets the Chinese heading above it, not the
// Japanese one that follows it.
func paraLang(p *wx.Node) string {
	for _, r := range p.Children {
		if r.Kind != wx.Elem || r.Name != "w:r" {
			continue
		}
		rpr := r.Child("w:rPr")
		if rpr == nil {
			continue
		}
		if l := rpr.Child("w:lang"); l != nil {
			v, _ := l.Attr("w:val")
			return v
		}
		if st := rpr.Child("w:rStyle"); st != nil {
			if v, _ := st.Attr("w:val"); strings.HasPrefix(v, "Lang") {
				return "style:" + v
			}
		}
	}
	return ""
}

// placeAnchors wraps each paragraph's content in comment ranges and ends it with the
// comment references; comment IDs run in document order from first (past the IDs of any
// comments the template has already).
func placeAnchors(found []anchor, first int) {
	next := first
	for i := range found {
		a := &found[i]
		p := a.para
		at := 0
		if len(p.Children) > 0 && p.Children[0].Kind == wx.Elem && p.Children[0].Name == "w:pPr" {
			at = 1
		}
		var starts []*wx.Node
		var ends []*wx.Node
		for range a.ids {
			id := strconv.Itoa(next)
			a.cids = append(a.cids, next)
			next++
			starts = append(starts, elem("w:commentRangeStart", p, "w:id", id))
			ends = append(ends, elem("w:commentRangeEnd", p, "w:id", id))
			r := elem("w:r", p)
			ref := elem("w:commentReference", r, "w:id", id)
			r.Children = append(r.Children, ref)
			ends = append(ends, r)
		}
		kids := append([]*wx.Node{}, p.Children[:at]...)
		kids = append(kids, starts...)
		kids = append(kids, p.Children[at:]...)
		kids = append(kids, ends...)
		p.Children = kids
	}
}

func elem(name string, parent *wx.Node, attrs ...string) *wx.Node {
	n := &wx.Node{Kind: wx.Elem, Name: name, Parent: parent}
	for i := 0; i+1 < len(attrs); i += 2 {
		n.SetAttr(attrs[i], attrs[i+1])
	}
	return n
}

var commentIDRe = regexp.MustCompile(`<w:comment\b[^>]*\bw:id="(-?\d+)"`)

// firstFreeCommentID is the first comment ID past those of the template's own comments.
func firstFreeCommentID(pkg *docx.Package) (int, error) {
	if !pkg.Has(commentsPart) {
		return 0, nil
	}
	b, err := pkg.Read(commentsPart)
	if err != nil {
		return 0, err
	}
	next := 0
	for _, m := range commentIDRe.FindAllSubmatch(b, -1) {
		if n, err := strconv.Atoi(string(m[1])); err == nil && n >= next {
			next = n + 1
		}
	}
	return next, nil
}

// writeComments writes word/comments.xml (or adds to the template's own), its relationship
// and its content type.
func writeComments(pkg *docx.Package, found []anchor, all []Note, opts Options) error {
	var body strings.Builder
	for _, a := range found {
		for i, id := range a.ids {
			n := all[id]
			rpr := ""
			if opts.RunProps != nil {
				rpr = opts.RunProps(n.Lang)
			}
			fmt.Fprintf(&body, `<w:comment w:id="%d" w:author="%s" w:initials="TS">`, a.cids[i], Author)
			text := n.Text
			if n.Label != "" {
				text = n.Label + "\n" + text // the label on a line of its own
			}
			for _, line := range strings.Split(text, "\n") {
				body.WriteString(`<w:p><w:r>` + rpr + `<w:t xml:space="preserve">`)
				body.WriteString(wx.TextEscaper.Replace(line))
				body.WriteString(`</w:t></w:r></w:p>`)
			}
			body.WriteString(`</w:comment>`)
		}
	}
	if pkg.Has(commentsPart) {
		existing, err := pkg.Read(commentsPart)
		if err != nil {
			return err
		}
		i := bytes.LastIndex(existing, []byte("</w:comments>"))
		if i < 0 {
			return fmt.Errorf("%s of the template has no </w:comments>: save the template again from Word", commentsPart)
		}
		pkg.Set(commentsPart, append(append(append([]byte{}, existing[:i]...), body.String()...), existing[i:]...))
	} else {
		pkg.Set(commentsPart, []byte(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>`+"\n"+
			`<w:comments xmlns:w="`+wNS+`">`+body.String()+`</w:comments>`))
	}
	if err := addRelationship(pkg); err != nil {
		return err
	}
	return addContentType(pkg)
}

var relIDRe = regexp.MustCompile(`\bId="([^"]*)"`)

func addRelationship(pkg *docx.Package) error {
	const name = "word/_rels/document.xml.rels"
	b, err := pkg.Read(name)
	if err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	if bytes.Contains(b, []byte(`Type="`+commentsRel+`"`)) {
		return nil
	}
	ids := map[string]bool{}
	for _, m := range relIDRe.FindAllSubmatch(b, -1) {
		ids[string(m[1])] = true
	}
	id := "rIdTsdraftNotes"
	for n := 2; ids[id]; n++ {
		id = "rIdTsdraftNotes" + strconv.Itoa(n)
	}
	i := bytes.LastIndex(b, []byte("</Relationships>"))
	if i < 0 {
		return fmt.Errorf("%s has no </Relationships>", name)
	}
	add := `<Relationship Id="` + id + `" Type="` + commentsRel + `" Target="comments.xml"/>`
	pkg.Set(name, append(append(append([]byte{}, b[:i]...), add...), b[i:]...))
	return nil
}

func addContentType(pkg *docx.Package) error {
	const name = "[Content_Types].xml"
	b, err := pkg.Read(name)
	if err != nil {
		return err
	}
	if bytes.Contains(b, []byte(`PartName="/`+commentsPart+`"`)) {
		return nil
	}
	i := bytes.LastIndex(b, []byte("</Types>"))
	if i < 0 {
		return fmt.Errorf("%s has no </Types>", name)
	}
	add := `<Override PartName="/` + commentsPart + `" ContentType="` + commentsType + `"/>`
	pkg.Set(name, append(append(append([]byte{}, b[:i]...), add...), b[i:]...))
	return nil
}

// ByKind returns the notes of one kind, in document order.
func ByKind(ns []Note, k Kind) []Note {
	var out []Note
	for _, n := range ns {
		if n.Kind == k {
			out = append(out, n)
		}
	}
	return out
}
