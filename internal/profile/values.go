package profile

import (
	"fmt"
	"math"
	"strings"
	"time"
)

// Value checks that a lawyer would make and a type check does not (review 2026-12 B; security
// review): a number that is not a number, an amount no contract means, a year no document
// carries, a Buddhist-era year typed as a Gregorian date, a key written with nothing in it.

// Years a document date may carry. Outside, the value is a typing slip (20260, 0206) or a
// Buddhist-era year (B.E. 2569 = 2026).
const (
	minYear = 1900
	maxYear = 2200
	// beOffset is the difference between the Buddhist era used in Thailand and the Gregorian
	// year (B.E. 2569 = A.D. 2026).
	beOffset = 543
)

// maxAmount is the largest compensation amount accepted: above it the value is a slip (an
// extra digit group, a pasted account number), not a monthly payment in any currency tsdraft
// uses (IDR and VND included).
const maxAmount = 1e12

func (d *decoder) finite(n float64, path []string) bool {
	if !math.IsNaN(n) && !math.IsInf(n, 0) {
		return true
	}
	d.add(Error, "PROFILE-RANGE", path, true,
		fmt.Sprintf("%s = %v is not a number a document can state", displayPath(path), n),
		"write the amount or percentage as digits, e.g. 50 or 250000")
	return false
}

func (d *decoder) plausibleAmount(n float64, path []string) bool {
	if len(path) == 0 || path[len(path)-1] != "compensation_amount" || n <= maxAmount {
		return true
	}
	d.add(Error, "PROFILE-RANGE", path, true,
		fmt.Sprintf("%s = %s is not a plausible monthly compensation (more than %s)", displayPath(path), fmtNum(n), fmtNum(maxAmount)),
		"check the number of digits: the amount is paid each month of the restraint")
	return false
}

// plausibleYear refuses dates outside minYear..maxYear, and says so plainly when the year is a
// Buddhist-era year (2443–2743 is 1900–2200 B.E.), as Thai staff write dates.
func (d *decoder) plausibleYear(t time.Time, path []string) bool {
	y := t.Year()
	if y >= minYear && y <= maxYear {
		return true
	}
	msg := fmt.Sprintf("%s = %s: the year %d is outside %d–%d", displayPath(path), t.Format("2006-01-02"), y, minYear, maxYear)
	hint := "check the year"
	if g := y - beOffset; g >= minYear && g <= maxYear {
		msg = fmt.Sprintf("%s = %s looks like a Buddhist-era year (B.E. %d = %d); dates in a profile are Gregorian", displayPath(path), t.Format("2006-01-02"), y, g)
		hint = fmt.Sprintf("write %s", t.AddDate(-beOffset, 0, 0).Format("2006-01-02"))
	}
	d.add(Error, "PROFILE-DATE-YEAR", path, true, msg, hint)
	return false
}

// notEmpty refuses a text or code written with nothing in it: the key exists, so no default
// fills it, and the document would print "governed by the laws of ." (review 2026-12 B).
// Inside [vars] the user's own templates decide.
func (d *decoder) notEmpty(v any, path []string) bool {
	if len(path) > 0 && path[0] == "vars" {
		return true
	}
	empty := false
	switch x := v.(type) {
	case string:
		empty = strings.TrimSpace(x) == ""
	case map[string]any:
		// One language left blank is PROFILE-LANG-MISSING, for the documents that need it.
		empty = true
		for _, e := range x {
			if s, ok := e.(string); !ok || strings.TrimSpace(s) != "" {
				empty = false
			}
		}
	}
	if !empty {
		return true
	}
	d.add(Error, "PROFILE-EMPTY", path, true,
		fmt.Sprintf("%s is written but empty; a document would print nothing in its place", displayPath(path)),
		"write the value, or delete the key to use the default (tsdraft init shows the defaults)")
	return false
}
