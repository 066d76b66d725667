package batch

import (
	"cmp"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"

	"github.com/tsdraft/tsdraft/internal/diag"
	"github.com/tsdraft/tsdraft/internal/profile"
	"github.com/tsdraft/tsdraft/internal/render"
)

// Options are the inputs of a batch.
type Options struct {
	Profile string // profile file
	People  string // .csv or .xlsx
	// PeopleData, when not nil, is the people file's content (an upload); People is then only
	// its name, which says whether it is CSV or XLSX, and names it in messages.
	PeopleData []byte
	Sheet      string // XLSX sheet ("" = the first visible sheet whose header row fits)
	Encoding   string // CSV: auto ("") or one of EncodingNames
	// Headers are the header words HR's sheets may use (nil: the shipped locales' words).
	Headers  *HeaderWords
	Update   bool     // redraft the rows whose input changed since their pledge was issued
	Verbose  bool     // add the rule codes of problems (PROFILE-…, TH-…) to the messages
	Docs     []string // shipped documents (default exit-pledge); not with Template
	Template string   // the firm's own DOCX template instead of shipped documents
	Langs    []string // one or two languages (default: the profile's)
	Layout   string   // interleave, columns or separate (default: the profile's)
	Final    bool
	Sets     []string // --set values for every row, before the row's own
	OutDir   string
	Name     string // file name pattern (default DefaultName)
	Jobs     int    // workers (default: the number of CPUs, at most MaxJobs)
	Force    bool   // overwrite existing files
	PDF      bool   // also convert to PDF, with up to Jobs LibreOffice workers (MaxPDFWorkers)

	// NewRenderer makes the renderer (shipped templates and locales, as the CLI builds it) once
	// the languages are known, so that only their texts are loaded. texts is false for a
	// user's template that uses no locale text: the caller may then skip the catalogue, as
	// `tsdraft render` does (its documents then record no locale revision, truthfully).
	NewRenderer func(langs []string, texts bool) (*render.Renderer, error)
	Log         io.Writer // problems, written once everything is done, in row order
	// Progress, when set, is called after each file with the files done and the total.
	Progress func(done, total int)
	// OptionName, when set, is how the face calling the batch names one of these options
	// (OptForce, OptUpdate …) in the advice of messages: the CLI by its flags, the web app by its
	// form. The batch names no flag itself.
	OptionName func(option string) string

	// pdfConvert replaces pdf.Convert in tests.
	pdfConvert func(files []string, outDir string, force bool) ([]string, error)
	// forceFull decodes the whole profile for every row (tests compare it with the fast way).
	forceFull bool
}

// Report is what a batch did.
type Report struct {
	Entries     []Entry // the manifest, in order
	Written     int     // DOCX files written
	Updated     int     // DOCX files redrafted by --update because their row changed
	Skipped     int     // DOCX files that existed and were left alone
	Changed     int     // DOCX files kept although their row changed (see ChangedRows)
	Failed      int     // DOCX files not drafted because their row has problems
	FailedRows  []int   // spreadsheet rows with problems (changed rows among them)
	ChangedRows []int   // rows whose input changed since their pledge was issued
	PDFs        int     // PDF files written
	Interrupted bool
	PDFErr      error // the PDF conversion failed (the DOCX files are written)
	Manifest    string
	// Rows is every person row of the sheet, in row order, with its problems: what a web page
	// shows as a table.
	Rows []RowResult

	update string // how the face names OptUpdate, for Summary
}

// RowResult is what became of one row.
type RowResult struct {
	Row      int
	ID, Name string
	Status   string    // RowDrafted, RowKept, RowFailed or RowChanged
	Files    []string  // the row's files in the output folder (DOCX, and PDF with --pdf)
	Problems []Problem // errors first, then warnings
}

// Row statuses.
const (
	RowDrafted = "drafted" // every file written (or redrafted by --update)
	RowKept    = "kept"    // the files existed, issued from this very input
	RowFailed  = "failed"
	RowChanged = "changed" // kept as issued although the row changed: see Options.Update
)

