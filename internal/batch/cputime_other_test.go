//go:build !unix

package batch

func cpuTime() float64 { return 0 }
