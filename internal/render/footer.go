package render

import (
	"fmt"
	"strings"

	"github.com/tsdraft/tsdraft/internal/docxtmpl"
)

// The footer (review 2026-12 A.14) carries what practitioners put there: the company's own
// document or control number ([documents.<doc>] id, none when not given: the tool's
// document ID means nothing to the reader and stays in the file properties), the copy notice
// the classification guide asks for (common.footer_copy) and the page as "page X of Y" worded
// the local way (common.footer_page). Like the header mark, the footer speaks the build's first
// language only.

// Tags of common.footer_page: where the page fields stand.
const (
	pageTag  = "{{ page }}"
	pagesTag = "{{ pages }}"
)

// pageOf is "page X of Y" with Word's PAGE and NUMPAGES fields in place of X and Y. It writes
// into the run where {{ doc.page_of }} stands, so the text keeps that run's language and font.
type pageOf struct {
	before, between, after string
	pagesFirst             bool // the text names the total before the current page
}

// newPageOf splits a common.footer_page text at its two tags; anything else is refused, since
// the text is not rendered as a template (a tag left in it would print as written).
func newPageOf(lang, text string) (*pageOf, error) {
	i, j := strings.Index(text, pageTag), strings.Index(text, pagesTag)
	if i < 0 || j < 0 || strings.Count(text, pageTag) != 1 || strings.Count(text, pagesTag) != 1 {
		return nil, fmt.Errorf("the %s text of common.footer_page must hold %s and %s once each: %q", lang, pageTag, pagesTag, text)
	}
	p := &pageOf{}
	first, firstLen, second, secondLen := i, len(pageTag), j, len(pagesTag)
	if j < i {
		p.pagesFirst = true
		first, firstLen, second, secondLen = j, len(pagesTag), i, len(pageTag)
	}
	p.before, p.between, p.after = text[:first], text[first+firstLen:second], text[second+secondLen:]
	for _, s := range []string{p.before, p.between, p.after} {
		if strings.Contains(s, "{{") {
			return nil, fmt.Errorf("the %s text of common.footer_page may hold only %s and %s: %q", lang, pageTag, pagesTag, text)
		}
	}
	return p, nil
}

// RunXML writes the text and the two fields as run content (one run: w:t, w:fldChar and
// w:instrText may follow each other inside a run). The field results are placeholders that
// Word and LibreOffice replace on opening.
func (p *pageOf) RunXML(*docxtmpl.PartContext) (string, error) {
	first, second := "PAGE", "NUMPAGES"
	if p.pagesFirst {
		first, second = second, first
	}
	var b strings.Builder
	text := func(s string) {
		if s != "" {
			b.WriteString(`<w:t xml:space="preserve">` + xmlEscape(s) + `</w:t>`)
		}
	}
	field := func(instr string) {
		b.WriteString(`<w:fldChar w:fldCharType="begin"/><w:instrText xml:space="preserve"> ` + instr + ` </w:instrText>` +
			`<w:fldChar w:fldCharType="separate"/><w:t>1</w:t><w:fldChar w:fldCharType="end"/>`)
	}
	text(p.before)
	field(first)
	text(p.between)
	field(second)
	text(p.after)
	return b.String(), nil
}

func xmlEscape(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;").Replace(s)
}
