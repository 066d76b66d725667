package vocab_test

import (
	"testing"

	"github.com/tsdraft/tsdraft/internal/law"
	"github.com/tsdraft/tsdraft/internal/vocab"
)

// Each jurisdiction names a law rule table that exists: adding a jurisdiction is its data file
// plus its table in internal/law.
func TestEveryJurisdictionHasItsLawTable(t *testing.T) {
	for _, j := range vocab.Builtin().Jurisdictions() {
		n := 0
		for _, r := range law.Rules() {
			if r.Jurisdiction == j.Law {
				n++
			}
		}
		if n == 0 {
			t.Errorf("%s: law = %q names no rule table in internal/law", j.Code, j.Law)
		}
	}
}
