package catalog

import (
	"errors"
	"strings"
	"testing"
)

func TestTextFallbackOrder(t *testing.T) {
	files := map[string]string{
		"ja/common.toml":    entryTOML("prevailing", "日本語が優先する。", "") + entryTOML("only_ja", "日本のみ", ""),
		"ja/CN/common.toml": entryTOML("prevailing", "中国版。", ""),
		"en/common.toml":    entryTOML("prevailing", "Japanese prevails.", SourceHash("日本語が優先する。")),
		"en/CN/common.toml": entryTOML("prevailing", "Chinese version.", SourceHash("中国版。")),
	}
	c, err := Load(mapFS(files))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct{ lang, jur, key, want string }{
		{"en", "CN", "common.prevailing", "Chinese version."}, // <lang>/<JUR> first
		{"en", "JP", "common.prevailing", "Japanese prevails."},
		{"en", "", "common.prevailing", "Japanese prevails."},
		{"ja", "CN", "common.prevailing", "中国版。"},
		{"ja", "TH", "common.only_ja", "日本のみ"},
	}
	for _, tt := range tests {
		got, err := c.Text(tt.lang, tt.jur, tt.key)
		if err != nil || got != tt.want {
			t.Errorf("Text(%s, %s, %s) = %q, %v; want %q", tt.lang, tt.jur, tt.key, got, err, tt.want)
		}
	}
	errs := []struct{ lang, jur, key, want string }{
		// no fallback to another language, and the message says what to do
		{"en", "CN", "common.only_ja", `locale: no text for "common.only_ja" in language en, jurisdiction CN: the master (ja) has it but it is not translated yet; add [only_ja] to locales/en/common.toml`},
		{"de", "DE", "common.prevailng", `locale: no text for "common.prevailng" in language de, jurisdiction DE: check the key in the template, or add [prevailng] to locales/de/common.toml or locales/de/DE/common.toml for DE only`},
		{"en", "JP", "common.prevailng", `(did you mean "common.prevailing"?)`},
		{"fr", "JP", "common.prevailing", `locale: unknown language "fr"`},
		{"en", "XX", "common.prevailing", `locale: unknown jurisdiction "XX"`},
		{"en", "JP", "prevailing", `locale: "prevailing" is not a locale key`},
	}
	for _, tt := range errs {
		_, err := c.Text(tt.lang, tt.jur, tt.key)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("Text(%s, %s, %s) error = %v\nwant …%s…", tt.lang, tt.jur, tt.key, err, tt.want)
		}
	}
}

func TestLoadLayersOverridesKeyByKey(t *testing.T) {
	base := map[string]string{
		"ja/common.toml": entryTOML("a", "甲", "") + entryTOML("b", "乙", ""),
		"en/common.toml": entryTOML("a", "A", SourceHash("甲")) + entryTOML("b", "B", SourceHash("乙")),
	}
	one := writeTree(t, t.TempDir(), map[string]string{
		"en/common.toml": entryTOML("b", "B from one", SourceHash("乙")),
	})
	two := writeTree(t, t.TempDir(), map[string]string{
		"en/common.toml":    entryTOML("b", "B from two", SourceHash("乙")),
		"en/JP/common.toml": "# empty override file\n",
	})
	c, err := Load(mapFS(base), one, two)
	if err != nil {
		t.Fatal(err)
	}
	for key, want := range map[string]string{"common.a": "A", "common.b": "B from two"} {
		if got, _ := c.Text("en", "JP", key); got != want {
			t.Errorf("%s = %q, want %q", key, got, want)
		}
	}
	c1, _ := Load(mapFS(base), one)
	if got, _ := c1.Text("en", "JP", "common.b"); got != "B from one" {
		t.Errorf("one layer: common.b = %q", got)
	}
}

