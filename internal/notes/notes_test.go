package notes

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/tsdraft/tsdraft/internal/docx"
	wx "github.com/tsdraft/tsdraft/internal/wordxml"
)

const w = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"`

// pkgWith builds a minimal DOCX whose body holds paras (w:p elements), plus extra parts.
func pkgWith(t *testing.T, paras string, extra map[string]string) *docx.Package {
	t.Helper()
	parts := map[string]string{
		"[Content_Types].xml":          `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`,
		"_rels/.rels":                  `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`,
		"word/_rels/document.xml.rels": `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>`,
		"word/document.xml":            `<?xml version="1.0"?><w:document ` + w + `><w:body>` + paras + `</w:body></w:document>`,
	}
	for k, v := range extra {
		parts[k] = v
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, name := range []string{"[Content_Types].xml", "_rels/.rels", "word/_rels/document.xml.rels", "word/document.xml", "word/comments.xml", "word/header1.xml"} {
		if s, ok := parts[name]; ok {
			f, _ := zw.Create(name)
			f.Write([]byte(s))
		}
	}
	zw.Close()
	p, err := docx.Open("t.docx", buf.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func para(style, lang, text string) string {
	ppr := ""
	if style != "" {
		ppr = `<w:pPr><w:pStyle w:val="` + style + `"/></w:pPr>`
	}
	return `<w:p>` + ppr + `<w:r><w:rPr><w:lang w:val="` + lang + `"/></w:rPr><w:t xml:space="preserve">` + text + `</w:t></w:r></w:p>`
}

// styled is a paragraph whose language is a character style, as render writes it.
func styled(style, langStyle, text string) string {
	ppr := ""
	if style != "" {
		ppr = `<w:pPr><w:pStyle w:val="` + style + `"/></w:pPr>`
	}
	return `<w:p>` + ppr + `<w:r><w:rPr><w:rStyle w:val="` + langStyle + `"/></w:rPr><w:t xml:space="preserve">` + text + `</w:t></w:r></w:p>`
}

func read(t *testing.T, p *docx.Package, name string) string {
	t.Helper()
	b, err := p.Read(name)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

var idAttr = regexp.MustCompile(`<w:(commentRangeStart|commentRangeEnd|commentReference|comment) w:id="(\d+)"`)

// anchorsPaired checks that every comment has exactly one range start, range end and
// reference in the body, in that order, and that nothing refers to a missing comment; it
// returns "author: text" by comment ID.
func anchorsPaired(t *testing.T, body, comments string) map[string]string {
	t.Helper()
	count := map[string]map[string]int{}
	pos := map[string]map[string]int{}
	for _, src := range []string{body, comments} {
		for _, m := range idAttr.FindAllStringSubmatchIndex(src, -1) {
			kind, id := src[m[2]:m[3]], src[m[4]:m[5]]
			if count[id] == nil {
				count[id], pos[id] = map[string]int{}, map[string]int{}
			}
			count[id][kind]++
			if src == body {
				pos[id][kind] = m[0]
			}
		}
	}
	for id, c := range count {
		for _, k := range []string{"commentRangeStart", "commentRangeEnd", "commentReference", "comment"} {
			if c[k] != 1 {
				t.Errorf("comment %s: %d %s, want 1", id, c[k], k)
			}
		}
		if !(pos[id]["commentRangeStart"] < pos[id]["commentRangeEnd"] && pos[id]["commentRangeEnd"] < pos[id]["commentReference"]) {
			t.Errorf("comment %s: start, end and reference out of order", id)
		}
	}
	texts := map[string]string{}
	root, err := wx.Parse([]byte(comments))
	if err != nil {
		t.Fatalf("comments.xml: %v", err)
	}
	var walk func(n *wx.Node)
	walk = func(n *wx.Node) {
		for _, c := range n.Children {
			if c.Kind == wx.Elem && c.Name == "w:comment" {
				id, _ := c.Attr("w:id")
				a, _ := c.Attr("w:author")
				texts[id] = a + ": " + wx.PlainText(c)
				continue
			}
			walk(c)
		}
	}
	walk(root)
	return texts
}

func TestApplyComments(t *testing.T) {
	set := &Set{}
	m0 := set.Add(Note{Kind: Explain, Key: "law.note_basis", Clause: "law.basis", Lang: "en", Text: "Why: Tillman v Egon Zehnder & co <2019>."})
	m1 := set.Add(Note{Kind: Open, Key: "law.open_basis", Clause: "law.basis", Lang: "en", Text: "Decide.", Label: "[For counsel]"})
	m2 := set.Add(Note{Kind: Explain, Key: "law.note_exec", Clause: "law.exec", Lang: "ja", Text: "署名の注記"})
	body := para("Heading1", "en-GB", "Article 1 Purpose") +
		para("", "en-GB", "The Employee acknowledges."+m0+m1) +
		para("Heading1", "ja-JP", "第1条（目的）") +
		`<w:tbl><w:tr><w:tc>` + para("", "ja-JP", "署名"+m2) + `</w:tc></w:tr></w:tbl>`
	pkg := pkgWith(t, body, nil)
	got, err := Apply(pkg, set, Options{Comments: true, RunProps: func(l string) string { return `<w:rPr><w:lang w:val="` + l + `"/></w:rPr>` }})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 3 || got[0].Key != "law.note_basis" || got[2].Key != "law.note_exec" {
		t.Fatalf("notes = %+v", got)
	}
	if got[0].Heading != "Article 1 Purpose" || got[0].Excerpt != "The Employee acknowledges." || got[2].Heading != "第1条（目的）" {
		t.Errorf("places: %q %q %q", got[0].Heading, got[0].Excerpt, got[2].Heading)
	}
	doc := read(t, pkg, "word/document.xml")
	if strings.ContainsAny(doc, "\uE000\uE001") || strings.Contains(doc, "Tillman") {
		t.Errorf("marks or note text left in the body:\n%s", doc)
	}
	comments := read(t, pkg, "word/comments.xml")
	for _, part := range []string{doc, comments} {
		if err := docx.WellFormed([]byte(part)); err != nil {
			t.Fatal(err)
		}
	}
	texts := anchorsPaired(t, doc, comments)
	want := map[string]string{"0": "tsdraft: Why: Tillman v Egon Zehnder & co <2019>.", "1": "tsdraft: [For counsel]Decide.", "2": "tsdraft: 署名の注記"}
	for id, w := range want {
		if texts[id] != w {
			t.Errorf("comment %s = %q, want %q", id, texts[id], w)
		}
	}
	if !strings.Contains(comments, `<w:lang w:val="ja"/>`) {
		t.Error("comment runs carry no language")
	}
	if !strings.Contains(read(t, pkg, "word/_rels/document.xml.rels"), `relationships/comments" Target="comments.xml"`) {
		t.Error("no relationship to comments.xml")
	}
	if !strings.Contains(read(t, pkg, "[Content_Types].xml"), `PartName="/word/comments.xml" ContentType="`+commentsType+`"`) {
		t.Error("no content type for comments.xml")
	}
	if err := pkg.Check(); err != nil {
		t.Fatal(err)
	}
}

func TestApplyKeepsTheTemplatesComments(t *testing.T) {
	set := &Set{}
	m := set.Add(Note{Kind: Explain, Key: "a.note_b", Clause: "a.b", Lang: "en", Text: "ours"})
	theirs := `<?xml version="1.0"?><w:comments ` + w + `><w:comment w:id="4" w:author="Counsel"><w:p><w:r><w:t>theirs</w:t></w:r></w:p></w:comment></w:comments>`
	body := `<w:p><w:commentRangeStart w:id="4"/><w:r><w:t>x</w:t></w:r><w:commentRangeEnd w:id="4"/><w:r><w:commentReference w:id="4"/></w:r></w:p>` + para("", "en-GB", "clause"+m)
	pkg := pkgWith(t, body, map[string]string{
		"word/comments.xml":            theirs,
		"[Content_Types].xml":          `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/comments.xml" ContentType="` + commentsType + `"/></Types>`,
		"word/_rels/document.xml.rels": `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rIdTsdraftNotes" Type="http://example.com/other" Target="x.xml"/><Relationship Id="rId9" Type="` + commentsRel + `" Target="comments.xml"/></Relationships>`,
	})
	if _, err := Apply(pkg, set, Options{Comments: true}); err != nil {
		t.Fatal(err)
	}
	comments := read(t, pkg, "word/comments.xml")
	texts := anchorsPaired(t, read(t, pkg, "word/document.xml"), comments)
	if texts["4"] != "Counsel: theirs" || texts["5"] != "tsdraft: ours" {
		t.Errorf("comments = %v, want theirs as 4 and ours as 5", texts)
	}
	if n := strings.Count(read(t, pkg, "word/_rels/document.xml.rels"), commentsRel); n != 1 {
		t.Errorf("%d comments relationships, want 1", n)
	}
	if n := strings.Count(read(t, pkg, "[Content_Types].xml"), "/word/comments.xml"); n != 1 {
		t.Errorf("%d content types for comments.xml, want 1", n)
	}
}

func TestApplyWithoutCommentsOnlyStrips(t *testing.T) {
	set := &Set{}
	m := set.Add(Note{Kind: Explain, Key: "a.note_b", Clause: "a.b", Lang: "en", Text: "n"})
	hdr := `<?xml version="1.0"?><w:hdr ` + w + `>` + para("", "en-GB", "Header"+set.Add(Note{Kind: Explain, Key: "a.note_h", Clause: "a.h", Lang: "en", Text: "h"})) + `</w:hdr>`
	pkg := pkgWith(t, para("", "en-GB", "clause"+m), map[string]string{"word/header1.xml": hdr})
	got, err := Apply(pkg, set, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || got[0].Part != "word/document.xml" || got[1].Part != "word/header1.xml" {
		t.Errorf("notes = %+v", got)
	}
	if pkg.Has("word/comments.xml") {
		t.Error("comments.xml written without Options.Comments")
	}
	for _, part := range []string{"word/document.xml", "word/header1.xml"} {
		if s := read(t, pkg, part); strings.ContainsAny(s, "\uE000\uE001") {
			t.Errorf("%s keeps marks", part)
		}
	}
}

// A profile value can hold any character: marks it forges are refused, never turned into
// comments or dropped silently.
func TestApplyRefusesForgedMarks(t *testing.T) {
	for _, tc := range []struct{ name, text, want string }{
		{"twice", "a" + Mark(0) + "b" + Mark(0), "twice"},
		{"unknown", "a" + Mark(0) + Mark(7), "did not write"},
		{"stray open", "a" + Mark(0) + "\uE000x", "U+E000"},
		{"stray close", "a\uE001" + Mark(0), "U+E001"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			set := &Set{}
			set.Add(Note{Kind: Explain, Key: "a.note_b", Clause: "a.b", Lang: "en", Text: "n"})
			_, err := Apply(pkgWith(t, para("", "en-GB", tc.text), nil), set, Options{Comments: true})
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("err = %v, want one containing %q", err, tc.want)
			}
		})
	}
	t.Run("lost", func(t *testing.T) {
		set := &Set{}
		set.Add(Note{Kind: Explain, Key: "a.note_b", Clause: "a.b", Lang: "en", Text: "n"})
		_, err := Apply(pkgWith(t, para("", "en-GB", "no mark"), nil), set, Options{Comments: true})
		if err == nil || !strings.Contains(err.Error(), "no place") {
			t.Fatalf("err = %v", err)
		}
	})
}

func TestKeyFor(t *testing.T) {
	for _, tc := range []struct {
		kind   Kind
		clause string
		want   string
		ok     bool
	}{
		{Explain, "law.noncompete_basis", "law.note_noncompete_basis", true},
		{Open, "law.execution", "law.open_execution", true},
		{Explain, "nda-partner.closing", "nda-partner.note_closing", true},
		{Explain, "law.note_execution", "", false}, // notes have no notes
		{Open, "law.open_execution", "", false},
		{Explain, "nodot", "", false},
		{Explain, ".x", "", false},
		{Explain, "x.", "", false},
	} {
		got, ok := KeyFor(tc.kind, tc.clause)
		if got != tc.want || ok != tc.ok {
			t.Errorf("KeyFor(%s, %q) = %q, %v; want %q, %v", tc.kind, tc.clause, got, ok, tc.want, tc.ok)
		}
	}
}

func TestParseMode(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want Mode
		ok   bool
	}{{"comments", Comments, true}, {"memo", Memo, true}, {"none", None, true}, {"", "", false}, {"Comments", "", false}, {"comment", "", false}} {
		got, err := ParseMode(tc.in)
		if got != tc.want || (err == nil) != tc.ok {
			t.Errorf("ParseMode(%q) = %q, %v", tc.in, got, err)
		}
		var unknown *UnknownModeError
		if !tc.ok && (!errors.As(err, &unknown) || unknown.Value != tc.in || strings.Contains(err.Error(), "--") ||
			err.Error() != fmt.Sprintf("unknown notes mode %q; use comments, memo or none", tc.in)) {
			t.Errorf("ParseMode(%q) error = %v, want an *UnknownModeError naming no flag", tc.in, err)
		}
	}
}

// FuzzStrip: any text either strips to one without mark characters, or reports the stray one.
func FuzzStrip(f *testing.F) {
	for _, s := range []string{"", "plain", "\xee\x80" + Mark(0) + "\x81", "a" + Mark(0), Mark(1) + Mark(22) + "x", "\uE000", "\uE0011\uE001", "\uE000" + "1234567\uE001", "日本語" + Mark(3)} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		out, ids, bad := strip(s)
		if bad == 0 && strings.ContainsAny(out, "\uE000\uE001") {
			t.Fatalf("strip(%q) = %q keeps a mark character without reporting it", s, out)
		}
		if bad != 0 && bad != '\uE000' && bad != '\uE001' {
			t.Fatalf("bad = %U", bad)
		}
		// Removing a mark can join the bytes of invalid UTF-8 around it into a mark character;
		// strip reports that as bad, so the count only holds for valid text.
		if utf8.ValidString(s) && len(ids) != strings.Count(s, "\uE001")-strings.Count(out, "\uE001") {
			t.Fatalf("strip(%q): %d ids for %d removed marks", s, len(ids), strings.Count(s, "\uE001")-strings.Count(out, "\uE001"))
		}
	})
}

// TestHeadingInTheNotesLanguage: in an interleaved bilingual document (each heading in both
// languages, each language a character style) a note takes the heading of its own language,
// not the other language's heading that follows (the memo printed Japanese headings over the
// Chinese and German notes).
func TestHeadingInTheNotesLanguage(t *testing.T) {
	set := &Set{}
	zh := set.Add(Note{Kind: Open, Key: "x.open_a", Clause: "x.a", Lang: "zh-CN", Text: "请确认", Label: "[律师]"})
	ja := set.Add(Note{Kind: Open, Key: "x.open_a", Clause: "x.a", Lang: "ja", Text: "確認", Label: "[弁護士]"})
	body := styled("Heading1", "LangZhCN", "第十条 争议解决") + styled("Heading1", "LangJaSecond", "第10条（紛争解決）") +
		styled("", "LangZhCN", "送达地址"+zh) + styled("", "LangJaSecond", "送達先"+ja)
	got, err := Apply(pkgWith(t, body, nil), set, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || got[0].Heading != "第十条 争议解决" || got[1].Heading != "第10条（紛争解決）" {
		t.Errorf("headings: %+v", got)
	}
}
