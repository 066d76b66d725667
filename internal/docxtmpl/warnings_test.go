package docxtmpl

import (
	"strings"
	"testing"
)

func TestWarningsForWhatIsNotFilledOrDropped(t *testing.T) {
	body := `<w:p><w:r><w:t>{{#if on}}</w:t></w:r><w:r><w:tab/></w:r><w:r><w:sym w:font="Wingdings" w:char="F0FC"/></w:r></w:p>` + p("x") + p("{{/if}}") +
		`<w:p><w:del w:id="1" w:author="A"><w:r><w:delText>{{ company.name }}</w:delText></w:r></w:del></w:p>` +
		`<w:p><w:r><w:instrText> HYPERLINK "{{ vars.url }}" </w:instrText></w:r></w:p>` +
		`<w:p><w:r><w:drawing><wp:inline xmlns:wp="wp"><wp:docPr id="1" name="Logo" descr="Logo of {{ company.name }}"/></wp:inline></w:drawing></w:r></w:p>`
	pkg := buildDocx(t, body, map[string]string{
		"word/charts/chart1.xml": `<c:chartSpace xmlns:c="c"><c:title><c:tx>{{ company.name }}</c:tx></c:title></c:chartSpace>`,
		"docProps/custom.xml":    `<Properties><property name="Client"><vt:lpwstr xmlns:vt="vt">{{ vars.client }}</vt:lpwstr></property></Properties>`,
	})
	tpl, err := Parse("t.docx", pkg, nil)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, w := range tpl.Warnings() {
		got = append(got, w.String())
	}
	all := strings.Join(got, "\n")
	for _, want := range []string{
		`docProps/custom.xml: holds {{ tags }}, but tsdraft fills only`,
		`word/charts/chart1.xml: holds {{ tags }}`,
		`word/document.xml: paragraph "{{#if on}}": a tab beside the block tag {{#if on}} vanishes with its paragraph`,
		`word/document.xml: paragraph "{{#if on}}": a symbol beside the block tag {{#if on}} vanishes`,
		`a tag in deleted text (a tracked change) is not filled`,
		`a tag in a field code is not filled`,
		`a tag in the attribute descr of <wp:docPr>`,
	} {
		if !strings.Contains(all, want) {
			t.Errorf("missing warning %q in:\n%s", want, all)
		}
	}
	// a clean template has none
	clean, _ := Parse("t.docx", buildDocx(t, p("{{#if on}}")+p("{{ company.name }}")+p("{{/if}}"), nil), nil)
	if w := clean.Warnings(); len(w) != 0 {
		t.Errorf("unexpected warnings: %v", w)
	}
}

// The quick look before the second parse must never skip a part that holds an unfilled tag.
func TestMayHoldUnfilled(t *testing.T) {
	for _, c := range []struct {
		xml  string
		want bool
	}{
		{`<w:p><w:r><w:t>{{ name }}</w:t></w:r></w:p>`, false},
		{`<w:p><w:r><w:t>a &gt; b {{ name }}</w:t></w:r></w:p>`, false},
		{`<wp:docPr id="1" descr="{{ logo }}"/>`, true},
		{`<wp:docPr id="1" descr='a > b {{ logo }}'/>`, true},
		{`<wp:docPr id="1" descr="a > b"/><w:t>{{ x }}</w:t>`, false},
		{`<w:delText>{{ x }}</w:delText>`, true},
		{`<w:instrText> PAGE </w:instrText>`, true},
		{`<w:t>{</w:t><w:t>{ x }}</w:t>`, false},
		{`<wp:docPr id="1" descr="&#123;&#123; logo }}"/>`, true},
		{`<wp:docPr id="1" descr="&#x7B;&#x7b; logo }}"/>`, true},
	} {
		if got := mayHoldUnfilled([]byte(c.xml)); got != c.want {
			t.Errorf("mayHoldUnfilled(%s) = %v, want %v", c.xml, got, c.want)
		}
	}
}

