package vocab

import (
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	tsdraft "github.com/tsdraft/tsdraft"

	"github.com/tsdraft/tsdraft/internal/testsupport"
)

// FuzzLanguageFile feeds arbitrary bytes as a user's language file: the loader refuses or
// accepts, never panics, and an accepted language formats dates and numbers without panicking.
// The seed corpus (the shipped language files, Korean, broken variants) runs in plain go test.
func FuzzLanguageFile(f *testing.F) {
	names, _ := fs.Glob(tsdraft.Locales, "locales/*/"+LanguageFile)
	for _, n := range names {
		b, _ := fs.ReadFile(tsdraft.Locales, n)
		f.Add(strings.Split(n, "/")[1], b)
	}
	f.Add("ko", []byte(testsupport.KoreanLanguage))
	f.Add("ko", []byte(strings.Replace(testsupport.KoreanLanguage, "{y}년", "{y", 1)))
	f.Add("ko", []byte(testsupport.KoreanLanguage+"\n[dates]\nmonths = [\"a\"]\n"))
	f.Add("de", []byte("[fonts]\nascii = \"Arial\"\n[number_words]\nvalues = [\"\", \"zwei\"]\nmonths = [\"\"]\n"))
	f.Add("xx", []byte("code = \"xx\"\n[[levels]]\n"))
	f.Fuzz(func(t *testing.T, code string, data []byte) {
		if code == "" || strings.ContainsAny(code, "/\\.") {
			return
		}
		fsys := fstest.MapFS{code + "/" + LanguageFile: {Data: data}}
		langs, err := readLanguages(fsys, "dir", Builtin().langs)
		if err != nil {
			if err.Error() == "" {
				t.Error("empty error message")
			}
			return
		}
		for _, l := range langs {
			for _, form := range []string{"long", "short"} {
				if _, err := l.FormatDate(time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC), form); err != nil {
					t.Errorf("%s: accepted language cannot format a %s date: %v", l.Code, form, err)
				}
			}
			_ = l.FormatNumber(-1234.5, 2)
			_, _ = l.NumberWords()
		}
	})
}
