package render

import (
	"regexp"
	"strings"
	"testing"

	"github.com/tsdraft/tsdraft/internal/catalog"
	"github.com/tsdraft/tsdraft/internal/docx"
	"github.com/tsdraft/tsdraft/internal/profile"
)

var (
	footerCell  = regexp.MustCompile(`(?s)<w:tc>.*?</w:tc>`)
	footerText  = regexp.MustCompile(`<w:t(?: [^>]*)?>([^<]*)</w:t>`)
	footerInstr = regexp.MustCompile(`<w:instrText[^>]*>([^<]*)</w:instrText>`)
)

// footerOf renders a document and returns the text of its footer's cells (left, centre, right;
// field results as written) and its field instructions.
func footerOf(t *testing.T, r *Renderer, req Request) (cells []string, instr []string) {
	t.Helper()
	_, b := renderDump(t, r, req)
	pkg, err := docx.Open("out.docx", b)
	if err != nil {
		t.Fatal(err)
	}
	parts := pkg.PartsMatching(func(n string) bool { return strings.HasPrefix(n, "word/footer") && strings.HasSuffix(n, ".xml") })
	if len(parts) == 0 {
		t.Fatalf("%s: no footer part", req.Doc)
	}
	for _, part := range parts {
		x, err := pkg.Read(part)
		if err != nil {
			t.Fatal(err)
		}
		for _, tc := range footerCell.FindAllString(string(x), -1) {
			var sb strings.Builder
			for _, m := range footerText.FindAllStringSubmatch(tc, -1) {
				sb.WriteString(m[1])
			}
			cells = append(cells, sb.String())
		}
		for _, m := range footerInstr.FindAllStringSubmatch(string(x), -1) {
			instr = append(instr, strings.TrimSpace(m[1]))
		}
	}
	return cells, instr
}

// TestFooterNumberNoticeAndPages builds every document of every jurisdiction, in each of its
// languages and bilingual, and reads the footer back (review 2026-12 A.14): the company's own
// number when the profile gives one ([documents.<doc>] id) and nothing in its place
// otherwise, never the tool's document ID; the copy notice and "page X of Y" with Word's PAGE
// and NUMPAGES fields, in the first language only.
func TestFooterNumberNoticeAndPages(t *testing.T) {
	r := testRenderer(t)
	for _, jur := range profile.Jurisdictions {
		numbered := sample(t, jur, `documents.nda-partner.id="LEG-NDA-014"`, `documents.exit-pledge.id="人事-様式-第12号"`)
		bare := sample(t, jur)
		var langSets [][]string
		for _, l := range catalog.JurLanguages(jur) {
			langSets = append(langSets, []string{l})
		}
		langSets = append(langSets, bare.Languages)
		for _, langs := range langSets {
			for _, d := range Documents {
				name := d.ID + " " + jur + " " + strings.Join(langs, "+")
				first := langs[0]
				page := catalogText2(t, r, first, jur, "common.footer_page")
				pageText := strings.NewReplacer("{{ page }}", "1", "{{ pages }}", "1").Replace(page)
				for _, p := range []*profile.Profile{numbered, bare} {
					cells, instr := footerOf(t, r, Request{Doc: d.ID, Profile: p, Langs: langs, Layout: p.Layout})
					want := []string{p.Documents[d.ID].Number, footerCentre(t, r, p, d.ID, first), pageText}
					got := strings.Join(cells, "|")
					if got != strings.Join(want, "|") {
						t.Errorf("%s: footer cells %q, want %q", name, cells, want)
					}
					if strings.Join(instr, ",") != "PAGE,NUMPAGES" {
						t.Errorf("%s: footer fields %q, want PAGE then NUMPAGES", name, instr)
					}
					if strings.Contains(got, d.ID) || strings.Contains(got, "v"+DocVersion) {
						t.Errorf("%s: footer prints the tool's document ID: %q", name, got)
					}
				}
			}
		}
	}
}

// footerCentre is what the footer's centre cell must print: the copy notice, except on a
// document at the lowest of two or more levels, where the classification guide permits copying
// (copy_lowest, marking_footer) and the footer prints the level's label alone, as the header
// marks it (the local label where staff read it, else the first language's).
func footerCentre(t *testing.T, r *Renderer, p *profile.Profile, doc, first string) string {
	t.Helper()
	levels := p.Confidential.Levels
	if len(levels) < 2 || p.DocLevel(doc) != levels[len(levels)-1].ID {
		return catalogText(t, r, first, p.Jurisdiction, "common.footer_copy")
	}
	lang := first
	if l := localLang(p.Jurisdiction); l != "" {
		lang = l
	}
	s, ok := levels[len(levels)-1].Label.In(lang)
	if !ok || s == "" {
		t.Fatalf("%s %s: the lowest level has no %s label", p.Jurisdiction, doc, lang)
	}
	return s
}

