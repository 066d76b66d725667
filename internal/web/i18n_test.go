package web

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/tsdraft/tsdraft/internal/vocab"
)

// The language names the screens show come from the vocabulary (language.toml `native`), so a
// language a translator adds, or a name the vocabulary corrects, needs no change here.
func TestLangNameIsTheVocabularys(t *testing.T) {
	langs := vocab.Builtin().Languages()
	if len(langs) < 7 {
		t.Fatalf("vocabulary has %d languages", len(langs))
	}
	for _, l := range langs {
		if got := langName(l.Code); got != l.Native || got == "" {
			t.Errorf("langName(%q) = %q, vocabulary's native name %q", l.Code, got, l.Native)
		}
	}
	for _, code := range []string{"", "xx", "JA", "zh"} {
		if got := langName(code); got != "" {
			t.Errorf("langName(%q) = %q, want \"\" (not a language)", code, got)
		}
	}
}

// A language a user's locale directory adds (vocab.Use after --locales) is named too.
func TestLangNameFollowsTheActiveVocabulary(t *testing.T) {
	dir := t.TempDir()
	writeLanguageFile(t, dir, "ko", `code = "ko"
name = "Korean"
native = "한국어"
order = 90
script = "hangul"
[word]
lang = "ko-KR"
east_asia = "ko-KR"
[fonts]
ascii = "Malgun Gothic"
[dates]
long = "{yyyy}년 {m}월 {d}일"
short = "{yyyy}. {m}. {d}."
[numbers]
group = ","
decimal = "."
list_separator = ", "
`)
	v, err := vocab.Builtin().WithLanguages(dir)
	if err != nil {
		t.Fatal(err)
	}
	if got := langName("ko"); got != "" {
		t.Fatalf("before Use: langName(ko) = %q", got)
	}
	restore := vocab.Use(v)
	defer restore()
	if got := langName("ko"); got != "한국어" {
		t.Errorf("langName(ko) = %q, want 한국어", got)
	}
}

func writeLanguageFile(t *testing.T, dir, code, body string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Join(dir, code), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, code, vocab.LanguageFile), []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
}
