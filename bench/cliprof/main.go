package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime"
	"runtime/pprof"
	"runtime/trace"
	"strings"
	"sync"
	"time"

	"github.com/tsdraft/tsdraft/internal/cli"
)

func main() {
	if err := run(os.Args[1:]); err != nil {
		fmt.Fprintf(os.Stderr, "cliprof: %v\n", err)
		os.Exit(1)
	}
}

func run(args []string) error {
	fl := flag.NewFlagSet("cliprof", flag.ContinueOnError)
	n := fl.Int("n", 1, "times to run the command")
	cpuprof := fl.String("cpuprofile", "", "write a CPU profile here")
	memprof := fl.String("memprofile", "", "write a heap profile here, taken when the live heap was largest")
	traceOut := fl.String("trace", "", "write an execution trace here (go tool trace): where the wall time goes")
	if err := fl.Parse(args); err != nil {
		return err
	}
	if *memprof != "" {
		stop := watchHeap(*memprof)
		defer stop()
	}
	if fl.NArg() == 0 {
		return errors.New("usage: cliprof [-n N] [-cpuprofile FILE] [-memprofile FILE] [-trace FILE] -- TSDRAFT-ARG…")
	}
	if *cpuprof != "" {
		f, err := os.Create(*cpuprof)
		if err != nil {
			return err
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			return err
		}
		defer pprof.StopCPUProfile()
	}
	if *traceOut != "" {
		f, err := os.Create(*traceOut)
		if err != nil {
			return err
		}
		defer f.Close()
		if err := trace.Start(f); err != nil {
			return err
		}
		defer trace.Stop()
	}
	start := time.Now()
	for i := 0; i < *n; i++ {
		var errb strings.Builder
		if code := cli.Main(fl.Args(), strings.NewReader(""), io.Discard, &errb); code != 0 {
			return fmt.Errorf("run %d: tsdraft %s exited %d:\n%s", i+1, strings.Join(fl.Args(), " "), code, errb.String())
		}
	}
	el := time.Since(start)
	fmt.Fprintf(os.Stderr, "cliprof: %d runs in %.3fs (%.1f ms each)\n", *n, el.Seconds(), el.Seconds()*1000/float64(*n))
	return nil
}

// watchHeap writes a heap profile to path each time the live heap grows 10% past its largest
// size so far, so the file ends up showing what was live at the peak (what drives peak RSS).
func watchHeap(path string) (stop func()) {
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		var peak uint64
		var ms runtime.MemStats
		tick := time.NewTicker(50 * time.Millisecond)
		defer tick.Stop()
		for {
			select {
			case <-done:
				return
			case <-tick.C:
			}
			runtime.ReadMemStats(&ms)
			if ms.HeapAlloc < peak+peak/10 {
				continue
			}
			peak = ms.HeapAlloc
			runtime.GC() // the profile's in-use figures are as of the last GC
			if f, err := os.Create(path); err == nil {
				pprof.WriteHeapProfile(f)
				f.Close()
			}
			fmt.Fprintf(os.Stderr, "cliprof: heap profile at %.1f MB live\n", float64(peak)/(1<<20))
		}
	}()
	return func() { close(done); wg.Wait() }
}
