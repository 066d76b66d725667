package batch

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/tsdraft/tsdraft/internal/diag"
	"github.com/tsdraft/tsdraft/internal/docx"
	"github.com/tsdraft/tsdraft/internal/pdf"
	"github.com/tsdraft/tsdraft/internal/profile"
	"github.com/tsdraft/tsdraft/internal/render"
)

// Drafting: the second reading of the file feeds the rows to -j workers, each row is checked,
// drafted and written (atomically, never over a file without --force), and the results are
// gathered into the manifest, in row order whatever order the workers finish in.

// job is one row to draft.
type job struct {
	plan *rowPlan
	sets []string          // the row's fingerprint (see rowHash)
	ovs  []profile.Overlay // the row's cells
}

// result is what a row gave.
type result struct {
	plan    *rowPlan
	entries []Entry
	errs    []Problem
	warns   []Problem
	changed bool // a file was kept although the row changed since it was issued
}

func (r *run) draft(ctx context.Context, plans []*rowPlan) (*Report, error) {
	o := r.o
	t, err := r.src.open()
	if err != nil {
		return nil, err
	}
	defer t.close()
	if _, err := t.next(); err != nil {
		return nil, err
	}

	total := 0
	for _, p := range plans {
		if len(p.cellErrs)+len(p.nameErrs) == 0 {
			total += len(r.outs)
		}
	}
	// -j bounds the rows being checked and rendered at once (the CPU work). Writing a file waits
	// for the disk (a sync before the rename, then the issue log's group commit), so more rows
	// than -j are in flight: while some wait for the disk, -j others use the CPU, and the
	// waiting ones share their log commits.
	r.cpu = make(chan struct{}, o.Jobs)
	workers := min(o.Jobs*ioPerJob, MaxJobs*ioPerJob)
	jobs := make(chan job, o.Jobs)
	results := make(chan result, o.Jobs)
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				if ctx.Err() != nil {
					continue // interrupted: drain without drafting
				}
				results <- r.draftRow(ctx, j)
			}
		}()
	}

	// The reader: the second reading of the file, row by row, matched with the plan.
	var readErr error
	go func() {
		defer close(jobs)
		i := 0
		for ctx.Err() == nil {
			rec, err := t.next()
			if err == io.EOF {
				break
			}
			if err != nil {
				readErr = err
				return
			}
			if blankRow(rec) {
				continue
			}
			if i >= len(plans) || plans[i].row != rec.row {
				readErr = fmt.Errorf("%s changed while it was being read; run again", r.src.name)
				return
			}
			p := plans[i]
			i++
			if len(p.cellErrs) > 0 {
				results <- r.failed(p, p.cellErrs, nil)
				continue
			}
			sets, ovs, _ := r.rowSets(rec)
			select {
			case jobs <- job{plan: p, sets: sets, ovs: ovs}:
			case <-ctx.Done():
			}
		}
	}()
	go func() {
		wg.Wait()
		close(results)
	}()

	rep := &Report{Manifest: filepath.Join(r.outDir, ManifestName), update: r.o.opt(OptUpdate)}
	var failed []result
	var warned []result
	var all []result
	done := 0
	for res := range results {
		all = append(all, res)
		rep.Entries = append(rep.Entries, res.entries...)
		if len(res.errs) > 0 {
			failed = append(failed, res)
		}
		if len(res.warns) > 0 {
			warned = append(warned, res)
		}
		if len(res.plan.cellErrs)+len(res.plan.nameErrs) == 0 {
			done += len(r.outs)
		}
		if o.Progress != nil {
			o.Progress(min(done, total), total)
		}
	}
	if readErr != nil {
		// Rows drafted so far are kept and recorded; the rest was not read.
		fmt.Fprintf(o.Log, "%v\n", readErr)
		rep.Interrupted = true
	}
	if ctx.Err() != nil {
		rep.Interrupted = true
	}
	sortEntries(rep.Entries)
	if o.PDF && !rep.Interrupted {
		r.convertPDF(ctx, rep)
	}
	for _, e := range rep.Entries {
		if !strings.HasSuffix(e.File, ".pdf") {
			switch e.Status {
			case StatusWritten:
				rep.Written++
			case StatusUpdated:
				rep.Updated++
			case StatusSkipped:
				rep.Skipped++
			case StatusChanged:
				rep.Changed++
			case StatusFailed:
				rep.Failed++
			}
		} else if e.Status == StatusWritten || e.Status == StatusUpdated {
			rep.PDFs++
		}
	}
	slices.SortFunc(failed, func(a, b result) int { return a.plan.row - b.plan.row })
	for _, f := range failed {
		rep.FailedRows = append(rep.FailedRows, f.plan.row)
		if f.changed {
			rep.ChangedRows = append(rep.ChangedRows, f.plan.row)
		}
	}
	r.logProblems(failed, warned)
	rep.Rows = rowResults(all, rep.Entries)
	rep.Entries = append(rep.Entries, r.earlier(rep.Entries)...)
	if err := writeManifest(rep.Manifest, filepath.Join(r.outDir, ManifestXLSXName), rep.Entries); err != nil {
		return rep, fmt.Errorf("writing the manifest: %w", err)
	}
	return rep, nil
}

