package render

import (
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tsdraft/tsdraft/internal/testsupport"
)

// Every document asks Word and LibreOffice to hyphenate (w:autoHyphenation in the reference
// document's settings): German compounds in the register's narrow columns otherwise break
// mid-word without a hyphen ("Informationseigent|ümer"). Capitals (IDs, GeschGehG) are not
// hyphenated.
func TestDocumentsHyphenate(t *testing.T) {
	r := testRenderer(t)
	p := sample(t, "DE")
	for _, d := range Documents {
		outs, err := r.Render(Request{Doc: d.ID, Profile: p, Langs: []string{"de"}})
		if err != nil {
			t.Fatal(err)
		}
		b, err := outs[0].Package.Read("word/settings.xml")
		if err != nil {
			t.Fatal(err)
		}
		s := string(b)
		if !strings.Contains(s, "<w:autoHyphenation/>") || !strings.Contains(s, "<w:doNotHyphenateCaps/>") {
			t.Errorf("%s: settings do not turn hyphenation on: %s", d.ID, s)
		}
	}
}

// hyphenDictionary finds LibreOffice's German hyphenation patterns (Debian: hyphen-de).
func hyphenDictionary(t *testing.T) {
	t.Helper()
	for _, dir := range []string{"/usr/share/hyphen", "/usr/lib/libreoffice/share/extensions/dict-de"} {
		if m, _ := filepath.Glob(filepath.Join(dir, "hyph_de*.dic")); len(m) > 0 {
			return
		}
	}
	if testsupport.Required() {
		t.Fatal("German hyphenation patterns (hyph_de*.dic, Debian package hyphen-de) required here and not installed")
	}
	t.Skip("German hyphenation patterns not installed (apt-get install hyphen-de)")
}

// The German register through LibreOffice: the long words of its narrow columns are
// hyphenated, never broken mid-word without a hyphen. pdftotext joins a word hyphenated at a
// line end, so a word found split by a bare line break is one broken without a hyphen.
func TestRegisterHyphenatesGermanThroughLibreOffice(t *testing.T) {
	testsupport.NeedLibreOffice(t, "pdftotext")
	hyphenDictionary(t)
	r := testRenderer(t)
	outs, err := r.Render(Request{Doc: "secret-register", Profile: sample(t, "DE"), Langs: []string{"de"}})
	if err != nil {
		t.Fatal(err)
	}
	pdfFile := toPDF(t, outs[0].Package, "register.docx")
	joined, err := exec.Command("pdftotext", "-enc", "UTF-8", pdfFile, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	raw, err := exec.Command("pdftotext", "-raw", "-enc", "UTF-8", pdfFile, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	hyphenated := 0
	for _, w := range []string{"Informationseigentümer", "Wärmebehandlungsparameter", "Zugriffsberechtigte", "Entwicklungsspezifikation"} {
		rs := []rune(w)
		for k := 2; k < len(rs)-1; k++ {
			if strings.Contains(string(joined), string(rs[:k])+"\n"+string(rs[k:])) {
				t.Errorf("%q is broken after %q without a hyphen", w, string(rs[:k]))
			}
			if strings.Contains(string(raw), string(rs[:k])+"-\n"+string(rs[k:])) {
				hyphenated++
			}
		}
	}
	if hyphenated == 0 {
		t.Errorf("no long word of the register's columns is hyphenated:\n%s", raw)
	}
}
