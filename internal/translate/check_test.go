package translate

import (
	"slices"
	"strings"
	"testing"

	"github.com/tsdraft/tsdraft/internal/catalog"
)

const masterPurpose = "秘密情報を{{ company.name }}の外に持ち出さない。"

var goodTranslations = map[string]string{
	"en":    "Confidential information must not leave {{ company.name }}.",
	"zh-CN": "不得将保密信息带出{{ company.name }}。",
	"th":    "ห้ามนำข้อมูลลับออกนอก {{ company.name }}",
	"vi":    "Không được mang thông tin mật ra khỏi {{ company.name }}.",
	"id":    "Informasi rahasia tidak boleh dibawa keluar dari {{ company.name }}.",
	"de":    "Vertrauliche Informationen dürfen {{ company.name }} nicht verlassen.",
}

// baseTree is a complete, clean tree with one general entry, common.purpose.
func baseTree() map[string]string {
	return complete(map[string]string{"purpose": masterPurpose}, func(lang, _, _ string) string { return goodTranslations[lang] })
}

func TestCheckBaseTreeIsClean(t *testing.T) {
	c := mustInspect(t, baseTree())
	if ps := c.Check(); len(ps) != 0 {
		t.Fatalf("clean tree has problems:\n%s", strings.Join(problemLines(ps), "\n"))
	}
}

