package docxtmpl

import (
	"regexp"
	"strings"
	"testing"
)

const commentsHead = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:comments ` + wNS + ` xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml">`

// withComments adds a comments part, linked as Word links it (LibreOffice refuses a comment
// reference whose part is not linked).
func withComments(comments string) map[string]string {
	return linked(map[string]string{"comments": commentsHead + comments + `</w:comments>`})
}

func comment(id, text string) string {
	return `<w:comment w:id="` + id + `" w:author="Counsel"><w:p w14:paraId="1A2B3C4D"><w:r><w:t xml:space="preserve">` + text + `</w:t></w:r></w:p></w:comment>`
}

// anchored is a paragraph holding text with a whole comment anchored on it.
func anchored(id, text string) string {
	return `<w:p><w:commentRangeStart w:id="` + id + `"/><w:r><w:t>` + text + `</w:t></w:r><w:commentRangeEnd w:id="` + id + `"/><w:r><w:rPr><w:rStyle w:val="CommentReference"/></w:rPr><w:commentReference w:id="` + id + `"/></w:r></w:p>`
}

func renderParts(t *testing.T, body string, extra map[string]string) (doc, comments string) {
	t.Helper()
	out := render(t, body, extra, testData())
	d, _ := out.Read("word/document.xml")
	c, _ := out.Read("word/comments.xml")
	return string(d), string(c)
}

func TestComments(t *testing.T) {
	extra := withComments(comment("0", "Check with {{ company.address }}") + comment("7", "on the block"))
	// Tags in comments are filled, and listed for template check.
	tpl, err := Parse("t.docx", buildDocx(t, p("x"), extra), nil)
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, tag := range tpl.Tags() {
		found = found || tag.Part == "word/comments.xml" && tag.Tag == "{{ company.address }}"
	}
	if !found {
		t.Errorf("comment tag not listed: %v", tpl.Tags())
	}
	// A comment anchored on a loop's tag paragraph: the block stays a paragraph block (no blank
	// paragraph), the anchors go with the content, and each repeat gets its own comment.
	doc, cm := renderParts(t, anchored("7", "{{#each items}}")+p("{{ . }}")+p("{{/each}}")+anchored("0", "end"), extra)
	body := bodyOf(doc)
	if got := paras(body); strings.Join(got, "|") != "図面|顧客名簿|end" {
		t.Errorf("paragraphs %q", got)
	}
	if !strings.Contains(cm, "Check with 1-2-3 Marunouchi") {
		t.Errorf("comment tag not filled: %s", cm)
	}
	for _, id := range []string{"7", "8"} {
		for _, m := range []string{"commentRangeStart", "commentRangeEnd", "commentReference"} {
			if strings.Count(body, `<w:`+m+` w:id="`+id+`"/>`) != 1 {
				t.Errorf("want one %s of comment %s: %s", m, id, body)
			}
		}
		if strings.Count(cm, `<w:comment w:id="`+id+`"`) != 1 {
			t.Errorf("want comment %s once in comments.xml: %s", id, cm)
		}
	}
	if strings.Count(cm, "on the block") != 2 || strings.Count(cm, "w14:paraId") != 2 {
		t.Errorf("the repeat's comment should be a copy without the paragraph id: %s", cm)
	}
	// A block that is dropped takes its comment along: no orphaned anchor, no orphaned comment.
	doc, cm = renderParts(t, anchored("7", "{{#if off}}")+p("gone")+p("{{/if}}")+anchored("0", "end"), extra)
	if strings.Contains(doc, `w:id="7"`) || strings.Contains(cm, `w:id="7"`) || !strings.Contains(cm, `w:id="0"`) {
		t.Errorf("dropped block's comment left behind:\n%s\n%s", bodyOf(doc), cm)
	}
	if got := paras(bodyOf(doc)); strings.Join(got, "|") != "end" {
		t.Errorf("paragraphs %q", got)
	}
}

