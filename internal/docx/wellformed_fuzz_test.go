package docx

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"testing"
)

// stdWellFormed is encoding/xml's opinion: every token decodes strictly, elements nest, there
// is exactly one root and no text outside it.
func stdWellFormed(b []byte) error {
	d := xml.NewDecoder(bytes.NewReader(b))
	d.Strict = true
	depth, roots := 0, 0
	for {
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
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
			if depth == 0 && len(bytes.TrimSpace(t)) > 0 {
				return errors.New("text outside the root element")
			}
		}
	}
	if roots != 1 {
		return errors.New("not exactly one root element")
	}
	return nil
}

// FuzzWellFormed: the verifier's fast scanner never accepts what encoding/xml rejects (it
// guards every part written; a false "ok" would ship a file Word cannot open).
func FuzzWellFormed(f *testing.F) {
	for _, s := range []string{
		`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="w"><w:body><w:p><w:r><w:t xml:space="preserve">a &amp; b</w:t></w:r></w:p></w:body></w:document>`,
		`<a b="1" c='2'><!-- c --><![CDATA[x<y]]><b/>&#x41;&#65;</a>`,
		`<a><b></a></b>`, `<a>&unknown;</a>`, `<a/><b/>`, `text<a/>`, `<a x="1" x="2"/>`, `<a><?pi x?></a>`,
		"<a>\x01</a>", `<a b=c/>`, `<!DOCTYPE a><a/>`, `<a>]]></a>`, `<?xml version="1.0" encoding="UTF-16"?><a/>`,
		`<a:b xmlns:a="u"></a:b>`, `<a></A>`, `<a b="<"/>`, `<1a/>`, `<a	/>`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		if WellFormed(b) == nil {
			if err := stdWellFormed(b); err != nil {
				t.Errorf("WellFormed accepts what encoding/xml rejects (%v): %q", err, b)
			}
		}
	})
}
