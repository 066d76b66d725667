package docxtmpl

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/tsdraft/tsdraft/internal/docx"
)

// Level is a level of a document's numbering: articles hold paragraphs, paragraphs hold items
// (第3条第1項第4号, Điều 3 khoản 1 điểm a, § 3 Abs. 1 Nr. 1, clause 3.1(a)).
type Level int

const (
	Article Level = iota
	Para
	Item
)

func (l Level) String() string { return [...]string{"article", "paragraph", "item"}[l] }

// Numbers are the article, paragraph and item numbers of a place (0: not at that level).
type Numbers [3]int

// Numbering counts the articles, paragraphs and items of one execution, separately for each
// language (a bilingual document numbers both languages in step, each with its own
// counters), and remembers labelled places so that references to them can be resolved once
// the whole document is written: a reference may come before its target, and a paragraph
// that a condition leaves out takes no number, so nothing is numbered by hand.
type Numbering struct {
	mu    sync.Mutex
	langs map[string]*numState
}

type numState struct {
	at     Numbers
	labels map[string]place
	paras  map[int]int // article → number of paragraphs
}

type place struct {
	nums  Numbers
	level Level
}

// validLabel reports whether a label is 1 to 64 of a-z 0-9 . _ -, starting with a letter or
// digit. (A hand check, not a package-level regexp: compiling it was part of every start-up.)
func validLabel(s string) bool {
	if len(s) < 1 || len(s) > 64 {
		return false
	}
	for i, c := range []byte(s) {
		switch {
		case 'a' <= c && c <= 'z', '0' <= c && c <= '9':
		case i > 0 && (c == '.' || c == '_' || c == '-'):
		default:
			return false
		}
	}
	return true
}

// Next moves lang's numbering to the next place at level (the levels below start again) and,
// when label is not empty, records the place under it. A label used twice in one language,
// or a paragraph or item before any article or paragraph, is an error.
func (n *Numbering) Next(lang string, lv Level, label string) (Numbers, error) {
	n.mu.Lock()
	defer n.mu.Unlock()
	if n.langs == nil {
		n.langs = map[string]*numState{}
	}
	st := n.langs[lang]
	if st == nil {
		st = &numState{labels: map[string]place{}, paras: map[int]int{}}
		n.langs[lang] = st
	}
	if lv < Article || lv > Item {
		return Numbers{}, fmt.Errorf("no numbering level %d", lv)
	}
	if lv == Item && st.at[Para] == 0 && st.at[Article] > 0 {
		// Items directly under an article (a list in the article's only paragraph) count as
		// items of its first paragraph.
		st.at[Para] = 1
	}
	st.at[lv]++
	for l := lv + 1; l <= Item; l++ {
		st.at[l] = 0
	}
	if st.at[Para] > st.paras[st.at[Article]] {
		st.paras[st.at[Article]] = st.at[Para]
	}
	if label != "" {
		if !validLabel(label) {
			return Numbers{}, fmt.Errorf("label %q: use lower-case letters, digits and . _ - (at most 64)", label)
		}
		if _, dup := st.labels[label]; dup {
			return Numbers{}, fmt.Errorf("label %q is given to two places", label)
		}
		st.labels[label] = place{st.at, lv}
	}
	return st.at, nil
}

// At returns the place lang's numbering has reached: where a reference written now stands.
func (n *Numbering) At(lang string) Numbers {
	n.mu.Lock()
	defer n.mu.Unlock()
	if st := n.langs[lang]; st != nil {
		return st.at
	}
	return Numbers{}
}

// RefMark is what a reference to label prints while the document is being written; Resolve
// replaces it with the citation. from is where the reference stands (Numbering.At), so that a
// paragraph of the same article is cited as natives cite it (前項, 本条第一款, khoản 1 Điều
// này, Absatz 1). It is made of private-use characters, which no shipped text holds.
// A reference to two places (two paragraphs of one article: 第1項及び第2項, 前2項, Absatz 1
// und 2) joins their labels with a comma, which no label holds.
func RefMark(lang string, labels []string, from Numbers) string {
	return fmt.Sprintf("\uE002%s|%s|%d.%d\uE003", lang, strings.Join(labels, ","), from[Article], from[Para])
}

// ParaMark is what a paragraph label prints while the document is being written: whether the
// paragraph is the only one of its article (and so carries no number, as in 第1条 with one
// 項) is known only at the end.
func ParaMark(lang string, nums Numbers) string {
	return fmt.Sprintf("\uE004%s|%d.%d\uE005", lang, nums[Article], nums[Para])
}

