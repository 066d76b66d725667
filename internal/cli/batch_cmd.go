package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime"
	"runtime/debug"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/spf13/cobra"
	"golang.org/x/term"

	"github.com/tsdraft/tsdraft/internal/batch"
	"github.com/tsdraft/tsdraft/internal/usecase"
)

// BatchOptions are the inputs of `tsdraft batch`.
type BatchOptions struct {
	batch.Options
	Locales   []string
	Templates []string
	Reference string // a reference document restyling the shipped templates
}

func newBatchCmd(ios *IO) *cobra.Command {
	opts := &BatchOptions{}
	cmd := &cobra.Command{
		Use:   "batch PROFILE --people FILE.csv|FILE.xlsx",
		Short: "Draft documents for many people at once from a spreadsheet",
		Long: `Draft one document set per person from a spreadsheet HR keeps (CSV or XLSX): exit
pledges for this month's leavers, for example. An exit pledge needs only the name, the
employee number and the exit date; department, position, hire date and the lists of what was
accessed and returned are printed when the sheet gives them.

The header row names the columns, as HR writes them in Japanese, English or a local language
(社員番号, 氏名, 退職日; รหัสพนักงาน, ชื่อ-นามสกุล, วันที่ลาออก; Personalnummer …; the words are in
locales/<lang>/sheet.toml) or as profile paths (employee.id, employee.name, employee.exit_date,
employee.access …; employee.name.ja for one language, vars.NAME for your own values). Columns
HR keeps for itself (memo, 備考) are ignored with a note; a misspelt path or header stops the
run before anything is written, with a suggestion. Each row overrides the profile for one
person; the profile's example person (name, dates, lists) is never used. A blank cell means the
person has none; a list takes items separated by ';' or line breaks; a date is a date cell,
YYYY-MM-DD (2026/3/31 too), or DD/MM/YYYY where the jurisdiction writes dates that way (TH VN
ID DE UK EU). A Buddhist-era year (2569) is refused with its Gregorian year.

Each row is checked like a profile; a row with problems is reported with its row number (the
header is row 1), column letter and header, and skipped; the others are drafted, and the exit
status is 1. Existing files are left alone unless --force. issue-log.csv in the output folder
records every pledge issued (when, for whom, a hash of the row's input), appended and synced
file by file; manifest.csv and manifest.xlsx list what is in the folder. A row whose cells
changed since its pledge was issued is reported, never silently kept: --update redrafts exactly
those. Two runs cannot write to one folder at once; a symbolic link or other non-file planted
there is refused, never followed.

File names come from --name (default {doc}_{employee.id}_{employee.name}); placeholders are
{doc}, {lang}, {row} and any profile path. Names are made safe for every file system and
unique (_2, _3 in row order).

XLSX: the first visible sheet whose header row fits, or --sheet. CSV is read as spreadsheets
save it: UTF-8 with or without BOM, UTF-16 with BOM, or Shift_JIS when nothing else reads the
bytes plausibly; any other encoding (Windows-1252, TIS-620 …) must be named with --encoding,
and a file that reads two ways is refused naming its first ambiguous row. Comma, semicolon or
tab separated.`,
		Example: `  tsdraft batch profile.toml --people leavers.xlsx -o pledges
  tsdraft batch profile.toml --people leavers.csv --doc exit-pledge,nda-employee --lang th,ja -o out
  tsdraft batch profile.toml --people leavers.csv --template our-pledge.docx --name "{employee.id}_{doc}"`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Profile = args[0]
			opts.Docs, opts.Langs = splitList(opts.Docs), splitList(opts.Langs)
			if opts.Template != "" && cmd.Flags().Changed("doc") {
				return fmt.Errorf("--template and --doc do not go together: the template is the document")
			}
			if opts.People == "" {
				return fmt.Errorf("--people FILE is required: the CSV or XLSX file with one person per row")
			}
			return batchRun(ios, opts)
		},
	}
	f := cmd.Flags()
	f.StringVar(&opts.People, "people", "", "the people: a .csv or .xlsx file whose header row names profile paths")
	f.StringVar(&opts.Sheet, "sheet", "", "XLSX: the sheet to read (default: the first visible sheet whose header row fits)")
	f.StringVar(&opts.Encoding, "encoding", "", "CSV: "+strings.Join(batch.EncodingNames, ", ")+" (default: detected when unambiguous)")
	f.StringSliceVar(&opts.Docs, "doc", nil, "documents to draft for each person, comma-separated (default: exit-pledge)")
	f.StringVar(&opts.Template, "template", "", "draft your own DOCX template instead of shipped documents (its tags may use any profile path, vars.* too)")
	f.StringSliceVar(&opts.Langs, "lang", nil, "one or two languages, e.g. th,ja (default: the profile's languages)")
	f.StringVar(&opts.Layout, "layout", "", "bilingual layout: interleave, columns or separate (default: the profile's)")
	f.BoolVar(&opts.Final, "final", false, "drop the draft marking (only after review by counsel)")
	f.StringArrayVar(&opts.Sets, "set", nil, "override a profile value for every row: --set path=TOML-value (repeatable)")
	f.StringVarP(&opts.OutDir, "output", "o", ".", "output directory (created if missing)")
	f.StringVar(&opts.Name, "name", batch.DefaultName, "file name pattern: {doc}, {lang}, {row} and profile paths")
	f.IntVarP(&opts.Jobs, "jobs", "j", min(runtime.NumCPU(), batch.MaxJobs), fmt.Sprintf("documents drafted at the same time (1 to %d)", batch.MaxJobs))
	f.BoolVar(&opts.Force, "force", false, "overwrite existing files")
	f.BoolVar(&opts.Update, "update", false, "redraft the rows whose cells changed since their pledge was issued")
	f.BoolVar(&opts.Verbose, "verbose", false, "add rule codes (PROFILE-…, TH-…) to the problems reported")
	f.BoolVar(&opts.PDF, "pdf", false, fmt.Sprintf("also write PDF files, with up to -j LibreOffice workers (at most %d)", batch.MaxPDFWorkers))
	f.StringArrayVar(&opts.Locales, "locales", nil, "directory of locale files layered over the built-in ones")
	f.StringArrayVar(&opts.Templates, "templates", nil, "directory of templates (<doc>.docx) used instead of the built-in ones")
	f.StringVar(&opts.Reference, "reference", "", "reference document (.docx): the firm's styles, header, footer and page set-up")
	registerDocumentCompletions(cmd)
	_ = cmd.RegisterFlagCompletionFunc("encoding", cobra.FixedCompletions(batch.EncodingNames, cobra.ShellCompDirectiveNoFileComp))
	_ = cmd.RegisterFlagCompletionFunc("people", func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		return []string{"csv", "xlsx"}, cobra.ShellCompDirectiveFilterFileExt
	})
	return cmd
}

