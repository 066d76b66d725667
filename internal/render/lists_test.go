package render

import (
	"os/exec"
	"regexp"
	"strings"
	"testing"

	"github.com/tsdraft/tsdraft/internal/testsupport"
)

// The register's rules are a numbered list. Laid out in two languages, each language counts
// its own rules, so a rule and its translation show the same number: (1) … (1) …, (2) … (2) …
// Before, the pair shared one list and counted (1) German, (2) its Japanese version, (3) …
func TestBilingualListsCountPerLanguage(t *testing.T) {
	testsupport.NeedLibreOffice(t, "pdftotext")
	r := testRenderer(t)
	for _, c := range []struct {
		jur, layout string
		langs       []string
	}{
		{"DE", Interleave, []string{"de", "ja"}},
		{"JP", Columns, []string{"ja", "en"}},
	} {
		outs, err := r.Render(Request{Doc: "secret-register", Profile: sample(t, c.jur), Langs: c.langs, Layout: c.layout})
		if err != nil {
			t.Fatal(err)
		}
		num, _ := outs[0].Package.Read("word/numbering.xml")
		if n := strings.Count(string(num), "<w:abstractNum "); n < 3 {
			t.Errorf("%s %s: numbering.xml has %d abstract numberings, want the template's two and a copy for the second language", c.jur, c.layout, n)
		}
		txt, err := exec.Command("pdftotext", "-layout", "-enc", "UTF-8", toPDF(t, outs[0].Package, "register.docx"), "-").Output()
		if err != nil {
			t.Fatal(err)
		}
		counts := map[string]int{}
		for _, m := range regexp.MustCompile(`\((\d)\) `).FindAllStringSubmatch(string(txt), -1) {
			counts[m[1]]++
		}
		for _, n := range []string{"1", "2", "3", "4", "5", "6", "7"} {
			if counts[n] != 2 {
				t.Errorf("%s %s: rule (%s) is printed %d times, want once per language:\n%s", c.jur, c.layout, n, counts[n], txt)
				break
			}
		}
		if counts["8"] != 0 {
			t.Errorf("%s %s: the rules count on into the other language: (8) printed %d times", c.jur, c.layout, counts["8"])
		}
	}
}

// The register's narrow columns are wide enough for their headers and dates: 管理番号 and
// "Level" on one line, a Japanese date whole (review 2026-12 A.9: "管理番|号", "Leve|l").
func TestRegisterHeadersFitTheirColumns(t *testing.T) {
	testsupport.NeedLibreOffice(t, "pdftotext")
	r := testRenderer(t)
	outs, err := r.Render(Request{Doc: "secret-register", Profile: sample(t, "JP"), Langs: []string{"ja", "en"}})
	if err != nil {
		t.Fatal(err)
	}
	txt, err := exec.Command("pdftotext", "-layout", "-enc", "UTF-8", toPDF(t, outs[0].Package, "register.docx"), "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	var header1, header2, dates bool
	for _, l := range strings.Split(string(txt), "\n") {
		header1 = header1 || strings.Contains(l, "管理番号") && strings.Contains(l, "区分") && strings.Contains(l, "情報管理者")
		header2 = header2 || regexp.MustCompile(`Category\s+Level\s+Owner`).MatchString(l)
		dates = dates || strings.Contains(l, "TS-001") && strings.Contains(l, "2025 年 10 月 1 日")
	}
	if !header1 || !header2 || !dates {
		t.Errorf("register headers or dates broken inside a word (管理番号 line %v, Level line %v, whole date %v):\n%s", header1, header2, dates, txt)
	}
}

// apply copies an abstract numbering whatever the order of its attributes (Word writes
// w15:restartNumberingAfterBreak beside the id), and a list whose abstract numbering is missing
// still gets a list for its copies: no paragraph may point at a list that does not exist.
func TestOwnListsApply(t *testing.T) {
	numbering := `<w:numbering xmlns:w="w"><w:abstractNum w15:restartNumberingAfterBreak="0" w:abstractNumId="3"><w:nsid w:val="1A"/><w:lvl w:ilvl="0"><w:start w:val="1"/></w:lvl></w:abstractNum>` +
		`<w:num w:numId="5"><w:abstractNumId w:val="3"/></w:num><w:num w:numId="6"><w:abstractNumId w:val="9"/></w:num></w:numbering>`
	o := newOwnLists(nil, []byte(numbering))
	if got := o.twin("5"); got != "7" {
		t.Fatalf("twin of list 5 is %s, want the next free id 7", got)
	}
	o.twin("6")
	out := string(o.apply([]byte(numbering)))
	for _, want := range []string{
		`<w:abstractNum w15:restartNumberingAfterBreak="0" w:abstractNumId="4"><w:lvl w:ilvl="0">`, // the copy, without the nsid
		`<w:num w:numId="7"><w:abstractNumId w:val="4"/></w:num>`,
		`<w:num w:numId="8"><w:abstractNumId w:val="9"/><w:lvlOverride w:ilvl="0">`,
	} {
		if !strings.Contains(out, want) {
			t.Errorf("missing %s in\n%s", want, out)
		}
	}
	if strings.Index(out, `w:abstractNumId="4"`) > strings.Index(out, "<w:num ") {
		t.Errorf("the copied abstract numbering must come before the lists:\n%s", out)
	}
}