// The marks' delimiters. A paragraph mark is \uE004 lang | article . paragraph \uE005 and a
// reference mark \uE002 lang | labels | article . paragraph \uE003; replaceMarks finds them.
const (
	refOpen, refClose   = "\uE002", "\uE003"
	paraOpen, paraClose = "\uE004", "\uE005"
)

// Words gives the numbering its words in a language: the label printed before a paragraph,
// and the citation of a place.
type Words interface {
	Label(lang string, nums Numbers) (string, error)
	Cite(lang string, c Citation) (string, error)
	// CitePair cites two paragraphs of one article together (Resolve checks that they are).
	CitePair(lang string, first, second Citation) (string, error)
}

// Citation is a reference to resolve: the place cited and where the reference stands.
type Citation struct {
	Nums  Numbers // the place cited
	Level Level   // its level
	// Sole is true for the only paragraph of an article and for the items of that paragraph:
	// such a paragraph has no label and is cited as the article (第3条, 第3条第2号; clause 3,
	// clause 3(b)).
	Sole bool
	From Numbers // where the reference stands: its article and paragraph (0: none yet)
}

// SameArticle reports whether a paragraph or item is cited from inside its own article, where
// natives leave the article out (第2項, 本条第二款, วรรคสอง, khoản 2 Điều này, Absatz 2).
func (c Citation) SameArticle() bool {
	return c.Level != Article && c.From[Article] > 0 && c.From[Article] == c.Nums[Article]
}

// Preceding reports whether a numbered paragraph is cited from the paragraph right after it
// (前項, 前款).
func (c Citation) Preceding() bool { return c.precedes(1) }

// PrecedingPair reports whether first and second are the two paragraphs right before the one
// citing them (前2項, 前两款).
func PrecedingPair(first, second Citation) bool { return first.precedes(2) && second.precedes(1) }

func (c Citation) precedes(k int) bool {
	return c.Level == Para && !c.Sole && c.SameArticle() && c.From[Para] == c.Nums[Para]+k
}

// Resolve replaces the paragraph labels and reference marks in the parts the engine fills. A
// reference to a label no place carries (misspelt, or its paragraph left out by a condition)
// is an error naming it; so is a stray mark character (from a profile value).
func (n *Numbering) Resolve(pkg *docx.Package, words Words) error {
	n.mu.Lock()
	defer n.mu.Unlock()
	var errs []string
	sole := func(lang string, a int) bool {
		st := n.langs[lang]
		return st != nil && st.paras[a] == 1
	}
	for _, part := range pkg.PartsMatching(TemplateParts) {
		b, err := pkg.Read(part)
		if err != nil {
			return err
		}
		if !hasMark(b) {
			continue
		}
		out := replaceMarks(b, paraOpen, paraClose, func(m, inner string) string {
			lang, a, p, ok := parseParaMark(inner)
			if !ok {
				return m
			}
			if sole(lang, a) {
				return ""
			}
			s, err := words.Label(lang, Numbers{a, p, 0})
			if err != nil {
				errs = append(errs, fmt.Sprintf("%s: paragraph label: %v", part, err))
				return m
			}
			return xmlEscaper.Replace(s)
		})
		out = replaceMarks(out, refOpen, refClose, func(m, inner string) string {
			lang, joined, fa, fp, ok := parseRefMark(inner)
			if !ok {
				return m
			}
			labels := strings.Split(joined, ",")
			var cs []Citation
			for _, label := range labels {
				var p place
				var ok bool
				if st := n.langs[lang]; st != nil {
					p, ok = st.labels[label]
				}
				if !ok {
					errs = append(errs, fmt.Sprintf("%s: reference to %q, but no article, paragraph or item of the %s text carries that label (misspelt, or left out by a condition?)", part, label, lang))
					return m
				}
				cs = append(cs, Citation{Nums: p.nums, Level: p.level,
					Sole: p.level != Article && sole(lang, p.nums[Article]), From: Numbers{fa, fp, 0}})
			}
			var s string
			var err error
			switch {
			case len(cs) == 1:
				s, err = words.Cite(lang, cs[0])
			case len(cs) == 2 && cs[0].Level == Para && cs[1].Level == Para && !cs[0].Sole &&
				cs[0].Nums[Article] == cs[1].Nums[Article] && cs[0].Nums[Para] < cs[1].Nums[Para]:
				s, err = words.CitePair(lang, cs[0], cs[1])
			default:
				err = fmt.Errorf("a reference to two places cites two paragraphs of one article, the first first; write one ref per place")
			}
			if err != nil {
				errs = append(errs, fmt.Sprintf("%s: reference to %q: %v", part, joined, err))
				return m
			}
			return xmlEscaper.Replace(s)
		})
		if len(errs) == 0 && hasMark(out) {
			errs = append(errs, fmt.Sprintf("%s holds a character from U+E002 to U+E005, which tsdraft reserves for numbering: remove it from the profile", part))
		}
		pkg.Set(part, out)
	}
	if len(errs) > 0 {
		return fmt.Errorf("%s", strings.Join(errs, "\n"))
	}
	return nil
}

