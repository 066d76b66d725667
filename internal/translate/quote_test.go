package translate

import (
	"testing"
	"unicode/utf8"

	"github.com/tsdraft/tsdraft/internal/catalog"
)

// TestEditKeepsQuoteStyle: an import rewrites a text in the quoting its translator chose
// (a ”' string stays a ”' string), and falls back to the usual encoding only when that
// quoting cannot carry the new text.
func TestEditKeepsQuoteStyle(t *testing.T) {
	tests := []struct{ old, text, want string }{
		{`'''Old "x".'''`, `New "y" \d.`, `'''New "y" \d.'''`},
		{"'''\nOld\nlines.'''", "New\nlines.", "'''\nNew\nlines.'''"},
		{`'''Old.'''`, "\nStarts with a break.", "'''\n\nStarts with a break.'''"},
		{`'''Old.'''`, "It's '''odd'''.", `"It's '''odd'''."`},
		{`'''Old.'''`, "Ends in '", `"Ends in '"`},
		{`'Old.'`, `C:\path "q"`, `'C:\path "q"'`},
		{`'Old.'`, "it's", `"it's"`},
		{`"Old."`, `a 'b' "c"`, `"a 'b' \"c\""`},
		{`"Old."`, "two\nlines", "\"\"\"\ntwo\nlines\"\"\""},
		{`"""Old."""`, "one line", `"""one line"""`},
	}
	for _, tt := range tests {
		src := "[a]\ntext = " + tt.old + "\n"
		got, err := editFile("f.toml", src, []entryEdit{{table: "a", text: ptr(tt.text)}}, nil)
		if err != nil {
			t.Errorf("%s → %q: %v", tt.old, tt.text, err)
			continue
		}
		if want := "[a]\ntext = " + tt.want + "\n"; got != want {
			t.Errorf("%s → %q:\n got %s\nwant %s", tt.old, tt.text, got, want)
		}
	}
}

// FuzzEncodeLike: whatever the new text and the old quoting, the edited file decodes to
// exactly the new text (editFile checks that itself and fails otherwise).
func FuzzEncodeLike(f *testing.F) {
	for _, s := range []string{"a", "it's", "'''", "x'", "\n", "a\r\nb", "\"\"\"", `\`, "\x00", "tab\there"} {
		f.Add(s, uint8(0))
		f.Add(s, uint8(1))
		f.Add(s, uint8(2))
		f.Add(s, uint8(3))
	}
	olds := []string{"'''Old.'''", "'Old.'", `"Old."`, "\"\"\"\nOld.\"\"\""}
	f.Fuzz(func(t *testing.T, s string, style uint8) {
		if !utf8.ValidString(s) {
			return
		}
		src := "[a]\ntext = " + olds[int(style)%len(olds)] + "\n"
		out, err := editFile("f.toml", src, []entryEdit{{table: "a", text: ptr(s)}}, nil)
		if err != nil {
			t.Fatalf("%q in %s: %v", s, olds[int(style)%len(olds)], err)
		}
		es, _ := catalog.ParseFile("f.toml", out)
		if len(es) != 1 || es[0].Text != s {
			t.Fatalf("%q in %s reads back wrong:\n%s", s, olds[int(style)%len(olds)], out)
		}
	})
}
