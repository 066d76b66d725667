package batch

import (
	"strings"
	"testing"

	"github.com/BurntSushi/toml"

	"github.com/tsdraft/tsdraft/internal/testsupport"
	"github.com/tsdraft/tsdraft/internal/vocab"
)

// A language added as data (Korean, from a locale directory) is a language of the batch too:
// its columns are read (employee.name.ko) and its texts stay texts by language when the
// profile is written for the rows; without it, the column is not a language column.
func TestBatchKnowsALanguageAddedAsData(t *testing.T) {
	dir := t.TempDir()
	testsupport.WriteLanguage(t, dir, "ko", testsupport.KoreanLanguage)
	header := []string{"employee.id", "employee.name.ja", "employee.name.ko"}
	doc := map[string]any{"employee": map[string]any{"name": map[string]any{"ja": "金", "ko": "김민준"}}}

	if _, _, err := parseHeader("t.csv", header, testHeaders(t)); err == nil {
		t.Error("employee.name.ko was read as a language column without Korean")
	}

	v, err := vocab.Builtin().WithLanguages(dir)
	if err != nil {
		t.Fatal(err)
	}
	restore := vocab.Use(v)
	defer restore()
	cols, _, err := parseHeader("t.csv", header, testHeaders(t))
	if err != nil {
		t.Fatalf("with Korean: %v", err)
	}
	if c := cols[2]; c.lang != "ko" || strings.Join(c.root, ".") != "employee.name" {
		t.Errorf("column C: lang %q, root %v", c.lang, c.root)
	}
	text, err := tomlDocument(doc, nil)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(text, `name = {`) || strings.Contains(text, "[employee.name]") {
		t.Errorf("the text by language is not kept inline:\n%s", text)
	}
	var back map[string]any
	if _, err := toml.Decode(text, &back); err != nil {
		t.Fatalf("%v\n%s", err, text)
	}
	if got := back["employee"].(map[string]any)["name"].(map[string]any)["ko"]; got != "김민준" {
		t.Errorf("name.ko = %v", got)
	}
}
