package cli

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	tsdraft "github.com/tsdraft/tsdraft"
	"github.com/tsdraft/tsdraft/internal/catalog"
	"github.com/tsdraft/tsdraft/internal/translate"
	"github.com/tsdraft/tsdraft/internal/usecase"
)

// localeSource says which locale trees a command reads: the embedded one (unless
// NoEmbedded) with Dirs layered over it key by key.
type localeSource struct {
	Dirs       []string
	NoEmbedded bool
}

// catalog reads the texts for the translators' commands. A language added as data
// (<dir>/<lang>/language.toml) is made known first, so that status, check, export and import
// treat it like a built-in one; restore puts the built-in vocabulary back.
func (s localeSource) catalog() (c *translate.Tree, restore func(), err error) {
	var fsys fs.FS
	if s.NoEmbedded {
		if len(s.Dirs) == 0 {
			return nil, nil, errors.New("--no-embedded needs --locales DIR: there would be no texts at all")
		}
	} else {
		sub, err := fs.Sub(tsdraft.Locales, "locales")
		if err != nil {
			return nil, nil, err
		}
		fsys = sub
	}
	restore, err = usecase.UseLanguages(s.Dirs)
	if err != nil {
		return nil, nil, err
	}
	c, err = translate.Inspect(fsys, s.Dirs...)
	if err != nil {
		restore()
		return nil, nil, fmt.Errorf("%w (pass --locales DIR naming an existing directory)", err)
	}
	c.SetWords(translate.Words{
		MarkCurrent: func(lang, id string) string {
			return "run: tsdraft locale mark-current" + s.writeFlags() + " --lang " + lang + " " + id
		},
		Option: func(name string) string { return localeFlags[name] },
	})
	return c, restore, nil
}

// localeFlags are the flags of the translators' tooling's options, for its advice.
var localeFlags = map[string]string{
	translate.OptLang: "--lang", translate.OptLocales: "--locales DIR", translate.OptAll: "--all",
	translate.OptOnly: "--only", translate.OptProfile: "--profile",
}

// flags returns the flags that make another locale command read the same trees, as they
// are typed on a command line (for the commands suggested in hints).
func (s localeSource) flags() string {
	var b strings.Builder
	for _, d := range s.Dirs {
		b.WriteString(" --locales " + shellQuote(d))
	}
	if s.NoEmbedded {
		b.WriteString(" --no-embedded")
	}
	return b.String()
}

// writeFlags returns the flags of a command that writes (mark-current, import), which
// takes one --locales DIR: the last one, where writes go.
func (s localeSource) writeFlags() string {
	var b strings.Builder
	if n := len(s.Dirs); n > 0 {
		b.WriteString(" --locales " + shellQuote(s.Dirs[n-1]))
	}
	if s.NoEmbedded {
		b.WriteString(" --no-embedded")
	}
	return b.String()
}

// shellQuote quotes a path for a POSIX shell when it needs it.
func shellQuote(s string) string {
	if s != "" && strings.Trim(s, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_./:@+") == "" {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}

const noEmbeddedHelp = "read only the --locales directories, not the locales built into tsdraft (use it on a full copy of the tree, e.g. the repository's locales/, so that deleted entries count as deleted)"

func newLocaleCmd(ios *IO) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "locale",
		Short: "Keep the texts of every language in step with the Japanese master",
		Long: `Locale texts live in locales/<lang>/<file>.toml (general) and locales/<lang>/<JUR>/<file>.toml
(one jurisdiction's own texts, looked up first). Japanese (ja) is the master; every translated
entry records in "source" the hash of the master text it was made from, so a change to the master
marks the translation stale. See TRANSLATING.md for a full round.`,
	}
	cmd.AddCommand(
		newLocaleStatusCmd(ios, nil),
		newLocaleCheckCmd(ios, nil),
		newLocaleExportCmd(ios, nil),
		newLocaleImportCmd(ios, nil),
		newLocaleMarkCurrentCmd(ios, nil),
	)
	return cmd
}