func batchRun(ios *IO, opts *BatchOptions) error {
	restore, err := usecase.UseLanguages(opts.Locales)
	if err != nil {
		return err
	}
	defer restore()
	if err := needPDF(ios, opts.PDF); err != nil {
		return err
	}
	env := usecase.Env{Locales: opts.Locales, Templates: opts.Templates, Reference: opts.Reference, Version: Version}
	o, err := env.Batch(opts.Options)
	if err != nil {
		return err
	}
	o.Log = ios.Err
	o.OptionName = batchFlag
	bar := newProgressBar(ios.Err)
	if bar != nil {
		o.Progress = bar.update
		o.Log = bar.clearing(ios.Err)
	}

	// SIGINT/SIGTERM stop the dispatching; the files being written are finished (each write is
	// atomic) and the manifest records what was done. A second signal ends the process at once.
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	go func() {
		<-ctx.Done()
		stop()
	}()

	// A batch allocates a lot per document and keeps little (about 1 KB a row): collecting
	// less often saves about a tenth of the CPU time, and the memory limit makes the collector
	// work harder as the heap nears 40 MiB, so memory stays flat however many rows there are
	// (measured with bench/run.sh: 47 MB at 1,000 rows, 49 MB at 10,000; at 64 MiB the heap
	// only reached the limit in long runs, 58 MB against 73 MB).
	// A user's GOGC or GOMEMLIMIT wins.
	if os.Getenv("GOGC") == "" && os.Getenv("GOMEMLIMIT") == "" {
		defer debug.SetGCPercent(debug.SetGCPercent(400))
		defer debug.SetMemoryLimit(debug.SetMemoryLimit(40 << 20))
	}
	rep, err := batch.Run(ctx, o)
	err = batchAdvice(err)
	if bar != nil {
		bar.finish()
	}
	if errors.Is(err, batch.ErrReported) {
		return ErrSilent
	}
	if err != nil && rep == nil {
		return err
	}
	fmt.Fprintf(ios.Out, "%s; manifest: %s\n", rep.Summary(), rep.Manifest)
	if err != nil {
		return err
	}
	if rep.PDFErr != nil {
		fmt.Fprintf(ios.Err, "PDF: %v\n", rep.PDFErr)
	}
	if rep.Interrupted {
		fmt.Fprintln(ios.Err, "interrupted: the manifest and the issue log list what was done; run the same command again to draft the rest (existing files are skipped)")
	}
	if !rep.OK() {
		return ErrSilent
	}
	return nil
}