// TestCheck runs each check on a small tree: want lists every problem line expected (as
// substrings, in order); no other problem may appear.
func TestCheck(t *testing.T) {
	h := catalog.SourceHash
	tests := []struct {
		name   string
		mutate func(f map[string]string)
		want   []string
	}{
		{
			name:   "missing general key",
			mutate: func(f map[string]string) { f["en/common.toml"] = "# nothing yet\n" },
			want:   []string{"locales/en/common.toml:1: error: common.purpose: missing: translate [purpose] of the master (locales/ja/common.toml:1) [missing]"},
		},
		{
			name:   "missing file is reported where it belongs",
			mutate: func(f map[string]string) { delete(f, "de/common.toml") },
			want:   []string{"locales/de/common.toml:1: error: common.purpose: missing"},
		},
		{
			name: "jurisdiction keys are required only in that jurisdiction's languages",
			mutate: func(f map[string]string) {
				f["ja/CN/law.toml"] = entryTOML("ts_act", "反不正当競争法", "")
				f["zh-CN/CN/law.toml"] = entryTOML("ts_act", "反不正当竞争法", h("反不正当競争法"))
			},
			// en is a CN language and lacks it; th, vi, id, de are not and need nothing.
			want: []string{"locales/en/CN/law.toml:1: error: CN/law.ts_act: missing: translate [ts_act] of the master (locales/ja/CN/law.toml:1) [missing]"},
		},
		{
			name: "stale, with the old master text from the history",
			mutate: func(f map[string]string) {
				old := "秘密情報を持ち出さない。{{ company.name }}"
				f["en/common.toml"] = "# English\n\n" + entryTOML("purpose", goodTranslations["en"], h(old))
				f["ja/.history.toml"] = string(formatHistory(map[string]string{h(old): old}))
			},
			want: []string{`locales/en/common.toml:3: error: common.purpose: stale: the master changed after this was translated; master now: "秘密情報を{{ company.name }}の外に持ち出さない。"; master then: "秘密情報を持ち出さない。{{ company.name }}"; update the translation, or if it still fits mark common.purpose of en current [stale]`},
		},
		{
			name: "stale, old master text unknown",
			mutate: func(f map[string]string) {
				f["vi/common.toml"] = entryTOML("purpose", goodTranslations["vi"], "0123456789abcdef")
			},
			want: []string{"locales/vi/common.toml:1: error: common.purpose: stale: the master changed after this was translated; master now: \"秘密情報を{{ company.name }}の外に持ち出さない。\"; master then: not recorded;"},
		},
		{
			name:   "translation without source",
			mutate: func(f map[string]string) { f["id/common.toml"] = entryTOML("purpose", goodTranslations["id"], "") },
			want:   []string{"locales/id/common.toml:1: error: common.purpose: no source hash, so nobody can tell which master text it translates; if it fits the master \"秘密情報を{{ company.name }}の外に持ち出さない。\", mark common.purpose of id current [no-source]"},
		},
		{
			name: "tag set differs",
			mutate: func(f map[string]string) {
				f["de/common.toml"] = entryTOML("purpose", "Vertrauliche Informationen dürfen {{ company.nam }} nicht verlassen.", h(masterPurpose))
			},
			want: []string{"locales/de/common.toml:2: error: common.purpose: tags differ from the master: missing {{ company.name }}; not in the master {{ company.nam }} [tags]"},
		},
		{
			name: "a tag repeated is a different tag set",
			mutate: func(f map[string]string) {
				f["de/common.toml"] = entryTOML("purpose", "{{ company.name }}: Vertrauliches darf {{ company.name }} nicht verlassen.", h(masterPurpose))
			},
			want: []string{"error: common.purpose: tags differ from the master: not in the master {{ company.name }} [tags]"},
		},
		{
			name: "curly quotes and spacing inside tags are the same tags",
			mutate: func(f map[string]string) {
				m := `{{ t "law.ts_act" }}に従う。`
				f["ja/common.toml"] = entryTOML("purpose", m, "")
				for lang := range goodTranslations {
					tr := "{{t “law.ts_act”}} applies."
					if lang == "zh-CN" {
						tr = `依照{{  t "law.ts_act"}}。`
					}
					if lang == "th" {
						tr = "ตาม {{ t “law.ts_act” }}"
					}
					f[lang+"/common.toml"] = entryTOML("purpose", tr, h(m))
				}
			},
		},
		{
			name: "block tags that do not nest",
			mutate: func(f map[string]string) {
				m := "{{#if a}}甲。{{/if}}{{#if b}}乙。{{/if}}"
				f["ja/common.toml"] = entryTOML("purpose", m, "")
				for lang, tr := range map[string]string{"en": "{{/if}}A.{{#if a}}{{#if b}}B.{{/if}}", "zh-CN": "{{#if a}}甲。{{/if}}{{#if b}}乙。{{/if}}", "th": "{{#if a}}ก{{/if}}{{#if b}}ข{{/if}}", "vi": "{{#if a}}A.{{/if}}{{#if b}}B.{{/if}}", "id": "{{#if a}}A.{{/if}}{{#if b}}B.{{/if}}", "de": "{{#if a}}A.{{/if}}{{#if b}}B.{{/if}}"} {
					f[lang+"/common.toml"] = entryTOML("purpose", tr, h(m))
				}
			},
			want: []string{
				"locales/en/common.toml:2: error: common.purpose: {{#if a}} is never closed (add {{/if}}) [blocks]",
				"locales/en/common.toml:2: error: common.purpose: {{/if}} closes no block [blocks]",
			},
		},
		{
			name: "key unknown to the master, with a suggestion",
			mutate: func(f map[string]string) {
				f["en/common.toml"] += "\n" + entryTOML("purpse", "Purpose.", h("x"))
			},
			want: []string{"locales/en/common.toml:6: error: common.purpse: not in the master: locales/ja/common.toml has no [purpse] (did you mean common.purpose?); rename it, delete it, or add it to the master first [unknown-key]"},
		},
		{
			name: "jurisdiction override without a master override",
			mutate: func(f map[string]string) {
				f["en/CN/common.toml"] = entryTOML("purpose", "Chinese variant.", h(masterPurpose))
			},
			want: []string{"locales/en/CN/common.toml:1: error: CN/common.purpose: not in the master: locales/ja/CN/common.toml has no [purpose]; rename it, delete it, or add it to the master first; an override for CN needs its own master in locales/ja/CN/ [unknown-key]"},
		},
		{
			name:   "invalid TOML, with line and column",
			mutate: func(f map[string]string) { f["th/common.toml"] = "[purpose]\ntext = \"ห้าม\nsource = 1\n" },
			want: []string{
				"locales/th/common.toml:1: error: common.purpose: missing",
				"locales/th/common.toml:2:13: error: invalid TOML: strings cannot contain newlines",
			},
		},
		{
			name: "entry with a misspelt field",
			mutate: func(f map[string]string) {
				f["en/common.toml"] = "[purpose]\ntxt = \"Purpose.\"\nsource = \"" + h(masterPurpose) + "\"\n"
			},
			want: []string{
				"locales/en/common.toml:1: error: [purpose] has no text: add text = \"…\" [entry]",
				"locales/en/common.toml:1: error: common.purpose: missing",
				`locales/en/common.toml:2: error: [purpose]: unknown field "txt" (did you mean "text"?)`,
			},
		},
		{
			name:   "a value that is not a table",
			mutate: func(f map[string]string) { f["en/common.toml"] = "title = \"Title\"\n" + f["en/common.toml"] },
			want:   []string{`locales/en/common.toml:1: error: title is a string, not an entry: write it as a table [title] with text = "…" [entry]`},
		},
		{
			name: "unknown language and jurisdiction directories, stray files",
			mutate: func(f map[string]string) {
				f["fr/common.toml"] = entryTOML("purpose", "x", "")
				f["en/XX/law.toml"] = entryTOML("purpose", "x", "")
				f["common.toml"] = ""
				f["README.md"] = "not a text"
				f["ja/glossary.md"] = "not a text either"
				f["ja/.editor.toml"] = "hidden: [never read"
			},
			want: []string{
				"locales/common.toml:1: error: common.toml is not in a language directory",
				"locales/en/XX:1: error: XX is not a jurisdiction directory",
				"locales/fr:1: error: fr is not a language directory",
			},
		},
		{
			name: "same as the master in another script; Chinese may share it, but not its kana",
			mutate: func(f map[string]string) {
				f["de/common.toml"] = entryTOML("purpose", masterPurpose, h(masterPurpose))
				f["zh-CN/common.toml"] = entryTOML("purpose", masterPurpose, h(masterPurpose))
			},
			want: []string{
				"locales/de/common.toml:2: warning: common.purpose: 。 in a de text: use \".\" [punctuation]",
				"locales/de/common.toml:2: warning: common.purpose: text is identical to the master (ja): not translated yet? [same-as-master]",
				"locales/zh-CN/common.toml:2: error: common.purpose: the text is in Japanese, not Chinese (zh-CN) [language]",
			},
		},
		{
			name: "a translation in another language than its file's",
			mutate: func(f map[string]string) {
				f["en/common.toml"] = entryTOML("purpose", "Die Geheimnisse von {{ company.name }} werden nicht aus dem Haus gebracht, und sie sind auch nicht weiterzugeben.", h(masterPurpose))
			},
			want: []string{
				"locales/en/common.toml:2: error: common.purpose: the text reads as German (die, von, werden, nicht…), not English (en) [language]",
			},
		},
		{
			name: "numbers and article references of the master",
			mutate: func(f map[string]string) {
				m := "第2条第6項及び平成5年法律第47号による。"
				f["ja/common.toml"] = entryTOML("purpose", m, "")
				trs := map[string]string{
					"en":    "Under Article 2 of Act No. 47 of 1993.", // lacks 6 (平成5 is an era year)
					"zh-CN": "依照第二条第六项及1993年第47号法律。",
					"th":    "ตามมาตรา ๒ วรรค ๖ แห่งพระราชบัญญัติฉบับที่ 47",
					"vi":    "Theo Điều 2 khoản 6 và Luật số 47.",
					"id":    "Berdasarkan Pasal 2 ayat (6) dan Undang-Undang No. 47.",
					"de":    "Nach § 2 Abs. 6 und Gesetz Nr. 74.", // 47 mistyped
				}
				for lang, tr := range trs {
					f[lang+"/common.toml"] = entryTOML("purpose", tr, h(m))
				}
			},
			want: []string{
				`locales/de/common.toml:2: warning: common.purpose: number(s) of the master missing: 47 (master: "第2条第6項及び平成5年法律第47号による。") [numbers]`,
				`locales/en/common.toml:2: warning: common.purpose: number(s) of the master missing: 6 `,
			},
		},
		{
			name: "punctuation of the wrong script",
			mutate: func(f map[string]string) {
				m := "本書は草案である.\n確認すること。"
				f["ja/common.toml"] = "[purpose]\ntext = \"\"\"\n" + m + "\"\"\"\n"
				for lang, tr := range goodTranslations {
					f[lang+"/common.toml"] = entryTOML("purpose", strings.ReplaceAll(tr, "{{ company.name }}", "X"), h(m))
				}
				f["th/common.toml"] = entryTOML("purpose", "นี่เป็นร่าง。\nตรวจสอบ", h(m))
				f["zh-CN/common.toml"] = entryTOML("purpose", "本文件为草案.{{ x }} 请核对。", h(m))
			},
			want: []string{
				`locales/ja/common.toml:3: warning: common.purpose: ASCII period "." ends a sentence: use 。 [punctuation]`,
				"locales/th/common.toml:3: warning: common.purpose: 。 in a th text: use \".\" [punctuation]",
				// At one place, problems come in the order of their checks' names (diag.Compare).
				`locales/zh-CN/common.toml:2: warning: common.purpose: ASCII period "." ends a sentence: use 。 [punctuation]`,
				"locales/zh-CN/common.toml:2: error: common.purpose: tags differ", // zh-CN added {{ x }}
			},
		},
		{
			name: "leading, trailing and double spaces",
			mutate: func(f map[string]string) {
				f["en/common.toml"] = "[purpose]\ntext = \"\"\"\n Confidential information must not leave \n{{ company.name }}  at all.\"\"\"\nsource = \"" + h(masterPurpose) + "\"\n"
			},
			want: []string{
				"locales/en/common.toml:3: warning: common.purpose: line ends with a space [spaces]",
				"locales/en/common.toml:3: warning: common.purpose: text starts with whitespace [spaces]",
				"locales/en/common.toml:4: warning: common.purpose: double space [spaces]",
			},
		},
		{
			name: "control and zero-width characters",
			mutate: func(f map[string]string) {
				f["vi/common.toml"] = entryTOML("purpose", "Không được mang\u200b thông tin mật ra khỏi {{ company.name }}.\u0007", h(masterPurpose))
			},
			want: []string{
				"locales/vi/common.toml:2: warning: common.purpose: control character U+0007 [invisible]",
				"locales/vi/common.toml:2: warning: common.purpose: invisible character U+200B [invisible]",
			},
		},
		{
			name: "source on the master",
			mutate: func(f map[string]string) {
				f["ja/common.toml"] = entryTOML("purpose", masterPurpose, "0123456789abcdef")
			},
			want: []string{"locales/ja/common.toml:1: warning: common.purpose: source is for translations; the master needs none: delete it [master-source]"},
		},
		{
			name:   "damaged master history",
			mutate: func(f map[string]string) { f["ja/.history.toml"] = "0123456789abcdef = \"not that text\"\n" },
			want:   []string{"locales/ja/.history.toml:1: warning: entry 0123456789abcdef does not hold the master text of that hash; delete it [history]"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			files := baseTree()
			tt.mutate(files)
			got := problemLines(mustInspect(t, files).Check())
			if len(got) != len(tt.want) {
				t.Fatalf("got %d problems, want %d:\n%s", len(got), len(tt.want), strings.Join(got, "\n"))
			}
			for i, w := range tt.want {
				if !strings.Contains(got[i], w) {
					t.Errorf("problem %d:\n got %s\nwant …%s…", i, got[i], w)
				}
			}
		})
	}
}

