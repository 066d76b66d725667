package docxtmpl

import (
	"fmt"
	"strings"
	"testing"
)

func TestFormatNumbers(t *testing.T) {
	for _, tc := range []struct {
		format string
		nums   Numbers
		want   string
		err    string
	}{
		{"第{a}条第{p}項第{i}号", Numbers{3, 1, 4}, "第3条第1項第4号", ""},
		{"第{a:k}条第（{i:k}）项", Numbers{3, 1, 1}, "第三条第（一）项", ""},
		{"{a}.{p}({i:a})", Numbers{3, 1, 1}, "3.1(a)", ""},
		{"Điều {a} khoản {p} điểm {i:a}", Numbers{3, 1, 1}, "Điều 3 khoản 1 điểm a", ""},
		{"Pasal {a} ayat ({p}) huruf {i:a}", Numbers{3, 1, 1}, "Pasal 3 ayat (1) huruf a", ""},
		{"§ {a} Abs. {p} Nr. {i}", Numbers{3, 1, 1}, "§ 3 Abs. 1 Nr. 1", ""},
		{"ข้อ {a} วรรค{p:t} ({i})", Numbers{3, 1, 1}, "ข้อ 3 วรรคหนึ่ง (1)", ""},
		{"({i:A})", Numbers{1, 1, 28}, "(AB)", ""},
		{"{i:a}", Numbers{1, 1, 26}, "z", ""},
		{"{a:k}", Numbers{10, 0, 0}, "十", ""},
		{"{a:k}", Numbers{11, 0, 0}, "十一", ""},
		{"{a:k}", Numbers{20, 0, 0}, "二十", ""},
		{"{a:k}", Numbers{123, 0, 0}, "百二十三", ""},
		{"{p:t}", Numbers{1, 11, 0}, "สิบเอ็ด", ""},
		{"{p:t}", Numbers{1, 21, 0}, "ยี่สิบเอ็ด", ""},
		{"{p:t}", Numbers{1, 30, 0}, "สามสิบ", ""},
		{"{a:td}", Numbers{12, 0, 0}, "๑๒", ""},
		{"no numbers", Numbers{}, "no numbers", ""},
		{"{p}{isp}", Numbers{1, 2, 0}, "2\u3000", ""},
		{"{a}.{p}{tab}", Numbers{3, 2, 0}, "3.2\t", ""},
		{"({p}){sp}", Numbers{3, 2, 0}, "(2) ", ""},
		{"{i}", Numbers{3, 1, 0}, "", "has none"},
		{"{x}", Numbers{3, 1, 1}, "", "use {a}, {p} or {i}"},
		{"{a:roman}", Numbers{3, 1, 1}, "", "unknown numeral style"},
		{"{a", Numbers{3, 1, 1}, "", "without }"},
	} {
		got, err := FormatNumbers(tc.format, tc.nums)
		if tc.err != "" {
			if err == nil || !strings.Contains(err.Error(), tc.err) {
				t.Errorf("FormatNumbers(%q, %v) err = %v, want %q", tc.format, tc.nums, err, tc.err)
			}
			continue
		}
		if err != nil || got != tc.want {
			t.Errorf("FormatNumbers(%q, %v) = %q, %v; want %q", tc.format, tc.nums, got, err, tc.want)
		}
	}
}

