package render

import (
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/tsdraft/tsdraft/internal/docxtext"
	"github.com/tsdraft/tsdraft/internal/profile"
)

// relative are the relative references the review found (「前項」, "the preceding paragraph",
// «สองวรรคก่อน», «hai khoản trên» …) in unnumbered text. A text never writes one by hand: it
// cites by ref, and the numbering words a place of the same article as natives do
// (numbering.cite_para_prev: 前項, 前款; cite_paras_prev: 前2項, 前两款), computed from the
// numbers, so it stays right when a condition leaves a paragraph out.
var relative = []string{
	"前項", "前二項", "前2項", "前条", "前款", "前两款",
	"preceding paragraph", "preceding two paragraphs", "preceding Article", "preceding clause",
	"วรรคก่อน", "ข้อก่อน", "khoản trên", "điều liền trước", "ayat sebelumnya", "pasal sebelumnya",
	"vorstehenden Absatz", "vorstehenden Absätzen", "vorstehenden Paragraphen",
}

var numberedDocs = []string{"labour-clause", "noncompete", "nda-employee", "exit-pledge", "nda-partner", "classification-guide", "regulations"}

// TestNoHandWrittenRelativeReference: no locale text but the numbering's own words holds a
// relative reference.
func TestNoHandWrittenRelativeReference(t *testing.T) {
	r := testRenderer(t)
	n := 0
	for ref, e := range r.Catalog.All() {
		n++
		if strings.HasPrefix(ref.Key, "numbering.") || strings.Contains(ref.Key, ".note_") || strings.Contains(ref.Key, ".open_") {
			continue
		}
		for _, rel := range relative {
			if strings.Contains(e.Text, rel) {
				t.Errorf("%s (%s): a relative reference %q written by hand; cite with {{ ref }}", ref.ID(), ref.Lang, rel)
			}
		}
	}
	if n == 0 {
		t.Fatal("no locale text loaded")
	}
}

// TestNumberedDocumentsCiteByNumber: in every jurisdiction and language the numbered
// documents carry no unresolved reference mark, and a relative form the numbering wrote
// (前項, 前2項 …) stands only in a paragraph that follows the paragraphs it cites.
func TestNumberedDocumentsCiteByNumber(t *testing.T) {
	r := testRenderer(t)
	for _, jur := range profile.Jurisdictions {
		p := sample(t, jur)
		for _, doc := range numberedDocs {
			for _, l := range append([]string{}, p.Languages...) {
				outs, err := r.Render(Request{Doc: doc, Profile: p, Langs: []string{l}})
				if err != nil {
					t.Fatal(err)
				}
				body := partText(t, outs[0].Package, "word/document.xml")
				if strings.ContainsAny(body, "\uE002\uE003") {
					t.Errorf("%s %s %s: an unresolved reference mark", doc, jur, l)
				}
				if l != "ja" {
					continue
				}
				dump, err := docxtext.Dump(outs[0].Package)
				if err != nil {
					t.Fatal(err)
				}
				places := jaPlaces(dump)
				for place, para := range places {
					for _, c := range jaCites(place, para, true) {
						if c == place || places[c] == "" {
							t.Errorf("%s %s: paragraph %s cites %s, which is itself or no numbered paragraph: %s", doc, jur, place, c, para)
						}
					}
				}
			}
		}
	}
}

var (
	jaArticle = regexp.MustCompile(`^第(\d+)条`)
	jaPara    = regexp.MustCompile(`^(\d+)　`)
	// jaCite finds the citations of paragraphs in a Japanese paragraph, in the forms the
	// numbering writes: 第3条第1項(及び第2項), 前2項, 前項, 第1項(及び第2項) of the same article.
	jaCite = regexp.MustCompile(`第(\d+)条第(\d+)項(?:及び第(\d+)項)?|前(\d+)項|前項|第(\d+)項(?:及び第(\d+)項)?`)
)