// rowResults sums up each row for Report.Rows.
func rowResults(all []result, entries []Entry) []RowResult {
	slices.SortFunc(all, func(a, b result) int { return a.plan.row - b.plan.row })
	byRow := map[int][]Entry{}
	for _, e := range entries {
		byRow[e.Row] = append(byRow[e.Row], e)
	}
	out := make([]RowResult, 0, len(all))
	for _, res := range all {
		rr := RowResult{Row: res.plan.row, ID: res.plan.id, Name: res.plan.name, Status: RowKept}
		rr.Problems = append(slices.Clone(res.errs), res.warns...)
		for _, e := range byRow[res.plan.row] {
			if e.File != "" && e.Status != StatusFailed {
				rr.Files = append(rr.Files, e.File)
			}
			if e.Status == StatusWritten || e.Status == StatusUpdated {
				rr.Status = RowDrafted
			}
		}
		switch {
		case res.changed:
			rr.Status = RowChanged
		case len(res.errs) > 0:
			rr.Status = RowFailed
		}
		out = append(out, rr)
	}
	return out
}

// earlier lists the files the issue log records that this run did not touch: pledges of
// earlier runs and other sheets stay in the manifest, as they are now in the folder.
func (r *run) earlier(this []Entry) []Entry {
	seen := map[string]bool{}
	for _, e := range this {
		if e.File != "" {
			seen[nameKey(e.File)] = true
		}
	}
	r.log.mu.Lock()
	defer r.log.mu.Unlock()
	var out []Entry
	for i, k := range r.log.order {
		if seen[k] {
			continue
		}
		rec := r.log.last[k]
		e := Entry{Row: rec.Row, ID: rec.ID, Name: rec.Name, Doc: rec.Doc, File: rec.File, Status: StatusEarlier,
			InputSHA: rec.InputSHA, IssuedAt: rec.IssuedAt, Sheet: rec.Sheet, group: 1, order: [3]int{i, 0, 0}}
		path := filepath.Join(r.outDir, rec.File)
		if exists, err := regularOrAbsent(path); err != nil || !exists {
			e.Status = StatusMissing
			if err != nil {
				e.Error = err.Error()
			}
		} else {
			e.SHA256 = fileSHA(path)
		}
		out = append(out, e)
	}
	return out
}

// failed makes the manifest entries of a row that cannot be drafted: one per document.
func (r *run) failed(p *rowPlan, errs, warns []Problem) result {
	res := result{plan: p, errs: errs, warns: warns}
	seen := map[string]bool{}
	for i, out := range r.outs {
		if seen[out.doc] {
			continue
		}
		seen[out.doc] = true
		res.entries = append(res.entries, Entry{Row: p.row, ID: p.id, Name: p.name, Doc: out.doc, Sheet: filepath.Base(r.src.name),
			Status: StatusFailed, Error: joinProblems(errs), order: [3]int{i, 0, 0}})
	}
	return res
}

// action is what happens to one output file of a row.
type action int

const (
	actWrite   action = iota // absent: write it
	actReplace               // there, and --force or --update says to replace it
	actSkip                  // there, issued from this very input: keep it
	actChanged               // there, issued from other input: keep it and report the row
	actFail                  // there, and not ours to keep or replace
)

