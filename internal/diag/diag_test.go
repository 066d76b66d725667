package diag

import (
	"bytes"
	"slices"
	"testing"
)

// Each kind of place prints in the form its readers know; these are the forms the profile,
// locale, template and sheet messages had before they shared this type.
func TestString(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		d    Diagnostic
		want string
	}{
		{"profile, with hint", Diagnostic{File: "p.toml", Line: 3, Col: 7, Level: Error, Rule: "CN-NC-001", Message: "too long", Hint: "set 24"},
			"p.toml:3:7: error: too long [CN-NC-001]\n    hint: set 24"},
		{"--set value: its column only", Diagnostic{File: "--set:2", Line: 1, Col: 5, Level: Error, Rule: "PROFILE-SET", Message: "bad"},
			"--set:2:5: error: bad [PROFILE-SET]"},
		{"locale file, line only", Diagnostic{File: "locales/th/common.toml", Line: 4, Level: Warning, Rule: "stale", Message: "stale"},
			"locales/th/common.toml:4: warning: stale [stale]"},
		{"line unknown: line 1", Diagnostic{File: "f.toml", Rule: "missing", Message: "m"},
			"f.toml:1: error: m [missing]"},
		{"no rule", Diagnostic{File: "f.toml", Line: 2, Col: 1, Level: Warning, Message: "m"},
			"f.toml:2:1: warning: m"},
		{"template", Diagnostic{Part: "word/document.xml", Paragraph: `Say "hi"`, Tag: "{{ x }}", Message: "unknown"},
			`word/document.xml: paragraph "Say \"hi\"": {{ x }}: unknown`},
		{"template part only", Diagnostic{Part: "word/header1.xml", Level: Warning, Message: "not filled"},
			"word/header1.xml: not filled"},
		{"tag in a locale text", Diagnostic{Part: "text", Paragraph: "p", Tag: "{{ y }}", Message: "unknown"},
			"{{ y }}: unknown"},
		{"sheet cell", Diagnostic{Row: 3, Column: "C", Header: "退職日", Message: `"x" is not a date`},
			`column C (退職日): "x" is not a date`},
		{"sheet column without header", Diagnostic{Row: 3, Column: "D", Message: "is blank"},
			"column D is blank"},
		{"sheet message that says its column", Diagnostic{Row: 1, Column: "B", Header: "h", Message: "column B: twice"},
			"column B: twice"},
		{"sheet warning", Diagnostic{Row: 4, Level: Warning, Message: "kept"},
			"warning: kept"},
	}
	for _, tt := range tests {
		if got := tt.d.String(); got != tt.want {
			t.Errorf("%s:\n got %q\nwant %q", tt.name, got, tt.want)
		}
		if got := (&tt.d).Error(); got != tt.want {
			t.Errorf("%s: Error() = %q, want String()", tt.name, got)
		}
	}
}

func TestSortedOrdersByPlaceThenRuleAndDropsDuplicates(t *testing.T) {
	t.Parallel()
	ds := Diagnostics{
		{File: "--set:10", Col: 1, Level: Error, Message: "ten"},
		{File: "--set:2", Col: 1, Level: Error, Message: "two"},
		{File: "p.toml", Line: 9, Col: 1, Level: Error, Rule: "B", Message: "b"},
		{File: "p.toml", Line: 9, Col: 1, Level: Warning, Rule: "A", Message: "a"},
		{File: "p.toml", Line: 2, Col: 4, Level: Warning, Rule: "Z", Message: "z"},
		{File: "p.toml", Line: 2, Col: 4, Level: Warning, Rule: "Z", Message: "z"},
		{File: "p.toml", Line: 2, Col: 3, Level: Error, Rule: "X", Message: "x"},
		{File: "p.toml", Line: 5, Col: 1, Level: Warning, Rule: "S", Message: "s"},
		{File: "p.toml", Line: 5, Col: 1, Level: Error, Rule: "S", Message: "s"},
	}
	var got []string
	for _, d := range ds.Sorted() {
		got = append(got, d.String())
	}
	want := []string{
		"p.toml:2:3: error: x [X]",
		"p.toml:2:4: warning: z [Z]",
		"p.toml:5:1: error: s [S]",
		"p.toml:5:1: warning: s [S]",
		"p.toml:9:1: warning: a [A]",
		"p.toml:9:1: error: b [B]",
		"--set:2:1: error: two",
		"--set:10:1: error: ten",
	}
	if !slices.Equal(got, want) {
		t.Errorf("Sorted:\n got %q\nwant %q", got, want)
	}
	if ds[0].Message != "ten" {
		t.Error("Sorted changed its receiver")
	}
	// Same text, different documents: both stay.
	two := Diagnostics{{File: "p", Line: 1, Message: "m", Docs: []string{"a"}}, {File: "p", Line: 1, Message: "m", Docs: []string{"b"}}}
	if n := len(two.Sorted()); n != 2 {
		t.Errorf("diagnostics for different documents merged: %d left", n)
	}
}

func TestCountsAndSummary(t *testing.T) {
	t.Parallel()
	ds := Diagnostics{{Level: Error}, {Level: Warning}, {Level: Warning}, {}}
	if e, w := ds.Count(); e != 2 || w != 2 {
		t.Errorf("Count = %d, %d; want 2, 2 (an ungraded diagnostic is an error)", e, w)
	}
	if got := ds.Summary(); got != "2 errors, 2 warnings" {
		t.Errorf("Summary = %q", got)
	}
	if got := (Diagnostics{{Level: Error}}).Summary(); got != "1 error, 0 warnings" {
		t.Errorf("Summary = %q", got)
	}
	if got := (Diagnostics{}).Summary(); got != "ok" {
		t.Errorf("Summary of none = %q", got)
	}
	if !ds.HasErrors() || (Diagnostics{{Level: Warning}}).HasErrors() {
		t.Error("HasErrors is wrong")
	}
	if got := Plural(3, "entry"); got != "3 entries" {
		t.Errorf("Plural = %q", got)
	}
	var b bytes.Buffer
	if err := (Diagnostics{{File: "p", Line: 2, Col: 1, Level: Warning, Message: "w"}, {File: "p", Line: 1, Col: 1, Level: Error, Message: "e"}}).Write(&b); err != nil {
		t.Fatal(err)
	}
	if want := "p:1:1: error: e\np:2:1: warning: w\n1 error, 1 warning\n"; b.String() != want {
		t.Errorf("Write:\n%s\nwant\n%s", b.String(), want)
	}
}

func TestFor(t *testing.T) {
	t.Parallel()
	ds := Diagnostics{{Message: "all"}, {Message: "nda", Docs: []string{"nda-employee"}}, {Message: "reg", Docs: []string{"regulations"}}}
	var got []string
	for _, d := range ds.For([]string{"nda-employee"}) {
		got = append(got, d.Message)
	}
	if !slices.Equal(got, []string{"all", "nda"}) {
		t.Errorf("For = %q", got)
	}
	if n := len(ds.For(nil)); n != 3 {
		t.Errorf("For(nil) kept %d, want all 3", n)
	}
}
