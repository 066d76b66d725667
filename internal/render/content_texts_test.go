package render

import (
	"strings"
	"testing"
)

// Practitioner audit: the Japanese partner NDA names the people the Receiving Party may tell
// (Representatives) 開示許容者, defined once where first used and used alike after; 役員等
// reads as officers only, yet the group also takes in employees and advisers.
func TestJapanesePartnerNDARepresentativesTerm(t *testing.T) {
	for _, jur := range []string{"JP", "CN", "TH", "VN", "ID", "DE", "UK", "EU"} {
		got := renderPair(t, jur, "nda-partner", []string{"ja", "en"})
		what := jur + " nda-partner ja"
		mustNotContain(t, what, got, "役員等")
		if n := strings.Count(got, "（以下「開示許容者」という。）"); n != 1 {
			t.Errorf("%s: 開示許容者 is defined %d times, want once", what, n)
		}
		def := strings.Index(got, "「開示許容者」")
		if first := strings.Index(got, "開示許容者"); first < def-1 {
			t.Errorf("%s: 開示許容者 is used before its definition: %s", what, lineWith(got, "開示許容者"))
		}
		// The duties clause and the reporting carve-out use the defined term.
		mustContain(t, what, got, "開示許容者に本契約と同等以上の秘密保持義務を課し", "開示許容者の行為について")
		if n := strings.Count(got, "開示許容者"); n < 4 {
			t.Errorf("%s: 開示許容者 appears %d times, want the definition and at least 3 uses", what, n)
		}
	}
}
