package vocab

import (
	tsdraft "github.com/tsdraft/tsdraft"
	"io/fs"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/tsdraft/tsdraft/internal/testsupport"
)

func TestBuiltinLists(t *testing.T) {
	v := Builtin()
	if got, want := v.LanguageCodes(), []string{"ja", "en", "zh-CN", "th", "vi", "id", "de"}; !slices.Equal(got, want) {
		t.Errorf("languages = %v, want %v", got, want)
	}
	if got, want := v.JurisdictionCodes(), []string{"JP", "CN", "TH", "VN", "ID", "DE", "UK", "EU"}; !slices.Equal(got, want) {
		t.Errorf("jurisdictions = %v, want %v", got, want)
	}
	if got, want := v.DocumentIDs(), []string{"nda-employee", "nda-partner", "labour-clause", "noncompete", "exit-pledge", "regulations", "classification-guide", "secret-register"}; !slices.Equal(got, want) {
		t.Errorf("documents = %v, want %v", got, want)
	}
	if v.Master() != "ja" {
		t.Errorf("master = %q", v.Master())
	}
	emp := v.DocumentsWhere(func(d *Document) bool { return d.Employee })
	if want := []string{"nda-employee", "labour-clause", "noncompete", "exit-pledge"}; !slices.Equal(emp, want) {
		t.Errorf("employee documents = %v, want %v", emp, want)
	}
	levels := map[string]string{}
	for _, d := range v.Documents() {
		levels[d.ID] = d.Level
	}
	for id, want := range map[string]string{"regulations": LevelLowest, "classification-guide": LevelLowest, "secret-register": LevelHighest, "nda-partner": LevelMiddle, "exit-pledge": LevelMiddle} {
		if levels[id] != want {
			t.Errorf("%s level = %q, want %q", id, levels[id], want)
		}
	}
}

// The built-in formats, as the documents print them.
func TestFormats(t *testing.T) {
	v := Builtin()
	d := time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)
	for _, c := range []struct{ lang, long, short, num string }{
		{"ja", "2026年3月1日", "2026/03/01", "1,234,567.5"},
		{"zh-CN", "2026年3月1日", "2026-03-01", "1,234,567.5"},
		{"en", "1 March 2026", "2026-03-01", "1,234,567.5"},
		{"th", "1 มีนาคม 2569", "01/03/2569", "1,234,567.5"},
		{"vi", "ngày 01 tháng 3 năm 2026", "01/03/2026", "1.234.567,5"}, // Decree 30/2020: months 1–2 only take a 0
		{"id", "1 Maret 2026", "01/03/2026", "1.234.567,5"},
		{"de", "1. März 2026", "01.03.2026", "1.234.567,5"},
	} {
		l, ok := v.Language(c.lang)
		if !ok {
			t.Fatalf("no language %s", c.lang)
		}
		for form, want := range map[string]string{"long": c.long, "": c.long, "short": c.short} {
			got, err := l.FormatDate(d, form)
			if err != nil || got != want {
				t.Errorf("%s %q date = %q, %v; want %q", c.lang, form, got, err, want)
			}
		}
		if got := l.FormatNumber(-1234567.5, -1); got != "-"+c.num {
			t.Errorf("%s number = %q, want -%s", c.lang, got, c.num)
		}
		if _, err := l.FormatDate(d, "medium"); err == nil {
			t.Errorf("%s: date form medium accepted", c.lang)
		}
	}
	en, _ := v.Language("en")
	if got := en.FormatNumber(1000, 2); got != "1,000.00" {
		t.Errorf("2 decimals = %q", got)
	}
}

func TestCanonicalLanguage(t *testing.T) {
	v := Builtin()
	for tag, want := range map[string]string{
		"en-US": "en", "EN_gb": "en", "eng": "en", "ja-JP": "ja", "jpn": "ja", "zh-Hans-CN": "zh-CN", "zh": "zh-CN", "zh-CN": "zh-CN",
		"zh-sg": "zh-CN", "zho": "zh-CN", "DE-de": "de", "deu": "de", "ger-DE": "de", "in": "id", "in-ID": "id", "th-TH": "th", "vi": "vi",
		"zh-TW": "", "zh-Hant": "", "fr": "", "": "", "ko": "",
	} {
		got, ok := v.CanonicalLanguage(tag)
		if got != want || ok != (want != "") {
			t.Errorf("CanonicalLanguage(%q) = %q, %v; want %q", tag, got, ok, want)
		}
	}
}

