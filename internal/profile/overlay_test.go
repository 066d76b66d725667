package profile

import (
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/BurntSushi/toml"
)

const overlayBase = "jurisdiction = \"JP\"\n[company]\nname = \"株式会社みなと精工\"\n[noncompete]\nmonths = 12\n"

// An overlay's value is checked like a value of the file, and a problem with it is placed at the
// overlay's origin (here a sheet's cell: file, row, column number), not at a line of the file.
func TestOverlayProblemsAtOrigin(t *testing.T) {
	base, ds := Parse("p.toml", []byte(overlayBase))
	if base == nil {
		t.Fatal(ds)
	}
	cell := Pos{File: "people.csv", Line: 7, Col: 3}
	header := Pos{File: "people.csv", Line: 1, Col: 3}
	for _, tc := range []struct {
		name  string
		path  string
		value any
		rule  string // "" when the value is valid
		at    Pos
		msg   string
	}{
		{"int in range", "noncompete.months", int64(24), "", cell, ""},
		{"int from Go", "noncompete.months", 24, "", cell, ""},
		{"int out of range", "noncompete.months", int64(999), "PROFILE-RANGE", cell, "noncompete.months = 999 is out of range: it must be from 0 to 120"},
		{"text for an int", "noncompete.months", "twelve", "PROFILE-TYPE", cell, "noncompete.months must be an integer, not a string"},
		{"bool", "noncompete.enabled", true, "", cell, ""},
		{"float", "noncompete.compensation_percent", 33.5, "", cell, ""},
		{"date", "employee.exit_date", Date(2026, 3, 31), "", cell, ""},
		{"date-time", "employee.exit_date", time.Date(2026, 3, 31, 0, 0, 0, 0, time.UTC), "PROFILE-TYPE", cell, "employee.exit_date must be a date like 2026-04-01, not a date-time"},
		{"Buddhist year", "employee.exit_date", Date(2569, 3, 31), "PROFILE-DATE-YEAR", cell, "looks like a Buddhist-era year (B.E. 2569 = 2026)"},
		{"control character", "employee.department", "a\x01b", "PROFILE-XML-CHAR", cell, "employee.department contains the control character U+0001"},
		{"not UTF-8", "employee.department", "a\xffb", "PROFILE-XML-CHAR", cell, "bytes that are not UTF-8"},
		{"blank text", "employee.department", "  ", "PROFILE-EMPTY", cell, ""},
		{"one language", "employee.name.ja", "佐藤 花子", "", cell, ""},
		{"text by language", "employee.name", map[string]string{"ja": "佐藤", "en": "Sato"}, "", cell, ""},
		{"unknown language", "employee.name", map[string]any{"jp": "佐藤"}, "PROFILE-LANG-CODE", header, `unknown language code "jp" in employee.name (did you mean "ja"?)`},
		{"list", "employee.access", []string{"a", "b"}, "", cell, ""},
		{"list of other things", "employee.access", []any{"a", int64(2)}, "PROFILE-TYPE", header, "employee.access[1] must be a text"},
		{"enum", "layout", "column", "PROFILE-ENUM", cell, `layout = "column" is not one of interleave, columns, separate (did you mean "columns"?)`},
		{"unknown key", "employee.nmae", "x", "PROFILE-UNKNOWN-KEY", header, `unknown key "nmae" in [employee] (did you mean "name"?)`},
		{"below a text", "company.name.ja.x", "x", "PROFILE-SET", header, "cannot set company.name.ja.x: company.name is a string, not a table"},
		{"Go type", "vars.x", struct{}{}, "PROFILE-SET", header, "a value of Go type struct {} is not a profile value"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ov := Overlay{Path: strings.Split(tc.path, "."), Value: tc.value, Origin: cell, Key: header}
			p, ds := base.Apply([]Overlay{ov})
			if tc.rule == "" {
				if len(ds) > 0 {
					t.Fatalf("diagnostics for a valid value: %v", ds)
				}
				if !p.Written(tc.path) || p.ValuePos(tc.path) != cell {
					t.Errorf("%s written %v, at %v", tc.path, p.Written(tc.path), p.ValuePos(tc.path))
				}
				return
			}
			if len(ds) != 1 {
				t.Fatalf("want one %s, got %v", tc.rule, ds)
			}
			d := ds[0]
			if d.Rule != tc.rule || !strings.Contains(d.Message, tc.msg) || (Pos{d.File, d.Line, d.Col}) != tc.at {
				t.Errorf("got %v at %s:%d:%d; want %s %q at %v", d, d.File, d.Line, d.Col, tc.rule, tc.msg, tc.at)
			}
			if v, ok := get(p.doc, ov.Path...); ok && reflect.DeepEqual(v, tc.value) && tc.rule != "PROFILE-EMPTY" {
				t.Errorf("the invalid value of %s was kept", tc.path)
			}
		})
	}
}

