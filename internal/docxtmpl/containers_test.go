package docxtmpl

import (
	"strings"
	"testing"
)

// Word refuses ("unreadable content") a header, footer, text box, note or comment without a
// paragraph, and a table without a row. A block that empties one must leave a <w:p/>; a table
// whose rows a block all removed goes (as docxtemplater does with table-empty.docx).
func TestEmptiedContainersStayValid(t *testing.T) {
	emptyIf := p("{{#if off}}") + p("gone") + p("{{/if}}")
	for _, c := range []struct {
		name, part, body string
		extra            map[string]string
		want             string
	}{
		{"header", "word/header1.xml", p("x"), map[string]string{"word/header1.xml": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:hdr ` + wNS + `>` + emptyIf + `</w:hdr>`},
			`<w:hdr ` + wNS + `><w:p/></w:hdr>`},
		{"footer", "word/footer1.xml", p("x"), map[string]string{"word/footer1.xml": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:ftr ` + wNS + `>` + emptyIf + `</w:ftr>`},
			`<w:ftr ` + wNS + `><w:p/></w:ftr>`},
		{"text box", "word/document.xml", `<w:p><w:r><w:pict><w:txbxContent>` + emptyIf + `</w:txbxContent></w:pict></w:r></w:p>`, nil,
			`<w:txbxContent><w:p/></w:txbxContent>`},
		{"a text box that keeps content gets no extra paragraph", "word/document.xml", `<w:p><w:r><w:pict><w:txbxContent>` + p("{{#if on}}") + p("kept") + p("{{/if}}") + `</w:txbxContent></w:pict></w:r></w:p>`, nil,
			`<w:txbxContent><w:p><w:r><w:t xml:space="preserve">kept</w:t></w:r></w:p></w:txbxContent>`},
		{"table of rows standing between tag rows", "word/document.xml", p("before") + table(row("{{#each none}}"), row("{{ . }}"), row("{{/each}}")) + p("after"), nil,
			`<w:body><w:p><w:r><w:t xml:space="preserve">before</w:t></w:r></w:p><w:p><w:r><w:t xml:space="preserve">after</w:t></w:r></w:p><w:sectPr/></w:body>`},
		{"table of one repeated row", "word/document.xml", p("before") + table(row("{{#each none}}{{ .id }}", "{{/each}}")) + p("after"), nil,
			`<w:body><w:p><w:r><w:t xml:space="preserve">before</w:t></w:r></w:p><w:p><w:r><w:t xml:space="preserve">after</w:t></w:r></w:p><w:sectPr/></w:body>`},
		{"a nested table emptied in a cell", "word/document.xml", table(`<w:tr><w:tc>` + table(row("{{#each none}}{{ .id }}", "{{/each}}")) + p("cell") + `</w:tc></w:tr>`), nil,
			`<w:tbl><w:tblPr/><w:tr><w:tc><w:p><w:r><w:t xml:space="preserve">cell</w:t></w:r></w:p></w:tc></w:tr></w:tbl>`},
	} {
		t.Run(c.name, func(t *testing.T) {
			out := render(t, c.body, c.extra, testData())
			b, err := out.Read(c.part)
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(string(b), c.want) {
				t.Errorf("want %s in\n%s", c.want, b)
			}
			if err := out.Check(); err != nil {
				t.Error(err)
			}
		})
	}
}

func TestDropEmptyTables(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{`<w:p/><w:tbl><w:tblPr/><w:tblGrid><w:gridCol w:w="1"/></w:tblGrid></w:tbl><w:p/>`, `<w:p/><w:p/>`},
		{`<w:tbl><w:tblPr/><w:tr><w:trPr/><w:tc><w:p/></w:tc></w:tr></w:tbl>`, `<w:tbl><w:tblPr/><w:tr><w:trPr/><w:tc><w:p/></w:tc></w:tr></w:tbl>`},
		{`<w:tbl><w:tr w:rsidR="1"><w:tc><w:p/><w:tbl><w:tblPr/></w:tbl></w:tc></w:tr></w:tbl>`, `<w:tbl><w:tr w:rsidR="1"><w:tc><w:p/><w:p/></w:tc></w:tr></w:tbl>`},
		{`<w:tbl><w:tblPr/><w:trPr/></w:tbl>`, ``},
		{`<w:p><w:r><w:t>no table</w:t></w:r></w:p>`, `<w:p><w:r><w:t>no table</w:t></w:r></w:p>`},
	} {
		if got := string(dropEmptyTables([]byte(c.in))); got != c.want {
			t.Errorf("dropEmptyTables(%s) = %s, want %s", c.in, got, c.want)
		}
	}
}

// Word shows two tables with nothing between them as one table (and saves them so): a loop
// whose repetitions are tables wrote one table per item that Word merged into one. Repetitions
// that would meet table to table are kept apart by an empty paragraph, as Word itself does.
func TestLoopOfTablesKeepsTheTablesApart(t *testing.T) {
	for _, c := range []struct{ name, body, want string }{
		{"a table per item", p("{{#each rows}}") + table(row("{{ .id }}")) + p("{{/each}}"),
			"TS-1</w:t></w:r></w:p></w:tc></w:tr></w:tbl><w:p/><w:tbl>"},
		{"text after the table needs nothing", p("{{#each rows}}") + table(row("{{ .id }}")) + p("note") + p("{{/each}}"),
			"TS-1</w:t></w:r></w:p></w:tc></w:tr></w:tbl><w:p><w:r><w:t xml:space=\"preserve\">note</w:t></w:r></w:p><w:tbl>"},
	} {
		t.Run(c.name, func(t *testing.T) {
			got := mustRun(t, c.body, "ja")
			if !strings.Contains(got, c.want) || strings.Count(got, "<w:tbl>") != 2 {
				t.Errorf("want %s in\n%s", c.want, got)
			}
			if strings.HasSuffix(got, "<w:p/>") || strings.HasPrefix(got, "<w:p/>") {
				t.Errorf("no paragraph before the first or after the last item: %s", got)
			}
		})
	}
}