// Words that are also ordinary words hide a missing number: they must stay out of the tables.
func TestNumberWordsLeaveOutOrdinaryWords(t *testing.T) {
	v := Builtin()
	for lang, words := range map[string][]string{
		"vi": {"năm", "tư", "nhất"}, "en": {"may", "first"}, "de": {"acht"}, "id": {"sekali"},
	} {
		l, _ := v.Language(lang)
		m, _ := l.NumberWords()
		for _, w := range words {
			if _, ok := m[w]; ok {
				t.Errorf("%s number words hold %q", lang, w)
			}
		}
	}
	// Thai keeps สาม and ห้า, with the ordinary words that hold them blanked out first.
	thai, _ := v.Language("th")
	for _, w := range []string{"ห้าม", "สามารถ", "เสี่ยง"} {
		if !slices.Contains(thai.Words.Not, w) {
			t.Errorf("th number words do not blank out %q", w)
		}
	}
	vi, _ := v.Language("vi")
	m, sub := vi.NumberWords()
	if sub || !slices.Equal(m["hai"], []int{2}) || !slices.Equal(m["nửa"], []int{1, 2}) {
		t.Errorf("vi number words: substrings=%v hai=%v nửa=%v", sub, m["hai"], m["nửa"])
	}
	th, _ := v.Language("th")
	m, sub = th.NumberWords()
	if !sub || !slices.Equal(m["มีนาคม"], []int{3}) {
		t.Errorf("th number words: substrings=%v มีนาคม=%v", sub, m["มีนาคม"])
	}
}

func TestWithLanguagesAddsAndLayers(t *testing.T) {
	dir := t.TempDir()
	testsupport.WriteLanguage(t, dir, "ko", testsupport.KoreanLanguage)
	// A user's file for a known language changes only the keys it gives.
	testsupport.WriteLanguage(t, dir, "de", "[fonts]\nascii = \"Arial\"\n")
	base := Builtin()
	v, err := base.WithLanguages(dir)
	if err != nil {
		t.Fatal(err)
	}
	if got := v.LanguageCodes(); !slices.Equal(got, []string{"ja", "en", "zh-CN", "th", "vi", "id", "de", "ko"}) {
		t.Errorf("languages = %v", got)
	}
	ko, _ := v.Language("ko")
	if got, _ := ko.FormatDate(time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC), "long"); got != "2026년 3월 1일" {
		t.Errorf("ko date = %q", got)
	}
	if c, ok := v.CanonicalLanguage("ko-KR"); !ok || c != "ko" {
		t.Errorf("ko-KR = %q, %v", c, ok)
	}
	de, _ := v.Language("de")
	if de.Fonts.ASCII != "Arial" || de.Fonts.HAnsi != "Times New Roman" || de.Dates.Long != "{d}. {month} {y}" {
		t.Errorf("layered de = %+v %+v", de.Fonts, de.Dates)
	}
	if base.IsLanguage("ko") {
		t.Error("layering changed the built-in vocabulary")
	}
	if bde, _ := base.Language("de"); bde.Fonts.ASCII != "Times New Roman" {
		t.Error("layering changed the built-in German")
	}
	restore := Use(v)
	if !Active().IsLanguage("ko") {
		t.Error("Use did not make the vocabulary active")
	}
	restore()
	if Active().IsLanguage("ko") {
		t.Error("restore left the layered vocabulary active")
	}
	// A directory without language files changes nothing.
	same, err := base.WithLanguages(t.TempDir())
	if err != nil || same != base {
		t.Errorf("empty dir: %v, same=%v", err, same == base)
	}
}

// A bad language file is refused with its place and what to do.
func TestBadLanguageFiles(t *testing.T) {
	for _, c := range []struct{ name, code, body, want string }{
		{"syntax", "ko", "code = \"ko\nname = 1", "ko/language.toml:1:"},
		{"unknown key", "ko", testsupport.KoreanLanguage + "\n[fonts2]\nx = 1\n", "unknown key fonts2"},
		{"folder", "kr", testsupport.KoreanLanguage, `code = "ko" must be the folder's name (kr)`},
		{"placeholder", "ko", strings.Replace(testsupport.KoreanLanguage, "{y}년", "{yy}년", 1), "unknown placeholder {yy}"},
		{"months", "ko", strings.Replace(testsupport.KoreanLanguage, "{y}년 {m}월", "{month}", 1), "twelve month names"},
		{"no lang tag", "ko", strings.Replace(testsupport.KoreanLanguage, `lang = "ko-KR"`, "", 1), "[word] lang must be given"},
		{"bad tag", "ko", strings.Replace(testsupport.KoreanLanguage, `lang = "ko-KR"`, `lang = "ko_KR!"`, 1), "not a BCP 47"},
		{"match", "ko", testsupport.KoreanLanguage + "\n[number_words]\nmatch = \"regex\"\n", `match = "regex"`},
		{"two masters", "ko", "master = true\n" + testsupport.KoreanLanguage, "2 languages say master = true"},
		{"levels", "ko", testsupport.KoreanLanguage + "\n[[levels]]\nlabel = \"x\"\n", "has 1 entries"},
	} {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			testsupport.WriteLanguage(t, dir, c.code, c.body)
			_, err := Builtin().WithLanguages(dir)
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Errorf("err = %v, want it to contain %q", err, c.want)
			}
		})
	}
}

