package docxtmpl

import (
	"regexp"
	"strings"
	"testing"
)

const listStyles = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles ` + wNS + `>` +
	`<w:style w:type="paragraph" w:styleId="ListNumber"><w:name w:val="List Number"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>` +
	`<w:style w:type="paragraph" w:styleId="FirmList"><w:name w:val="Firm List"/><w:basedOn w:val="ListNumber"/></w:style>` +
	`<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/></w:style>` +
	`<w:style w:type="paragraph" w:styleId="Plain"><w:name w:val="Plain"/><w:basedOn w:val="ListNumber"/><w:pPr><w:numPr><w:numId w:val="0"/></w:numPr></w:pPr></w:style>` +
	`</w:styles>`

// abstract 0: the List Number list; abstract 1: a multi-level list whose level 1 is linked to
// heading 2.
const listNumbering = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:numbering ` + wNS + `>` +
	`<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum>` +
	`<w:abstractNum w:abstractNumId="1"><w:multiLevelType w:val="multilevel"/><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1"/></w:lvl><w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:pStyle w:val="Heading2"/><w:lvlText w:val="%1.%2"/></w:lvl></w:abstractNum>` +
	`<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num></w:numbering>`

func sp(style, text string) string {
	return `<w:p><w:pPr><w:pStyle w:val="` + style + `"/><w:keepNext/><w:jc w:val="left"/></w:pPr><w:r><w:t>` + text + `</w:t></w:r></w:p>`
}

func TestStyleNumberedListsRestart(t *testing.T) {
	extra := map[string]string{"word/styles.xml": listStyles, "word/numbering.xml": listNumbering}
	numPr := regexp.MustCompile(`<w:keepNext/><w:numPr><w:ilvl w:val="(\d)"/><w:numId w:val="(\d+)"/></w:numPr><w:jc`)
	cases := []struct {
		name, body string
		want       []string // ilvl:numId of each paragraph given a numPr
	}{
		{"List Number in a repeated section", p("{{#each rows}}") + p("{{ .id }}") + sp("ListNumber", "a") + sp("ListNumber", "b") + p("{{/each}}"),
			[]string{"0:3", "0:3", "0:4", "0:4"}},
		{"a style based on List Number", p("{{#each rows}}") + p("{{ .id }}") + sp("FirmList", "a") + p("{{/each}}"),
			[]string{"0:3", "0:4"}},
		{"heading linked to a multi-level list", p("{{#each rows}}") + sp("Heading2", "{{ .id }}") + p("text") + p("{{/each}}"),
			[]string{"1:3", "1:4"}},
		{"in a repeated table row", table(`<w:tr><w:tc>` + p("{{#each rows}}{{ .id }}") + sp("ListNumber", "x") + `</w:tc><w:tc>` + p("{{/each}}") + `</w:tc></w:tr>`),
			[]string{"0:3", "0:4"}},
		{"a loop over list items continues the list", p("{{#each items}}") + sp("ListNumber", "{{ . }}") + p("{{/each}}"), nil},
		{"outside a loop nothing changes", sp("ListNumber", "a") + sp("Heading2", "h"), nil},
		{"a style that switches numbering off", p("{{#each rows}}") + p("{{ .id }}") + sp("Plain", "a") + sp("Plain", "b") + p("{{/each}}"), nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			out := render(t, c.body, extra, testData())
			d, _ := out.Read("word/document.xml")
			n, _ := out.Read("word/numbering.xml")
			var got []string
			for _, m := range numPr.FindAllStringSubmatch(string(d), -1) {
				got = append(got, m[1]+":"+m[2])
			}
			if strings.Join(got, " ") != strings.Join(c.want, " ") {
				t.Errorf("numPr %v, want %v\n%s", got, c.want, d)
			}
			if len(c.want) > 0 && strings.Count(string(n), "<w:startOverride") != 18 {
				t.Errorf("want two new restarting lists in numbering.xml: %s", n)
			}
		})
	}
}

// Clause headings: Heading 1 and Heading 2 linked to one multi-level list (Art 1, 2.1 …), the
// styles carrying the numbering as Word writes them.
const headingStyles = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles ` + wNS + `>` +
	`<w:style w:type="paragraph" w:styleId="ListNumber"><w:name w:val="List Number"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>` +
	`<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:pPr><w:numPr><w:numId w:val="2"/></w:numPr></w:pPr></w:style>` +
	`<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="2"/></w:numPr></w:pPr></w:style>` +
	`</w:styles>`

const headingNumbering = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:numbering ` + wNS + `>` +
	`<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum>` +
	`<w:abstractNum w:abstractNumId="1"><w:multiLevelType w:val="multilevel"/><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:pStyle w:val="Heading1"/><w:lvlText w:val="Art %1"/></w:lvl><w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:pStyle w:val="Heading2"/><w:lvlText w:val="%1.%2"/></w:lvl></w:abstractNum>` +
	`<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num></w:numbering>`

// A list that numbers paragraphs outside a repeated section too is the document's running list
// (clause headings: 2.1 before a loop of clauses, 2.4 after it): it continues through the
// repetitions as the template shows it. Restarting it printed "2.1" for every clause and moved
// the clause after the loop back to 2.2, in a document that looked fine. A list used only
// inside the section still restarts in each repetition.
func TestRunningListContinuesThroughARepeatedSection(t *testing.T) {
	extra := linked(map[string]string{"styles": headingStyles, "numbering": headingNumbering})
	h := hp
	direct := func(text string) string {
		return `<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>` + text + `</w:t></w:r></w:p>`
	}
	clauses := p("{{#each rows}}") + h("Heading2", "clause {{ .id }}") + p("body {{ .name }}") + p("{{/each}}")
	for _, c := range []struct {
		name, body string
		restart    bool
	}{
		{"headings before the loop", h("Heading1", "first") + h("Heading2", "fixed") + clauses, false},
		{"a heading of the list after the loop only", clauses + h("Heading2", "after"), false},
		{"an outer level of the list before the loop", h("Heading1", "first") + clauses, false},
		{"directly numbered list before the section", direct("one") + p("{{#each rows}}") + p("{{ .id }}") + direct("a") + p("{{/each}}"), false},
		{"the section's own list restarts", p("intro") + p("{{#each rows}}") + p("{{ .id }}") + h("ListNumber", "a") + h("ListNumber", "b") + p("{{/each}}"), true},
		{"the section's own headings restart (a pledge per person)", p("{{#each rows}}") + h("Heading1", "pledge {{ .id }}") + p("I undertake") + h("Heading2", "duty") + p("{{/each}}") + p("signed"), true},
	} {
		t.Run(c.name, func(t *testing.T) {
			out := render(t, c.body, extra, testData())
			n, _ := out.Read("word/numbering.xml")
			if got := strings.Contains(string(n), "<w:startOverride"); got != c.restart {
				d, _ := out.Read("word/document.xml")
				t.Errorf("restarted = %v, want %v\n%s", got, c.restart, bodyOf(string(d)))
			}
		})
	}
}
