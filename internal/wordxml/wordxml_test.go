package wordxml

import (
	"strings"
	"testing"
)

// Prefixes, attributes, comments, processing instructions and escaping survive a round trip.
func TestRoundTrip(t *testing.T) {
	src := `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="urn:w" xmlns:mc="urn:mc" mc:Ignorable="w14"><!-- c --><w:body><w:p w:rsidR="00A1"><w:r><w:t xml:space="preserve"> a &amp; b &lt;c&gt; </w:t></w:r><w:bookmarkStart w:id="0" w:name="q&quot;"/></w:p></w:body></w:document>`
	root, err := Parse([]byte(src))
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	Serialize(&b, root)
	if b.String() != src {
		t.Errorf("round trip changed the XML:\n%s\n%s", src, b.String())
	}
	body := root.Children[1].Child("w:body")
	if got := PlainText(body); got != " a & b <c> " {
		t.Errorf("PlainText = %q", got)
	}
	if v, _ := body.Child("w:p").Attr("w:rsidR"); v != "00A1" {
		t.Errorf("attribute = %q", v)
	}
}

func TestParseErrors(t *testing.T) {
	for _, s := range []string{`<a><b></a>`, `<a>`, `<a x="1></a>`} {
		if _, err := Parse([]byte(s)); err == nil {
			t.Errorf("%q: want an error", s)
		}
	}
}

func TestInsertBeforeLast(t *testing.T) {
	for _, c := range []struct{ b, marker, add, want string }{
		{`<Types><A/></Types>`, "</Types>", `<B/>`, `<Types><A/><B/></Types>`},
		{`<r></r><r></r>`, "</r>", "x", `<r></r><r>x</r>`}, // the last one: the part's own end
		{`<Types/>`, "</Types>", `<B/>`, `<Types/>`},       // no marker: unchanged
	} {
		if got := string(InsertBeforeLast([]byte(c.b), c.marker, c.add)); got != c.want {
			t.Errorf("InsertBeforeLast(%q, %q, %q) = %q, want %q", c.b, c.marker, c.add, got, c.want)
		}
	}
}