func TestNumberingNext(t *testing.T) {
	type step struct {
		lang  string
		lv    Level
		label string
		want  Numbers
		err   string
	}
	for _, tc := range []struct {
		name  string
		steps []step
	}{
		{"levels reset below", []step{
			{"ja", Article, "", Numbers{1, 0, 0}, ""},
			{"ja", Para, "", Numbers{1, 1, 0}, ""},
			{"ja", Item, "", Numbers{1, 1, 1}, ""},
			{"ja", Item, "", Numbers{1, 1, 2}, ""},
			{"ja", Para, "", Numbers{1, 2, 0}, ""},
			{"ja", Article, "", Numbers{2, 0, 0}, ""},
			{"ja", Para, "", Numbers{2, 1, 0}, ""},
		}},
		{"items of an article are items of its first paragraph", []step{
			{"en", Article, "", Numbers{1, 0, 0}, ""},
			{"en", Item, "", Numbers{1, 1, 1}, ""},
			{"en", Item, "", Numbers{1, 1, 2}, ""},
		}},
		{"languages count apart", []step{
			{"ja", Article, "", Numbers{1, 0, 0}, ""},
			{"th", Article, "", Numbers{1, 0, 0}, ""},
			{"ja", Para, "", Numbers{1, 1, 0}, ""},
			{"th", Para, "", Numbers{1, 1, 0}, ""},
		}},
		{"labels", []step{
			{"ja", Article, "scope", Numbers{1, 0, 0}, ""},
			{"ja", Para, "scope", Numbers{}, "two places"},
			{"ja", Para, "Bad Label", Numbers{}, "lower-case"},
			{"en", Para, "scope", Numbers{0, 1, 0}, ""}, // the same label in the other language
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var n Numbering
			for i, s := range tc.steps {
				got, err := n.Next(s.lang, s.lv, s.label)
				if s.err != "" {
					if err == nil || !strings.Contains(err.Error(), s.err) {
						t.Errorf("step %d: err = %v, want %q", i, err, s.err)
					}
					continue
				}
				if err != nil || got != s.want {
					t.Errorf("step %d: %v %s = %v, %v; want %v", i, s.lang, s.lv, got, err, s.want)
				}
			}
		})
	}
}

// jaWords are Japanese numbering words, as the locale texts give them to render.
type jaWords struct{}

func (jaWords) Label(lang string, nums Numbers) (string, error) {
	return FormatNumbers("{p}　", nums)
}

func (jaWords) Cite(lang string, c Citation) (string, error) {
	format := []string{"第{a}条", "第{a}条第{p}項", "第{a}条第{p}項第{i}号"}[c.Level]
	if c.Sole {
		format = []string{"第{a}条", "第{a}条", "第{a}条第{i}号"}[c.Level]
	}
	if c.SameArticle() {
		format = []string{"", "第{p}項", "第{p}項第{i}号"}[c.Level]
		if c.Sole {
			format = []string{"", "本条", "第{i}号"}[c.Level]
		}
		if c.Preceding() {
			format = "前項"
		}
	}
	return FormatNumbers(format, c.Nums)
}

func (jaWords) CitePair(lang string, a, b Citation) (string, error) {
	switch {
	case PrecedingPair(a, b):
		return "前2項", nil
	case a.SameArticle():
		return fmt.Sprintf("第%d項及び第%d項", a.Nums[Para], b.Nums[Para]), nil
	}
	return fmt.Sprintf("第%d条第%d項及び第%d項", a.Nums[Article], a.Nums[Para], b.Nums[Para]), nil
}

// runNumbered executes a template with article, para, item and ref wired to one Numbering,
// as render does, then resolves the labels and references.
func runNumbered(t *testing.T, body string, data map[string]any) (string, error) {
	t.Helper()
	pkg := buildDocx(t, body, nil)
	tpl, err := Parse("test.docx", pkg, []string{"article", "para", "item", "ref"})
	if err != nil {
		return "", err
	}
	var n Numbering
	counter := func(lv Level, format string) Func {
		return func(c *Call) (string, error) {
			label := ""
			if len(c.Args) > 0 {
				label = fmt.Sprint(c.Args[0])
			}
			nums, err := n.Next(c.Lang(), lv, label)
			if err != nil {
				return "", err
			}
			if lv == Para {
				return ParaMark(c.Lang(), nums), nil
			}
			return FormatNumbers(format, nums)
		}
	}
	out, err := tpl.Execute(data, Options{Lang: "ja", Funcs: map[string]Func{
		"article": counter(Article, "第{a}条 "),
		"para":    counter(Para, ""),
		"item":    counter(Item, "（{i}）"),
		"ref": func(c *Call) (string, error) {
			var labels []string
			for _, a := range c.Args {
				labels = append(labels, fmt.Sprint(a))
			}
			return RefMark(c.Lang(), labels, n.At(c.Lang())), nil
		},
	}})
	if err != nil {
		return "", err
	}
	if err := n.Resolve(out, jaWords{}); err != nil {
		return "", err
	}
	b, _ := out.Read("word/document.xml")
	return textDump(bodyOf(string(b))), nil
}

