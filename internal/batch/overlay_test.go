package batch

import (
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/tsdraft/tsdraft/internal/profile"
)

// A cell that reads as its column's kind but that the profile's checks refuse (a control
// character, a number out of range, a currency that is no code, an exit before the hire) is
// reported at its cell: the row, the column letter and the header, with the profile's own
// wording. The value goes to the profile as an overlay placed at the cell, both the fast way
// (person columns only) and the general way.
func TestRowValueProblemsAtTheirCell(t *testing.T) {
	dir := t.TempDir()
	prof := writeSample(t, dir, "TH")
	src, err := os.ReadFile(prof)
	if err != nil {
		t.Fatal(err)
	}
	header := []string{"employee.id", "employee.name", "employee.department", "employee.hire_date", "employee.exit_date",
		"vars.case_no", "noncompete.months", "noncompete.currency", "noncompete.compensation_percent"}
	good := []string{"E-1", "สมชาย ใจดี", "R&D", "2019-04-01", "2026-03-31", "EX-1", "12", "THB", "30%"}
	for _, tc := range []struct {
		name   string
		header int    // how many columns of header the sheet has (6: person columns only, the fast way)
		col    int    // 0-based column of the bad cell
		value  string // what the cell holds
		rule   string
		msg    string
	}{
		{"control character", 6, 2, "R\x01D", "PROFILE-XML-CHAR", "employee.department contains the control character U+0001"},
		{"control character in vars", 6, 5, "EX\x1f1", "PROFILE-XML-CHAR", "vars.case_no contains the control character U+001F"},
		{"exit before hire", 6, 4, "2018-01-31", "", "employee.exit_date (2018-01-31) is before employee.hire_date (2019-04-01)"},
		{"months out of range", 9, 6, "999", "PROFILE-RANGE", "noncompete.months = 999 is out of range: it must be from 0 to 120"},
		{"currency", 9, 7, "baht", "PROFILE-ENUM", `noncompete.currency = "baht" is not valid`},
		{"percent out of range", 9, 8, "150%", "PROFILE-RANGE", "noncompete.compensation_percent = 150 is out of range"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			cols, _, err := parseHeader("people.csv", header[:tc.header], nil)
			if err != nil {
				t.Fatal(err)
			}
			chk, ds := newChecker(prof, src, "0", "people.csv", nil, []string{"exit-pledge"}, nil, cols, false)
			if chk == nil {
				t.Fatal(ds)
			}
			if fast := tc.header == 6; chk.fast != fast {
				t.Fatalf("fast way = %v, want %v", chk.fast, fast)
			}
			r := &run{cols: cols, src: &source{name: "people.csv"}, named: make([]bool, tc.header)}
			for i := range r.named {
				r.named[i] = true
			}
			rec := record{row: 7}
			for i, s := range good[:tc.header] {
				if i == tc.col {
					s = tc.value
				}
				rec.cells = append(rec.cells, Cell{Text: s, Raw: s})
			}
			_, ovs, cellErrs := r.rowSets(rec)
			if len(cellErrs) > 0 {
				t.Fatalf("the cell was refused before the profile saw it: %v", cellErrs)
			}
			_, _, errs, _ := chk.checkRow(ovs)
			var got []Problem
			for _, e := range errs {
				got = append(got, r.problemText(rec.row, e))
			}
			i := slices.IndexFunc(errs, func(e rowProblem) bool { return strings.Contains(e.diag.Message, tc.msg) })
			if i < 0 {
				t.Fatalf("no error %q in %v", tc.msg, got)
			}
			e, p := errs[i], got[i]
			if tc.rule != "" && e.diag.Rule != tc.rule {
				t.Errorf("rule %s, want %s", e.diag.Rule, tc.rule)
			}
			if want := (profile.Pos{File: "people.csv", Line: 7, Col: tc.col + 1}); (profile.Pos{File: e.diag.File, Line: e.diag.Line, Col: e.diag.Col}) != want {
				t.Errorf("diagnostic placed at %s:%d:%d, want the cell %v", e.diag.File, e.diag.Line, e.diag.Col, want)
			}
			if p.Row != 7 || p.Column != columnLetter(tc.col) || p.Header != header[tc.col] || p.Message != e.diag.Message {
				t.Errorf("problem = %+v; want row 7, column %s (%s)", p, columnLetter(tc.col), header[tc.col])
			}
			// The same row with a good cell is fine: the problem is the cell's, not the profile's.
			rec.cells[tc.col] = Cell{Text: good[tc.col], Raw: good[tc.col]}
			_, ovs, _ = r.rowSets(rec)
			if _, _, errs, _ := chk.checkRow(ovs); len(errs) > 0 {
				t.Errorf("a good row has errors: %v", errs)
			}
		})
	}
}