// Each language sorts by its own collation, not by bytes.
func TestCollator(t *testing.T) {
	de, _ := Builtin().Language("de")
	words := []string{"Zebra", "Äpfel", "Apfel"}
	de.Collator().SortStrings(words)
	if want := []string{"Apfel", "Äpfel", "Zebra"}; !slices.Equal(words, want) {
		t.Errorf("de sorted %v, want %v", words, want)
	}
	ja, _ := Builtin().Language("ja")
	kana := []string{"さ", "か", "あ"}
	ja.Collator().SortStrings(kana)
	if want := []string{"あ", "か", "さ"}; !slices.Equal(kana, want) {
		t.Errorf("ja sorted %v, want %v", kana, want)
	}
}

// The embedded data is complete: every jurisdiction's texts are in its text languages, and the
// languages it names exist.
func TestBuiltinJurisdictionData(t *testing.T) {
	v := Builtin()
	for _, j := range v.Jurisdictions() {
		for _, l := range j.TextLanguages {
			for name, text := range map[string]Text{"institution": j.Defaults.Institution, "seat": j.Defaults.Seat,
				"governing_law": j.Defaults.GoverningLaw, "employee_forum": j.Defaults.EmployeeForum,
				"sample.company.name": j.Sample.Company.Name, "sample.employee_name": j.Sample.EmployeeName} {
				if text[l] == "" {
					t.Errorf("%s: %s has no %s text", j.Code, name, l)
				}
			}
		}
		if !slices.Contains(j.Required, j.Local) || !slices.Contains(j.Languages, j.Local) {
			t.Errorf("%s: local language %s is not among its languages / required", j.Code, j.Local)
		}
	}
	s, err := v.Sample()
	if err != nil {
		t.Fatal(err)
	}
	for i, it := range s.Items {
		if it.Category < 0 || it.Category >= len(s.Categories) {
			t.Errorf("sample item %d: category %d out of range", i, it.Category)
		}
	}
}

// A mistake in the vocabulary's own files is refused with the file and what to fix.
func TestBadVocabularyFiles(t *testing.T) {
	base := func() fstest.MapFS {
		m := fstest.MapFS{}
		err := fs.WalkDir(tsdraft.Vocab, "vocab", func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			b, err := fs.ReadFile(tsdraft.Vocab, p)
			m[strings.TrimPrefix(p, "vocab/")] = &fstest.MapFile{Data: b}
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		return m
	}
	locales, _ := fs.Sub(tsdraft.Locales, "locales")
	for _, c := range []struct {
		name, file, old, new, want string
	}{
		{"level", "documents.toml", `level = "lowest"`, `level = "low"`, `level = "low" is not lowest, middle or highest`},
		{"twice", "documents.toml", `id = "noncompete"`, `id = "nda-partner"`, `id "nda-partner" is given twice`},
		{"unknown key", "documents.toml", `partner = true`, `partnr = true`, "unknown key document.partnr"},
		{"language", "jurisdictions/TH.toml", `local = "th"`, `local = "tha"`, `local names "tha", which is not a language`},
		{"code", "jurisdictions/UK.toml", `code = "UK"`, `code = "GB"`, `code = "GB" must be the file's name (UK)`},
		{"category", "sample.toml", "category = 4", "category = 9", "category = 9, but there are 5 categories"},
		{"syntax", "sample.toml", "[parent]", "[parent", "vocab/sample.toml:"},
	} {
		t.Run(c.name, func(t *testing.T) {
			m := base()
			b := string(m[c.file].Data)
			if !strings.Contains(b, c.old) {
				t.Fatalf("%s has no %q", c.file, c.old)
			}
			m[c.file] = &fstest.MapFile{Data: []byte(strings.Replace(b, c.old, c.new, 1))}
			v, err := Load(m, locales)
			if err == nil {
				_, err = v.Sample() // read on first use
			}
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Errorf("err = %v, want %q", err, c.want)
			}
		})
	}
}

// TestVietnameseLongDateMonths: Decree 30/2020 style, a leading 0 for days below 10 and for the
// months 1 and 2 only («ngày 05 tháng 02», «ngày 30 tháng 4»).
func TestVietnameseLongDateMonths(t *testing.T) {
	l, ok := Builtin().Language("vi")
	if !ok {
		t.Fatal("no vi")
	}
	for _, c := range []struct {
		d    time.Time
		want string
	}{
		{time.Date(2026, 1, 5, 0, 0, 0, 0, time.UTC), "ngày 05 tháng 01 năm 2026"},
		{time.Date(2026, 2, 28, 0, 0, 0, 0, time.UTC), "ngày 28 tháng 02 năm 2026"},
		{time.Date(2026, 4, 30, 0, 0, 0, 0, time.UTC), "ngày 30 tháng 4 năm 2026"},
		{time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC), "ngày 01 tháng 12 năm 2026"},
	} {
		if got, err := l.FormatDate(c.d, "long"); err != nil || got != c.want {
			t.Errorf("%v: %q, %v; want %q", c.d, got, err, c.want)
		}
	}
}
