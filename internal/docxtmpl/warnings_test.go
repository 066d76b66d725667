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
