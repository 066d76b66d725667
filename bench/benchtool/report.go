package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"sort"
	"strconv"
	"strings"
)

// A sample is one timed process: what ran, for how many documents, its wall time and peak RSS.
type sample struct {
	label  string
	n      int
	round  int
	wall   float64 // seconds
	rssKB  float64
	cpu    float64 // user + system seconds
	failed bool
}

// series are the samples of one label and N.
type series struct {
	label  string
	n      int
	walls  []float64
	rounds []int // the round of each wall time
	rss    []float64
	cpus   []float64
	failed int
}

func (s *series) wall() float64  { return median(s.walls) }
func (s *series) rssMB() float64 { return median(s.rss) / 1024 }
func (s *series) cpu() float64   { return median(s.cpus) }
func (s *series) rate() float64 {
	if w := s.wall(); w > 0 {
		return float64(s.n) / w
	}
	return 0
}

// labels in table order, with what they measure.
var labelDesc = []struct{ label, desc string }{
	{"batch-template", "tsdraft batch --template (CLI, -j 2)"},
	{"docxtemplater", "docxtemplater (node, paragraphLoop)"},
	{"docxtemplater-x2", "docxtemplater, 2 processes of N/2 each"},
	{"drive-template", "tsdraft in-process driver --template (-j 2)"},
	{"floor-j2", "floor: zip rewrite, no filling (-j 2)"},
	{"floor-j1", "floor: zip rewrite, no filling (-j 1)"},
	{"batch-exit-pledge", "tsdraft batch --doc exit-pledge th+ja (CLI)"},
	{"drive-exit-pledge", "tsdraft in-process driver exit-pledge th+ja"},
	{"render", "tsdraft render, one process (loop)"},
	{"version", "tsdraft version: process start-up (loop)"},
}

func runReport(args []string) error {
	fl := flag.NewFlagSet("report", flag.ContinueOnError)
	raw := fl.String("raw", "bench/out/raw.tsv", "raw timings written by run.sh")
	hf := fl.String("hyperfine", "", "hyperfine JSON export of the single-render timing (optional)")
	out := fl.String("o", "", "also write the table to this file")
	if err := fl.Parse(args); err != nil {
		return err
	}
	f, err := os.Open(*raw)
	if err != nil {
		return err
	}
	defer f.Close()
	meta, samples, err := readRaw(f)
	if err != nil {
		return err
	}
	var hfs []hfResult
	if *hf != "" {
		if hfs, err = readHyperfine(*hf); err != nil {
			return err
		}
	}
	var sb strings.Builder
	writeReport(&sb, meta, samples, hfs)
	fmt.Print(sb.String())
	if *out != "" {
		return os.WriteFile(*out, []byte(sb.String()), 0o644)
	}
	return nil
}

// readRaw reads run.sh's raw.tsv: "#meta<TAB>key<TAB>value" lines, then
// "label<TAB>n<TAB>round<TAB>wall_s<TAB>rss_kb<TAB>cpu_s<TAB>status" lines.
func readRaw(r io.Reader) ([][2]string, []sample, error) {
	var meta [][2]string
	var out []sample
	sc := bufio.NewScanner(r)
	line := 0
	for sc.Scan() {
		line++
		f := strings.Split(sc.Text(), "\t")
		if len(f) == 0 || f[0] == "" {
			continue
		}
		if f[0] == "#meta" {
			if len(f) >= 3 {
				meta = append(meta, [2]string{f[1], strings.Join(f[2:], " ")})
			}
			continue
		}
		if len(f) != 7 {
			return nil, nil, fmt.Errorf("raw line %d: want 7 fields, have %d", line, len(f))
		}
		n, err1 := strconv.Atoi(f[1])
		wall, err2 := strconv.ParseFloat(f[3], 64)
		rss, err3 := strconv.ParseFloat(f[4], 64)
		cpu, err4 := strconv.ParseFloat(f[5], 64)
		round, err5 := strconv.Atoi(f[2])
		if err1 != nil || err2 != nil || err3 != nil || err4 != nil || err5 != nil {
			return nil, nil, fmt.Errorf("raw line %d: bad number in %q", line, sc.Text())
		}
		out = append(out, sample{label: f[0], n: n, round: round, wall: wall, rssKB: rss, cpu: cpu, failed: f[6] != "ok"})
	}
	return meta, out, sc.Err()
}

