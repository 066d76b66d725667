package render

import (
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/tsdraft/tsdraft/internal/profile"
)

// pledgeHeadings describes, per language, how an article heading of a pledge looks: its label
// (the number is the first submatch), the governing-law heading and the heading of the
// one-language execution article (vi: ký kết for the entry pledge the Company accepts, ký tên
// for the exit pledge the employee alone signs; glossary term_execution), and a word every
// execution sentence uses, so the test can tell where the signing sentence sits.
var pledgeHeadings = map[string]pledgeHeading{
	"ja":    {regexp.MustCompile(`^第(\d+)条（`), "条（準拠法及び紛争解決）", "条（署名）", "条（署名）", regexp.MustCompile(`署名`)},
	"en":    {regexp.MustCompile(`^(?:Article|Clause) (\d+) `), " Governing Law and Dispute Resolution", " Execution", " Execution", regexp.MustCompile(`\bsign`)},
	"zh-CN": {regexp.MustCompile(`^第([一二三四五六七八九十]+)条 `), "条 法律适用与争议解决", "条 签署", "条 签署", regexp.MustCompile(`签署|签字|签名`)},
	"th":    {regexp.MustCompile(`^ข้อ (\d+) `), " กฎหมายที่ใช้บังคับและการระงับข้อพิพาท", " การลงนาม", " การลงนาม", regexp.MustCompile(`ลงนาม|ลงลายมือชื่อ`)},
	"vi":    {regexp.MustCompile(`^Điều (\d+)\. `), ". Luật áp dụng và giải quyết tranh chấp", ". Ký kết", ". Ký tên", regexp.MustCompile(`ký`)},
	"id":    {regexp.MustCompile(`^Pasal (\d+) `), " Hukum yang Berlaku dan Penyelesaian Perselisihan", " Penandatanganan", " Penandatanganan", regexp.MustCompile(`menandatangani`)},
	"de":    {regexp.MustCompile(`^§ (\d+) `), " Anwendbares Recht und Streitigkeiten", " Unterzeichnung", " Unterzeichnung", regexp.MustCompile(`(?i)unterzeichn|Unterschrift`)},
}

type pledgeHeading struct {
	label      *regexp.Regexp // matches a heading's label; the article number is submatch 1
	law        string         // the governing-law heading after the number
	exec, exit string         // the execution heading after the number: entry pledge, exit pledge
	signs      *regexp.Regexp // a word every execution sentence of the language uses
}

// name returns what follows the article number of a heading line (「条（署名）」, " Execution").
func (h pledgeHeading) name(line string) (string, bool) {
	m := h.label.FindStringSubmatchIndex(line)
	if m == nil {
		return "", false
	}
	return line[m[3]:], true
}

// articleNumber reads an article label's number (Arabic digits, or Chinese numerals up to 99).
func articleNumber(s string) int {
	if n, err := strconv.Atoi(s); err == nil {
		return n
	}
	digit := map[rune]int{'一': 1, '二': 2, '三': 3, '四': 4, '五': 5, '六': 6, '七': 7, '八': 8, '九': 9}
	n, cur := 0, 0
	for _, r := range s {
		if r == '十' {
			if cur == 0 {
				cur = 1
			}
			n, cur = n+cur*10, 0
			continue
		}
		cur = digit[r]
	}
	return n + cur
}

// Review A.13, last case: a one-language pledge has no language article, so its signing
// sentence used to fall under the governing-law article (「第9条（準拠法及び紛争解決）… 2　私は、
// 本誓約書に自ら署名又は記名押印して提出する。」). It now gets an article of its own, numbered
// right after the governing-law article, in every jurisdiction and every language.
func TestOneLanguagePledgeExecutionArticle(t *testing.T) {
	checked := 0
	for _, jur := range profile.Jurisdictions {
		for _, lang := range profile.SampleLanguages(jur) {
			h, ok := pledgeHeadings[lang]
			if !ok {
				t.Fatalf("%s: no heading row for language %s", jur, lang)
			}
			for _, doc := range []string{"nda-employee", "exit-pledge"} {
				what := jur + " " + doc + " " + lang
				exec := h.exec
				if doc == "exit-pledge" {
					exec = h.exit
				}
				lines := strings.Split(renderText(t, jur, doc, lang), "\n")
				var heads []int // line indexes of the article headings, in order
				law, ex := -1, -1
				for i, l := range lines {
					name, ok := h.name(l)
					if !ok {
						continue
					}
					heads = append(heads, i)
					switch name {
					case h.law:
						law = i
					case exec:
						if ex >= 0 {
							t.Errorf("%s: two execution headings: %q and %q", what, lines[ex], l)
						}
						ex = i
					}
				}
				if law < 0 || ex < 0 {
					t.Errorf("%s: want a governing-law heading (…%s) and an execution heading (…%s); headings: %q",
						what, h.law, exec, headingLines(lines, heads))
					continue
				}
				// Numbered in sequence: every heading is the one before plus one, and the
				// execution article is the last one, right after the governing-law article.
				for k, i := range heads {
					n := articleNumber(h.label.FindStringSubmatch(lines[i])[1])
					if n != k+1 {
						t.Errorf("%s: heading %q is numbered %d, want %d", what, lines[i], n, k+1)
					}
				}
				if last := heads[len(heads)-1]; last != ex || heads[len(heads)-2] != law {
					t.Errorf("%s: the execution heading %q must follow the governing-law heading %q as the last article; headings: %q",
						what, lines[ex], lines[law], headingLines(lines, heads))
					continue
				}
				// The signing sentence is the execution article's first paragraph; the
				// governing-law article no longer holds one.
				if ex+1 >= len(lines) || !h.signs.MatchString(lines[ex+1]) {
					t.Errorf("%s: the execution article does not start with the signing sentence: %q", what, lines[min(ex+1, len(lines)-1)])
				}
				for _, l := range lines[law+1 : ex] {
					if h.signs.MatchString(l) {
						t.Errorf("%s: the governing-law article still holds a signing sentence: %q", what, l)
					}
				}
				checked++
			}
		}
	}
	if checked < 2*len(profile.Jurisdictions) {
		t.Errorf("checked only %d one-language pledges", checked)
	}
}

