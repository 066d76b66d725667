package textdist

import "testing"

func TestDistance(t *testing.T) {
	for _, c := range []struct {
		a, b string
		d    int
	}{{"", "", 0}, {"abc", "abc", 0}, {"kitten", "sitting", 3}, {"employee.nmae", "employee.name", 2}, {"名前", "名称", 1}, {"", "ab", 2}} {
		if got := Distance(c.a, c.b); got != c.d {
			t.Errorf("Distance(%q, %q) = %d, want %d", c.a, c.b, got, c.d)
		}
	}
}

func TestNearest(t *testing.T) {
	cands := []string{"employee.name", "employee.id", "L1", "L2", "L3", "Exit-Pledge"}
	for _, c := range []struct{ s, want string }{
		{"employee.nmae", "employee.name"}, // a typo
		{"EMPLOYEE.ID", "employee.id"},     // case only
		{"exit-pledge", "Exit-Pledge"},     // case only, the candidate as written
		{"L4", ""},                         // as near to L1 as to L3: none is meant
		{"x", ""},                          // every candidate is as far as s is long
		{"employee.department", ""},        // too far
	} {
		if got := Nearest(c.s, cands); got != c.want {
			t.Errorf("Nearest(%q) = %q, want %q", c.s, got, c.want)
		}
	}
}
