package textdist

import (
	"strings"
	"unicode/utf8"
)

// Distance is the Levenshtein distance between a and b, counted in runes.
func Distance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}

// Nearest returns the candidate a typo s most likely means: one equal to s but for case, else
// the one nearest by edit distance (compared in lower case) when it is near enough (at most
// 1 + len/4 edits, and fewer edits than s has characters) and unambiguous: "L4" is as near to
// L1 as to L3, so neither is meant. "" when none is.
func Nearest(s string, candidates []string) string {
	for _, c := range candidates {
		if strings.EqualFold(c, s) {
			return c
		}
	}
	ls := strings.ToLower(s)
	best, bestD, ties := "", 1<<30, 0
	for _, c := range candidates {
		d := Distance(ls, strings.ToLower(c))
		switch {
		case d < bestD:
			best, bestD, ties = c, d, 1
		case d == bestD:
			ties++
		}
	}
	n := utf8.RuneCountInString(s)
	if ties == 1 && bestD <= 1+n/4 && bestD < n {
		return best
	}
	return ""
}
