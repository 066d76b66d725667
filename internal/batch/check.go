package batch

import (
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"

	"github.com/BurntSushi/toml"

	"github.com/tsdraft/tsdraft/internal/law"
	"github.com/tsdraft/tsdraft/internal/profile"
)

// How a row is checked and drafted
//
// Each row overrides the profile: its cells become --set values, and the values the sheet's
// columns name are first removed from the profile (a blank cell means the person has no such
// value), as are the person's own values no column gives (the example person of `tsdraft
// init` must never show through). The row is then checked like a profile, for the documents
// asked.
//
// Decoding the whole profile for every row is what costs (several milliseconds, mostly TOML
// parsing and key positions), so when every column is a value of the person (employee.* or
// vars.*) a row is decoded from a small source instead: the profile's languages, the rest of
// its [employee] and [vars], the --set values and the row (a quarter of a millisecond); the
// jurisdiction's law rules are run on it. The documents' data is then the profile's data
// (decoded once) with [employee] and [vars] taken from the row. Problems the small source has
// of its own (no company, no jurisdiction …) are the same for every row; they are found once,
// with the row's values replaced by placeholders ("background"), and left out of each row's
// report. The company part is checked once, on the real profile with the same placeholders, so
// its problems keep their real line and column. A sheet with any other column (date,
// noncompete.months …) takes the general way: the whole profile, without the columns' values,
// decoded for every row. TestFastAndFullWaysAgree holds the two ways to the same bytes.

// personTables are the top-level tables whose values are the person's own.
var personTables = []string{"employee", "vars"}

// ownValues are the keys of [employee] that can only be one person's: in a batch the profile's
// values for them (the example person of tsdraft init, or whoever the profile was written for)
// are never used; only the sheet gives them. That includes the lists of what the person
// accessed and returned: the sample's lists describe the sample person, and copying them onto
// every leaver would make each pledge confirm things that person never had.
var ownValues = []string{"name", "id", "national_id", "address", "hire_date", "exit_date", "department", "position", "access", "materials"}

// dropped lists the [employee] keys whose profile values are not used: the person's own values
// that no column gives.
func dropped(cols []*column) [][]string {
	var out [][]string
	for _, k := range ownValues {
		if !slices.ContainsFunc(cols, func(c *column) bool { return len(c.root) >= 2 && c.root[0] == "employee" && c.root[1] == k }) {
			out = append(out, []string{"employee", k})
		}
	}
	return out
}

// checker checks rows and gives the data to draft them with.
type checker struct {
	name     string // the profile's path, as diagnostics name it
	sha      string // SHA-256 of the profile file
	baseSets []string
	docs     []string // documents for CheckFor and the law rules
	langs    []string
	cols     []*column
	fast     bool

	base     *profile.Profile // the profile with placeholders for the columns (company part)
	baseData map[string]any

	rowName string // what the per-row source is called in diagnostics
	rowSrc  []byte // per-row source: small (fast) or the whole profile without the columns
	bg      map[string]bool
}

// dummy is a valid placeholder value for a column's root, of the right kind, so that the
// company part can be checked without any row.
func dummy(cols []*column, root []string) string {
	var langs []string
	var c *column
	for _, x := range cols {
		if slices.Equal(x.root, root) {
			c = x
			if x.lang != "" {
				langs = append(langs, x.lang)
			}
		}
	}
	if len(langs) > 0 {
		parts := make([]string, len(langs))
		for i, l := range langs {
			parts[i] = tomlKey(l) + ` = "x"`
		}
		return "{ " + strings.Join(parts, ", ") + " }"
	}
	f := c.field
	switch c.kind {
	case profile.KindString:
		switch {
		case len(f.Enum) > 0:
			return tomlString(f.Enum[0])
		case f.Pattern != "":
			return `"XXX"` // the only pattern is a currency code
		}
		return `"x"`
	case profile.KindText, profile.KindAny:
		return `"x"`
	case profile.KindStrings:
		if len(f.Enum) > 0 {
			return "[" + tomlString(f.Enum[0]) + "]"
		}
		return `["x"]`
	case profile.KindTexts:
		return `["x"]`
	case profile.KindDate:
		return "2000-01-01"
	case profile.KindInt, profile.KindNumber:
		n := 1.0
		if f.Min != nil && *f.Min > n {
			n = *f.Min
		}
		if f.Max != nil && *f.Max < n {
			n = *f.Max
		}
		return formatNumber(n)
	case profile.KindBool:
		return "false"
	}
	return `"x"`
}

