package batch

import (
	"cmp"
	"maps"
	"slices"
	"strconv"
	"strings"

	"github.com/tsdraft/tsdraft/internal/law"
	"github.com/tsdraft/tsdraft/internal/profile"
)

// How a row is checked and drafted
//
// Each row overrides the profile: its cells are laid over it as overlays (typed values placed
// at their cells; see profile.Overlay), and the values the sheet's columns name are first
// removed from the profile (a blank cell means the person has no such value), as are the
// person's own values no column gives (the example person of `tsdraft init` must never show
// through). The row is then checked like a profile, for the documents asked.
//
// The profile is parsed once (TOML and key positions: the costly part); each row copies it and
// lays its cells over the copy. When every column is a value of the person (employee.* or
// vars.*) the copy is small: the profile's languages, the rest of its [employee] and [vars],
// the --set values and the row; the jurisdiction's law rules are run on it. The documents'
// data is then the profile's data (checked once) with [employee] and [vars] taken from the
// row. Problems the small copy has of its own (no company, no jurisdiction …) are the same for
// every row; they are found once, with the row's values replaced by placeholders
// ("background"), and left out of each row's report. The company part is checked once, on the
// real profile with the same placeholders, so its problems keep their real line and column. A
// sheet with any other column (date, noncompete.months …) takes the general way: the whole
// profile, without the columns' values, for every row. TestFastAndFullWaysAgree holds the two
// ways to the same bytes.

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
	sha      string // SHA-256 of the profile file
	sheet    string // the people file: the File of every cell's place
	userSets []profile.Overlay
	nSets    int      // how many --set values were given (their ranks in a row's report)
	docs     []string // documents for CheckFor and the law rules
	langs    []string
	cols     []*column
	fast     bool

	base     *profile.Profile // the profile with placeholders for the columns (company part)
	baseData map[string]any

	row *profile.Base // what each row is laid over: small (fast) or the profile without the columns
	bg  map[string]bool
}