// progressBar draws "[#####.....] 512/1000" on a terminal, at most ten times a second.
type progressBar struct {
	w    io.Writer
	mu   sync.Mutex
	last time.Time
	drew bool
}

// newProgressBar returns nil unless w is a terminal: logs and pipes get no control characters.
func newProgressBar(w io.Writer) *progressBar {
	f, ok := w.(*os.File)
	if !ok || !term.IsTerminal(int(f.Fd())) {
		return nil
	}
	return &progressBar{w: w}
}

func (b *progressBar) update(done, total int) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if done < total && time.Since(b.last) < 100*time.Millisecond {
		return
	}
	b.last = time.Now()
	const width = 30
	fill := 0
	if total > 0 {
		fill = done * width / total
	}
	fmt.Fprintf(b.w, "\r[%s%s] %d/%d files", strings.Repeat("#", fill), strings.Repeat(".", width-fill), done, total)
	b.drew = true
}

func (b *progressBar) finish() {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.drew {
		fmt.Fprint(b.w, "\r\033[K")
		b.drew = false
	}
}

// clearing returns a writer that clears the bar before each message, so messages start on a
// clean line; the bar is drawn again with the next file.
func (b *progressBar) clearing(w io.Writer) io.Writer { return clearWriter{b, w} }

type clearWriter struct {
	b *progressBar
	w io.Writer
}

func (c clearWriter) Write(p []byte) (int, error) {
	c.b.finish()
	return c.w.Write(p)
}

// batchFlags are the flags of the batch's options, for the advice in its messages
// (batch.Options.OptionName): the batch names no flag itself.
var batchFlags = map[string]string{
	batch.OptEncoding: "--encoding", batch.OptSheet: "--sheet", batch.OptForce: "--force",
	batch.OptUpdate: "--update", batch.OptName: "--name", batch.OptSet: "--set",
	batch.OptLangs: "--lang", batch.OptDocs: "--doc", batch.OptTemplate: "--template",
}

func batchFlag(option string) string { return batchFlags[option] }

// batchAdvice words the batch's refusals whose remedy is one of its options in terms of the
// flags (the batch names none: the web app words them for its form).
func batchAdvice(err error) error {
	var ee *batch.EncodingError
	if errors.As(err, &ee) {
		return fmt.Errorf("%s: %s; save the file as \"CSV UTF-8\", or say its encoding with --encoding (%s)", ee.At, ee.Found, ee.Choices())
	}
	var ne *batch.NameError
	if errors.As(err, &ne) {
		if ne.Pattern == "" {
			return fmt.Errorf("--name %s", ne.Msg)
		}
		return fmt.Errorf("--name %q: %s", ne.Pattern, ne.Msg)
	}
	var he *batch.HiddenSheetsError
	if errors.As(err, &he) {
		return fmt.Errorf("%s has no visible sheet (hidden: %s); unhide the sheet of leavers, or name it with --sheet", he.File, strings.Join(he.Hidden, ", "))
	}
	var oe *batch.OptionError
	if !errors.As(err, &oe) {
		return err
	}
	switch oe.Option {
	case batch.OptEncoding:
		return fmt.Errorf("--encoding is for CSV files; %s is a workbook", oe.File)
	case batch.OptSheet:
		return fmt.Errorf("--sheet is for .xlsx workbooks; %s is read as CSV", oe.File)
	case batch.OptForce:
		return fmt.Errorf("%s exists and is not a tsdraft manifest; write elsewhere with -o, or use --force to replace it", oe.File)
	}
	return err
}
