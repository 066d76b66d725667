package docxtmpl

import (
	"bytes"
	"errors"
	"fmt"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/tsdraft/tsdraft/internal/docx"
)

func testData() map[string]any {
	return map[string]any{
		"company": map[string]any{
			"name":    LangText{"ja": "山田商事株式会社", "en": "Yamada Trading Co., Ltd.", "th": "บริษัท ยามาดะ จำกัด"},
			"address": "1-2-3 Marunouchi",
		},
		"items": []any{"図面", "顧客名簿"},
		"none":  []any{},
		"rows": []any{
			map[string]any{"id": "TS-1", "name": "配合表"},
			map[string]any{"id": "TS-2", "name": "原価表"},
		},
		"on":     true,
		"off":    false,
		"date":   time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC),
		"amount": 1234567.5,
		"vars":   map[string]any{"client": "A&B <Co>", "multi": "line1\nline2\tcol", "bad": "x\x01y"},
	}
}

func mustRun(t *testing.T, body string, lang string) string {
	t.Helper()
	got, err := run(t, body, testData(), lang)
	if err != nil {
		t.Fatalf("render: %v", err)
	}
	return got
}

func TestValuesAndBlocks(t *testing.T) {
	cases := []struct {
		name, body, lang, want string
	}{
		{"value", p("{{ company.name }}"), "ja", "山田商事株式会社"},
		{"lang text en", p("{{ company.name }}"), "en", "Yamada Trading Co., Ltd."},
		{"explicit language", p("{{ company.name.th }}"), "ja", "บริษัท ยามาดะ จำกัด"},
		{"plain string any language", p("{{ company.address }}"), "de", "1-2-3 Marunouchi"},
		{"spaces optional", p("{{company.name}}"), "ja", "山田商事株式会社"},
		{"curly quotes", p(`{{ t “hello” }}`), "ja", "こんにちは 山田商事株式会社"},
		{"single curly quotes", p(`{{ vars.none | default ‘x’ }}`), "ja", "x"},
		{"escaping", p("{{ vars.client }}"), "en", "A&amp;B &lt;Co&gt;"},
		{"inline if", p("a{{#if on}}Y{{else}}N{{/if}}b"), "en", "aYb"},
		{"inline if false", p("a{{#if off}}Y{{else}}N{{/if}}b"), "en", "aNb"},
		{"unless", p("{{#unless off}}shown{{/unless}}"), "en", "shown"},
		{"inline each", p("{{#each items}}[{{ . }}]{{/each}}"), "ja", "[図面][顧客名簿]"},
		{"index first last", p("{{#each items}}{{ @index }}{{#if @last}}.{{else}},{{/if}}{{/each}}"), "ja", "1,2."},
		{"each else", p("{{#each none}}x{{else}}empty{{/each}}"), "ja", "empty"},
		{"fields", p("{{#each rows}}{{ .id }}={{ .name }};{{/each}}"), "ja", "TS-1=配合表;TS-2=原価表;"},
		{"nested", p("{{#each rows}}{{#if on}}{{ .id }}{{/if}}{{/each}}"), "ja", "TS-1TS-2"},
		{"date default long", p("{{ date }}"), "th", "1 มีนาคม 2569"},
		{"date filter short", p("{{ date | date short }}"), "de", "01.03.2026"},
		{"upper", p("{{ company.name | upper }}"), "en", "YAMADA TRADING CO., LTD."},
		{"number", p("{{ amount | number }}"), "de", "1.234.567,5"},
		{"number decimals", p("{{ amount | number 2 }}"), "en", "1,234,567.50"},
		{"default missing", p(`{{ vars.nothing | default "n/a" }}`), "en", "n/a"},
		{"t with loop scope", p(`{{#each rows}}{{ t "row" }}{{/each}}`), "ja", "TS-1:配合表TS-2:原価表"},
	}
	testTexts["row"] = "{{ .id }}:{{ .name }}"
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := textDump(mustRun(t, c.body, c.lang))
			if got != c.want {
				t.Errorf("got %q, want %q", got, c.want)
			}
		})
	}
}

func TestNewlineAndTab(t *testing.T) {
	got := mustRun(t, p("{{ vars.multi }}"), "en")
	if !strings.Contains(got, `line1</w:t><w:br/><w:t xml:space="preserve">line2</w:t><w:tab/><w:t xml:space="preserve">col`) {
		t.Errorf("newline/tab not converted: %s", got)
	}
}