// decide looks at what the output folder holds at path, without following links.
func (r *run) decide(p *rowPlan, path, file, inputSHA string) (action, string) {
	fi, err := os.Lstat(path)
	if errors.Is(err, fs.ErrNotExist) {
		return actWrite, ""
	}
	if err != nil {
		return actFail, err.Error()
	}
	if !fi.Mode().IsRegular() {
		return actFail, fmt.Sprintf("%s in the output folder is %s, not a file tsdraft wrote; remove it (tsdraft never follows links there)", file, describeMode(fi.Mode()))
	}
	if r.o.Force {
		return actReplace, ""
	}
	rec, inLog := r.log.lookup(file)
	pe, inManifest := r.prior[nameKey(file)]
	switch {
	case inLog && !samePerson(rec.ID, rec.Name, p.id, p.name):
		return actFail, fmt.Sprintf("%s exists, issued to %s on %s; move it away or use %s", file, priorEntry{rec.ID, rec.Name}, rec.IssuedAt, r.o.opt(OptForce))
	case !inLog && inManifest && !samePerson(pe.id, pe.name, p.id, p.name):
		return actFail, fmt.Sprintf("%s exists, written for %s by an earlier run; move it away or use %s", file, pe, r.o.opt(OptForce))
	case !inLog && !inManifest:
		return actFail, fmt.Sprintf("%s exists, but tsdraft has no record of issuing it (it is not in %s); move it away, or use %s to replace it", file, IssueLogName, r.o.opt(OptForce))
	case inLog && rec.InputSHA != "" && rec.InputSHA != inputSHA:
		if r.o.Update {
			return actReplace, ""
		}
		return actChanged, fmt.Sprintf("the row changed since %s was issued on %s; its pledge was kept as issued: run again with %s to redraft it, or restore the row", file, rec.IssuedAt, r.o.opt(OptUpdate))
	}
	return actSkip, ""
}

// cpuToken is a row's hold on one of the -j tokens: taken to check and render, given back
// while the row waits for the disk.
type cpuToken struct {
	ch   chan struct{}
	held bool
}

func (t *cpuToken) take() {
	if !t.held {
		t.ch <- struct{}{}
		t.held = true
	}
}

func (t *cpuToken) give() {
	if t.held {
		<-t.ch
		t.held = false
	}
}

// ioPerJob is how many rows each -j token has in flight: enough that the CPU stays busy while
// the others wait for their files and log records to reach the disk. A row waits for the disk
// several times as long as it renders (its own sync, then the log's group commit), so 4 left
// the CPUs idle a quarter of the time on a virtual disk; 8 gained 3–5 % wall on 1,000 rows.
const ioPerJob = 8

