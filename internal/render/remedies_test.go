package render

import (
	"strings"
	"testing"

	"github.com/tsdraft/tsdraft/internal/docx"
	"github.com/tsdraft/tsdraft/internal/docxtext"
)

// Remedies each law allows (issue 10; review 2026-12 C): a contractual penalty only where it is
// chosen and lawful, employee liability as the law has it, and a post-employment duty sized to
// what the law allows. Each case renders real DOCX files and reads their text back.

var employeeDocs = []string{"nda-employee", "labour-clause", "exit-pledge", "noncompete"}

// penaltyMark is what only the penalty clause prints, per jurisdiction and language.
var penaltyMark = map[string]map[string]string{
	"TH": {"th": "เบี้ยปรับ", "ja": "違約金を会社に支払う", "en": "a penalty (เบี้ยปรับ)"},
	"VN": {"vi": "khoản phạt vi phạm", "ja": "違約罰（phạt vi phạm）", "en": "penalty for breach (phạt vi phạm)"},
	"ID": {"id": "wajib membayar denda", "ja": "違約金（denda）", "en": "a fine (denda)"},
	"DE": {"de": "Vertragsstrafe", "ja": "違約罰（Vertragsstrafe）", "en": "contractual penalty (Vertragsstrafe)"},
}

// The penalty is drafted in every employee document of the jurisdictions that allow it when
// remedies.penalty is on, and nowhere when it is off; damages beyond it stay claimable.
func TestPenaltyFollowsSetting(t *testing.T) {
	for jur, marks := range penaltyMark {
		for _, lang := range jurLangs[jur] {
			for _, doc := range employeeDocs {
				what := doc + " " + jur + " " + lang
				off := renderText(t, jur, doc, lang, "noncompete.enabled=true")
				mustNotContain(t, what+" penalty off", off, marks[lang])
				on := renderText(t, jur, doc, lang, "noncompete.enabled=true", "remedies.penalty=true")
				mustContain(t, what+" penalty on", on, marks[lang])
				// One paragraph; the labour clauses add a second to their non-compete article (not
				// in VN, whose covenant is the separate agreement).
				added := 1
				if doc == "labour-clause" && jur != "VN" {
					added = 2
				}
				if n := len(strings.Split(on, "\n")) - len(strings.Split(off, "\n")); n != added {
					t.Errorf("%s: the penalty added %d paragraphs, want %d", what, n, added)
				}
			}
		}
	}
	// The labour clauses' non-compete article carries the non-compete penalty only with a non-compete.
	lc := renderText(t, "DE", "labour-clause", "de", "noncompete.enabled=true", "remedies.penalty=true")
	mustContain(t, "labour-clause DE de", lc, "gegen das Wettbewerbsverbot nach diesen Bestimmungen")
	lcOff := renderText(t, "DE", "labour-clause", "de", "noncompete.enabled=false", "remedies.penalty=true")
	mustNotContain(t, "labour-clause DE de without a non-compete", lcOff, "Wettbewerbsverbot nach diesen Bestimmungen")
	// VN: penalty and compensation both (Civil Code Art. 418: otherwise the penalty only).
	vn := renderText(t, "VN", "labour-clause", "vi", "remedies.penalty=true")
	mustContain(t, "labour-clause VN vi", vn, "đồng thời phải bồi thường thiệt hại")
	// The trigger is disclosure or misuse of the two highest levels and the register, not any breach.
	th := renderText(t, "TH", "nda-employee", "en", "remedies.penalty=true")
	mustContain(t, "nda-employee TH en", th, "classified “Strictly Confidential” or “Confidential” or information recorded in the Register of Confidential Information")
}

// The pledges speak in the first person, the contracts in the third.
func TestPenaltyPerson(t *testing.T) {
	for _, c := range []struct{ jur, doc, lang, want, ban string }{
		{"DE", "nda-employee", "de", "von mir schuldhaft", "vom Arbeitnehmer"},
		{"DE", "exit-pledge", "de", "zahle ich der Gesellschaft", "zahlt der Arbeitnehmer"},
		{"DE", "labour-clause", "de", "vom Arbeitnehmer schuldhaft", "von mir"},
		{"TH", "nda-employee", "th", "หากข้าพเจ้าฝ่าฝืน", "หากลูกจ้างฝ่าฝืนหนังสือ"},
		{"TH", "labour-clause", "ja", "従業員は、違反1件ごとに", "私は、違反1件ごとに"},
		{"VN", "exit-pledge", "vi", "Nếu tôi vi phạm", "Nếu Người lao động vi phạm Bản"},
		{"ID", "nda-employee", "id", "untuk setiap pelanggaran saya wajib membayar denda", "Karyawan wajib membayar denda"},
		{"ID", "labour-clause", "en", "by the Employee, the Employee shall pay", "by me"},
	} {
		got := renderText(t, c.jur, c.doc, c.lang, "remedies.penalty=true")
		what := c.doc + " " + c.jur + " " + c.lang
		mustContain(t, what, got, c.want)
		mustNotContain(t, what, got, c.ban)
	}
}

