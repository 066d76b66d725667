package profile_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/tsdraft/tsdraft/internal/profile"
	// The renderer derives what the shipped templates require (profile.ShippedNeeds): the
	// profile's tests check against the real templates, as `tsdraft check` does.
	_ "github.com/tsdraft/tsdraft/internal/render"
)

// A key printed inside {{#if}} is required only while the condition holds.
func TestNeedsFollowTheGuards(t *testing.T) {
	src := `
jurisdiction = "JP"
languages = ["ja"]
date = 2026-04-01
[company]
name = "株式会社みなと精工"
address = "東京都"
representative = "湊 健一"
representative_title = "代表取締役"
registration_no = "1010801000000"
[employee]
name = "山田 太郎"
id = "E-1"
department = "技術部"
position = "技師"
hire_date = 2020-04-01
[[confidential.categories]]
name = "製造技術情報"
examples = "図面"
[noncompete]
enabled = %s
`
	missing := func(enabled string) []string {
		p, ds := profile.Decode("p.toml", []byte(sprintf(src, enabled)), nil)
		if p == nil || ds.HasErrors() {
			t.Fatalf("decode: %v", ds)
		}
		var out []string
		for _, d := range p.CheckFor([]string{"labour-clause"}, nil) {
			if d.Rule == "PROFILE-REQUIRED" {
				path, _, _ := strings.Cut(d.Message, " ")
				out = append(out, path)
			}
		}
		return out
	}
	if got := missing("false"); len(got) != 0 {
		t.Errorf("non-compete off: %v required", got)
	}
	got := missing("true")
	for _, want := range []string{"noncompete.months", "noncompete.territory", "noncompete.scope"} {
		if !slices.Contains(got, want) {
			t.Errorf("non-compete on: %s not required (got %v)", want, got)
		}
	}
}

func sprintf(format string, a ...any) string { return fmt.Sprintf(format, a...) }
