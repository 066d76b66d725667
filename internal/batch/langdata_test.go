package batch

import (
	"strings"
	"testing"

	"github.com/tsdraft/tsdraft/internal/profile"
	"github.com/tsdraft/tsdraft/internal/testsupport"
	"github.com/tsdraft/tsdraft/internal/vocab"
)

// A language added as data (Korean, from a locale directory) is a language of the batch too:
// its columns are read (employee.name.ko) and its cells join the profile's texts by language;
// without it, the column is not a language column.
func TestBatchKnowsALanguageAddedAsData(t *testing.T) {
	dir := t.TempDir()
	testsupport.WriteLanguage(t, dir, "ko", testsupport.KoreanLanguage)
	header := []string{"employee.id", "employee.name.ja", "employee.name.ko"}

	if _, _, err := parseHeader("t.csv", header, testHeaders(t)); err == nil {
		t.Error("employee.name.ko was read as a language column without Korean")
	}

	v, err := vocab.Builtin().WithLanguages(dir)
	if err != nil {
		t.Fatal(err)
	}
	restore := vocab.Use(v)
	defer restore()
	cols, _, err := parseHeader("t.csv", header, testHeaders(t))
	if err != nil {
		t.Fatalf("with Korean: %v", err)
	}
	if c := cols[2]; c.lang != "ko" || strings.Join(c.root, ".") != "employee.name" {
		t.Errorf("column C: lang %q, root %v", c.lang, c.root)
	}
	// The cell is laid over a profile whose name is a text by language: it joins the others.
	base, ds := profile.Parse("p.toml", []byte("[employee.name]\nja = \"金\"\n"))
	if base == nil {
		t.Fatal(ds)
	}
	ov, _, ok, err := cols[2].overlay(Cell{Text: "김민준"}, "t.csv", 2)
	if err != nil || !ok {
		t.Fatalf("overlay: %v %v", ok, err)
	}
	p, _ := base.Apply([]profile.Overlay{ov})
	if got := p.Employee.Name.ByLang; got["ko"] != "김민준" || got["ja"] != "金" {
		t.Errorf("employee.name = %v", got)
	}
}
