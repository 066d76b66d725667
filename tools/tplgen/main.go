package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/tsdraft/tsdraft/internal/tplgen"
)

func main() {
	refPath := flag.String("reference", "templates/reference/reference.docx", "reference document: styles, numbering, header, footer, page set-up")
	flag.Parse()
	srcs, err := filepath.Glob("templates/src/*.txt")
	if err != nil || len(srcs) == 0 {
		fmt.Fprintln(os.Stderr, "tplgen: no templates/src/*.txt here; run from the repository root")
		os.Exit(1)
	}
	rb, err := os.ReadFile(*refPath)
	if err != nil {
		fmt.Fprintln(os.Stderr, "tplgen:", err)
		os.Exit(1)
	}
	ref, err := tplgen.LoadReference(*refPath, rb)
	if err != nil {
		fmt.Fprintln(os.Stderr, "tplgen:", err)
		os.Exit(1)
	}
	failed := false
	for _, src := range srcs {
		id := strings.TrimSuffix(filepath.Base(src), ".txt")
		b, err := os.ReadFile(src)
		if err == nil {
			b, err = tplgen.GenerateWith(ref, src, id, b)
		}
		if err == nil {
			err = os.WriteFile(filepath.Join("templates", id+".docx"), b, 0o644)
		}
		if err != nil {
			fmt.Fprintln(os.Stderr, "tplgen:", err)
			failed = true
			continue
		}
		fmt.Println("templates/" + id + ".docx")
	}
	if failed {
		os.Exit(1)
	}
}
