package translate

import (
	"slices"
	"strings"
	"testing"

	"github.com/tsdraft/tsdraft/internal/catalog"
)

func TestCanonicalLanguage(t *testing.T) {
	for tag, want := range map[string]string{
		"en": "en", "en-US": "en", "EN_gb": "en", "zh-CN": "zh-CN", "zh-Hans-CN": "zh-CN", "zh": "zh-CN",
		"de-DE": "de", "th-TH": "th", "in-ID": "id", "vi": "vi", "ja-JP": "ja", "ger-DE": "de", "zho-CN": "zh-CN", "jpn": "ja",
	} {
		if got, ok := canonicalLanguage(tag); !ok || got != want {
			t.Errorf("canonicalLanguage(%q) = %q, %v; want %q", tag, got, ok, want)
		}
	}
	for _, tag := range []string{"zh-TW", "zh-Hant", "fr", ""} {
		if got, ok := canonicalLanguage(tag); ok {
			t.Errorf("canonicalLanguage(%q) = %q, want refusal", tag, got)
		}
	}
}

func TestStatus(t *testing.T) {
	files := complete(map[string]string{"a": "甲の条項。", "b": "乙の条項。", "c": "{{ x }}"}, func(lang, table, text string) string {
		if table == "c" {
			return text // a text of only a tag is the same everywhere, and not "same as master"
		}
		return "Clause " + table + " in " + lang + "."
	})
	files["ja/CN/law.toml"] = entryTOML("ts_act", "反不正当競争法", "")
	files["zh-CN/CN/law.toml"] = entryTOML("ts_act", "反不正当竞争法", catalog.SourceHash("反不正当競争法"))
	files["en/common.toml"] = entryTOML("a", "Clause a.", catalog.SourceHash("old")) + entryTOML("b", "乙の条項。", "") // a stale, b same & no source, c missing
	files["de/common.toml"] = ""
	var b strings.Builder
	if err := WriteStatus(&b, mustInspect(t, files).Status()); err != nil {
		t.Fatal(err)
	}
	want := `LANGUAGE  ENTRIES  TRANSLATED  MISSING  STALE  SAME-AS-MASTER  COMPLETE
ja              4           4        0      0               0      100%
en              4           0        2      2               1        0%
zh-CN           4           4        0      0               0      100%
th              3           3        0      0               0      100%
vi              3           3        0      0               0      100%
id              3           3        0      0               0      100%
de              3           0        3      0               0        0%
`
	if b.String() != want {
		t.Errorf("status:\n%s\nwant:\n%s", b.String(), want)
	}
}

// The web app's screen texts (ui.toml) are optional per language: a language without the file
// owes none of them (status and check leave it alone), a language that has it owes all of it
// (check reports each missing text, status counts it), and export offers them to every
// language, so that a translator can start the file from an XLIFF.
func TestOptionalUIFile(t *testing.T) {
	files := complete(map[string]string{"a": "甲の条項。"}, func(lang, table, text string) string { return "Clause a (" + lang + ")." })
	files["ja/ui.toml"] = entryTOML(`"nav.home"`, "ホーム", "") + entryTOML(`"nav.back"`, "戻る", "")
	files["en/ui.toml"] = entryTOML(`"nav.home"`, "Home", catalog.SourceHash("ホーム")) + entryTOML(`"nav.back"`, "Back", catalog.SourceHash("戻る"))
	files["th/ui.toml"] = entryTOML(`"nav.home"`, "หน้าแรก", catalog.SourceHash("ホーム")) // nav.back missing
	c := mustInspect(t, files)
	var missing []string
	for _, p := range c.Check() {
		if p.Level == catalog.Error {
			missing = append(missing, p.File+" "+p.Rule+" "+strings.SplitN(p.Message, ":", 2)[0])
		}
	}
	if want := []string{"locales/th/ui.toml missing ui.nav.back"}; !slices.Equal(missing, want) {
		t.Errorf("check errors %q, want %q", missing, want)
	}
	rows := map[string]StatusRow{}
	for _, r := range c.Status() {
		rows[r.Lang] = r
	}
	if rows["en"].Entries != 3 || rows["th"].Entries != 3 || rows["th"].Missing != 1 || rows["vi"].Entries != 1 || rows["vi"].Missing != 0 {
		t.Errorf("status: en %+v th %+v vi %+v", rows["en"], rows["th"], rows["vi"])
	}
	units, err := c.exportUnits(ExportOptions{Lang: "vi"})
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, f := range units {
		n += len(f)
	}
	if n != 3 {
		t.Errorf("export for vi has %d units, want 3 (common.a and the two screen texts)", n)
	}
}
