package profile

import (
	"strings"
	"testing"
)

func ruleDiags(ds Diagnostics, rule string) []Diagnostic {
	var out []Diagnostic
	for _, d := range ds {
		if d.Rule == rule {
			out = append(out, d)
		}
	}
	return out
}

// TestDocumentSettingsChecks: [documents.<doc>] levels must exist; a footer number is one short
// line; a pledge dated before what it
// attests (or an entry pledge long after hiring) is a warning. A failing and a passing case each.
func TestDocumentSettingsChecks(t *testing.T) {
	src, err := Sample("JP", nil)
	if err != nil {
		t.Fatal(err)
	}
	base := []string{"employee.hire_date=2019-04-01", "employee.exit_date=2026-04-30", "date=2026-04-01"}
	cases := []struct {
		name  string
		sets  []string
		rule  string
		level Severity
		want  string // "" = no diagnostic of the rule
		line  string // where the diagnostic is placed
	}{
		{"exit pledge before exit", []string{"documents.exit-pledge.date=2026-04-01"}, "PROFILE-DATE-PLEDGE", Warning, "before employee.exit_date", "--set:4"},
		{"exit pledge on exit day", []string{"documents.exit-pledge.date=2026-04-30"}, "PROFILE-DATE-PLEDGE", Warning, "", ""},
		{"exit pledge by default", nil, "PROFILE-DATE-PLEDGE", Warning, "", ""},
		{"entry pledge years late", []string{"documents.nda-employee.date=2026-04-01"}, "PROFILE-DATE-PLEDGE", Warning, "more than a month after", "--set:4"},
		{"entry pledge at hiring", []string{"documents.nda-employee.date=2019-04-01"}, "PROFILE-DATE-PLEDGE", Warning, "", ""},
		{"unknown level", []string{`documents.regulations.level="L9"`}, "PROFILE-REF", Error, `"L9" is not a level id`, "--set:4"},
		{"known level", []string{`documents.regulations.level="L1"`}, "PROFILE-REF", Error, "", ""},
		{"number on two lines", []string{`documents.nda-partner.id="LEG-014\nrev. 2"`}, "PROFILE-DOC-NUMBER", Error, "line break", "--set:4"},
		{"blank number", []string{`documents.nda-partner.id="  "`}, "PROFILE-EMPTY", Error, "written but empty", "--set:4"},
		{"number too long", []string{`documents.nda-partner.id="` + strings.Repeat("秘", 11) + `"`}, "PROFILE-DOC-NUMBER", Error, "22 columns, at most 20", "--set:4"},
		{"latin number too long", []string{`documents.nda-partner.id="ACME-LEGAL-NDA-2026-0014"`}, "PROFILE-DOC-NUMBER", Error, "24 columns", "--set:4"},
		{"number of 20 columns", []string{`documents.nda-partner.id="人事-様式-第12号-ABC"`}, "PROFILE-DOC-NUMBER", Error, "", ""},
		{"control number", []string{`documents.nda-partner.id="LEG-NDA-014 rev.2"`}, "PROFILE-DOC-NUMBER", Error, "", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p, ds := Decode("p.toml", src, append(append([]string{}, base...), c.sets...))
			if p == nil {
				t.Fatal(ds)
			}
			got := ruleDiags(ds, c.rule)
			if c.want == "" {
				if len(got) > 0 {
					t.Fatalf("unexpected %v", got)
				}
				return
			}
			if len(got) != 1 || got[0].Level != c.level || !strings.Contains(got[0].Message, c.want) || !strings.HasPrefix(got[0].File, c.line) {
				t.Fatalf("want one %s %q at %s, got %v", c.rule, c.want, c.line, got)
			}
		})
	}
}

// TestDocLevelDefaults: the register at the top level, regulations and guide at the lowest,
// everything else at document_level; an override wins.
func TestDocLevelDefaults(t *testing.T) {
	src, _ := Sample("CN", nil)
	p, ds := Decode("p.toml", src, []string{`documents.exit-pledge.level="L3"`})
	if ds.HasErrors() {
		t.Fatal(ds)
	}
	want := map[string]string{"secret-register": "L1", "regulations": "L3", "classification-guide": "L3",
		"nda-employee": "L2", "nda-partner": "L2", "labour-clause": "L2", "noncompete": "L2", "exit-pledge": "L3"}
	for doc, w := range want {
		if got := p.DocLevel(doc); got != w {
			t.Errorf("%s: level %s, want %s", doc, got, w)
		}
	}
}
