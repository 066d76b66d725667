package testsupport

import (
	"os"
	"path/filepath"
	"testing"
)

// KoreanLanguage is a language tsdraft does not ship, written as data only (TRANSLATING.md,
// "Add a language"): Hangul script, Korean fonts, dates 2026년 3월 1일.
const KoreanLanguage = `code = "ko"
name = "Korean"
native = "한국어"
order = 8
script = "hangul"
aliases = ["kor"]
collation = "ko"

[word]
lang = "ko-KR"
east_asia = "ko-KR"

[fonts]
ascii = "Times New Roman"
h_ansi = "Times New Roman"
east_asia = "Malgun Gothic"
hint = "eastAsia"

[dates]
long = "{y}년 {m}월 {d}일"
short = "{yyyy}. {mm}. {dd}."

[numbers]
group = ","
decimal = "."
list_separator = ", "
`

// WriteLanguage writes dir/<code>/language.toml.
func WriteLanguage(t testing.TB, dir, code, body string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Join(dir, code), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, code, "language.toml"), []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
}
