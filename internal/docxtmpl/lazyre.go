package docxtmpl

import (
	"regexp"
	"sync"
)

// lazyRegexp returns a function that compiles expr on its first call and returns the same
// *regexp.Regexp from then on. Package-level regexp.MustCompile runs at init in every tsdraft
// process, `tsdraft version` included; compiling on first use moves that cost to the commands
// that match. The expressions are constants, so a bad one is a build defect: it panics, as
// MustCompile did, on first use, and TestLazyRegexpsCompile compiles each of them.
func lazyRegexp(expr string) func() *regexp.Regexp {
	return sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(expr) })
}
