package law

import (
	"strings"
	"testing"

	"github.com/tsdraft/tsdraft/internal/profile"
)

// TestCounselAccepts: an overridable error becomes a warning when counsel.accepted names it; a
// statutory one does not.
func TestCounselAccepts(t *testing.T) {
	cases := []struct {
		jur, rule string
		sets      []string
		want      profile.Severity
	}{
		{"TH", "TH-NC-001", []string{"noncompete.months=36"}, profile.Error},
		{"TH", "TH-NC-001", []string{"noncompete.months=36", `counsel.accepted=["TH-NC-001"]`}, profile.Warning},
		{"UK", "UK-NC-003", []string{"noncompete.months=18", `counsel.accepted=["UK-NC-003"]`}, profile.Warning},
		{"CN", "CN-NC-001", []string{"noncompete.months=36", `counsel.accepted=["CN-NC-001"]`}, profile.Error}, // statute: 劳动合同法 第24条
		{"CN", "CN-DISPUTE-002", []string{`counterparty.address=上海市（中国）`, `dispute.governing_law=日本法`, `counsel.accepted=["CN-DISPUTE-002"]`}, profile.Warning},
	}
	for _, c := range cases {
		ds := withRule(Check(load(t, c.jur, c.sets...), nil), c.rule)
		if len(ds) != 1 || ds[0].Level != c.want {
			t.Errorf("%s %v: want one %s, got %v", c.rule, c.sets, c.want, ds)
			continue
		}
		accepted := strings.Contains(ds[0].Message, "accepted by counsel")
		if accepted != (c.want == profile.Warning) {
			t.Errorf("%s %v: message %q", c.rule, c.sets, ds[0].Message)
		}
		if c.want == profile.Error && c.rule != "CN-NC-001" && !strings.Contains(ds[0].Hint, "[counsel]") {
			t.Errorf("%s: the hint does not say how counsel can accept it: %q", c.rule, ds[0].Hint)
		}
	}
}

// TestEUGermanLawAppliesDERules: an EU profile that chooses German law is held to the DE rules;
// one that names no law is refused for employee and partner documents.
func TestEUGermanLawAppliesDERules(t *testing.T) {
	p := load(t, "EU", `dispute.governing_law=the laws of the Federal Republic of Germany`, "noncompete.months=30", "noncompete.compensation_percent=40")
	ds := Check(p, nil)
	for _, id := range []string{"DE-NC-001", "DE-NC-002"} {
		if len(withRule(ds, id)) != 1 {
			t.Errorf("%s did not apply to an EU profile under German law: %v", id, ds)
		}
	}
	p = load(t, "EU", `dispute.governing_law=the laws of Ireland`, "noncompete.months=30", "noncompete.compensation_percent=40")
	if len(withRule(Check(p, nil), "DE-NC-001")) != 0 {
		t.Error("DE rules applied to an EU profile under Irish law")
	}
	ds = withRule(Check(load(t, "EU", `dispute={ method = "arbitration" }`), []string{"nda-employee"}), "EU-LAW-001")
	if len(ds) != 1 || ds[0].Level != profile.Error {
		t.Errorf("EU without governing law, employee document: %v", ds)
	}
}

// TestLabelContainsGrade: a CN state grade anywhere in a label is refused.
func TestLabelContainsGrade(t *testing.T) {
	for _, c := range []struct {
		label string
		grade bool
	}{{"机密文件", true}, {"秘密资料", true}, {"内部绝密", true}, {"核心商密", false}, {"普通商密", false}, {"内部", false}} {
		if _, got := gradeOf(c.label); got != c.grade {
			t.Errorf("gradeOf(%q) = %v, want %v", c.label, got, c.grade)
		}
	}
}

// TestInvalidCompensationIsNotUnpaid: a refused percentage (out of range) is reported once, as
// out of range, not also as "unpaid" (review B: VN-NC-002 fired for 200 and -10).
func TestInvalidCompensationIsNotUnpaid(t *testing.T) {
	for _, v := range []string{"200", "-10"} {
		src, _ := profile.Sample("VN", nil)
		p, _ := profile.Decode("VN.toml", src, []string{"noncompete.compensation_percent=" + v})
		if ds := withRule(Check(p, nil), "VN-NC-002"); len(ds) > 0 {
			t.Errorf("compensation_percent=%s: VN-NC-002 fired: %v", v, ds)
		}
	}
}
