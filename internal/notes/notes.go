package notes

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"
)

// Mode says what a build does with the drafting notes.
type Mode string

const (
	None     Mode = "none"     // no notes (always so with --final)
	Comments Mode = "comments" // each note a Word comment on its clause (default for drafts)
	Memo     Mode = "memo"     // a companion <doc>.<jur>.notes.docx; the draft stays clean
)

// Modes lists the modes in the order help texts show them.
var Modes = []Mode{Comments, Memo, None}

// ParseMode reads a notes mode as a user wrote it; an unknown one is an *UnknownModeError.
func ParseMode(s string) (Mode, error) {
	for _, m := range Modes {
		if string(m) == s {
			return m, nil
		}
	}
	return "", &UnknownModeError{Value: s}
}

// UnknownModeError is a notes mode that is none of Modes. It names no flag: the CLI words it
// for --notes, the web app for its form.
type UnknownModeError struct{ Value string }

func (e *UnknownModeError) Error() string {
	return fmt.Sprintf("unknown notes mode %q; use %s", e.Value, modeList())
}

// modeList is Modes as a message lists them: "comments, memo or none".
func modeList() string {
	names := make([]string, len(Modes))
	for i, m := range Modes {
		names[i] = string(m)
	}
	return strings.Join(names[:len(names)-1], ", ") + " or " + names[len(names)-1]
}

// Kind tells an explanation from a decision left to counsel.
type Kind string

const (
	Explain Kind = "note" // locale key <file>.note_<clause>: why the clause reads so
	Open    Kind = "open" // locale key <file>.open_<clause>: what counsel must decide
)

// Kinds lists the kinds in the order notes of one clause are attached.
var Kinds = []Kind{Explain, Open}

// KeyFor is the locale key of the note of a kind for a clause key: law.noncompete_basis →
// law.note_noncompete_basis. Notes live in the clause's own file, so they are required in
// exactly the languages the clause is.
func KeyFor(kind Kind, clause string) (string, bool) {
	stem, table, ok := strings.Cut(clause, ".")
	if !ok || stem == "" || table == "" || strings.HasPrefix(table, "note_") || strings.HasPrefix(table, "open_") {
		return "", false
	}
	return stem + "." + string(kind) + "_" + table, true
}

// Note is one drafting note of a drafted document.
type Note struct {
	ID     int
	Kind   Kind
	Key    string // the note's locale key
	Clause string // the locale key of the clause it explains
	Lang   string
	Text   string
	Label  string // printed before the text in a comment (the open points' "for counsel to decide")
	// Set by Apply: where the clause is printed.
	Part    string // word/document.xml, or a header's part
	Heading string // the article heading above the clause, as printed ("" before the first)
	Excerpt string // the beginning of the clause's paragraph
}

// Set collects the notes of one document while the engine runs; safe for concurrent use.
type Set struct {
	mu    sync.Mutex
	notes []Note
}

// Add records a note and returns the mark to print right after its clause's text.
func (s *Set) Add(n Note) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	n.ID = len(s.notes)
	s.notes = append(s.notes, n)
	return Mark(n.ID)
}

// Len is the number of notes added.
func (s *Set) Len() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.notes)
}

// The mark is three private-use characters around the note's number. Private-use code points
// are valid XML, survive the engine's escaping, and never occur in a shipped text; a profile
// value that holds them is caught by Apply (a mark seen twice, or a stray mark character).
const (
	markOpen  = '\uE000'
	markClose = '\uE001'
)

var markRe = regexp.MustCompile("\uE000([0-9]{1,6})\uE001")

// Mark is the mark of note id.
func Mark(id int) string {
	return string(markOpen) + strconv.Itoa(id) + string(markClose)
}

// strip removes the marks from s and returns the note IDs in order; bad is the first mark
// character that is not part of a well-formed mark.
func strip(s string) (out string, ids []int, bad rune) {
	if !strings.ContainsAny(s, string(markOpen)+string(markClose)) {
		return s, nil, 0
	}
	for _, m := range markRe.FindAllStringSubmatch(s, -1) {
		id, _ := strconv.Atoi(m[1])
		ids = append(ids, id)
	}
	out = markRe.ReplaceAllString(s, "")
	for i := 0; i < len(out); {
		r, n := utf8.DecodeRuneInString(out[i:])
		if r == markOpen || r == markClose {
			return out, ids, r
		}
		i += n
	}
	return out, ids, 0
}
