package cli

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/tsdraft/tsdraft/internal/law"
	"github.com/tsdraft/tsdraft/internal/profile"
	"github.com/tsdraft/tsdraft/internal/usecase"
)

// ---- init ----

type initOptions struct {
	Jurisdiction string
	Langs        []string
	Output       string
	Force        bool
}

func newInitCmd(ios *IO) *cobra.Command {
	o := &initOptions{}
	cmd := &cobra.Command{
		Use:   "init --jurisdiction CODE [--lang a,b] [-o FILE] [--force]",
		Short: "Write a complete, commented sample profile for a jurisdiction",
		Long: `Write a complete, commented sample profile for a jurisdiction: a fictional Japanese group's
company there, with classification levels, categories, a register, an employee, a non-compete
within the local limits, dispute resolution and signatories. It passes 'tsdraft check' as
written; replace the example values with the client's facts.

Jurisdictions: ` + strings.Join(profile.Jurisdictions, ", ") + `.
Languages default to the local language and Japanese (JP: ja, en; UK and EU: en, ja).
The file is written to profile.toml unless -o says otherwise (-o - writes to standard output);
an existing file is never overwritten without --force.`,
		Example: `  tsdraft init --jurisdiction CN
  tsdraft init -j TH --lang th,en -o thai-sub.toml`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error { return initRun(ios, o) },
	}
	cmd.Flags().StringVarP(&o.Jurisdiction, "jurisdiction", "j", "", "jurisdiction: "+strings.Join(profile.Jurisdictions, " "))
	cmd.Flags().StringSliceVar(&o.Langs, "lang", nil, "one or two languages, comma-separated (default: local language and ja)")
	cmd.Flags().StringVarP(&o.Output, "output", "o", "profile.toml", "file to write, or - for standard output")
	cmd.Flags().BoolVar(&o.Force, "force", false, "overwrite an existing file")
	return cmd
}

func initRun(ios *IO, o *initOptions) error {
	jur := strings.ToUpper(strings.TrimSpace(o.Jurisdiction))
	if jur == "" {
		return fmt.Errorf("--jurisdiction is required: one of %s", strings.Join(profile.Jurisdictions, ", "))
	}
	if !profile.IsJurisdiction(jur) {
		return fmt.Errorf("unknown jurisdiction %q: use one of %s (nothing written)", o.Jurisdiction, strings.Join(profile.Jurisdictions, ", "))
	}
	var langs []string
	for _, l := range o.Langs {
		if l = strings.TrimSpace(l); l != "" {
			langs = append(langs, l)
		}
	}
	src, err := profile.Sample(jur, langs)
	if err != nil {
		return fmt.Errorf("%w (nothing written)", err)
	}
	name := o.Output
	if name == "-" {
		name = "profile.toml"
	}
	// The sample must pass check as written; if a language choice breaks a law rule (ID without
	// Indonesian, TH regulations without Thai), say so and write nothing.
	c := usecase.Env{}.CheckSource(name, src, nil, law.Build{})
	if !c.OK() {
		_ = c.Diags.Write(ios.Err)
		return fmt.Errorf("the %s sample with languages %s would not pass check (nothing written)", jur, strings.Join(c.Profile.Languages, ", "))
	}
	if len(c.Diags) > 0 {
		_ = c.Diags.Write(ios.Err)
	}
	if o.Output == "-" {
		_, err := ios.Out.Write(src)
		return err
	}
	if err := usecase.WriteNew(o.Output, src, o.Force); err != nil {
		return err
	}
	fmt.Fprintf(ios.Err, "wrote %s (%s, languages %s)\nnext: edit it, then run: tsdraft check %s\n",
		o.Output, jur, strings.Join(c.Profile.Languages, ", "), o.Output)
	return nil
}

// ---- check ----

type checkOptions struct {
	Path      string
	Sets      []string
	Docs      []string
	Locales   []string
	Templates []string
}

func newCheckCmd(ios *IO) *cobra.Command {
	o := &checkOptions{}
	cmd := &cobra.Command{
		Use:   "check PROFILE [--set path=value]... [--doc ID,...]",
		Short: "Check a profile: syntax, keys, values, what each document needs, and the law",
		Long: `Check a profile the way a compiler checks code, and print every problem as
FILE:LINE:COL: error|warning: message [RULE-ID], with a hint on the next line, then a summary
("ok", or "N errors, M warnings"). The exit status is 1 if there is any error; warnings alone
do not fail. Problems in a --set value are placed at --set:N:COL (the N-th --set, and the
column in it where the value starts).

--doc limits the document checks (required keys, languages, law rules) to those documents:
  ` + strings.Join(profile.Documents[:4], ", ") + `,
  ` + strings.Join(profile.Documents[4:], ", ") + `.`,
		Example: `  tsdraft check profile.toml
  tsdraft check profile.toml --set noncompete.months=24 --doc noncompete,exit-pledge`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			o.Path = args[0]
			return checkRun(ios, o)
		},
	}
	cmd.Flags().StringArrayVar(&o.Sets, "set", nil, profile.SetHelp)
	cmd.Flags().StringSliceVar(&o.Docs, "doc", nil, "check for these documents only (comma-separated IDs)")
	cmd.Flags().StringArrayVar(&o.Locales, "locales", nil, "directory of locale files layered over the built-in ones (as for build)")
	cmd.Flags().StringArrayVar(&o.Templates, "templates", nil, "directory of templates layered over the built-in ones (as for build): the keys they print are required")
	return cmd
}

func checkRun(ios *IO, o *checkOptions) error {
	restore, err := usecase.UseLanguages(o.Locales)
	if err != nil {
		return err
	}
	defer restore()
	docs, err := parseDocs(o.Docs)
	if err != nil {
		return err
	}
	c, err := usecase.Env{Locales: o.Locales, Templates: o.Templates}.CheckFile(o.Path, o.Sets, law.Build{Docs: docs})
	if err != nil {
		return err
	}
	if err := c.Diags.Write(ios.Out); err != nil {
		return err
	}
	if c.Diags.HasErrors() {
		return ErrSilent
	}
	return nil
}

// parseDocs validates document IDs given on the command line (nil: every document).
func parseDocs(in []string) ([]string, error) {
	var docs []string
	for _, d := range in {
		d = strings.TrimSpace(d)
		if d == "" {
			continue
		}
		if !profile.IsDocument(d) {
			return nil, fmt.Errorf("unknown document %q: use %s", d, strings.Join(profile.Documents, ", "))
		}
		docs = append(docs, d)
	}
	return docs, nil
}

// ---- schema ----

func newSchemaCmd(ios *IO) *cobra.Command {
	return &cobra.Command{
		Use:   "schema",
		Short: "Print the JSON Schema (2020-12) of the profile, for editors",
		Long: `Print the JSON Schema (draft 2020-12) of the profile. Editors with Taplo or Even Better TOML
use it to complete and check profiles as you type, e.g. with a first line in the profile:

  #:schema ./tsdraft-profile.schema.json`,
		Example: `  tsdraft schema > tsdraft-profile.schema.json`,
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			_, err := ios.Out.Write(profile.JSONSchema())
			return err
		},
	}
}
