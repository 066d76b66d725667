package docxtmpl

import (
	"archive/zip"
	"bytes"
	"regexp"
	"strings"
	"testing"

	"github.com/tsdraft/tsdraft/internal/docx"
)

const pageBreak = `<w:r><w:br w:type="page"/></w:r>`

// tp is a tag paragraph carrying extra XML: runs after the tag, or properties.
func tp(pPr, tag, runs string) string {
	if pPr != "" {
		pPr = "<w:pPr>" + pPr + "</w:pPr>"
	}
	return `<w:p>` + pPr + `<w:r><w:t>` + tag + `</w:t></w:r>` + runs + `</w:p>`
}

var breakParaRe = regexp.MustCompile(`(?s)<w:p>.*?</w:p>|<w:p/>`)

// paras lists the paragraphs of a body as text, a page break as "⤓", a column break as "‖",
// a section break as "§".
func paras(body string) []string {
	var out []string
	for _, p := range breakParaRe.FindAllString(body, -1) {
		s := regexp.MustCompile(`<w:br w:type="page"/>`).ReplaceAllString(p, "<w:t>⤓</w:t>")
		s = regexp.MustCompile(`<w:br w:type="column"/>`).ReplaceAllString(s, "<w:t>‖</w:t>")
		s = regexp.MustCompile(`(?s)<w:sectPr>.*?</w:sectPr>|<w:sectPr/>`).ReplaceAllString(s, "<w:t>§</w:t>")
		out = append(out, textDump(s))
	}
	return out
}

func TestBreaksInTagParagraphsAreKept(t *testing.T) {
	landscape := `<w:sectPr><w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/></w:sectPr>`
	cases := []struct {
		name, body string
		want       []string
	}{
		{"Word: Ctrl+Enter after {{/each}} ends every item",
			p("{{#each items}}") + p("item {{ . }}") + tp("", "{{/each}}", pageBreak) + p("after"),
			[]string{"item 図面⤓", "item 顧客名簿⤓", "after"}},
		{"LibreOffice: page break before the item, written at the end of the {{#each}} paragraph",
			p("before") + tp("", "{{#each items}}", pageBreak) + p("item {{ . }}") + p("{{/each}}"),
			[]string{"before", "⤓item 図面", "⤓item 顧客名簿"}},
		{"page break before on the opening paragraph",
			p("before") + tp(`<w:pageBreakBefore/>`, "{{#each items}}", "") + p("item {{ . }}") + p("{{/each}}"),
			[]string{"before", "⤓item 図面", "⤓item 顧客名簿"}},
		{"page break before switched off is no break",
			tp(`<w:pageBreakBefore w:val="0"/>`, "{{#each items}}", "") + p("item {{ . }}") + p("{{/each}}"),
			[]string{"item 図面", "item 顧客名簿"}},
		{"column break",
			p("{{#each items}}") + p("{{ . }}") + tp("", "{{/each}}", `<w:r><w:br w:type="column"/></w:r>`),
			[]string{"図面‖", "顧客名簿‖"}},
		{"a block that writes nothing writes no break",
			p("a") + p("{{#if off}}") + p("hidden") + tp("", "{{/if}}", pageBreak) + p("b"),
			[]string{"a", "b"}},
		{"if/else: the closing break ends whichever branch is written",
			p("{{#if off}}") + p("yes") + p("{{else}}") + p("no") + tp("", "{{/if}}", pageBreak) + p("b"),
			[]string{"no⤓", "b"}},
		{"no paragraph of content to take the break: a paragraph of its own",
			p("{{#each items}}") + table(row("{{ . }}")) + tp("", "{{/each}}", pageBreak),
			[]string{"図面", "⤓", "顧客名簿", "⤓"}},
		{"nested block: the break does not vanish with the inner tag paragraph",
			p("{{#each items}}") + p("{{#if on}}") + p("{{ . }}") + p("{{/if}}") + tp("", "{{/each}}", pageBreak),
			[]string{"図面", "⤓", "顧客名簿", "⤓"}},
		{"section break on the closing paragraph stays once, after the items",
			p("{{#each items}}") + p("{{ . }}") + tp(landscape, "{{/each}}", "") + p("next section"),
			[]string{"図面", "顧客名簿", "§", "next section"}},
		{"section break on the closing paragraph of an empty loop still ends the section",
			p("kept") + p("{{#each none}}") + p("{{ . }}") + tp(landscape, "{{/each}}", "") + p("next section"),
			[]string{"kept", "§", "next section"}},
		{"section break on the opening paragraph stays once, before the block",
			p("first section") + tp(landscape, "{{#if off}}", "") + p("gone") + p("{{/if}}") + p("second"),
			[]string{"first section", "§", "second"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := paras(mustRun(t, c.body, "ja"))
			if strings.Join(got, "\n") != strings.Join(c.want, "\n") {
				t.Errorf("got\n%q\nwant\n%q", got, c.want)
			}
		})
	}
}

