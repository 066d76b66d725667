package batch

import (
	"fmt"
	"runtime"
)

// maxJobs bounds -j: each worker holds a document in memory, and more workers than a few per
// CPU only add memory, never speed.
func maxJobs() int { return max(64, 4*runtime.NumCPU()) }

func checkJobs(n int) error {
	if n > maxJobs() {
		return fmt.Errorf("-j %d: at most %d documents can be drafted at the same time here (%d CPUs); the default, -j %d, is usually fastest",
			n, maxJobs(), runtime.NumCPU(), runtime.NumCPU())
	}
	return nil
}
