package tplvalue

import (
	"slices"
	"testing"
	"time"
)

func TestTruthy(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		v    any
		want bool
	}{
		{nil, false}, {false, false}, {true, true}, {"", false}, {"x", true},
		{0, false}, {2, true}, {int64(0), false}, {int64(3), true}, {0.0, false}, {0.5, true},
		{time.Time{}, false}, {time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC), true},
		{LangText{}, false}, {LangText{"ja": "株式会社"}, true},
		{[]any{}, false}, {[]any{1}, true}, {[]string{}, false}, {[]string{"a"}, true},
		{map[string]any{}, false}, {map[string]any{"a": 1}, true},
		{struct{}{}, true},
	} {
		if got := Truthy(tc.v); got != tc.want {
			t.Errorf("Truthy(%#v) = %v, want %v", tc.v, got, tc.want)
		}
	}
}

func TestLangText(t *testing.T) {
	t.Parallel()
	lt := LangText{"th": "บริษัท", "ja": "株式会社"}
	var l Localized = lt
	if s, ok := l.Text("ja"); !ok || s != "株式会社" {
		t.Errorf("Text(ja) = %q, %v", s, ok)
	}
	if s, ok := l.Text("en"); ok || s != "" {
		t.Errorf("Text(en) = %q, %v; want absent", s, ok)
	}
	if got := l.Langs(); !slices.Equal(got, []string{"ja", "th"}) {
		t.Errorf("Langs() = %v", got)
	}
}