// TestNumberedReferences: references become numbers, before or after their target, and stay
// right when a conditional paragraph drops out.
func TestNumberedReferences(t *testing.T) {
	body := p(`{{ article "def" }}定義`) +
		p(`{{ para }}秘密情報とは、次のものをいう。`) +
		p(`{{ item }}技術情報`) +
		p(`{{ item "sales" }}営業情報`) +
		p(`{{#if extra}}`) + p(`{{ para }}追加の項`) + p(`{{/if}}`) +
		p(`{{ para "duty" }}従業員は秘密を守る。`) +
		p(`{{ para }}{{ ref "duty" }}の義務は、{{ ref "sales" }}の情報にも及ぶ。{{ ref "later" }}も参照。`) +
		p(`{{ para }}{{ ref "duty" }}に違反したときは、懲戒処分とする。`) +
		p(`{{ article }}雑則`) +
		p(`{{ para "later" }}後の項`) +
		p(`{{ article }}通知`) +
		p(`{{ para }}通知は次による。{{ ref "mail" }}を参照。`) +
		p(`{{ item }}書面`) +
		p(`{{ item "mail" }}電子メール`)
	for _, tc := range []struct {
		extra bool
		want  string
	}{
		// References inside their own article leave the article out (第1項第2号, 第2項), and the
		// paragraph right before is 前項; other articles are cited in full (第2条).
		{false, "第1条 定義\n1　秘密情報とは、次のものをいう。\n（1）技術情報\n（2）営業情報\n2　従業員は秘密を守る。\n3　前項の義務は、第1項第2号の情報にも及ぶ。第2条も参照。\n4　第2項に違反したときは、懲戒処分とする。\n第2条 雑則\n後の項\n第3条 通知\n通知は次による。第2号を参照。\n（1）書面\n（2）電子メール"},
		{true, "第1条 定義\n1　秘密情報とは、次のものをいう。\n（1）技術情報\n（2）営業情報\n2　追加の項\n3　従業員は秘密を守る。\n4　前項の義務は、第1項第2号の情報にも及ぶ。第2条も参照。\n5　第3項に違反したときは、懲戒処分とする。\n第2条 雑則\n後の項\n第3条 通知\n通知は次による。第2号を参照。\n（1）書面\n（2）電子メール"},
	} {
		got, err := runNumbered(t, body, map[string]any{"extra": tc.extra})
		if err != nil {
			t.Fatal(err)
		}
		if got != tc.want {
			t.Errorf("extra=%v:\n%s\nwant\n%s", tc.extra, got, tc.want)
		}
	}
}

// TestPairReferences: two paragraphs of one article cited together: 前2項 from the paragraph
// right after them, 第1項及び第2項 from further on, the article named from another article;
// a condition that adds a paragraph in between turns 前2項 into the numbered form.
func TestPairReferences(t *testing.T) {
	body := p(`{{ article }}採用`) + p(`{{ para "a" }}誓約書を徴する。`) + p(`{{#if mid}}`) + p(`{{ para }}中間`) + p(`{{/if}}`) +
		p(`{{ para "b" }}教育を行う。`) + p(`{{ para }}派遣労働者にも{{ ref "a" "b" }}に準じた措置を講じる。`) +
		p(`{{ para }}{{ ref "a" "b" }}の記録は保存する。`) +
		p(`{{ article }}違反`) + p(`{{ para }}{{ ref "a" "b" }}に違反したとき。`)
	for _, tc := range []struct {
		mid  bool
		want string
	}{
		{false, "第1条 採用\n1　誓約書を徴する。\n2　教育を行う。\n3　派遣労働者にも前2項に準じた措置を講じる。\n4　第1項及び第2項の記録は保存する。\n第2条 違反\n第1条第1項及び第2項に違反したとき。"},
		{true, "第1条 採用\n1　誓約書を徴する。\n2　中間\n3　教育を行う。\n4　派遣労働者にも第1項及び第3項に準じた措置を講じる。\n5　第1項及び第3項の記録は保存する。\n第2条 違反\n第1条第1項及び第3項に違反したとき。"},
	} {
		got, err := runNumbered(t, body, map[string]any{"mid": tc.mid})
		if err != nil {
			t.Fatal(err)
		}
		if got != tc.want {
			t.Errorf("mid=%v:\n%s\nwant\n%s", tc.mid, got, tc.want)
		}
	}
}

