package cli

import (
	"bytes"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/BurntSushi/toml"
	tsdraft "github.com/tsdraft/tsdraft"
	"github.com/tsdraft/tsdraft/internal/docx"
	"github.com/tsdraft/tsdraft/internal/docxtext"
	"github.com/tsdraft/tsdraft/internal/testsupport"
	"github.com/tsdraft/tsdraft/internal/tplgen"
	"github.com/tsdraft/tsdraft/internal/vocab"
)

const koreanTitle = "비밀유지 서약서"

// koreanLocales writes a locale directory that adds Korean: language.toml, and the English texts
// copied as stand-ins for a translation, with a Korean title and the language's own name.
func koreanLocales(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	ko := filepath.Join(dir, "ko")
	err := fs.WalkDir(tsdraft.Locales, "locales/en", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || path.Base(p) == vocab.LanguageFile {
			return err
		}
		b, err := fs.ReadFile(tsdraft.Locales, p)
		if err != nil {
			return err
		}
		rel := strings.TrimPrefix(p, "locales/en/")
		switch rel {
		case "nda-employee.toml":
			b = bytes.Replace(b, []byte("text = '''Confidentiality Pledge'''"), []byte("text = '''"+koreanTitle+"'''"), 1)
		case "common.toml":
			b = append(b, "\n[lang_ko]\ntext = '''한국어'''\n"...)
		}
		out := filepath.Join(ko, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(out), 0o755); err != nil {
			return err
		}
		return os.WriteFile(out, b, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(ko, vocab.LanguageFile), []byte(testsupport.KoreanLanguage), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

// plainProfile writes the JP sample with every text as its English string (a plain text serves
// every language, Korean included) and the given languages.
func plainProfile(t *testing.T, dir string, langs ...string) string {
	t.Helper()
	var out, errw bytes.Buffer
	if code := Main([]string{"init", "-j", "JP", "--lang", "en", "-o", "-"}, nil, &out, &errw); code != 0 {
		t.Fatalf("init: %d %s", code, errw.String())
	}
	var m map[string]any
	if _, err := toml.Decode(out.String(), &m); err != nil {
		t.Fatal(err)
	}
	var plain func(v any) any
	plain = func(v any) any {
		switch x := v.(type) {
		case map[string]any:
			if s, ok := x["en"].(string); ok {
				return s
			}
			for k, e := range x {
				x[k] = plain(e)
			}
		case []map[string]any:
			for i := range x {
				x[i] = plain(x[i]).(map[string]any)
			}
		case []any:
			for i := range x {
				x[i] = plain(x[i])
			}
		}
		return v
	}
	plain(m)
	m["languages"], m["prevailing"] = langs, langs[0]
	// Keep the decoded local-date zone, so that the encoder writes a TOML local date again.
	m["date"] = time.Date(2026, 3, 1, 0, 0, 0, 0, m["date"].(time.Time).Location())
	var b bytes.Buffer
	if err := toml.NewEncoder(&b).Encode(m); err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(dir, "ko.toml")
	if err := os.WriteFile(p, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// Adding a language is data only: a language file and the texts, in the user's locale directory.
func TestBuildInALanguageAddedAsData(t *testing.T) {
	locales := koreanLocales(t)
	dir := t.TempDir()
	prof := plainProfile(t, dir, "ko")
	outDir := filepath.Join(dir, "out")
	var out, errw bytes.Buffer
	code := Main([]string{"build", prof, "--locales", locales, "--doc", "nda-employee", "-o", outDir}, nil, &out, &errw)
	if code != 0 {
		t.Fatalf("build: %d\n%s", code, errw.String())
	}
	if vocab.Active().IsLanguage("ko") {
		t.Error("the command left its layered vocabulary active")
	}
	b, err := os.ReadFile(filepath.Join(outDir, "nda-employee.JP.ko.docx"))
	if err != nil {
		t.Fatal(err)
	}
	if err := docx.Verify(b); err != nil {
		t.Fatal(err)
	}
	pkg, err := docx.Open("nda-employee.JP.ko.docx", b)
	if err != nil {
		t.Fatal(err)
	}
	dump, err := docxtext.Dump(pkg)
	if err != nil {
		t.Fatal(err)
	}
	// The entry pledge is dated at the sample's hire date (1 April 2019).
	for _, want := range []string{koreanTitle, "2019년 4월 1일"} {
		if !strings.Contains(dump, want) {
			t.Errorf("document lacks %q:\n%s", want, dump)
		}
	}
	xml, err := pkg.Read("word/document.xml")
	if err != nil {
		t.Fatal(err)
	}
	// Fonts and language live in the language's character style (LangKo); every run carries it.
	runs := regexp.MustCompile(`<w:r>|<w:r `).FindAll(xml, -1)
	styled := regexp.MustCompile(`<w:rStyle w:val="LangKo"/>`).FindAll(xml, -1)
	if len(runs) == 0 || len(styled) != len(runs) {
		t.Errorf("%d runs, %d with the Korean language style: every run must have it", len(runs), len(styled))
	}
	styles, err := pkg.Read("word/styles.xml")
	if err != nil {
		t.Fatal(err)
	}
	style := regexp.MustCompile(`<w:style [^>]*w:styleId="LangKo">.*?</w:style>`).Find(styles)
	for _, want := range []string{`<w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="Malgun Gothic" w:hint="eastAsia"/>`,
		`<w:lang w:val="ko-KR" w:eastAsia="ko-KR"/>`} {
		if !bytes.Contains(style, []byte(want)) {
			t.Errorf("the LangKo style lacks %s: %s", want, style)
		}
	}
	if bytes.Contains(xml, []byte(`w:val="en-GB"`)) || bytes.Contains(xml, []byte("Yu Mincho")) {
		t.Error("the Korean document has runs tagged for another language")
	}
}

// Without the language file, Korean is refused with a message that says what to add.
func TestUnknownLanguageIsRefused(t *testing.T) {
	dir := t.TempDir()
	prof := plainProfile(t, dir, "en")
	var out, errw bytes.Buffer
	code := Main([]string{"build", prof, "--lang", "ko", "--doc", "nda-employee", "-o", filepath.Join(dir, "out")}, nil, &out, &errw)
	if code != 1 || !strings.Contains(errw.String(), `unknown language "ko"`) || !strings.Contains(errw.String(), "Add a language") {
		t.Errorf("exit %d, stderr %q", code, errw.String())
	}
	ko := plainProfile(t, dir, "ko")
	errw.Reset()
	code = Main([]string{"build", ko, "--doc", "nda-employee", "-o", filepath.Join(dir, "out")}, nil, &out, &errw)
	if code != 1 || !strings.Contains(errw.String(), `unknown language code "ko"`) {
		t.Errorf("profile in ko without its language file: exit %d, stderr %q", code, errw.String())
	}
	if _, err := os.Stat(filepath.Join(dir, "out")); err == nil {
		t.Error("a refused build wrote its output directory")
	}
	// A broken language file is refused with its place.
	bad := t.TempDir()
	os.MkdirAll(filepath.Join(bad, "ko"), 0o755)
	os.WriteFile(filepath.Join(bad, "ko", vocab.LanguageFile), []byte(strings.Replace(testsupport.KoreanLanguage, "{y}년", "{year}년", 1)), 0o644)
	errw.Reset()
	code = Main([]string{"build", ko, "--locales", bad, "--doc", "nda-employee", "-o", filepath.Join(dir, "out")}, nil, &out, &errw)
	if code != 1 || !strings.Contains(errw.String(), filepath.ToSlash(filepath.Join(bad, "ko", vocab.LanguageFile))) || !strings.Contains(errw.String(), "unknown placeholder {year}") {
		t.Errorf("broken language file: exit %d, stderr %q", code, errw.String())
	}

}

// The keys a document requires are read from its template: a tag a template author adds is
// required by check at once, and by build before anything is drafted.
func TestCheckRequiresWhatATemplateAdds(t *testing.T) {
	src, err := fs.ReadFile(tsdraft.Templates, "templates/src/regulations.txt")
	if err != nil {
		t.Fatal(err)
	}
	src = append(src, "p: Telephone of the trade-secret office: {{ company.phone }}\n"...)
	b, err := tplgen.Generate("regulations.txt", "regulations", src)
	if err != nil {
		t.Fatal(err)
	}
	tdir := t.TempDir()
	if err := os.WriteFile(filepath.Join(tdir, "regulations.docx"), b, 0o644); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	prof := plainProfile(t, dir, "en")
	// The sample gives a phone number: take it out, as a client's profile may.
	pb, _ := os.ReadFile(prof)
	pb = regexp.MustCompile(`(?m)^\s*phone = .*\n`).ReplaceAll(pb, nil)
	if err := os.WriteFile(prof, pb, 0o644); err != nil {
		t.Fatal(err)
	}
	const want = "company.phone is required for regulations"
	var out, errw bytes.Buffer
	if code := Main([]string{"check", prof, "--doc", "regulations"}, nil, &out, &errw); code != 0 || strings.Contains(out.String(), want) {
		t.Fatalf("shipped template: exit %d\n%s%s", code, out.String(), errw.String())
	}
	out.Reset()
	code := Main([]string{"check", prof, "--doc", "regulations", "--templates", tdir}, nil, &out, &errw)
	if code != 1 || !strings.Contains(out.String(), want) || !strings.Contains(out.String(), "add phone = … under [company]") {
		t.Errorf("template with a new tag: exit %d\n%s%s", code, out.String(), errw.String())
	}
	errw.Reset()
	code = Main([]string{"build", prof, "--doc", "regulations", "--templates", tdir, "-o", filepath.Join(dir, "out")}, nil, &out, &errw)
	if code != 1 || !strings.Contains(errw.String(), want) {
		t.Errorf("build: exit %d\n%s", code, errw.String())
	}
	if _, err := os.Stat(filepath.Join(dir, "out")); err == nil {
		t.Error("a refused build wrote its output directory")
	}
}