func addSourceFlags(cmd *cobra.Command, s *localeSource) {
	cmd.Flags().StringArrayVar(&s.Dirs, "locales", nil, "layer the locale directory `DIR` over the built-in locales, key by key (repeatable; later wins)")
	cmd.Flags().BoolVar(&s.NoEmbedded, "no-embedded", false, noEmbeddedHelp)
}

// --- status ---

type localeStatusOptions struct {
	IO     *IO
	Source localeSource
}

func newLocaleStatusCmd(ios *IO, runF func(*localeStatusOptions) error) *cobra.Command {
	opts := &localeStatusOptions{IO: ios}
	cmd := &cobra.Command{
		Use:   "status",
		Short: "Show, per language, how many entries are translated, missing or stale",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if runF != nil {
				return runF(opts)
			}
			return localeStatusRun(opts)
		},
	}
	addSourceFlags(cmd, &opts.Source)
	return cmd
}

func localeStatusRun(o *localeStatusOptions) error {
	c, restore, err := o.Source.catalog()
	if err != nil {
		return err
	}
	defer restore()
	if err := translate.WriteStatus(o.IO.Out, c.Status()); err != nil {
		return err
	}
	if n := catalog.Errors(c.Check()); n > 0 {
		fmt.Fprintf(o.IO.Err, "%d error(s) in the locale files: run `tsdraft locale check%s` to list them\n", n, o.Source.flags())
	}
	return nil
}

// --- check ---

type localeCheckOptions struct {
	IO     *IO
	Source localeSource
}

func newLocaleCheckCmd(ios *IO, runF func(*localeCheckOptions) error) *cobra.Command {
	opts := &localeCheckOptions{IO: ios}
	cmd := &cobra.Command{
		Use:   "check",
		Short: "List every problem of the locale files as FILE:LINE: error|warning: message [ID]",
		Long: `Check lists every problem of the locale files, one per line, as FILE:LINE: error|warning: message [ID].
It exits 1 when there is an error.

Errors: invalid TOML or entry [toml entry layout]; a translation missing [missing], stale [stale] or
without source [no-source]; tags different from the master [tags]; block tags that do not nest
[blocks]; keys the master lacks [unknown-key]; a text in another language than its file's
[language].
Warnings: text identical to the master in another script [same-as-master]; numbers of the master
missing [numbers]; sentence punctuation of the wrong script [punctuation]; leading, trailing or
double spaces [spaces]; control or invisible characters [invisible].`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if runF != nil {
				return runF(opts)
			}
			return localeCheckRun(opts)
		},
	}
	addSourceFlags(cmd, &opts.Source)
	return cmd
}

func localeCheckRun(o *localeCheckOptions) error {
	c, restore, err := o.Source.catalog()
	if err != nil {
		return err
	}
	defer restore()
	problems := c.Check()
	for _, p := range problems {
		fmt.Fprintln(o.IO.Out, p)
	}
	errs := catalog.Errors(problems)
	fmt.Fprintf(o.IO.Err, "locale check: %d error(s), %d warning(s)\n", errs, len(problems)-errs)
	if errs > 0 {
		return ErrSilent
	}
	return nil
}

// --- export ---

type localeExportOptions struct {
	IO      *IO
	Source  localeSource
	Lang    string
	Format  string
	Profile string
	Only    []string
	Output  string
	Force   bool
}

