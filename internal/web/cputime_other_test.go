//go:build !unix

package web

func cpuTime() float64 { return 0 }
