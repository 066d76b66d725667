package translate

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/tsdraft/tsdraft/internal/catalog"
)

func TestPOUnchangedRoundTripChangesNothing(t *testing.T) {
	c, _ := dirCatalog(t, xliffTree())
	data, err := c.ExportPO(ExportOptions{Lang: "en"})
	if err != nil {
		t.Fatal(err)
	}
	plan, err := c.PlanImport("en.po", data) // found to be PO by its content
	if err != nil {
		t.Fatal(err)
	}
	if len(plan.Changes) != 0 || catalog.Errors(plan.Problems) != 0 {
		t.Errorf("changes %v, problems %v", plan.ChangedFiles(), problemLines(plan.Problems))
	}
	want := []string{"common.prevailing=unchanged", "common.draft_notice=skipped", "common.kind_customer=skipped", "common.special=unchanged", "CN/law.ts_act=skipped"}
	if got := actions(plan); strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("actions %v, want %v", got, want)
	}
	// Stale entries are fuzzy with the old master; missing ones are empty, not fuzzy.
	s := string(data)
	if !strings.Contains(s, "#, fuzzy\n#| msgid \"\"\n#| \"本書は草案です。\\n\"\n#| \"{{#if draft}}確認を受けること。{{/if}}\"\nmsgctxt \"common.draft_notice\"\n") {
		t.Errorf("stale entry:\n%s", s)
	}
	if strings.Count(s, "#, fuzzy") != 1 {
		t.Errorf("%d fuzzy entries, want 1:\n%s", strings.Count(s, "#, fuzzy"), s)
	}
}

func TestPOImportRules(t *testing.T) {
	c, _ := dirCatalog(t, xliffTree())
	data, _ := c.ExportPO(ExportOptions{Lang: "en"})
	s := string(data)
	// Confirm the stale entry by clearing its flag; translate a missing one but leave it fuzzy.
	s = strings.Replace(s, "#, fuzzy\n", "", 1)
	s = strings.Replace(s, "msgctxt \"common.kind_customer\"\nmsgid \"顧客\"\nmsgstr \"\"", "#, fuzzy\nmsgctxt \"common.kind_customer\"\nmsgid \"顧客\"\nmsgstr \"Customer\"", 1)
	plan, err := c.PlanImportPO("en.po", []byte(s), "")
	if err != nil {
		t.Fatal(err)
	}
	got := strings.Join(actions(plan), " ")
	if want := "common.prevailing=unchanged common.draft_notice=confirmed common.kind_customer=skipped common.special=unchanged CN/law.ts_act=skipped"; got != want {
		t.Errorf("actions %s\nwant %s", got, want)
	}
	// The language: from the header, or given; a contradiction is refused.
	if _, err := c.PlanImportPO("en.po", data, "de"); err == nil || !strings.Contains(err.Error(), "en.po:1: the file says Language: en, not de") {
		t.Errorf("contradicting --lang: %v", err)
	}
	noLang := strings.Replace(string(data), "\"Language: en\\n\"\n", "", 1)
	if _, err := c.PlanImportPO("en.po", []byte(noLang), ""); err == nil || !strings.Contains(err.Error(), "no Language: header): pass the language (") {
		t.Errorf("no language: %v", err)
	}
	relabelled := strings.Replace(string(data), "\"Language: en\\n\"", "\"Language: de\\n\"", 1)
	if _, err := c.PlanImportPO("en.po", []byte(relabelled), ""); err == nil || !strings.Contains(err.Error(), "was exported for en") {
		t.Errorf("relabelled: %v", err)
	}
}

func TestReadPOErrors(t *testing.T) {
	tests := []struct{ doc, want string }{
		{"msgid \"a\"\nmsgstr \"b\nc\"\n", "f.po:2: msgstr: expected a quoted string"},
		{"msgid \"a\"\n\nmsgstr \"b\"\n", "f.po:2: entry without msgstr (started at line 1)"},
		{"msgid \"a\"\nmsgstr \"b\"\n\"c\"\nmsgfoo \"d\"\n", `f.po:4: unknown keyword "msgfoo"`},
		{"\"c\"\n", "f.po:1: a string continues nothing"},
		{"msgid \"a\\q\"\nmsgstr \"\"\n", `f.po:1: msgid: unknown escape \q`},
		{"msgid \"a\"\nmsgid \"b\"\nmsgstr \"\"\n", "f.po:2: msgid twice in one entry"},
		{"msgid \"a\"\nmsgstr \"\xff\"\n", "f.po:2: invalid UTF-8 (byte 0xff)"},
		{"msgid \"a\"\n", "f.po:2: entry without msgstr (started at line 1)"},
		{"msgid \"a\"", "f.po:1: entry without msgstr at the end of the file"},
		{"msgid \"a\\\"\nmsgstr \"\"\n", "f.po:1: msgid: string ends with a lone backslash"},
	}
	for _, tt := range tests {
		_, _, err := readPO("f.po", []byte(tt.doc))
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%q: %v, want …%s…", tt.doc, err, tt.want)
		}
	}
	h, es, err := readPO("f.po", []byte("# c\nmsgid \"\"\nmsgstr \"Language: vi\\n\"\n\n#, fuzzy, c-format\n#: common.a\nmsgctxt \"k.a\"\nmsgid \"\"\n\"x\\n\"\n\"y\"\nmsgstr \"z\"\n#~ msgid \"old\"\n#~ msgstr \"gone\"\nmsgid \"b\"\nmsgstr \"\\101\\x42\"\n"))
	if err != nil || h["Language"] != "vi" || len(es) != 2 || es[0].ctxt != "k.a" || es[0].id != "x\ny" || !es[0].fuzzy || es[0].refs[0] != "common.a" || es[1].str != "AB" || es[1].line != 14 {
		t.Errorf("header %v entries %+v %+v err %v", h, es[0], es[len(es)-1], err)
	}
}

func FuzzReadPO(f *testing.F) {
	c := mustInspect(f, xliffTree())
	export, _ := c.ExportPO(ExportOptions{Lang: "en"})
	f.Add(string(export))
	f.Add("msgid \"\"\nmsgstr \"Language: vi\\n\"\n\n#: common.a\n#, fuzzy\nmsgid \"a\"\nmsgstr \"b\"\n")
	f.Add("msgctxt \"a\"\nmsgid \"b\"\nmsgid_plural \"c\"\nmsgstr[0] \"d\"\nmsgstr[1] \"e\"\n")
	f.Add("msgid \"\\777\\x\"\nmsgstr \"\"")
	f.Fuzz(func(t *testing.T, doc string) {
		_, entries, err := readPO("f.po", []byte(doc))
		if err != nil {
			if !strings.HasPrefix(err.Error(), "f.po:") {
				t.Errorf("error without a place: %v", err)
			}
			return
		}
		for _, e := range entries {
			// What was read writes back as itself.
			for _, s := range []string{e.ctxt, e.id, e.str} {
				if !utf8.ValidString(s) {
					t.Fatalf("invalid UTF-8 read: %q", s)
				}
				if got, err := poUnquote(poQuote(s)); err != nil || got != s {
					t.Fatalf("poQuote(%q) reads back as %q, %v", s, got, err)
				}
			}
		}
	})
}
