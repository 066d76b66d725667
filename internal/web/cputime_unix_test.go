//go:build unix

package web

import "syscall"

// cpuTime is the CPU time (user and system) the process has used, in seconds: on a shared
// machine a benchmark's wall time says little, its CPU time more.
func cpuTime() float64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return float64(ru.Utime.Nano()+ru.Stime.Nano()) / 1e9
}