// draftRow checks a row and writes its files. It holds a -j token while it checks and renders,
// not while it writes.
func (r *run) draftRow(ctx context.Context, j job) result {
	tok := &cpuToken{ch: r.cpu}
	tok.take()
	defer tok.give()
	o := r.o
	p := j.plan
	prof, data, errs, warns := r.chk.checkRow(j.ovs)
	var ws []Problem
	for _, w := range warns {
		pr := r.problemText(p.row, w)
		pr.Level = diag.Warning
		ws = append(ws, pr)
	}
	if len(errs) > 0 || len(p.nameErrs) > 0 {
		var es []Problem
		for _, e := range errs {
			es = append(es, r.problemText(p.row, e))
		}
		return r.failed(p, append(es, p.nameErrs...), ws)
	}
	_ = o
	inputSHA := rowHash(j.sets)
	sheet := filepath.Base(r.src.name)
	res := result{plan: p, warns: ws}
	entry := func(i int, status, file, sha, msg string) Entry {
		return Entry{Row: p.row, ID: p.id, Name: p.name, Doc: r.outs[i].doc, File: file, SHA256: sha,
			Status: status, Error: msg, InputSHA: inputSHA, Sheet: sheet, order: [3]int{i, 0, 0}}
	}
	// The outputs of one document are drafted together (a separate layout gives two files).
	for i := 0; i < len(r.outs); {
		if ctx.Err() != nil {
			break // interrupted: the row's remaining documents are not drafted
		}
		n := 1
		for i+n < len(r.outs) && r.outs[i+n].dIdx == r.outs[i].dIdx && r.custom == nil {
			n++
		}
		group := r.outs[i : i+n]
		paths := make([]string, n)
		acts := make([]action, n)
		msgs := make([]string, n)
		needRender := false
		for k := range group {
			file := p.files[i+k] + ".docx"
			paths[k] = filepath.Join(r.outDir, file)
			if !inside(r.outDir, paths[k]) {
				acts[k], msgs[k] = actFail, fmt.Sprintf("%s: the file name %q leaves the output directory", r.outs[i+k].doc, file)
				continue
			}
			acts[k], msgs[k] = r.decide(p, paths[k], file, inputSHA)
			if acts[k] == actWrite || acts[k] == actReplace {
				needRender = true
			}
		}
		var pkgs [][]byte
		var rerr error
		if needRender {
			tok.take()
			pkgs, rerr = r.render(group, prof, data)
		}
		for k := range group {
			file := p.files[i+k] + ".docx"
			switch acts[k] {
			case actFail:
				res.entries = append(res.entries, entry(i+k, StatusFailed, "", "", msgs[k]))
				res.errs = append(res.errs, Problem{Row: p.row, Message: msgs[k]})
			case actChanged:
				e := r.existing(entry(i+k, StatusChanged, file, "", msgs[k]), paths[k])
				res.entries = append(res.entries, e)
				res.errs = append(res.errs, Problem{Row: p.row, Rule: RuleChanged, Message: msgs[k]})
				res.changed = true
			case actSkip:
				e := r.existing(entry(i+k, StatusSkipped, file, "", ""), paths[k])
				if rec, ok := r.log.lookup(file); ok && rec.SHA256 != "" && e.SHA256 != "" && rec.SHA256 != e.SHA256 {
					res.warns = append(res.warns, Problem{Row: p.row, Level: diag.Warning, Message: fmt.Sprintf("%s differs from the file issued on %s (edited since?); it is kept as it is", file, rec.IssuedAt)})
				}
				res.entries = append(res.entries, e)
			default:
				if rerr != nil {
					res.entries = append(res.entries, entry(i+k, StatusFailed, "", "", rerr.Error()))
					res.errs = append(res.errs, Problem{Row: p.row, Message: rerr.Error()})
					continue
				}
				res.entries = append(res.entries, r.write(tok, entry(i+k, StatusWritten, file, "", ""), paths[k], pkgs[k], acts[k] == actReplace, &res))
			}
		}
		i += n
	}
	return res
}

// write writes one file (synced before its rename) and records it in the issue log, whose group
// commit syncs the folder and the log before the record counts as written.
func (r *run) write(tok *cpuToken, e Entry, path string, data []byte, replace bool, res *result) Entry {
	// The disk, not the CPU, is what this row waits for now: let another row render. The token
	// is taken again only if the row has another document to render; a row that waited for
	// the disk does not queue for a CPU just to report that it is done.
	tok.give()
	// The folder is synced by the issue log's group commit, before the file is recorded.
	err := docx.WriteFileDeferDirSync(path, data, replace, docx.Reopens)
	var ee *docx.ErrExists
	switch {
	case errors.As(err, &ee):
		// Appeared since decide looked (another program): not ours.
		e.Status, e.File, e.Error = StatusFailed, "", fmt.Sprintf("%s appeared in the output folder while the batch ran; run again", filepath.Base(path))
		res.errs = append(res.errs, Problem{Row: e.Row, Message: e.Error})
		return e
	case err != nil:
		e.Status, e.File, e.Error = StatusFailed, "", err.Error()
		res.errs = append(res.errs, Problem{Row: e.Row, Message: err.Error()})
		return e
	}
	sum := sha256.Sum256(data)
	e.SHA256 = hex.EncodeToString(sum[:])
	e.IssuedAt = nowUTC()
	event := "issued"
	if replace {
		event = "reissued"
		if r.o.Update && !r.o.Force {
			e.Status = StatusUpdated
		}
	}
	if err := r.log.append(logRecord{IssuedAt: e.IssuedAt, Sheet: e.Sheet, Row: e.Row, ID: e.ID, Name: e.Name, Doc: e.Doc,
		File: e.File, SHA256: e.SHA256, InputSHA: e.InputSHA, Event: event}); err != nil {
		e.Error = "written, but not recorded in the issue log: " + err.Error()
		res.errs = append(res.errs, Problem{Row: e.Row, Message: e.File + ": " + e.Error})
	}
	return e
}

