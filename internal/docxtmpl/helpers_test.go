package docxtmpl

import (
	"archive/zip"
	"bytes"
	"fmt"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/tsdraft/tsdraft/internal/docx"
)

const wNS = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"`

// buildDocx makes a minimal DOCX whose body is body (XML inside w:body); extra parts may be given.
func buildDocx(t testing.TB, body string, extra map[string]string) *docx.Package {
	t.Helper()
	parts := map[string]string{
		"[Content_Types].xml":          `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`,
		"_rels/.rels":                  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`,
		"word/document.xml":            `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ` + wNS + `><w:body>` + body + `<w:sectPr/></w:body></w:document>`,
		"word/_rels/document.xml.rels": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>`,
		// nguyenthenguyen/docx insists on a header or footer part.
		"word/header1.xml": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:hdr ` + wNS + `><w:p><w:r><w:t>head</w:t></w:r></w:p></w:hdr>`,
	}
	for k, v := range extra {
		parts[k] = v
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	order := []string{"[Content_Types].xml", "_rels/.rels", "word/document.xml", "word/_rels/document.xml.rels", "word/header1.xml", "word/footer1.xml", "word/footnotes.xml", "word/numbering.xml"}
	known := map[string]bool{}
	for _, n := range order {
		known[n] = true
	}
	var rest []string
	for n := range parts {
		if !known[n] {
			rest = append(rest, n)
		}
	}
	sort.Strings(rest)
	for _, name := range append(order, rest...) {
		if v, ok := parts[name]; ok {
			w, _ := zw.Create(name)
			w.Write([]byte(v))
		}
	}
	zw.Close()
	pkg, err := docx.Open("test.docx", buf.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	return pkg
}

var testFuncs = []string{"t", "article"}

func run(t testing.TB, body string, data map[string]any, lang string) (string, error) {
	t.Helper()
	pkg := buildDocx(t, body, nil)
	tpl, err := Parse("test.docx", pkg, testFuncs)
	if err != nil {
		return "", err
	}
	out, err := tpl.Execute(data, Options{Lang: lang, Funcs: map[string]Func{
		"t": func(c *Call) (string, error) {
			if len(c.Args) != 1 {
				return "", fmt.Errorf("t takes one key")
			}
			key, _ := c.Args[0].(string)
			return c.Render(testTexts[key])
		},
	}})
	if err != nil {
		return "", err
	}
	b, err := out.Read("word/document.xml")
	if err != nil {
		t.Fatal(err)
	}
	if err := docx.WellFormed(b); err != nil {
		t.Fatalf("output not well-formed: %v\n%s", err, b)
	}
	return bodyOf(string(b)), nil
}

var testTexts = map[string]string{
	"hello": "こんにちは {{ company.name }}",
	"item":  "{{ .name }}（{{ .examples }}）",
}

var bodyRe = regexp.MustCompile(`(?s)<w:body>(.*)<w:sectPr/></w:body>`)

func bodyOf(doc string) string {
	m := bodyRe.FindStringSubmatch(doc)
	if m == nil {
		return doc
	}
	return m[1]
}

// textDump renders paragraphs as lines: the text of each w:p, rows as "a | b".
func textDump(xml string) string {
	var out []string
	for _, p := range regexp.MustCompile(`(?s)<w:p[ >].*?</w:p>|<w:p/>`).FindAllString(xml, -1) {
		var b strings.Builder
		for _, m := range regexp.MustCompile(`(?s)<w:t(?: [^>]*)?>(.*?)</w:t>|<w:br/>|<w:tab/>`).FindAllStringSubmatch(p, -1) {
			switch m[0] {
			case "<w:br/>":
				b.WriteString("\n")
			case "<w:tab/>":
				b.WriteString("\t")
			default:
				b.WriteString(m[1])
			}
		}
		out = append(out, b.String())
	}
	return strings.Join(out, "\n")
}

func p(text string) string {
	return `<w:p><w:r><w:t xml:space="preserve">` + text + `</w:t></w:r></w:p>`
}
