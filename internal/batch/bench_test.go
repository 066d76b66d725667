package batch

import (
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"testing"

	"github.com/tsdraft/tsdraft/internal/render"
)

// BenchmarkBatch1000 drafts 1,000 bilingual (th+ja) exit pledges from a CSV file, files
// written, as `tsdraft batch -j 2` does (the target: under 2 s on a 2-core machine).
// BenchmarkBatch1000Full is the same through the general way (the whole profile decoded for
// every row), to show what the per-person source saves.
func BenchmarkBatch1000(b *testing.B)     { benchBatch(b, false) }
func BenchmarkBatch1000Full(b *testing.B) { benchBatch(b, true) }

func benchBatch(b *testing.B, full bool) {
	dir := b.TempDir()
	prof := writeSample(b, dir, "TH")
	people := filepath.Join(dir, "people.csv")
	peopleCSV(b, people, 1000)
	r, err := newTestRenderer([]string{"th", "ja"}, true)
	if err != nil {
		b.Fatal(err)
	}
	n := 0
	cpu0 := cpuTime()
	defer func() { b.ReportMetric((cpuTime()-cpu0)/float64(n), "cpu-s/op") }()
	for b.Loop() {
		n++
		out := filepath.Join(dir, "out"+strconv.Itoa(n))
		rep, log, err := runCore(b, Options{Profile: prof, People: people, OutDir: out, Jobs: 2, forceFull: full,
			NewRenderer: func([]string, bool) (*render.Renderer, error) { return r, nil }})
		if err != nil {
			b.Fatalf("%v\n%s", err, log)
		}
		if rep.Written != 1000 {
			b.Fatalf("%d written\n%s", rep.Written, log)
		}
	}
}

// BenchmarkCheckRow is the check of one row alone (decode, CheckFor, law rules, data), the
// fast way and the general way.
func BenchmarkCheckRow(b *testing.B)     { benchCheckRow(b, false) }
func BenchmarkCheckRowFull(b *testing.B) { benchCheckRow(b, true) }

func benchCheckRow(b *testing.B, full bool) {
	dir := b.TempDir()
	prof := writeSample(b, dir, "TH")
	src, err := os.ReadFile(prof)
	if err != nil {
		b.Fatal(err)
	}
	cols, _, err := parseHeader("people.csv", peopleHeader, nil)
	if err != nil {
		b.Fatal(err)
	}
	chk, ds := newChecker(prof, src, "0", "people.csv", nil, []string{"exit-pledge"}, nil, cols, full)
	if chk == nil {
		b.Fatal(ds)
	}
	r := &run{cols: cols, src: &source{name: "people.csv"}, named: slices.Repeat([]bool{true}, len(peopleHeader))}
	var rec record
	for _, c := range leaver(7) {
		rec.cells = append(rec.cells, Cell{Text: c, Raw: c})
	}
	_, ovs, problems := r.rowSets(rec)
	if len(problems) > 0 {
		b.Fatal(problems)
	}
	cpu0 := cpuTime()
	defer func() { b.ReportMetric((cpuTime()-cpu0)/float64(b.N)*1e6, "cpu-µs/op") }()
	for b.Loop() {
		_, _, errs, _ := chk.checkRow(ovs)
		if len(errs) > 0 {
			b.Fatal(errs)
		}
	}
}
