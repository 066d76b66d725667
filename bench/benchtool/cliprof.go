package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"runtime/pprof"
	"strings"
	"time"

	"github.com/tsdraft/tsdraft/internal/cli"
)

// runCLIProfile runs tsdraft's own command code (cli.Main, the code the binary runs) in this
// process, -n times, under a CPU profile: where one `tsdraft render` or `tsdraft batch` spends
// its time, start-up work (catalogue, profile, template) included.
//
//	benchtool cli -n 20 -cpuprofile render.pprof -- render bench.docx profile.toml -o x.docx --force
//	go tool pprof -top bench/out/bin/benchtool render.pprof
func runCLIProfile(args []string) error {
	fl := flag.NewFlagSet("cli", flag.ContinueOnError)
	n := fl.Int("n", 1, "times to run the command")
	cpuprof := fl.String("cpuprofile", "", "write a CPU profile here")
	if err := fl.Parse(args); err != nil {
		return err
	}
	if fl.NArg() == 0 {
		return fmt.Errorf("usage: benchtool cli [-n N] [-cpuprofile FILE] -- TSDRAFT-ARGS...")
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
	start := time.Now()
	for i := 0; i < *n; i++ {
		var errb strings.Builder
		if code := cli.Main(fl.Args(), strings.NewReader(""), io.Discard, &errb); code != 0 {
			return fmt.Errorf("run %d: tsdraft %s exited %d:\n%s", i+1, strings.Join(fl.Args(), " "), code, errb.String())
		}
	}
	el := time.Since(start)
	fmt.Fprintf(os.Stderr, "cli: %d runs in %.3fs (%.1f ms each)\n", *n, el.Seconds(), el.Seconds()*1000/float64(*n))
	return nil
}
