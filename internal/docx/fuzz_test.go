package docx

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"slices"
	"strings"
	"testing"
	"time"
)

// stdXML reads b with encoding/xml, strictly, as a whole document: balanced elements, one root,
// no text outside it. It is the reference the byte scanner is held to.
func stdXML(b []byte) error {
	d := xml.NewDecoder(bytes.NewReader(bytes.TrimPrefix(b, []byte("\uFEFF"))))
	d.Strict = true
	depth, roots := 0, 0
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if depth == 0 {
				roots++
			}
			depth++
		case xml.EndElement:
			depth--
		case xml.CharData:
			if depth == 0 && len(bytes.TrimLeft(t, " \t\r\n")) > 0 {
				return errors.New("text outside the root")
			}
		case xml.Directive:
			return errors.New("directive")
		}
	}
	if roots != 1 {
		return errors.New("not one root")
	}
	return nil
}

// FuzzWellFormed holds the verifier's byte scanner to encoding/xml: what the scanner accepts,
// encoding/xml reads as one well-formed document. (The converse does not hold by design: the
// scanner refuses DOCTYPE, which encoding/xml reads as a directive, and is stricter in a few
// places listed in the test below.)
func FuzzWellFormed(f *testing.F) {
	for _, s := range []string{
		`<?xml version="1.0"?><a x="1" y='2'><b/>t &amp; &#x41; &lt;<!-- c --><![CDATA[<>]]></a>`,
		`<w:document xmlns:w="w"><w:body><w:p><w:r><w:t xml:space="preserve"> a </w:t></w:r></w:p></w:body></w:document>`,
		`<a><b></a>`, `<a x=1/>`, `<a>&nbsp;</a>`, "<a>\x01</a>", `<a/><b/>`, `<!DOCTYPE a [<!ENTITY x "y">]><a>&x;</a>`,
		`<a x="&#0;"/>`, `<a>&#xD800;</a>`, `<1a/>`, `<a:b:c/>`, `<a x="1" x="2"/>`, "<a>]]></a>", `<a><?pi x?></a>`,
		`<a>&#99999999;</a>`, "<a\u00a0/>", "\ufeff<a/>", `<a b="c"d="e"/>`, `<?xml version="1.0" encoding="Shift_JIS"?><a/>`,
		`<a b="1" c='2'><!-- c --><![CDATA[x<y]]><b/>&#x41;&#65;</a>`, `<a><b></a></b>`, `<a>&unknown;</a>`, `text<a/>`,
		`<a b=c/>`, `<!DOCTYPE a><a/>`, `<?xml version="1.0" encoding="UTF-16"?><a/>`, `<a:b xmlns:a="u"></a:b>`,
		`<a></A>`, `<a b="<"/>`, "<a\t/>",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		err := WellFormed(b)
		if err != nil {
			if !strings.HasPrefix(err.Error(), "line ") {
				t.Fatalf("error without a line: %v", err)
			}
			return
		}
		if serr := stdXML(b); serr != nil {
			t.Fatalf("the verifier accepts what encoding/xml refuses (%v):\n%q", serr, b)
		}
	})
}

// FuzzOpen: any bytes given as a template either are refused with the file's name, or open
// into a package that checks, writes and verifies.
func FuzzOpen(f *testing.F) {
	t := &testing.T{}
	f.Add(minimal(t, `<w:document xmlns:w="w"><w:body/></w:document>`))
	f.Add(minimal(t, `<w:document xmlns:w="w"><w:body></w:document>`))
	f.Add(storeMain(t))
	f.Add([]byte("PK\x03\x04"))
	f.Fuzz(func(t *testing.T, b []byte) {
		// A hang is a failure too: the fuzzer keeps the input of a crashed worker.
		watchdog := time.AfterFunc(10*time.Second, func() { panic("Open took more than 10 s on one input") })
		defer watchdog.Stop()
		pkg, err := OpenWithLimits("t.docx", b, Limits{Part: 1 << 20, Total: 4 << 20, Ratio: 100, RatioFrom: 64 << 10, Entries: 100, Depth: 64})
		if err != nil {
			if !strings.HasPrefix(err.Error(), "t.docx: ") {
				t.Fatalf("error without the file's name: %v", err)
			}
			return
		}
		if err := pkg.Check(); err != nil {
			// Relationship targets and content types are checked on output only.
			return
		}
		out, err := pkg.Bytes()
		if err != nil {
			t.Fatalf("an opened package does not write: %v", err)
		}
		if err := Verify(out); err != nil {
			t.Fatalf("a checked package does not verify once written: %v", err)
		}
		if _, err := Open("again.docx", out); err != nil {
			t.Fatalf("a written package does not open again: %v", err)
		}
	})
}

// FuzzPackage builds a template from a minimal package plus one entry of any name and content
// (and any main part): Open refuses it with the file's name, or what it opens checks, writes,
// verifies and opens again with the same parts.
func FuzzPackage(f *testing.F) {
	f.Add(`<w:document xmlns:w="w"><w:body/></w:document>`, "word/media/a.png", []byte("x"), false)
	f.Add(`<w:document xmlns:w="w"><w:body/></w:document>`, "../evil.xml", []byte("<a/>"), true)
	f.Add(`<w:document xmlns:w="w"><w:body/></w:document>`, "word/styles.xml", []byte(`<!DOCTYPE a [<!ENTITY b "c">]><a>&b;</a>`), false)
	f.Add(`<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="w"><w:body><w:p/></w:body></w:document>`, "customXml/item1.xml", []byte(`<?xml version="1.0"?><データ/>`), true)
	f.Add(`<w:document xmlns:w="w"><w:body>`+strings.Repeat("<w:sdt>", 300)+strings.Repeat("</w:sdt>", 300)+`</w:body></w:document>`, "a//b.xml", []byte(""), false)
	f.Fuzz(func(t *testing.T, main, name string, content []byte, store bool) {
		var buf bytes.Buffer
		zw := zip.NewWriter(&buf)
		m := zip.Deflate
		if store {
			m = zip.Store
		}
		for _, e := range [][2]string{{"[Content_Types].xml", ct}, {"word/_rels/document.xml.rels", `<Relationships xmlns="r"/>`}, {"word/document.xml", main}, {"word/header1.xml", `<w:hdr xmlns:w="w"/>`}, {name, string(content)}} {
			w, err := zw.CreateHeader(&zip.FileHeader{Name: e[0], Method: m})
			if err != nil {
				return // a name zip cannot write
			}
			w.Write([]byte(e[1]))
		}
		if zw.Close() != nil {
			return
		}
		pkg, err := OpenWithLimits("t.docx", buf.Bytes(), Limits{Part: 1 << 20, Total: 4 << 20, Ratio: 100, RatioFrom: 64 << 10, Entries: 100, Depth: 64})
		if err != nil {
			if !strings.HasPrefix(err.Error(), "t.docx: ") {
				t.Fatalf("error without the file's name: %v", err)
			}
			return
		}
		if isXMLName(name) {
			if err := stdXML(content); err != nil {
				t.Fatalf("an XML part encoding/xml refuses was accepted (%v): %q", err, content)
			}
		}
		if err := pkg.Check(); err != nil {
			return // content types and relationship targets are checked on output only
		}
		out, err := pkg.Bytes()
		if err != nil {
			t.Fatalf("an opened package does not write: %v", err)
		}
		again, err := Open("again.docx", out)
		if err != nil {
			t.Fatalf("a written package does not open again: %v", err)
		}
		if !slices.Equal(again.Names(), pkg.Names()) {
			t.Fatalf("parts %v became %v", pkg.Names(), again.Names())
		}
	})
}
