package locale

import "testing"

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
