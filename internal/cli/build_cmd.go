package cli

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/tsdraft/tsdraft/internal/law"
	"github.com/tsdraft/tsdraft/internal/render"
	"github.com/tsdraft/tsdraft/internal/usecase"
	"github.com/tsdraft/tsdraft/internal/vocab"
)

// BuildOptions are the inputs of `tsdraft build`.
type BuildOptions struct {
	Profile   string
	Docs      []string
	Langs     []string
	Layout    string
	OutDir    string
	PDF       bool
	Final     bool
	Force     bool
	Sets      []string
	Locales   []string
	Templates []string
	Notes     string // --notes: comments, memo or none ("": comments for drafts, none with --final)
	Reference string // a reference document restyling the shipped templates
}

func newBuildCmd(ios *IO) *cobra.Command {
	opts := &BuildOptions{}
	cmd := &cobra.Command{
		Use:   "build PROFILE",
		Short: "Draft the document set from a profile",
		Long: `Draft the documents of the set for the profile's jurisdiction, as
<doc>.<jurisdiction>.<langs>.docx in the output directory. All documents by default.

The profile is checked first (as tsdraft check does, for the documents asked for); on any
error nothing is written. Existing files are left alone unless --force is given.`,
		Example: `  tsdraft build profile.toml -o out
  tsdraft build profile.toml --doc nda-employee,exit-pledge --lang th,en --layout columns
  tsdraft build profile.toml --final --pdf --force`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Profile = args[0]
			opts.Docs, opts.Langs = splitList(opts.Docs), splitList(opts.Langs)
			return buildRun(ios, opts)
		},
	}
	f := cmd.Flags()
	f.StringSliceVar(&opts.Docs, "doc", nil, "documents to build, comma-separated (default: all; tsdraft list documents)")
	f.StringSliceVar(&opts.Langs, "lang", nil, "one or two languages, e.g. th,ja (default: the profile's languages)")
	f.StringVar(&opts.Layout, "layout", "", "bilingual layout: interleave, columns or separate (default: the profile's)")
	f.StringVarP(&opts.OutDir, "output", "o", ".", "output directory (created if missing)")
	f.BoolVar(&opts.PDF, "pdf", false, "also write PDF files through LibreOffice")
	f.BoolVar(&opts.Final, "final", false, "drop the draft marking (only after review by counsel)")
	f.BoolVar(&opts.Force, "force", false, "overwrite existing files")
	f.StringVar(&opts.Notes, "notes", "", notesFlagHelp)
	f.StringArrayVar(&opts.Sets, "set", nil, "override a profile value: --set path=TOML-value (repeatable)")
	f.StringArrayVar(&opts.Locales, "locales", nil, "directory of locale files layered over the built-in ones")
	f.StringArrayVar(&opts.Templates, "templates", nil, "directory of templates (<doc>.docx) used instead of the built-in ones")
	f.StringVar(&opts.Reference, "reference", "", "reference document (.docx): the firm's styles, header, footer and page set-up for every document")
	registerDocumentCompletions(cmd)
	return cmd
}

func buildRun(ios *IO, opts *BuildOptions) error {
	restore, err := usecase.UseLanguages(opts.Locales)
	if err != nil {
		return err
	}
	defer restore()
	if err := usecase.CheckBuildArgs(opts.Docs, opts.Langs, opts.Layout); err != nil {
		return err
	}
	if len(opts.Langs) > 2 {
		return fmt.Errorf("--lang takes one or two languages, not %d", len(opts.Langs))
	}
	notesAs, err := notesMode(opts.Notes, opts.Final)
	if err != nil {
		return err
	}
	if err := needPDF(ios, opts.PDF); err != nil {
		return err
	}
	env := opts.env()
	// The law rules run on what is built: these documents, languages and layout (nil docs: the
	// whole set, which leaves out a disabled non-compete; naming it with --doc is an error that
	// the profile check reports at noncompete.enabled).
	c, err := checkProfile(ios, env, opts.Profile, opts.Sets, law.Build{Docs: opts.Docs, Langs: opts.Langs, Layout: opts.Layout})
	if err != nil {
		return err
	}
	built, err := env.Build(c, usecase.BuildRequest{Docs: opts.Docs, Langs: opts.Langs, Layout: opts.Layout, Final: opts.Final, Notes: notesAs})
	for _, s := range builtSkipped(built) {
		fmt.Fprintln(ios.Err, s)
	}
	if de := (*usecase.DraftError)(nil); errors.As(err, &de) {
		fmt.Fprintln(ios.Err, de.Error())
		fmt.Fprintln(ios.Err, "nothing written")
		return ErrSilent
	}
	if err != nil {
		return err
	}
	written, err := usecase.WriteSet(opts.OutDir, built.Files, opts.Force, opts.PDF)
	for _, p := range written {
		fmt.Fprintln(ios.Out, p)
	}
	if ee := (*usecase.ExistError)(nil); errors.As(err, &ee) {
		fmt.Fprintf(ios.Err, "these files exist already:\n  %s\nnothing written; use --force to overwrite them or -o to write elsewhere\n", strings.Join(ee.Paths, "\n  "))
		return ErrSilent
	}
	if err != nil {
		return err
	}
	if opts.PDF {
		pdfs, err := usecase.ConvertPDF(context.Background(), written, opts.OutDir, opts.Force)
		if err != nil {
			return err
		}
		for _, p := range pdfs {
			fmt.Fprintln(ios.Out, p)
		}
	}
	return nil
}

