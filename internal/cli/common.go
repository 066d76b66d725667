package cli

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"github.com/spf13/cobra"
	"io/fs"
	"os"
	"strings"

	tsdraft "github.com/tsdraft/tsdraft"
	"github.com/tsdraft/tsdraft/internal/law"
	"github.com/tsdraft/tsdraft/internal/locale"
	"github.com/tsdraft/tsdraft/internal/profile"
	"github.com/tsdraft/tsdraft/internal/render"
	"github.com/tsdraft/tsdraft/internal/tplgen"
	"github.com/tsdraft/tsdraft/internal/vocab"
)

// useLanguages layers the language files of the user's locale directories
// (<dir>/<lang>/language.toml) over the built-in vocabulary and makes the result the active one
// until restore is called, so that a language added as data is known to the profile, the
// catalogue and the renderer alike.
func useLanguages(dirs []string) (restore func(), err error) {
	v, err := vocab.Builtin().WithLanguages(dirs...)
	if err != nil {
		return nil, fmt.Errorf("language file: %w", err)
	}
	return vocab.Use(v), nil
}

func newRenderer(localeDirs, templateDirs []string) (*render.Renderer, error) {
	return newRendererFor(nil, localeDirs, templateDirs)
}

// newRendererFor reads only the locale texts of langs (nil: all languages).
func newRendererFor(langs, localeDirs, templateDirs []string) (*render.Renderer, error) {
	lfs, err := fs.Sub(tsdraft.Locales, "locales")
	if err != nil {
		return nil, err
	}
	var cat *locale.Catalog
	if langs == nil {
		cat, err = locale.Load(lfs, localeDirs...)
	} else {
		cat, err = locale.LoadLangs(lfs, langs, localeDirs...)
	}
	if err != nil {
		return nil, err
	}
	tfs, err := fs.Sub(tsdraft.Templates, "templates")
	if err != nil {
		return nil, err
	}
	return &render.Renderer{Templates: tfs, TemplateDirs: templateDirs, Catalog: cat, Version: Version}, nil
}

// loadProfile reads a profile and prints its diagnostics for what is built (b: documents,
// languages, layout; the law rules run on that, not on the profile as written); it fails
// setReference restyles the shipped templates with a reference document, when one is given.
func setReference(r *render.Renderer, path string) error {
	if path == "" {
		return nil
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return fmt.Errorf("reference document: %w", err)
	}
	ref, err := tplgen.LoadReference(path, b)
	if err != nil {
		return err
	}
	r.Reference = ref
	return nil
}

// loadProfile reads a profile and prints its diagnostics for the documents at hand; it fails
// (after printing every problem) when any of them is an error.
func loadProfile(ios *IO, path string, sets []string, b law.Build) (*profile.Profile, string, error) {
	return loadProfileWith(ios, path, sets, b, nil, nil)
}

// loadProfileWith is loadProfile for a build with the user's locale and template directories:
// the keys each document requires are read from the templates and texts it will be drafted from.
func loadProfileWith(ios *IO, path string, sets []string, b law.Build, localeDirs, templateDirs []string) (*profile.Profile, string, error) {
	docs, langs := b.Docs, b.Langs
	// Read once: the same bytes are decoded and hashed for the documents' provenance.
	src, err := os.ReadFile(path)
	if err != nil {
		return nil, "", fmt.Errorf("read profile: %w", err)
	}
	p, diags := profile.Decode(path, src, sets)
	sum := sha256.Sum256(src)
	if p != nil {
		// The profile keeps only valid values, so every check can run and report at once.
		if len(langs) == 0 {
			langs = p.Languages
		}
		diags = append(diags, checkFor(p, docs, langs, localeDirs, templateDirs)...)
		b.Langs = langs
		diags = append(diags, lawCheck(p, b)...)
	}
	diags = diags.For(docs).Sorted()
	if len(diags) > 0 {
		if err := diags.Write(ios.Err); err != nil {
			return nil, "", err
		}
	}
	if diags.HasErrors() {
		errs, warns := diags.Count()
		fmt.Fprintf(ios.Err, "%s: %d error(s), %d warning(s); nothing written. Fix the profile (tsdraft check %s) and run again.\n", path, errs, warns, path)
		return nil, "", SilentError
	}
	return p, hex.EncodeToString(sum[:]), nil
}

// checkFor runs the per-document checks. The keys a document requires are those its template
// and texts print: the shipped ones, or, with the user's directories, the layered ones (so a
// tag a template author just added is required at once).
func checkFor(p *profile.Profile, docs, langs, localeDirs, templateDirs []string) profile.Diagnostics {
	if len(localeDirs) == 0 && len(templateDirs) == 0 {
		return p.CheckFor(docs, langs)
	}
	if len(langs) == 0 {
		langs = p.Languages
	}
	all := docs
	if len(all) == 0 {
		all = profile.Documents
	}
	r, err := newRendererFor(langs, localeDirs, templateDirs)
	var needs []profile.Need
	if err == nil {
		needs, err = r.Needs(all, p.TextJurisdiction(), langs)
	}
	if err != nil {
		// The renderer reports the broken template or text again, with its place; the check
		// says that it could not tell what the documents require.
		return append(profile.Diagnostics{p.Diag(profile.Error, "PROFILE-TEMPLATE", "", "cannot read what the templates require: "+err.Error(),
			"fix the template or locale directory (tsdraft template check, tsdraft locale check)")}, p.CheckWith(nil, docs, langs)...)
	}
	return p.CheckWith(needs, docs, langs)
}

// splitList accepts "a,b" and repeated flags alike.
func splitList(vals []string) []string {
	var out []string
	for _, v := range vals {
		for _, s := range strings.Split(v, ",") {
			if s = strings.TrimSpace(s); s != "" {
				out = append(out, s)
			}
		}
	}
	return out
}

// registerDocumentCompletions completes --doc with the document IDs and --layout with the layouts.
func registerDocumentCompletions(cmd *cobra.Command) {
	_ = cmd.RegisterFlagCompletionFunc("doc", func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		var ids []string
		for _, d := range render.Documents {
			ids = append(ids, d.ID+"\t"+d.Description)
		}
		return ids, cobra.ShellCompDirectiveNoFileComp
	})
	_ = cmd.RegisterFlagCompletionFunc("layout", cobra.FixedCompletions([]string{render.Interleave, render.Columns, render.Separate}, cobra.ShellCompDirectiveNoFileComp))
}