// Summary is the closing line: "N written, M skipped (exist), K failed".
func (r *Report) Summary() string {
	s := fmt.Sprintf("%d written, %d skipped (exist), %d failed", r.Written, r.Skipped, r.Failed)
	var failedOnly []int
	for _, row := range r.FailedRows {
		if !slices.Contains(r.ChangedRows, row) {
			failedOnly = append(failedOnly, row)
		}
	}
	if len(failedOnly) > 0 {
		s += " (" + rowList(failedOnly, 10) + ")"
	}
	if r.Updated > 0 {
		s += fmt.Sprintf(", %d updated", r.Updated)
	}
	if len(r.ChangedRows) > 0 {
		s += fmt.Sprintf(", %d changed since issued (%s: run with %s to redraft)", r.Changed, rowList(r.ChangedRows, 10), cmp.Or(r.update, plainOption[OptUpdate]))
	}
	if r.PDFs > 0 {
		s += fmt.Sprintf("; %d PDF written", r.PDFs)
	}
	return s
}

// OK reports whether every row was drafted (the exit status is 0).
func (r *Report) OK() bool { return len(r.FailedRows) == 0 && !r.Interrupted && r.PDFErr == nil }

// ErrReported means the problems were written to Log already.
var ErrReported = errors.New("problems reported")

// output is one file a row gets: a document in one or two languages.
type output struct {
	doc   string
	langs []string
	dIdx  int // index of the document in the list asked for
}

// rowPlan is what the first reading of the file decides for a row, before any drafting: who
// it is, its file names, and the problems of its cells.
type rowPlan struct {
	row      int
	id, name string
	files    []string  // per output, without extension; nil when no name could be made
	cellErrs []Problem // cells that cannot be read: the row is not checked further
	nameErrs []Problem // the file name cannot be made: the row is checked, not drafted
}

type run struct {
	o       Options
	rr      *render.Renderer
	src     *source
	cols    []*column
	outs    []output
	chk     *checker
	custom  *render.Custom
	layout  string
	outDir  string
	prior   map[string]priorEntry
	pattern *namePattern
	notes   []string // header columns that are ignored, one line each
	named   []bool   // per column index: the header row names it (read or ignored)
	lock    *dirLock
	log     *issueLog
	cpu     chan struct{} // -j tokens: held while a row is checked and rendered, not while it is written
}

// MaxJobs bounds -j: more workers than this only add memory and contention.
const MaxJobs = 64

// Run drafts the batch. It returns an error (nothing written) for problems found before
// drafting: options, the profile, the header row, a file that cannot be read. Problems of
// single rows are in the Report (and written to Log); the other rows are drafted.
func Run(ctx context.Context, o Options) (*Report, error) {
	if o.Log == nil {
		o.Log = io.Discard
	}
	if o.Jobs < 0 || o.Jobs > MaxJobs {
		return nil, fmt.Errorf("-j %d: at most %d documents can be drafted at the same time (give between 1 and %d; the default, -j %d, is usually fastest)",
			o.Jobs, MaxJobs, MaxJobs, min(runtime.NumCPU(), MaxJobs))
	}
	if o.Jobs == 0 {
		o.Jobs = min(runtime.NumCPU(), MaxJobs)
	}
	if o.OutDir == "" {
		o.OutDir = "."
	}
	if o.Name == "" {
		o.Name = DefaultName
	}
	if o.Template != "" && len(o.Docs) > 0 {
		return nil, fmt.Errorf("%s and %s do not go together: the template is the document", o.opt(OptTemplate), o.opt(OptDocs))
	}
	if o.Template == "" && len(o.Docs) == 0 {
		o.Docs = []string{"exit-pledge"}
	}
	for _, d := range o.Docs {
		if !render.IsDocument(d) {
			return nil, fmt.Errorf("unknown document %q; known: %s", d, strings.Join(profile.Documents, ", "))
		}
	}
	if len(o.Docs) != len(slices.Compact(slices.Clone(o.Docs))) {
		return nil, fmt.Errorf("%s names a document twice", o.opt(OptDocs))
	}
	for _, l := range o.Langs {
		if !profile.IsLanguage(l) {
			return nil, fmt.Errorf("unknown language %q; known: %s", l, strings.Join(profile.Languages, ", "))
		}
	}
	if len(o.Langs) > 2 || len(o.Langs) == 2 && o.Langs[0] == o.Langs[1] {
		return nil, fmt.Errorf("%s takes one language or two different ones", o.opt(OptLangs))
	}
	if o.Layout != "" && !slices.Contains([]string{render.Interleave, render.Columns, render.Separate}, o.Layout) {
		return nil, fmt.Errorf("unknown layout %q; use interleave, columns or separate", o.Layout)
	}
	enc, err := normEncoding(o.Encoding)
	if err != nil {
		return nil, err
	}
	if o.NewRenderer == nil {
		return nil, fmt.Errorf("no renderer") // a programming error, not a user's
	}
	if o.Headers == nil {
		if o.Headers, err = LoadHeaderWords(nil); err != nil {
			return nil, err
		}
	}
	r := &run{o: o, outDir: o.OutDir}
	if r.pattern, err = parseName(o.Name); err != nil {
		return nil, err
	}
	r.pattern.opt = o.opt(OptName)
	r.src = &source{path: o.People, name: o.People, data: o.PeopleData, sheet: o.Sheet}
	if err := resolveSource(ctx, r.src, enc); err != nil {
		return nil, err
	}
	if err := r.readHeader(ctx); err != nil {
		return nil, err
	}
	if err := r.prepare(); err != nil {
		return nil, err
	}
	// Loading the locale catalogue and reading the whole sheet are the longest steps before the
	// first file is written, and neither needs the other: they run at the same time. The
	// renderer's problems are still reported before the sheet's, as when they ran in turn.
	ready := make(chan error, 1)
	go func() { ready <- r.loadRenderer() }()
	plans, err := r.plan(ctx)
	if rerr := <-ready; rerr != nil {
		return nil, rerr
	}
	if err != nil {
		return nil, err
	}
	if err := r.claimOutDir(); err != nil {
		return nil, err
	}
	defer r.lock.release()
	defer r.log.close()
	return r.draft(ctx, plans)
}

