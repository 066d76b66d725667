package render

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/tsdraft/tsdraft/internal/docx"
	"github.com/tsdraft/tsdraft/internal/docxtmpl"
	"github.com/tsdraft/tsdraft/internal/notes"
)

// MemoTemplate is the template of the drafting-notes memo (templates/src/notes-memo.txt).
const MemoTemplate = "notes-memo"

// MemoRequest is the memo of one document as built.
type MemoRequest struct {
	Request               // the document's request, as it was rendered
	Notes    []notes.Note // the notes of its output(s), in order
	Warnings []string     // what check warned about for the document, as printed
}

// MemoFileName is <doc>.<jurisdiction>.notes.docx.
func MemoFileName(doc, jur string) string {
	return fmt.Sprintf("%s.%s.notes.docx", doc, jur)
}

// choicePaths are the profile values the memo lists when present: the choices that change
// what a document says. The built languages and layout are added from the request.
var choicePaths = []string{
	"jurisdiction", "prevailing", "date", "confidential.document_level",
	"counterparty.kind", "counterparty.mutual", "counterparty.term_years", "counterparty.survival_years",
	"noncompete.enabled", "noncompete.months", "noncompete.compensation_percent", "noncompete.compensation_amount",
	"noncompete.currency", "noncompete.territory", "noncompete.scope", "noncompete.roles",
	"remedies.penalty", "remedies.penalty_months",
	"dispute.method", "dispute.institution", "dispute.seat", "dispute.governing_law",
	"dispute.employee.method", "dispute.employee.forum", "signing.place", "signing.witnesses",
}

// choiceSwitches are the choices that turn others on: with the switch off, the values under it
// (a non-compete's months and pay, a penalty's amount) say nothing about the document, and a
// memo listing them would suggest a covenant nobody chose.
var choiceSwitches = map[string]string{
	"noncompete.":             "noncompete.enabled",
	"remedies.penalty_months": "remedies.penalty",
}

// switchedOff reports whether path sits under a switch the profile has off.
func switchedOff(base map[string]any, path string) bool {
	for prefix, sw := range choiceSwitches {
		if path == sw || !strings.HasPrefix(path, prefix) {
			continue
		}
		if on, ok := lookup(base, sw); !ok || on != true {
			return true
		}
	}
	return false
}

// Memo drafts the companion memo of a document: the profile's choices, the warnings of the
// check, each note under its clause and the open points for counsel. It is written in the
// document's first language; the notes keep the language of the text they annotate.
func (r *Renderer) Memo(m MemoRequest) (*docx.Package, error) {
	req := m.Request
	if len(req.Langs) == 0 {
		return nil, fmt.Errorf("%s: a memo needs the languages of its document", req.Doc)
	}
	one := req
	one.Langs = req.Langs[:1]
	one.Notes = notes.None
	tpl, sha, err := r.template(MemoTemplate, one.Langs, "")
	if err != nil {
		return nil, err
	}
	data, err := r.data(one)
	if err != nil {
		return nil, err
	}
	base := req.Data
	if base == nil {
		base = req.Profile.Data()
	}
	layout := req.Layout
	if len(req.Langs) < 2 {
		layout = ""
	}
	choices := []any{
		map[string]any{"key": "document", "value": req.Doc},
		map[string]any{"key": "languages", "value": strings.Join(req.Langs, ", ")},
	}
	if layout != "" {
		choices = append(choices, map[string]any{"key": "layout", "value": layout})
	}
	for _, path := range choicePaths {
		if switchedOff(base, path) {
			continue
		}
		if v, ok := lookup(base, path); ok {
			if s := choiceText(v, req.Langs); s != "" {
				choices = append(choices, map[string]any{"key": path, "value": s})
			}
		}
	}
	warnings := make([]any, 0, len(m.Warnings))
	for _, w := range m.Warnings {
		warnings = append(warnings, w)
	}
	item := func(n notes.Note) any {
		h := n.Heading
		if h == "" {
			h = "–" // a note before the first article (title, parties)
		}
		return map[string]any{"heading": h, "excerpt": n.Excerpt, "text": n.Text, "lang": n.Lang}
	}
	var explained, open []any
	for _, n := range m.Notes {
		if n.Kind == notes.Open {
			open = append(open, item(n))
		} else {
			explained = append(explained, item(n))
		}
	}
	data["memo"] = map[string]any{"choices": choices, "warnings": warnings, "notes": explained, "open": open}
	pkg, err := tpl.Execute(data, r.options(one, nil, &docxtmpl.Numbering{}))
	if err != nil {
		return nil, fmt.Errorf("%s memo (%s): %w", req.Doc, one.Langs[0], err)
	}
	props := r.provenance(one, sha)
	props = append(props, Property{"tsdraft.memo_of", FileName(req.Doc, req.Profile.Jurisdiction, req.Langs)})
	if err := setProperties(pkg, props); err != nil {
		return nil, err
	}
	return pkg, nil
}

func lookup(d map[string]any, path string) (any, bool) {
	var v any = d
	for _, k := range strings.Split(path, ".") {
		m, ok := v.(map[string]any)
		if !ok {
			return nil, false
		}
		if v, ok = m[k]; !ok {
			return nil, false
		}
	}
	return v, true
}

// choiceText prints a profile value for the memo: a text given per language in each built
// language, a list joined with "; ".
func choiceText(v any, langs []string) string {
	switch x := v.(type) {
	case nil:
		return ""
	case docxtmpl.LangText:
		var parts []string
		for _, l := range langs {
			if s, ok := x[l]; ok {
				parts = append(parts, l+": "+s)
			}
		}
		if len(parts) == 0 {
			keys := make([]string, 0, len(x))
			for k := range x {
				keys = append(keys, k)
			}
			slices.Sort(keys)
			for _, k := range keys {
				parts = append(parts, k+": "+x[k])
			}
		}
		return strings.Join(parts, " / ")
	case time.Time:
		return x.Format("2006-01-02")
	case []any:
		var parts []string
		for _, e := range x {
			parts = append(parts, choiceText(e, langs))
		}
		return strings.Join(parts, "; ")
	case []string:
		return strings.Join(x, "; ")
	case map[string]any:
		return "" // a table: its own keys are listed where they matter
	}
	return fmt.Sprint(v)
}
