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
// «สองวรรคก่อน», «hai khoản trên» …): the numbered documents cite by number instead.
var relative = []string{
	"前項", "前二項", "前条", "前款", "前两款",
	"preceding paragraph", "preceding two paragraphs", "preceding Article", "preceding clause",
	"วรรคก่อน", "ข้อก่อน", "khoản trên", "điều liền trước", "ayat sebelumnya", "pasal sebelumnya",
	"vorstehenden Absatz", "vorstehenden Absätzen", "vorstehenden Paragraphen",
}

var numberedDocs = []string{"labour-clause", "noncompete", "nda-employee", "exit-pledge", "nda-partner", "classification-guide", "regulations"}

// TestNumberedDocumentsCiteByNumber: in every jurisdiction and language the numbered
// documents carry no relative reference and no unresolved reference mark.
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
				for _, rel := range relative {
					if strings.Contains(body, rel) {
						t.Errorf("%s %s %s: relative reference %q", doc, jur, l, rel)
					}
				}
				if strings.ContainsAny(body, "\uE002\uE003") {
					t.Errorf("%s %s %s: an unresolved reference mark", doc, jur, l)
				}
			}
		}
	}
}

var (
	jaArticle = regexp.MustCompile(`^第(\d+)条`)
	jaPara    = regexp.MustCompile(`^(\d+)　`)
	jaCite    = regexp.MustCompile(`第(\d+)条第(\d+)項`)
)

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
			cites := jaCite.FindAllStringSubmatch(para, -1)
			if len(cites) != len(want) {
				t.Fatalf("noncompete %s: %s cites %v, want %d places", nc, place, cites, len(want))
			}
			if len(want) == 2 {
				injunctionArticle[nc], _ = strconv.Atoi(cites[0][1])
			}
			for i, c := range cites {
				target := places[c[1]+"."+c[2]]
				if !strings.HasPrefix(target, want[i]) {
					t.Errorf("noncompete %s: %s cites %s, which reads %.30q, not %.30q", nc, place, c[0], target, want[i])
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
