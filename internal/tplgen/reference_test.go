package tplgen

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/tsdraft/tsdraft/internal/docx"
	"github.com/tsdraft/tsdraft/internal/testsupport"
)

// soffice converts with a private profile (other LibreOffice processes may be running).
func soffice(t *testing.T, bin, dir, to string, files ...string) {
	t.Helper()
	args := append([]string{"-env:UserInstallation=file://" + filepath.ToSlash(filepath.Join(dir, "profile")), "--headless", "--norestore",
		"--convert-to", to, "--outdir", dir}, files...)
	if out, err := exec.Command(bin, args...).CombinedOutput(); err != nil {
		t.Fatalf("soffice %v: %v\n%s", args, err, out)
	}
}

// A designer restyles the headings of the reference document in LibreOffice (font, colour,
// space before); the templates built from it carry the change, and the documents built from
// those templates open and fill.
func TestRestyleThroughLibreOffice(t *testing.T) {
	bin := testsupport.NeedLibreOffice(t, "pdftotext")
	dir := t.TempDir()
	ref := filepath.Join(dir, "reference.docx")
	b, err := os.ReadFile("../../templates/reference/reference.docx")
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(ref, b, 0o644)
	// LibreOffice's own format, edited as a designer would in the style dialog …
	soffice(t, bin, dir, "fodt", ref)
	fodt, err := os.ReadFile(filepath.Join(dir, "reference.fodt"))
	if err != nil {
		t.Fatal(err)
	}
	s := string(fodt)
	i := strings.Index(s, `<style:style style:name="Heading_20_1"`)
	if i < 0 {
		t.Fatalf("no Heading 1 style in LibreOffice's reading of the reference document")
	}
	j := i + strings.Index(s[i:], "</style:style>")
	blk := regexp.MustCompile(`fo:margin-top="[^"]*"`).ReplaceAllString(s[i:j], `fo:margin-top="0.5in"`)
	blk = strings.Replace(blk, "<style:text-properties ", `<style:text-properties fo:color="#1f7a3a" style:font-name="Georgia" fo:font-family="Georgia" `, 1)
	s = s[:i] + blk + s[j:]
	s = strings.Replace(s, "<office:font-face-decls>", `<office:font-face-decls><style:font-face style:name="Georgia" svg:font-family="Georgia"/>`, 1)
	restyled := filepath.Join(dir, "firm.fodt")
	os.WriteFile(restyled, []byte(s), 0o644)
	// … and saved back as DOCX by LibreOffice.
	soffice(t, bin, dir, `docx:MS Word 2007 XML`, restyled)
	rb, err := os.ReadFile(filepath.Join(dir, "firm.docx"))
	if err != nil {
		t.Fatal(err)
	}
	firm, err := LoadReference("firm.docx", rb)
	if err != nil {
		t.Fatal(err)
	}
	src, _ := os.ReadFile("../../templates/src/nda-employee.txt")
	built, err := GenerateWith(firm, "nda-employee.txt", "nda-employee", src)
	if err != nil {
		t.Fatal(err)
	}
	pkg, err := docx.Open("built.docx", built)
	if err != nil {
		t.Fatal(err)
	}
	styles, _ := pkg.Read("word/styles.xml")
	h1 := regexp.MustCompile(`(?s)<w:style [^>]*w:styleId="` + firm.styleIDs["Heading1"] + `".*?</w:style>`).Find(styles)
	for _, want := range []string{`w:ascii="Georgia"`, `<w:color w:val="1F7A3A"/>`, `w:before="720"`} {
		if !strings.Contains(string(h1), want) {
			t.Errorf("built template's heading style lacks %s: %s", want, h1)
		}
	}
	doc, _ := pkg.Read("word/document.xml")
	if strings.Count(string(doc), `<w:pStyle w:val="`+firm.styleIDs["Heading1"]+`"/>`) < 5 {
		t.Errorf("the body's articles do not use the heading style")
	}
}

func TestReferenceMustHaveStylesAndLabel(t *testing.T) {
	b, _ := os.ReadFile("../../templates/reference/reference.docx")
	pkg, err := docx.Open("r.docx", b)
	if err != nil {
		t.Fatal(err)
	}
	st, _ := pkg.Read("word/styles.xml")
	hdr, _ := pkg.Read("word/header1.xml")
	for _, c := range []struct {
		part, from, to, want string
	}{
		{"word/styles.xml", `<w:name w:val="List Number"/>`, `<w:name w:val="Numbered"/>`, `lacks the styles "list number"`},
		{"word/header1.xml", `{{ doc.mark }}`, `CONFIDENTIAL`, `no header shows {{ doc.mark }}`},
	} {
		p := pkg.Clone()
		orig := map[string][]byte{"word/styles.xml": st, "word/header1.xml": hdr}[c.part]
		p.Set(c.part, []byte(strings.Replace(string(orig), c.from, c.to, 1)))
		data, err := p.Bytes()
		if err != nil {
			t.Fatal(err)
		}
		if _, err := LoadReference("firm.docx", data); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("want %q, got %v", c.want, err)
		}
	}
}