// The amount follows remedies.penalty_months, in each language's words and number format.
func TestPenaltyAmount(t *testing.T) {
	for _, c := range []struct {
		jur, doc, lang, months string
		want                   []string
	}{
		{"DE", "labour-clause", "de", "1", []string{"in Höhe einer Bruttomonatsvergütung", "nur einmal verwirkt", "auf ihn angerechnet"}},
		{"DE", "labour-clause", "de", "0.5", []string{"in Höhe des 0,5-Fachen der Bruttomonatsvergütung"}},
		{"DE", "noncompete", "en", "1", []string{"equal to one month’s gross remuneration", "A continuing breach incurs the penalty only once"}},
		{"DE", "nda-employee", "ja", "0.5", []string{"月額総報酬の0.5か月分"}},
		{"TH", "noncompete", "th", "2", []string{"ค่าจ้างรายเดือน 2 เดือน"}},
		{"TH", "exit-pledge", "en", "1", []string{"equal to one month’s wages"}},
		{"VN", "noncompete", "vi", "1", []string{"bằng 01 tháng tiền lương"}},
		{"VN", "noncompete", "vi", "3", []string{"bằng 3 tháng tiền lương"}},
		{"ID", "exit-pledge", "id", "1", []string{"sebesar 1 (satu) kali upah sebulan"}},
		{"ID", "labour-clause", "ja", "2", []string{"月額賃金の2か月分"}},
	} {
		got := renderText(t, c.jur, c.doc, c.lang, "noncompete.enabled=true", "remedies.penalty=true", "remedies.penalty_months="+c.months)
		mustContain(t, c.doc+" "+c.jur+" "+c.lang+" "+c.months, got, c.want...)
	}
}

// JP documents claim actual loss only (労働基準法第16条); the CN covenant keeps its 违约金
// (劳动合同法 第23条) and the CN confidentiality documents have none.
func TestNoPenaltyWhereTheLawForbidsIt(t *testing.T) {
	for _, lang := range jurLangs["JP"] {
		for _, doc := range employeeDocs {
			got := renderText(t, "JP", doc, lang, "noncompete.enabled=true")
			what := doc + " JP " + lang
			mustNotContain(t, what, got, "違約金", "違約罰", "penalty", "liquidated damages")
			mustContain(t, what, got, map[string]string{"ja": "損害", "en": "loss"}[lang])
		}
	}
	for _, doc := range []string{"nda-employee", "labour-clause", "exit-pledge"} {
		got := renderText(t, "CN", doc, "zh-CN", "noncompete.enabled=false")
		mustNotContain(t, doc+" CN zh-CN", got, "违约金")
	}
	cn := renderText(t, "CN", "noncompete", "zh-CN", "noncompete.enabled=true")
	mustContain(t, "noncompete CN zh-CN", cn, "违约金")
	// UK has no penalty text at all: the check refuses the setting (UK-REM-001), and a render
	// that got past it would fail rather than drop the clause. An EU profile under German law
	// (the sample) is drafted with the DE texts, Vertragsstrafe included.
	for _, jur := range []string{"UK", "JP", "CN"} {
		r := testRenderer(t)
		p := sample(t, jur, "remedies.penalty=true")
		if _, err := r.Render(Request{Doc: "nda-employee", Profile: p, Langs: p.Languages[:1]}); err == nil {
			t.Errorf("%s: a penalty was asked for and the entry pledge rendered without one", jur)
		}
	}
	eu := renderText(t, "EU", "nda-employee", "de", "remedies.penalty=true")
	mustContain(t, "nda-employee EU (German law) de", eu, "Vertragsstrafe")
}

// Employee liability as each law has it: strict in English contract law, restricted employee
// liability in German law; no "intentionally or negligently" carried over from 故意又は過失.
func TestEmployeeLiability(t *testing.T) {
	for _, lang := range jurLangs["UK"] {
		for _, doc := range employeeDocs {
			got := renderText(t, "UK", doc, lang, "noncompete.enabled=true")
			mustNotContain(t, doc+" UK "+lang, got, "intentionally or negligently", "negligen", "故意又は過失")
		}
	}
	uk := renderText(t, "UK", "labour-clause", "en")
	mustContain(t, "labour-clause UK en", uk, "the Employee shall compensate the Company for any loss caused by the breach")
	for lang, want := range map[string]string{
		"de": "nach den Grundsätzen der beschränkten Arbeitnehmerhaftung (innerbetrieblicher Schadensausgleich); § 619a BGB bleibt unberührt",
		"ja": "労働者の責任制限の原則",
		"en": "the principles of restricted employee liability",
	} {
		got := renderText(t, "DE", "labour-clause", lang)
		mustContain(t, "labour-clause DE "+lang, got, want)
		mustNotContain(t, "labour-clause DE "+lang, got, "vorsätzlich oder fahrlässig", "故意又は過失", "intentionally or negligently")
	}
	// An EU profile under German law (the sample) is drafted with the DE texts.
	for lang, want := range map[string]string{
		"de": "nach den Grundsätzen der beschränkten Arbeitnehmerhaftung", "ja": "労働者の責任制限の原則",
	} {
		got := renderText(t, "EU", "labour-clause", lang)
		mustContain(t, "labour-clause EU "+lang, got, want)
	}
}