func TestCheckIsDeterministic(t *testing.T) {
	files := baseTree()
	delete(files, "en/common.toml")
	files["de/common.toml"] = entryTOML("purpose", "x  y", "")
	first := problemLines(mustInspect(t, files).Check())
	for range 5 {
		if got := problemLines(mustInspect(t, files).Check()); !slices.Equal(got, first) {
			t.Fatalf("check output changed between runs:\n%v\n%v", first, got)
		}
	}
}

func TestCheckBlocks(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		{"{{#if a}}x{{else}}y{{/if}}", nil},
		{"{{#each xs}}{{ . }}{{else}}none{{/each}}", nil},
		{"{{#unless a}}{{#if b}}x{{/if}}{{/unless}}", nil},
		{"{{ # if a }}x{{ / if }}", nil},
		{"{{#if a}}x", []string{"{{#if a}} is never closed (add {{/if}})"}},
		{"x{{/each}}", []string{"{{/each}} closes no block"}},
		{"{{#each x}}・{{ . }}{{/if}}", []string{"{{/if}} closes {{#each x}}: close {{/each}} first"}},
		{"{{else}}", []string{"{{else}} outside any {{#if}}, {{#unless}} or {{#each}} block"}},
		{"{{#if a}}1{{else}}2{{else}}3{{/if}}", []string{"second {{else}} in the block opened by {{#if a}}"}},
		{"{{#with a}}x{{/with}}", []string{"unknown block {{#with a}} (use #if, #unless or #each)", "unknown closing tag {{/with}} (use /if, /unless or /each)"}},
		{"{{ company.name を参照", []string{`"{{ company.name を参照" opens a tag that is never closed with }}`}},
		{"{{ a {{ b }}", []string{`"{{ a {{ b }}" opens a tag that is never closed with }}`}},
	}
	for _, tt := range tests {
		var got []string
		for _, f := range checkBlocks(tt.text) {
			got = append(got, f.msg)
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("checkBlocks(%q) =\n %q\nwant\n %q", tt.text, got, tt.want)
		}
	}
}

