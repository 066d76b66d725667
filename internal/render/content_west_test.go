package render

import (
	"strings"
	"testing"

	"github.com/tsdraft/tsdraft/internal/notes"
)

// The findings of section C of the practitioner review (2026-12) for DE, UK and EU: each case
// renders a real DOCX from the init sample (with the settings given), reads its text back and
// checks what the fix put in and what it took out.
func TestContentWest(t *testing.T) {
	const whistle = "from making a protected disclosure under Part IVA of the Employment Rights Act 1996, making any disclosure that section 17 of the Victims and Prisoners Act 2024 prevents an agreement from precluding, reporting any suspected wrongdoing to a regulator or law-enforcement agency, or making any disclosure required by law."
	for _, c := range []struct {
		finding       string
		jur, doc, lng string
		sets          []string
		want, ban     []string
	}{
		// UK: garden leave, from [uk] garden_leave_months.
		{"UK garden leave (labour clauses)", "UK", "labour-clause", "en", nil,
			[]string{"Garden Leave", "the Company may, for up to 3 months, require the Employee", "continues to receive the Employee’s salary and contractual benefits"}, nil},
		{"UK garden leave (covenants)", "UK", "noncompete", "en", nil,
			[]string{"Garden Leave", "for up to 3 months", "reduced by any period during which the Company, before the Termination Date, required the Employee not to perform any duties"}, nil},
		{"UK garden leave (ja)", "UK", "noncompete", "ja", nil, []string{"（ガーデンリーブ）", "3か月を限度として"}, nil},
		{"UK no garden-leave clause when 0", "UK", "labour-clause", "en", []string{"uk.garden_leave_months=0"},
			nil, []string{"Garden Leave", "for up to 0 months"}},
		// UK: the sample covenant is unpaid.
		{"UK sample unpaid", "UK", "noncompete", "en", nil, nil, []string{"Payment during the Restricted Period", "average monthly basic salary", "%"}},
		{"UK sample unpaid (labour clauses)", "UK", "labour-clause", "en", nil, nil, []string{"average monthly basic salary"}},
		// UK: protected disclosures in the reviewer's words; no s.43J paraphrase; none in the B2B NDA.
		{"UK s.43J (entry undertaking)", "UK", "nda-employee", "en", nil, []string{"Nothing in this Undertaking prevents me " + whistle}, []string{"section 43J", "any person from making"}},
		{"UK s.43J (labour clauses)", "UK", "labour-clause", "en", nil, []string{"Nothing in these Clauses prevents the Employee " + whistle}, []string{"section 43J"}},
		{"UK s.43J (covenants)", "UK", "noncompete", "en", nil, []string{"Nothing in this Agreement prevents the Employee " + whistle}, []string{"section 43J"}},
		{"UK s.43J (exit undertaking)", "UK", "exit-pledge", "en", nil, []string{"Nothing in this Undertaking prevents me " + whistle}, []string{"section 43J"}},
		{"UK B2B reporting", "UK", "nda-partner", "en", nil,
			[]string{"Nothing in this Agreement prevents either Party", "No obligation of confidentiality that the Receiving Party imposes on its own directors, officers and employees shall purport to preclude them from making a protected disclosure"},
			[]string{"section 43J", "prevents or restricts any person from making a protected disclosure"}},
		// UK: consideration, signed on hiring or later.
		{"UK consideration on joining", "UK", "nda-employee", "en", nil,
			[]string{"(given on joining the Company)", "in consideration of the Company employing me."}, []string{"continuing to employ", "GBP"}},
		{"UK consideration paid later", "UK", "nda-employee", "en", []string{"documents.nda-employee.date=2026-04-01"},
			[]string{"(given during employment)", "employed by Minato Seiko UK Limited (the “Company”) since 1 April 2019", "in consideration of the Company paying me GBP 500 (less any deductions required by law) with my next salary payment."},
			[]string{"on joining", "in consideration of the Company employing me"}},
		{"UK consideration later, no payment", "UK", "nda-employee", "en", []string{"documents.nda-employee.date=2026-04-01", "uk.consideration_amount=0"},
			[]string{"in consideration of the Company continuing to employ me."}, []string{"GBP"}},
		{"UK labour clauses consideration", "UK", "labour-clause", "en", nil,
			[]string{"In consideration of the Employee agreeing to these Clauses, the Company shall pay the Employee GBP 500"}, []string{"included in the wages"}},
		{"UK labour clauses consideration on hiring", "UK", "labour-clause", "en", []string{"date=2019-04-01"},
			[]string{"These Clauses are agreed in consideration of the Company employing the Employee under the employment contract."}, []string{"GBP"}},
		{"UK covenants consideration", "UK", "noncompete", "en", nil,
			[]string{"This agreement (this “Agreement”) is made between Minato Seiko UK Limited (the “Company”) and James Taylor (the “Employee”). In consideration of the Company paying the Employee GBP 500"}, nil},
		{"UK consideration (ja)", "UK", "labour-clause", "ja", nil, []string{"500英ポンド", "約因（consideration）"}, []string{"賃金その他の労働条件に含まれていることを確認する"}},
		// UK: Undertaking, not Pledge.
		{"UK entry title", "UK", "nda-employee", "en", nil, []string{"Confidentiality Undertaking", "In this Undertaking,", "acknowledges receipt of this Undertaking"}, []string{"Pledge"}},
		{"UK exit title", "UK", "exit-pledge", "en", nil, []string{"Exit Confidentiality Undertaking", "breaching this Undertaking"}, []string{"Pledge"}},
		{"UK exit: confirms and undertakes", "UK", "exit-pledge", "en", nil,
			[]string{"hereby confirm and undertake as follows.", "I confirm that I have deleted all Confidential Information"}, []string{"pledge"}},
		{"UK exit: notice during the Restricted Period", "UK", "exit-pledge", "en", nil,
			[]string{"If, during the Restricted Period, I am to take up employment"}, []string{"during the period of the non-compete obligation"}},
		{"UK regulations: undertakings, not pledges", "UK", "regulations", "en", nil,
			[]string{"governed by the undertakings given on joining and on leaving", "require an individual confidentiality undertaking."}, []string{"pledge"}},
		{"UK register: the exit document by its title", "UK", "secret-register", "en", nil,
			[]string{"as listed in the Exit Confidentiality Undertaking, and Confidential Information disclosed to business partners are identified by their ID"}, []string{"pledge"}},
		// UK: a company acts through its board; English law has no representative director.
		{"UK regulations: the board", "UK", "regulations", "en", nil,
			[]string{"The board of directors of the Company shall appoint the Trade Secret Officer", "report regularly to the board of directors of the Company", "to the board of directors of the Company and keep a record"},
			[]string{"representative of the Company"}},
		{"UK regulations: the board (ja)", "UK", "regulations", "ja", nil, []string{"取締役会が取締役又はこれに準ずる管理職の中から任命する", "取締役会への定期的な報告"}, []string{"代表者が役員"}},
		{"UK guide quotes the footer as printed", "UK", "classification-guide", "en", nil,
			[]string{"also carry the words “Not to be copied or forwarded without permission”"}, []string{"Do not copy or forward without authorisation"}},
		// UK: originals in English drafting style, not a rendering of 成立を証するため.
		{"UK originals (covenants)", "UK", "noncompete", "en", nil, []string{"This Agreement is signed in two originals, one to be kept by the Company and one by the Employee."}, []string{"To evidence"}},
		{"UK originals (labour clauses)", "UK", "labour-clause", "en", nil, []string{"These Clauses are signed in two originals, one to be kept by the Company and one by the Employee."}, []string{"To evidence"}},
		// UK: an unpaid covenant is concluded for consideration, not compensation.
		{"UK regulations: covenant consideration", "UK", "regulations", "en", nil,
			[]string{"restricted activities, territory and period and the consideration given for it."}, []string{"period and compensation"}},
		// UK style list.
		{"UK acting by (NDA)", "UK", "nda-partner", "en", nil,
			[]string{"(1) Minato Seiko UK Limited (company number 01234567), whose registered office is at", "acting by Hiroshi Watanabe, its Director (the “Company”)", "acting by Oliver Hughes, its Director (the “Counterparty”)"}, []string{"represented by"}},
		{"UK acting by (labour clauses)", "UK", "labour-clause", "en", nil, []string{"acting by Hiroshi Watanabe, its Director"}, []string{"represented by"}},
		{"UK acting by (covenants)", "UK", "noncompete", "en", nil, []string{"acting by Hiroshi Watanabe, its Director"}, []string{"represented by"}},
		{"UK disclose, not leak", "UK", "nda-employee", "en", nil, []string{"disclose Confidential Information to any third party, or to any officer"}, []string{"disclose or leak Confidential Information to any third party or"}},
		{"UK disclose, not leak (labour clauses)", "UK", "labour-clause", "en", nil, []string{"shall not disclose it to any third party"}, []string{"shall not disclose or leak it"}},
		{"UK labour clauses in English terms", "UK", "labour-clause", "en", nil,
			[]string{"Confidentiality and Restrictive Covenant Terms of the Contract of Employment", "(forming part of the Employee’s contract of employment)", "These Clauses form part of the Employee’s contract of employment with the Company."},
			[]string{"Employment Contract Clauses"}},
		{"UK labour clauses title, no covenant", "UK", "labour-clause", "en", []string{"noncompete.enabled=false"},
			[]string{"Confidentiality Terms of the Contract of Employment", "have not agreed any post-employment non-compete obligation"}, []string{"Restrictive Covenant Terms", "Employment Contract Clauses", "have agreed no post-employment"}},
		{"UK no utility model", "UK", "nda-partner", "en", nil, []string{"under any patent, design, copyright, trade mark"}, []string{"utility model"}},
		{"UK no utility model (ja)", "UK", "nda-partner", "ja", nil, []string{"特許権、意匠権、著作権"}, []string{"実用新案"}},
		{"UK effective date", "UK", "regulations", "en", nil, []string{"Effective Date"}, []string{"Supplementary Provision"}},
		{"UK effective date (ja)", "UK", "regulations", "ja", nil, []string{"施行日"}, []string{"附則"}},
		{"UK mutual NDA consideration", "UK", "nda-partner", "en", nil, []string{"In consideration of the mutual promises in this Agreement"}, nil},
		{"UK one-way NDA consideration", "UK", "nda-partner", "en", []string{"counterparty.mutual=false"},
			[]string{"In consideration of the Company making Confidential Information available to the Counterparty for the Purpose"}, []string{"mutual promises"}},
		{"UK Representatives (ja)", "UK", "nda-partner", "ja", nil, []string{"（以下「開示許容者」という。）", "開示許容者及び再受領者"}, []string{"役員等"}},
		// DE: no confirmation of facts (§ 309 Nr. 12 lit. b BGB), no venue (§ 38 ZPO), Japanese terms, DIS.
		{"DE § 309 Nr. 12 (labour clauses)", "DE", "labour-clause", "de", nil,
			[]string{"Das Wettbewerbsverbot nach diesem Abschnitt wird im Hinblick darauf vereinbart"}, []string{"abgegolten", "Der Arbeitnehmer bestätigt"}},
		{"DE § 309 Nr. 12 (ja)", "DE", "labour-clause", "ja", nil, nil, []string{"含まれていることを確認する"}},
		{"DE § 309 Nr. 12 (covenant)", "DE", "noncompete", "de", nil,
			[]string{"Diese Vereinbarung wird mit dem Arbeitnehmer in seiner Funktion als"}, []string{"Der Arbeitnehmer bestätigt"}},
		// DE: the exit and entry pledges state facts as the employee's own declarations, with no
		// "Ich bestätige" / "Mir ist bekannt" confirmations (§ 309 Nr. 12 lit. b BGB), in every language.
		{"DE § 309 Nr. 12 (exit pledge)", "DE", "exit-pledge", "de", nil,
			[]string{"Ich habe die folgenden Gegenstände (Originale und Kopien) vollständig an die Gesellschaft zurückgegeben:",
				"Die Pflichten aus dieser Erklärung erstrecken sich insbesondere auf die folgenden vertraulichen Informationen aus meinem Aufgabenbereich:",
				"Die Angaben in dieser Erklärung ändern die gesetzliche Verteilung der Beweislast nicht.",
				"Die Gesellschaft bestätigt, die in dieser Erklärung aufgeführten Unterlagen und Gegenstände zurückerhalten zu haben."},
			[]string{"Ich bestätige", "bestätige und erkläre", "Mir ist bekannt", "Ich erkenne an", "Bestätigung des Wettbewerbsverbots"}},
		{"DE § 309 Nr. 12 (exit pledge, none)", "DE", "exit-pledge", "de", []string{"noncompete.enabled=false"},
			[]string{"Mit der Gesellschaft ist kein nachvertragliches Wettbewerbsverbot vereinbart"}, []string{"Ich bestätige"}},
		{"DE § 309 Nr. 12 (exit pledge, ja)", "DE", "exit-pledge", "ja", nil,
			[]string{"次のとおり表明し、誓約する。", "すべて会社に返還した。"},
			[]string{"次の事項を確認し", "取り扱ったことを確認する", "返還したことを確認する", "存続することを確認し", "負うことを確認する", "了解する"}},
		{"DE § 309 Nr. 12 (exit pledge, en)", "DE", "exit-pledge", "en", nil,
			[]string{"I have returned all of the following items"}, []string{"I confirm", "I understand", "I acknowledge"}},
		{"DE § 309 Nr. 12 (entry pledge)", "DE", "nda-employee", "de", nil,
			[]string{"Die Gesellschaft teilt vertrauliche Informationen nach ihrer Bedeutung", "gelten die Grundsätze der beschränkten Arbeitnehmerhaftung"},
			[]string{"Mir ist bekannt", "Ich erkenne an", "darin bestätigen"}},
		{"DE § 309 Nr. 12 (entry pledge, ja)", "DE", "nda-employee", "ja", nil, nil, []string{"了解し", "了解する", "帰属することを確認"}},
		{"DE § 309 Nr. 12 (covenant territory)", "DE", "noncompete", "de", nil,
			[]string{"(das „Vertragsgebiet“): Bundesrepublik Deutschland, Österreich und die Schweiz."}, []string{"bestätigen, dass das Vertragsgebiet"}},
		{"DE labour clauses exit declaration", "DE", "labour-clause", "de", nil,
			[]string{"in der er die Rückgabe und Löschung der Unterlagen erklärt"}, []string{"mit dieser festzustellen"}},
		{"EU German law: no confirmations", "EU", "exit-pledge", "de", nil, []string{"Ich habe die folgenden Gegenstände"}, []string{"Ich bestätige"}},
		{"DE no venue", "DE", "nda-employee", "de", nil,
			[]string{"Ein Gerichtsstand wird nicht vereinbart; die örtliche Zuständigkeit richtet sich nach den gesetzlichen Vorschriften."}, []string{"zuständig ist das", "Sitz der Gesellschaft zuständige"}},
		{"DE no venue (en)", "DE", "exit-pledge", "en", nil, []string{"No place of jurisdiction is agreed"}, []string{"jurisdiction lies with"}},
		{"DE Geschäftsführer (ja)", "DE", "nda-partner", "ja", nil, []string{"業務執行者（Geschäftsführer）"}, []string{"社長"}},
		// The DIS model clause's own words, in the genitive; another institution is named in
		// apposition, uninflected.
		{"DE DIS", "DE", "nda-partner", "de", nil, []string{"Schiedsgerichtsordnung der Deutschen Institution für Schiedsgerichtsbarkeit e. V. (DIS) unter Ausschluss"}, []string{"Schiedsinstitution"}},
		{"DE other institution", "DE", "nda-partner", "de", []string{`dispute.institution="Internationale Handelskammer (ICC)"`}, []string{"Schiedsgerichtsordnung der Schiedsinstitution Internationale Handelskammer (ICC) unter Ausschluss"}, nil},
		// EU under German law: the DE texts.
		{"EU German law: GeschGehG limb", "EU", "nda-employee", "de", nil, []string{"ein berechtigtes Interesse an der Geheimhaltung besteht"}, []string{"Richtlinie (EU) 2016/943"}},
		{"EU German law: HinSchG carve-out", "EU", "exit-pledge", "de", nil, []string{"§ 39 HinSchG unwirksam", "§ 5 GeschGehG"}, nil},
		{"EU German law: forum (Brussels Ia)", "EU", "labour-clause", "en", nil,
			[]string{"No place of jurisdiction is agreed", "section 2 no. 1 GeschGehG"}, []string{"registered office is situated", "courts of the place where the Company has its registered office"}},
		{"EU German law: Japanese title", "EU", "noncompete", "ja", nil, []string{"業務執行者（Geschäftsführerin）"}, []string{"社長"}},
	} {
		got := renderText(t, c.jur, c.doc, c.lng, c.sets...)
		what := c.finding + ": " + c.doc + " " + c.jur + " " + c.lng
		mustContain(t, what, got, c.want...)
		mustNotContain(t, what, got, c.ban...)
	}
}