func TestSectionBreakKeepsItsProperties(t *testing.T) {
	sect := `<w:sectPr><w:headerReference w:type="default" r:id="rId9"/><w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/></w:sectPr>`
	got := mustRun(t, p("{{#each items}}")+p("{{ . }}")+tp(`<w:jc w:val="center"/>`+sect, "{{/each}}", "")+p("portrait"), "ja")
	if strings.Count(got, sect) != 1 || !strings.Contains(got, `<w:p><w:pPr><w:jc w:val="center"/>`+sect+`</w:pPr></w:p>`) {
		t.Errorf("section properties not kept once in an empty paragraph: %s", got)
	}
	_, err := run(t, p("{{#if on}}")+p("a")+tp(sect, "{{else}}", "")+p("b")+p("{{/if}}"), testData(), "ja")
	if err == nil || !strings.Contains(err.Error(), "{{else}} paragraph ends a section") {
		t.Errorf("want an error for a section break on {{else}}, got %v", err)
	}
}

func TestBlocksAcrossCells(t *testing.T) {
	// docxtemplater's pattern: a loop opens in the first cell of one row and closes in the last
	// cell of a later row: the rows between repeat together.
	body := table(row("head", "x"), row("{{#each rows}}{{ .id }}", "a"), row("b", "{{ .name }}{{/each}}"), row("end", "y"))
	got := mustRun(t, body, "ja")
	if txt := textDump(got); txt != "head\nx\nTS-1\na\nb\n配合表\nTS-2\na\nb\n原価表\nend\ny" {
		t.Errorf("got %q", txt)
	}
	for _, r := range regexp.MustCompile(`(?s)<w:tr>.*?</w:tr>`).FindAllString(got, -1) {
		if n := strings.Count(r, "<w:tc>"); n != 2 {
			t.Errorf("a row with %d cells: %s", n, r)
		}
	}
	// An {{#if}} opened in one cell and closed in another (not first and last) is an error
	// naming both cells; so is a block that closes in an earlier row.
	for _, c := range []struct{ body, want string }{
		{table(row("{{#if on}}a", "b{{/if}}", "c")), "opens in row 1, cell 1 of a table and closes in row 1, cell 2 of a table"},
		{table(row("a", "{{#if on}}b", "c{{/if}}")), "opens in row 1, cell 2 of a table and closes in row 1, cell 3 of a table"},
		{table(row("a", "b{{/if}}"), row("{{#if on}}c", "d")), "closing tag without an opening tag"},
		{table(row("x{{#if on}}a", "b")) + table(row("c", "d{{/if}}")), "crosses a table"},
		{table(row("{{#if on}}a", "b"), row("c", "d{{else}}"), row("e", "f{{/if}}")), "crosses a table"},
	} {
		_, err := run(t, c.body, testData(), "ja")
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: want %q, got %v", c.body, c.want, err)
		}
	}
}

func TestParagraphInParagraphIsAnError(t *testing.T) {
	for _, body := range []string{
		`<w:p><w:r><w:t>{{#each items}}</w:t></w:r><w:p><w:r><w:t>inner {{ . }}</w:t></w:r></w:p></w:p>` + p("{{/each}}"),
		`<w:p><w:r><w:t>outer</w:t></w:r><w:p><w:r><w:t>inner</w:t></w:r></w:p><w:r><w:t>{{ company.name }}</w:t></w:r></w:p>`,
		`<w:p><w:r><w:t>{{ company.name }}</w:t></w:r>` + table(row("cell")) + `</w:p>`,
	} {
		_, err := run(t, body, testData(), "ja")
		if err == nil || !strings.Contains(err.Error(), "inside another paragraph") {
			t.Errorf("want a nested-paragraph error for %s, got %v", body, err)
		}
	}
	// A paragraph in a text box inside a paragraph is normal Word.
	body := `<w:p><w:r><w:pict><w:txbxContent>` + p("{{ company.name }}") + `</w:txbxContent></w:pict></w:r></w:p>`
	if got := mustRun(t, body, "ja"); !strings.Contains(got, "山田商事株式会社") {
		t.Errorf("text box paragraph not filled: %s", got)
	}
}