func TestNumbersIn(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		{"第2条第6項", []string{"2", "6"}},
		{"§ 74 Abs. 02", []string{"74", "2"}},
		{"第二十三条第一款", []string{"23", "1"}},
		{"第百五条", []string{"105"}},
		{"第２条", []string{"2"}},
		{"มาตรา ๑๒", []string{"12"}},
		{"令和7年4月1日", []string{"4", "1"}},
		{"{{ t \"law.art_2\" }} only tags 3", []string{"3"}},
		{"no numbers", nil},
	}
	for _, tt := range tests {
		if got := numbersIn(tt.text); !slices.Equal(got, tt.want) {
			t.Errorf("numbersIn(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}

func TestMissingNumbers(t *testing.T) {
	tests := []struct {
		lang, master, tr string
		want             []string
	}{
		{"en", "本書を2通作成し、各1通を保有する。", "Made in two copies; each party keeps one.", nil},
		{"en", "本書を2通作成し、各1通を保有する。", "Made in duplicate.", []string{"1"}},
		{"de", "報酬の2分の1を下回らない", "nicht weniger als die Hälfte der Vergütung", nil},
		{"en", "2016年6月8日の指令（EU）2016/943", "Directive (EU) 2016/943 of 8 June 2016", nil},
		{"id", "第3章　秘密情報の区分", "BAB III KLASIFIKASI", nil},
		{"vi", "3か月分の補償金", "bồi thường ba tháng", nil},
		{"th", "2002年の法律", "พระราชบัญญัติ พ.ศ. 2545", nil},
		{"th", "4か月", "สี่เดือน", nil},
		// Words that are also ordinary words are not number words: สาม (3) hides in สามารถ
		// (can), ห้า (5) in ห้าม (prohibit), vi năm (5) is also "year".
		{"th", "3か月以内に返還することができる", "สามารถคืนได้ภายในกำหนด", []string{"3"}},
		{"th", "5日以内の開示を禁止する", "ห้ามเปิดเผยภายในกำหนด", []string{"5"}},
		{"vi", "5年間", "trong thời hạn năm", []string{"5"}},
		{"en", "5月1日まで", "until 1 may", []string{"5"}},
		{"zh-CN", "2年を超えてはならない", "不得超过两年", nil},
		{"zh-CN", "12か月間", "十二个月", nil},
		{"en", "退職前12か月間", "in the last year before leaving", []string{"12"}},
		{"de", "第5条第2項", "§ 5 Abs. 3", []string{"2"}},
	}
	for _, tt := range tests {
		if got := missingNumbers(tt.lang, tt.master, tt.tr); !slices.Equal(got, tt.want) {
			t.Errorf("missingNumbers(%s, %q, %q) = %v, want %v", tt.lang, tt.master, tt.tr, got, tt.want)
		}
	}
}

func TestSpacesAndInvisible(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		{"fine text", nil},
		{" lead", []string{"text starts with whitespace"}},
		{"trail\n", []string{"text ends with whitespace"}},
		{"a  b", []string{"double space"}},
		{"日本語\u3000\u3000です", []string{"double space"}},
		{"one\n two", []string{"line starts with a space"}},
		{"one \ntwo", []string{"line ends with a space"}},
		{"tab\tis fine", nil},
	}
	for _, tt := range tests {
		var got []string
		for _, f := range checkSpaces(tt.text) {
			got = append(got, f.msg)
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("checkSpaces(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
	for text, want := range map[string]string{
		"a\u200bb": "U+200B", "a\ufeffb": "U+FEFF", "a\u00adb": "U+00AD", "a\u202eb": "U+202E", "a\rb": "carriage return", "a\x00b": "U+0000",
	} {
		fs := checkInvisible(text)
		if len(fs) != 1 || !strings.Contains(fs[0].msg, want) {
			t.Errorf("checkInvisible(%q) = %v, want one finding naming %s", text, fs, want)
		}
	}
	if fs := checkInvisible("line\n\ttab ไทย 中文"); len(fs) != 0 {
		t.Errorf("ordinary text flagged: %v", fs)
	}
}
