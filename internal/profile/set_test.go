package profile

import (
	"reflect"
	"strings"
	"testing"
	"time"
)

func TestParseSet(t *testing.T) {
	date := time.Date(2026, 4, 1, 0, 0, 0, 0, time.UTC)
	for _, c := range []struct {
		arg    string
		path   []string
		value  any
		quoted bool
		col    int
	}{
		{"noncompete.months=24", []string{"noncompete", "months"}, int64(24), true, 19},
		{"noncompete.enabled=true", []string{"noncompete", "enabled"}, true, true, 20},
		{`company.name.ja="株式会社みなと精工"`, []string{"company", "name", "ja"}, "株式会社みなと精工", true, 17},
		{"company.name.ja=株式会社みなと精工", []string{"company", "name", "ja"}, "株式会社みなと精工", false, 17},
		{`employee.access=["a","b"]`, []string{"employee", "access"}, []any{"a", "b"}, true, 17},
		{`company.name={ ja = "x", en = "y" }`, []string{"company", "name"}, map[string]any{"ja": "x", "en": "y"}, true, 14},
		{"noncompete.compensation_percent=33.5", []string{"noncompete", "compensation_percent"}, 33.5, true, 33},
		{"confidential.levels.0.label.th=ลับเฉพาะ", []string{"confidential", "levels", "0", "label", "th"}, "ลับเฉพาะ", false, 32},
		{`vars."a.b"=1`, []string{"vars", "a.b"}, int64(1), true, 12},
		{"  date =  2026-04-01 ", []string{"date"}, date, true, 11},
		{"employee.id=0042", []string{"employee", "id"}, "0042", false, 13},
		{"noncompete.scope=true love", []string{"noncompete", "scope"}, "true love", false, 18},
	} {
		st, err := ParseSet(c.arg)
		if err != nil {
			t.Errorf("ParseSet(%q): %v", c.arg, err)
			continue
		}
		v := st.Value
		if tm, ok := v.(time.Time); ok {
			v = date0(tm)
		}
		if !reflect.DeepEqual(st.Path, c.path) || !reflect.DeepEqual(v, c.value) || st.Quoted != c.quoted || st.ValueCol != c.col {
			t.Errorf("ParseSet(%q) = %q %#v quoted=%v col=%d; want %q %#v %v %d", c.arg, st.Path, v, st.Quoted, st.ValueCol, c.path, c.value, c.quoted, c.col)
		}
	}
}

func date0(t time.Time) time.Time {
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
}

func TestParseSetErrors(t *testing.T) {
	for _, c := range []struct {
		arg  string
		col  int
		want string
	}{
		{"", 1, "missing key path"},
		{"=1", 1, "missing key path"},
		{"noncompete.months", 18, "missing '='"},
		{"noncompete.months=", 19, "missing value"},
		{"noncompete.months=  ", 19, "missing value"},
		{"a b=1", 3, "unexpected \"b\""},
		{`a="open`, 7, "not valid TOML"}, // the fault is at the end
		{`a=[1, 2`, 7, "not valid TOML"},
		{"a..b=1", 3, "unexpected"},
	} {
		_, err := ParseSet(c.arg)
		se, ok := err.(*SetError)
		if !ok {
			t.Errorf("ParseSet(%q) error = %v, want a *SetError", c.arg, err)
			continue
		}
		if se.Col != c.col || !strings.Contains(se.Msg, c.want) {
			t.Errorf("ParseSet(%q) = col %d %q; want col %d and %q", c.arg, se.Col, se.Msg, c.col, c.want)
		}
	}
}

func TestSetOverlaysAssign(t *testing.T) {
	doc := map[string]any{
		"company":      map[string]any{"name": "株式会社みなと精工"},
		"confidential": map[string]any{"levels": []any{map[string]any{"id": "L1"}}},
		"employee":     map[string]any{"access": []any{"a"}},
	}
	ovs, ds := SetOverlays([]string{
		"company.name.en=Minato Seiko", // a plain text becomes a table by language
		"confidential.levels.1.id=L2",  // index == length appends
		"employee.access.1=b",          // arrays of texts too
		"parent.name=Minato",           // tables are created
		"employee.id=42",               // a code given as a number keeps its text
		"company.name.en.x=1",          // below a string: refused
		"confidential.levels.5.id=L6",  // past the end: refused
	})
	if len(ds) != 0 || len(ovs) != 7 {
		t.Fatalf("SetOverlays = %v, %v", ovs, ds)
	}
	d := &decoder{pos: &posIndex{m: map[string]keyPos{}}}
	for _, ov := range ovs {
		d.overlay(doc, ov)
	}
	want := map[string]any{
		"company":      map[string]any{"name": map[string]any{"en": "Minato Seiko"}},
		"confidential": map[string]any{"levels": []any{map[string]any{"id": "L1"}, map[string]any{"id": "L2"}}},
		"employee":     map[string]any{"access": []any{"a", "b"}, "id": "42"},
		"parent":       map[string]any{"name": "Minato"},
	}
	if !reflect.DeepEqual(doc, want) {
		t.Errorf("doc = %#v\nwant %#v", doc, want)
	}
	if len(d.ds) != 2 || d.ds[0].File != "--set:6" || d.ds[1].File != "--set:7" {
		t.Errorf("diagnostics = %v", d.ds)
	}
	if kp, ok := d.pos.m["company.name"]; !ok || kp.Key.File != "--set:1" {
		t.Errorf("positions = %v; the replaced plain text company.name should come from --set:1", d.pos.m)
	}
}

// A --set value is checked like the file's and its problems are placed at --set:N.
func TestSetPositions(t *testing.T) {
	src := []byte("jurisdiction = \"JP\"\n[noncompete]\nmonths = 12\n")
	p, ds := Decode("p.toml", src, []string{"noncompete.enabled=true", "noncompete.months=999"})
	if len(ds) != 1 {
		t.Fatalf("diagnostics = %v", ds)
	}
	d := ds[0]
	if d.File != "--set:2" || d.Line != 1 || d.Col != 19 || d.Rule != "PROFILE-RANGE" {
		t.Errorf("diagnostic = %v", d)
	}
	if !p.Noncompete.Enabled || p.Noncompete.Months != 0 {
		t.Errorf("noncompete = %+v; the invalid months must be dropped", p.Noncompete)
	}
	if got := p.Pos("noncompete.enabled"); got.File != "--set:1" {
		t.Errorf("noncompete.enabled placed at %v", got)
	}
	if got := p.Pos("noncompete"); got.File != "p.toml" || got.Line != 2 {
		t.Errorf("[noncompete] placed at %v", got)
	}
}
