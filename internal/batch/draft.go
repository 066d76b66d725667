package batch

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"

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
	plan    *rowPlan
	sets    []string
	setCols []*column
}

// result is what a row gave.
type result struct {
	plan    *rowPlan
	entries []Entry
	errs    []string
	warns   []string
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
	jobs := make(chan job, o.Jobs)
	results := make(chan result, o.Jobs)
	var wg sync.WaitGroup
	for range o.Jobs {
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
			sets, setCols, _ := r.rowSets(rec)
			select {
			case jobs <- job{plan: p, sets: sets, setCols: setCols}:
			case <-ctx.Done():
			}
		}
	}()
	go func() {
		wg.Wait()
		close(results)
	}()

	rep := &Report{Manifest: filepath.Join(r.outDir, ManifestName)}
	var failed []result
	var warned []result
	done := 0
	for res := range results {
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
		r.convertPDF(rep)
	}
	for _, e := range rep.Entries {
		if !strings.HasSuffix(e.File, ".pdf") {
			switch e.Status {
			case StatusWritten:
				rep.Written++
			case StatusSkipped:
				rep.Skipped++
			case StatusFailed:
				rep.Failed++
			}
		} else if e.Status == StatusWritten {
			rep.PDFs++
		}
	}
	slices.SortFunc(failed, func(a, b result) int { return a.plan.row - b.plan.row })
	for _, f := range failed {
		rep.FailedRows = append(rep.FailedRows, f.plan.row)
	}
	r.logProblems(failed, warned)
	if err := writeManifest(rep.Manifest, rep.Entries); err != nil {
		return rep, fmt.Errorf("writing the manifest: %w", err)
	}
	return rep, nil
}

// failed makes the manifest entries of a row that cannot be drafted: one per document.
func (r *run) failed(p *rowPlan, errs, warns []string) result {
	res := result{plan: p, errs: errs, warns: warns}
	seen := map[string]bool{}
	for i, out := range r.outs {
		if seen[out.doc] {
			continue
		}
		seen[out.doc] = true
		res.entries = append(res.entries, Entry{Row: p.row, ID: p.id, Name: p.name, Doc: out.doc,
			Status: StatusFailed, Error: strings.Join(errs, "; "), order: [3]int{i, 0, 0}})
	}
	return res
}

// draftRow checks a row and writes its files.
func (r *run) draftRow(ctx context.Context, j job) result {
	o := r.o
	p := j.plan
	prof, data, errs, warns, err := r.chk.checkRow(j.sets, j.setCols)
	var ws []string
	for _, w := range warns {
		ws = append(ws, "warning: "+w.String())
	}
	if err != nil {
		return r.failed(p, []string{err.Error()}, ws)
	}
	if len(errs) > 0 || len(p.nameErrs) > 0 {
		var es []string
		for _, e := range errs {
			es = append(es, e.String())
		}
		return r.failed(p, append(es, p.nameErrs...), ws)
	}
	res := result{plan: p, warns: ws}
	entry := func(i int, status, file, sha, msg string) Entry {
		return Entry{Row: p.row, ID: p.id, Name: p.name, Doc: r.outs[i].doc, File: file, SHA256: sha,
			Status: status, Error: msg, order: [3]int{i, 0, 0}}
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
		exist := 0
		for k := range group {
			paths[k] = filepath.Join(r.outDir, p.files[i+k]+".docx")
			if _, err := os.Lstat(paths[k]); err == nil {
				exist++
			}
		}
		var pkgs [][]byte
		var rerr error
		if o.Force || exist < n {
			pkgs, rerr = r.render(group, prof, data)
		}
		for k := range group {
			file := p.files[i+k] + ".docx"
			switch {
			case !inside(r.outDir, paths[k]):
				res.entries = append(res.entries, entry(i+k, StatusFailed, "", "", "the file name leaves the output directory"))
				res.errs = append(res.errs, fmt.Sprintf("%s: the file name %q leaves the output directory", r.outs[i+k].doc, file))
			case pkgs == nil && rerr == nil || pkgs != nil && !o.Force && exists(paths[k]):
				res.entries = append(res.entries, r.skipped(entry(i+k, StatusSkipped, file, "", ""), paths[k], &res))
			case rerr != nil:
				res.entries = append(res.entries, entry(i+k, StatusFailed, "", "", rerr.Error()))
				res.errs = append(res.errs, rerr.Error())
			default:
				err := docx.WriteFile(paths[k], pkgs[k], o.Force, docx.Reopens)
				var ee *docx.ErrExists
				switch {
				case errors.As(err, &ee):
					res.entries = append(res.entries, r.skipped(entry(i+k, StatusSkipped, file, "", ""), paths[k], &res))
				case err != nil:
					res.entries = append(res.entries, entry(i+k, StatusFailed, "", "", err.Error()))
					res.errs = append(res.errs, err.Error())
				default:
					sum := sha256.Sum256(pkgs[k])
					res.entries = append(res.entries, entry(i+k, StatusWritten, file, hex.EncodeToString(sum[:]), ""))
				}
			}
		}
		i += n
	}
	return res
}

func exists(path string) bool {
	_, err := os.Lstat(path)
	return err == nil
}

// skipped records a file that exists: its SHA-256 as it is, and a problem when an earlier run's
// manifest says it was written for someone else (the rows moved: the name now means another
// person, and leaving the file would hand one person's pledge to another).
func (r *run) skipped(e Entry, path string, res *result) Entry {
	if pe, ok := r.prior[e.File]; ok && (pe.id != e.ID || pe.name != e.Name) {
		// The file stays listed (it is in the directory), as this row's failure.
		msg := fmt.Sprintf("%s exists, written for %s by an earlier run; move it away or use --force", e.File, pe)
		e.Status, e.Error = StatusFailed, msg
		res.errs = append(res.errs, msg)
	}
	b, err := os.ReadFile(path)
	if err != nil {
		e.Error = err.Error()
		return e
	}
	sum := sha256.Sum256(b)
	e.SHA256 = hex.EncodeToString(sum[:])
	return e
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

// convertPDF converts every DOCX of the batch that has no PDF yet (all of them with --force)
// in one LibreOffice run.
func (r *run) convertPDF(rep *Report) {
	convert := r.o.pdfConvert
	if convert == nil {
		convert = pdf.Convert
	}
	var files []string
	byFile := map[string]Entry{}
	var added []Entry
	for _, e := range rep.Entries {
		if e.File == "" || e.Status == StatusFailed {
			continue
		}
		pdfName := strings.TrimSuffix(e.File, ".docx") + ".pdf"
		pe := e
		pe.File, pe.order[2] = pdfName, 1
		target := filepath.Join(r.outDir, pdfName)
		if !r.o.Force && exists(target) {
			pe.Status = StatusSkipped
			pe.SHA256 = fileSHA(target)
			added = append(added, pe)
			continue
		}
		files = append(files, filepath.Join(r.outDir, e.File))
		byFile[pdfName] = pe
	}
	if len(files) > 0 {
		made, err := convert(files, r.outDir, r.o.Force)
		if err != nil {
			rep.PDFErr = err
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
	rep.Entries = append(rep.Entries, added...)
	sortEntries(rep.Entries)
}

func fileSHA(path string) string {
	b, err := os.ReadFile(path)
	if err != nil {
		return ""
	}
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
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
	for _, g := range collect(warned, func(res result) []string { return res.warns }) {
		for _, m := range g.msgs {
			fmt.Fprintf(r.o.Log, "%s, %s: %s\n", r.src.name, rowWord(g.rows), m)
		}
	}
	for _, g := range collect(failed, func(res result) []string { return res.errs }) {
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