// An overlay's date is the value the same date in a file decodes to, so that the checks (which
// take dates only) and the templates see no difference.
func TestDateIsWhatTOMLDecodes(t *testing.T) {
	var doc map[string]any
	if _, err := toml.Decode("d = 2026-03-31", &doc); err != nil {
		t.Fatal(err)
	}
	if got := Date(2026, 3, 31); !reflect.DeepEqual(got, doc["d"]) {
		t.Errorf("Date = %#v, TOML gives %#v", got, doc["d"])
	}
}

// A --set value is an overlay: the same value, placed at the argument.
func TestSetOverlays(t *testing.T) {
	ovs, ds := SetOverlays([]string{"noncompete.months=24", "employee.id=0042", "=1", "date=2026-04-01"})
	if len(ds) != 1 || ds[0].File != "--set:3" || ds[0].Rule != "PROFILE-SET" {
		t.Errorf("diagnostics = %v", ds)
	}
	want := []Overlay{
		{Path: []string{"noncompete", "months"}, Value: int64(24), Origin: Pos{"--set:1", 1, 19}, Key: Pos{"--set:1", 1, 1}},
		{Path: []string{"employee", "id"}, Value: "0042", Origin: Pos{"--set:2", 1, 13}, Key: Pos{"--set:2", 1, 1}},
		{Path: []string{"date"}, Value: Date(2026, 4, 1), Origin: Pos{"--set:4", 1, 6}, Key: Pos{"--set:4", 1, 1}},
	}
	if !reflect.DeepEqual(ovs, want) {
		t.Errorf("overlays = %#v\nwant %#v", ovs, want)
	}
}

// Applying overlays leaves the parsed profile as it was, so that rows are checked one after
// another, or at once, from one parse; each sees only its own values.
func TestApplyLeavesTheBaseAlone(t *testing.T) {
	src := overlayBase + "[employee]\naccess = [\"a\"]\n[[confidential.levels]]\nid = \"L1\"\nlabel = \"社外秘\"\n"
	base, ds := Parse("p.toml", []byte(src))
	if base == nil {
		t.Fatal(ds)
	}
	ref, _ := base.Apply(nil)
	want := ref.Data()
	var wg sync.WaitGroup
	for i := range 8 {
		wg.Go(func() {
			at := Pos{File: "people.csv", Line: i + 2, Col: 1}
			p, _ := base.Apply([]Overlay{
				{Path: []string{"employee", "access", "1"}, Value: "b", Origin: at, Key: at},
				{Path: []string{"confidential", "levels", "0", "label"}, Value: map[string]any{"ja": "秘"}, Origin: at, Key: at},
				{Path: []string{"noncompete", "months"}, Value: int64(i), Origin: at, Key: at},
			})
			if p.Noncompete.Months != i || len(p.Employee.Access) != 2 {
				t.Errorf("row %d: months %d, access %v", i, p.Noncompete.Months, p.Employee.Access)
			}
		})
	}
	wg.Wait()
	again, _ := base.Apply(nil)
	if !reflect.DeepEqual(again.Data(), want) {
		t.Error("applying overlays changed the parsed profile")
	}
	if got := again.Pos("noncompete.months"); got.File != "p.toml" || got.Line != 5 {
		t.Errorf("noncompete.months placed at %v after the rows", got)
	}
}

// Without keeps the top-level keys asked and drops the paths given, under a new name.
func TestWithout(t *testing.T) {
	src := "jurisdiction = \"JP\"\nlanguages = [\"ja\"]\n[company]\nname = \"x\"\n[employee]\nname = \"Sample\"\ndepartment = \"R&D\"\n"
	base, _ := Parse("p.toml", []byte(src))
	keep := func(k string) bool { return k == "languages" || k == "employee" }
	b := base.Without("p.toml (person part)", keep, [][]string{{"employee", "name"}})
	p, _ := b.Apply(nil)
	if p.Has("company") || p.Has("employee.name") || !p.Has("employee.department") || p.Has("jurisdiction") {
		t.Errorf("kept %v", p.Data())
	}
	if got := p.Pos("employee.department"); got.File != "p.toml (person part)" || got.Line != 7 {
		t.Errorf("employee.department placed at %v", got)
	}
	if got := p.Pos("employee.name"); got.Line != 5 {
		t.Errorf("a dropped value placed at %v; want its table [employee]", got)
	}
	if full, _ := base.Apply(nil); !full.Has("employee.name") || !full.Has("company.name") {
		t.Error("Without changed the original")
	}
}

