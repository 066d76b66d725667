package profile

import (
	"slices"
	"strings"

	"github.com/tsdraft/tsdraft/internal/tplvalue"
	"github.com/tsdraft/tsdraft/internal/vocab"
)

// Need is a profile key a document prints, as its template (and the locale texts the template
// pulls with `t`) uses it. Needs are read from the templates, never listed by hand, so a tag a
// template author adds is required from then on.
type Need struct {
	Path string // dotted schema path; "*" stands for every element of an array of tables
	Doc  string
	// Guards are the {{#if}} / {{#unless}} blocks around the tag: the key is needed only
	// when each of them holds for the profile.
	Guards []Guard
	// Each: the path is the list of an {{#each}} block (it must have an entry).
	Each bool
	// Optional: the tag prints the key when it is there (| default): the key is not required,
	// but a text given per language must have the languages the document is drafted in.
	Optional bool
}

// Guard is a condition around a tag: Path is truthy (or, with Not, falsy).
type Guard struct {
	Path string
	Not  bool
	// Unknown: the condition cannot be judged from the profile (an {{else}} of a list, a key
	// computed at render time that the profile does not hold).
	Unknown bool
}

// NeedsFunc gives the needs of documents for a jurisdiction and languages.
type NeedsFunc func(docs []string, jur string, langs []string) ([]Need, error)

// ShippedNeeds gives the needs of the shipped templates. Package render sets it, because it is
// the one that compiles templates; CheckFor uses it. A command that layers the user's template
// or locale directories derives their needs itself and calls CheckWith.
var ShippedNeeds NeedsFunc

// holds reports whether a guard holds for the profile rendering doc in langs. A guard on a key
// the profile cannot decide is taken as not holding: the key is then not required by check,
// and the renderer still refuses a document whose tag finds no value.
func (p *Profile) holds(g Guard, doc string, langs []string) bool {
	v, known := p.judge(g, doc, langs)
	return known && v
}

// mayHold reports whether a guard holds or cannot be judged: the key may then be printed.
func (p *Profile) mayHold(g Guard, doc string, langs []string) bool {
	v, known := p.judge(g, doc, langs)
	return !known || v
}

// judge evaluates a guard; known is false when the profile cannot decide it.
func (p *Profile) judge(g Guard, doc string, langs []string) (v, known bool) {
	if g.Unknown || strings.Contains(g.Path, "*") {
		return false, false
	}
	switch {
	case strings.HasPrefix(g.Path, "jur."):
		v = p.Jurisdiction == strings.TrimPrefix(g.Path, "jur.")
	case g.Path == "bilingual":
		v = len(langs) == 2
	case g.Path == "draft":
		v = true // drafts are the default; --final only drops notices, never adds a key
	case g.Path == "doc.for_employee":
		d, ok := vocab.Active().Document(doc)
		v = ok && d.Employee
	case FieldAt(splitPath(g.Path)) == nil:
		return false, false
	default:
		x, ok := get(p.doc, splitPath(g.Path)...)
		v = ok && tplvalue.Truthy(x)
	}
	return v != g.Not, true
}

// printedBy returns the documents (of docs) that may print the text at path: a need names it
// (array indices match "*") and no guard around it is known to be false.
func (p *Profile) printedBy(path string, byPath map[string][]Need, docs, langs []string) []string {
	segs := splitPath(path)
	for i, s := range segs {
		if isIndex(s) {
			segs[i] = "*"
		}
	}
	var out []string
	for _, n := range byPath[strings.Join(segs, ".")] {
		if slices.Contains(out, n.Doc) || !slices.Contains(docs, n.Doc) {
			continue
		}
		if slices.ContainsFunc(n.Guards, func(g Guard) bool { return !p.mayHold(g, n.Doc, langs) }) {
			continue
		}
		out = append(out, n.Doc)
	}
	return out
}