func TestEmptyContentControlKeepsAParagraph(t *testing.T) {
	got := mustRun(t, `<w:sdt><w:sdtPr><w:alias w:val="Clause"/></w:sdtPr><w:sdtContent>`+p("{{#if off}}")+p("gone")+p("{{/if}}")+`</w:sdtContent></w:sdt>`, "ja")
	if !strings.Contains(got, `<w:sdtContent><w:p/></w:sdtContent>`) {
		t.Errorf("content control left empty: %s", got)
	}
	got = mustRun(t, `<w:sdt><w:sdtPr/><w:sdtContent>`+p("{{#if on}}")+p("kept")+p("{{/if}}")+`</w:sdtContent></w:sdt>`, "ja")
	if strings.Contains(got, `<w:p/>`) || !strings.Contains(got, "kept") {
		t.Errorf("a filled content control needs no extra paragraph: %s", got)
	}
}

func TestRepeatedIDsAreMadeUnique(t *testing.T) {
	drawing := `<w:r><w:drawing><wp:inline xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"><wp:extent cx="1" cy="1"/><wp:docPr id="3" name="Logo"/></wp:inline></w:drawing></w:r>`
	body := p("{{#each rows}}") + `<w:p><w:bookmarkStart w:id="5" w:name="clause"/><w:r><w:t>{{ .id }}</w:t></w:r>` + drawing + `<w:bookmarkEnd w:id="5"/></w:p>` + p("{{/each}}") +
		`<w:p>` + strings.Replace(drawing, `id="3"`, `id="4"`, 1) + `</w:p>`
	got := mustRun(t, body, "ja")
	ids := regexp.MustCompile(`<wp:docPr id="(\d+)"`).FindAllStringSubmatch(got, -1)
	seen := map[string]bool{}
	for _, m := range ids {
		if seen[m[1]] {
			t.Errorf("drawing id %s twice: %s", m[1], got)
		}
		seen[m[1]] = true
	}
	if len(ids) != 3 || !seen["3"] || !seen["4"] {
		t.Errorf("want ids 3, 4 and a new one, got %v", ids)
	}
	if !strings.Contains(got, `<w:bookmarkStart w:id="5" w:name="clause"/>`) || !strings.Contains(got, `<w:bookmarkStart w:id="6" w:name="clause_2"/>`) ||
		strings.Count(got, `<w:bookmarkEnd w:id="5"/>`) != 1 || strings.Count(got, `<w:bookmarkEnd w:id="6"/>`) != 1 {
		t.Errorf("bookmarks not made unique: %s", got)
	}
}

// withNotes adds footnotes and endnotes parts (note 1 of each), linked as Word links them.
func withNotes() map[string]string {
	note := func(kind string) string {
		return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:` + kind + `s ` + wNS + ` xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml">` +
			`<w:` + kind + ` w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:` + kind + `>` +
			`<w:` + kind + ` w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:` + kind + `>` +
			`<w:` + kind + ` w:id="1"><w:p w14:paraId="0A0B0C0D"><w:r><w:` + kind + `Ref/></w:r><w:r><w:t xml:space="preserve"> ` + kind + ` on {{ company.name }}</w:t></w:r></w:p></w:` + kind + `>` +
			`</w:` + kind + `s>`
	}
	return map[string]string{
		"word/footnotes.xml":           note("footnote"),
		"word/endnotes.xml":            note("endnote"),
		"word/_rels/document.xml.rels": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId11" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes" Target="footnotes.xml"/><Relationship Id="rId12" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/endnotes" Target="endnotes.xml"/></Relationships>`,
		"[Content_Types].xml": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>` +
			`<Override PartName="/word/footnotes.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/><Override PartName="/word/endnotes.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.endnotes+xml"/></Types>`,
	}
}

func noteRef(kind, id string) string {
	return `<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:` + kind + `Reference w:id="` + id + `"/></w:r>`
}