// existing records a file that is kept: its SHA-256 as it is (read without following links),
// and when and from what it was issued, from the log.
func (r *run) existing(e Entry, path string) Entry {
	e.SHA256 = fileSHA(path)
	if rec, ok := r.log.lookup(e.File); ok {
		e.IssuedAt, e.InputSHA = rec.IssuedAt, rec.InputSHA
	}
	return e
}

// problemText is a checker's diagnostic as HR reads it: where (column letter and header), and
// what; the rule code only with --verbose.
func (r *run) problemText(row int, p rowProblem) Problem {
	s := p.diag.Message
	if r.o.Verbose && p.diag.Rule != "" {
		s += " [" + p.diag.Rule + "]"
	}
	col := p.col
	if col == nil {
		col = r.columnIn(s)
	}
	out := Problem{Row: row, Message: s}
	out.Key, out.Args = diagKeyArgs(p.diag)
	if col != nil {
		out.Column, out.Header = col.letter, col.header
	}
	return out
}

// columnIn finds the column a message is about when the checker placed it elsewhere (a
// required value whose cell is blank): the column whose path the message names, longest first.
func (r *run) columnIn(msg string) *column {
	var best *column
	for _, c := range r.cols {
		name := strings.Join(c.root, ".")
		if strings.Contains(msg, name) && (best == nil || len(name) > len(strings.Join(best.root, "."))) {
			best = c
		}
	}
	return best
}

// render drafts one document (one or two files) for a row.
func (r *run) render(group []output, p *profile.Profile, data map[string]any) ([][]byte, error) {
	o := r.o
	req := render.Request{Doc: group[0].doc, Profile: p, Data: data, Langs: r.chk.langs, Layout: r.layout,
		Final: o.Final, ProfileSHA: r.chk.sha}
	var pkgs []*docx.Package
	if r.custom != nil {
		req.Langs = group[0].langs
		pkg, err := r.rr.RenderCustom(r.custom, req)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", r.custom.ID, err)
		}
		pkgs = append(pkgs, pkg)
	} else {
		outs, err := r.rr.Render(req)
		if err != nil {
			return nil, err
		}
		if len(outs) != len(group) {
			return nil, fmt.Errorf("%s: %d files drafted, %d expected", group[0].doc, len(outs), len(group))
		}
		for _, out := range outs {
			pkgs = append(pkgs, out.Package)
		}
	}
	out := make([][]byte, len(pkgs))
	for i, pkg := range pkgs {
		if err := pkg.Check(); err != nil {
			return nil, err
		}
		b, err := pkg.Bytes()
		if err != nil {
			return nil, err
		}
		out[i] = b
	}
	return out, nil
}

// MaxPDFWorkers bounds the LibreOffice processes run at once (each takes a few hundred MB).
const MaxPDFWorkers = 8

// convertPDF converts every DOCX of the batch that has no PDF yet (all of them with --force;
// those --update redrafted, too) with up to -j LibreOffice workers, each converting its share
// of the files in one process with its own user profile.
func (r *run) convertPDF(ctx context.Context, rep *Report) {
	convert := r.o.pdfConvert
	if convert == nil {
		convert = pdf.Convert
	}
	var files, redo []string
	byFile := map[string]Entry{}
	var added []Entry
	for _, e := range rep.Entries {
		if e.File == "" || e.Status == StatusFailed || e.Status == StatusChanged {
			continue
		}
		pdfName := strings.TrimSuffix(e.File, ".docx") + ".pdf"
		pe := e
		pe.File, pe.order[2], pe.Error = pdfName, 1, ""
		target := filepath.Join(r.outDir, pdfName)
		there, err := regularOrAbsent(target)
		switch {
		case err != nil:
			pe.Status, pe.Error, pe.File = StatusFailed, err.Error(), ""
			added = append(added, pe)
			continue
		case there && !r.o.Force && e.Status != StatusUpdated:
			pe.Status = StatusSkipped
			pe.SHA256 = fileSHA(target)
			added = append(added, pe)
			continue
		}
		if there {
			redo = append(redo, filepath.Join(r.outDir, e.File))
		} else {
			files = append(files, filepath.Join(r.outDir, e.File))
		}
		byFile[pdfName] = pe
	}
	var mu sync.Mutex
	var wg sync.WaitGroup
	var errs []error
	run := func(chunk []string, force bool) {
		defer wg.Done()
		if ctx.Err() != nil {
			return
		}
		made, err := convert(chunk, r.outDir, force)
		mu.Lock()
		defer mu.Unlock()
		if err != nil {
			errs = append(errs, err)
		}
		for _, m := range made {
			pe, ok := byFile[filepath.Base(m)]
			if !ok {
				continue
			}
			pe.Status, pe.SHA256 = StatusWritten, fileSHA(m)
			added = append(added, pe)
		}
	}
	for _, set := range []struct {
		files []string
		force bool
	}{{files, r.o.Force}, {redo, true}} {
		for _, chunk := range chunks(set.files, min(r.o.Jobs, MaxPDFWorkers)) {
			wg.Add(1)
			go run(chunk, set.force)
		}
	}
	wg.Wait()
	if len(errs) > 0 {
		rep.PDFErr = errors.Join(errs...)
	}
	rep.Entries = append(rep.Entries, added...)
	sortEntries(rep.Entries)
}

