package vocab

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"
)

// Scripts the text checks know; a language of another script gets the Latin-script checks.
const (
	ScriptCJK    = "cjk"
	ScriptLatin  = "latin"
	ScriptThai   = "thai"
	ScriptHangul = "hangul"
)

// finish checks a decoded language and prepares its number-word table.
func (l *Language) finish() error {
	switch {
	case l.Native == "" || l.Name == "":
		return fmt.Errorf("name and native (the language's name in itself) must be given")
	case l.Script == "":
		return fmt.Errorf("script must be given (cjk, latin, thai, hangul, …)")
	case l.Word.Lang == "":
		return fmt.Errorf("[word] lang must be given: the tag Word writes on every run, e.g. ko-KR")
	case l.Fonts.ASCII == "":
		return fmt.Errorf("[fonts] ascii must be given")
	case l.Numbers.Group == "" || l.Numbers.Decimal == "" || l.Numbers.ListSeparator == "":
		return fmt.Errorf("[numbers] group, decimal and list_separator must be given")
	}
	for _, tag := range []string{l.Word.Lang, l.Word.EastAsia, l.Word.Bidi, l.Collation} {
		if tag == "" {
			continue
		}
		if _, err := language.Parse(tag); err != nil {
			return fmt.Errorf("%q is not a BCP 47 language tag: %v", tag, err)
		}
	}
	for _, p := range []struct{ key, pattern string }{{"long", l.Dates.Long}, {"short", l.Dates.Short}} {
		if p.pattern == "" {
			return fmt.Errorf("[dates] %s must be given", p.key)
		}
		if err := checkPattern(p.pattern); err != nil {
			return fmt.Errorf("[dates] %s = %q: %w", p.key, p.pattern, err)
		}
		if strings.Contains(p.pattern, "{month}") && len(l.Dates.Months) != 12 {
			return fmt.Errorf("[dates] %s uses {month}, so months must list the twelve month names (it has %d)", p.key, len(l.Dates.Months))
		}
	}
	w := l.Words
	switch w.Match {
	case "", "words", "substrings":
	default:
		return fmt.Errorf("[number_words] match = %q: use words or substrings", w.Match)
	}
	if len(w.Months) != 0 && len(w.Months) != 12 {
		return fmt.Errorf("[number_words] months has %d names; give twelve (\"\" leaves one out)", len(w.Months))
	}
	if n := len(l.Levels); n != 0 && n != 3 {
		return fmt.Errorf("[[levels]] has %d entries; the default classification has three (highest first) or none", n)
	}
	return nil
}

// checkPattern accepts a date pattern made of text and the known placeholders.
func checkPattern(p string) error {
	rest := p
	for {
		i := strings.IndexByte(rest, '{')
		if i < 0 {
			if strings.Contains(rest, "}") {
				return fmt.Errorf("a } without its {")
			}
			return nil
		}
		j := strings.IndexByte(rest[i:], '}')
		if j < 0 {
			return fmt.Errorf("a { without its }")
		}
		switch rest[i+1 : i+j] {
		case "d", "dd", "m", "mm", "month", "y", "yyyy":
		default:
			return fmt.Errorf("unknown placeholder {%s}: use {d} {dd} {m} {mm} {month} {y} {yyyy}", rest[i+1:i+j])
		}
		rest = rest[i+j+1:]
	}
}

// FormatDate writes a date in the long or short form of the language ("" is long).
func (l *Language) FormatDate(t time.Time, form string) (string, error) {
	pattern := l.Dates.Long
	switch form {
	case "", "long":
	case "short":
		pattern = l.Dates.Short
	default:
		return "", fmt.Errorf("date form %q is not long or short", form)
	}
	y, m, d := t.Date()
	y += l.Dates.YearOffset
	month := ""
	if len(l.Dates.Months) == 12 {
		month = l.Dates.Months[m-1]
	}
	r := strings.NewReplacer(
		"{dd}", fmt.Sprintf("%02d", d), "{d}", strconv.Itoa(d),
		"{mm}", fmt.Sprintf("%02d", int(m)), "{month}", month, "{m}", strconv.Itoa(int(m)),
		"{yyyy}", fmt.Sprintf("%04d", y), "{y}", strconv.Itoa(y))
	return r.Replace(pattern), nil
}

// FormatNumber groups thousands the way the language writes them (1,234.5 or 1.234,5); a
// negative decimals writes as many as the number needs.
func (l *Language) FormatNumber(f float64, decimals int) string {
	neg := f < 0
	f = math.Abs(f)
	s := strconv.FormatFloat(f, 'f', decimals, 64)
	if decimals < 0 {
		s = strconv.FormatFloat(f, 'f', -1, 64)
	}
	intPart, frac, _ := strings.Cut(s, ".")
	var b strings.Builder
	if neg {
		b.WriteByte('-')
	}
	for i, c := range intPart {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			b.WriteString(l.Numbers.Group)
		}
		b.WriteRune(c)
	}
	if frac != "" {
		b.WriteString(l.Numbers.Decimal)
		b.WriteString(frac)
	}
	return b.String()
}

// ListSeparator joins the values of a list printed as one text.
func (l *Language) ListSeparator() string { return l.Numbers.ListSeparator }

// NumberWords returns the language's number words and the numbers each stands for: Values[i]
// stands for i+1, a half for both 1 and 2, a month name for its month. Substrings reports
// that they are to be found inside words (a script without spaces between words).
func (l *Language) NumberWords() (words map[string][]int, substrings bool) {
	w := l.Words
	words = map[string][]int{}
	for i, vals := range w.Values {
		for _, word := range strings.Fields(vals) {
			words[word] = append(words[word], i+1)
		}
	}
	for _, word := range strings.Fields(w.Half) {
		words[word] = append(words[word], 1, 2)
	}
	for i, name := range w.Months {
		if name != "" {
			words[name] = append(words[name], i+1)
		}
	}
	return words, w.Match == "substrings"
}

// Collator returns the collation that sorts the language's texts (by its collation tag, else
// its code).
func (l *Language) Collator() *collate.Collator {
	tag := l.Collation
	if tag == "" {
		tag = l.Code
	}
	return collate.New(language.Make(tag))
}
