package render

import "testing"

// Execution blocks fit the document (issue 9): the CN execution clause lets an individual
// employee add a fingerprint, as PRC practice does, but a B2B NDA between companies carries
// no fingerprint rule (review 2026-12 A.13; audit of 2026-12-05).
func TestCNFingerprintOnlyInEmployeeDocuments(t *testing.T) {
	fingerprint := map[string]string{"zh-CN": "指印", "ja": "指印", "en": "fingerprint"}
	for _, lang := range []string{"zh-CN", "ja", "en"} {
		b2b := renderText(t, "CN", "nda-partner", lang)
		mustNotContain(t, "nda-partner CN "+lang, b2b, fingerprint[lang])
		emp := renderText(t, "CN", "labour-clause", lang)
		mustContain(t, "labour-clause CN "+lang, emp, fingerprint[lang])
	}
}

// The CN execution clause names the parties as the document does: in the B2B NDA each party
// signs and a party set up in the PRC chops (「公司一方」/「会社である当事者」 read as the client
// only, since 公司/会社 is its defined name, and left the counterparty's chop out); in employee
// documents the Company chops and the Employee signs (no 「自然人一方」). Audit of 2026-12-05.
func TestCNExecutionNamesTheParties(t *testing.T) {
	for _, c := range []struct {
		doc, lang string
		must      []string
	}{
		{"nda-partner", "zh-CN", []string{"各方应由其法定代表人或者授权代表签字；在中国境内设立的一方，还应加盖其公章或者合同专用章。"}},
		{"nda-partner", "ja", []string{"各当事者は、その法定代表人又は授権代表者が署名し、中国国内で設立された当事者は、さらにその公章又は契約専用章を押印する。"}},
		{"nda-partner", "en", []string{"Each Party signs by its legal representative or authorised representative, and a Party established in the PRC also affixes its company chop"}},
		{"labour-clause", "zh-CN", []string{"公司应加盖公章或者合同专用章，并由法定代表人或者授权代表签字；员工应由本人亲笔签名，并可加按指印。"}},
		{"noncompete", "ja", []string{"会社は、その公章又は契約専用章を押印し、かつ、その法定代表人又は授権代表者が署名する。従業員は、自ら署名するものとし、指印を押すことができる。"}},
		{"nda-employee", "en", []string{"The Company affixes its company chop", "the Employee signs by hand and may add a fingerprint"}},
	} {
		got := renderText(t, "CN", c.doc, c.lang)
		what := c.doc + " CN " + c.lang
		mustContain(t, what, got, c.must...)
		mustNotContain(t, what, got, "公司一方", "自然人一方", "会社である当事者", "自然人である当事者", "A company party", "an individual party")
	}
}
