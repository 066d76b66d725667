package translate

import (
	"fmt"
	"maps"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/tsdraft/tsdraft/internal/vocab"
)

// The text checks below look at one text (and, for translations, its master). They return
// findings at byte offsets so that the caller can turn them into file lines.

// withoutTags replaces every tag by spaces of the same byte length, so that offsets stay
// valid and nothing inside a tag (paths, quoted keys) is taken for prose.
func withoutTags(text string) string { return maskTags(text, ' ') }

// maskTags replaces every byte of every tag by fill.
func maskTags(text string, fill byte) string {
	spans, _ := scanTags(text)
	if len(spans) == 0 {
		return text
	}
	b := []byte(text)
	for _, t := range spans {
		for i := t.start; i < t.end; i++ {
			b[i] = fill
		}
	}
	return string(b)
}

// checkSpaces finds leading and trailing whitespace (of the text and of each line) and
// runs of spaces: in a document they show as ragged indents and gaps.
func checkSpaces(text string) []finding {
	text = maskTags(text, 'x') // spacing inside a tag is the engine's business
	var out []finding
	if text == "" {
		return nil
	}
	if r, _ := utf8.DecodeRuneInString(text); unicode.IsSpace(r) {
		out = append(out, finding{0, "text starts with whitespace"})
	}
	if r, size := utf8.DecodeLastRuneInString(text); unicode.IsSpace(r) {
		out = append(out, finding{len(text) - size, "text ends with whitespace"})
	}
	isBlank := func(r rune) bool { return r == ' ' || r == '\u3000' || r == '\u00a0' || r == '\t' }
	off := 0
	breaks := strings.Count(text, "\n")
	for i, line := range strings.Split(text, "\n") {
		if i > 0 && line != "" {
			if r, _ := utf8.DecodeRuneInString(line); isBlank(r) {
				out = append(out, finding{off, "line starts with a space"})
			}
		}
		if i < breaks && line != "" {
			if r, size := utf8.DecodeLastRuneInString(line); isBlank(r) {
				out = append(out, finding{off + len(line) - size, "line ends with a space"})
			}
		}
		prevBlank := false
		for j, r := range line {
			if isBlank(r) && r != '\t' {
				if prevBlank && j > 0 {
					out = append(out, finding{off + j, "double space"})
					break
				}
				prevBlank = true
			} else {
				prevBlank = false
			}
		}
		off += len(line) + 1
	}
	return out
}

// checkInvisible finds control characters (other than line break and tab) and invisible
// format characters: zero-width spaces and joiners, BOMs, bidi marks, soft hyphens. They
// come from copy and paste and change how Word breaks lines without anyone seeing why.
func checkInvisible(text string) []finding {
	var out []finding
	for i, r := range text {
		switch {
		case r == '\n' || r == '\t':
		case r == utf8.RuneError:
			out = append(out, finding{i, "invalid or replacement character U+FFFD"})
		case unicode.IsControl(r):
			name := fmt.Sprintf("control character U+%04X", r)
			if r == '\r' {
				name = "carriage return (U+000D): the file may have been saved with Windows line ends inside a string"
			}
			out = append(out, finding{i, name})
		case unicode.Is(unicode.Cf, r) || r == '\u2028' || r == '\u2029':
			out = append(out, finding{i, fmt.Sprintf("invisible character U+%04X", r)})
		}
	}
	return out
}

// cjkRune reports Han, kana and CJK punctuation: after one of these, an ASCII period is a
// typo for 。.
func cjkRune(r rune) bool {
	return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana) ||
		(r >= 0x3000 && r <= 0x303f) || (r >= 0xff01 && r <= 0xff60)
}

