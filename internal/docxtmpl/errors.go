package docxtmpl

import (
	"fmt"
	"strings"
)

// Error is one problem in a template, located by part, paragraph and tag.
type Error struct {
	Part string // word/document.xml, word/header1.xml, …
	Para string // the paragraph's first 60 characters
	Tag  string // the tag as written
	Msg  string
}

func (e *Error) Error() string {
	var b strings.Builder
	if e.Part == "text" {
		// A tag inside a locale text: the calling tag already says where the text is used.
		return e.Tag + ": " + e.Msg
	}
	b.WriteString(e.Part)
	if e.Para != "" {
		fmt.Fprintf(&b, ": paragraph %q", e.Para)
	}
	if e.Tag != "" {
		fmt.Fprintf(&b, ": %s", e.Tag)
	}
	b.WriteString(": ")
	b.WriteString(e.Msg)
	return b.String()
}

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
