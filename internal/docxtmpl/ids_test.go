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