// The counsel questions left open are drafting notes on their clause, never printed: the UK
// consideration for terms agreed during employment, the DE probation/retirement term, and the
// UK note in the Japanese text names restraint of trade, not the cartel term 取引制限.
func TestContentWestNotes(t *testing.T) {
	r := testRenderer(t)
	for _, c := range []struct {
		jur, doc, lang, key, want string
		sets                      []string
	}{
		{"UK", "labour-clause", "en", "labour-clause.open_after_consideration", "continued employment alone is sufficient consideration", nil},
		{"DE", "noncompete", "de", "noncompete.open_period", "Probezeit", nil},
		{"EU", "noncompete", "en", "noncompete.open_period", "probationary period", nil},
		{"DE", "exit-pledge", "de", "exit-pledge.note_accessed", "§ 309 Nr. 12 lit. b BGB", nil},
		{"DE", "exit-pledge", "ja", "exit-pledge.note_return", "ドイツ民法典第309条第12号b", nil},
		{"DE", "noncompete", "de", "noncompete.note_territory", "§ 74a Abs. 1 HGB", nil},
		{"UK", "noncompete", "ja", "law.note_noncompete_basis", "営業制限の法理（restraint of trade）", nil},
		{"UK", "noncompete", "en", "law.open_noncompete_basis", "working paper of 26 November 2025", nil},
		{"UK", "labour-clause", "ja", "law.open_noncompete_basis", "2025年11月26日の作業文書", nil},
		{"ID", "nda-partner", "id", "law.open_partner_forum", "hanya dengan nama lengkapnya", nil},
	} {
		p := sample(t, c.jur, c.sets...)
		outs, err := r.Render(Request{Doc: c.doc, Profile: p, Langs: []string{c.lang}, Notes: notes.Memo})
		if err != nil {
			t.Fatal(err)
		}
		found := false
		for _, n := range outs[0].Notes {
			if n.Key == c.key && strings.Contains(n.Text, c.want) {
				found = true
				if n.Heading == "" {
					t.Errorf("%s %s: note %s has no clause", c.jur, c.doc, c.key)
				}
			}
			if strings.Contains(n.Text, "取引制限") {
				t.Errorf("%s %s: note %s says 取引制限", c.jur, c.doc, n.Key)
			}
		}
		if !found {
			t.Errorf("%s %s %s: no note %s with %q", c.jur, c.doc, c.lang, c.key, c.want)
		}
		body, _ := renderDump(t, r, Request{Doc: c.doc, Profile: p, Langs: []string{c.lang}, Notes: notes.Memo})
		if strings.Contains(body, c.want) {
			t.Errorf("%s %s: the note %s is printed in the document", c.jur, c.doc, c.key)
		}
	}
}

