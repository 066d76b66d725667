package cli

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/tsdraft/tsdraft/internal/docxtext"
	"github.com/tsdraft/tsdraft/internal/testsupport"
)

// TestBuildNotes: drafts carry the notes as comments by default; --notes memo writes a clean
// draft and a memo with the check's warnings and the notes; --final never carries comments.
func TestBuildNotes(t *testing.T) {
	dir := t.TempDir()
	initProfile(t, dir, "UK")
	doc := "noncompete.UK.en+ja.docx"

	r := runIn(t, dir, "build", "p.toml", "--doc", "noncompete", "-o", "draft")
	if r.code != 0 {
		t.Fatalf("build: %s", r.stderr)
	}
	pkg := testsupport.OpenDocx(t, filepath.Join(dir, "draft", doc))
	cx, err := pkg.Read("word/comments.xml")
	if err != nil || !strings.Contains(string(cx), "Tillman") || !strings.Contains(string(cx), `w:author="tsdraft"`) {
		t.Fatalf("a draft carries its notes as comments by default: %v\n%.300s", err, cx)
	}

	// A value check warns about, so that the memo has a warning to carry.
	set := []string{"--set", "noncompete.months=9"}
	chk := runIn(t, dir, append([]string{"check", "p.toml"}, set...)...)
	var warnings []string
	for _, l := range strings.Split(chk.stdout+chk.stderr, "\n") {
		if strings.Contains(l, ": warning: ") {
			warnings = append(warnings, strings.TrimSpace(l))
		}
	}
	if len(warnings) == 0 {
		t.Fatalf("check gives no warning for %v any more; pick a value it warns about:\n%s%s", set, chk.stdout, chk.stderr)
	}
	r = runIn(t, dir, append([]string{"build", "p.toml", "--doc", "noncompete", "--notes", "memo", "-o", "memo"}, set...)...)
	if r.code != 0 {
		t.Fatalf("build --notes memo: %s", r.stderr)
	}
	got := dirEntries(t, filepath.Join(dir, "memo"))
	sort.Strings(got)
	if strings.Join(got, ",") != doc+",noncompete.UK.notes.docx" {
		t.Fatalf("files: %v", got)
	}
	if testsupport.OpenDocx(t, filepath.Join(dir, "memo", doc)).Has("word/comments.xml") {
		t.Error("--notes memo also wrote comments into the draft")
	}
	dump, err := docxtext.Dump(testsupport.OpenDocx(t, filepath.Join(dir, "memo", "noncompete.UK.notes.docx")))
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range append(warnings, "Tillman v Egon Zehnder", "Companies Act 2006", "Drafting memo (for counsel)", "noncompete.months | 9") {
		if !strings.Contains(dump, w) {
			t.Errorf("memo lacks %q:\n%s", w, dump)
		}
	}

	r = runIn(t, dir, "build", "p.toml", "--doc", "noncompete", "--final", "-o", "final")
	if r.code != 0 {
		t.Fatalf("--final: %s", r.stderr)
	}
	if testsupport.OpenDocx(t, filepath.Join(dir, "final", doc)).Has("word/comments.xml") {
		t.Error("a final document carries comments")
	}

	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"--final", "--notes", "comments"}, "--final --notes comments"},
		{[]string{"--notes", "margin"}, `unknown --notes value "margin"`},
	} {
		r := runIn(t, dir, append([]string{"build", "p.toml", "-o", "refused"}, c.args...)...)
		if r.code != 1 || !strings.Contains(r.stderr, c.want) {
			t.Errorf("%v: exit %d, want 1 and %q in %q", c.args, r.code, c.want, r.stderr)
		}
		if _, err := os.Stat(filepath.Join(dir, "refused")); err == nil {
			t.Errorf("%v: something was written", c.args)
		}
	}
}