func newLocaleExportCmd(ios *IO, runF func(*localeExportOptions) error) *cobra.Command {
	opts := &localeExportOptions{IO: ios}
	cmd := &cobra.Command{
		Use:   "export --lang L [--format xliff|po] [--profile generic|okapi|omegat] [--only missing,stale] [-o FILE|DIR]",
		Short: "Write the master and a language's translations as XLIFF 1.2 or PO for a translation tool",
		Long: `Export writes, for one language, every master entry it must translate: the master as source,
the current translation (if any) as target, tags as protected inline codes, the entry's key,
jurisdiction and master note as notes. --only picks entries by state: missing, stale, current.

--format xliff (XLIFF 1.2) takes a --profile:
  generic  Trados, memoQ, Weblate, translate-toolkit (the default)
  okapi    Okapi's XLIFF filter (Rainbow, OmegaT with the Okapi plugin): stale units have no
           target, their old translation is in a note and an alt-trans
  omegat   OmegaT's built-in XLIFF filter: -o DIR writes a whole OmegaT project (the XLIFF in
           source/, current translations in tm/auto/, stale ones in tm/); import
           DIR/target/L.xlf (or DIR) after "Create Translated Documents"
--format po writes a gettext PO file (Poedit, Weblate, Crowdin): msgctxt the key, msgid the
master, msgstr the translation, fuzzy for stale entries with the old master as #| msgid.
Output goes to stdout unless -o is given (required for the omegat profile).`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if runF != nil {
				return runF(opts)
			}
			return localeExportRun(opts)
		},
	}
	addSourceFlags(cmd, &opts.Source)
	cmd.Flags().StringVar(&opts.Lang, "lang", "", "target `language` (en zh-CN th vi id de)")
	cmd.Flags().StringVar(&opts.Format, "format", "xliff", "output `format`: xliff (XLIFF 1.2) or po (gettext)")
	cmd.Flags().StringVar(&opts.Profile, "profile", translate.ProfileGeneric, "XLIFF `profile`: generic, okapi or omegat (see above)")
	cmd.Flags().StringSliceVar(&opts.Only, "only", nil, "export only entries in these `states`: missing, stale, current")
	cmd.Flags().StringVarP(&opts.Output, "output", "o", "", "write to `FILE` instead of stdout")
	cmd.Flags().BoolVar(&opts.Force, "force", false, "overwrite FILE if it exists")
	_ = cmd.MarkFlagRequired("lang")
	return cmd
}

func localeExportRun(o *localeExportOptions) error {
	switch {
	case o.Format != "xliff" && o.Format != "po":
		return fmt.Errorf("--format %q: use xliff (XLIFF 1.2) or po (gettext PO)", o.Format)
	case !slices.Contains(translate.Profiles, o.Profile):
		return fmt.Errorf("--profile %q: use %s", o.Profile, strings.Join(translate.Profiles, ", "))
	case o.Format == "po" && o.Profile != translate.ProfileGeneric:
		return fmt.Errorf("--profile %s is for XLIFF; --format po has no profiles", o.Profile)
	case o.Profile == translate.ProfileOmegaT && (o.Output == "" || o.Output == "-"):
		return errors.New("--profile omegat writes an OmegaT project: pass -o DIR (a new directory)")
	}
	if o.Output != "" && o.Output != "-" && !o.Force {
		if _, err := os.Lstat(o.Output); err == nil {
			return fmt.Errorf("%s exists: pass --force to overwrite it", o.Output)
		}
	}
	c, restore, err := o.Source.catalog()
	if err != nil {
		return err
	}
	defer restore()
	opt := translate.ExportOptions{Lang: o.Lang, Only: o.Only, Profile: o.Profile}
	var data []byte
	var project map[string][]byte
	switch {
	case o.Format == "po":
		data, err = c.ExportPO(opt)
	case o.Profile == translate.ProfileOmegaT:
		project, err = c.ExportOmegaT(opt)
	default:
		data, err = c.Export(opt)
	}
	if errors.Is(err, translate.ErrNothingToExport) {
		fmt.Fprintf(o.IO.Err, "%v: no file written\n", err)
		return nil
	}
	if err != nil {
		return err
	}
	if project != nil {
		if st, err := os.Lstat(o.Output); err == nil && !st.IsDir() {
			return fmt.Errorf("%s is a file: an OmegaT project is a directory", o.Output)
		}
		for _, d := range translate.OmegaTDirs {
			if err := os.MkdirAll(filepath.Join(o.Output, d), 0o755); err != nil {
				return err
			}
		}
		if err := translate.WriteChanges(&translate.Plan{Dir: o.Output, Changes: project}); err != nil {
			return err
		}
		fmt.Fprintf(o.IO.Err, "wrote the OmegaT project %s: open it in OmegaT, translate, run Project > Create Translated Documents, then: tsdraft locale import %s%s\n",
			o.Output, filepath.Join(o.Output, "target", o.Lang+".xlf"), o.Source.writeFlags())
		return nil
	}
	if o.Output == "" || o.Output == "-" {
		_, err := o.IO.Out.Write(data)
		return err
	}
	dir, base := filepath.Split(o.Output)
	if dir == "" {
		dir = "."
	}
	if err := translate.WriteChanges(&translate.Plan{Dir: dir, Changes: map[string][]byte{base: data}}); err != nil {
		return err
	}
	fmt.Fprintf(o.IO.Err, "wrote %s\n", o.Output)
	return nil
}