func TestLoadErrorsCarryPositions(t *testing.T) {
	base := map[string]string{
		"ja/common.toml": "[a]\ntext = \"甲\"\n[b]\ntext = \"乙\n",
		"en/common.toml": "[a]\ntext = 'A'\nsource = 1\n",
	}
	_, err := Load(mapFS(base))
	var le *LoadError
	if !errors.As(err, &le) {
		t.Fatalf("Load error = %v, want a *LoadError", err)
	}
	msg := err.Error()
	for _, want := range []string{
		"locales/en/common.toml:3: [a]: source must be a string",
		"locales/ja/common.toml:4:10: invalid TOML: strings cannot contain newlines",
	} {
		if !strings.Contains(msg, want) {
			t.Errorf("error\n%s\nlacks %q", msg, want)
		}
	}
	if _, err := Load(mapFS(base), t.TempDir()+"/nope"); err == nil || !strings.Contains(err.Error(), "nope") {
		t.Errorf("missing override dir: err = %v", err)
	}
}

func TestLoadAcceptsWarnings(t *testing.T) {
	// Warnings (here a source on the master) do not stop rendering.
	if _, err := Load(mapFS(map[string]string{"ja/common.toml": entryTOML("a", "甲 ", "0123456789abcdef")})); err != nil {
		t.Fatal(err)
	}
	// Nor does a nil tree with no overrides: an empty catalogue.
	c, err := Load(nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.Text("ja", "JP", "common.a"); err == nil {
		t.Error("empty catalogue returned a text")
	}
}

func TestRevision(t *testing.T) {
	files := baseTree()
	r1 := mustInspect(t, files).Revision()
	if len(r1) != 12 || r1 != mustInspect(t, files).Revision() {
		t.Fatalf("revision %q not stable", r1)
	}
	withNote := baseTree()
	withNote["ja/common.toml"] = "# a comment\n[purpose]\nnote = \"context\"\ntext = " + EncodeString(masterPurpose) + "\n"
	if r := mustInspect(t, withNote).Revision(); r != r1 {
		t.Errorf("a note or comment changed the revision: %s → %s", r1, r)
	}
	changed := baseTree()
	changed["de/common.toml"] = entryTOML("purpose", "Anders.", SourceHash(masterPurpose))
	if r := mustInspect(t, changed).Revision(); r == r1 {
		t.Error("a changed text kept the revision")
	}
}

func TestParseID(t *testing.T) {
	for id, want := range map[string][2]string{
		"common.prevailing":         {"", "common.prevailing"},
		"CN/law.ts_act":             {"CN", "law.ts_act"},
		"common.kind_joint-venture": {"", "common.kind_joint-venture"},
	} {
		jur, key, err := ParseID(id)
		if err != nil || jur != want[0] || key != want[1] {
			t.Errorf("ParseID(%q) = %q, %q, %v", id, jur, key, err)
		}
	}
	for _, bad := range []string{"common", "XX/law.a", ".a", "a.", "CN/a/b.c"} {
		if _, _, err := ParseID(bad); err == nil {
			t.Errorf("ParseID(%q) accepted", bad)
		}
	}
}

// The renderers' catalogue (LoadLangs) leaves the screen texts out: a document's locale
// revision does not change when a screen's text does.
func TestScreenTextsNotInDocumentCatalogue(t *testing.T) {
	files := map[string]string{
		"ja/common.toml": entryTOML("a", "甲の条項。", ""),
		"en/common.toml": entryTOML("a", "Clause a (en).", SourceHash("甲の条項。")),
	}
	without, err := LoadLangs(mapFS(files), []string{"ja", "en"})
	if err != nil {
		t.Fatal(err)
	}
	files["ja/ui.toml"] = entryTOML(`"nav.home"`, "ホーム", "")
	files["en/ui.toml"] = entryTOML(`"nav.home"`, "Home", SourceHash("ホーム"))
	with, err := LoadLangs(mapFS(files), []string{"ja", "en"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := with.Text("en", "", "ui.nav.home"); err == nil {
		t.Error("the document catalogue has the screen text ui.nav.home")
	}
	if with.Revision() != without.Revision() {
		t.Error("a screen text changes the documents' locale revision")
	}
	if all := mustInspect(t, files); all.Entry(Ref{"en", "", "ui.nav.home"}) == nil {
		t.Error("the translators' catalogue lacks the screen text")
	}
}