// TestFooterCopyNoticeByLevel: the copy notice follows the document's level, set by the
// document's type or by [documents.<doc>] level (practitioner audits: a copy ban on 社外秘 /
// Internal papers contradicts the guide, which lets staff copy them for their work).
func TestFooterCopyNoticeByLevel(t *testing.T) {
	r := testRenderer(t)
	for _, c := range []struct {
		jur, doc string
		langs    []string
		sets     []string
		centre   string
	}{
		{"JP", "regulations", []string{"ja"}, nil, "社外秘"},
		{"JP", "classification-guide", []string{"en", "ja"}, nil, "Internal"},
		{"JP", "regulations", []string{"ja"}, []string{`documents.regulations.level=L2`}, "無断複製・転送禁止"},
		{"JP", "nda-partner", []string{"ja"}, nil, "無断複製・転送禁止"},
		{"JP", "nda-partner", []string{"ja"}, []string{`documents.nda-partner.level=L3`}, "社外秘"},
		{"JP", "secret-register", []string{"ja"}, nil, "無断複製・転送禁止"},
		{"CN", "classification-guide", []string{"ja"}, nil, "内部"},
		{"CN", "regulations", []string{"zh-CN"}, []string{`documents.regulations.level=L1`}, "未经许可，禁止复制、转发"},
		{"DE", "exit-pledge", []string{"de"}, []string{`documents.exit-pledge.level=L3`}, "Intern"},
		{"UK", "regulations", []string{"en"}, nil, "Internal"},
	} {
		p := sample(t, c.jur, c.sets...)
		cells, _ := footerOf(t, r, Request{Doc: c.doc, Profile: p, Langs: c.langs, Layout: p.Layout})
		if len(cells) != 3 || cells[1] != c.centre {
			t.Errorf("%s %s %v %v: footer cells %q, want %q in the centre", c.jur, c.doc, c.langs, c.sets, cells, c.centre)
		}
	}
}

// TestFooterPageText: the page text is split at its two tags in either order; a text without
// them, or with another tag, is refused (it is not rendered as a template).
func TestFooterPageText(t *testing.T) {
	cases := []struct {
		text, want, err string
	}{
		{"Page {{ page }} of {{ pages }}", `<w:t xml:space="preserve">Page </w:t>{PAGE}<w:t xml:space="preserve"> of </w:t>{NUMPAGES}`, ""},
		{"第{{ page }}页，共{{ pages }}页", `<w:t xml:space="preserve">第</w:t>{PAGE}<w:t xml:space="preserve">页，共</w:t>{NUMPAGES}<w:t xml:space="preserve">页</w:t>`, ""},
		{"共{{ pages }}页 第{{ page }}页", `<w:t xml:space="preserve">共</w:t>{NUMPAGES}<w:t xml:space="preserve">页 第</w:t>{PAGE}<w:t xml:space="preserve">页</w:t>`, ""},
		{"{{ page }} & {{ pages }}", `{PAGE}<w:t xml:space="preserve"> &amp; </w:t>{NUMPAGES}`, ""},
		{"Page {{ page }}", "", "must hold"},
		{"{{ page }}/{{ pages }} {{ page }}", "", "must hold"},
		{"{{ page }} of {{ pages }} {{ company.name }}", "", "may hold only"},
	}
	field := regexp.MustCompile(`<w:fldChar w:fldCharType="begin"/><w:instrText xml:space="preserve"> (\w+) </w:instrText><w:fldChar w:fldCharType="separate"/><w:t>1</w:t><w:fldChar w:fldCharType="end"/>`)
	for _, c := range cases {
		p, err := newPageOf("xx", c.text)
		if c.err != "" {
			if err == nil || !strings.Contains(err.Error(), c.err) || !strings.Contains(err.Error(), "common.footer_page") {
				t.Errorf("%q: error %v, want %q naming the key", c.text, err, c.err)
			}
			continue
		}
		if err != nil {
			t.Fatalf("%q: %v", c.text, err)
		}
		x, _ := p.RunXML(nil)
		if got := field.ReplaceAllString(x, "{$1}"); got != c.want {
			t.Errorf("%q:\n got %s\nwant %s", c.text, got, c.want)
		}
	}
}