// --- import ---

type localeImportOptions struct {
	IO         *IO
	File       string
	Lang       string
	Dir        string
	NoEmbedded bool
	DryRun     bool
}

func newLocaleImportCmd(ios *IO, runF func(*localeImportOptions) error) *cobra.Command {
	opts := &localeImportOptions{IO: ios}
	cmd := &cobra.Command{
		Use:   "import FILE.xlf|FILE.po|OMEGAT-PROJECT [--locales DIR]",
		Short: "Write the translations of an XLIFF or PO file back into the locale files",
		Long: `Import writes each translated unit of an XLIFF or PO file (or of an OmegaT project's target/
folder) into DIR/<lang>/[<JUR>/]<file>.toml (created as needed), recording in "source" the hash of
the master text it was translated from. A unit whose tags differ from its source, or whose text
is in another language than the file's, is refused: all such units are listed, none of them is
written, and the exit status is 1. Units without a target, fuzzy PO entries, and stale units that
came back unchanged and unconfirmed, are skipped. Importing an unchanged export changes no file.`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.File = args[0]
			if runF != nil {
				return runF(opts)
			}
			return localeImportRun(opts)
		},
	}
	cmd.Flags().StringVar(&opts.Dir, "locales", "locales", "the locale `DIR` to write into (also layered over the built-in locales for reading)")
	cmd.Flags().BoolVar(&opts.NoEmbedded, "no-embedded", false, noEmbeddedHelp)
	cmd.Flags().BoolVar(&opts.DryRun, "dry-run", false, "report what would change, write nothing")
	cmd.Flags().StringVar(&opts.Lang, "lang", "", "the `language` of a PO file without a Language: header (as xliff2po writes them)")
	return cmd
}

func localeImportRun(o *localeImportOptions) error {
	file, err := importFile(o.File)
	if err != nil {
		return err
	}
	data, err := os.ReadFile(file)
	if err != nil {
		return err
	}
	c, restore, err := localeSource{Dirs: []string{o.Dir}, NoEmbedded: o.NoEmbedded}.catalog()
	if err != nil {
		return err
	}
	defer restore()
	var plan *translate.Plan
	switch {
	case translate.IsPO(data):
		plan, err = c.PlanImportPO(file, data, o.Lang)
	case o.Lang != "":
		return fmt.Errorf("--lang is for PO files: %s is XLIFF, which names its language in target-language", file)
	default:
		plan, err = c.PlanImport(file, data)
	}
	if err != nil {
		return err
	}
	return finishPlan(o.IO, plan, o.DryRun, "import", []string{"added", "updated", "confirmed", "unchanged", "skipped", "refused"})
}

// importFile resolves an OmegaT project directory to the one translated file in its
// target/ folder; any other path is taken as it is.
func importFile(path string) (string, error) {
	st, err := os.Stat(path)
	if err != nil || !st.IsDir() {
		return path, nil
	}
	if _, err := os.Stat(filepath.Join(path, "omegat.project")); err != nil {
		return "", fmt.Errorf("%s is a directory but not an OmegaT project (no omegat.project): name the XLIFF or PO file to import", path)
	}
	found, _ := filepath.Glob(filepath.Join(path, "target", "*.xlf"))
	switch len(found) {
	case 0:
		return "", fmt.Errorf("%s has no translated file in target/: in OmegaT run Project > Create Translated Documents first", path)
	case 1:
		return found[0], nil
	}
	return "", fmt.Errorf("%s/target holds %d XLIFF files: name the one to import", path, len(found))
}

