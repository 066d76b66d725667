package diag

import (
	"cmp"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
)

// Severity is how serious a diagnostic is: an error fails the command, a warning does not. The
// zero value counts as an error, so a problem nobody graded is never waved through.
type Severity string

const (
	Error   Severity = "error"
	Warning Severity = "warning"
)

// Diagnostic is one problem, with the place a person must edit to fix it. Which place fields
// are set says what the problem is in; they are flat (not a nested struct) so that the many
// places that write one stay one short literal.
//
//   - a file (profile, locale file): File, Line (1-based) and Col (1-based, in characters; 0 when
//     only the line is known). A --set value is File "--set:N" (the N-th, 1-based), one line.
//   - a template: Part (word/document.xml, or "text" for a tag inside a locale text), Paragraph
//     (its first characters) and Tag (as written).
//   - a sheet row: Row (the header is row 1), Column (letter) and Header (as written).
type Diagnostic struct {
	File string
	Line int
	Col  int

	Part      string
	Paragraph string
	Tag       string

	Row    int
	Column string
	Header string

	Level   Severity
	Rule    string   // a stable name of the check, e.g. PROFILE-UNKNOWN-KEY, CN-NC-001, stale
	Message string   // what is wrong (and, when short, what to do)
	Hint    string   // what to do about it, one line
	Docs    []string // document IDs it concerns; empty means every document
	// Key and Args are the message as data, for an interface that says it in another language
	// (a sheet's row messages in the web app); Key is "" when there is no such wording.
	Key  string
	Args []string
}

// IsWarning reports whether the diagnostic is only a warning.
func (d Diagnostic) IsWarning() bool { return d.Level == Warning }

// Where is the file position as editors jump to it: FILE:LINE:COL, FILE:LINE when the column
// is unknown, --set:N:COL for a --set value; "" for a diagnostic that is not in a file.
func (d Diagnostic) Where() string {
	switch {
	case d.File == "":
		return ""
	case strings.HasPrefix(d.File, "--set:"):
		return d.File + ":" + strconv.Itoa(d.Col)
	case d.Col > 0:
		return fmt.Sprintf("%s:%d:%d", d.File, max(d.Line, 1), d.Col)
	}
	return fmt.Sprintf("%s:%d", d.File, max(d.Line, 1))
}

// String renders the diagnostic in the form of its place:
//
//   - in a file: `FILE:LINE:COL: level: message [RULE]`, and the hint on an indented second line;
//   - in a template: `PART: paragraph "…": TAG: message` (a tag in a locale text: `TAG: message`,
//     as the tag that used the text says where);
//   - in a sheet: `column C (header): message`, `warning: ` first for a warning. The file and the
//     row are the caller's to say, once for the rows that share a message.
func (d Diagnostic) String() string {
	var b strings.Builder
	switch {
	case d.Part == "text":
		b.WriteString(d.Tag + ": " + d.Message)
	case d.Part != "":
		b.WriteString(d.Part)
		if d.Paragraph != "" {
			fmt.Fprintf(&b, ": paragraph %q", d.Paragraph)
		}
		if d.Tag != "" {
			fmt.Fprintf(&b, ": %s", d.Tag)
		}
		b.WriteString(": " + d.Message)
	case d.File != "":
		fmt.Fprintf(&b, "%s: %s: %s", d.Where(), cmp.Or(d.Level, Error), d.Message)
		if d.Rule != "" {
			fmt.Fprintf(&b, " [%s]", d.Rule)
		}
		if d.Hint != "" {
			fmt.Fprintf(&b, "\n    hint: %s", d.Hint)
		}
	default:
		if d.IsWarning() {
			b.WriteString("warning: ")
		}
		switch {
		case strings.HasPrefix(d.Message, "column "): // already says where
		case d.Column != "" && d.Header != "":
			fmt.Fprintf(&b, "column %s (%s): ", d.Column, d.Header)
		case d.Column != "":
			fmt.Fprintf(&b, "column %s ", d.Column)
		}
		b.WriteString(d.Message)
	}
	return b.String()
}