func TestBadCharacterNamesKey(t *testing.T) {
	_, err := run(t, p("{{ vars.bad }}"), testData(), "en")
	if err == nil || !strings.Contains(err.Error(), "vars.bad") || !strings.Contains(err.Error(), "U+0001") {
		t.Fatalf("want an error naming vars.bad and U+0001, got %v", err)
	}
}

// Word and LibreOffice split a tag over runs with other properties, revision ids, proofing
// marks, bookmarks and rendered page breaks between the pieces.
func TestSplitTags(t *testing.T) {
	body := `<w:p><w:r w:rsidR="00A1"><w:rPr><w:b/></w:rPr><w:t>Dear {</w:t></w:r>` +
		`<w:proofErr w:type="spellStart"/><w:r w:rsidR="00B2"><w:rPr><w:i/></w:rPr><w:t>{ comp</w:t></w:r>` +
		`<w:proofErr w:type="spellEnd"/><w:bookmarkStart w:id="0" w:name="b"/><w:r><w:lastRenderedPageBreak/><w:t>any.na</w:t></w:r>` +
		`<w:bookmarkEnd w:id="0"/><w:r><w:rPr><w:u w:val="single"/></w:rPr><w:t xml:space="preserve">me }}, hello</w:t></w:r></w:p>`
	got := mustRun(t, body, "en")
	if txt := textDump(got); txt != "Dear Yamada Trading Co., Ltd., hello" {
		t.Fatalf("text %q", txt)
	}
	// The value keeps the formatting of the run where the tag starts (bold).
	if !regexp.MustCompile(`<w:b/></w:rPr><w:t xml:space="preserve">Dear Yamada Trading Co\., Ltd\.</w:t>`).MatchString(got) {
		t.Errorf("value is not in the bold run: %s", got)
	}
	if !strings.Contains(got, `<w:bookmarkStart w:id="0" w:name="b"/>`) || !strings.Contains(got, `<w:u w:val="single"/></w:rPr><w:t xml:space="preserve">, hello</w:t>`) {
		t.Errorf("surrounding markup lost: %s", got)
	}
}

func TestParagraphLoopRemovesTagParagraphs(t *testing.T) {
	body := p("before") + p("{{#each items}}") + p("item {{ . }}") + p("{{/each}}") +
		p("{{#if off}}") + p("hidden") + p("{{else}}") + p("shown") + p("{{/if}}") + p("after")
	got := textDump(mustRun(t, body, "ja"))
	want := "before\nitem 図面\nitem 顧客名簿\nshown\nafter"
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	// A tag paragraph split over runs with whitespace around still vanishes.
	body = `<w:p><w:r><w:t xml:space="preserve"> {{#if </w:t></w:r><w:r><w:t>on}} </w:t></w:r></w:p>` + p("x") + p("{{/if}}")
	if got := textDump(mustRun(t, body, "ja")); got != "x" {
		t.Errorf("got %q", got)
	}
}

func TestCrossParagraphBlockSplitsAndJoins(t *testing.T) {
	body := p("A {{#each items}}x") + p("middle") + p("y{{/each}} B")
	got := textDump(mustRun(t, body, "ja"))
	want := "A x\nmiddle\nyx\nmiddle\ny B"
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	body = p("A {{#each none}}x") + p("middle") + p("y{{/each}} B")
	if got := textDump(mustRun(t, body, "ja")); got != "A  B" {
		t.Errorf("empty loop should join the paragraphs, got %q", got)
	}
}

func row(cells ...string) string {
	var b strings.Builder
	b.WriteString("<w:tr>")
	for _, c := range cells {
		b.WriteString("<w:tc><w:tcPr/>" + p(c) + "</w:tc>")
	}
	b.WriteString("</w:tr>")
	return b.String()
}

func table(rows ...string) string { return "<w:tbl><w:tblPr/>" + strings.Join(rows, "") + "</w:tbl>" }