// Bilingual builds keep the execution clause in the language article (「（言語及び署名）」) and
// get no separate execution article, in the interleaved and in the separate layout.
func TestBilingualPledgeHasNoSeparateExecutionArticle(t *testing.T) {
	r := testRenderer(t)
	for _, jur := range profile.Jurisdictions {
		p := sample(t, jur)
		if len(p.Languages) != 2 {
			t.Fatalf("%s sample: want two languages, got %v", jur, p.Languages)
		}
		for _, doc := range []string{"nda-employee", "exit-pledge"} {
			for _, layout := range []string{Interleave, Separate} {
				for _, f := range renderDumps(t, r, Request{Doc: doc, Profile: p, Langs: p.Languages, Layout: layout}) {
					got := f.text
					what := jur + " " + doc + " " + layout + " " + strings.Join(f.langs, ",")
					for _, lang := range f.langs {
						h := pledgeHeadings[lang]
						heads := 0
						for _, l := range strings.Split(got, "\n") {
							name, ok := h.name(l)
							if !ok {
								continue
							}
							heads++
							if name == h.exec || name == h.exit {
								t.Errorf("%s: a bilingual build got a separate execution article: %q", what, l)
							}
						}
						if heads == 0 {
							t.Errorf("%s: no %s article heading found", what, lang)
						}
					}
				}
			}
		}
	}
}

func headingLines(lines []string, idx []int) []string {
	out := make([]string, len(idx))
	for k, i := range idx {
		out[k] = lines[i]
	}
	return out
}

// In the separate layout the language article holds the language clause and the execution
// clause, as in the interleaved one, and numbers them the same way: a Japanese file whose
// language article has 1 and 2 interleaved must not print the two paragraphs unnumbered.
func TestSeparateLanguageArticleNumbersLikeInterleave(t *testing.T) {
	r := testRenderer(t)
	for _, jur := range []string{"TH", "CN", "DE"} {
		p := sample(t, jur)
		for _, doc := range []string{"nda-employee", "exit-pledge"} {
			paras := map[string][]string{}
			for _, layout := range []string{Interleave, Separate} {
				for _, f := range renderDumps(t, r, Request{Doc: doc, Profile: p, Langs: p.Languages, Layout: layout}) {
					lines := strings.Split(f.text, "\n")
					in := false
					for _, l := range lines {
						if strings.Contains(l, "条（言語及び署名）") {
							in = true
							continue
						}
						// The Japanese lines are those with kana (the other language has none).
						if in && strings.ContainsFunc(l, func(r rune) bool { return r >= 0x3041 && r <= 0x30FF }) {
							if strings.Contains(l, "日付") || strings.Contains(l, "署名地") {
								break
							}
							if r, _ := utf8.DecodeRuneInString(l); r >= '1' && r <= '9' && strings.Contains(l, "　") {
								paras[layout] = append(paras[layout], l[:strings.Index(l, "　")])
							} else {
								paras[layout] = append(paras[layout], "-")
							}
						}
					}
				}
			}
			what := jur + " " + doc
			// The two clauses of the article; the date and signature lines follow them.
			for _, l := range []string{Interleave, Separate} {
				if len(paras[l]) > 2 {
					paras[l] = paras[l][:2]
				}
			}
			if strings.Join(paras[Interleave], ",") != "1,2" {
				t.Fatalf("%s interleaved: the Japanese language article's paragraphs are numbered %v, want 1,2", what, paras[Interleave])
			}
			if strings.Join(paras[Separate], ",") != strings.Join(paras[Interleave], ",") {
				t.Errorf("%s: the separate Japanese file numbers the language article %v, the interleaved one %v", what, paras[Separate], paras[Interleave])
			}
		}
	}
}