// dummy is a valid placeholder value for a column's root, of the right kind, so that the
// company part can be checked without any row.
func dummy(cols []*column, root []string) any {
	var c *column
	langs := map[string]any{}
	for _, x := range cols {
		if slices.Equal(x.root, root) {
			c = x
			if x.lang != "" {
				langs[x.lang] = "x"
			}
		}
	}
	if len(langs) > 0 {
		return langs
	}
	f := c.field
	switch c.kind {
	case profile.KindString:
		switch {
		case len(f.Enum) > 0:
			return f.Enum[0]
		case f.Pattern != "":
			return "XXX" // the only pattern is a currency code
		}
		return "x"
	case profile.KindText, profile.KindAny:
		return "x"
	case profile.KindStrings:
		if len(f.Enum) > 0 {
			return []any{f.Enum[0]}
		}
		return []any{"x"}
	case profile.KindTexts:
		return []any{"x"}
	case profile.KindDate:
		return profile.Date(2000, 1, 1)
	case profile.KindInt, profile.KindNumber:
		n := 1.0
		if f.Min != nil && *f.Min > n {
			n = *f.Min
		}
		if f.Max != nil && *f.Max < n {
			n = *f.Max
		}
		return numberValue(n)
	case profile.KindBool:
		return false
	}
	return "x"
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

// placeholders are a row of placeholder values (see dummy), one per value the columns replace,
// each placed at its first column's header.
func (c *checker) placeholders() []profile.Overlay {
	var out []profile.Overlay
	for _, r := range roots(c.cols) {
		i := slices.IndexFunc(c.cols, func(x *column) bool { return slices.Equal(x.root, r) })
		at := profile.Pos{File: c.sheet, Line: headerRow, Col: c.cols[i].index + 1}
		out = append(out, profile.Overlay{Path: r, Value: dummy(c.cols, r), Origin: at, Key: at})
	}
	return out
}

func diagKey(d profile.Diagnostic) string { return string(d.Level) + "|" + d.Rule + "|" + d.Message }

// newChecker checks the profile with the sheet's columns (company part) and prepares what each
// row is laid over. sheet is the people file's name, as the cells' places name it. The
// diagnostics returned are the company part's, for the documents asked; the checker is nil
// when any of them is an error.
func newChecker(name string, src []byte, sha, sheet string, baseSets, docs, langs []string, cols []*column, forceFull bool) (*checker, profile.Diagnostics) {
	c := &checker{sha: sha, sheet: sheet, nSets: len(baseSets), docs: docs, cols: cols}
	c.fast = !forceFull
	for _, col := range cols {
		if !slices.Contains(personTables, col.root[0]) {
			c.fast = false
		}
	}
	userSets, ds := profile.SetOverlays(baseSets)
	c.userSets = userSets
	full, pds := profile.Parse(name, src)
	if full == nil {
		return nil, append(pds, ds...) // TOML syntax: always in the file
	}
	p, ads := full.Apply(append(slices.Clone(userSets), c.placeholders()...))
	ds = append(ds, ads...)
	if len(langs) == 0 {
		langs = p.Languages
	}
	c.langs = langs
	if ds := c.company(ds); ds.HasErrors() {
		return nil, ds.For(docs)
	}
	ds = append(ds, p.CheckFor(docs, langs)...)
	ds = append(ds, law.CheckBuild(p, law.Build{Docs: docs, Langs: langs})...)
	ds = c.company(ds.For(docs))
	if ds.HasErrors() {
		return nil, ds
	}
	c.base, c.baseData = p, p.Data()

	// What each row is laid over: the profile without the values the columns replace.
	var keep func(k string) bool
	rowName := name + " (without the sheet's columns)"
	if c.fast {
		keep = func(k string) bool {
			// Without the jurisdiction the small copy gets none of its defaults (levels,
			// forums …), which are the company's and cost half the time of a row.
			return k != "jurisdiction" && slices.Contains(batchWide, k) || slices.Contains(personTables, k)
		}
		rowName = name + " (person part)"
	}
	c.row = full.Without(rowName, keep, append(roots(cols), dropped(cols)...))

	// The background: what the row's copy reports with placeholders for every cell.
	_, bds := c.check(c.placeholders())
	c.bg = map[string]bool{}
	for _, d := range bds {
		if d.File != c.sheet {
			c.bg[diagKey(d)] = true
		}
	}
	return c, ds
}

// company keeps the diagnostics that are not about the placeholders.
func (c *checker) company(ds profile.Diagnostics) profile.Diagnostics {
	var out profile.Diagnostics
	for _, d := range ds {
		if d.File != c.sheet {
			out = append(out, d)
		}
	}
	return out
}

// check lays the user's --set values and a row's overlays over the row's copy of the profile,
// and checks it for the documents.
func (c *checker) check(row []profile.Overlay) (*profile.Profile, profile.Diagnostics) {
	p, ds := c.row.Apply(append(slices.Clone(c.userSets), row...))
	ds = append(ds, p.CheckFor(c.docs, c.langs)...)
	if c.fast {
		// The jurisdiction's law rules still run on the person's values.
		p.Jurisdiction = c.base.Jurisdiction
	}
	ds = append(ds, law.CheckBuild(p, law.Build{Docs: c.docs, Langs: c.langs})...)
	return p, ds.For(c.docs)
}

// sorted orders a row's diagnostics as the row reads: the profile's first (by place), then
// the --set values' in their order, then the cells' in column order (a problem with the
// column's path, at its header, before one with the cell's value); exact duplicates once.
func (c *checker) sorted(ds profile.Diagnostics) profile.Diagnostics {
	rank := func(d profile.Diagnostic) int {
		if d.File == c.sheet {
			return 1 + c.nSets + d.Col
		}
		if n, ok := strings.CutPrefix(d.File, "--set:"); ok {
			if i, err := strconv.Atoi(n); err == nil {
				return 1 + i
			}
		}
		return 0
	}
	out := slices.Clone(ds)
	slices.SortStableFunc(out, func(a, b profile.Diagnostic) int {
		return cmp.Or(cmp.Compare(rank(a), rank(b)), strings.Compare(a.File, b.File), cmp.Compare(a.Line, b.Line),
			cmp.Compare(a.Col, b.Col), strings.Compare(a.Rule, b.Rule), strings.Compare(a.Message, b.Message))
	})
	return slices.CompactFunc(out, func(a, b profile.Diagnostic) bool {
		return a.String() == b.String() && slices.Equal(a.Docs, b.Docs)
	})
}

// cellColumn is the column whose cell a diagnostic points at (its value, not its header), or nil.
func (c *checker) cellColumn(d profile.Diagnostic) *column {
	if d.File != c.sheet || d.Line == headerRow {
		return nil
	}
	for _, col := range c.cols {
		if col.index+1 == d.Col {
			return col
		}
	}
	return nil
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

// checkRow checks one row, given as the overlays of its cells. It returns the profile and data
// to draft with, or the row's errors; warnings are returned either way.
func (c *checker) checkRow(row []profile.Overlay) (p *profile.Profile, data map[string]any, errs, warns []rowProblem) {
	rp, ds := c.check(row)
	for _, d := range c.sorted(ds) {
		if d.File != c.sheet && c.bg[diagKey(d)] {
			continue // the same without this row
		}
		pr := rowProblem{col: c.cellColumn(d), diag: d}
		if d.Level == profile.Error {
			errs = append(errs, pr)
		} else {
			warns = append(warns, pr)
		}
	}
	if len(errs) > 0 {
		return nil, nil, errs, warns
	}
	if !c.fast {
		return rp, nil, nil, warns
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
	return c.base, data, nil, warns
}
