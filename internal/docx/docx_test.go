package docx

import (
	"archive/zip"
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func zipOf(t *testing.T, parts map[string]string, order ...string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, n := range order {
		w, err := zw.Create(n)
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte(parts[n]))
	}
	zw.Close()
	return buf.Bytes()
}

const ct = `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="a"/><Default Extension="xml" ContentType="b"/></Types>`

func minimal(t *testing.T, doc string) []byte {
	return zipOf(t, map[string]string{
		"[Content_Types].xml":          ct,
		"_rels/.rels":                  `<Relationships xmlns="r"><Relationship Id="rId1" Type="t" Target="word/document.xml"/></Relationships>`,
		"word/document.xml":            doc,
		"word/_rels/document.xml.rels": `<Relationships xmlns="r"><Relationship Id="rId1" Type="t" Target="header1.xml"/><Relationship Id="rId2" Type="h" Target="https://example.invalid/" TargetMode="External"/></Relationships>`,
		"word/header1.xml":             `<w:hdr xmlns:w="w"/>`,
	}, "[Content_Types].xml", "_rels/.rels", "word/document.xml", "word/_rels/document.xml.rels", "word/header1.xml")
}

func TestOpenSetWriteVerify(t *testing.T) {
	pkg, err := Open("t.docx", minimal(t, `<w:document xmlns:w="w"><w:body/></w:document>`))
	if err != nil {
		t.Fatal(err)
	}
	clone := pkg.Clone()
	clone.Set("word/header1.xml", []byte(`<w:hdr xmlns:w="w"><w:p/></w:hdr>`))
	orig, _ := pkg.Read("word/header1.xml")
	if strings.Contains(string(orig), "<w:p/>") {
		t.Fatal("setting a part of a clone changed the original")
	}
	a, err := clone.Bytes()
	if err != nil {
		t.Fatal(err)
	}
	b, _ := clone.Bytes()
	if !bytes.Equal(a, b) {
		t.Fatal("writing twice gave different bytes")
	}
	if err := Verify(a); err != nil {
		t.Fatal(err)
	}
	back, err := Open("back.docx", a)
	if err != nil {
		t.Fatal(err)
	}
	if got, _ := back.Read("word/header1.xml"); string(got) != `<w:hdr xmlns:w="w"><w:p/></w:hdr>` {
		t.Fatalf("header after round trip: %s", got)
	}
	if strings.Join(back.Names(), ",") != "[Content_Types].xml,_rels/.rels,word/document.xml,word/_rels/document.xml.rels,word/header1.xml" {
		t.Errorf("part order changed: %v", back.Names())
	}
}

func TestOpenRejects(t *testing.T) {
	if _, err := Open("x.docx", []byte("not a zip")); err == nil || !strings.Contains(err.Error(), "x.docx") {
		t.Errorf("want an error naming the file, got %v", err)
	}
}

func TestVerifyFindsProblems(t *testing.T) {
	cases := map[string][]byte{
		"not well-formed": minimal(t, `<w:document xmlns:w="w"><w:body></w:document>`),
		"is not in the package": zipOf(t, map[string]string{
			"[Content_Types].xml": ct,
			"_rels/.rels":         `<Relationships><Relationship Id="a" Target="word/missing.xml"/></Relationships>`,
		}, "[Content_Types].xml", "_rels/.rels"),
		"no content type": zipOf(t, map[string]string{"[Content_Types].xml": ct, "media/a.png": "x"}, "[Content_Types].xml", "media/a.png"),
		"does not reopen": []byte("PK garbage"),
	}
	for want, data := range cases {
		if err := Verify(data); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("want %q, got %v", want, err)
		}
	}
}

func TestWellFormed(t *testing.T) {
	good := []string{`<?xml version="1.0"?><a x="1" y='2'><b/>t &amp; &#x41; &lt;<!-- c --><![CDATA[<>]]></a>`, "<a>\n</a>\n"}
	bad := map[string]string{
		`<a><b></a>`:         "</a>",
		`<a x=1/>`:           "unquoted",
		`<a>&nbsp;</a>`:      "unknown entity",
		`<a>x & y</a>`:       "bare '&'",
		"<a>\x01</a>":        "control character",
		`<a/><b/>`:           "more than one root",
		`<a>`:                "never closed",
		``:                   "no root",
		`<a x="<"/>`:         "'<' in an attribute",
		`text<a/>`:           "outside the root",
		"<a>\n\n<b></c></a>": "line 3",
	}
	for _, s := range good {
		if err := WellFormed([]byte(s)); err != nil {
			t.Errorf("%q: %v", s, err)
		}
	}
	for s, want := range bad {
		if err := WellFormed([]byte(s)); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%q: want %q, got %v", s, want, err)
		}
	}
}

