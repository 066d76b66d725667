package usecase

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"

	"github.com/tsdraft/tsdraft/internal/law"
	"github.com/tsdraft/tsdraft/internal/profile"
)

// Checked is a profile checked for what is built.
type Checked struct {
	// Profile is the decoded profile with every valid value; nil when the TOML cannot be
	// parsed. Use it to draft only when Diags has no error.
	Profile *profile.Profile
	// Diags are the problems for the documents built, sorted by place.
	Diags profile.Diagnostics
	// SHA is the SHA-256 of the profile's bytes (hex), the documents' provenance.
	SHA string

	name string
	src  []byte
	sets []string
}

// OK reports whether the profile can be drafted from: it decoded and has no error.
func (c *Checked) OK() bool { return c.Profile != nil && !c.Diags.HasErrors() }

// CheckFile reads the profile at path and checks it for what b builds (CheckSource). An error
// is returned only when the file cannot be read; problems of the profile are in Diags.
func (e Env) CheckFile(path string, sets []string, b law.Build) (*Checked, error) {
	if fi, err := os.Stat(path); err == nil && fi.Size() > profile.MaxProfileSize {
		// Refused without reading it: a profile that size is a mistake, not a profile.
		_, ds, err := profile.Load(path, sets)
		return &Checked{Diags: ds.Sorted(), name: path, sets: sets}, err
	}
	src, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read profile: %w", err)
	}
	return e.CheckSource(path, src, sets, b), nil
}

// CheckSource decodes a profile (named name in diagnostics), applies the --set values and runs
// every check on what b builds: the keys each document requires (read from the templates and
// texts it is drafted from, the user's layers included) and the law rules on the effective
// build (its documents, languages and layout, not the profile's as written). Nil b.Docs: the
// whole set; nil b.Langs: the profile's languages.
func (e Env) CheckSource(name string, src []byte, sets []string, b law.Build) *Checked {
	p, diags := profile.Decode(name, src, sets)
	sum := sha256.Sum256(src)
	c := &Checked{Profile: p, SHA: hex.EncodeToString(sum[:]), name: name, src: src, sets: sets}
	if p != nil {
		// The profile keeps only valid values, so every check can run and report at once.
		if len(b.Langs) == 0 {
			b.Langs = p.Languages
		}
		diags = append(diags, e.documentChecks(p, b.Docs, b.Langs)...)
		diags = append(diags, law.CheckBuild(p, b)...)
	}
	c.Diags = diags.For(b.Docs).Sorted()
	return c
}

// documentChecks runs the per-document checks. The keys a document requires are those its
// template and texts print: the shipped ones, or, with the user's directories, the layered ones
// (so a tag a template author just added is required at once).
func (e Env) documentChecks(p *profile.Profile, docs, langs []string) profile.Diagnostics {
	if len(e.Locales) == 0 && len(e.Templates) == 0 {
		return p.CheckFor(docs, langs)
	}
	all := docs
	if len(all) == 0 {
		all = profile.Documents
	}
	r, err := Env{Locales: e.Locales, Templates: e.Templates}.Renderer(langs)
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

// Warnings are the warnings the check gives for one document built in langs, as printed: what
// a drafting memo lists. The profile is decoded again from the bytes that were checked.
func (c *Checked) Warnings(doc string, langs []string) ([]string, error) {
	p, diags := profile.Decode(c.name, c.src, c.sets)
	if p == nil {
		return nil, fmt.Errorf("%s: the profile no longer decodes", c.name)
	}
	docs := []string{doc}
	diags = append(diags, p.CheckFor(docs, langs)...)
	diags = append(diags, law.CheckBuild(p, law.Build{Docs: docs, Langs: langs})...)
	var out []string
	for _, d := range diags.For(docs).Sorted() {
		if d.Level == profile.Warning {
			out = append(out, d.String())
		}
	}
	return out, nil
}