func TestRowLoop(t *testing.T) {
	body := table(row("ID", "Name"), row("{{#each rows}}{{ .id }}", "{{ .name }}{{/each}}"), row("end", "x"))
	got := mustRun(t, body, "ja")
	if n := strings.Count(got, "<w:tr>"); n != 4 {
		t.Errorf("want 4 rows, got %d: %s", n, got)
	}
	if txt := textDump(got); txt != "ID\nName\nTS-1\n配合表\nTS-2\n原価表\nend\nx" {
		t.Errorf("got %q", txt)
	}
	// A row removed by a condition.
	body = table(row("{{#if off}}a", "b{{/if}}"), row("kept", "k"))
	if got := mustRun(t, body, "ja"); strings.Count(got, "<w:tr>") != 1 {
		t.Errorf("row not removed: %s", got)
	}
}

func TestNestedTableRowLoop(t *testing.T) {
	inner := table(row("{{#each items}}{{ . }}", "{{ @index }}{{/each}}"))
	body := table("<w:tr><w:tc>" + p("outer") + inner + "</w:tc></w:tr>")
	got := mustRun(t, body, "ja")
	if n := strings.Count(got, "<w:tr>"); n != 3 {
		t.Errorf("want 3 rows (1 outer, 2 inner), got %d", n)
	}
	if txt := textDump(got); txt != "outer\n図面\n1\n顧客名簿\n2" {
		t.Errorf("got %q", txt)
	}
}

func TestParagraphBlockInCellKeepsAParagraph(t *testing.T) {
	body := table(`<w:tr><w:tc><w:tcPr/>` + p("{{#if off}}") + p("gone") + p("{{/if}}") + `</w:tc></w:tr>`)
	got := mustRun(t, body, "ja")
	if !strings.Contains(got, "<w:tcPr/><w:p/></w:tc>") {
		t.Errorf("cell left without a paragraph: %s", got)
	}
}

func TestBlockCrossingTableIsAnError(t *testing.T) {
	body := p("{{#if on}} a") + table(row("b {{/if}}"))
	_, err := run(t, body, testData(), "ja")
	if err == nil || !strings.Contains(err.Error(), "crosses a table") {
		t.Fatalf("want crossing error, got %v", err)
	}
}

func TestTextBox(t *testing.T) {
	body := `<w:p><w:r><w:t>outer</w:t></w:r><w:r><w:pict><v:shape xmlns:v="urn:schemas-microsoft-com:vml"><v:textbox><w:txbxContent>` +
		p("{{ company.name }}") + `</w:txbxContent></v:textbox></v:shape></w:pict></w:r></w:p>`
	got := mustRun(t, body, "en")
	if !strings.Contains(got, "Yamada Trading Co., Ltd.") {
		t.Errorf("text box tag not filled: %s", got)
	}
}

func TestHeadersFootersFootnotes(t *testing.T) {
	hdr := `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:hdr ` + wNS + `>` + p("{{ company.name }}") + `</w:hdr>`
	ftr := `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:ftr ` + wNS + `>` + p("{{ date | date short }}") + `</w:ftr>`
	fn := `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:footnotes ` + wNS + `><w:footnote w:id="1">` + p("{{ vars.client }}") + `</w:footnote></w:footnotes>`
	pkg := buildDocx(t, p("body"), map[string]string{"word/header1.xml": hdr, "word/footer1.xml": ftr, "word/footnotes.xml": fn})
	tpl, err := Parse("t.docx", pkg, nil)
	if err != nil {
		t.Fatal(err)
	}
	out, err := tpl.Execute(testData(), Options{Lang: "ja"})
	if err != nil {
		t.Fatal(err)
	}
	for part, want := range map[string]string{"word/header1.xml": "山田商事株式会社", "word/footer1.xml": "2026/03/01", "word/footnotes.xml": "A&amp;B &lt;Co&gt;"} {
		b, _ := out.Read(part)
		if !bytes.Contains(b, []byte(want)) {
			t.Errorf("%s: want %q in %s", part, want, b)
		}
	}
	// The template package itself is unchanged (copies do not share parts).
	b, _ := pkg.Read("word/header1.xml")
	if !bytes.Contains(b, []byte("{{ company.name }}")) {
		t.Errorf("template header changed")
	}
}