func TestWriteFileIsAtomicAndNeverOverwrites(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "out.docx")
	if err := WriteFile(p, []byte("one"), false, nil); err != nil {
		t.Fatal(err)
	}
	err := WriteFile(p, []byte("two"), false, nil)
	if _, ok := err.(*ErrExists); !ok {
		t.Fatalf("want ErrExists, got %v", err)
	}
	if b, _ := os.ReadFile(p); string(b) != "one" {
		t.Fatal("existing file changed")
	}
	if err := WriteFile(p, []byte("bad"), true, func([]byte) error { return os.ErrInvalid }); err == nil {
		t.Fatal("verification failure not reported")
	}
	if b, _ := os.ReadFile(p); string(b) != "one" {
		t.Fatal("a file that failed verification replaced the old one")
	}
	if err := WriteFile(p, []byte("three"), true, nil); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(p); string(b) != "three" {
		t.Fatal("--force did not replace the file")
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("temporary files left behind: %v", entries)
	}
	if err := WriteFile(filepath.Join(dir, "no", "such", "dir.docx"), []byte("x"), false, nil); err == nil {
		t.Error("writing into a missing directory should fail")
	}
}

func TestCheckBeforeWriting(t *testing.T) {
	pkg, err := Open("t.docx", minimal(t, `<w:document xmlns:w="w"><w:body/></w:document>`))
	if err != nil {
		t.Fatal(err)
	}
	if err := pkg.Check(); err != nil {
		t.Fatal(err)
	}
	bad := pkg.Clone()
	bad.Set("word/document.xml", []byte(`<w:document xmlns:w="w"><w:body></w:document>`))
	if err := bad.Check(); err == nil || !strings.Contains(err.Error(), "word/document.xml is not well-formed") {
		t.Errorf("want a well-formedness error, got %v", err)
	}
	b, err := pkg.Bytes()
	if err != nil {
		t.Fatal(err)
	}
	if err := Reopens(b); err != nil {
		t.Fatal(err)
	}
	if err := Reopens(b[:len(b)-10]); err == nil {
		t.Error("a truncated archive reopened")
	}
}

// Bytes grows its buffer once to sizeHint: a guess far off would make every document of a
// batch grow and copy its zip again (or hold memory it does not use).
func TestSizeHintIsNearTheZipSize(t *testing.T) {
	// Text as varied as a pledge's (a document of one repeated sentence deflates far better).
	var body strings.Builder
	x := uint32(1)
	for i := range 200 {
		var text []rune
		for range 40 {
			x = x*1664525 + 1013904223
			text = append(text, rune(0x4E00+x>>24))
		}
		fmt.Fprintf(&body, `<w:p><w:pPr><w:pStyle w:val="Body%d"/></w:pPr><w:r><w:rPr><w:lang w:val="ja-JP"/></w:rPr><w:t>%s</w:t></w:r></w:p>`, i%5, string(text))
	}
	doc := `<w:document xmlns:w="w"><w:body>` + body.String() + `</w:body></w:document>`
	pkg, err := Open("t.docx", minimal(t, doc))
	if err != nil {
		t.Fatal(err)
	}
	for _, changed := range []bool{false, true} {
		p := pkg.Clone()
		if changed { // a filled part: deflated when written, where an unchanged one is copied
			p.Set("word/document.xml", []byte(doc))
		}
		b, err := p.Bytes()
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("changed %v: hint %d, zip %d", changed, p.sizeHint(), len(b))
		if hint := p.sizeHint(); hint < len(b)*2/3 || hint > len(b)*2 {
			t.Errorf("document changed %v: hint %d bytes for a zip of %d", changed, hint, len(b))
		}
	}
}
