package translate

import (
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/tsdraft/tsdraft/internal/catalog"
)

func TestTags(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		{"no tags", []string{}},
		{"{{company.name}} and {{  company.name  }}", []string{"{{ company.name }}", "{{ company.name }}"}},
		{`{{ t “law.ts_act” }}`, []string{`{{ t "law.ts_act" }}`}},
		{"{{ t „law.ts_act“ }}", []string{`{{ t "law.ts_act" }}`}},
		{"{{ x | default \"a  b\" }}", []string{`{{ x | default "a  b" }}`}},
		{"{{\u3000company.name\u00a0}}", []string{"{{ company.name }}"}},
		{"{{# if draft }}x{{ /if }}{{ else }}", []string{"{{#if draft}}", "{{/if}}", "{{else}}"}},
		{"{{ b }}{{ a }}", []string{"{{ a }}", "{{ b }}"}},
		{"{{ open", []string{}},
		{"{{}}", []string{"{{ }}"}},
	}
	for _, tt := range tests {
		got := Tags(tt.text)
		if !slices.Equal(got, tt.want) {
			t.Errorf("Tags(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

func TestSourceHash(t *testing.T) {
	// The contract: first 16 hex digits of SHA-256 of the UTF-8 text.
	if got, want := catalog.SourceHash(""), "e3b0c44298fc1c14"; got != want {
		t.Errorf("SourceHash(\"\") = %s, want %s", got, want)
	}
	if got, want := catalog.SourceHash("abc"), "ba7816bf8f01cfea"; got != want {
		t.Errorf("SourceHash(abc) = %s, want %s", got, want)
	}
	if catalog.SourceHash("本契約") == catalog.SourceHash("本契約 ") {
		t.Error("a trailing space must change the hash")
	}
}

func TestToInlinePairsBlocks(t *testing.T) {
	got := toInline("A{{#if x}}B{{ y }}{{else}}C{{/if}}{{/each}}")
	var desc []string
	for _, p := range got {
		if p.code == "" {
			desc = append(desc, p.text)
			continue
		}
		desc = append(desc, p.code+":"+itoaTest(p.id)+":"+p.tag)
	}
	want := []string{"A", "bpt:1:{{#if x}}", "B", "ph:2:{{ y }}", "ph:3:{{else}}", "C", "ept:1:{{/if}}", "ph:4:{{/each}}"}
	if !slices.Equal(desc, want) {
		t.Errorf("toInline =\n %q\nwant\n %q", desc, want)
	}
}

func TestAlignInline(t *testing.T) {
	master := toInline("{{#if a}}甲{{ n }}{{/if}}と{{ m }}")
	got := alignInline(master, "{{ m }} and {{#if a}}A {{ n }}{{/if}} {{ extra }}")
	var desc []string
	for _, p := range got {
		if p.code != "" {
			desc = append(desc, p.code+":"+itoaTest(p.id)+":"+p.tag)
		}
	}
	// master ids: bpt/ept 1, ph n 2, ph m 3; the extra tag gets the next free id.
	want := []string{"ph:3:{{ m }}", "bpt:1:{{#if a}}", "ph:2:{{ n }}", "ept:1:{{/if}}", "ph:4:{{ extra }}"}
	if !slices.Equal(desc, want) {
		t.Errorf("alignInline =\n %q\nwant\n %q", desc, want)
	}
}

func itoaTest(n int) string { return strconv.Itoa(n) }

func FuzzTags(f *testing.F) {
	for _, s := range []string{"", "{{ a }}", "{{#if x}}y{{/if}}", "{{ t “k” }}", "{{ {{ }}", "}}{{", "{{#each}}{{else}}{{/each}}", "{{\u3000x }}", "{{#00000} }}", "{{/ } }}", "{{{a}}"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		tags := Tags(text)
		if !slices.IsSorted(tags) {
			t.Fatalf("Tags not sorted: %q", tags)
		}
		// Normalising is idempotent: the normal forms, re-read, give themselves.
		again := Tags(strings.Join(tags, ""))
		if !slices.Equal(again, tags) {
			t.Fatalf("Tags(join(Tags)) = %q, want %q", again, tags)
		}
		for _, f := range checkBlocks(text) {
			if f.offset < 0 || f.offset > len(text) {
				t.Fatalf("finding offset %d outside text of %d bytes", f.offset, len(text))
			}
		}
		_ = toInline(text)
		_ = numbersIn(text)
		_ = checkPunctuation("ja", text)
		_ = checkSpaces(text)
	})
}