// readHeader reads the header row. Without --sheet a workbook's visible sheets are tried in
// order and the first whose header row fits is read (a hidden sheet is never read unless it is
// named); a sheet that does not fit is named in a note.
func (r *run) readHeader(ctx context.Context) error {
	if !r.src.xlsx {
		return r.readSheetHeader()
	}
	var firstErr error
	for _, sh := range r.src.sheets {
		if ctx.Err() != nil {
			return fmt.Errorf("interrupted while reading %s; nothing written", r.src.name)
		}
		r.src.sheet = sh
		err := r.readSheetHeader()
		if err == nil {
			if len(r.src.sheets) > 1 || len(r.src.hidden) > 0 {
				fmt.Fprintf(r.o.Log, "%s: reading sheet %q\n", r.src.name, sh)
			}
			return nil
		}
		if len(r.src.sheets) == 1 {
			return err
		}
		if firstErr == nil {
			firstErr = err
		}
		r.notes = nil
	}
	msg := fmt.Sprintf("%s: no visible sheet has a header row tsdraft can read (sheets tried: %s); name the sheet with %s. The first sheet's problems:\n%v",
		r.src.name, strings.Join(r.src.sheets, ", "), r.o.opt(OptSheet), firstErr)
	if len(r.src.hidden) > 0 {
		msg += fmt.Sprintf("\n(hidden sheets are not read: %s)", strings.Join(r.src.hidden, ", "))
	}
	return errors.New(msg)
}

func (r *run) readSheetHeader() error {
	t, err := r.src.open()
	if err != nil {
		return err
	}
	defer t.close()
	rec, err := t.next()
	if err == io.EOF {
		return fmt.Errorf("%s is empty: its first row must name the columns (employee.id, employee.name, employee.exit_date, or 社員番号, 氏名, 退職日 …)", r.where())
	}
	if err != nil {
		return err
	}
	head := make([]string, len(rec.cells))
	for i, c := range rec.cells {
		head[i] = c.Text
	}
	r.cols, r.notes, err = parseHeader(r.where(), head, r.o.Headers)
	if err != nil {
		return err
	}
	r.named = make([]bool, len(head))
	for i, h := range head {
		r.named[i] = strings.TrimSpace(h) != ""
	}
	return nil
}

// where names the sheet for messages: the file, and the sheet of a workbook.
func (r *run) where() string {
	if r.src.xlsx && r.src.sheet != "" {
		return fmt.Sprintf("%s (sheet %q)", r.src.name, r.src.sheet)
	}
	return r.src.name
}