// roundRatios is docxtemplater's wall time over tsdraft's, round by round (rounds where both
// ran): how far the ratio moves with the machine's load within one run.
func roundRatios(ts, dt *series) (lo, hi float64, k int) {
	dtWall := map[int]float64{}
	for i, r := range dt.rounds {
		dtWall[r] = dt.walls[i]
	}
	for i, r := range ts.rounds {
		w, ok := dtWall[r]
		if !ok || ts.walls[i] <= 0 {
			continue
		}
		x := w / ts.walls[i]
		if k == 0 || x < lo {
			lo = x
		}
		if k == 0 || x > hi {
			hi = x
		}
		k++
	}
	return lo, hi, k
}

func group(samples []sample) map[string]*series {
	m := map[string]*series{}
	for _, s := range samples {
		k := fmt.Sprintf("%s/%d", s.label, s.n)
		g := m[k]
		if g == nil {
			g = &series{label: s.label, n: s.n}
			m[k] = g
		}
		if s.failed {
			g.failed++
			continue
		}
		g.walls = append(g.walls, s.wall)
		g.rounds = append(g.rounds, s.round)
		g.rss = append(g.rss, s.rssKB)
		g.cpus = append(g.cpus, s.cpu)
	}
	return m
}

func writeReport(w io.Writer, meta [][2]string, samples []sample, hfs []hfResult) {
	groups := group(samples)
	fmt.Fprintln(w, "tsdraft benchmark (bench/run.sh)")
	for _, kv := range meta {
		fmt.Fprintf(w, "  %-14s %s\n", kv[0]+":", kv[1])
	}
	fmt.Fprintln(w)
	const row = "%-46s %6s %4s %9s %9s %9s %8s%s\n"
	fmt.Fprintf(w, row, "what", "N", "runs", "wall s", "docs/s", "CPU s", "RSS MB", "")
	var keys []*series
	for _, g := range groups {
		keys = append(keys, g)
	}
	order := map[string]int{}
	for i, l := range labelDesc {
		order[l.label] = i
	}
	sort.Slice(keys, func(i, j int) bool {
		oi, oki := order[keys[i].label]
		oj, okj := order[keys[j].label]
		if oki != okj {
			return oki
		}
		if oi != oj {
			return oi < oj
		}
		if keys[i].label != keys[j].label {
			return keys[i].label < keys[j].label
		}
		return keys[i].n < keys[j].n
	})
	for _, g := range keys {
		desc := g.label
		if i, ok := order[g.label]; ok {
			desc = labelDesc[i].desc
		}
		if len(g.walls) == 0 {
			fmt.Fprintf(w, row, desc, itoa(g.n), "0", "-", "-", "-", "-", fmt.Sprintf("  (all %d runs failed)", g.failed))
			continue
		}
		note := ""
		if g.failed > 0 {
			note = fmt.Sprintf("  (%d runs failed)", g.failed)
		}
		rate := fmt.Sprintf("%.0f", g.rate())
		if g.n == 1 { // single-process timings: the wall time is the figure
			rate = "-"
		}
		fmt.Fprintf(w, row, desc, itoa(g.n), itoa(len(g.walls)), fmt.Sprintf("%.3f", g.wall()), rate,
			fmt.Sprintf("%.3f", g.cpu()), fmt.Sprintf("%.1f", g.rssMB()), note)
	}
	for _, h := range hfs {
		desc := "hyperfine: " + h.name
		if d, ok := hfDesc[h.name]; ok {
			desc = d
		}
		fmt.Fprintf(w, row, desc, "1", itoa(h.runs), fmt.Sprintf("%.3f", h.median), "-", "-", "-", "")
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, "targets (issue #2, issue #6)")
	for _, t := range checkTargets(groups, hfs) {
		fmt.Fprintln(w, "  "+t)
	}
}

