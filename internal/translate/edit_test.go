package translate

import (
	"strings"
	"testing"
)

func ptr(s string) *string { return &s }

func TestEditFile(t *testing.T) {
	const src = `# English general texts
# (keep in master order)

[a] # first
text = "Old A."   # trailing comment stays
source = "0000000000000000"

# The b entry.
[b]
text = """
Line one.
Line two."""

[z]
text = 'Zed.'
source = "1111111111111111"
`
	order := []string{"a", "a2", "b", "c", "d", "z", "after"}
	tests := []struct {
		name  string
		edits []entryEdit
		want  string
	}{
		{
			name:  "nothing to change changes nothing",
			edits: []entryEdit{{table: "a", text: ptr("Old A."), source: "0000000000000000"}, {table: "b", text: ptr("Line one.\nLine two.")}},
			want:  src,
		},
		{
			name:  "replace a text and a source, keeping comments and the quote style",
			edits: []entryEdit{{table: "a", text: ptr(`New "A".`), source: "abcdefabcdefabcd"}},
			want:  strings.Replace(strings.Replace(src, `"Old A."`, `"New \"A\"."`, 1), `"0000000000000000"`, `"abcdefabcdefabcd"`, 1),
		},
		{
			name:  "add a missing source under the text",
			edits: []entryEdit{{table: "b", source: "2222222222222222"}},
			want:  strings.Replace(src, "Line two.\"\"\"\n", "Line two.\"\"\"\nsource = \"2222222222222222\"\n", 1),
		},
		{
			name: "new entries go before the next entry of the master order, above its comments",
			edits: []entryEdit{
				{table: "d", text: ptr("Dee."), source: "4444444444444444"},
				{table: "c", text: ptr("See."), source: "3333333333333333"},
			},
			want: strings.Replace(src, "[z]\n", "[c]\ntext = \"See.\"\nsource = \"3333333333333333\"\n\n[d]\ntext = \"Dee.\"\nsource = \"4444444444444444\"\n\n[z]\n", 1),
		},
		{
			name:  "the comment above an entry stays with it",
			edits: []entryEdit{{table: "a2", text: ptr("A two.")}},
			want:  strings.Replace(src, "# The b entry.\n", "[a2]\ntext = \"A two.\"\n\n# The b entry.\n", 1),
		},
		{
			name:  "an entry after all others is appended",
			edits: []entryEdit{{table: "after", text: ptr("Last."), source: "5555555555555555"}},
			want:  src + "\n[after]\ntext = \"Last.\"\nsource = \"5555555555555555\"\n",
		},
		{
			name:  "an entry before all others goes above the first one's comment",
			edits: []entryEdit{{table: "0", text: ptr("Zero.")}},
			want:  strings.Replace(src, "[a] # first", "[0]\ntext = \"Zero.\"\n\n[a] # first", 1),
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ord := order
			if tt.name == "an entry before all others goes above the first one's comment" {
				ord = append([]string{"0"}, order...)
			}
			got, err := editFile("en/common.toml", src, tt.edits, ord)
			if err != nil {
				t.Fatal(err)
			}
			if got != tt.want {
				t.Errorf("got:\n%s\nwant:\n%s", got, tt.want)
			}
		})
	}
}

func TestEditFileNewAndOddFiles(t *testing.T) {
	got, err := editFile("en/CN/law.toml", "", []entryEdit{
		{table: "b", text: ptr("B."), source: "2222222222222222"},
		{table: "a", text: ptr("A.\nSecond line."), source: "1111111111111111"},
	}, []string{"a", "b"})
	if err != nil {
		t.Fatal(err)
	}
	want := "[a]\ntext = \"\"\"\nA.\nSecond line.\"\"\"\nsource = \"1111111111111111\"\n\n[b]\ntext = \"B.\"\nsource = \"2222222222222222\"\n"
	if got != want {
		t.Errorf("new file:\n%s\nwant:\n%s", got, want)
	}

	// No final newline: the source line still lands on a line of its own.
	got, err = editFile("f.toml", "[a]\ntext = \"A\"", []entryEdit{{table: "a", source: "1111111111111111"}}, nil)
	if err != nil || got != "[a]\ntext = \"A\"\nsource = \"1111111111111111\"\n" {
		t.Errorf("no final newline: %q, %v", got, err)
	}

	for name, src := range map[string]string{
		"dotted key":   "a.text = \"A\"\n",
		"inline table": "a = { text = \"A\" }\n",
	} {
		if _, err := editFile("f.toml", src, []entryEdit{{table: "a", text: ptr("B")}}, nil); err == nil || !strings.Contains(err.Error(), "write it as a [a] section") {
			t.Errorf("%s: err = %v, want a refusal naming the fix", name, err)
		}
	}
	if _, err := editFile("f.toml", "[a]\ntext = \"A\n", []entryEdit{{table: "a", text: ptr("B")}}, nil); err == nil || !strings.Contains(err.Error(), "must be fixed first") {
		t.Errorf("invalid file: err = %v", err)
	}
}