// finishPlan reports a plan's problems, writes it (unless dry), and summarises.
func finishPlan(ios *IO, plan *translate.Plan, dry bool, verb string, kinds []string) error {
	for _, p := range plan.Problems {
		fmt.Fprintln(ios.Err, p)
	}
	for _, a := range plan.Actions {
		if a.What == "skipped" {
			fmt.Fprintf(ios.Err, "%s: skipped: %s\n", a.Ref.ID(), a.Why)
		}
	}
	if !dry {
		if err := translate.WriteChanges(plan); err != nil {
			return err
		}
	}
	wrote := "wrote"
	if dry {
		wrote = "would write"
	}
	for _, f := range plan.ChangedFiles() {
		fmt.Fprintf(ios.Out, "%s %s\n", wrote, f)
	}
	var counts []string
	for _, k := range kinds {
		counts = append(counts, fmt.Sprintf("%d %s", plan.Count(k), k))
	}
	fmt.Fprintf(ios.Out, "%s: %s\n", verb, strings.Join(counts, ", "))
	for _, p := range plan.Problems {
		if !p.IsWarning() {
			return ErrSilent
		}
	}
	return nil
}

// --- mark-current ---

type localeMarkCurrentOptions struct {
	IO         *IO
	Lang       string
	Keys       []string
	All        bool
	Dir        string
	NoEmbedded bool
	DryRun     bool
}

func newLocaleMarkCurrentCmd(ios *IO, runF func(*localeMarkCurrentOptions) error) *cobra.Command {
	opts := &localeMarkCurrentOptions{IO: ios}
	cmd := &cobra.Command{
		Use:   "mark-current --lang L [--locales DIR] (KEY… | --all)",
		Short: "Confirm that translations still fit the current master (set their source hash)",
		Long: `Mark-current sets "source" of the named entries of language L to the hash of the current master
text: a reviewer's statement that the translation still fits the master as it now reads. KEY is
the entry's key (common.prevailing) or, for a jurisdiction's own text, JUR/key (CN/law.ts_act).
--all marks every entry of L in DIR whose source is missing or old. Entries whose tags differ
from the master are refused.`,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Keys = args
			if runF != nil {
				return runF(opts)
			}
			return localeMarkCurrentRun(opts)
		},
	}
	cmd.Flags().StringVar(&opts.Lang, "lang", "", "the `language` whose entries to mark (en zh-CN th vi id de; comma-separated for several)")
	cmd.Flags().BoolVar(&opts.All, "all", false, "mark every entry whose source is missing or old")
	cmd.Flags().StringVar(&opts.Dir, "locales", "locales", "the locale `DIR` to write into (also layered over the built-in locales for reading)")
	cmd.Flags().BoolVar(&opts.NoEmbedded, "no-embedded", false, noEmbeddedHelp)
	cmd.Flags().BoolVar(&opts.DryRun, "dry-run", false, "report what would change, write nothing")
	_ = cmd.MarkFlagRequired("lang")
	return cmd
}

func localeMarkCurrentRun(o *localeMarkCurrentOptions) error {
	var failed bool
	for _, lang := range strings.Split(o.Lang, ",") {
		// Reload per language: each run may have written the history file.
		c, restore, err := localeSource{Dirs: []string{o.Dir}, NoEmbedded: o.NoEmbedded}.catalog()
		if err != nil {
			return err
		}
		defer restore()
		plan, err := c.PlanMarkCurrent(strings.TrimSpace(lang), o.Keys, o.All)
		if err != nil {
			return err
		}
		err = finishPlan(o.IO, plan, o.DryRun, "mark-current "+lang, []string{"stamped", "unchanged", "refused"})
		if errors.Is(err, ErrSilent) {
			failed = true
			continue
		}
		if err != nil {
			return err
		}
	}
	if failed {
		return ErrSilent
	}
	return nil
}
