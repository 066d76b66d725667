package law

import (
	"slices"

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
}

// Finding is one place where a rule is broken.
type Finding struct {
	Path    string // the profile key the diagnostic points at (dotted, e.g. noncompete.months)
	Message string // what is wrong; the rule's Source is appended
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

// Check runs the rules of p's jurisdiction. Rules whose documents do not meet docs are skipped
// (nil docs: every document). Each diagnostic carries the rule's documents.
func Check(p *profile.Profile, docs []string) profile.Diagnostics {
	if p == nil {
		return nil
	}
	var ds profile.Diagnostics
	for _, r := range For(p.Jurisdiction) {
		if len(docs) > 0 && len(r.Docs) > 0 && !meets(r.Docs, docs) {
			continue
		}
		for _, f := range r.Check(p) {
			msg := f.Message
			if r.Source != "" {
				msg += " (" + r.Source + ")"
			}
			ds = append(ds, p.Diag(r.Level, r.ID, f.Path, msg, r.Hint, r.Docs...))
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
