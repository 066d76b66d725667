package docxtmpl

import (
	"fmt"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/tsdraft/tsdraft/internal/docx"
	"github.com/tsdraft/tsdraft/internal/pdf"
	"github.com/tsdraft/tsdraft/internal/testsupport"
)

// pdfPages is what LibreOffice made of a document: the text and the size of each page.
type pdfPages struct {
	text   []string // squashed text per page
	sizes  []string // "595 x 842" (portrait A4) per page
	images int      // images drawn (pdfimages -list)
}

var sizeRe = regexp.MustCompile(`Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)`)

// convertAll writes each package, converts them all with one LibreOffice process and reads
// the pages back.
func convertAll(t *testing.T, pkgs map[string]*docx.Package) map[string]pdfPages {
	t.Helper()
	dir := t.TempDir()
	var files, names []string
	for name, pkg := range pkgs {
		b, err := pkg.Bytes()
		if err != nil {
			t.Fatal(err)
		}
		f := filepath.Join(dir, name+".docx")
		if err := docx.WriteFile(f, b, false, docx.Verify); err != nil {
			t.Fatal(err)
		}
		files, names = append(files, f), append(names, name)
	}
	pdfs, err := pdf.Convert(files, dir, false)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]pdfPages{}
	for i, f := range pdfs {
		txt, err := exec.Command("pdftotext", "-enc", "UTF-8", f, "-").Output()
		if err != nil {
			t.Fatalf("pdftotext %s: %v", f, err)
		}
		info, err := exec.Command("pdfinfo", "-f", "1", "-l", "999", f).Output()
		if err != nil {
			t.Fatalf("pdfinfo %s: %v", f, err)
		}
		var pp pdfPages
		pages := strings.Split(string(txt), "\f")
		if len(pages) > 0 && strings.TrimSpace(pages[len(pages)-1]) == "" {
			pages = pages[:len(pages)-1]
		}
		for _, pg := range pages {
			pp.text = append(pp.text, strings.Join(strings.Fields(pg), ""))
		}
		for _, m := range sizeRe.FindAllStringSubmatch(string(info), -1) {
			w, h := m[1], m[2]
			if strings.Contains(w, ".") {
				w = w[:strings.Index(w, ".")]
			}
			if strings.Contains(h, ".") {
				h = h[:strings.Index(h, ".")]
			}
			pp.sizes = append(pp.sizes, w+" x "+h)
		}
		if list, err := exec.Command("pdfimages", "-list", f).Output(); err == nil {
			for _, l := range strings.Split(string(list), "\n") {
				if f := strings.Fields(l); len(f) > 3 && f[2] == "image" {
					pp.images++ // soft masks (transparency) are listed apart as "smask"
				}
			}
		}
		out[names[i]] = pp
	}
	return out
}

