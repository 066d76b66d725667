package render

import (
	"fmt"
	"strings"

	"github.com/tsdraft/tsdraft/internal/docxtmpl"
	"github.com/tsdraft/tsdraft/internal/notes"
	"github.com/tsdraft/tsdraft/internal/vocab"
)

// noteMarks looks up the drafting notes of a clause (locale keys <file>.note_<clause> and
// <file>.open_<clause>, see internal/notes) in the language being rendered, records them in
// set and returns the marks to print after the clause. With no set (--notes none, --final)
// it returns "" without looking.
func (r *Renderer) noteMarks(set *notes.Set, c *docxtmpl.Call, jur, clause string) (string, error) {
	if set == nil {
		return "", nil
	}
	var marks strings.Builder
	for _, kind := range notes.Kinds {
		key, ok := notes.KeyFor(kind, clause)
		if !ok || !r.Catalog.Has(c.Lang(), jur, key) {
			continue
		}
		text, err := r.Catalog.Text(c.Lang(), jur, key)
		if err != nil {
			return "", err
		}
		out, err := c.Render(text)
		if err != nil {
			return "", fmt.Errorf("in the %s drafting note %q: %w", c.Lang(), key, err)
		}
		label := ""
		if kind == notes.Open {
			if label, err = r.Catalog.Text(c.Lang(), jur, "notes.open_label"); err != nil {
				return "", err
			}
		}
		marks.WriteString(set.Add(notes.Note{Kind: kind, Key: key, Clause: clause, Lang: c.Lang(), Text: out, Label: label}))
	}
	return marks.String(), nil
}

// commentRunProps gives a comment's runs the fonts and language of its text, as the
// document's own runs have them (langprops.go).
func commentRunProps(lang string) string {
	sc, ok := vocab.Active().Language(lang)
	if !ok {
		return ""
	}
	var b strings.Builder
	b.WriteString("<w:rPr><w:rFonts")
	for _, f := range sc.Fonts.Attrs() {
		fmt.Fprintf(&b, ` %s="%s"`, f[0], f[1])
	}
	b.WriteString(`/><w:lang w:val="` + sc.Word.Lang + `"`)
	if sc.Word.EastAsia != "" {
		b.WriteString(` w:eastAsia="` + sc.Word.EastAsia + `"`)
	}
	if sc.Word.Bidi != "" {
		b.WriteString(` w:bidi="` + sc.Word.Bidi + `"`)
	}
	b.WriteString("/></w:rPr>")
	return b.String()
}

// noteSet is where a document's notes are collected, or nil when it carries none. A final
// document never carries notes as comments: it is what gets signed.
func noteSet(req Request) (*notes.Set, error) {
	switch req.Notes {
	case "", notes.None:
		return nil, nil
	case notes.Comments:
		if req.Final {
			return nil, fmt.Errorf("%s: a final document carries no drafting notes as comments; draft the notes as a memo, or none", req.Doc)
		}
		return &notes.Set{}, nil
	case notes.Memo:
		return &notes.Set{}, nil
	}
	return nil, &notes.UnknownModeError{Value: string(req.Notes)}
}
