package docxtmpl

import (
	"regexp"
	"testing"
)

// Every expression compiled on first use compiles, and is compiled once.
func TestLazyRegexpsCompile(t *testing.T) {
	for name, re := range map[string]func() *regexp.Regexp{
		"docPrRe": docPrRe, "bmStartRe": bmStartRe, "bmEndRe": bmEndRe, "idAttrRe": idAttrRe,
		"nameRe": nameRe, "cmtMarkRe": cmtMarkRe, "commentRe": commentRe, "paraIDRe": paraIDRe,
		"cmtRunRe": cmtRunRe, "numRe": numRe, "footnoteRefRe": noteRefRe["footnote"], "endnoteRefRe": noteRefRe["endnote"],
		"footnoteRe": noteRe["footnote"], "endnoteRe": noteRe["endnote"],
	} {
		first := re()
		if first == nil || re() != first {
			t.Errorf("%s: not one compiled expression", name)
		}
	}
	// A few matches, so that a typo in a moved expression cannot pass.
	if m := numRe().FindStringSubmatch(`<w:num w:numId="12" w15:x="1"> <w:abstractNumId w:val="3"/>`); len(m) != 3 || m[1] != "12" || m[2] != "3" {
		t.Errorf("numRe: %q", m)
	}
	if m := idAttrRe().FindStringSubmatch(`<w:bookmarkStart w:id="-7" w:name="x"/>`); len(m) != 2 || m[1] != "-7" {
		t.Errorf("idAttrRe: %q", m)
	}
	if got := cmtRunRe().ReplaceAllString(`a<w:r><w:rPr><w:rStyle w:val="C"/><w:b/></w:rPr></w:r>b`, ""); got != "ab" {
		t.Errorf("cmtRunRe: %q", got)
	}
}

func TestLazyRegexpPanicsOnABadExpression(t *testing.T) {
	re := lazyRegexp(`(`)
	defer func() {
		if recover() == nil {
			t.Error("a bad expression did not panic")
		}
	}()
	re()
}
