package docx

import (
	"strings"
	"testing"
)

const relsTo = `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="%s"/></Relationships>`

// Office 365 and Word Online save the main part as word/document2.xml, found through
// _rels/.rels; the package opens as an ordinary one and writes a valid file.
func TestOpenOffice365MainPart(t *testing.T) {
	ctypes := `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document2.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`
	for _, target := range []string{"/word/document2.xml", "word/document2.xml"} {
		data := zipOf(t, map[string]string{
			"[Content_Types].xml":           ctypes,
			"_rels/.rels":                   strings.Replace(relsTo, "%s", target, 1),
			"word/document2.xml":            `<w:document xmlns:w="w"><w:body><w:p><w:r><w:t>{{ x }}</w:t></w:r></w:p></w:body></w:document>`,
			"word/_rels/document2.xml.rels": `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="t" Target="header1.xml"/></Relationships>`,
			"word/header1.xml":              `<w:hdr xmlns:w="w"/>`,
		}, "[Content_Types].xml", "_rels/.rels", "word/document2.xml", "word/_rels/document2.xml.rels", "word/header1.xml")
		pkg, err := Open("o365.docx", data)
		if err != nil {
			t.Fatalf("%s: %v", target, err)
		}
		b, err := pkg.Read("word/document.xml")
		if err != nil || !strings.Contains(string(b), "{{ x }}") {
			t.Fatalf("main part not found as word/document.xml: %v %s", err, b)
		}
		if pkg.Has("word/document2.xml") || !pkg.Has("word/_rels/document.xml.rels") {
			t.Errorf("parts not renamed: %v", pkg.Names())
		}
		ct, _ := pkg.Read("[Content_Types].xml")
		rels, _ := pkg.Read("_rels/.rels")
		if !strings.Contains(string(ct), `PartName="/word/document.xml"`) || !strings.Contains(string(rels), `Target="word/document.xml"`) {
			t.Errorf("content type or root relationship not renamed:\n%s\n%s", ct, rels)
		}
		if err := pkg.Check(); err != nil {
			t.Errorf("renamed package does not verify: %v", err)
		}
	}
}

func TestNoMainPartSaysSo(t *testing.T) {
	for _, c := range []struct {
		parts map[string]string
		want  string
	}{
		{map[string]string{"[Content_Types].xml": ct, "_rels/.rels": `<Relationships/>`}, "no main document part"},
		{map[string]string{"[Content_Types].xml": ct}, "no main document part"},
		{map[string]string{"[Content_Types].xml": ct, "_rels/.rels": strings.Replace(relsTo, "%s", "word/gone.xml", 1)}, "names word/gone.xml as the main document part, but the archive has no such part"},
	} {
		var order []string
		for _, n := range []string{"[Content_Types].xml", "_rels/.rels"} {
			if _, ok := c.parts[n]; ok {
				order = append(order, n)
			}
		}
		_, err := Open("x.docx", zipOf(t, c.parts, order...))
		if err == nil || !strings.Contains(err.Error(), c.want) || !strings.HasPrefix(err.Error(), "x.docx: ") {
			t.Errorf("want %q, got %v", c.want, err)
		}
	}
}