// jaCites returns the places ("article.paragraph") a paragraph at place cites, in order;
// relOnly: only those of the relative forms 前項 and 前2項.
func jaCites(place, para string, relOnly bool) []string {
	a, p, _ := strings.Cut(place, ".")
	here, _ := strconv.Atoi(p)
	var out []string
	for _, m := range jaCite.FindAllStringSubmatch(para, -1) {
		if relOnly && !strings.HasPrefix(m[0], "前") {
			continue
		}
		switch {
		case m[1] != "":
			out = append(out, m[1]+"."+m[2])
			if m[3] != "" {
				out = append(out, m[1]+"."+m[3])
			}
		case m[4] != "":
			k, _ := strconv.Atoi(m[4])
			for i := here - k; i < here; i++ {
				out = append(out, a+"."+strconv.Itoa(i))
			}
		case m[0] == "前項":
			out = append(out, a+"."+strconv.Itoa(here-1))
		default:
			out = append(out, a+"."+m[5])
			if m[6] != "" {
				out = append(out, a+"."+m[6])
			}
		}
	}
	return out
}

// jaPlaces maps "article.paragraph" to the paragraph's text in a Japanese dump.
func jaPlaces(dump string) map[string]string {
	places := map[string]string{}
	art := 0
	for _, line := range strings.Split(dump, "\n") {
		if m := jaArticle.FindStringSubmatch(line); m != nil {
			art, _ = strconv.Atoi(m[1])
			continue
		}
		if m := jaPara.FindStringSubmatch(line); m != nil && art > 0 {
			places[strconv.Itoa(art)+"."+m[1]] = strings.TrimPrefix(line, m[0])
		}
	}
	return places
}

// TestReferencesFollowConditionalParagraphs: the labour clause's injunction paragraph cites the
// discipline and damages paragraphs, and the compensation paragraph cites the non-compete
// duty; the citations point at those paragraphs whether the non-compete article (which comes
// before the breach article) is in the document or not.
func TestReferencesFollowConditionalParagraphs(t *testing.T) {
	r := testRenderer(t)
	text := func(key string) string {
		s, err := r.Catalog.Text("ja", "JP", key)
		if err != nil {
			t.Fatal(err)
		}
		return s[:24] // the first eight characters identify the paragraph
	}
	discipline, damages, duty := text("labour-clause.breach_discipline"), text("labour-clause.breach_damages"), text("labour-clause.nc_duty")
	injunctionArticle := map[string]int{}
	for _, nc := range []string{"true", "false"} {
		p := sample(t, "JP", "noncompete.enabled="+nc)
		outs, err := r.Render(Request{Doc: "labour-clause", Profile: p, Langs: []string{"ja"}})
		if err != nil {
			t.Fatal(err)
		}
		dump, err := docxtext.Dump(outs[0].Package)
		if err != nil {
			t.Fatal(err)
		}
		places := jaPlaces(dump)
		checked := 0
		for place, para := range places {
			var want []string
			switch {
			case strings.Contains(para, "に定めるほか、法令に基づき、違反行為の差止め"):
				want = []string{discipline, damages}
			case strings.Contains(para, "の競業避止義務の代償として"):
				want = []string{duty}
			default:
				continue
			}
			cites := jaCites(place, para, false)
			if len(cites) != len(want) {
				t.Fatalf("noncompete %s: %s cites %v, want %d places: %s", nc, place, cites, len(want), para)
			}
			if len(want) == 2 {
				a, _, _ := strings.Cut(cites[0], ".")
				injunctionArticle[nc], _ = strconv.Atoi(a)
			}
			for i, c := range cites {
				target := places[c]
				if !strings.HasPrefix(target, want[i]) {
					t.Errorf("noncompete %s: %s cites %s, which reads %.30q, not %.30q", nc, place, c, target, want[i])
				}
			}
			checked++
		}
		if checked == 0 {
			t.Fatalf("noncompete %s: no citing paragraph found in\n%s", nc, dump)
		}
	}
	// The non-compete article comes before the breach article. With the non-compete off an
	// article of its own states that none applies (review 2026-12 A.1), so the breach article
	// keeps its number; the citations above were checked against the text they point at.
	if injunctionArticle["true"] == 0 || injunctionArticle["true"] != injunctionArticle["false"] {
		t.Errorf("the injunction cites article %d with the non-compete and %d without it", injunctionArticle["true"], injunctionArticle["false"])
	}
}
