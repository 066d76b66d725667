package profile_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/tsdraft/tsdraft/internal/law"
	"github.com/tsdraft/tsdraft/internal/profile"
)

// FuzzDecode: decoding, the document checks, the law rules and Data never panic, and every
// diagnostic has a place inside the file (or a --set).
func FuzzDecode(f *testing.F) {
	for _, j := range []string{"CN", "TH", "EU"} {
		src, _ := profile.Sample(j, nil)
		f.Add(src, "noncompete.months=30")
	}
	files, _ := filepath.Glob("testdata/bad/*.toml")
	for _, file := range files {
		src, _ := os.ReadFile(file)
		f.Add(src, "company.name.ja=x")
	}
	for _, s := range []string{"", "a=1", "[a]\n[[a]]", "x = [{a=1},{b=[1,{c=2}]}]", "jurisdiction = \"JP\"\n[employee]\nexit_date = 1979-05-27T07:32:00Z",
		"'''\n", "a = \"\"\"\n\"\"\"\"", "[[confidential.levels]]\nlabel = \"\\u0000\"", "jurisdiction=\"ID\"\nlanguages=[\"en\"]"} {
		f.Add([]byte(s), "")
	}
	f.Fuzz(func(t *testing.T, src []byte, set string) {
		var sets []string
		if set != "" {
			sets = []string{set}
		}
		p, ds := profile.Decode("f.toml", src, sets)
		if p != nil {
			ds = append(ds, p.CheckFor(nil, nil)...)
			ds = append(ds, law.Check(p, nil)...)
			_ = p.Data()
		}
		lines := bytes.Count(src, []byte("\n")) + 1
		for _, d := range ds {
			if d.Line < 1 || d.Col < 1 || d.Message == "" || d.Rule == "" {
				t.Fatalf("diagnostic without a place or message: %+v", d)
			}
			switch {
			case d.File == "f.toml":
				if d.Line > lines {
					t.Fatalf("line %d past the end (%d lines): %v", d.Line, lines, d)
				}
			case d.File == "--set:1":
				if d.Line != 1 || d.Col > utf8.RuneCountInString(set)+1 {
					t.Fatalf("place outside the --set value %q: %v", set, d)
				}
			default:
				t.Fatalf("unknown file %q", d.File)
			}
		}
		var out bytes.Buffer
		if err := ds.Write(&out); err != nil || !strings.HasSuffix(out.String(), "\n") {
			t.Fatal("Write failed")
		}
	})
}

// FuzzParseSet: the --set parser never panics; an error has a column inside the argument; a
// parsed value can be applied to a document.
func FuzzParseSet(f *testing.F) {
	for _, s := range []string{
		"noncompete.months=24", `company.name.ja="株式会社"`, "company.name.ja=株式会社", `employee.access=["a","b"]`,
		`a."b.c"=1`, "=1", "a", "a=", `a="x`, "a..b=1", "confidential.levels.0.label.th=ลับ", "x.0.1=2", "a.b=[1,2",
		"a = { b = 1 }", "a=1\nb=2", "\"unterminated=1", "a.'lit'.c=2026-04-01",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, arg string) {
		st, err := profile.ParseSet(arg)
		if err != nil {
			se, ok := err.(*profile.SetError)
			if !ok {
				t.Fatalf("error of type %T", err)
			}
			if se.Col < 1 || se.Col > utf8.RuneCountInString(arg)+1 {
				t.Fatalf("column %d outside %q", se.Col, arg)
			}
			return
		}
		if len(st.Path) == 0 {
			t.Fatalf("no path from %q", arg)
		}
		base, _ := profile.Parse("f.toml", []byte("company.name = \"x\"\nlist = [{}, \"s\"]\n"))
		ovs, ds := profile.SetOverlays([]string{arg})
		if len(ovs) != 1 || len(ds) != 0 {
			t.Fatalf("%q parsed, yet SetOverlays gave %v, %v", arg, ovs, ds)
		}
		_, ds = base.Apply(ovs)
		for _, d := range ds {
			if d.File == "f.toml" {
				continue
			}
			if d.File != "--set:1" || d.Line != 1 || d.Col < 1 {
				t.Fatalf("bad place %+v", d)
			}
		}
	})
}