// Office 365 and Word Online save the main part as word/document2.xml: it opens and fills.
func TestOffice365MainPartFills(t *testing.T) {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, pt := range [][2]string{
		{"[Content_Types].xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document2.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`},
		{"_rels/.rels", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="R1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="/word/document2.xml"/></Relationships>`},
		{"word/document2.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ` + wNS + `><w:body>` + p("{{#each items}}") + p("{{ . }}") + p("{{/each}}") + `<w:sectPr/></w:body></w:document>`},
		{"word/_rels/document2.xml.rels", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>`},
		{"word/header1.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:hdr ` + wNS + `><w:p/></w:hdr>`},
	} {
		w, _ := zw.Create(pt[0])
		w.Write([]byte(pt[1]))
	}
	zw.Close()
	pkg, err := docx.Open("o365.docx", buf.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	tpl, err := Parse("o365.docx", pkg, nil)
	if err != nil {
		t.Fatal(err)
	}
	out, err := tpl.Execute(testData(), Options{Lang: "ja"})
	if err != nil {
		t.Fatal(err)
	}
	d, _ := out.Read("word/document.xml")
	if got := paras(bodyOf(string(d))); strings.Join(got, "|") != "図面|顧客名簿" {
		t.Errorf("got %q", got)
	}
	if err := out.Check(); err != nil {
		t.Error(err)
	}
}

// A complex field (begin … separate … end runs) whose begin and end stand on different sides
// of a block tag: removing or repeating the block left a field without its end, and LibreOffice
// then swallowed the rest of the document into the field (nothing after "see" was shown). It is
// an error naming the block; a field wholly inside or around a block is fine.
func TestBlockCuttingAFieldIsAnError(t *testing.T) {
	fld := func(typ string) string { return `<w:r><w:fldChar w:fldCharType="` + typ + `"/></w:r>` }
	begin := fld("begin") + `<w:r><w:instrText xml:space="preserve"> REF clause \h </w:instrText></w:r>` + fld("separate") + `<w:r><w:t>1</w:t></w:r>`
	form := `<w:r><w:fldChar w:fldCharType="begin"><w:ffData><w:name w:val="Text1"/></w:ffData></w:fldChar></w:r><w:r><w:instrText> FORMTEXT </w:instrText></w:r>` + fld("separate")
	const want = "cuts through a field"
	for _, c := range []struct {
		name, body string
		bad        bool
	}{
		{"begin before the block, end inside it", `<w:p><w:r><w:t>see </w:t></w:r>` + begin + `</w:p>` + p("{{#if off}}") + `<w:p><w:r><w:t>more</w:t></w:r>` + fld("end") + `</w:p>` + p("{{/if}}") + p("after"), true},
		{"begin inside a loop, end after it", p("{{#each items}}") + `<w:p><w:r><w:t>{{ . }}</w:t></w:r>` + begin + `</w:p>` + p("{{/each}}") + `<w:p>` + fld("end") + `</w:p>`, true},
		{"inline block cutting a field in one paragraph", `<w:p><w:r><w:t>{{#if on}}a</w:t></w:r>` + begin + `<w:r><w:t>{{/if}}</w:t></w:r>` + fld("end") + `</w:p>`, true},
		{"a form field begun before {{else}}", p("{{#if on}}") + `<w:p>` + form + `</w:p>` + p("{{else}}") + `<w:p>` + fld("end") + `</w:p>` + p("{{/if}}"), true},
		{"a field wholly inside a loop", p("{{#each items}}") + `<w:p><w:r><w:t>{{ . }} see </w:t></w:r>` + begin + fld("end") + `</w:p>` + p("{{/each}}"), false},
		{"a block inside a field's result", `<w:p>` + begin + `<w:r><w:t>{{#if off}}</w:t></w:r></w:p>` + p("gone") + `<w:p><w:r><w:t>{{/if}}</w:t></w:r>` + fld("end") + `</w:p>`, false},
		{"a form field in a row loop", table(row("{{#each rows}}{{ .id }}"), `<w:tr><w:tc><w:p>`+form+`<w:r><w:t>x</w:t></w:r>`+fld("end")+`</w:p></w:tc></w:tr>`, row("{{/each}}")), false},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := run(t, c.body, testData(), "ja")
			if got := err != nil && strings.Contains(err.Error(), want); got != c.bad {
				t.Errorf("error = %v, want an error: %v", err, c.bad)
			}
			if !c.bad && err != nil {
				t.Errorf("unexpected error: %v", err)
			}
		})
	}
}
