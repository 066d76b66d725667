package docxtmpl

import "testing"

func TestSmoke(t *testing.T) {
	data := map[string]any{"company": map[string]any{"name": LangText{"ja": "山田商事", "en": "Yamada"}},
		"items": []any{"a", "b", "c"}, "on": true}
	got, err := run(t, p("{{ company.name }}")+p("{{#each items}}")+p("- {{ . }} {{ @index }}")+p("{{/each}}")+p("{{#if on}}yes{{else}}no{{/if}}")+p(`{{ t “hello” }}`), data, "ja")
	if err != nil {
		t.Fatal(err)
	}
	t.Log(textDump(got))
}
