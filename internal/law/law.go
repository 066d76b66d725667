package law

import (
	"fmt"
	"slices"
	"strings"

	"github.com/tsdraft/tsdraft/internal/profile"
	"github.com/tsdraft/tsdraft/internal/vocab"
)

// Rule is one check of the profile against the law of a jurisdiction.
type Rule struct {
	ID           string           // e.g. CN-NC-001
	Jurisdiction string           // JP … EU; "" for every jurisdiction
	Level        profile.Severity // error: the clause would fail; warning: a risk to weigh
	Docs         []string         // documents the rule concerns; empty = every document
	Source       string           // the statute, case or guidance, as cited in the message
	Hint         string           // what to do
	Check        func(p *profile.Profile) []Finding
	// Overridable: an error that rests on a threshold of case law or practice, not on a statute;
	// when its ID is in counsel.accepted it is reported as a warning.
	Overridable bool
}

// Finding is one place where a rule is broken.
type Finding struct {
	Path    string // the profile key the diagnostic points at (dotted, e.g. noncompete.months)
	Message string // what is wrong; the rule's Source is appended
	// Source and Hint, when set, replace the rule's for this finding: a common rule cites each
	// jurisdiction's own statute and example (a CN profile is not shown a Tokyo court).
	Source, Hint string
	// Level, when set, replaces the rule's for this finding: a common rule that refuses in one
	// setting may only warn in another (ALL-LABEL-001 outside the grade's own state).
	Level profile.Severity
}

// Rules returns every rule, common rules first, then by jurisdiction in tsdraft's order.
func Rules() []Rule {
	out := slices.Clone(common)
	for _, j := range profile.Jurisdictions {
		out = append(out, tables[j]...)
	}
	return out
}

// For returns the rules that apply to a jurisdiction (common rules included): those of the law
// table its vocabulary file names (vocab/jurisdictions/<JUR>.toml, law = …).
func For(jur string) []Rule {
	if j, ok := vocab.Active().Jurisdiction(jur); ok {
		jur = j.Law
	}
	return append(slices.Clone(common), tables[jur]...)
}

// Build is what is actually drafted: the documents, the languages and the layout after the
// command line's choices (--doc, --lang, --layout; --set is already in the profile). The rules
// run on it, not on the profile as written: a profile with Indonesian is no excuse for a set
// built without it (review 2026-12 A.2).
type Build struct {
	Docs   []string // nil: every document
	Langs  []string // nil: the profile's languages
	Layout string   // "": the profile's layout
}

// Check runs the rules of p's jurisdiction on the profile as written. Rules whose documents do
// not meet docs are skipped (nil docs: every document). Each diagnostic carries the rule's
// documents.
func Check(p *profile.Profile, docs []string) profile.Diagnostics {
	return CheckBuild(p, Build{Docs: docs})
}

// CheckBuild runs the rules of p's jurisdiction on what b builds: the rules see the languages
// and layout of the build in place of the profile's.
func CheckBuild(p *profile.Profile, b Build) profile.Diagnostics {
	if p == nil {
		return nil
	}
	docs := b.Docs
	eff := *p // the rules read the profile only; the copy shares its maps
	if len(b.Langs) > 0 {
		eff.Languages = slices.Clone(b.Langs)
	}
	if b.Layout != "" {
		eff.Layout = b.Layout
	}
	var ds profile.Diagnostics
	// The profile's own check (PROFILE-PREVAILING) covers its languages; a build in other
	// languages must still contain the version it declares to prevail.
	if len(eff.Languages) == 2 && p.Prevailing != "" && slices.Contains(p.Languages, p.Prevailing) &&
		!slices.Contains(eff.Languages, p.Prevailing) {
		ds = append(ds, p.Diag(profile.Error, "PROFILE-PREVAILING", "prevailing",
			fmt.Sprintf("prevailing = %q, but the documents are built in %s: the language clause would name a version that is not drafted",
				p.Prevailing, strings.Join(eff.Languages, " and ")),
			fmt.Sprintf("build in %s and one other language, or set prevailing to one of %s", p.Prevailing, strings.Join(eff.Languages, ", "))))
	}
	p = &eff
	rules := For(p.Jurisdiction)
	if p.Jurisdiction == "EU" && germanLaw(p) {
		// German law chosen for an EU profile: the German rules bind the drafts (review B).
		rules = append(rules, tables["DE"]...)
	}
	for _, r := range rules {
		if len(docs) > 0 && len(r.Docs) > 0 && !meets(r.Docs, docs) {
			continue
		}
		for _, f := range r.Check(p) {
			msg, source, hint := f.Message, r.Source, r.Hint
			if f.Source != "" {
				source = f.Source
			}
			if f.Hint != "" {
				hint = f.Hint
			}
			if source != "" {
				msg += " (" + source + ")"
			}
			level := r.Level
			if f.Level != "" {
				level = f.Level
			}
			if r.Overridable && level == profile.Error {
				if slices.Contains(p.Accepted, r.ID) {
					level = profile.Warning
					msg += "; accepted by counsel (counsel.accepted)"
				} else {
					hint += fmt.Sprintf(`; or, if counsel accepts it, add %q to accepted under [counsel]`, r.ID)
				}
			}
			ds = append(ds, p.Diag(level, r.ID, f.Path, msg, hint, r.Docs...))
		}
	}
	return ds
}

func meets(a, b []string) bool {
	for _, x := range a {
		if slices.Contains(b, x) {
			return true
		}
	}
	return false
}

// when returns one finding at path if cond holds.
func when(cond bool, path, msg string) []Finding {
	if !cond {
		return nil
	}
	return []Finding{{Path: path, Message: msg}}
}

// Documents that carry or summarise a non-compete.
var ncDocs = []string{"labour-clause", "noncompete", "exit-pledge"}

var tables = map[string][]Rule{
	"JP": jp, "CN": cn, "TH": th, "VN": vn, "ID": id, "DE": de, "UK": uk, "EU": eu,
}