// prepare checks the profile with the sheet's columns and sets up the documents.
func (r *run) prepare() error {
	o := r.o
	src, err := os.ReadFile(o.Profile)
	if err != nil {
		return fmt.Errorf("reading the profile: %w", err)
	}
	sum := sha256.Sum256(src)
	docs := o.Docs
	if o.Template != "" {
		docs = []string{"custom-template"}
	}
	chk, ds := newChecker(o.Profile, src, hex.EncodeToString(sum[:]), r.src.name, o.Sets, docs, o.Langs, r.cols, o.forceFull)
	if len(ds) > 0 {
		if err := ds.Sorted().Write(o.Log); err != nil {
			return err
		}
	}
	if chk == nil {
		errs, warns := ds.Count()
		fmt.Fprintf(o.Log, "%s: %d error(s), %d warning(s); nothing written. Fix the profile (tsdraft check %s) and run again.\n", o.Profile, errs, warns, o.Profile)
		return ErrReported
	}
	r.chk = chk
	for i, n := range r.notes {
		if i == 5 && len(r.notes) > 6 {
			fmt.Fprintf(o.Log, "%s: … and %d more columns tsdraft does not read are ignored\n", r.where(), len(r.notes)-5)
			break
		}
		fmt.Fprintln(o.Log, n)
	}
	dayFirst := slices.Contains(DayFirst, string(chk.base.Jurisdiction))
	for _, c := range r.cols {
		c.dayFirst = dayFirst
	}
	r.warnUnreplaced()
	langs := chk.langs
	if len(langs) > 2 {
		return fmt.Errorf("the profile has %d languages; give one or two with %s", len(langs), r.o.opt(OptLangs))
	}
	r.layout = o.Layout
	if r.layout == "" {
		r.layout = chk.base.Layout
	}
	if r.layout == "" {
		r.layout = render.Interleave
	}
	if o.Template != "" {
		b, err := os.ReadFile(o.Template)
		if err != nil {
			return fmt.Errorf("reading the template: %w", err)
		}
		if r.custom, err = render.ParseCustom(o.Template, b); err != nil {
			return fmt.Errorf("%s has errors (tsdraft template check %s lists them):\n%w", o.Template, o.Template, err)
		}
		r.outs = []output{{doc: r.custom.ID, langs: langs[:1]}}
	} else {
		for i, d := range o.Docs {
			if len(langs) == 2 && r.layout == render.Separate {
				r.outs = append(r.outs, output{doc: d, langs: langs[:1], dIdx: i}, output{doc: d, langs: langs[1:], dIdx: i})
			} else {
				r.outs = append(r.outs, output{doc: d, langs: langs, dIdx: i})
			}
		}
	}
	if len(o.Docs) > 1 {
		r.pattern = r.pattern.withSuffix("doc")
	}
	if len(r.outs) > len(o.Docs) && o.Template == "" {
		r.pattern = r.pattern.withSuffix("lang")
	}
	return nil
}

// loadRenderer loads the renderer (the locale catalogue of the batch's languages) and probes
// the documents with it.
func (r *run) loadRenderer() error {
	var err error
	texts := r.custom == nil || r.custom.NeedsCatalog()
	if r.rr, err = r.o.NewRenderer(r.chk.langs, texts); err != nil {
		return err
	}
	return r.probe()
}

// probe drafts each document once, in memory, for a person whose cells all hold placeholder
// values: a document that needs a value no column gives (and the profile does not) would fail
// on every row, so it is refused once, before anything is written.
func (r *run) probe() error {
	p, data, errs, _ := r.chk.checkRow(r.chk.placeholders())
	if len(errs) > 0 {
		return nil // the placeholders do not suit a check of the profile's; the rows will tell
	}
	for i := 0; i < len(r.outs); {
		n := 1
		for i+n < len(r.outs) && r.outs[i+n].dIdx == r.outs[i].dIdx && r.custom == nil {
			n++
		}
		if _, err := r.render(r.outs[i:i+n], p, data); err != nil {
			fmt.Fprintf(r.o.Log, "%s cannot be drafted from the columns of %s and the profile:\n%v\n", r.outs[i].doc, r.src.name, err)
			fmt.Fprintf(r.o.Log, "nothing written: add a column for each value named above (or give it with %s), and run again\n", r.o.opt(OptSet))
			return ErrReported
		}
		i += n
	}
	return nil
}