const numbering = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:numbering ` + wNS + `><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>`

func np(text string) string {
	return `<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t xml:space="preserve">` + text + `</w:t></w:r></w:p>`
}

func TestNumbering(t *testing.T) {
	render := func(body string) (string, string) {
		pkg := buildDocx(t, body, map[string]string{"word/numbering.xml": numbering})
		tpl, err := Parse("t.docx", pkg, nil)
		if err != nil {
			t.Fatal(err)
		}
		out, err := tpl.Execute(testData(), Options{Lang: "ja"})
		if err != nil {
			t.Fatal(err)
		}
		d, _ := out.Read("word/document.xml")
		n, _ := out.Read("word/numbering.xml")
		return string(d), string(n)
	}
	// A loop over list items continues the list: one list id throughout.
	d, n := render(p("{{#each items}}") + np("{{ . }}") + p("{{/each}}"))
	if strings.Count(d, `<w:numId w:val="1"/>`) != 2 || strings.Contains(n, "startOverride") {
		t.Errorf("list items should continue one list:\n%s\n%s", d, n)
	}
	// A repeated section holding a list restarts it at 1 each time.
	d, n = render(p("{{#each rows}}") + p("{{ .id }}") + np("a") + np("b") + p("{{/each}}"))
	if !strings.Contains(d, `<w:numId w:val="2"/>`) || !strings.Contains(d, `<w:numId w:val="3"/>`) || strings.Contains(d, `<w:numId w:val="1"/>`) {
		t.Errorf("each repetition should get its own list: %s", d)
	}
	if strings.Count(n, `<w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/>`) != 2 {
		t.Errorf("numbering.xml should gain two restarting lists: %s", n)
	}
	if err := docx.WellFormed([]byte(n)); err != nil {
		t.Error(err)
	}
	// A list inside a repeated table row restarts too.
	d, _ = render(table(`<w:tr><w:tc>` + p("{{#each rows}}{{ .id }}") + np("x") + `</w:tc><w:tc>` + p("{{/each}}") + `</w:tc></w:tr>`))
	if !strings.Contains(d, `<w:numId w:val="2"/>`) || !strings.Contains(d, `<w:numId w:val="3"/>`) {
		t.Errorf("row repetitions should restart the list: %s", d)
	}
}

func TestAllErrorsReported(t *testing.T) {
	body := p("{{ nosuch.path }}") + p("{{ company.name | shout }}") + p("{{#if on}} never closed") +
		p("{{#each items}} x {{/if}}") + p("{{ company.name")
	_, err := run(t, body, testData(), "ja")
	var errs Errors
	if !errors.As(err, &errs) {
		t.Fatalf("want Errors, got %v", err)
	}
	msg := err.Error()
	for _, want := range []string{
		`unknown filter "shout"`,
		`closes {{#each items}}, which needs {{/each}}`,
		`block is never closed: add {{/if}}`,
		`tag is not closed`,
		`word/document.xml: paragraph "{{#if on}} never closed": {{#if on}}`,
	} {
		if !strings.Contains(msg, want) {
			t.Errorf("missing %q in:\n%s", want, msg)
		}
	}
	// Unknown paths are found when executing; every one is reported.
	_, err = run(t, p("{{ nosuch.path }}")+p("{{ other.path }}"), testData(), "ja")
	if err == nil || !strings.Contains(err.Error(), "nosuch.path: no such value") || !strings.Contains(err.Error(), "other.path: no such value") {
		t.Errorf("want both unknown paths, got %v", err)
	}
}

func TestMissingLanguage(t *testing.T) {
	_, err := run(t, p("{{ company.name }}"), testData(), "vi")
	if err == nil || !strings.Contains(err.Error(), "company.name has no text for vi") {
		t.Fatalf("got %v", err)
	}
}

func TestDeterministic(t *testing.T) {
	pkg := buildDocx(t, p("{{ company.name }}")+table(row("{{#each rows}}{{ .id }}", "{{/each}}")), nil)
	tpl, err := Parse("t.docx", pkg, nil)
	if err != nil {
		t.Fatal(err)
	}
	var outs [][]byte
	for i := 0; i < 2; i++ {
		out, err := tpl.Execute(testData(), Options{Lang: "ja"})
		if err != nil {
			t.Fatal(err)
		}
		b, err := out.Bytes()
		if err != nil {
			t.Fatal(err)
		}
		if err := docx.Verify(b); err != nil {
			t.Fatal(err)
		}
		outs = append(outs, b)
	}
	if !bytes.Equal(outs[0], outs[1]) {
		t.Error("two renders differ")
	}
}

