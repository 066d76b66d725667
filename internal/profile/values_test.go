package profile

import (
	"strings"
	"testing"
)

// TestValueChecks: each value check with a failing and a passing case, through a --set on the
// JP sample (so the position is the --set's).
func TestValueChecks(t *testing.T) {
	src, err := Sample("JP", nil)
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		set, rule, want string // want "" = the rule must not fire
	}{
		{"noncompete.compensation_amount=nan", "PROFILE-RANGE", "is not a number"},
		{"noncompete.compensation_amount=inf", "PROFILE-RANGE", "is not a number"},
		{"noncompete.compensation_percent=-inf", "PROFILE-RANGE", "is not a number"},
		{"noncompete.compensation_amount=5e15", "PROFILE-RANGE", "not a plausible monthly compensation"},
		{"noncompete.compensation_amount=300000", "PROFILE-RANGE", ""},
		{"employee.exit_date=2569-03-31", "PROFILE-DATE-YEAR", "Buddhist-era year (B.E. 2569 = 2026)"},
		{"date=2569-04-01", "PROFILE-DATE-YEAR", "write 2026-04-01"},
		{"confidential.items.0.review=2570-01-01", "PROFILE-DATE-YEAR", "Buddhist-era"},
		{"employee.hire_date=1899-12-31", "PROFILE-DATE-YEAR", "outside 1900–2200"},
		{"employee.hire_date=2999-01-01", "PROFILE-DATE-YEAR", "outside 1900–2200"},
		{"employee.exit_date=2026-03-31", "PROFILE-DATE-YEAR", ""},
		{`dispute.governing_law=""`, "PROFILE-EMPTY", "dispute.governing_law is written but empty"},
		{`dispute.seat="  "`, "PROFILE-EMPTY", "dispute.seat is written but empty"},
		{`dispute.institution={ ja = "", en = "" }`, "PROFILE-EMPTY", "written but empty"},
		{`company.phone=""`, "PROFILE-EMPTY", "written but empty"},
		{`dispute.governing_law="日本法"`, "PROFILE-EMPTY", ""},
		{`vars.x=""`, "PROFILE-EMPTY", ""},
	}
	for _, c := range cases {
		t.Run(c.set, func(t *testing.T) {
			_, ds := Decode("p.toml", src, []string{c.set})
			var got []Diagnostic
			for _, d := range ds {
				if d.Rule == c.rule {
					got = append(got, d)
				}
			}
			if c.want == "" {
				if len(got) > 0 {
					t.Fatalf("unexpected: %v", got)
				}
				return
			}
			if len(got) != 1 || got[0].Level != Error || !strings.Contains(got[0].String(), c.want) {
				t.Fatalf("want one %s error with %q, got %v", c.rule, c.want, got)
			}
			// A --set value is one line: its place prints as --set:N:COL (the help's promise).
			col := strings.Index(c.set, "=") + 2
			if prefix := "--set:1:" + itoa(col) + ": error"; !strings.HasPrefix(got[0].String(), prefix) {
				t.Errorf("position: %q, want prefix %q", got[0].String(), prefix)
			}
		})
	}
}
