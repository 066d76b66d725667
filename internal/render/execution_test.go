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
