package law

import (
	"slices"
	"testing"

	"github.com/tsdraft/tsdraft/internal/profile"
)

// Cases for the rules of west.go, run by TestRules and counted by TestEveryRuleTested.
func init() {
	cases = append(cases, []struct {
		rule, jur string
		bad, good []string
		at        string
		contains  string
	}{
		{rule: "ALL-UK-001", jur: "DE", bad: []string{`uk.garden_leave_months=3`}, good: []string{`uk.garden_leave_months=0`}, at: "uk.garden_leave_months", contains: "silently left out"},
		{rule: "ALL-UK-001", jur: "JP", bad: []string{`uk.consideration_amount=500`}, good: nil, at: "uk.consideration_amount"},
		{rule: "UK-CONSID-001", jur: "UK", bad: []string{`uk.consideration_amount=0`}, good: []string{`uk.consideration_amount=250`}, at: "uk.consideration_amount", contains: "more than a month after employee.hire_date"},
		// The entry undertaking dated at hiring needs no payment; the labour clauses signed years later do.
		{rule: "UK-CONSID-001", jur: "UK", bad: []string{`uk={ garden_leave_months = 3 }`}, good: []string{`uk={ garden_leave_months = 3 }`, `date=2019-04-10`}, contains: "is dated 2026-04-01"},
		{rule: "DE-DISPUTE-002", jur: "DE", bad: []string{`dispute.employee.forum=Arbeitsgericht Düsseldorf`}, good: []string{`dispute.employee.forum=die nach den gesetzlichen Vorschriften zuständigen Gerichte für Arbeitssachen`}, at: "dispute.employee.forum", contains: "§ 38 ZPO"},
		{rule: "DE-DISPUTE-002", jur: "EU", bad: []string{`dispute.employee.forum="the competent courts of the place where the Company has its registered office"`}, good: []string{`dispute.employee.forum="the courts having jurisdiction by law"`}, contains: "does not bind an employee"},
		{rule: "DE-LANG-001", jur: "EU", bad: []string{`languages=["en", "ja"]`, `prevailing=en`}, good: []string{`languages=["de", "en"]`, `prevailing=en`}, at: "languages"},
		{rule: "EU-LAW-003", jur: "EU", bad: []string{`dispute.governing_law={ de = "das Recht der Bundesrepublik Deutschland", ja = "アイルランド法" }`}, good: []string{`dispute.governing_law={ de = "das Recht der Bundesrepublik Deutschland", ja = "ドイツ連邦共和国法" }`}, at: "dispute.governing_law", contains: "different laws"},
		{rule: "EU-LAW-002", jur: "EU", bad: []string{`dispute.governing_law={ de = "das Recht der Bundesrepublik Deutschland", ja = "アイルランド法" }`}, good: []string{`dispute.governing_law={ de = "das Recht der Bundesrepublik Deutschland", ja = "ドイツ連邦共和国法" }`}, at: "dispute.governing_law"},
		{rule: "EU-LAW-002", jur: "EU", bad: []string{`dispute.governing_law="the laws of the Netherlands"`}, good: []string{`dispute.governing_law="the laws of the Federal Republic of Germany"`}, at: "dispute.governing_law", contains: "no module"},
	}...)
}

// EU-LAW-002 concerns the employee documents only: a partner NDA under another Member State's
// law is still drafted.
func TestEULaw002EmployeeDocsOnly(t *testing.T) {
	p := load(t, "EU", `dispute.governing_law="the laws of the Netherlands"`)
	if hits := withRule(Check(p, []string{"nda-partner"}), "EU-LAW-002"); len(hits) != 0 {
		t.Errorf("EU-LAW-002 fired for the partner NDA: %v", hits)
	}
	hits := withRule(Check(p, []string{"exit-pledge"}), "EU-LAW-002")
	if len(hits) != 1 || hits[0].Level != profile.Error || !slices.Contains(hits[0].Docs, "exit-pledge") {
		t.Errorf("EU-LAW-002 for the exit pledge: %v", hits)
	}
}