// FuzzOverlay: any path and value laid over a profile never panics, leaves the parsed profile
// alone, and every problem is placed in the file or at the overlay (its value or its key).
func FuzzOverlay(f *testing.F) {
	for _, s := range []struct {
		path string
		kind byte
		text string
	}{
		{"employee.name.ja", 0, "佐藤"}, {"noncompete.months", 1, "24"}, {"employee.exit_date", 4, "2026-03-31"},
		{"employee.access", 5, "a;b"}, {"employee.name", 6, "ja"}, {"confidential.levels.0.label", 0, "x"},
		{"confidential.levels.9.id", 0, "x"}, {"vars.a.b.c", 2, "1.5"}, {"noncompete.enabled", 3, "true"},
		{"company.name.ja.x", 0, "\x00"}, {"", 0, ""}, {"languages.0", 0, "xx"}, {"jurisdiction", 0, "ZZ"},
	} {
		f.Add(s.path, s.kind, s.text)
	}
	src, err := Sample("TH", nil)
	if err != nil {
		f.Fatal(err)
	}
	base, ds := Parse("p.toml", src)
	if base == nil {
		f.Fatal(ds)
	}
	ref, _ := base.Apply(nil)
	want := ref.Data()
	f.Fuzz(func(t *testing.T, path string, kind byte, text string) {
		var v any = text
		switch kind % 7 {
		case 1:
			v = int64(len(text)) - 3
		case 2:
			v = float64(len(text)) / 3
		case 3:
			v = len(text)%2 == 0
		case 4:
			v = Date(1890+len(text)*7, time.Month(len(text)%14), len(text)%33)
		case 5:
			v = strings.Split(text, ";")
		case 6:
			v = map[string]any{text: text}
		}
		origin := Pos{File: "s.csv", Line: 5, Col: 2}
		key := Pos{File: "s.csv", Line: 1, Col: 2}
		p, ds := base.Apply([]Overlay{{Path: strings.Split(path, "."), Value: v, Origin: origin, Key: key}})
		ds = append(ds, p.CheckFor(nil, nil)...)
		_ = p.Data()
		for _, d := range ds {
			at := Pos{d.File, d.Line, d.Col}
			if d.File != "p.toml" && at != origin && at != key || d.Message == "" || d.Rule == "" {
				t.Fatalf("diagnostic placed outside the file and the overlay: %v", d)
			}
		}
		if again, _ := base.Apply(nil); !reflect.DeepEqual(again.Data(), want) {
			t.Fatal("the overlay changed the parsed profile")
		}
	})
}

// When the file is not TOML, the --set values are still checked: what cannot be read, and a
// path that cannot be set even on an empty profile.
func TestSetProblemsBesideASyntaxError(t *testing.T) {
	p, ds := Decode("p.toml", []byte("jurisdiction = \n"), []string{"=1", "confidential.levels.3.id=L4", "noncompete.months=12"})
	if p != nil {
		t.Fatal("a profile from a file that is not TOML")
	}
	var got []string
	for _, d := range ds.Sorted() {
		got = append(got, d.File+" "+d.Rule)
	}
	if want := []string{"p.toml TOML-SYNTAX", "--set:1 PROFILE-SET", "--set:2 PROFILE-SET"}; !reflect.DeepEqual(got, want) {
		t.Errorf("diagnostics %q, want %q", got, want)
	}
}

// markWritten records every path of a document, joined with dots, as the positions index
// names them.
func TestMarkWritten(t *testing.T) {
	doc := map[string]any{
		"jurisdiction": "TH",
		"company":      map[string]any{"name": map[string]any{"ja": "株式会社", "th": "บริษัท"}},
		"people":       []any{map[string]any{"id": "E-1"}, "x"},
	}
	got := map[string]bool{}
	markWritten(doc, nil, got)
	want := []string{"jurisdiction", "company", "company.name", "company.name.ja", "company.name.th", "people", "people.0", "people.0.id", "people.1"}
	if len(got) != len(want) {
		t.Errorf("marked %v, want %v", got, want)
	}
	for _, k := range want {
		if !got[k] {
			t.Errorf("%s not marked (got %v)", k, got)
		}
	}
	under := map[string]bool{}
	markWritten(map[string]any{"b": 1}, []string{"a"}, under)
	if len(under) != 2 || !under["a"] || !under["a.b"] {
		t.Errorf("under a path: %v", under)
	}
}