// replaceMarks replaces every mark that opens with open and closes with the next close with
// fn(whole mark, what is between). A mark that holds another opener starts at the last one, as
// the regular expressions this replaces matched; fn returns the mark itself to keep it (it
// is then reported as a stray character). One pass over the part without a regexp: this was
// a tenth of the CPU of an exit-pledge batch.
func replaceMarks(s []byte, open, close string, fn func(m, inner string) string) []byte {
	var out []byte
	rest := s
	for {
		i := bytes.Index(rest, []byte(open))
		if i < 0 {
			break
		}
		j := bytes.Index(rest[i+len(open):], []byte(close))
		if j < 0 {
			break
		}
		j += i + len(open)
		if k := bytes.LastIndex(rest[i+len(open):j], []byte(open)); k >= 0 {
			i += len(open) + k
		}
		if out == nil {
			out = make([]byte, 0, len(s))
		}
		out = append(out, rest[:i]...)
		out = append(out, fn(string(rest[i:j+len(close)]), string(rest[i+len(open):j]))...)
		rest = rest[j+len(close):]
	}
	if out == nil {
		return s
	}
	return append(out, rest...)
}

// markLang splits "lang|rest" where lang is 2 to 8 letters or hyphens.
func markLang(inner string) (lang, rest string, ok bool) {
	bar := strings.IndexByte(inner, '|')
	if bar < 2 || bar > 8 {
		return "", "", false
	}
	for _, c := range []byte(inner[:bar]) {
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || c == '-') {
			return "", "", false
		}
	}
	return inner[:bar], inner[bar+1:], true
}

// parseParaMark reads "lang|article.paragraph".
func parseParaMark(inner string) (string, int, int, bool) {
	lang, rest, ok := markLang(inner)
	if !ok {
		return "", 0, 0, false
	}
	a, p, ok := parsePlace(rest)
	return lang, a, p, ok
}

// parsePlace reads "article.paragraph", each number 1 to 6 digits.
func parsePlace(s string) (a, p int, ok bool) {
	as, ps, found := strings.Cut(s, ".")
	if !found || !digits(as) || !digits(ps) {
		return 0, 0, false
	}
	a, _ = strconv.Atoi(as)
	p, _ = strconv.Atoi(ps)
	return a, p, true
}