// An EU profile under another Member State's law keeps the EU texts (the law rules refuse its
// employee documents, EU-LAW-002); under German law the same profile takes the DE texts.
func TestEUTextsFollowTheChosenLaw(t *testing.T) {
	de := renderText(t, "EU", "nda-partner", "en")
	nl := renderText(t, "EU", "nda-partner", "en", `dispute.governing_law={ en = "the laws of the Netherlands", ja = "オランダ法", de = "niederländisches Recht" }`)
	mustContain(t, "EU German law", de, "section 2 no. 1 GeschGehG")
	mustContain(t, "EU Dutch law", nl, "Article 2(1) of Directive (EU) 2016/943", "the laws of the Netherlands")
	mustNotContain(t, "EU Dutch law", nl, "GeschGehG")
	// The EU employee forum (reached only if the refusal were bypassed) agrees no court either:
	// Brussels Ia Arts. 21–23 leave the employee's courts to the Regulation.
	lc := renderText(t, "EU", "labour-clause", "en", `dispute.governing_law={ en = "the laws of the Netherlands", ja = "オランダ法", de = "niederländisches Recht" }`)
	mustContain(t, "EU Dutch law labour clauses", lc, "determined by Section 5 of Chapter II of Regulation (EU) No 1215/2012 and the other applicable law; no court is agreed.")
	mustNotContain(t, "EU Dutch law labour clauses", lc, "registered office", "shall be submitted to")
}