// A note reference in a loop was copied with its id: two references to one note. LibreOffice
// numbered them 1 and 2 and left note 2 empty; Word has one note for two marks. Each repeat
// of a reference gets a note of its own, a copy of the template's (filled) note.
func TestRepeatedNoteReferencesGetTheirOwnNotes(t *testing.T) {
	body := p("{{#each items}}") + `<w:p><w:r><w:t>item {{ . }}</w:t></w:r>` + noteRef("footnote", "1") + noteRef("endnote", "1") + `</w:p>` + p("{{/each}}") + p("after")
	out := render(t, body, withNotes(), testData())
	d, _ := out.Read("word/document.xml")
	doc := string(d)
	for _, kind := range []string{"footnote", "endnote"} {
		b, _ := out.Read("word/" + kind + "s.xml")
		notes := string(b)
		if strings.Count(doc, `<w:`+kind+`Reference w:id="1"/>`) != 1 || strings.Count(doc, `<w:`+kind+`Reference w:id="2"/>`) != 1 {
			t.Errorf("%s references not made unique: %s", kind, bodyOf(doc))
		}
		text := kind + ` on 山田商事株式会社`
		if strings.Count(notes, `<w:`+kind+` w:id="1">`) != 1 || strings.Count(notes, `<w:`+kind+` w:id="2">`) != 1 || strings.Count(notes, text) != 2 {
			t.Errorf("want %s 1 and a filled copy 2: %s", kind, notes)
		}
		if strings.Count(notes, `w14:paraId`) != 1 {
			t.Errorf("the copy must not repeat the paragraph id: %s", notes)
		}
	}
	// a reference written once is left alone, and so are the notes part
	out = render(t, p("{{#each items}}")+p("{{ . }}")+p("{{/each}}")+`<w:p><w:r><w:t>x</w:t></w:r>`+noteRef("footnote", "1")+`</w:p>`, withNotes(), testData())
	b, _ := out.Read("word/footnotes.xml")
	if strings.Count(string(b), `<w:footnote w:id=`) != 1 {
		t.Errorf("a single reference got a copy: %s", b)
	}
}

// A loop copied a content control's id and an editing-permission range's id with the control:
// three controls of one id (macros and bindings find controls by id; Word keeps them unique)
// and three ranges Word cannot tell apart. Each repeat now gets ids of its own; the first copy
// and everything outside loops keep theirs.
func TestRepeatedControlAndPermissionIDsAreMadeUnique(t *testing.T) {
	control := `<w:sdt><w:sdtPr><w:id w:val="-1849211"/><w:text/></w:sdtPr><w:sdtContent><w:r><w:t>{{ . }}</w:t></w:r></w:sdtContent></w:sdt>`
	perm := `<w:permStart w:id="7" w:edGrp="everyone"/><w:r><w:t> editable</w:t></w:r><w:permEnd w:id="7"/>`
	body := p("{{#each items}}") + `<w:p>` + control + perm + `</w:p>` + p("{{/each}}") +
		`<w:p><w:sdt><w:sdtPr><w:id w:val="1"/></w:sdtPr><w:sdtContent><w:r><w:t>outside</w:t></w:r></w:sdtContent></w:sdt></w:p>`
	got := mustRun(t, body, "ja")
	ids := regexp.MustCompile(`<w:id w:val="(-?\d+)"/>`).FindAllStringSubmatch(got, -1)
	var vals []string
	for _, m := range ids {
		vals = append(vals, m[1])
	}
	// testData has two items: the first copy keeps its id, the second takes the first free
	// number (1 is the control outside the loop).
	if strings.Join(vals, ",") != "-1849211,2,1" {
		t.Errorf("content control ids %v, want -1849211,2,1:\n%s", vals, got)
	}
	starts := regexp.MustCompile(`<w:permStart w:id="(\d+)"`).FindAllStringSubmatch(got, -1)
	ends := regexp.MustCompile(`<w:permEnd w:id="(\d+)"`).FindAllStringSubmatch(got, -1)
	if len(starts) != 2 || len(ends) != 2 || starts[0][1] != "7" || ends[0][1] != "7" || starts[1][1] == "7" || starts[1][1] != ends[1][1] {
		t.Errorf("permission ranges %v … %v, want 7…7 and a new id at both ends of the second:\n%s", starts, ends, got)
	}
}