// checkPunctuation finds sentence punctuation of the wrong script: an ASCII period closing
// a Japanese or Chinese sentence, an ideographic full stop or comma in a Latin or Thai text.
func checkPunctuation(lang, text string) []finding {
	prose := withoutTags(text)
	var out []finding
	switch scriptOf(lang) {
	case vocab.ScriptCJK:
		var prev rune
		for i, r := range prose {
			if r == '.' && cjkRune(prev) {
				next, _ := utf8.DecodeRuneInString(prose[i+1:])
				if i+1 >= len(prose) || unicode.IsSpace(next) || cjkRune(next) {
					out = append(out, finding{i, "ASCII period \".\" ends a sentence: use 。"})
				}
			}
			prev = r
		}
	default:
		for i, r := range prose {
			switch r {
			case '。', '．':
				out = append(out, finding{i, fmt.Sprintf("%c in a %s text: use \".\"", r, lang)})
			case '、':
				out = append(out, finding{i, fmt.Sprintf("%c in a %s text: use \",\"", r, lang)})
			}
		}
	}
	return out
}

var (
	// A Japanese era year (平成5年) becomes a Gregorian year in translation, so its number
	// is not expected to reappear.
	eras = []string{"明治", "大正", "昭和", "平成", "令和"}
	// Article references written in kanji numerals: 第二十三条, 第六項 (usual in Chinese).
	kanjiArticle = regexp.MustCompile(`第([〇零一二两三四五六七八九十百千]+)(条|條|項|项|号|號|款|章|節|节|編|编)`)
)

// numbersIn returns the distinct numbers of a text outside its tags: digit runs (ASCII,
// full-width and Thai digits alike) and article references in kanji numerals, without
// leading zeros, so that 第2条第6項, Article 2(6), 第二条第六项 and มาตรา ๒ all yield 2 and 6.
func numbersIn(text string) []string {
	prose := withoutTags(text)
	seen := map[string]bool{}
	var out []string
	add := func(n string) {
		n = strings.TrimLeft(n, "0")
		if n == "" {
			n = "0"
		}
		if !seen[n] {
			seen[n] = true
			out = append(out, n)
		}
	}
	for _, m := range kanjiArticle.FindAllStringSubmatch(prose, -1) {
		if v, ok := kanjiNumber(m[1]); ok {
			add(strconv.Itoa(v))
		}
	}
	var digits strings.Builder
	start := -1
	flush := func() {
		if digits.Len() > 0 && !eraYear(prose[:start]) {
			add(digits.String())
		}
		digits.Reset()
		start = -1
	}
	for i, r := range prose {
		if d, ok := digitValue(r); ok {
			if start < 0 {
				start = i
			}
			digits.WriteByte(byte('0' + d))
			continue
		}
		flush()
	}
	flush()
	return out
}

// eraYear reports whether the text before a number ends with a Japanese era name.
func eraYear(before string) bool {
	before = strings.TrimRight(before, " \u3000")
	for _, e := range eras {
		if strings.HasSuffix(before, e) {
			return true
		}
	}
	return false
}

func digitValue(r rune) (int, bool) {
	switch {
	case r >= '0' && r <= '9':
		return int(r - '0'), true
	case r >= '０' && r <= '９':
		return int(r - '０'), true
	case r >= '๐' && r <= '๙':
		return int(r - '๐'), true
	}
	return 0, false
}

// kanjiNumber reads 二十三, 百五, 二〇二五 (positional digits without units) and the like.
func kanjiNumber(s string) (int, bool) {
	digit := map[rune]int{'〇': 0, '零': 0, '一': 1, '二': 2, '两': 2, '三': 3, '四': 4, '五': 5, '六': 6, '七': 7, '八': 8, '九': 9}
	unit := map[rune]int{'十': 10, '百': 100, '千': 1000}
	if !strings.ContainsAny(s, "十百千") {
		n := 0
		for _, r := range s {
			n = n*10 + digit[r]
		}
		return n, s != ""
	}
	total, cur := 0, -1
	for _, r := range s {
		if d, ok := digit[r]; ok {
			cur = d
			continue
		}
		u := unit[r]
		if cur < 0 {
			cur = 1
		}
		total += cur * u
		cur = -1
	}
	if cur > 0 {
		total += cur
	}
	return total, true
}

