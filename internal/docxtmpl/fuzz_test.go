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
