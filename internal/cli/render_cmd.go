package cli

import (
	"bytes"
	"errors"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/tsdraft/tsdraft/internal/law"
	"github.com/tsdraft/tsdraft/internal/render"
	"github.com/tsdraft/tsdraft/internal/usecase"
)

// RenderOptions are the inputs of `tsdraft render`.
type RenderOptions struct {
	Template, Profile string
	Out               string
	Sets              []string
	Lang              string
	Locales           []string
	Force             bool
}

func newRenderCmd(ios *IO, runF func(*RenderOptions) error) *cobra.Command {
	opts := &RenderOptions{}
	cmd := &cobra.Command{
		Use:   "render TEMPLATE.docx PROFILE.toml",
		Short: "Fill your own DOCX template from a profile",
		Long: `Fill a DOCX template of your own (made in Word or LibreOffice) with values from a profile.
Tags such as {{ company.name }} or {{ vars.client }} name profile keys as written in TOML;
see the README's tag reference. Nothing is written if the template or the profile has errors.`,
		Example: `  tsdraft render letter.docx profile.toml -o letter-filled.docx
  tsdraft render letter.docx profile.toml --lang en --set vars.client="Acme Ltd."`,
		Args: cobra.ExactArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Template, opts.Profile = args[0], args[1]
			if runF != nil {
				return runF(opts)
			}
			return renderRun(ios, opts)
		},
	}
	f := cmd.Flags()
	f.StringVarP(&opts.Out, "output", "o", "", "output file (default: TEMPLATE-filled.docx in the current directory)")
	f.StringArrayVar(&opts.Sets, "set", nil, "override a profile value: --set path=TOML-value (repeatable)")
	f.StringVar(&opts.Lang, "lang", "", "language to render (default: the profile's first language)")
	f.StringArrayVar(&opts.Locales, "locales", nil, "directory of locale files layered over the built-in ones")
	f.BoolVar(&opts.Force, "force", false, "overwrite the output file if it exists")
	return cmd
}

func renderRun(ios *IO, opts *RenderOptions) error {
	restore, err := usecase.UseLanguages(opts.Locales)
	if err != nil {
		return err
	}
	defer restore()
	// The template and the profile are read at the same time: each is about a third of a
	// render's own time. What the user hears is unchanged: the template's problems first, and
	// the profile's only once the template is usable, as when they ran in turn.
	type template struct {
		custom *render.Custom
		err    error
	}
	read := make(chan template, 1)
	go func() {
		custom, err := usecase.ReadTemplate(opts.Template)
		read <- template{custom, err}
	}()
	env := usecase.Env{Locales: opts.Locales, Version: Version}
	var langs []string
	if opts.Lang != "" {
		langs = []string{opts.Lang}
	}
	// A user's template is not one of the shipped documents: only profile-wide rules apply, on
	// the language actually rendered (an Indonesian profile rendered in English is refused).
	var profileSays bytes.Buffer
	c, perr := checkProfile(&IO{In: ios.In, Out: ios.Out, Err: &profileSays}, env, opts.Profile, opts.Sets,
		law.Build{Docs: []string{usecase.CustomTemplate}, Langs: langs})
	t := <-read
	custom, err := t.custom, t.err
	if te := (*usecase.TemplateError)(nil); errors.As(err, &te) {
		fmt.Fprintf(ios.Err, "%v\n%s: template has errors; nothing written (tsdraft template check %s lists them)\n", err, opts.Template, opts.Template)
		return ErrSilent
	}
	if err != nil {
		return err
	}
	if _, err := ios.Err.Write(profileSays.Bytes()); err != nil {
		return err
	}
	if perr != nil {
		return perr
	}
	f, err := env.RenderTemplate(custom, c, opts.Lang)
	if de := (*usecase.DraftError)(nil); errors.As(err, &de) {
		fmt.Fprintf(ios.Err, "%v\nnothing written\n", err)
		return ErrSilent
	}
	if err != nil {
		return err
	}
	out := opts.Out
	if out == "" {
		out = strings.TrimSuffix(filepath.Base(opts.Template), filepath.Ext(opts.Template)) + "-filled.docx"
	}
	if err := usecase.WriteNew(out, f.Data, opts.Force); err != nil {
		return err
	}
	fmt.Fprintln(ios.Out, out)
	return nil
}