func render(t *testing.T, body string, extra map[string]string, data map[string]any) *docx.Package {
	t.Helper()
	tpl, err := Parse("t.docx", buildDocx(t, body, extra), testFuncs)
	if err != nil {
		t.Fatal(err)
	}
	out, err := tpl.Execute(data, Options{Lang: "ja"})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestLibreOfficeBreaksAndSections renders the break and section cases and checks the pages
// LibreOffice lays out: one item per page, the landscape section holding exactly its text.
func TestLibreOfficeBreaksAndSections(t *testing.T) {
	testsupport.NeedLibreOffice(t, "pdftotext", "pdfinfo")
	landscape := `<w:sectPr><w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/><w:pgMar w:top="1134" w:right="1134" w:bottom="1134" w:left="1134" w:header="709" w:footer="709" w:gutter="0"/></w:sectPr>`
	data := testData()
	data["people"] = []any{"Ito", "Sato", "Kato"}
	pkgs := map[string]*docx.Package{
		// Word: Ctrl+Enter after {{/each}}
		"word-break": render(t, p("{{#each people}}")+p("Pledge of {{ . }}")+tp("", "{{/each}}", pageBreak)+p("Signatures"), nil, data),
		// LibreOffice: "page break before" on the item, saved at the end of the {{#each}} paragraph
		"lo-break": render(t, p("Cover")+tp("", "{{#each people}}", pageBreak)+p("Pledge of {{ . }}")+p("{{/each}}"), nil, data),
		// a landscape section closed on the {{/each}} paragraph
		"section": render(t, p("Annex")+p("{{#each people}}")+p("Row of {{ . }}")+tp(landscape, "{{/each}}", "")+p("Portrait again"), nil, data),
		// the same with an empty list: the section still ends where it did
		"section-empty": render(t, p("Annex")+p("{{#each none}}")+p("Row of {{ . }}")+tp(landscape, "{{/each}}", "")+p("Portrait again"), nil, data),
		// rows repeated by a loop over two rows: every row keeps two cells
		"rows": render(t, table(row("{{#each rows}}{{ .id }}", "a"), row("b", "{{ .name }}{{/each}}")), nil, data),
		// a comment anchored on the loop's tag paragraph, copied per item; an emptied content control
		"comments": render(t, anchored("7", "{{#each items}}")+p("{{ . }}")+p("{{/each}}")+
			`<w:sdt><w:sdtPr/><w:sdtContent>`+p("{{#if off}}")+p("gone")+p("{{/if}}")+`</w:sdtContent></w:sdt>`+p("end"),
			withComments(comment("7", "on the block")), data),
		// lists numbered through styles restart in each repeated section
		"stylelist": render(t, p("{{#each rows}}")+p("{{ .id }}")+sp("ListNumber", "a")+sp("ListNumber", "b")+p("{{/each}}"), linked(map[string]string{
			"styles": listStyles, "numbering": listNumbering}), data),
		// clause headings of the document's running list continue through a loop of clauses
		"clauses": render(t, hp("Heading1", "first")+hp("Heading1", "second")+hp("Heading2", "fixed")+p("{{#each rows}}")+
			hp("Heading2", "clause {{ .id }}")+p("body {{ .name }}")+p("{{/each}}")+hp("Heading2", "after"), linked(map[string]string{
			"styles": headingStyles, "numbering": headingNumbering}), data),
		// a footnote on a repeated paragraph: each repeat has its note
		"notes": render(t, p("{{#each items}}")+`<w:p><w:r><w:t>item {{ . }}</w:t></w:r>`+noteRef("footnote", "1")+`</w:p>`+p("{{/each}}"), withNotes(), data),
	}
	// the header is shown through a section whose properties name it
	imgs, err := renderImagesWith(t, p("{{#each items}}")+p("{{ . }} {{ vars.logo | image \"30mm\" }}")+p("{{/each}}")+
		`<w:p><w:pPr><w:sectPr><w:headerReference w:type="default" r:id="rIdH"/></w:sectPr></w:pPr></w:p>`, p(`{{ image vars.logo "20mm" }}`),
		map[string][]byte{"img/logo.png": testPNG(t, 40, 20)}, map[string]string{
			"word/_rels/document.xml.rels": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rIdH" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/></Relationships>`})
	if err != nil {
		t.Fatal(err)
	}
	pkgs["images"] = imgs
	got := convertAll(t, pkgs)
	check := func(name string, want []string) {
		t.Helper()
		pp := got[name]
		if strings.Join(pp.text, "|") != strings.Join(want, "|") {
			t.Errorf("%s: pages %q, want %q", name, pp.text, want)
		}
	}
	if pp := got["images"]; len(pp.text) == 0 || pp.text[0] != "図面顧客名簿" {
		t.Errorf("images: pages %q", pp.text)
	}
	// two in the body, and the header's on each page (the last, empty section inherits it)
	if pp := got["images"]; pp.images != 2+len(pp.sizes) {
		t.Errorf("images: LibreOffice shows %d images on %d pages, want two in the body and one in each page's header", pp.images, len(pp.sizes))
	}
	check("comments", []string{"図面顧客名簿end"})
	// pdftotext puts list labels apart from their text; the labels must restart at 1.
	if pp := got["stylelist"]; len(pp.text) != 1 || !containsInOrder(pp.text[0], "TS-1", "1.", "2.", "TS-2", "1.", "2.") || strings.Contains(pp.text[0], "3.") {
		t.Errorf("stylelist: %q", pp.text)
	}
	if pp := got["clauses"]; len(pp.text) != 1 || !containsInOrder(pp.text[0], "2.1", "fixed", "2.2", "clauseTS-1", "2.3", "clauseTS-2", "2.4", "after") {
		t.Errorf("clauses: %q, want 2.1 fixed, 2.2 and 2.3 for the clauses, 2.4 after", pp.text)
	}
	if pp := got["notes"]; len(pp.text) != 1 || strings.Count(pp.text[0], "footnoteon山田商事株式会社") != 2 {
		t.Errorf("notes: %q, want the footnote's text under each of the two items", pp.text)
	}
	check("word-break", []string{"PledgeofIto", "PledgeofSato", "PledgeofKato", "Signatures"})
	check("lo-break", []string{"Cover", "PledgeofIto", "PledgeofSato", "PledgeofKato"})
	check("section", []string{"AnnexRowofItoRowofSatoRowofKato", "Portraitagain"})
	check("section-empty", []string{"Annex", "Portraitagain"})
	for _, name := range []string{"section", "section-empty"} {
		if s := got[name].sizes; len(s) != 2 || !landscapeSize(s[0]) || landscapeSize(s[1]) {
			t.Errorf("%s: page sizes %q, want landscape then portrait", name, s)
		}
	}
	if pp := got["rows"]; len(pp.text) != 1 || !containsInOrder(pp.text[0], "TS-1", "TS-2") || !strings.Contains(pp.text[0], "配合表") || strings.Count(pp.text[0], "a") != 2 {
		t.Errorf("rows: %q", pp.text)
	}
}

// hp is a paragraph of the given style.
func hp(style, text string) string {
	return `<w:p><w:pPr><w:pStyle w:val="` + style + `"/></w:pPr><w:r><w:t>` + text + `</w:t></w:r></w:p>`
}

func landscapeSize(s string) bool {
	var w, h int
	fmt.Sscanf(s, "%d x %d", &w, &h)
	return w > h
}

func containsInOrder(s string, parts ...string) bool {
	for _, p := range parts {
		i := strings.Index(s, p)
		if i < 0 {
			return false
		}
		s = s[i+len(p):]
	}
	return true
}

// linked adds word/<kind>.xml parts with the relationships and content types Word gives them.
func linked(parts map[string]string) map[string]string {
	out := map[string]string{}
	var rels, types strings.Builder
	n := 10
	for _, kind := range []string{"styles", "numbering", "comments"} {
		body, ok := parts[kind]
		if !ok {
			continue
		}
		n++
		out["word/"+kind+".xml"] = body
		fmt.Fprintf(&rels, `<Relationship Id="rId%d" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/%s" Target="%s.xml"/>`, n, kind, kind)
		fmt.Fprintf(&types, `<Override PartName="/word/%s.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.%s+xml"/>`, kind, kind)
	}
	out["word/_rels/document.xml.rels"] = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` + rels.String() + `</Relationships>`
	out["[Content_Types].xml"] = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>` + types.String() + `</Types>`
	return out
}