// The fill buffers are reused from one document to the next (fillBufs): a package returned by
// Execute must hold its own copy, whatever is filled after it, in turn or at the same time.
func TestExecutedPackagesKeepTheirOwnText(t *testing.T) {
	tpl, err := Parse("t.docx", buildDocx(t, p("{{ who }}"), nil), nil)
	if err != nil {
		t.Fatal(err)
	}
	fill := func(who string) *docx.Package {
		out, err := tpl.Execute(map[string]any{"who": who}, Options{Lang: "ja"})
		if err != nil {
			t.Error(err)
			return nil
		}
		return out
	}
	names := make([]string, 64)
	pkgs := make([]*docx.Package, len(names))
	var wg sync.WaitGroup
	for i := range names {
		names[i] = fmt.Sprintf("person-%02d-", i) + strings.Repeat("x", i*97)
		wg.Add(1)
		go func() { defer wg.Done(); pkgs[i] = fill(names[i]) }()
	}
	wg.Wait()
	for range 8 {
		fill(strings.Repeat("y", 1<<15)) // later fills in the same buffers
	}
	for i, pkg := range pkgs {
		if pkg == nil {
			continue
		}
		b, err := pkg.Read("word/document.xml")
		if err != nil {
			t.Fatal(err)
		}
		if got := textDump(bodyOf(string(b))); got != names[i] {
			t.Errorf("document %d reads %.40q…, want %.40q…", i, got, names[i])
		}
	}
}

func TestDateFormats(t *testing.T) {
	d := time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)
	cases := map[string][2]string{
		"ja":    {"2026年3月1日", "2026/03/01"},
		"zh-CN": {"2026年3月1日", "2026-03-01"},
		"th":    {"1 มีนาคม 2569", "01/03/2569"},
		"vi":    {"ngày 01 tháng 3 năm 2026", "01/03/2026"}, // Decree 30/2020: only months 1–2 take a 0
		"id":    {"1 Maret 2026", "01/03/2026"},
		"de":    {"1. März 2026", "01.03.2026"},
		"en":    {"1 March 2026", "2026-03-01"},
	}
	for lang, want := range cases {
		for i, form := range []string{"long", "short"} {
			got, err := FormatDate(d, lang, form)
			if err != nil || got != want[i] {
				t.Errorf("%s %s: got %q %v, want %q", lang, form, got, err, want[i])
			}
		}
	}
}

func TestTagRowsRepeatRows(t *testing.T) {
	body := table(row("A", "B"), row("{{#each rows}}", ""), row("{{ .id }}", "{{ .name }}"), row("x", "y"), row("{{/each}}", ""),
		row("{{#if off}}", ""), row("gone", "g"), row("{{/if}}", ""))
	got := mustRun(t, body, "ja")
	if n := strings.Count(got, "<w:tr>"); n != 5 {
		t.Errorf("want 5 rows, got %d", n)
	}
	if txt := textDump(got); txt != "A\nB\nTS-1\n配合表\nx\ny\nTS-2\n原価表\nx\ny" {
		t.Errorf("got %q", txt)
	}
}

func TestLangBlock(t *testing.T) {
	body := p("{{ company.name }}") + p(`{{#lang "en"}}`) + p("{{ company.name }} {{ date }}") + p("{{/lang}}") + p("{{ date }}")
	got := textDump(mustRun(t, body, "ja"))
	if got != "山田商事株式会社\nYamada Trading Co., Ltd. 1 March 2026\n2026年3月1日" {
		t.Errorf("got %q", got)
	}
}

func TestUses(t *testing.T) {
	for body, want := range map[string]bool{
		p("{{ company.name }}"):                         false,
		p(`{{ t "x" }}`):                                true,
		p(`{{ vars.a | default "b" }}{{ lang_name }}`):  true,
		p(`{{#if on}}{{ doc.title.ja }}{{/if}}`):        true,
		p(`{{#each items}}{{ . }}{{/each}}{{ langx }}`): false,
	} {
		tpl, err := Parse("t.docx", buildDocx(t, body, nil), testFuncs)
		if err != nil {
			t.Fatal(err)
		}
		if got := tpl.Uses([]string{"t", "article"}, []string{"lang_name", "doc.title"}); got != want {
			t.Errorf("%s: Uses = %v, want %v", body, got, want)
		}
	}
}