// Post-employment confidentiality: the two highest levels and the register where catch-all
// clauses are void (DE, UK, EU); every level, said so, elsewhere.
func TestPostEmploymentScope(t *testing.T) {
	every := map[string]string{
		"ja": "機密区分の別", "en": "whatever its classification level", "zh-CN": "不论其保密等级",
		"th": "ไม่ว่าจะอยู่ในระดับชั้นความลับของบริษัทระดับใด", "vi": "không phân biệt cấp độ bảo mật",
		"id": "apa pun tingkat kerahasiaannya", "de": "gleich welcher Vertraulichkeitsstufe",
	}
	limited := map[string]map[string][]string{
		"DE": {"de": {"nur für vertrauliche Informationen der Vertraulichkeitsstufen „Streng vertraulich“ und „Vertraulich“", "im Verzeichnis vertraulicher Informationen erfassten", "Vertraulichkeitsstufe „Intern“", "Tätigkeit für Kunden"},
			"ja": {"機密区分「極秘」又は「秘」に指定された秘密情報及び秘密情報管理台帳に登録された情報に限り", "機密区分「社外秘」"},
			"en": {"applies only to Confidential Information classified “Strictly Confidential” or “Confidential”", "Information classified “Internal”"}},
		"UK": {"en": {"apply only to Confidential Information classified “Strictly Confidential” or “Confidential”", "recorded in the Register of Confidential Information", "Information classified “Internal”", "prevents dealing with or working for customers"},
			"ja": {"機密区分「極秘」又は「秘」", "機密区分「社外秘」"}},
	}
	limited["EU"] = limited["DE"] // the EU sample chooses German law: drafted with the DE texts
	for jur, langs := range jurLangs {
		for _, lang := range langs {
			for _, doc := range []string{"nda-employee", "labour-clause", "exit-pledge"} {
				got := renderText(t, jur, doc, lang)
				what := doc + " " + jur + " " + lang
				if l, ok := limited[jur]; ok {
					mustContain(t, what, got, l[lang]...)
					mustNotContain(t, what, got, every[lang])
				} else {
					mustContain(t, what, got, every[lang])
				}
			}
		}
	}
	// The German proviso for a non-compete appears only with one.
	off := renderText(t, "DE", "nda-employee", "de", "noncompete.enabled=false")
	on := renderText(t, "DE", "nda-employee", "de", "noncompete.enabled=true")
	mustNotContain(t, "nda-employee DE de off", off, "§§ 74 ff. HGB")
	mustContain(t, "nda-employee DE de on", on, "soweit nicht ein nach §§ 74 ff. HGB vereinbartes Wettbewerbsverbot sie beschränkt")
	// Levels come from the profile, by rank: relabelled levels are named as relabelled.
	re := renderText(t, "UK", "exit-pledge", "en", `confidential.levels.0.label="Restricted"`, `confidential.levels.2.label="Company Use"`)
	mustContain(t, "exit-pledge UK relabelled", re, "classified “Restricted” or “Confidential”", "Information classified “Company Use”")
}

// The penalty is drafted in both languages of every bilingual layout (the separate layout: in
// each file).
func TestPenaltyBilingualLayouts(t *testing.T) {
	r := testRenderer(t)
	for jur, marks := range penaltyMark {
		p := sample(t, jur, "noncompete.enabled=true", "remedies.penalty=true")
		for _, layout := range []string{Interleave, Columns, Separate} {
			outs, err := r.Render(Request{Doc: "labour-clause", Profile: p, Langs: p.Languages, Layout: layout})
			if err != nil {
				t.Fatal(err)
			}
			var all strings.Builder
			for _, o := range outs {
				b, err := o.Package.Bytes()
				if err != nil {
					t.Fatal(err)
				}
				pkg, err := docx.Open(jur+layout, b)
				if err != nil {
					t.Fatal(err)
				}
				got, err := docxtext.Dump(pkg)
				if err != nil {
					t.Fatal(err)
				}
				all.WriteString(got)
			}
			if layout == Separate && len(outs) != 2 {
				t.Errorf("%s separate: %d files", jur, len(outs))
			}
			for _, l := range p.Languages {
				mustContain(t, "labour-clause "+jur+" "+layout+" "+l, all.String(), marks[l])
			}
		}
	}
}
