package usecase

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/tsdraft/tsdraft/internal/docx"
	"github.com/tsdraft/tsdraft/internal/docxtext"
	"github.com/tsdraft/tsdraft/internal/law"
	"github.com/tsdraft/tsdraft/internal/notes"
	"github.com/tsdraft/tsdraft/internal/profile"
	"github.com/tsdraft/tsdraft/internal/tplgen"
)

func sample(t *testing.T, jur string) []byte {
	t.Helper()
	src, err := profile.Sample(jur, nil)
	if err != nil {
		t.Fatal(err)
	}
	return src
}

func rules(c *Checked) []string {
	var out []string
	for _, d := range c.Diags {
		out = append(out, d.Rule)
	}
	return out
}

// The law rules run on what is built: the Indonesian sample is fine as written, and an error
// when built in English and Japanese only.
func TestCheckRunsTheLawOnTheEffectiveBuild(t *testing.T) {
	t.Parallel()
	src := sample(t, "ID")
	if c := (Env{}).CheckSource("id.toml", src, nil, law.Build{}); !c.OK() {
		t.Fatalf("the sample as written: %v", c.Diags)
	}
	c := Env{}.CheckSource("id.toml", src, nil, law.Build{Langs: []string{"en", "ja"}})
	if c.OK() || !slices.Contains(rules(c), "ID-LANG-001") {
		t.Fatalf("built without Indonesian: %v", c.Diags)
	}
	if c.SHA == "" || len(c.SHA) != 64 {
		t.Errorf("SHA %q", c.SHA)
	}
}

func TestBuildDraftsInMemoryAndWriteSetRefusesWhatExists(t *testing.T) {
	t.Parallel()
	c := Env{}.CheckSource("jp.toml", sample(t, "JP"), []string{"noncompete.enabled=false"}, law.Build{})
	if !c.OK() {
		t.Fatal(c.Diags)
	}
	b, err := Env{Version: "test"}.Build(c, BuildRequest{Langs: []string{"ja"}, Notes: notes.Memo})
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, f := range b.Files {
		names = append(names, f.Name)
		if err := docx.Verify(f.Data); err != nil {
			t.Errorf("%s: %v", f.Name, err)
		}
	}
	if !slices.Contains(names, "exit-pledge.JP.ja.docx") || !slices.Contains(names, "exit-pledge.JP.notes.docx") || slices.Contains(names, "noncompete.JP.ja.docx") {
		t.Errorf("files: %v", names)
	}
	if len(b.Skipped) != 1 || !strings.Contains(b.Skipped[0], "noncompete.enabled = false") {
		t.Errorf("skipped: %v", b.Skipped)
	}
	if b.Layout != "interleave" || !slices.Equal(b.Langs, []string{"ja"}) {
		t.Errorf("layout %q, langs %v", b.Layout, b.Langs)
	}

	dir := t.TempDir()
	written, err := WriteSet(dir, b.Files[:2], false, false)
	if err != nil || len(written) != 2 {
		t.Fatalf("%v %v", written, err)
	}
	// A PDF beside a file about to be written counts as existing when PDFs are asked for.
	pdf := PDFName(filepath.Join(dir, b.Files[2].Name))
	if err := os.WriteFile(pdf, []byte("%PDF"), 0o644); err != nil {
		t.Fatal(err)
	}
	written, err = WriteSet(dir, b.Files[:3], false, true)
	var ee *ExistError
	if !errors.As(err, &ee) || !errors.Is(err, fs.ErrExist) || len(written) != 0 || len(ee.Paths) != 3 || ee.Paths[2] != pdf {
		t.Fatalf("existing files: %v %v", written, err)
	}
	if _, err := os.Stat(filepath.Join(dir, b.Files[2].Name)); err == nil {
		t.Error("a file was written although others exist")
	}
	if written, err := WriteSet(dir, b.Files[:3], true, true); err != nil || len(written) != 3 {
		t.Errorf("with force: %v %v", written, err)
	}
}

func TestWriteNewIsTyped(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	p := filepath.Join(dir, "p.toml")
	if err := WriteNew(p, []byte("a = 1\n"), false); err != nil {
		t.Fatal(err)
	}
	err := WriteNew(p, []byte("a = 2\n"), false)
	if !errors.Is(err, fs.ErrExist) || strings.Contains(err.Error(), "--force") {
		t.Errorf("second write: %v (want fs.ErrExist, no advice about flags)", err)
	}
	var nf *docx.ErrNotFile
	if err := WriteNew(dir, []byte("x"), true); !errors.As(err, &nf) {
		t.Errorf("a folder: %v", err)
	}
}

func TestRenderTemplateAndItsProblems(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	write := func(name, src string) string {
		b, err := tplgen.Generate(name, "custom", []byte(src))
		if err != nil {
			t.Fatal(err)
		}
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	good := write("good.docx", "p: {{ company.name }} / {{ lang_name }}\n")
	bad := write("bad.docx", "p: {{ company.name | shout }}\n")
	c := Env{}.CheckSource("th.toml", sample(t, "TH"), nil, law.Build{Docs: []string{CustomTemplate}, Langs: []string{"en"}})
	custom, err := ReadTemplate(good)
	if err != nil {
		t.Fatal(err)
	}
	f, err := Env{}.RenderTemplate(custom, c, "en")
	if err != nil {
		t.Fatal(err)
	}
	text, err := docxtext.Dump(f.Package)
	if err != nil || !strings.Contains(text, " / English") {
		t.Errorf("%v\n%s", err, text)
	}
	_, err = ReadTemplate(bad)
	var te *TemplateError
	if !errors.As(err, &te) || len(te.Problems()) != 1 || !strings.Contains(te.Problems()[0], `unknown filter "shout"`) {
		t.Errorf("bad template: %v", err)
	}
	files, err := TemplateFiles(dir)
	if err != nil || len(files) != 2 {
		t.Errorf("template files: %v %v", files, err)
	}
}