// missingNumbers lists the numbers of the master that the translation lacks. Small numbers
// and months may be written as words in the translation ("two copies", "8 June", "zwei
// Jahre", "ครึ่ง"), a Gregorian year in the language's own era (Thai: Buddhist era, +543).
func missingNumbers(lang, master, translation string) []string {
	have := append(numbersIn(translation), numberWordsIn(lang, translation)...)
	offset := 0
	if l, ok := vocab.Active().Language(lang); ok {
		offset = l.Dates.YearOffset
	}
	var out []string
	for _, n := range numbersIn(master) {
		if slices.Contains(have, n) {
			continue
		}
		if y, err := strconv.Atoi(n); err == nil && offset != 0 && y >= 1800 && y <= 2300 && slices.Contains(have, strconv.Itoa(y+offset)) {
			continue
		}
		out = append(out, n)
	}
	return out
}

// numberWordsIn returns the numbers a translation writes as words. The words are the
// language's data ([number_words] in locales/<lang>/language.toml): cardinals and ordinals up
// to twelve, "half" (for 2分の1: both 1 and 2), "twice", "both", month names.
func numberWordsIn(lang, text string) []string {
	l, ok := vocab.Active().Language(lang)
	if !ok {
		return nil
	}
	words, substrings := l.NumberWords()
	prose := strings.ToLower(withoutTags(text))
	var vals []int
	if substrings {
		// Scripts without spaces between words: number words are found inside the text, once the
		// ordinary words that hold one are blanked out. Sorted, so that the numbers come out in
		// the same order every run.
		for _, w := range l.Words.Not {
			prose = strings.ReplaceAll(prose, w, " ")
		}
		for _, w := range slices.Sorted(maps.Keys(words)) {
			if strings.Contains(prose, w) {
				vals = append(vals, words[w]...)
			}
		}
	} else {
		for _, w := range strings.FieldsFunc(prose, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.Is(unicode.Mn, r) }) {
			vals = append(vals, words[w]...)
		}
	}
	if l.Script == vocab.ScriptLatin {
		// Chapters are often numbered in Roman numerals: Chương II, BAB IV.
		for _, w := range strings.Fields(withoutTags(text)) {
			if v, ok := romanNumber(strings.Trim(w, ".,;:()")); ok {
				vals = append(vals, v)
			}
		}
	}
	if l.Words.HanNumerals {
		// Chinese writes numbers in Han numerals: 两年, 三个月, 二〇一六年.
		for _, run := range hanNumeral.FindAllString(prose, -1) {
			if v, ok := kanjiNumber(run); ok {
				vals = append(vals, v)
			}
		}
	}
	out := make([]string, 0, len(vals))
	for _, v := range vals {
		out = append(out, strconv.Itoa(v))
	}
	return out
}

// romanNumber reads an upper-case Roman numeral up to 39 (chapter numbers).
func romanNumber(w string) (int, bool) {
	if w == "" || len(w) > 6 || strings.Trim(w, "IVX") != "" {
		return 0, false
	}
	val := map[byte]int{'I': 1, 'V': 5, 'X': 10}
	n := 0
	for i := 0; i < len(w); i++ {
		v := val[w[i]]
		if i+1 < len(w) && val[w[i+1]] > v {
			n -= v
		} else {
			n += v
		}
	}
	return n, n > 0
}

var hanNumeral = regexp.MustCompile(`[〇零一二两三四五六七八九十百千]+`)

// hasLetters reports whether a text has any letter outside its tags (a text of only tags
// and digits may well be the same in every language).
func hasLetters(text string) bool {
	for _, r := range withoutTags(text) {
		if unicode.IsLetter(r) {
			return true
		}
	}
	return false
}

// sameAsMaster reports a translation identical to a master that has words, for languages
// written in another script than Japanese (Chinese shares the Han script, so a short
// Chinese text can rightly equal the Japanese one).
func sameAsMaster(lang, master, translation string) bool {
	return scriptOf(lang) != vocab.ScriptCJK && translation == master && hasLetters(master)
}
