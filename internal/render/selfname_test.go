package render

import (
	"strings"
	"testing"

	"github.com/tsdraft/tsdraft/internal/locale"
	"github.com/tsdraft/tsdraft/internal/profile"
)

// renderedPrefix is a locale text as printed up to its first tag other than the doc.self forms,
// which are replaced by the names given.
func renderedPrefix(t *testing.T, r *Renderer, lang, jur, key string, self map[string]string) string {
	t.Helper()
	s, err := r.Catalog.Text(lang, jur, key)
	if err != nil {
		t.Fatal(err)
	}
	for form, v := range self {
		s = strings.ReplaceAll(s, "{{ doc."+form+" }}", v)
	}
	if i := strings.Index(s, "{{"); i >= 0 {
		s = s[:i]
	}
	return strings.TrimSpace(s)
}

func selfNames(t *testing.T, r *Renderer, lang, jur, file string) map[string]string {
	t.Helper()
	out := map[string]string{}
	for _, f := range []string{"self", "self_start", "self_acc"} {
		out[f] = catalogText(t, r, lang, jur, file+"."+f)
	}
	return out
}

// TestSharedBlocksNameTheirDocument: the carve-outs and the language clause call the document
// what it calls itself (本契約, 本誓約書, these Clauses, Perjanjian ini …), never the generic
// 本書 / this document (review 2026-12 A.10); one-signer pledges carry an execution clause for
// that signer only (A.13). Every jurisdiction, every language its documents are built in.
func TestSharedBlocksNameTheirDocument(t *testing.T) {
	r := testRenderer(t)
	carve := []string{"nda-employee", "labour-clause", "noncompete", "exit-pledge", "nda-partner", "regulations", "classification-guide"}
	for _, jur := range profile.Jurisdictions {
		p := sample(t, jur)
		tj := p.TextJurisdiction() // an EU sample under German law is drafted with the DE texts
		for _, lang := range locale.JurLanguages(jur) {
			generic := selfNames(t, r, lang, tj, "common")
			for _, doc := range carve {
				got, _ := renderDump(t, r, Request{Doc: doc, Profile: p, Langs: []string{lang}})
				own := selfNames(t, r, lang, tj, doc)
				name := doc + " " + jur + " " + lang
				want := renderedPrefix(t, r, lang, tj, "law.whistleblowing", own)
				if len([]rune(want)) < 8 {
					t.Fatalf("%s: whistleblowing prefix too short to test: %q", name, want)
				}
				mustContain(t, name, got, want)
				mustNotContain(t, name, got, renderedPrefix(t, r, lang, tj, "law.whistleblowing", generic))
				if doc != "nda-partner" && doc != "classification-guide" {
					mustContain(t, name, got, renderedPrefix(t, r, lang, tj, "law.skills", own))
				}
			}
			// Execution: the exit pledge (and the JP entry pledge) speak of the one signer.
			for _, doc := range []string{"exit-pledge", "nda-employee"} {
				got, _ := renderDump(t, r, Request{Doc: doc, Profile: p, Langs: []string{lang}})
				name := doc + " " + jur + " " + lang
				own := selfNames(t, r, lang, tj, doc)
				pledge := renderedPrefix(t, r, lang, tj, "common.execution_pledge", own)
				parties := renderedPrefix(t, r, lang, tj, "law.execution", own)
				if doc == "exit-pledge" || jur == "JP" {
					if pledge != "" {
						mustContain(t, name, got, pledge)
					}
					if len([]rune(parties)) >= 8 {
						mustNotContain(t, name, got, parties)
					}
				} else if len([]rune(parties)) >= 8 {
					mustContain(t, name, got, parties)
				}
			}
		}
	}
}