// Error makes a *Diagnostic an error (a template's problems are returned as errors).
func (d *Diagnostic) Error() string { return d.String() }

// AppliesTo reports whether the diagnostic concerns any of docs (all documents when docs is
// empty or the diagnostic names none).
func (d Diagnostic) AppliesTo(docs []string) bool {
	if len(d.Docs) == 0 || len(docs) == 0 {
		return true
	}
	for _, x := range d.Docs {
		if slices.Contains(docs, x) {
			return true
		}
	}
	return false
}

// Diagnostics is a list of problems; methods never mutate the receiver's elements.
type Diagnostics []Diagnostic

// HasErrors reports whether any diagnostic is an error.
func (ds Diagnostics) HasErrors() bool {
	return slices.ContainsFunc(ds, func(d Diagnostic) bool { return !d.IsWarning() })
}

// Count returns the number of errors and of warnings.
func (ds Diagnostics) Count() (errors, warnings int) {
	for _, d := range ds {
		if d.IsWarning() {
			warnings++
		} else {
			errors++
		}
	}
	return errors, warnings
}

// For keeps the diagnostics that concern any of docs (see Diagnostic.AppliesTo).
func (ds Diagnostics) For(docs []string) Diagnostics {
	var out Diagnostics
	for _, d := range ds {
		if d.AppliesTo(docs) {
			out = append(out, d)
		}
	}
	return out
}

// Compare orders diagnostics by place (a profile file before the --set values, --set:1 before
// --set:2; then file, line, column; template part; sheet row), then rule, errors before
// warnings, and message,
// so that every list a person reads comes in the same order.
func Compare(a, b Diagnostic) int {
	return cmp.Or(
		cmp.Compare(fileRank(a.File), fileRank(b.File)),
		cmp.Compare(a.File, b.File),
		cmp.Compare(a.Line, b.Line),
		cmp.Compare(a.Col, b.Col),
		cmp.Compare(a.Part, b.Part),
		cmp.Compare(a.Row, b.Row),
		cmp.Compare(a.Rule, b.Rule),
		cmp.Compare(levelRank(a.Level), levelRank(b.Level)),
		cmp.Compare(a.Message, b.Message),
	)
}

// Sort orders ds in place (see Compare), keeping the order of equal diagnostics.
func Sort(ds []Diagnostic) { slices.SortStableFunc(ds, Compare) }

// Sorted returns a sorted copy (see Compare) with exact duplicates removed, so output is
// deterministic.
func (ds Diagnostics) Sorted() Diagnostics {
	out := slices.Clone(ds)
	Sort(out)
	return slices.CompactFunc(out, func(a, b Diagnostic) bool {
		return a.String() == b.String() && slices.Equal(a.Docs, b.Docs)
	})
}

// fileRank puts a file before the --set values, and --set values in their order.
func fileRank(file string) int {
	if n, ok := strings.CutPrefix(file, "--set:"); ok {
		if i, err := strconv.Atoi(n); err == nil {
			return 1 + i
		}
	}
	return 0
}

func levelRank(s Severity) int {
	if s == Warning {
		return 1
	}
	return 0
}

// Summary is the closing line of a check: "ok", or "N errors, M warnings".
func (ds Diagnostics) Summary() string {
	e, w := ds.Count()
	if e == 0 && w == 0 {
		return "ok"
	}
	return Plural(e, "error") + ", " + Plural(w, "warning")
}

// Plural is "1 word" or "N words" ("entries" for "entry"), as the messages count things.
func Plural(n int, word string) string {
	switch {
	case n == 1:
		return "1 " + word
	case strings.HasSuffix(word, "y"):
		return strconv.Itoa(n) + " " + strings.TrimSuffix(word, "y") + "ies"
	}
	return strconv.Itoa(n) + " " + word + "s"
}

// Write prints every diagnostic (sorted) followed by the summary line.
func (ds Diagnostics) Write(w io.Writer) error {
	for _, d := range ds.Sorted() {
		if _, err := fmt.Fprintln(w, d.String()); err != nil {
			return err
		}
	}
	_, err := fmt.Fprintln(w, ds.Summary())
	return err
}