// pickSeries returns the CLI series if it ran, else the in-process driver's, with a note.
func pickSeries(groups map[string]*series, cli, driver string, n int) (*series, string) {
	if g := groups[fmt.Sprintf("%s/%d", cli, n)]; g != nil && len(g.walls) > 0 {
		return g, ""
	}
	if g := groups[fmt.Sprintf("%s/%d", driver, n)]; g != nil && len(g.walls) > 0 {
		return g, " [in-process driver: the batch CLI did not run]"
	}
	return nil, ""
}

func verdict(ok bool) string {
	if ok {
		return "[PASS]"
	}
	return "[MISS]"
}

func checkTargets(groups map[string]*series, hfs []hfResult) []string {
	var out []string
	missing := func(what string) { out = append(out, "[ -- ] "+what+": not measured") }

	// The N of the A/B comparison is the largest N docxtemplater ran at (1000 in a full run).
	abN := 0
	for _, g := range groups {
		if g.label == "docxtemplater" && g.n > abN && len(g.walls) > 0 {
			abN = g.n
		}
	}
	ts, note := pickSeries(groups, "batch-template", "drive-template", abN)
	dt := groups[fmt.Sprintf("docxtemplater/%d", abN)]
	if ts != nil && dt != nil {
		r := ts.rate() / dt.rate()
		out = append(out, fmt.Sprintf("%s tsdraft ≥ 8× docxtemplater at N=%d: %.0f/s against %.0f/s = %.1f×%s", verdict(r >= 8), abN, ts.rate(), dt.rate(), r, note))
		if lo, hi, k := roundRatios(ts, dt); k > 1 {
			out = append(out, fmt.Sprintf("[info] round by round (the two runs of a round are back to back): %.1f× to %.1f× over %d rounds; the target is on the medians", lo, hi, k))
		}
	} else {
		missing("tsdraft ≥ 8× docxtemplater")
	}
	if dt2 := groups[fmt.Sprintf("docxtemplater-x2/%d", abN)]; ts != nil && dt2 != nil && len(dt2.walls) > 0 {
		out = append(out, fmt.Sprintf("[info] against docxtemplater on both cores (2 processes) at N=%d: %.0f/s = %.1f×", abN, dt2.rate(), ts.rate()/dt2.rate()))
	}
	if fl := groups[fmt.Sprintf("floor-j2/%d", abN)]; ts != nil && fl != nil && len(fl.walls) > 0 {
		r := fl.rate() / ts.rate()
		how := fmt.Sprintf("%.2f× slower", r)
		if r < 1 { // tsdraft copies unchanged parts as they are; the floor deflates every part
			how = fmt.Sprintf("%.2f× faster than the floor", 1/r)
		}
		out = append(out, fmt.Sprintf("%s within 2× of the floor (-j 2) at N=%d: floor %.0f/s, tsdraft %.0f/s = %s%s", verdict(r <= 2), abN, fl.rate(), ts.rate(), how, note))
	} else {
		missing("within 2× of the floor")
	}
	// Memory flat in N: the largest N against the A/B N.
	big := 0
	for _, g := range groups {
		if (g.label == "batch-template" || g.label == "drive-template") && g.n > big {
			big = g.n
		}
	}
	if small, note := pickSeries(groups, "batch-template", "drive-template", abN); small != nil && big > abN {
		large, _ := pickSeries(groups, small.label, small.label, big)
		if large != nil {
			r := large.rssMB() / small.rssMB()
			out = append(out, fmt.Sprintf("%s peak RSS flat in N: %.1f MB at N=%d, %.1f MB at N=%d = %.2f× (≤ 1.2×)%s", verdict(r <= 1.2), small.rssMB(), abN, large.rssMB(), big, r, note))
		} else {
			missing("peak RSS flat in N")
		}
	} else {
		missing("peak RSS flat in N")
	}
	if small, large := groups[fmt.Sprintf("drive-template/%d", abN)], groups[fmt.Sprintf("drive-template/%d", big)]; note == "" && big > abN &&
		small != nil && large != nil && len(small.walls) > 0 && len(large.walls) > 0 {
		out = append(out, fmt.Sprintf("[info] the engine alone (in-process driver): %.1f MB at N=%d, %.1f MB at N=%d = %.2f×", small.rssMB(), abN, large.rssMB(), big, large.rssMB()/small.rssMB()))
	}
	if g := groups["render/1"]; g != nil && len(g.walls) > 0 {
		ms := g.wall() * 1000
		how := "loop median"
		for _, h := range hfs {
			if h.name == "render" {
				ms, how = h.median*1000, "hyperfine median"
			}
		}
		out = append(out, fmt.Sprintf("%s one tsdraft render process < 50 ms: %.1f ms (%s)", verdict(ms < 50), ms, how))
	} else {
		missing("one render < 50 ms")
	}
	// Issue #6: 1,000 exit pledges < 2 s; 10,000 with RSS < 150 MB and flat.
	ep1k, note1 := pickSeries(groups, "batch-exit-pledge", "drive-exit-pledge", 1000)
	if ep1k != nil {
		out = append(out, fmt.Sprintf("%s 1,000 bilingual exit pledges < 2 s: %.2f s (%.0f/s)%s", verdict(ep1k.wall() < 2), ep1k.wall(), ep1k.rate(), note1))
	} else {
		missing("1,000 exit pledges < 2 s (runs at N=1000 only)")
	}
	ep10k, note10 := pickSeries(groups, "batch-exit-pledge", "drive-exit-pledge", 10000)
	if ep10k != nil {
		out = append(out, fmt.Sprintf("%s 10,000 exit pledges, peak RSS < 150 MB: %.1f MB, %.2f s%s", verdict(ep10k.rssMB() < 150), ep10k.rssMB(), ep10k.wall(), note10))
		if ep1k != nil && ep1k.label == ep10k.label {
			r := ep10k.rssMB() / ep1k.rssMB()
			out = append(out, fmt.Sprintf("%s exit pledges' RSS flat in N: %.2f× from 1,000 to 10,000 (≤ 1.2×)", verdict(r <= 1.2), r))
		}
	} else {
		missing("10,000 exit pledges RSS < 150 MB (runs at N=10000 only)")
	}
	return out
}

func itoa(i int) string { return strconv.Itoa(i) }

func median(xs []float64) float64 {
	if len(xs) == 0 {
		return 0
	}
	s := append([]float64(nil), xs...)
	sort.Float64s(s)
	if len(s)%2 == 1 {
		return s[len(s)/2]
	}
	return (s[len(s)/2-1] + s[len(s)/2]) / 2
}

// hfResult is one command of a hyperfine JSON export.
type hfResult struct {
	name   string
	median float64
	runs   int
}

var hfDesc = map[string]string{
	"render":  "tsdraft render, one process (hyperfine)",
	"version": "tsdraft version: process start-up (hyperfine)",
}

func readHyperfine(path string) ([]hfResult, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var v struct {
		Results []struct {
			Command string    `json:"command"`
			Median  float64   `json:"median"`
			Times   []float64 `json:"times"`
		} `json:"results"`
	}
	if err := json.Unmarshal(b, &v); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	var out []hfResult
	for _, r := range v.Results {
		out = append(out, hfResult{name: r.Command, median: r.Median, runs: len(r.Times)})
	}
	return out, nil
}
