package render

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
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
	want, footer, bans := map[string][]string{}, map[string][]string{}, map[string][]string{}
	pages := map[string]string{} // file → the footer's page text with {{ page }} and {{ pages }}
	for _, jur := range profile.Jurisdictions {
		var numbers []string
		for _, d := range Documents {
			numbers = append(numbers, "documents."+d.ID+`.id="`+footerNumber(jur, d.ID)+`"`)
		}
		p := sample(t, jur, numbers...)
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
			// The company's name, the document's own number and the copy notice (the label on a
			// document at the lowest level) must survive into the PDF; the footer is in the first
			// language only.
			comp, _ := p.Company.Name.In(p.Languages[0])
			first, second := p.Languages[0], p.Languages[len(p.Languages)-1]
			want[name] = []string{comp}
			footer[name] = []string{footerNumber(jur, d.ID), footerCentre(t, r, p, d.ID, first)}
			if second != first {
				bans[name] = []string{catalogText(t, r, second, jur, "common.footer_copy")}
			}
			pages[name] = catalogText2(t, r, first, jur, "common.footer_page")
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
		// The footer line (the last line of a page) of the first and the last page: the number,
		// the copy notice and page X of Y (Y the PDF's own page count), first language only.
		n := pdfPages(t, f)
		for _, k := range []int{1, n} {
			line := pdfFooterLine(t, f, k)
			page := strings.NewReplacer("{{ page }}", strconv.Itoa(k), "{{ pages }}", strconv.Itoa(n)).Replace(pages[files[i]])
			for _, w := range append(footer[files[i]], page) {
				if !strings.Contains(line, squash(w)) {
					t.Errorf("%s: the footer of page %d lacks %q: %q", filepath.Base(f), k, w, line)
				}
			}
			for _, b := range bans[files[i]] {
				if strings.Contains(line, squash(b)) {
					t.Errorf("%s: the footer of page %d speaks the second language too: %q", filepath.Base(f), k, line)
				}
			}
		}
	}
}

// footerNumber is the document number a test gives a document.
func footerNumber(jur, doc string) string {
	return "TS-" + jur + "-" + strings.ToUpper(doc[:3]) + "-014"
}