func digits(s string) bool {
	if len(s) < 1 || len(s) > 6 {
		return false
	}
	for _, c := range []byte(s) {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// parseRefMark reads "lang|labels|article.paragraph": the labels (at most 64 characters, no
// bar) and where the reference stands.
func parseRefMark(inner string) (lang, labels string, a, p int, ok bool) {
	lang, rest, ok := markLang(inner)
	if !ok {
		return "", "", 0, 0, false
	}
	labels, from, found := strings.Cut(rest, "|")
	if !found || utf8.RuneCountInString(labels) > 64 {
		return "", "", 0, 0, false
	}
	if a, p, ok = parsePlace(from); !ok {
		return "", "", 0, 0, false
	}
	return lang, labels, a, p, true
}

// hasMark reports whether b holds one of the mark characters U+E002 to U+E005 (UTF-8 EE 80 82
// to EE 80 85). strings.ContainsAny decodes every rune of a 60 kB part; this looks only at the
// 0xEE bytes, which few parts have.
func hasMark(b []byte) bool {
	for {
		i := bytes.IndexByte(b, 0xEE)
		if i < 0 || i+2 >= len(b) {
			return false
		}
		if b[i+1] == 0x80 && b[i+2] >= 0x82 && b[i+2] <= 0x85 {
			return true
		}
		b = b[i+1:]
	}
}

// spaces are the separators a format may end with: a locale text must not end with white
// space, so the space after a label is written as a name.
var spaces = map[string]string{"sp": " ", "tab": "\t", "isp": "\u3000"}

var xmlEscaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;")

// FormatNumbers fills a numbering format: {a}, {p} and {i} are the article, paragraph and
// item numbers; after a colon a style writes one as a lower-case letter (a: a, b … z, aa),
// an upper-case letter (A), a Chinese/Japanese numeral (k: 一, 十二), a Thai number word
// (t: หนึ่ง, สิบสอง) or Thai digits (td: ๑๒). "第{a}条第{p}項第{i}号", "{a}.{p}({i:a})",
// "第（{i:k}）项". {sp}, {tab} and {isp} write a space, a tab and an ideographic space. A number the place does not have (an item of an article) is an error.
func FormatNumbers(format string, nums Numbers) (string, error) {
	var b strings.Builder
	for i := 0; i < len(format); {
		c := format[i]
		if c != '{' {
			b.WriteByte(c)
			i++
			continue
		}
		end := strings.IndexByte(format[i:], '}')
		if end < 0 {
			return "", fmt.Errorf("numbering format %q: { without }", format)
		}
		spec := format[i+1 : i+end]
		i += end + 1
		if sp, ok := spaces[spec]; ok {
			b.WriteString(sp)
			continue
		}
		name, style, _ := strings.Cut(spec, ":")
		lv := map[string]Level{"a": Article, "p": Para, "i": Item}
		l, ok := lv[name]
		if !ok {
			return "", fmt.Errorf("numbering format %q: {%s}: use {a}, {p} or {i} (or {sp}, {tab}, {isp})", format, spec)
		}
		v := nums[l]
		if v <= 0 {
			return "", fmt.Errorf("numbering format %q names the %s number, but the place has none", format, l)
		}
		s, err := numeral(v, style)
		if err != nil {
			return "", fmt.Errorf("numbering format %q: %v", format, err)
		}
		b.WriteString(s)
	}
	return b.String(), nil
}

func numeral(v int, style string) (string, error) {
	switch style {
	case "", "d":
		return strconv.Itoa(v), nil
	case "a", "A":
		s := ""
		for n := v; n > 0; n = (n - 1) / 26 {
			s = string(rune('a'+(n-1)%26)) + s
		}
		if style == "A" {
			s = strings.ToUpper(s)
		}
		return s, nil
	case "k":
		return kanji(v), nil
	case "t":
		return thaiWords(v), nil
	case "td":
		var b strings.Builder
		for _, r := range strconv.Itoa(v) {
			b.WriteRune('๐' + (r - '0'))
		}
		return b.String(), nil
	}
	return "", fmt.Errorf("unknown numeral style %q (use d, a, A, k, t or td)", style)
}

var kanjiDigits = []string{"", "一", "二", "三", "四", "五", "六", "七", "八", "九"}

// kanji writes 1–9999 as 一, 十, 十一, 二十, 百, 百二十三 (the numbering of laws and contracts).
func kanji(v int) string {
	if v <= 0 || v > 9999 {
		return strconv.Itoa(v)
	}
	var b strings.Builder
	for _, u := range []struct {
		n int
		s string
	}{{1000, "千"}, {100, "百"}, {10, "十"}} {
		d := v / u.n
		v %= u.n
		if d == 0 {
			continue
		}
		if d > 1 {
			b.WriteString(kanjiDigits[d])
		}
		b.WriteString(u.s)
	}
	b.WriteString(kanjiDigits[v])
	return b.String()
}

var thaiDigits = []string{"", "หนึ่ง", "สอง", "สาม", "สี่", "ห้า", "หก", "เจ็ด", "แปด", "เก้า"}

// thaiWords writes 1–99 as Thai number words (วรรคหนึ่ง, วรรคสอง … สิบเอ็ด, ยี่สิบ).
func thaiWords(v int) string {
	if v <= 0 || v > 99 {
		return strconv.Itoa(v)
	}
	tens, ones := v/10, v%10
	var b strings.Builder
	switch tens {
	case 0:
	case 1:
		b.WriteString("สิบ")
	case 2:
		b.WriteString("ยี่สิบ")
	default:
		b.WriteString(thaiDigits[tens] + "สิบ")
	}
	switch {
	case ones == 1 && tens > 0:
		b.WriteString("เอ็ด")
	default:
		b.WriteString(thaiDigits[ones])
	}
	return b.String()
}
