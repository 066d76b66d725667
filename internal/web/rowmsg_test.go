package web

import (
	"strings"
	"testing"

	"github.com/tsdraft/tsdraft/internal/batch"
)

// The HR result page marks a changed row by its problem's rule: the page's test for it must
// name batch's rule, or changed rows would lose their label without a word.
func TestResultPageKnowsTheChangedRule(t *testing.T) {
	b, err := tmplFS.ReadFile("templates/hrresult.html")
	if err != nil {
		t.Fatal(err)
	}
	if want := `{{if eq .Rule "` + batch.RuleChanged + `"}}`; !strings.Contains(string(b), want) {
		t.Errorf("hrresult.html does not test %s", want)
	}
}