// chunks splits files into at most n runs of about the same length, in order.
func chunks(files []string, n int) [][]string {
	if len(files) == 0 {
		return nil
	}
	n = max(1, min(n, len(files)))
	var out [][]string
	for i := range n {
		lo, hi := i*len(files)/n, (i+1)*len(files)/n
		if hi > lo {
			out = append(out, files[lo:hi])
		}
	}
	return out
}

// fileSHA is the SHA-256 of a regular file, read without following a link ("" otherwise).
func fileSHA(path string) string {
	f, err := os.OpenFile(path, os.O_RDONLY|openNoFollow, 0)
	if err != nil {
		return ""
	}
	defer f.Close()
	if fi, err := f.Stat(); err != nil || !fi.Mode().IsRegular() {
		return ""
	}
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return ""
	}
	return hex.EncodeToString(h.Sum(nil))
}

// logProblems writes the rows' problems, in row order; rows with the same problems are
// written once ("rows 2–40: …"), so a problem every row shares is one line, not a thousand.
func (r *run) logProblems(failed, warned []result) {
	type group struct {
		rows []int
		msgs []string
	}
	collect := func(rs []result, msgs func(result) []string) []group {
		var gs []group
		idx := map[string]int{}
		slices.SortFunc(rs, func(a, b result) int { return a.plan.row - b.plan.row })
		for _, res := range rs {
			m := msgs(res)
			k := strings.Join(m, "\x00")
			if i, ok := idx[k]; ok {
				gs[i].rows = append(gs[i].rows, res.plan.row)
				continue
			}
			idx[k] = len(gs)
			gs = append(gs, group{rows: []int{res.plan.row}, msgs: m})
		}
		return gs
	}
	for _, g := range collect(warned, func(res result) []string { return problemStrings(res.warns) }) {
		for _, m := range g.msgs {
			fmt.Fprintf(r.o.Log, "%s, %s: %s\n", r.src.name, rowWord(g.rows), m)
		}
	}
	for _, g := range collect(failed, func(res result) []string { return problemStrings(res.errs) }) {
		for _, m := range g.msgs {
			fmt.Fprintf(r.o.Log, "%s, %s: %s\n", r.src.name, rowWord(g.rows), m)
		}
	}
}

func rowWord(rows []int) string { return rowList(rows, 0) }

// rowList writes row numbers with ranges (2–5, 9), at most limit items (0: all).
func rowList(rows []int, limit int) string {
	var parts []string
	for i := 0; i < len(rows); {
		j := i
		for j+1 < len(rows) && rows[j+1] == rows[j]+1 {
			j++
		}
		if j > i {
			parts = append(parts, fmt.Sprintf("%d–%d", rows[i], rows[j]))
		} else {
			parts = append(parts, strconv.Itoa(rows[i]))
		}
		i = j + 1
	}
	prefix := "row "
	if len(rows) > 1 {
		prefix = "rows "
	}
	if limit > 0 && len(parts) > limit {
		return prefix + strings.Join(parts[:limit], ", ") + ", …"
	}
	return prefix + strings.Join(parts, ", ")
}