// catalogText2 is a catalogue text as written, tags included.
func catalogText2(t *testing.T, r *Renderer, lang, jur, key string) string {
	t.Helper()
	s, err := r.Catalog.Text(lang, jur, key)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// pdfPages is the page count pdfinfo reports.
func pdfPages(t *testing.T, f string) int {
	t.Helper()
	out, err := exec.Command("pdfinfo", f).Output()
	if err != nil {
		t.Fatalf("pdfinfo %s: %v", f, err)
	}
	for _, line := range strings.Split(string(out), "\n") {
		if v, ok := strings.CutPrefix(line, "Pages:"); ok {
			n, err := strconv.Atoi(strings.TrimSpace(v))
			if err != nil || n < 1 {
				t.Fatalf("pdfinfo %s: pages %q", f, v)
			}
			return n
		}
	}
	t.Fatalf("pdfinfo %s: no page count", f)
	return 0
}

// pdfFooterLine is the squashed last line of one page of a PDF (the footer).
func pdfFooterLine(t *testing.T, f string, page int) string {
	t.Helper()
	p := strconv.Itoa(page)
	out, err := exec.Command("pdftotext", "-layout", "-enc", "UTF-8", "-f", p, "-l", p, f, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext %s page %d: %v", f, page, err)
	}
	lines := strings.Split(strings.TrimRight(string(out), "\n\f "), "\n")
	return squash(lines[len(lines)-1])
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

// pdfOrientations is one letter per page of a PDF, P (portrait) or L (landscape), from the page
// sizes pdfinfo reports.
func pdfOrientations(t *testing.T, f string) string {
	t.Helper()
	n := pdfPages(t, f)
	out, err := exec.Command("pdfinfo", "-f", "1", "-l", strconv.Itoa(n), f).Output()
	if err != nil {
		t.Fatalf("pdfinfo %s: %v", f, err)
	}
	var b strings.Builder
	for _, line := range strings.Split(string(out), "\n") {
		// Page    3 size:  841.89 x 595.304 pts (A4)
		fs := strings.Fields(line)
		if len(fs) < 6 || fs[0] != "Page" || fs[2] != "size:" {
			continue
		}
		w, err1 := strconv.ParseFloat(fs[3], 64)
		h, err2 := strconv.ParseFloat(fs[5], 64)
		if err1 != nil || err2 != nil {
			t.Fatalf("pdfinfo %s: %q", f, line)
		}
		if w > h {
			b.WriteByte('L')
		} else {
			b.WriteByte('P')
		}
	}
	if b.Len() != n {
		t.Fatalf("pdfinfo %s: %d page sizes for %d pages", f, b.Len(), n)
	}
	return b.String()
}

var portraitLandscapePortrait = regexp.MustCompile(`^P+L+P+$`)

// TestRegisterLandscapeThroughLibreOffice converts the register of every jurisdiction to PDF:
// the pages before and after the register table are portrait, the table's are landscape
// (review 2026-12 A.9), and a landscape page's footer still ends with its page number.
func TestRegisterLandscapeThroughLibreOffice(t *testing.T) {
	testsupport.NeedLibreOffice(t, "pdfinfo")
	r := testRenderer(t)
	dir := t.TempDir()
	var files []string
	heading, page := map[string]string{}, map[string]string{}
	for _, jur := range profile.Jurisdictions {
		p := sample(t, jur)
		outs, err := r.Render(Request{Doc: "secret-register", Profile: p, Langs: p.Languages, Layout: p.Layout})
		if err != nil {
			t.Fatal(err)
		}
		b, err := outs[0].Package.Bytes()
		if err != nil {
			t.Fatal(err)
		}
		name := filepath.Join(dir, FileName("secret-register", jur, p.Languages))
		if err := docx.WriteFile(name, b, false, docx.Verify); err != nil {
			t.Fatal(err)
		}
		files = append(files, name)
		heading[name] = catalogText(t, r, p.Languages[0], jur, "secret-register.h_register")
		page[name] = catalogText2(t, r, p.Languages[0], jur, "common.footer_page")
	}
	pdfs, err := pdf.Convert(files, dir, false)
	if err != nil {
		t.Fatal(err)
	}
	for i, f := range pdfs {
		name := filepath.Base(f)
		o := pdfOrientations(t, f)
		if !portraitLandscapePortrait.MatchString(o) {
			t.Errorf("%s: page orientations %s, want portrait pages, then landscape, then portrait", name, o)
			continue
		}
		n := len(o)
		for k := 1; k <= n; k++ {
			text := squash(pdfPageText(t, f, k))
			hasRows := strings.Contains(text, "TS-001") || strings.Contains(text, "TS-005")
			if hasRows && o[k-1] != 'L' {
				t.Errorf("%s: page %d holds register rows but is portrait", name, k)
			}
			if strings.Contains(text, squash(heading[files[i]])) && o[k-1] != 'L' {
				t.Errorf("%s: the register heading is on portrait page %d", name, k)
			}
			if o[k-1] == 'L' {
				want := squash(strings.NewReplacer("{{ page }}", strconv.Itoa(k), "{{ pages }}", strconv.Itoa(n)).Replace(page[files[i]]))
				if line := pdfFooterLine(t, f, k); !strings.HasSuffix(line, want) {
					t.Errorf("%s: the footer of landscape page %d does not end with %q: %q", name, k, want, line)
				}
			}
		}
	}
}

// pdfPageText is the text of one page of a PDF.
func pdfPageText(t *testing.T, f string, page int) string {
	t.Helper()
	p := strconv.Itoa(page)
	out, err := exec.Command("pdftotext", "-enc", "UTF-8", "-f", p, "-l", p, f, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext %s page %d: %v", f, page, err)
	}
	return string(out)
}
