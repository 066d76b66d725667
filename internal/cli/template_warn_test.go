package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tsdraft/tsdraft/internal/docx"
)

// template check says what a template holds that the output will not show as written.
func TestTemplateCheckWarns(t *testing.T) {
	dir := t.TempDir()
	p := writeTemplate(t, dir, "chart.docx", "p: {{ company.name }}\n")
	b, _ := os.ReadFile(p)
	pkg, err := docx.Open(p, b)
	if err != nil {
		t.Fatal(err)
	}
	pkg.Set("word/charts/chart1.xml", []byte(`<c:chartSpace xmlns:c="c"><c:tx>{{ company.name }}</c:tx></c:chartSpace>`))
	out, err := pkg.Bytes()
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(p, out, 0o644)
	r := runIn(t, dir, "template", "check", "chart.docx")
	if r.code != 0 || !strings.Contains(r.stdout, "warning: word/charts/chart1.xml: holds {{ tags }}, but tsdraft fills only") {
		t.Errorf("exit %d, stdout:\n%s\nstderr:\n%s", r.code, r.stdout, r.stderr)
	}
}

// build --reference refuses a reference document that lacks what the templates need.
func TestBuildReferenceChecked(t *testing.T) {
	dir := t.TempDir()
	initProfile(t, dir, "JP")
	ref := writeTemplate(t, dir, "firm.docx", "p: no header label here\n")
	b, _ := os.ReadFile(ref)
	pkg, _ := docx.Open(ref, b)
	h, _ := pkg.Read("word/header1.xml")
	pkg.Set("word/header1.xml", []byte(strings.Replace(string(h), "{{ doc.mark }}", "CONFIDENTIAL", 1)))
	out, _ := pkg.Bytes()
	os.WriteFile(ref, out, 0o644)
	r := runIn(t, dir, "build", "p.toml", "--reference", "firm.docx", "-o", "out")
	if r.code != 1 || !strings.Contains(r.stderr, "no header shows {{ doc.mark }}") {
		t.Errorf("exit %d, stderr:\n%s", r.code, r.stderr)
	}
	if _, err := os.Stat(filepath.Join(dir, "out")); err == nil {
		if es, _ := os.ReadDir(filepath.Join(dir, "out")); len(es) > 0 {
			t.Errorf("files written despite the error: %v", es)
		}
	}
}