// A loop over a continuous region (Word's Columns on a selection: a section break before and a
// continuous one after) repeats the break that opens the region; without a type that break
// starts a new page, so every item after the first lands on a page of its own while the
// template shows one page of columns (docxtemplater's loop-with-continuous-section-break.docx:
// 1 page in the template, 3 in the output). template check says so; a loop that gives each
// item its own section on purpose (a landscape annex per item) is not warned about.
func TestWarningForLoopRepeatingANewPageSectionInAContinuousRegion(t *testing.T) {
	cols := `<w:cols w:num="3"/>`
	sect := func(typ string) string {
		if typ != "" {
			typ = `<w:type w:val="` + typ + `"/>`
		}
		return `<w:p><w:pPr><w:sectPr>` + typ + cols + `</w:sectPr></w:pPr></w:p>`
	}
	const want = "the loop {{#each items}} repeats a section break that starts a new page"
	for _, c := range []struct {
		name, body string
		warn       bool
	}{
		{"region opened by a typeless break", p("{{#each items}}") + sect("") + p("text {{ . }}") + sect("continuous") + p("{{/each}}"), true},
		{"region opened by a next-page break", p("{{#each items}}") + sect("nextPage") + p("text {{ . }}") + sect("continuous") + p("{{/each}}"), true},
		{"an odd-page break", p("{{#each items}}") + p("text {{ . }}") + sect("continuous") + p("more") + sect("oddPage") + p("{{/each}}"), true},
		{"all continuous", p("{{#each items}}") + sect("continuous") + p("text {{ . }}") + sect("continuous") + p("{{/each}}"), false},
		{"an annex per item: one section each, on purpose", p("{{#each items}}") + p("annex {{ . }}") + sect("") + p("{{/each}}"), false},
		{"a condition is written once", p("{{#if on}}") + sect("") + p("text") + sect("continuous") + p("{{/if}}"), false},
	} {
		t.Run(c.name, func(t *testing.T) {
			tpl, err := Parse("t.docx", buildDocx(t, c.body, nil), nil)
			if err != nil {
				t.Fatal(err)
			}
			var all []string
			for _, w := range tpl.Warnings() {
				all = append(all, w.String())
			}
			got := strings.Contains(strings.Join(all, "\n"), want)
			if got != c.warn {
				t.Errorf("warned = %v, want %v; warnings:\n%s", got, c.warn, strings.Join(all, "\n"))
			}
		})
	}
}

// Word writes a comment as a range (start … end) and a reference run after its end. A block
// that holds the reference but not the start removes the comment with it although the text it
// was written on partly stays (and copies it without its range when it repeats): template
// check says so. A comment wholly inside or outside a block, or on a tag paragraph, is fine.
func TestWarningForACommentHalfInABlock(t *testing.T) {
	start := `<w:commentRangeStart w:id="3"/>`
	end := `<w:commentRangeEnd w:id="3"/><w:r><w:commentReference w:id="3"/></w:r>`
	for _, c := range []struct {
		name, body string
		warn       bool
	}{
		{"range starts before an inline block that holds its end", `<w:p>` + start + `<w:r><w:t>kept {{#if off}}x</w:t></w:r>` + end + `<w:r><w:t>{{/if}} end</w:t></w:r></w:p>`, true},
		{"range starts before a paragraph block that holds its end", `<w:p>` + start + `<w:r><w:t>kept</w:t></w:r></w:p>` + p("{{#if off}}") + `<w:p><w:r><w:t>x</w:t></w:r>` + end + `</w:p>` + p("{{/if}}"), true},
		{"range starts in a loop and ends after it", p("{{#each items}}") + `<w:p>` + start + `<w:r><w:t>{{ . }}</w:t></w:r></w:p>` + p("{{/each}}") + `<w:p><w:r><w:t>x</w:t></w:r>` + end + `</w:p>`, true},
		{"comment inside the block", p("{{#if off}}") + `<w:p>` + start + `<w:r><w:t>x</w:t></w:r>` + end + `</w:p>` + p("{{/if}}"), false},
		{"comment on the tag paragraphs around the block", `<w:p>` + start + `<w:r><w:t>{{#each items}}</w:t></w:r></w:p>` + p("{{ . }}") + `<w:p><w:r><w:t>{{/each}}</w:t></w:r>` + end + `</w:p>`, false},
		{"comment outside", `<w:p>` + start + `<w:r><w:t>x</w:t></w:r>` + end + `</w:p>` + p("{{#if off}}") + p("y") + p("{{/if}}"), false},
	} {
		t.Run(c.name, func(t *testing.T) {
			tpl, err := Parse("t.docx", buildDocx(t, c.body, withComments(comment("3", "check"))), nil)
			if err != nil {
				t.Fatal(err)
			}
			var all []string
			for _, w := range tpl.Warnings() {
				all = append(all, w.String())
			}
			got := strings.Contains(strings.Join(all, "\n"), "comment anchored")
			if got != c.warn {
				t.Errorf("warned = %v, want %v; warnings:\n%s", got, c.warn, strings.Join(all, "\n"))
			}
		})
	}
}