// warnUnreplaced says which values of the person in the profile the rows do not replace: the
// person's own (ID card number, address …) are not used at all, so that the example person of
// tsdraft init never shows in anyone's document; lists (materials …) go to every row, which is
// right for a company-wide list.
func (r *run) warnUnreplaced() {
	base := r.chk.base
	emp, _ := r.chk.baseData["employee"].(map[string]any)
	var keys []string
	for k := range emp {
		covered := slices.ContainsFunc(r.cols, func(c *column) bool { return len(c.root) >= 2 && c.root[0] == "employee" && c.root[1] == k })
		if !covered && base.Written("employee."+k) {
			keys = append(keys, "employee."+k)
		}
	}
	slices.SortFunc(keys, func(a, b string) int { return base.Pos(a).Line - base.Pos(b).Line })
	for _, k := range keys {
		pos := base.Pos(k)
		if slices.Contains(ownValues, strings.TrimPrefix(k, "employee.")) {
			fmt.Fprintf(r.o.Log, "%s:%d:%d: note: %s is not used: in a batch each person's own values come from %s (add a column %s to give them)\n",
				pos.File, pos.Line, pos.Col, k, r.src.name, k)
			continue
		}
		fmt.Fprintf(r.o.Log, "%s:%d:%d: warning: %s is in the profile and not a column of %s: every row gets the same value; add a column if it differs per person\n",
			pos.File, pos.Line, pos.Col, k, r.src.name)
	}
}

// rowSets turns a row's cells into overlays, one per non-blank cell, with each cell's part of
// the row's fingerprint (sets, see column.tomlValue); problems are the cells that cannot be
// read as their column's kind.
func (r *run) rowSets(rec record) (sets []string, ovs []profile.Overlay, problems []Problem) {
	return r.readCells(rec, true)
}

// cellProblems is rowSets' problems alone: the plan pass reads every row before anything is
// drafted, and the overlays and the fingerprint text (a third of its time) are only needed
// when the row is drafted.
func (r *run) cellProblems(rec record) []Problem {
	_, _, problems := r.readCells(rec, false)
	return problems
}

func (r *run) readCells(rec record, keep bool) (sets []string, ovs []profile.Overlay, problems []Problem) {
	for _, c := range r.cols {
		var cell Cell
		if c.index < len(rec.cells) {
			cell = rec.cells[c.index]
		}
		v, err := c.value(cell)
		if err != nil {
			problems = append(problems, withKey(Problem{Row: rec.row, Column: c.letter, Header: c.header, Message: err.Error()}, err))
			continue
		}
		if !keep || v == nil {
			continue
		}
		ov, set := c.overlayOf(v, r.src.name, rec.row)
		sets = append(sets, set)
		ovs = append(ovs, ov)
	}
	for i, cell := range rec.cells {
		if !cell.blank() && (i >= len(r.named) || !r.named[i]) {
			v := truncate(strings.TrimSpace(cell.Text), 40)
			problems = append(problems, Problem{Row: rec.row, Column: columnLetter(i),
				Message: fmt.Sprintf("has a value (%q) but no header in the header row; name the column or clear the cell", v),
				Key:     MsgNoHeader, Args: []string{v}})
		}
	}
	return sets, ovs, problems
}

func truncate(s string, n int) string {
	if len([]rune(s)) <= n {
		return s
	}
	return string([]rune(s)[:n]) + "…"
}

func blankRow(rec record) bool {
	for _, c := range rec.cells {
		if !c.blank() {
			return false
		}
	}
	return true
}

