package render

import (
	"archive/zip"
	"bytes"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tsdraft/tsdraft/internal/docx"
	"github.com/tsdraft/tsdraft/internal/tplgen"
)

// A user's template with its own document properties: tags in the title and subject are
// filled (Word shows them in content controls bound to them), and the author's custom
// properties survive beside tsdraft's.
func TestTemplatePropertiesMergedAndFilled(t *testing.T) {
	parts := [][2]string{
		{"[Content_Types].xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/><Override PartName="/docProps/custom.xml" ContentType="application/vnd.openxmlformats-officedocument.custom-properties+xml"/></Types>`},
		{"_rels/.rels", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties" Target="docProps/custom.xml"/></Relationships>`},
		{"docProps/core.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>NDA: {{ company.name }}</dc:title><dc:subject>{{ jurisdiction }}</dc:subject></cp:coreProperties>`},
		{"docProps/custom.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="MatterNo"><vt:lpwstr>M-2026-017</vt:lpwstr></property><property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="3" name="tsdraft.status"><vt:lpwstr>stale</vt:lpwstr></property></Properties>`},
		{"word/document.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>{{ company.name }}</w:t></w:r></w:p><w:sectPr/></w:body></w:document>`},
		{"word/_rels/document.xml.rels", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>`},
		{"word/header1.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:hdr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:p/></w:hdr>`},
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, p := range parts {
		w, _ := zw.Create(p[0])
		w.Write([]byte(p[1]))
	}
	zw.Close()
	c, err := ParseCustom("mine.docx", buf.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	listed := false
	for _, tag := range c.Tags() {
		listed = listed || tag.Part == "docProps/core.xml"
	}
	if !listed {
		t.Errorf("template check does not list the tags of docProps/core.xml: %v", c.Tags())
	}
	p := sample(t, "JP")
	pkg, err := testRenderer(t).RenderCustom(c, Request{Profile: p, Data: p.Data(), Langs: []string{"ja"}})
	if err != nil {
		t.Fatal(err)
	}
	core, _ := pkg.Read("docProps/core.xml")
	name, _ := p.Company.Name.In("ja")
	if !strings.Contains(string(core), "<dc:title>NDA: "+name+"</dc:title>") || !strings.Contains(string(core), "<dc:subject>JP</dc:subject>") {
		t.Errorf("core properties not filled: %s", core)
	}
	custom, _ := pkg.Read("docProps/custom.xml")
	cs := string(custom)
	if !strings.Contains(cs, `pid="2" name="MatterNo"><vt:lpwstr>M-2026-017</vt:lpwstr>`) || strings.Contains(cs, "stale") ||
		!strings.Contains(cs, `pid="3" name="tsdraft.version"`) || strings.Count(cs, `name="tsdraft.status"`) != 1 {
		t.Errorf("custom properties not merged: %s", cs)
	}
	if err := pkg.Check(); err != nil {
		t.Error(err)
	}
}

// An image named in the profile is read beside the profile file and placed by the engine.
func TestImageBesideProfile(t *testing.T) {
	dir := t.TempDir()
	img := image.NewRGBA(image.Rect(0, 0, 8, 4))
	var pngb bytes.Buffer
	png.Encode(&pngb, img)
	if err := os.WriteFile(filepath.Join(dir, "seal.png"), pngb.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	p := sample(t, "JP", `vars.seal="seal.png"`)
	p.File = filepath.Join(dir, "company.toml")
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, part := range [][2]string{
		{"[Content_Types].xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`},
		{"_rels/.rels", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`},
		{"word/document.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>{{ vars.seal | image "25mm" }}</w:t></w:r></w:p><w:sectPr/></w:body></w:document>`},
		{"word/_rels/document.xml.rels", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>`},
		{"word/header1.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:hdr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:p/></w:hdr>`},
	} {
		w, _ := zw.Create(part[0])
		w.Write([]byte(part[1]))
	}
	zw.Close()
	c, err := ParseCustom("seal.docx", buf.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	pkg, err := testRenderer(t).RenderCustom(c, Request{Profile: p, Data: p.Data(), Langs: []string{"ja"}})
	if err != nil {
		t.Fatal(err)
	}
	doc, _ := pkg.Read("word/document.xml")
	if !strings.Contains(string(doc), `<wp:extent cx="900000" cy="450000"/>`) {
		t.Errorf("seal not placed at 25 mm: %s", doc)
	}
	if err := pkg.Check(); err != nil {
		t.Error(err)
	}
}

// A firm restyles the whole shipped set with its own reference document.
func TestReferenceRestylesShippedTemplates(t *testing.T) {
	base, err := os.ReadFile("../../templates/reference/reference.docx")
	if err != nil {
		t.Fatal(err)
	}
	pkg, err := docx.Open("firm.docx", base)
	if err != nil {
		t.Fatal(err)
	}
	st, _ := pkg.Read("word/styles.xml")
	// a localised Word names the style differently: the style name finds it
	pkg.Set("word/styles.xml", []byte(strings.Replace(string(st), `w:styleId="Heading1"><w:name w:val="heading 1"/>`, `w:styleId="FirmHeading"><w:name w:val="heading 1"/>`, 1)))
	hdr, _ := pkg.Read("word/header1.xml")
	pkg.Set("word/header1.xml", []byte(strings.Replace(string(hdr), "{{ company.name }}", "Firm &amp; Partners for {{ company.name }}", 1)))
	data, err := pkg.Bytes()
	if err != nil {
		t.Fatal(err)
	}
	ref, err := tplgen.LoadReference("firm.docx", data)
	if err != nil {
		t.Fatal(err)
	}
	base2 := testRenderer(t)
	r := &Renderer{Templates: base2.Templates, Catalog: base2.Catalog, Version: "test", Reference: ref}
	p := sample(t, "JP")
	outs, err := r.Render(Request{Doc: "nda-employee", Profile: p, Data: p.Data(), Langs: []string{"ja"}})
	if err != nil {
		t.Fatal(err)
	}
	doc, _ := outs[0].Package.Read("word/document.xml")
	h, _ := outs[0].Package.Read("word/header1.xml")
	if !strings.Contains(string(doc), `<w:pStyle w:val="FirmHeading"/>`) || strings.Contains(string(doc), `<w:pStyle w:val="Heading1"/>`) {
		t.Errorf("headings do not take the reference's heading style")
	}
	if !strings.Contains(string(h), "Firm &amp; Partners for ") {
		t.Errorf("header not the reference's: %s", h)
	}
}
