package law

import (
	"strings"
	"testing"
)

// Review C VN: Precedent 69/2023/AL is about the arbitrability of a separate confidentiality or
// non-compete agreement; a rule about consideration must not cite it as authority.
func TestVNConsiderationRuleSource(t *testing.T) {
	for _, r := range For("VN") {
		if r.ID != "VN-NC-002" {
			continue
		}
		if strings.Contains(r.Source, "69/2023") {
			t.Errorf("VN-NC-002 cites %q", r.Source)
		}
		if !strings.Contains(r.Source, "45/2019/QH14 Art. 10(1)") {
			t.Errorf("VN-NC-002 source %q lost the Labour Code", r.Source)
		}
		return
	}
	t.Fatal("no rule VN-NC-002")
}
