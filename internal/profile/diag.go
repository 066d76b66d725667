package profile

import (
	"fmt"
	"io"
	"slices"
	"sort"
	"strconv"
	"strings"
)

// Severity is how serious a diagnostic is: an error fails `check` and `build`, a warning does not.
type Severity string

const (
	Error   Severity = "error"
	Warning Severity = "warning"
)

// Diagnostic is one problem found in a profile, with the place a person must edit to fix it.
// File is the profile's path, or "--set:N" for the N-th --set value (1-based).
type Diagnostic struct {
	File    string
	Line    int // 1-based
	Col     int // 1-based, counted in characters (runes), not bytes
	Level   Severity
	Message string
	Rule    string   // e.g. PROFILE-UNKNOWN-KEY, CN-NC-001
	Hint    string   // what to do about it, one line
	Docs    []string // document IDs it concerns; empty means every document
}

// String renders the diagnostic as `FILE:LINE:COL: level: message [RULE]` (a --set value is
// one line, so `--set:N:COL`, as the help says), and the hint on an indented second line when
// there is one.
func (d Diagnostic) String() string {
	var b strings.Builder
	if strings.HasPrefix(d.File, "--set:") {
		fmt.Fprintf(&b, "%s:%d: %s: %s", d.File, d.Col, d.Level, d.Message)
	} else {
		fmt.Fprintf(&b, "%s:%d:%d: %s: %s", d.File, d.Line, d.Col, d.Level, d.Message)
	}
	if d.Rule != "" {
		fmt.Fprintf(&b, " [%s]", d.Rule)
	}
	if d.Hint != "" {
		fmt.Fprintf(&b, "\n    hint: %s", d.Hint)
	}
	return b.String()
}

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
	for _, d := range ds {
		if d.Level == Error {
			return true
		}
	}
	return false
}

// Count returns the number of errors and of warnings.
func (ds Diagnostics) Count() (errors, warnings int) {
	for _, d := range ds {
		if d.Level == Error {
			errors++
		} else {
			warnings++
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

// Sorted returns a copy ordered by place (the profile file first, then --set:1, --set:2 …),
// then rule and message, with exact duplicates removed, so output is deterministic.
func (ds Diagnostics) Sorted() Diagnostics {
	out := slices.Clone(ds)
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if fa, fb := fileRank(a.File), fileRank(b.File); fa != fb {
			return fa < fb
		}
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		if a.Col != b.Col {
			return a.Col < b.Col
		}
		if a.Rule != b.Rule {
			return a.Rule < b.Rule
		}
		return a.Message < b.Message
	})
	return slices.CompactFunc(out, func(a, b Diagnostic) bool {
		return a.String() == b.String() && slices.Equal(a.Docs, b.Docs)
	})
}

// fileRank puts the profile file before the --set values, and --set values in their order.
func fileRank(file string) int {
	if n, ok := strings.CutPrefix(file, "--set:"); ok {
		if i, err := strconv.Atoi(n); err == nil {
			return 1 + i
		}
	}
	return 0
}

// Summary is the closing line of `check`: "ok", or "N errors, M warnings".
func (ds Diagnostics) Summary() string {
	e, w := ds.Count()
	if e == 0 && w == 0 {
		return "ok"
	}
	return plural(e, "error") + ", " + plural(w, "warning")
}

func plural(n int, word string) string {
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
