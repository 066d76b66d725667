package wordxml

import (
	"strings"
	"testing"
)

func TestParseRefusesDeepNesting(t *testing.T) {
	deep := func(n int) string { return strings.Repeat("<w:sdt>", n) + strings.Repeat("</w:sdt>", n) }
	if _, err := Parse([]byte(deep(MaxDepth))); err != nil {
		t.Fatalf("nesting of %d refused: %v", MaxDepth, err)
	}
	_, err := Parse([]byte(deep(MaxDepth + 1)))
	if err == nil || !strings.Contains(err.Error(), "elements nested more than 512 deep") || !strings.HasPrefix(err.Error(), "line 1: ") {
		t.Fatalf("want a depth error, got %v", err)
	}
	// 23 KB of nesting, as in the report: refused at once, not walked.
	if _, err := Parse([]byte(deep(23 * 1024 / 15))); err == nil {
		t.Fatal("a 23 KB nest was accepted")
	}
}
