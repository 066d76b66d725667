package docxtmpl

import (
	"strings"

	"github.com/tsdraft/tsdraft/internal/diag"
)

// Error is one problem in a template: a diagnostic (internal/diag) placed by Part
// (word/document.xml, word/header1.xml, …; "text" for a tag inside a locale text), Paragraph
// (its first 60 characters) and Tag (as written), with Message; a *Error is an error.
type Error = diag.Diagnostic

// Errors is every problem found in one template or one execution.
type Errors []*Error

func (es Errors) Error() string {
	var b strings.Builder
	for i, e := range es {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(e.Error())
	}
	return b.String()
}

func snippet(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	r := []rune(s)
	if len(r) > 60 {
		return string(r[:60]) + "…"
	}
	return s
}
