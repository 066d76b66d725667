package translate

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/tsdraft/tsdraft/internal/catalog"
)

// FuzzParseFile feeds arbitrary text to the locale file parser: it must never panic, its
// lines must lie in the file, and for every entry written as a [table] the editor must
// (1) leave the file byte-identical when nothing changes and (2) produce a file that
// decodes to the new text and source, everything else untouched.
func FuzzParseFile(f *testing.F) {
	seeds := []string{
		"",
		"[a]\ntext = \"x\"\n",
		"# c\n[a] # c\ntext = \"\"\"\nl1\nl2\"\"\"\nnote = 'n'\nsource = \"0123456789abcdef\"\n\n[b]\ntext = 'y'\n",
		"[\"q.k\"]\ntext = \"a\\u0041\"\n",
		"a.text = \"dotted\"\n[b]\ntext = { x = 1 }\n",
		"[a]\ntext = \"x\"\n[a.b]\ntext = \"y\"\n",
		"[[a]]\ntext = \"x\"\n",
		"[a]\ntext = \"\"\"\"\"\"\"\"\n",
		"[a]\r\ntext = \"x\"\r\n",
		"[a]\ntext = '''\n[b]\ntext = \"no\"'''",
		"x = [1, \"]\", { y = \"}\" }] # c\n[a]\ntext = \"t\"",
	}
	for _, s := range seeds {
		f.Add(s, "new\ntext \"q\"")
	}
	f.Fuzz(func(t *testing.T, src, newText string) {
		entries, problems := catalog.ParseFile("f.toml", src)
		lines := strings.Count(src, "\n") + 1
		for _, p := range problems {
			if p.Line < 1 || p.Line > lines {
				t.Fatalf("problem line %d outside the file's %d lines: %s", p.Line, lines, p)
			}
		}
		if catalog.Errors(problems) > 0 || !utf8.ValidString(newText) {
			return
		}
		for _, e := range entries {
			if e.Line < 1 || e.Line > lines || e.TextLine < 1 || e.TextLine > lines {
				t.Fatalf("entry %s at lines %d/%d outside the file's %d lines", e.Name, e.Line, e.TextLine, lines)
			}
			same := e.Text
			out, err := editFile("f.toml", src, []entryEdit{{table: e.Name, text: &same}}, nil)
			if err != nil {
				continue // not a [table] section: the editor refuses, which is fine
			}
			if out != src {
				t.Fatalf("an edit that changes nothing changed the file:\n%q\n→\n%q", src, out)
			}
			nt := newText
			out, err = editFile("f.toml", src, []entryEdit{{table: e.Name, text: &nt, source: "00000000000000ff"}}, nil)
			if err != nil {
				t.Fatalf("edit of [%s] failed: %v\n%q", e.Name, err, src)
			}
			after, ps := catalog.ParseFile("f.toml", out)
			if catalog.Errors(ps) > 0 {
				t.Fatalf("edited file does not parse: %v\n%q", ps, out)
			}
			if got := findEntry(after, e.Name); got == nil || got.Text != newText || got.Source != "00000000000000ff" {
				t.Fatalf("edited entry = %+v\n%q", got, out)
			}
		}
	})
}
