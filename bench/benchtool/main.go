package main

import (
	"fmt"
	"os"
)

const usage = `usage: benchtool COMMAND [flags]

commands:
  vars     add the bench fields to a profile's [vars]
  gen      write bench.docx, bench-dt.docx, people.csv and dt-data.json for a profile
  drive    render a CSV of people in-process with internal/render (custom template or shipped doc)
  floor    rewrite a DOCX zip N times with no filling (read every entry, deflate it again)
  compare  compare the text of two DOCX files (body, header, footer)
  report   turn bench/out/raw.tsv into the results table and check the targets
`

func main() {
	if len(os.Args) < 2 {
		fmt.Fprint(os.Stderr, usage)
		os.Exit(2)
	}
	cmds := map[string]func([]string) error{
		"vars":    runVars,
		"gen":     runGen,
		"drive":   runDrive,
		"floor":   runFloor,
		"compare": runCompare,
		"report":  runReport,
	}
	run, ok := cmds[os.Args[1]]
	if !ok {
		fmt.Fprintf(os.Stderr, "benchtool: unknown command %q\n%s", os.Args[1], usage)
		os.Exit(2)
	}
	if err := run(os.Args[2:]); err != nil {
		fmt.Fprintf(os.Stderr, "benchtool %s: %v\n", os.Args[1], err)
		os.Exit(1)
	}
}
