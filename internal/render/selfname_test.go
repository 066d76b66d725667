package render

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"
	"github.com/tsdraft/tsdraft/internal/catalog"
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
		for _, lang := range catalog.JurLanguages(jur) {
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

// genericSelf lists, per language, the generic ways of calling a document (本書, this document …)
// that a shared block must not use once it sits in a document that defines its own name.
var genericSelf = map[string][]string{
	"ja":    {"本書"},
	"en":    {"this document", "This document"},
	"zh-CN": {"本文件"},
	"th":    {"เอกสารฉบับนี้", "เอกสารนี้"},
	"vi":    {"văn bản này", "Văn bản này"},
	"id":    {"dokumen ini", "Dokumen ini"},
	"de":    {"dieses Dokument", "diesem Dokument", "Dieses Dokument", "dieses Dokuments", "Die Parteien unterzeichnen"}, // not "Dokumente" (documents as work results)
}

// sharedBlocks are the locale texts the templates share between documents; each names the
// document through doc.self.
var sharedBlocks = []string{"law.whistleblowing", "law.skills", "law.employee_forum", "law.execution",
	"common.prevailing_separate", "common.execution_pledge"}

// TestSharedBlocksNeverSayThisDocument builds every document × jurisdiction × language and reads
// each shared block where it is printed: from its first words to the end of its paragraph, no
// generic 本書 / this document / 本文件 / เอกสารนี้ / văn bản này / dokumen ini / dieses Dokument
// (review 2026-12 A.10). The governing-law clause of the employee documents and the execution
// clause of the two-party documents must be there, under the document's own name.
func TestSharedBlocksNeverSayThisDocument(t *testing.T) {
	r := testRenderer(t)
	forum := map[string]bool{"nda-employee": true, "labour-clause": true, "noncompete": true, "exit-pledge": true}
	execution := map[string]bool{"labour-clause": true, "noncompete": true, "nda-partner": true, "nda-employee": true}
	for _, jur := range profile.Jurisdictions {
		p := sample(t, jur)
		for _, lang := range catalog.JurLanguages(jur) {
			bans := genericSelf[lang]
			if len(bans) == 0 {
				t.Fatalf("no generic self-names listed for %s", lang)
			}
			for _, d := range Documents {
				doc := d.ID
				name := doc + " " + jur + " " + lang
				got, _ := renderDump(t, r, Request{Doc: doc, Profile: p, Langs: []string{lang}})
				tj := p.TextJurisdiction() // an EU sample under German law is drafted with the DE texts
				own := selfNames(t, r, lang, tj, doc)
				for _, key := range sharedBlocks {
					prefix := renderedPrefix(t, r, lang, tj, key, own)
					if len([]rune(prefix)) < 8 {
						continue // too short to find (a text that starts with a tag)
					}
					want := key == "law.employee_forum" && forum[doc] && !(jur == "VN" && doc == "noncompete" && p.Dispute.Method == "arbitration") ||
						key == "law.execution" && execution[doc] && !(doc == "nda-employee" && jur == "JP")
					i := strings.Index(got, prefix)
					if i < 0 {
						if want {
							t.Errorf("%s: %s is missing under the document's own name: %q", name, key, prefix)
						}
						continue
					}
					block := got[i:]
					if j := strings.IndexByte(block, '\n'); j >= 0 {
						block = block[:j]
					}
					for _, b := range bans {
						if strings.Contains(block, b) {
							t.Errorf("%s: %s says %q: %s", name, key, b, block)
						}
					}
				}
			}
		}
	}
}

// TestSharedTextsHaveNoGenericSelfName reads every shared locale text (common.toml and the
// jurisdictions' law.toml and common.toml, every language): none calls the document 本書 / this
// document. Left out: the self-name forms themselves (the neutral name a user's own template
// gets), the draft notice (about the file as a draft, deleted before use) and drafting notes
// (note_*, open_*: comments and memo, never the signed text).
func TestSharedTextsHaveNoGenericSelfName(t *testing.T) {
	skip := map[string]bool{"self": true, "self_start": true, "self_acc": true, "draft_notice": true}
	files, err := filepath.Glob("../../locales/*/common.toml")
	if err != nil {
		t.Fatal(err)
	}
	more, _ := filepath.Glob("../../locales/*/*/law.toml")
	files = append(files, more...)
	more, _ = filepath.Glob("../../locales/*/*/common.toml")
	files = append(files, more...)
	if len(files) < 20 {
		t.Fatalf("found only %d shared locale files", len(files))
	}
	checked := 0
	for _, f := range files {
		rel, _ := filepath.Rel("../../locales", f)
		lang := strings.Split(filepath.ToSlash(rel), "/")[0]
		bans := genericSelf[lang]
		if len(bans) == 0 {
			t.Fatalf("%s: no generic self-names listed for %s", f, lang)
		}
		var entries map[string]struct{ Text string }
		if _, err := toml.DecodeFile(f, &entries); err != nil {
			t.Fatal(err)
		}
		for key, e := range entries {
			if skip[key] || strings.HasPrefix(key, "note_") || strings.HasPrefix(key, "open_") {
				continue
			}
			checked++
			for _, b := range bans {
				if strings.Contains(e.Text, b) {
					t.Errorf("%s [%s] says %q; name the document with {{ doc.self }} (or self_start, self_acc)", rel, key, b)
				}
			}
		}
	}
	if checked < 200 {
		t.Fatalf("checked only %d shared texts", checked)
	}
}
