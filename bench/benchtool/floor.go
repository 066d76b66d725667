package main

import (
	"archive/zip"
	"bytes"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sync"
	"time"
)

// runFloor is the floor of issue #2: the template's zip rewritten N times with no filling at
// all. Each document reads every entry of the template (inflating it) and writes it into a new
// zip with archive/zip's defaults (Deflate at the default level), then writes the file. No
// temporary file, no verification: the least any engine must do to write N DOCX files.
func runFloor(args []string) error {
	fl := flag.NewFlagSet("floor", flag.ContinueOnError)
	tmpl := fl.String("template", "", "DOCX to rewrite")
	n := fl.Int("n", 1000, "documents")
	out := fl.String("o", "out", "output directory")
	jobs := fl.Int("j", 1, "workers")
	if err := fl.Parse(args); err != nil {
		return err
	}
	src, err := os.ReadFile(*tmpl)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(*out, 0o755); err != nil {
		return err
	}
	start := time.Now()
	work := make(chan int)
	errs := make(chan error, 1)
	var wg sync.WaitGroup
	for w := 0; w < *jobs; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range work {
				b, err := rezip(src)
				if err == nil {
					err = os.WriteFile(filepath.Join(*out, fmt.Sprintf("floor_%06d.docx", i)), b, 0o644)
				}
				if err != nil {
					select { // keep the first error, keep draining so the sender never blocks
					case errs <- err:
					default:
					}
				}
			}
		}()
	}
	for i := 0; i < *n; i++ {
		work <- i
	}
	close(work)
	wg.Wait()
	select {
	case err := <-errs:
		return err
	default:
	}
	el := time.Since(start)
	fmt.Fprintf(os.Stderr, "floor: %d documents in %.3fs (%.0f/s)\n", *n, el.Seconds(), float64(*n)/el.Seconds())
	return nil
}

func rezip(src []byte) ([]byte, error) {
	zr, err := zip.NewReader(bytes.NewReader(src), int64(len(src)))
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, e := range zr.File {
		rc, err := e.Open()
		if err != nil {
			return nil, err
		}
		w, err := zw.Create(e.Name)
		if err == nil {
			_, err = io.Copy(w, rc)
		}
		rc.Close()
		if err != nil {
			return nil, err
		}
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