// TestSoleParagraph: an article whose conditional second paragraph drops out keeps one
// paragraph, which carries no number and is cited as the article.
func TestSoleParagraph(t *testing.T) {
	body := p(`{{ article }}義務`) + p(`{{ para "duty" }}秘密を守る。`) + p(`{{#if more}}`) + p(`{{ para }}追加`) + p(`{{/if}}`) +
		p(`{{ article }}違反`) + p(`{{ para }}{{ ref "duty" }}に違反したとき。`)
	for _, tc := range []struct {
		more bool
		want string
	}{
		{true, "第1条 義務\n1　秘密を守る。\n2　追加\n第2条 違反\n第1条第1項に違反したとき。"},
		{false, "第1条 義務\n秘密を守る。\n第2条 違反\n第1条に違反したとき。"},
	} {
		got, err := runNumbered(t, body, map[string]any{"more": tc.more})
		if err != nil {
			t.Fatal(err)
		}
		if got != tc.want {
			t.Errorf("more=%v:\n%s\nwant\n%s", tc.more, got, tc.want)
		}
	}
}

func TestNumberedReferenceErrors(t *testing.T) {
	for _, tc := range []struct {
		name, body string
		data       map[string]any
		want       string
	}{
		{"unknown label", p(`{{ article }}x`) + p(`{{ ref "nowhere" }}`), nil, `reference to "nowhere"`},
		{"target left out", p(`{{ article }}x`) + p(`{{#if on}}`) + p(`{{ para "gone" }}a`) + p(`{{/if}}`) + p(`{{ para }}see {{ ref "gone" }}`), map[string]any{"on": false}, `reference to "gone"`},
		{"duplicate label", p(`{{ article "a" }}x`) + p(`{{ para "a" }}y`), nil, "two places"},
		{"stray mark from data", p(`{{ article }}{{ v }}`), map[string]any{"v": "evil \uE002"}, "reserves for numbering"},
		{"pair across articles", p(`{{ article }}x`) + p(`{{ para "a" }}a`) + p(`{{ article }}y`) + p(`{{ para "b" }}b`) + p(`{{ para }}{{ ref "a" "b" }}`), nil, "two paragraphs of one article"},
		{"pair in reverse order", p(`{{ article }}x`) + p(`{{ para "a" }}a`) + p(`{{ para "b" }}b`) + p(`{{ para }}{{ ref "b" "a" }}`), nil, "the first first"},
		{"pair with an article", p(`{{ article "x" }}x`) + p(`{{ para "a" }}a`) + p(`{{ para }}{{ ref "x" "a" }}`), nil, "two paragraphs of one article"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := runNumbered(t, tc.body, tc.data)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("err = %v, want %q", err, tc.want)
			}
		})
	}
}

// FuzzFormatNumbers: any format either fails with an error or fills every placeholder; it
// never panics, and a format without braces comes back unchanged.
func FuzzFormatNumbers(f *testing.F) {
	for _, s := range []string{"第{a}条第{p}項第{i}号", "{a}.{p}({i:a})", "ข้อ {a} วรรค{p:t}", "{p}{isp}", "{", "}", "{a:}", "{:k}", "{i:A}{tab}", "plain"} {
		f.Add(s, 3, 1, 4)
	}
	f.Fuzz(func(t *testing.T, format string, a, p, i int) {
		out, err := FormatNumbers(format, Numbers{a, p, i})
		if err != nil {
			return
		}
		if !strings.Contains(format, "{") && out != format {
			t.Fatalf("FormatNumbers(%q) = %q, want it unchanged", format, out)
		}
	})
}

func TestHasMark(t *testing.T) {
	for _, c := range []struct {
		s    string
		want bool
	}{
		{"", false},
		{"plain ASCII", false},
		{"第1条 本誓約書 ข้อ 1 Điều 1", false},
		{"\uE001\uE006\uF000", false}, // neighbours of the marks
		{"a\uE002b", true},
		{"\uE003", true},
		{"x\uE004", true},
		{"\uE005y", true},
		{"\xEE\x80", false}, // cut short
	} {
		if got := hasMark([]byte(c.s)); got != c.want {
			t.Errorf("hasMark(%q) = %v, want %v", c.s, got, c.want)
		}
		if want := strings.ContainsAny(c.s, "\uE002\uE003\uE004\uE005"); c.want != want {
			t.Errorf("case %q disagrees with strings.ContainsAny", c.s)
		}
	}
}
