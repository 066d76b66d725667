package web

import (
	"strings"
	"testing"

	"github.com/tsdraft/tsdraft/internal/testsupport"
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
	testsupport.WriteLanguage(t, dir, "ko", testsupport.KoreanLanguage)
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

// The page's language switch names each UI language as the vocabulary does (Thai included,
// whose name the page once took from a list of its own).
func TestLanguageSwitchShowsTheVocabularysNames(t *testing.T) {
	c := login(t, newTestServer(t, nil))
	body := c.get("/").Body.String()
	if len(UILangs()) < 3 {
		t.Fatalf("UI languages %v", UILangs())
	}
	for _, code := range UILangs() {
		l, ok := vocab.Builtin().Language(code)
		if !ok {
			t.Fatalf("UI language %q is not in the vocabulary", code)
		}
		if want := `<option value="` + code + `"`; !strings.Contains(body, want) {
			t.Errorf("no %s in the language switch", want)
		}
		if !strings.Contains(body, ">"+l.Native+"</option>") {
			t.Errorf("language switch lacks %q for %s", l.Native, code)
		}
	}
}
