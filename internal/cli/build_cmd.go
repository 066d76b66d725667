package cli

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/tsdraft/tsdraft/internal/docx"
	"github.com/tsdraft/tsdraft/internal/docxtmpl"
	"github.com/tsdraft/tsdraft/internal/law"
	"github.com/tsdraft/tsdraft/internal/notes"
	"github.com/tsdraft/tsdraft/internal/pdf"
	"github.com/tsdraft/tsdraft/internal/render"
	"github.com/tsdraft/tsdraft/internal/vocab"
)

var lawCheck = law.CheckBuild

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
	restore, err := useLanguages(opts.Locales)
	if err != nil {
		return err
	}
	defer restore()
	docs := opts.Docs
	for _, d := range docs {
		if !render.IsDocument(d) {
			return fmt.Errorf("unknown document %q; known: %s", d, strings.Join(documentIDs(), ", "))
		}
	}
	for _, l := range opts.Langs {
		if !vocab.Active().IsLanguage(l) {
			return fmt.Errorf("unknown language %q; known: %s (a new language is a folder of data: TRANSLATING.md, \"Add a language\")",
				l, strings.Join(vocab.Active().LanguageCodes(), ", "))
		}
	}
	if len(opts.Langs) > 2 {
		return fmt.Errorf("--lang takes one or two languages, not %d", len(opts.Langs))
	}
	if opts.Layout != "" && !slices.Contains([]string{render.Interleave, render.Columns, render.Separate}, opts.Layout) {
		return fmt.Errorf("unknown layout %q; use interleave, columns or separate", opts.Layout)
	}
	notesAs, err := notesMode(opts.Notes, opts.Final)
	if err != nil {
		return err
	}
	if err := needPDF(ios, opts.PDF); err != nil {
		return err
	}
	// The law rules run on what is built: these documents, languages and layout (nil docs: the
	// whole set, which leaves out a disabled non-compete below; naming it with --doc is an error
	// that the profile check reports at noncompete.enabled).
	p, sha, err := loadProfileWith(ios, opts.Profile, opts.Sets, law.Build{Docs: docs, Langs: opts.Langs, Layout: opts.Layout}, opts.Locales, opts.Templates)
	if err != nil {
		return err
	}
	if len(docs) == 0 {
		for _, d := range render.Documents {
			if d.ID == "noncompete" && !p.Noncompete.Enabled {
				fmt.Fprintln(ios.Err, "noncompete: not drafted, because noncompete.enabled = false (the labour clauses and the exit pledge state that no non-compete applies)")
				continue
			}
			docs = append(docs, d.ID)
		}
	}
	langs := opts.Langs
	if len(langs) == 0 {
		langs = p.Languages
	}
	layout := opts.Layout
	if layout == "" {
		layout = p.Layout
	}
	if layout == "" {
		layout = render.Interleave
	}
	r, err := newRendererFor(langs, opts.Locales, opts.Templates)
	if err == nil {
		err = setReference(r, opts.Reference)
	}
	if err != nil {
		return err
	}
	// Draft everything in memory first: a problem in the last document must not leave half a set.
	type file struct {
		name string
		data []byte
	}
	var files []file
	var failed []string
	for _, doc := range docs {
		req := render.Request{Doc: doc, Profile: p, Langs: langs, Layout: layout, Final: opts.Final, ProfileSHA: sha, Notes: notesAs}
		outs, err := r.Render(req)
		if err != nil {
			failed = append(failed, err.Error())
			continue
		}
		for _, o := range outs {
			if err := o.Package.Check(); err != nil {
				return fmt.Errorf("%s: %w", doc, err)
			}
			b, err := o.Package.Bytes()
			if err != nil {
				return err
			}
			files = append(files, file{render.FileName(doc, p.Jurisdiction, o.Langs), b})
		}
		if notesAs == notes.Memo {
			name, b, err := buildMemo(r, opts, req, outs)
			if err != nil {
				failed = append(failed, err.Error())
				continue
			}
			files = append(files, file{name, b})
		}
	}
	if len(failed) > 0 {
		fmt.Fprintln(ios.Err, strings.Join(failed, "\n"))
		fmt.Fprintln(ios.Err, "nothing written")
		return SilentError
	}
	if err := os.MkdirAll(opts.OutDir, 0o755); err != nil {
		return fmt.Errorf("creating %s: %w", opts.OutDir, err)
	}
	if !opts.Force {
		var exist []string
		for _, f := range files {
			if _, err := os.Lstat(filepath.Join(opts.OutDir, f.name)); err == nil {
				exist = append(exist, filepath.Join(opts.OutDir, f.name))
			}
			// With --pdf, an existing PDF would stop the run after the DOCX files are written.
			if pdfName := filepath.Join(opts.OutDir, strings.TrimSuffix(f.name, ".docx")+".pdf"); opts.PDF {
				if _, err := os.Lstat(pdfName); err == nil {
					exist = append(exist, pdfName)
				}
			}
		}
		if len(exist) > 0 {
			fmt.Fprintf(ios.Err, "these files exist already:\n  %s\nnothing written; use --force to overwrite them or -o to write elsewhere\n", strings.Join(exist, "\n  "))
			return SilentError
		}
	}
	var written []string
	for _, f := range files {
		path := filepath.Join(opts.OutDir, f.name)
		if err := docx.WriteFile(path, f.data, opts.Force, docx.Reopens); err != nil {
			return err
		}
		written = append(written, path)
		fmt.Fprintln(ios.Out, path)
	}
	if opts.PDF {
		pdfs, err := pdf.Convert(written, opts.OutDir, opts.Force)
		if err != nil {
			return err
		}
		for _, p := range pdfs {
			fmt.Fprintln(ios.Out, p)
		}
	}
	return nil
}

