package catalog

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/BurntSushi/toml"
)

func TestEncodeStringRoundTrips(t *testing.T) {
	tests := []struct {
		text string
		want string // the encoding, to keep files readable
	}{
		{"plain", `"plain"`},
		{`{{ t "law.ts_act" }}に従う。`, `'{{ t "law.ts_act" }}に従う。'`},
		{`it's "quoted"`, `"it's \"quoted\""`},
		{`back\slash`, `'back\slash'`},
		{"tab\there", "\"tab\there\""},
		{"bell\a", `"bell\u0007"`},
		{"line one\nline two", "\"\"\"\nline one\nline two\"\"\""},
		{"\nstarts with a break", "\"\"\"\n\nstarts with a break\"\"\""},
		{"ends in quote\n\"", "\"\"\"\nends in quote\n\\\"\"\"\""},
		{"three \"\"\" quotes\n", "\"\"\"\nthree \"\"\\\" quotes\n\"\"\""},
		{"crlf\r\nline", "\"\"\"\ncrlf\\r\nline\"\"\""},
		{"", `""`},
	}
	for _, tt := range tests {
		got := EncodeString(tt.text)
		if got != tt.want {
			t.Errorf("encodeString(%q) = %s, want %s", tt.text, got, tt.want)
		}
		var v struct{ S string }
		if _, err := toml.Decode("S = "+got, &v); err != nil {
			t.Errorf("encodeString(%q) = %s does not decode: %v", tt.text, got, err)
			continue
		}
		if v.S != tt.text {
			t.Errorf("encodeString(%q) decodes to %q", tt.text, v.S)
		}
	}
}

func FuzzEncodeString(f *testing.F) {
	for _, s := range []string{"", "a", "\"", "\"\"\"", "a\n\"", "'", "\\", "\r\n", "x\x00y", "{{ t \"k\" }}\n\"\""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			t.Skip()
		}
		enc := EncodeString(s)
		var v struct{ S string }
		if _, err := toml.Decode("S = "+enc, &v); err != nil {
			t.Fatalf("encodeString(%q) = %s does not decode: %v", s, enc, err)
		}
		if v.S != s {
			t.Fatalf("encodeString(%q) = %s decodes to %q", s, enc, v.S)
		}
	})
}

func TestParseFilePositions(t *testing.T) {
	src := `dotted.text = "d"
# comment [not] a table
["quoted.key"]
text = 'x'

[multi] # trailing comment
note = """
[not a header]
"""
text = """
line one
line two"""
source = "0123456789abcdef"

[inline]
v = 1
`
	// [inline] has no text, so it is no entry; dotted is an entry defined by a dotted key.
	entries, problems := ParseFile("f.toml", src)
	got := map[string][2]int{}
	for _, e := range entries {
		got[e.Name] = [2]int{e.Line, e.TextLine}
	}
	want := map[string][2]int{"dotted": {1, 1}, "quoted.key": {3, 4}, "multi": {6, 10}}
	for k, w := range want {
		if got[k] != w {
			t.Errorf("%s: header/text lines %v, want %v", k, got[k], w)
		}
	}
	var m *FileEntry
	for _, e := range entries {
		if e.Name == "multi" {
			m = e
		}
	}
	if m == nil {
		t.Fatal("no entry multi")
	}
	if m.Text != "line one\nline two" || m.LineOf(strings.Index(m.Text, "two")) != 12 {
		t.Errorf("multi: text %q, line of \"two\" = %d, want 12", m.Text, m.LineOf(strings.Index(m.Text, "two")))
	}
	SortProblems(problems)
	if len(problems) != 2 || !strings.Contains(problems[0].String(), "f.toml:15: error: [inline] has no text") ||
		!strings.Contains(problems[1].String(), `f.toml:16: error: [inline]: unknown field "v"`) {
		t.Errorf("problems = %v", problemLines(problems))
	}
}

func TestParseFileErrors(t *testing.T) {
	tests := []struct {
		name, src, want string
		col             int
	}{
		{"unclosed string", "[a]\ntext = \"x\n", "f.toml:2:10: error: invalid TOML: strings cannot contain newlines", 10},
		{"bad table header", "[a\ntext = \"x\"\n", "f.toml:1:3: error: invalid TOML:", 3},
		{"duplicate key", "[a]\ntext = \"x\"\ntext = \"y\"\n", "f.toml:3:1: error: invalid TOML:", 1},
		{"invalid UTF-8", "[a]\ntext = \"ab\xffc\"\n", "f.toml:2:11: error: invalid UTF-8 (byte 0xff): save the file as UTF-8 [toml]", 11},
		{"array of tables", "[[a]]\ntext = \"x\"\n", "f.toml:1: error: [[a]] is an array of tables; write each entry as [a] with text = \"…\" [entry]", 0},
		{"text not a string", "[a]\ntext = 3\n", "f.toml:2: error: [a]: text must be a string [entry]", 0},
		{"unknown field", "[a]\ntext = \"x\"\nsorce = \"y\"\n", `f.toml:3: error: [a]: unknown field "sorce" (did you mean "source"?)`, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, problems := ParseFile("f.toml", tt.src)
			if len(problems) == 0 {
				t.Fatal("no problem reported")
			}
			if got := problems[0].String(); !strings.HasPrefix(got, tt.want) {
				t.Errorf("got  %s\nwant %s…", got, tt.want)
			}
			if problems[0].Rule == "toml" && problems[0].Col == 0 {
				t.Errorf("a TOML error must carry a column: %+v", problems[0])
			}
			if tt.col > 0 && problems[0].Col != tt.col {
				t.Errorf("col = %d, want %d", problems[0].Col, tt.col)
			}
		})
	}
}