// roots are the distinct values the columns replace, in column order.
func roots(cols []*column) [][]string {
	var out [][]string
	for _, c := range cols {
		if !slices.ContainsFunc(out, func(r []string) bool { return slices.Equal(r, c.root) }) {
			out = append(out, c.root)
		}
	}
	return out
}

func dummySets(cols []*column) []string {
	var out []string
	for _, r := range roots(cols) {
		out = append(out, tomlPath(r)+"="+dummy(cols, r))
	}
	return out
}

// setIndex returns K for a diagnostic placed in --set:K, or 0.
func setIndex(d profile.Diagnostic) int {
	n, ok := strings.CutPrefix(d.File, "--set:")
	if !ok {
		return 0
	}
	k, _ := strconv.Atoi(n)
	return k
}

func diagKey(d profile.Diagnostic) string { return string(d.Level) + "|" + d.Rule + "|" + d.Message }

// newChecker checks the profile with the sheet's columns (company part) and prepares the
// per-row source. The diagnostics returned are the company part's, for the documents asked;
// the checker is nil when any of them is an error.
func newChecker(name string, src []byte, sha string, baseSets, docs, langs []string, cols []*column, forceFull bool) (*checker, profile.Diagnostics, error) {
	c := &checker{name: name, sha: sha, baseSets: baseSets, docs: docs, cols: cols}
	c.fast = !forceFull
	for _, col := range cols {
		if !slices.Contains(personTables, col.root[0]) {
			c.fast = false
		}
	}
	nb := len(baseSets)
	sets := append(slices.Clone(baseSets), dummySets(cols)...)
	p, ds := profile.Decode(name, src, sets)
	if p == nil {
		return nil, company(ds, nb), nil // TOML syntax: always in the file
	}
	if len(langs) == 0 {
		langs = p.Languages
	}
	c.langs = langs
	if ds := company(ds, nb); ds.HasErrors() {
		return nil, ds.For(docs), nil
	}
	ds = append(ds, p.CheckFor(docs, langs)...)
	ds = append(ds, law.CheckBuild(p, law.Build{Docs: docs, Langs: langs})...)
	ds = company(ds.For(docs), nb)
	if ds.HasErrors() {
		return nil, ds, nil
	}
	c.base, c.baseData = p, p.Data()

	// The per-row source: the profile as decoded, without the values the columns replace.
	var raw map[string]any
	if _, err := toml.Decode(string(src), &raw); err != nil {
		return nil, nil, fmt.Errorf("%s: %w", name, err) // not reached: Decode accepted it
	}
	for _, r := range append(roots(cols), dropped(cols)...) {
		remove(raw, r)
	}
	keep := func(k string) bool { return true }
	c.rowName = name + " (without the sheet's columns)"
	if c.fast {
		keep = func(k string) bool {
			// Without the jurisdiction the small source gets none of its defaults (levels,
			// forums …), which are the company's and cost half the time of a row.
			return k != "jurisdiction" && slices.Contains(batchWide, k) || slices.Contains(personTables, k)
		}
		c.rowName = name + " (person part)"
	}
	text, err := tomlDocument(raw, keep)
	if err != nil {
		return nil, nil, fmt.Errorf("%s: %w", name, err)
	}
	c.rowSrc = []byte(text)

	// The background: what the per-row source reports with placeholders for every cell.
	bds, err := c.decode(dummySets(cols))
	if err != nil {
		return nil, nil, err
	}
	c.bg = map[string]bool{}
	for _, d := range bds {
		if setIndex(d) <= nb {
			c.bg[diagKey(d)] = true
		}
	}
	return c, ds, nil
}