func (opts *BuildOptions) env() usecase.Env {
	return usecase.Env{Locales: opts.Locales, Templates: opts.Templates, Reference: opts.Reference, Version: Version}
}

// builtSkipped is what a build left out of the whole set, and why.
func builtSkipped(b *usecase.Built) []string {
	if b == nil {
		return nil
	}
	return b.Skipped
}

func newListCmd(ios *IO) *cobra.Command {
	return &cobra.Command{
		Use:       "list documents|jurisdictions|languages",
		Short:     "List the documents, jurisdictions or languages tsdraft knows",
		Args:      cobra.ExactArgs(1),
		ValidArgs: []string{"documents", "jurisdictions", "languages"},
		RunE: func(cmd *cobra.Command, args []string) error {
			w := tabwriter.NewWriter(ios.Out, 0, 4, 2, ' ', 0)
			switch args[0] {
			case "documents":
				for _, d := range render.Documents {
					fmt.Fprintf(w, "%s\t%s\t%s\n", d.ID, d.Name, d.Description)
				}
			case "jurisdictions":
				for _, j := range vocab.Active().Jurisdictions() {
					fmt.Fprintf(w, "%s\t%s\tdefault languages: %s\n", j.Code, j.Name, strings.Join(j.Languages, ", "))
				}
			case "languages":
				for _, l := range vocab.Active().Languages() {
					fmt.Fprintf(w, "%s\t%s\n", l.Code, languageName(l))
				}
			default:
				return fmt.Errorf("unknown list %q: use documents, jurisdictions or languages", args[0])
			}
			return w.Flush()
		},
	}
}

// languageName is how `list languages` names a language: in itself, then in English.
func languageName(l *vocab.Language) string {
	name := l.Native
	if l.Name != l.Native {
		name += " " + l.Name
	}
	if l.Master {
		name += " (master)"
	}
	return name
}

func newTemplateCmd(ios *IO) *cobra.Command {
	cmd := &cobra.Command{Use: "template", Short: "Work with DOCX templates"}
	var profilePath, lang string
	var sets []string
	check := &cobra.Command{
		Use:   "check FILE.docx|DIR",
		Short: "List a template's tags and report every problem with its place",
		Long: `List the tags of each template (a file, or every .docx in a directory) and report every
problem with its part, paragraph and tag. With --profile, the template is also filled in
memory, which finds unknown paths and missing texts too. Exit status 1 on any error.`,
		Args: cobra.ExactArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			return templateCheckRun(ios, args[0], profilePath, lang, sets)
		},
	}
	check.Flags().StringVar(&profilePath, "profile", "", "also fill the template with this profile (nothing is written)")
	check.Flags().StringVar(&lang, "lang", "", "language for --profile (default: the profile's first)")
	check.Flags().StringArrayVar(&sets, "set", nil, "override a profile value: --set path=TOML-value")
	cmd.AddCommand(check)
	return cmd
}

func templateCheckRun(ios *IO, target, profilePath, lang string, sets []string) error {
	files, err := usecase.TemplateFiles(target)
	if err != nil {
		return err
	}
	bad := 0
	for _, f := range files {
		custom, perr := usecase.ReadTemplate(f)
		var te *usecase.TemplateError
		if perr != nil && !errors.As(perr, &te) {
			return perr
		}
		fmt.Fprintf(ios.Out, "%s\n", f)
		if te != nil {
			for _, e := range te.Problems() {
				fmt.Fprintf(ios.Out, "  error: %s\n", e)
			}
			bad++
			continue
		}
		for _, t := range custom.Tags() {
			fmt.Fprintf(ios.Out, "  %s\t%s\n", t.Part, t.Tag)
		}
		for _, w := range custom.Warnings() {
			fmt.Fprintf(ios.Out, "  warning: %s\n", w)
		}
		if profilePath != "" {
			var langs []string
			if lang != "" {
				langs = []string{lang}
			}
			c, err := checkProfile(ios, usecase.Env{Version: Version}, profilePath, sets, law.Build{Docs: []string{usecase.CustomTemplate}, Langs: langs})
			if err != nil {
				return err
			}
			if _, err := (usecase.Env{Version: Version}).RenderTemplate(custom, c, lang); err != nil {
				for _, line := range strings.Split(err.Error(), "\n") {
					fmt.Fprintf(ios.Out, "  error: %s\n", line)
				}
				bad++
			}
		}
	}
	if bad > 0 {
		fmt.Fprintf(ios.Out, "%d of %d template(s) have errors\n", bad, len(files))
		return ErrSilent
	}
	fmt.Fprintf(ios.Out, "%d template(s) ok\n", len(files))
	return nil
}
