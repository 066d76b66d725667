package batch

import (
	"errors"
	"path/filepath"
	"slices"
	"testing"
)

// Every bad-row message a leavers sheet can produce carries a key and the arguments an
// interface needs to say it in its own language (the web app's HR table), with the English
// message unchanged for the CLI. The sheet is run through the real batch.
func TestRowProblemsCarryKeys(t *testing.T) {
	dir := t.TempDir()
	prof := writeSample(t, dir, "TH")
	people := filepath.Join(dir, "p.csv")
	writeCSV(t, people, [][]string{
		{"employee.id", "employee.name", "employee.exit_date", "employee.hire_date", "employee.national_id", ""},
		{"E-1", "สมชาย ใจดี", "2026-03-31", "2020-01-01", "", ""}, // row 2: fine
		{"E-2", "", "2026-03-31", "", "", ""},                     // 3: name blank
		{"E-3", "Ann", "2026-02-30", "", "", ""},                  // 4
		{"E-4", "Ben", "2569-03-31", "", "", ""},                  // 5
		{"E-5", "Cara", "2026-03-31", "2027-01-01", "", ""},       // 6
		{"E-6", "Dan", "03/31/2026", "", "", ""},                  // 7: TH reads day first
		{"E-7", "Eve", "31/03/26", "", "", ""},                    // 8
		{"E-8", "Fay", "1800-01-01", "", "", ""},                  // 9
		{"E-9", "Gus", "soon", "", "", ""},                        // 10
		{"E-10", "Hal", "2026-13-01", "", "", ""},                 // 11
		{"E-11", "Ivy", "2026-03-31", "", "", "memo"},             // 12: value without header
		{ExampleID, "Example", "2026-03-31", "", "", ""},          // 13
	})
	rep, log, err := runCore(t, Options{Profile: prof, People: people, OutDir: filepath.Join(dir, "out")})
	if err != nil {
		t.Fatalf("%v\n%s", err, log)
	}
	type want struct {
		col, key string
		args     []string
	}
	wants := map[int][]want{
		3:  {{"B", MsgRequired, []string{"employee.name", "exit-pledge"}}, {"B", MsgBlankInName, []string{"employee.name"}}},
		4:  {{"C", MsgNoSuchDay, []string{"2026-02-30", "2026", "2", "30"}}},
		5:  {{"C", MsgBuddhistYear, []string{"2569-03-31", "2569", "2026"}}},
		6:  {{"C", MsgExitBeforeHire, []string{"2026-03-31", "2027-01-01"}}},
		7:  {{"C", MsgNotAMonth, []string{"03/31/2026", "31", "2026-03-31"}}},
		8:  {{"C", MsgTwoDigitYear, []string{"31/03/26"}}},
		9:  {{"C", MsgYearRange, []string{"1800-01-01", "1800", "1900", "2100"}}},
		10: {{"C", MsgNotADateDMY, []string{"soon"}}},
		11: {{"C", MsgNoSuchMonth, []string{"2026-13-01", "13"}}},
		12: {{"F", MsgNoHeader, []string{"memo"}}},
		13: {{"", MsgExampleRow, []string{ExampleID}}},
	}
	seen := map[int]bool{}
	for _, r := range rep.Rows {
		w, ok := wants[r.Row]
		if !ok {
			if len(r.Problems) > 0 {
				t.Errorf("row %d: unexpected problems %+v", r.Row, r.Problems)
			}
			continue
		}
		seen[r.Row] = true
		if len(r.Problems) != len(w) {
			t.Errorf("row %d: problems %+v, want %d", r.Row, r.Problems, len(w))
			continue
		}
		for i, p := range r.Problems {
			if p.Column != w[i].col || p.Key != w[i].key || !slices.Equal(p.Args, w[i].args) || p.Message == "" {
				t.Errorf("row %d problem %d: column %q key %q args %q (%s), want %q %q %q", r.Row, i, p.Column, p.Key, p.Args, p.Message, w[i].col, w[i].key, w[i].args)
			}
		}
	}
	for row := range wants {
		if !seen[row] {
			t.Errorf("row %d not reported", row)
		}
	}
}

// Every key is listed in MsgKeys once, so an interface's test can require a text for each.
func TestMsgKeysListed(t *testing.T) {
	seen := map[string]bool{}
	for _, k := range MsgKeys {
		if seen[k] || k == "" {
			t.Errorf("key %q listed twice or empty", k)
		}
		seen[k] = true
	}
	for _, k := range []string{MsgTwoDigitYear, MsgNoSuchMonth, MsgPledgeDate, MsgCheck, MsgNotPerRow, MsgExcelLeapDay} {
		if !seen[k] {
			t.Errorf("%q not in MsgKeys", k)
		}
	}
}

// The header row's problems HR meets carry keys too: a misspelt path (with the path it may
// mean) and a sheet without a name column.
func TestHeaderProblemsCarryKeys(t *testing.T) {
	for _, tc := range []struct {
		header []string
		key    string
		args   []string
	}{
		{[]string{"employee.id", "employee.nmae", "employee.exit_date"}, MsgUnknownPathHint, []string{"employee.name"}},
		{[]string{"employee.id", "employee.exit_date", "備考"}, MsgNoNameColumn, nil},
	} {
		_, _, err := parseHeader("p.csv", tc.header, testHeaders(t))
		var se *SheetError
		if !errors.As(err, &se) || len(se.Problems) != 1 {
			t.Errorf("%q: %v, want one header problem", tc.header, err)
			continue
		}
		if p := se.Problems[0]; p.Key != tc.key || !slices.Equal(p.Args, tc.args) {
			t.Errorf("%q: key %q args %q (%s), want %q %q", tc.header, p.Key, p.Args, p.Message, tc.key, tc.args)
		}
	}
}
