package render

import (
	"strings"
	"testing"

	"github.com/tsdraft/tsdraft/internal/profile"
)

func headerMark(t *testing.T, dump string) string {
	t.Helper()
	lines := strings.Split(dump, "\n")
	for i, l := range lines {
		if l != "[header1]" {
			continue
		}
		// The shipped header is one row: company name | mark (and an empty closing paragraph).
		var content []string
		for _, h := range lines[i+1:] {
			if h == "[/header1]" {
				break
			}
			if strings.TrimSpace(h) != "" {
				content = append(content, h)
			}
		}
		if len(content) != 1 {
			t.Fatalf("the header has %d lines, want one:\n%s", len(content), strings.Join(content, "\n"))
		}
		cells := strings.Split(strings.Trim(content[0], "| "), " | ")
		if len(cells) != 2 {
			t.Fatalf("the header has %d cells, want company name | mark: %s", len(cells), content[0])
		}
		return cells[1]
	}
	t.Fatal("no header in the dump")
	return ""
}

// TestDocumentDates: the entry pledge is dated at hiring, the exit pledge on the exit date (or
// the profile date when later), agreements at the profile date; [documents.<doc>] date wins.
// Every jurisdiction, in Japanese (one date format to compare).
func TestDocumentDates(t *testing.T) {
	r := testRenderer(t)
	cases := []struct {
		doc, want string
		sets      []string
	}{
		{"nda-employee", "2019年4月1日", nil},
		{"exit-pledge", "2026年4月30日", nil},
		{"exit-pledge", "2026年5月20日", []string{"date=2026-05-20"}},
		{"exit-pledge", "2026年5月15日", []string{"documents.exit-pledge.date=2026-05-15"}},
		{"nda-employee", "2026年3月2日", []string{"documents.nda-employee.date=2026-03-02"}},
		{"nda-partner", "2026年4月1日", nil},
		{"labour-clause", "2026年4月1日", nil},
	}
	for _, jur := range profile.Jurisdictions {
		for _, c := range cases {
			sets := append([]string{"date=2026-04-01", "employee.hire_date=2019-04-01", "employee.exit_date=2026-04-30"}, c.sets...)
			p := sample(t, jur, sets...)
			got, _ := renderDump(t, r, Request{Doc: c.doc, Profile: p, Langs: []string{"ja"}})
			line := ""
			for _, l := range strings.Split(got, "\n") {
				if strings.HasPrefix(l, "日付：") && line == "" {
					line = l
				}
			}
			if line != "日付："+c.want {
				t.Errorf("%s %s %v: date line %q, want 日付：%s", c.doc, jur, c.sets, line, c.want)
			}
		}
	}
}

// TestDocumentLevels: the header carries one mark: the register at the top level, regulations
// and guide at the lowest, NDAs and pledges at the middle; [documents.<doc>] level wins; in CN,
// TH, VN and ID the mark is the local label, and the Japanese text names it with its Japanese
// equivalent.
func TestDocumentLevels(t *testing.T) {
	r := testRenderer(t)
	for _, jur := range profile.Jurisdictions {
		p := sample(t, jur)
		over := sample(t, jur, `documents.nda-partner.level="L1"`, `documents.regulations.level="L2"`)
		markLang := p.Languages[0]
		if l := localLang(jur); l != "" {
			markLang = l
		}
		label := func(i int, lang string) string {
			s, _ := p.Confidential.Levels[i].Label.In(lang)
			return s
		}
		cases := []struct {
			doc   string
			p     *profile.Profile
			level int
		}{
			{"secret-register", p, 0}, {"regulations", p, 2}, {"classification-guide", p, 2},
			{"nda-employee", p, 1}, {"nda-partner", p, 1}, {"exit-pledge", p, 1},
			{"nda-partner", over, 0}, {"regulations", over, 1},
		}
		for _, c := range cases {
			got, _ := renderDump(t, r, Request{Doc: c.doc, Profile: c.p, Langs: p.Languages, Layout: Interleave})
			if m := headerMark(t, got); m != label(c.level, markLang) {
				t.Errorf("%s %s: header mark %q, want %q", c.doc, jur, m, label(c.level, markLang))
			}
		}
		// The Japanese text of a CN/TH/VN/ID guide names each local label with its equivalent.
		got, _ := renderDump(t, r, Request{Doc: "classification-guide", Profile: p, Langs: []string{"ja"}})
		want := label(0, "ja")
		if l := localLang(jur); l != "" {
			want = label(0, l) + "（" + label(0, "ja") + "に相当）"
		}
		if !strings.Contains(got, want) {
			t.Errorf("classification-guide %s ja: no %q", jur, want)
		}
	}
}

// TestUnpaidNoncompeteHasNoPaymentWording: an unpaid covenant (the normal English position)
// builds, and none of the non-compete documents speaks of compensation (review B).
func TestUnpaidNoncompeteHasNoPaymentWording(t *testing.T) {
	r := testRenderer(t)
	// uk.consideration_amount=0: the fresh-consideration payment for signing (a different payment)
	// is left out, so that any payment wording left would be the covenant's.
	p := sample(t, "UK", `noncompete={ enabled = true, months = 6, territory = "England", scope = "gearbox design", roles = ["Head of Engineering"] }`, "uk.consideration_amount=0")
	paid := sample(t, "UK", "noncompete.compensation_percent=50")
	for _, doc := range []string{"noncompete", "labour-clause", "exit-pledge"} {
		got, _ := renderDump(t, r, Request{Doc: doc, Profile: p, Langs: []string{"en"}})
		for _, l := range strings.Split(got, "\n") {
			if paymentWording(l) {
				t.Errorf("%s UK unpaid: payment wording: %s", doc, l)
			}
		}
		got, _ = renderDump(t, r, Request{Doc: doc, Profile: paid, Langs: []string{"en"}})
		if !paymentWording(got) {
			t.Errorf("%s UK paid: no payment wording", doc)
		}
	}
}

// TestCourtDefaultIsACourt: a JP partner NDA with method = "court" and no institution names the
// Tokyo District Court, never the arbitral default (review B).
func TestCourtDefaultIsACourt(t *testing.T) {
	r := testRenderer(t)
	p := sample(t, "JP", `dispute={ method = "court", governing_law = "日本法" }`)
	got, _ := renderDump(t, r, Request{Doc: "nda-partner", Profile: p, Langs: []string{"ja"}})
	mustContain(t, "nda-partner JP court", got, "東京地方裁判所を第一審の専属的合意管轄裁判所とする")
	mustNotContain(t, "nda-partner JP court", got, "日本商事仲裁協会")
}

// paymentWording tells whether English text speaks of paying for a restriction: "compensation"
// in the civil-law covenants, "shall pay" / "payment" in the English one.
func paymentWording(text string) bool {
	l := strings.ToLower(text)
	return strings.Contains(l, "compensation") || strings.Contains(l, "shall pay") || strings.Contains(l, "payment")
}