// plan reads the whole file once, keeping only what each row is called and named, so that
// file names are unique across the batch (_2, _3 in row order) before anything is drafted,
// and the same on every run of the same file.
func (r *run) plan(ctx context.Context) ([]*rowPlan, error) {
	t, err := r.src.open()
	if err != nil {
		return nil, err
	}
	defer t.close()
	if _, err := t.next(); err != nil { // the header
		return nil, err
	}
	var plans []*rowPlan
	var names uniqueNames
	for {
		if err := ctx.Err(); err != nil {
			return nil, fmt.Errorf("interrupted before anything was written")
		}
		rec, err := t.next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		if blankRow(rec) {
			continue
		}
		p := &rowPlan{row: rec.row}
		p.cellErrs = r.cellProblems(rec)
		nv := &nameValues{row: rec.row, cols: r.cols, cells: rec.cells, base: r.chk.baseData, langs: r.chk.langs}
		// Cells are slices of their whole row's text (encoding/csv); a copy keeps only the ID
		// and name alive, not every row of the file.
		id, _ := nv.lookup([]string{"employee", "id"})
		name, _ := nv.lookup([]string{"employee", "name"})
		p.id, p.name = strings.Clone(id), strings.Clone(name)
		if strings.EqualFold(strings.TrimSpace(p.id), ExampleID) {
			p.cellErrs = append(p.cellErrs, Problem{Row: rec.row, Message: fmt.Sprintf("this is the example row of the leavers sheet (employee number %s); delete it, and fill in one row per leaver", ExampleID),
				Key: MsgExampleRow, Args: []string{ExampleID}})
		}
		files := make([]string, len(r.outs))
		for i, out := range r.outs {
			nv.doc, nv.langs = out.doc, out.langs
			name, err := r.pattern.expand(nv)
			if err != nil {
				p.nameErrs = append(p.nameErrs, r.nameProblem(rec.row, err))
				files = nil
				break
			}
			if files[i] = safeName(name); files[i] == "" {
				files[i] = safeName(fmt.Sprintf("%s_row%d", out.doc, rec.row))
			}
		}
		if files != nil {
			for i := range files {
				files[i] = names.claim(files[i])
			}
			p.files = files
		}
		plans = append(plans, p)
	}
	if len(plans) == 0 {
		return nil, fmt.Errorf("%s has no rows below its header row", r.src.name)
	}
	return plans, nil
}

// claimOutDir creates the output directory, locks it against a second run, and reads what
// earlier runs left: the issue log and the manifest. A manifest.csv that tsdraft did not write
// is the user's file: it is not replaced without --force. Anything at tsdraft's own names that
// is not a regular file is refused.
func (r *run) claimOutDir() error {
	if err := os.MkdirAll(r.outDir, 0o755); err != nil {
		return fmt.Errorf("creating %s: %w", r.outDir, err)
	}
	lock, err := lockDir(r.outDir)
	if err != nil {
		return err
	}
	r.lock = lock
	fail := func(err error) error {
		r.lock.release()
		r.lock = nil
		return err
	}
	if _, err := regularOrAbsent(filepath.Join(r.outDir, ManifestXLSXName)); err != nil {
		return fail(err)
	}
	path := filepath.Join(r.outDir, ManifestName)
	prior, exists, ok, err := readManifest(path)
	if err != nil {
		return fail(fmt.Errorf("reading %s: %w", path, err))
	}
	if exists && !ok && !r.o.Force {
		return fail(&OptionError{Option: OptForce, File: path})
	}
	r.prior = prior
	if r.log, err = openIssueLog(r.outDir); err != nil {
		return fail(err)
	}
	return nil
}

// Problem is one problem of a row, as HR reads it: a diagnostic (internal/diag) placed by Row
// (the header is row 1), Column (letter) and Header (as written) of the cell it is about (no
// column when it is the row's as a whole), saying what is wrong and what to do in Message
// (English, as the CLI writes it) and, for an interface that says it in another language, Key
// and Args (messages.go). Level is diag.Warning for a row drafted anyway. Its String is what the
// CLI writes after "FILE, row N: ". Rule codes are only in Message with Options.Verbose.
type Problem = diag.Diagnostic

// RuleChanged is the Rule of the problem of a row that changed since its pledge was issued (the
// pledge was kept as issued; see Options.Update).
const RuleChanged = "changed"

func problemStrings(ps []Problem) []string {
	out := make([]string, len(ps))
	for i, p := range ps {
		out[i] = p.String()
	}
	return out
}

func joinProblems(ps []Problem) string { return strings.Join(problemStrings(ps), "; ") }

// nameProblem places a file-name problem at the column whose blank cell causes it (the
// message starts with the column's `column C (header)`).
func (r *run) nameProblem(row int, err error) Problem {
	msg := err.Error()
	for _, c := range r.cols {
		if strings.HasPrefix(msg, c.where()+" ") {
			return withKey(Problem{Row: row, Column: c.letter, Header: c.header, Message: msg}, err)
		}
	}
	return withKey(Problem{Row: row, Message: msg}, err)
}
