package render

import (
	"strings"
	"testing"

	"github.com/tsdraft/tsdraft/internal/catalog"
	"github.com/tsdraft/tsdraft/internal/docx"
	"github.com/tsdraft/tsdraft/internal/docxtext"
	"github.com/tsdraft/tsdraft/internal/profile"
)

// ncWords mark non-compete text in each language. With the non-compete off, a line holding one
// of them must be the statement that no non-compete applies (or its heading), and nothing else.
var ncWords = []string{"競業", "竞业", "non-compet", "ประกอบธุรกิจแข่งขัน", "không cạnh tranh", "larangan bersaing",
	"wettbewerbsverbot", "karenzentschädigung", "代償措置", "補償金", "补偿金"}

func hasNCWord(line string) bool {
	l := strings.ToLower(line)
	for _, w := range ncWords {
		if strings.Contains(l, w) {
			return true
		}
	}
	return false
}

// heading returns a heading text as printed, without its article number ("{{ article }}").
func heading(t *testing.T, r *Renderer, lang, jur, key string) string {
	t.Helper()
	s, err := r.Catalog.Text(lang, jur, key)
	if err != nil {
		t.Fatal(err)
	}
	s = strings.TrimSpace(strings.Replace(s, "{{ article }}", "", 1))
	return strings.TrimLeft(s, ". ")
}

func catalogText(t *testing.T, r *Renderer, lang, jur, key string) string {
	t.Helper()
	s, err := r.Catalog.Text(lang, jur, key)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(s, "{{") {
		t.Fatalf("%s %s %s has tags; the test compares it literally", lang, jur, key)
	}
	return s
}

// TestNoncompeteFollowsSetting builds every document for every jurisdiction in every language
// its documents are built in, with the non-compete off and on, and checks what each must and
// must not say (review 2026-12 A.1). No document is exempt.
func TestNoncompeteFollowsSetting(t *testing.T) {
	r := testRenderer(t)
	for _, jur := range profile.Jurisdictions {
		on := sample(t, jur, "noncompete.enabled=true")
		off := sample(t, jur, "noncompete.enabled=false")
		for _, lang := range catalog.JurLanguages(jur) {
			noneLC := catalogText(t, r, lang, jur, "labour-clause.nc_none")
			noneEP := catalogText(t, r, lang, jur, "exit-pledge.noncompete_none")
			allowed := []string{noneLC, noneEP,
				heading(t, r, lang, jur, "labour-clause.nc_none_h"), heading(t, r, lang, jur, "exit-pledge.h_noncompete_none")}
			for _, d := range Documents {
				name := d.ID + "." + jur + "." + lang
				// Off.
				if d.ID == "noncompete" {
					_, err := r.Render(Request{Doc: d.ID, Profile: off, Langs: []string{lang}})
					if err == nil || !strings.Contains(err.Error(), "noncompete.enabled = false") {
						t.Errorf("%s off: want a refusal naming noncompete.enabled, got %v", name, err)
					}
				} else {
					got, _ := renderDump(t, r, Request{Doc: d.ID, Profile: off, Langs: []string{lang}})
					for _, line := range strings.Split(got, "\n") {
						if !hasNCWord(line) {
							continue
						}
						ok := false
						for _, a := range allowed {
							if strings.HasSuffix(strings.TrimSpace(line), a) {
								ok = true
							}
						}
						if !ok {
							t.Errorf("%s off: non-compete text with the non-compete disabled: %s", name, line)
						}
					}
					switch d.ID {
					case "labour-clause":
						mustContain(t, name+" off", got, noneLC)
					case "exit-pledge":
						mustContain(t, name+" off", got, noneEP)
					}
				}
				// On.
				got, _ := renderDump(t, r, Request{Doc: d.ID, Profile: on, Langs: []string{lang}})
				mustNotContain(t, name+" on", got, noneLC)
				mustNotContain(t, name+" on", got, noneEP)
				switch d.ID {
				case "labour-clause":
					mustContain(t, name+" on", got, heading(t, r, lang, jur, "labour-clause.nc_h"))
				case "exit-pledge":
					mustContain(t, name+" on", got, heading(t, r, lang, jur, "exit-pledge.h_noncompete"))
				case "noncompete":
					mustContain(t, name+" on", got, heading(t, r, lang, jur, "noncompete.period_h"))
				}
			}
		}
	}
}

// TestSeparateKeepsLanguageClause: with the separate layout each file still carries the
// language clause, naming both versions and the prevailing one (review 2026-12 A.3), for every
// document and jurisdiction.
func TestSeparateKeepsLanguageClause(t *testing.T) {
	r := testRenderer(t)
	for _, jur := range profile.Jurisdictions {
		p := sample(t, jur)
		pair := p.Languages
		if len(pair) != 2 {
			t.Fatalf("%s sample is not bilingual: %v", jur, pair)
		}
		for _, d := range Documents {
			outs, err := r.Render(Request{Doc: d.ID, Profile: p, Langs: pair, Layout: Separate})
			if err != nil {
				t.Fatalf("%s %s: %v", d.ID, jur, err)
			}
			if len(outs) != 2 {
				t.Fatalf("%s %s: %d files, want 2", d.ID, jur, len(outs))
			}
			for _, o := range outs {
				l := o.Langs[0]
				name := func(code string) string { return catalogText(t, r, l, jur, "common.lang_"+code) }
				want, err := r.Catalog.Text(l, jur, "common.prevailing_separate")
				if err != nil {
					t.Fatal(err)
				}
				// ID: employee documents cite UU 24/2009 Art. 31 and the simultaneous signature
				// (doc.for_employee branch), as the interleaved clause does.
				if body, ok := strings.CutPrefix(want, "{{#if doc.for_employee}}"); ok {
					emp, other, _ := strings.Cut(strings.TrimSuffix(body, "{{/if}}"), "{{else}}")
					if want = other; forEmployee(d.ID) {
						want = emp
					}
				}
				want = strings.NewReplacer("{{ version_1 }}", name(pair[0]), "{{ version_2 }}", name(pair[1]),
					"{{ prevailing_name }}", name(p.Prevailing), "{{ doc.self }}", catalogText(t, r, l, jur, d.ID+".self")).Replace(want)
				b, err := o.Package.Bytes()
				if err != nil {
					t.Fatal(err)
				}
				got := dumpBytes(t, b)
				if !strings.Contains(got, want) {
					t.Errorf("%s %s %s: the language clause is missing or wrong; want %q", d.ID, jur, l, want)
				}
			}
		}
	}
}

// fileDump is the text of one file a render wrote (a separate layout writes one per language).
type fileDump struct {
	langs []string
	text  string
}

// renderDumps renders req and dumps every file it writes, each verified as written.
func renderDumps(t *testing.T, r *Renderer, req Request) []fileDump {
	t.Helper()
	outs, err := r.Render(req)
	if err != nil {
		t.Fatalf("%s %s: %v", req.Doc, req.Profile.Jurisdiction, err)
	}
	var out []fileDump
	for _, o := range outs {
		b, err := o.Package.Bytes()
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, fileDump{langs: o.Langs, text: dumpBytes(t, b)})
	}
	return out
}

func dumpBytes(t *testing.T, b []byte) string {
	t.Helper()
	if err := docx.Verify(b); err != nil {
		t.Fatal(err)
	}
	pkg, err := docx.Open("out.docx", b)
	if err != nil {
		t.Fatal(err)
	}
	s, err := docxtext.Dump(pkg)
	if err != nil {
		t.Fatal(err)
	}
	return s
}