// company keeps the diagnostics that are not about the placeholders (--set values past the
// user's own).
func company(ds profile.Diagnostics, nb int) profile.Diagnostics {
	var out profile.Diagnostics
	for _, d := range ds {
		if setIndex(d) <= nb {
			out = append(out, d)
		}
	}
	return out
}

// remove deletes the value at path from a decoded document, if it is there.
func remove(doc map[string]any, path []string) {
	cur := doc
	for i, seg := range path {
		if i == len(path)-1 {
			delete(cur, seg)
			return
		}
		next, ok := cur[seg].(map[string]any)
		if !ok {
			return
		}
		cur = next
	}
}

// decode decodes the per-row source with the user's --set values and the row's, and checks it
// for the documents.
func (c *checker) decode(rowSets []string) (profile.Diagnostics, error) {
	_, ds, err := c.decodeProfile(rowSets)
	return ds, err
}

func (c *checker) decodeProfile(rowSets []string) (*profile.Profile, profile.Diagnostics, error) {
	sets := append(slices.Clone(c.baseSets), rowSets...)
	p, ds := profile.Decode(c.rowName, c.rowSrc, sets)
	if p == nil {
		return nil, nil, fmt.Errorf("the per-row profile does not parse: %s", ds)
	}
	ds = append(ds, p.CheckFor(c.docs, c.langs)...)
	if c.fast {
		// The jurisdiction's law rules still run on the person's values.
		p.Jurisdiction = c.base.Jurisdiction
	}
	ds = append(ds, law.CheckBuild(p, law.Build{Docs: c.docs, Langs: c.langs})...)
	return p, ds.For(c.docs), nil
}

// rowProblem is a diagnostic of one row, placed at the column it came from when it is about a
// cell's value.
type rowProblem struct {
	col  *column // nil when the problem is not one cell's
	diag profile.Diagnostic
}

func (r rowProblem) String() string {
	s := r.diag.Message
	if r.diag.Rule != "" {
		s += " [" + r.diag.Rule + "]"
	}
	if r.col != nil {
		s = r.col.where() + ": " + s
	}
	return s
}

// checkRow decodes and checks one row. It returns the profile and data to draft with, or the
// row's errors; warnings are returned either way.
func (c *checker) checkRow(rowSets []string, setCols []*column) (p *profile.Profile, data map[string]any, errs, warns []rowProblem, err error) {
	rp, ds, err := c.decodeProfile(rowSets)
	if err != nil {
		return nil, nil, nil, nil, err
	}
	nb := len(c.baseSets)
	for _, d := range ds.Sorted() {
		k := setIndex(d)
		var col *column
		switch {
		case k > nb && k-nb <= len(setCols):
			if d.Col > 1 { // at the cell's value, not a key it created on the way
				col = setCols[k-nb-1]
			}
		case c.bg[diagKey(d)]:
			continue // the same without this row
		}
		if d.Level == profile.Error {
			errs = append(errs, rowProblem{col: col, diag: d})
		} else {
			warns = append(warns, rowProblem{col: col, diag: d})
		}
	}
	if len(errs) > 0 {
		return nil, nil, errs, warns, nil
	}
	if !c.fast {
		return rp, nil, nil, warns, nil
	}
	rd := rp.Data()
	data = maps.Clone(c.baseData)
	for _, t := range personTables {
		if v, ok := rd[t]; ok {
			data[t] = v
		} else {
			delete(data, t)
		}
	}
	return c.base, data, nil, warns, nil
}
