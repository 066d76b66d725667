package render

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tsdraft/tsdraft/internal/docx"
	"github.com/tsdraft/tsdraft/internal/docxtext"
	"github.com/tsdraft/tsdraft/internal/pdf"
	"github.com/tsdraft/tsdraft/internal/profile"
	"github.com/tsdraft/tsdraft/internal/testsupport"
)

func squash(s string) string {
	return strings.Join(strings.FieldsFunc(s, func(r rune) bool {
		return r == ' ' || r == '\n' || r == '\t' || r == '\f' || r == '\u00a0' || r == '\u3000'
	}), "")
}

// TestPDFThroughLibreOffice converts every document of every jurisdiction (default bilingual
// layout) to PDF with one LibreOffice process and finds the filled text in it.
func TestPDFThroughLibreOffice(t *testing.T) {
	testsupport.NeedLibreOffice(t, "pdftotext")
	r := testRenderer(t)
	dir := t.TempDir()
	var files []string
	want := map[string][]string{}
	for _, jur := range profile.Jurisdictions {
		p := sample(t, jur)
		for _, d := range Documents {
			outs, err := r.Render(Request{Doc: d.ID, Profile: p, Langs: p.Languages, Layout: p.Layout})
			if err != nil {
				t.Fatal(err)
			}
			b, err := outs[0].Package.Bytes()
			if err != nil {
				t.Fatal(err)
			}
			name := filepath.Join(dir, FileName(d.ID, jur, p.Languages))
			if err := docx.WriteFile(name, b, false, docx.Verify); err != nil {
				t.Fatal(err)
			}
			files = append(files, name)
			// The company's name and the document's reference number must survive into the PDF.
			comp, _ := p.Company.Name.In(p.Languages[0])
			want[name] = []string{comp, d.ID + " v" + DocVersion}
		}
	}
	pdfs, err := pdf.Convert(files, dir, false)
	if err != nil {
		t.Fatal(err)
	}
	for i, f := range pdfs {
		out, err := exec.Command("pdftotext", "-enc", "UTF-8", f, "-").Output()
		if err != nil {
			t.Fatalf("pdftotext %s: %v", f, err)
		}
		text := squash(string(out))
		for _, w := range want[files[i]] {
			if !strings.Contains(text, squash(w)) {
				t.Errorf("%s: %q not found in the PDF text", filepath.Base(f), w)
			}
		}
		if strings.Contains(text, "{{") {
			t.Errorf("%s: a tag is left in the PDF", filepath.Base(f))
		}
	}
}

// TestTemplatesResavedByLibreOffice opens each shipped template in LibreOffice, saves it again
// as DOCX (LibreOffice rewrites runs, styles and properties its own way), renders both and
// compares the body text: the engine must not depend on how tsdraft wrote the template.
func TestTemplatesResavedByLibreOffice(t *testing.T) {
	testsupport.NeedLibreOffice(t, "pdftotext")
	r := testRenderer(t)
	bin, _ := pdf.Binary()
	dir := t.TempDir()
	resaved := filepath.Join(dir, "resaved")
	var srcs []string
	for _, d := range Documents {
		b, _, err := r.templateBytes(d.ID)
		if err != nil {
			t.Fatal(err)
		}
		p := filepath.Join(dir, d.ID+".docx")
		os.WriteFile(p, b, 0o644)
		srcs = append(srcs, p)
	}
	args := append([]string{"-env:UserInstallation=file://" + filepath.ToSlash(filepath.Join(dir, "profile")), "--headless", "--norestore",
		"--convert-to", "docx:MS Word 2007 XML", "--outdir", resaved}, srcs...)
	if out, err := exec.Command(bin, args...).CombinedOutput(); err != nil {
		t.Fatalf("LibreOffice: %v\n%s", err, out)
	}
	lo := &Renderer{Templates: os.DirFS(resaved), Catalog: r.Catalog, Version: "test"}
	p := sample(t, "TH")
	for _, d := range Documents {
		for _, langs := range [][]string{{"th"}, p.Languages} {
			req := Request{Doc: d.ID, Profile: p, Langs: langs, Layout: Interleave}
			a, err := r.Render(req)
			if err != nil {
				t.Fatal(err)
			}
			b, err := lo.Render(req)
			if err != nil {
				t.Errorf("%s re-saved by LibreOffice: %v", d.ID, err)
				continue
			}
			ta, tb := bodyText(t, a[0].Package), bodyText(t, b[0].Package)
			if ta != tb {
				t.Errorf("%s (%s): text differs after LibreOffice re-saved the template\n%s", d.ID, strings.Join(langs, "+"), firstDiff(ta, tb))
			}
		}
	}
}

func bodyText(t *testing.T, pkg *docx.Package) string {
	t.Helper()
	s, err := docxtext.Dump(pkg)
	if err != nil {
		t.Fatal(err)
	}
	// Compare the body only, without empty lines: LibreOffice may add empty paragraphs
	// around tables and rewrites header and footer parts.
	var lines []string
	in := true
	for _, l := range strings.Split(s, "\n") {
		switch {
		case strings.HasPrefix(l, "[header") || strings.HasPrefix(l, "[footer"):
			in = false
		case strings.HasPrefix(l, "[/"):
			in = true
		case in && strings.TrimSpace(strings.Trim(l, "| ")) != "":
			lines = append(lines, strings.TrimSpace(l))
		}
	}
	return strings.Join(lines, "\n")
}
