// Command benchtool is the Go half of bench/run.sh: it generates the benchmark template in
// tsdraft's and docxtemplater's syntax, the people CSV and the docxtemplater data, renders with
// tsdraft in-process (a second measurement beside the CLI), rewrites the template's zip with no
// filling (the floor), compares what two engines wrote, and turns the raw timings into the
// results table. It is a benchmark tool, not part of tsdraft: nothing in internal/ imports it.
package main
