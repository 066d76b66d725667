package translate

import (
	"io/fs"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode"

	tsdraft "github.com/tsdraft/tsdraft"
	"github.com/tsdraft/tsdraft/internal/catalog"
	"github.com/tsdraft/tsdraft/internal/vocab"
)

// masterNumbers is every number a master text holds, in any form a translator may render as
// a word: digits and article numbers (numbersIn), and Han numerals anywhere (第三者 "third
// party", 一方 "one party", 双方 and 両 "both", 半 "half").
func masterNumbers(text string) []string {
	nums := numbersIn(text)
	for _, run := range hanNumeral.FindAllString(withoutTags(text), -1) {
		if v, ok := kanjiNumber(run); ok {
			nums = append(nums, strconv.Itoa(v))
		}
	}
	if strings.ContainsAny(text, "双両") {
		nums = append(nums, "2")
	}
	if strings.Contains(text, "半") {
		nums = append(nums, "1", "2")
	}
	return nums
}

// TestNumberWordsAreNotOrdinaryWords checks every language's number words against the
// shipped translations: a word that mostly stands in texts whose master holds no such
// number is an ordinary word (Vietnamese "năm" is "year" far more often than "five",
// English "may" is a verb, German "eine" an article), and counting it as a number would let
// a wrong number pass the [numbers] check.
func TestNumberWordsAreNotOrdinaryWords(t *testing.T) {
	sub, err := fs.Sub(tsdraft.Locales, "locales")
	if err != nil {
		t.Fatal(err)
	}
	c, err := catalog.Load(sub)
	if err != nil {
		t.Fatal(err)
	}
	type tally struct{ seen, unexplained int }
	tallies := map[string]*tally{}
	count := func(lang, word string, vals []int, master []string) {
		k := lang + " " + word
		if tallies[k] == nil {
			tallies[k] = &tally{}
		}
		tallies[k].seen++
		for _, v := range vals {
			if slices.Contains(master, strconv.Itoa(v)) {
				return
			}
		}
		tallies[k].unexplained++
	}
	for _, e := range c.SortedEntries() {
		m := c.Entry(e.Master())
		if e.Lang == catalog.Master || m == nil {
			continue
		}
		master := masterNumbers(m.Text)
		prose := strings.ToLower(withoutTags(e.Text))
		words := strings.FieldsFunc(prose, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.Is(unicode.Mn, r) })
		l, ok := vocab.Active().Language(e.Lang)
		if !ok {
			t.Fatalf("%s: no language data", e.Lang)
		}
		numWords, substrings := l.NumberWords()
		if !substrings {
			for w, vals := range numWords {
				if slices.Contains(words, w) {
					count(e.Lang, w, vals, master)
				}
			}
			continue
		}
		for _, w := range l.Words.Not {
			prose = strings.ReplaceAll(prose, w, " ")
		}
		for w, vals := range numWords {
			if strings.Contains(prose, w) {
				count(e.Lang, w, vals, master)
			}
		}
	}
	if len(tallies) < 20 {
		t.Fatalf("only %d number words found in the shipped texts: the test no longer sees them", len(tallies))
	}
	for k, n := range tallies {
		// German writes "one" with the indefinite article (eine Ausfertigung = 1 copy), so the
		// article stays a number word although most of its uses are plain articles: without it
		// every "1" of the master would be reported missing in German.
		if germanArticle[k] {
			continue
		}
		// Three texts or more, most of them without the number: an ordinary word.
		if n.seen >= 3 && n.unexplained*2 > n.seen {
			t.Errorf("%s: in %d of the %d translations holding it, the master has no such number: an ordinary word, not a number word", k, n.unexplained, n.seen)
		}
	}
}

// TestVietnameseYearIsNotFive is the case of the issue: "04 năm" against a master "5年".
func TestVietnameseYearIsNotFive(t *testing.T) {
	if got := missingNumbers("vi", "期間は5年とする。", "Thời hạn là 04 năm."); !slices.Equal(got, []string{"5"}) {
		t.Errorf("missing numbers = %q, want [5]", got)
	}
	if got := missingNumbers("vi", "期間は5年とする。", "Thời hạn là 5 năm."); len(got) != 0 {
		t.Errorf("missing numbers = %q, want none", got)
	}
	if got := missingNumbers("th", "5日以内", "ห้ามเกิน ๔ วัน"); !slices.Equal(got, []string{"5"}) {
		t.Errorf("th: missing numbers = %q, want [5] (ห้าม is not ห้า)", got)
	}
	if got := missingNumbers("en", "5月1日", "on 1 May"); !slices.Equal(got, []string{"5"}) {
		t.Errorf("en: missing numbers = %q, want [5] (may is not a month here)", got)
	}
}

// TestDetectLanguageOnShippedTexts measures the language signal on real text: no shipped
// translation reads as another language, and most long ones are recognised as their own.
func TestDetectLanguageOnShippedTexts(t *testing.T) {
	sub, err := fs.Sub(tsdraft.Locales, "locales")
	if err != nil {
		t.Fatal(err)
	}
	c, err := catalog.Load(sub)
	if err != nil {
		t.Fatal(err)
	}
	own, long := map[string]int{}, map[string]int{}
	for _, e := range c.SortedEntries() {
		if e.Lang == catalog.Master || len([]rune(withoutTags(e.Text))) < 80 {
			continue
		}
		long[e.Lang]++
		switch g := detectLanguage(e.Text); g.lang {
		case e.Lang:
			own[e.Lang]++
		case "":
		default:
			if msg := languageMismatch(e.Lang, e.Text); msg != "" {
				t.Errorf("%s: %s", e.ID(), msg)
			}
		}
	}
	for _, lang := range catalog.Languages {
		t.Logf("%s: %d of %d texts of 80 characters or more recognised", lang, own[lang], long[lang])
		if long[lang] > 0 && own[lang]*10 < long[lang]*9 {
			t.Errorf("%s: only %d of %d long texts recognised as %s", lang, own[lang], long[lang], lang)
		}
	}
}

var germanArticle = map[string]bool{"de ein": true, "de eine": true, "de einen": true, "de einem": true, "de einer": true, "de eines": true}