func documentIDs() []string {
	var ids []string
	for _, d := range render.Documents {
		ids = append(ids, d.ID)
	}
	return ids
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
	var files []string
	st, err := os.Stat(target)
	if err != nil {
		return err
	}
	if st.IsDir() {
		err := filepath.WalkDir(target, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if !d.IsDir() && strings.EqualFold(filepath.Ext(p), ".docx") && !strings.HasPrefix(d.Name(), "~$") {
				files = append(files, p)
			}
			return nil
		})
		if err != nil {
			return err
		}
		if len(files) == 0 {
			return fmt.Errorf("no .docx files in %s", target)
		}
	} else {
		files = []string{target}
	}
	bad := 0
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			return err
		}
		custom, perr := render.ParseCustom(f, b)
		fmt.Fprintf(ios.Out, "%s\n", f)
		var errs docxtmpl.Errors
		switch {
		case perr == nil:
			for _, t := range custom.Tags() {
				fmt.Fprintf(ios.Out, "  %s\t%s\n", t.Part, t.Tag)
			}
			for _, w := range custom.Warnings() {
				fmt.Fprintf(ios.Out, "  warning: %s\n", w)
			}
		case errors.As(perr, &errs):
			for _, e := range errs {
				fmt.Fprintf(ios.Out, "  error: %s\n", e)
			}
			bad++
			continue
		default:
			fmt.Fprintf(ios.Out, "  error: %v\n", perr)
			bad++
			continue
		}
		if profilePath != "" {
			var langs []string
			if lang != "" {
				langs = []string{lang}
			}
			p, sha, err := loadProfile(ios, profilePath, sets, law.Build{Docs: []string{"custom-template"}, Langs: langs})
			if err != nil {
				return err
			}
			if len(langs) == 0 {
				langs = p.Languages[:1]
			}
			r, err := newRenderer(nil, nil)
			if err != nil {
				return err
			}
			if _, err := r.RenderCustom(custom, render.Request{Profile: p, Langs: langs, ProfileSHA: sha}); err != nil {
				for _, line := range strings.Split(err.Error(), "\n") {
					fmt.Fprintf(ios.Out, "  error: %s\n", line)
				}
				bad++
			}
		}
	}
	if bad > 0 {
		fmt.Fprintf(ios.Out, "%d of %d template(s) have errors\n", bad, len(files))
		return SilentError
	}
	fmt.Fprintf(ios.Out, "%d template(s) ok\n", len(files))
	return nil
}
