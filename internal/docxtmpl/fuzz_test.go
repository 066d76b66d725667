package docxtmpl

import (
	wx "github.com/tsdraft/tsdraft/internal/wordxml"
	"strings"
	"testing"

	"github.com/tsdraft/tsdraft/internal/docx"
)

// FuzzParseTag: the tag parser never panics, and what it accepts has a kind and a raw form.
func FuzzParseTag(f *testing.F) {
	for _, s := range []string{
		" company.name ", "#if noncompete.enabled", "#each employee.access", "else", "/if", "/each", "/unless",
		`t "nda.title"`, `t “key”`, `date | date short`, `x | default "n/a" | upper`, `amount | number 2`,
		"@index", ".", ".name", `t "common.kind_" counterparty.kind`, "#unless", "#if", "| upper", `"unterminated`,
		"a b c", "-12.5", "#each x | upper", "..", "@foo", "a..b", "\u00a0x\u3000",
	} {
		f.Add(s)
	}
	funcs := map[string]bool{"t": true, "article": true}
	f.Fuzz(func(t *testing.T, s string) {
		tag, err := ParseTag(s, funcs)
		if err != nil {
			if err.Error() == "" {
				t.Fatal("empty error message")
			}
			return
		}
		if tag.Raw == "" {
			t.Fatal("accepted tag without raw text")
		}
		if (tag.Kind == TagValue || tag.Kind.opens()) && tag.Pipe == nil {
			t.Fatalf("%q: value or block without a pipeline", s)
		}
	})
}

// FuzzRender: any paragraph text, parsed and executed, never panics; what renders is
// well-formed XML; what fails says where.
func FuzzRender(f *testing.F) {
	for _, s := range []string{
		"{{ company.name }}", "{{#each items}}{{ . }}{{/each}}", "a {{#if on}}b{{else}}c{{/if}}",
		"{{#each rows}}{{ .id }}", "{{/each}}", "{{ vars.client | upper }}", "{{", "}}", "{{ }}",
		"{{#if on}}{{#each items}}{{/if}}{{/each}}", "<&>", "{{ t “hello” }}", "{{ date | date short }}",
	} {
		f.Add(s, "{{/each}}")
	}
	f.Fuzz(func(t *testing.T, a, b string) {
		if !utf8Valid(a) || !utf8Valid(b) {
			return
		}
		body := p(wx.TextEscaper.Replace(a)) + p(wx.TextEscaper.Replace(b))
		got, err := run(t, body, testData(), "ja")
		if err != nil {
			if !strings.Contains(err.Error(), "word/document.xml") && !strings.Contains(err.Error(), "text") {
				t.Fatalf("error without a place: %v", err)
			}
			return
		}
		_ = got // run checks well-formedness
	})
}

func utf8Valid(s string) bool {
	if bad, _ := badXMLChar(s); bad {
		return false
	}
	return !strings.ContainsAny(s, "\r")
}

var _ = docx.WellFormed

// FuzzStructure builds bodies from the pieces the engine treats specially (tag paragraphs
// carrying breaks, section breaks, bookmarks and comment anchors; tables with tags across
// cells; content controls; style-numbered paragraphs; images) in any order: the engine either
// reports an error with its place or writes a package that verifies.
func FuzzStructure(f *testing.F) {
	pieces := []string{
		p("{{#each items}}"), p("{{/each}}"), p("{{#if on}}"), p("{{#if off}}"), p("{{/if}}"), p("{{else}}"),
		tp("", "{{/each}}", pageBreak), tp("", "{{#each rows}}", pageBreak), tp(`<w:pageBreakBefore/>`, "{{#if on}}", ""),
		tp(`<w:sectPr><w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/></w:sectPr>`, "{{/if}}", ""),
		tp(`<w:sectPr/>`, "{{#each items}}", ""), anchored("3", "{{/each}}"), anchored("3", "{{#if on}}"),
		`<w:p><w:bookmarkStart w:id="9" w:name="b"/><w:r><w:t>{{#each rows}}</w:t></w:r><w:bookmarkEnd w:id="9"/></w:p>`,
		p("text {{ . }}"), p("{{ company.name }}"), sp("ListNumber", "li"), sp("Heading2", "h"),
		table(row("{{#each rows}}{{ .id }}", "a"), row("b", "{{/each}}")), table(row("{{#if on}}x", "y{{/if}}", "z")),
		`<w:sdt><w:sdtPr/><w:sdtContent>` + p("{{#if off}}") + p("gone") + p("{{/if}}") + `</w:sdtContent></w:sdt>`,
		p(`{{ vars.logo | image "10mm" }}`), p("a {{#if on}}b"), p("c{{/if}} d"),
	}
	f.Add([]byte{0, 14, 6, 19}, uint8(0))
	f.Add([]byte{2, 15, 5, 16, 9}, uint8(1))
	f.Add([]byte{7, 14, 1, 11, 15, 4, 20, 21, 22, 23}, uint8(2))
	f.Add([]byte{10, 17, 18, 1, 13, 16, 4}, uint8(3))
	png := testPNG(f, 4, 2)
	f.Fuzz(func(t *testing.T, picks []byte, comments uint8) {
		if len(picks) > 40 {
			return
		}
		var body strings.Builder
		for _, b := range picks {
			body.WriteString(pieces[int(b)%len(pieces)])
		}
		extra := map[string]string{"word/styles.xml": listStyles, "word/numbering.xml": listNumbering}
		if comments%2 == 1 {
			for k, v := range withComments(comment("3", "c")) {
				extra[k] = v
			}
		}
		tpl, err := Parse("t.docx", buildDocx(t, body.String(), extra), nil)
		if err == nil {
			data := testData()
			data["vars"].(map[string]any)["logo"] = "logo.png"
			var out *docx.Package
			out, err = tpl.Execute(data, Options{Lang: "ja", ReadFile: func(string) ([]byte, error) { return png, nil }})
			if err == nil {
				if cerr := out.Check(); cerr != nil {
					t.Fatalf("output does not verify: %v\n%s", cerr, body.String())
				}
				return
			}
		}
		if !strings.Contains(err.Error(), "word/document.xml") {
			t.Fatalf("error without a place: %v", err)
		}
	})
}
