package translate

import (
	"errors"
	"flag"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/tsdraft/tsdraft/internal/catalog"
)

var update = flag.Bool("update", false, "rewrite golden files")

const (
	mPrevailing = "本契約は{{ prevailing_name }}を正本とする。"
	mDraftOld   = "本書は草案です。\n{{#if draft}}確認を受けること。{{/if}}"
	mDraft      = "本書は草案である。\n{{#if draft}}専門家の確認を受けること。{{/if}}"
	mCustomer   = "顧客"
	mSpecial    = `甲<乙 & "丙" > 丁`
	mTsAct      = "中華人民共和国反不正当競争法（第9条）"
)

// xliffTree: en has prevailing current, draft_notice stale (old master in the history),
// kind_customer and CN/law.ts_act missing; special is current.
func xliffTree() map[string]string {
	return map[string]string{
		"ja/common.toml": "[prevailing]\ntext = " + catalog.EncodeString(mPrevailing) + "\nnote = \"Bilingual documents only.\"\n\n" +
			entryTOML("draft_notice", mDraft, "") + "\n" + entryTOML("kind_customer", mCustomer, "") + "\n" + entryTOML("special", mSpecial, ""),
		"ja/CN/law.toml":   entryTOML("ts_act", mTsAct, ""),
		"ja/.history.toml": string(formatHistory(map[string]string{catalog.SourceHash(mDraftOld): mDraftOld})),
		"en/common.toml": "# English\n\n" + entryTOML("prevailing", "The {{ prevailing_name }} text prevails.", catalog.SourceHash(mPrevailing)) + "\n" +
			entryTOML("draft_notice", "This is a draft.\n{{#if draft}}Have it reviewed.{{/if}}", catalog.SourceHash(mDraftOld)) + "\n" + entryTOML("special", "A<B & \"C\" > D", catalog.SourceHash(mSpecial)),
	}
}

// dirCatalog writes files into a fresh directory and inspects it alone (no embedded tree),
// as `--locales DIR --no-embedded` does.
func dirCatalog(t *testing.T, files map[string]string) (*Tree, string) {
	t.Helper()
	dir := writeTree(t, t.TempDir(), files)
	c, err := Inspect(nil, dir)
	if err != nil {
		t.Fatal(err)
	}
	return c, dir
}

func TestExportGolden(t *testing.T) {
	c := mustInspect(t, xliffTree())
	got, err := c.Export(ExportOptions{Lang: "en"})
	if err != nil {
		t.Fatal(err)
	}
	golden := filepath.Join("testdata", "export_en.golden.xlf")
	if *update {
		if err := os.WriteFile(golden, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != string(want) {
		t.Errorf("export differs from %s (run go test -update after review):\n%s", golden, got)
	}
	again, _ := mustInspect(t, xliffTree()).Export(ExportOptions{Lang: "en"})
	if string(again) != string(got) {
		t.Error("export is not deterministic")
	}
}

func unitIDs(t *testing.T, data []byte) []string {
	t.Helper()
	files, err := readXLIFF("x.xlf", data)
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, f := range files {
		for _, u := range f.units {
			ids = append(ids, u.id)
		}
	}
	return ids
}

func TestExportOnly(t *testing.T) {
	c := mustInspect(t, xliffTree())
	tests := []struct {
		only []string
		want []string
	}{
		{nil, []string{"common.prevailing", "common.draft_notice", "common.kind_customer", "common.special", "CN/law.ts_act"}},
		{[]string{"missing"}, []string{"common.kind_customer", "CN/law.ts_act"}},
		{[]string{"stale"}, []string{"common.draft_notice"}},
		{[]string{"missing", "stale"}, []string{"common.draft_notice", "common.kind_customer", "CN/law.ts_act"}},
		{[]string{"current"}, []string{"common.prevailing", "common.special"}},
	}
	for _, tt := range tests {
		data, err := c.Export(ExportOptions{Lang: "en", Only: tt.only})
		if err != nil {
			t.Fatalf("only %v: %v", tt.only, err)
		}
		if got := unitIDs(t, data); !slices.Equal(got, tt.want) {
			t.Errorf("only %v: units %v, want %v", tt.only, got, tt.want)
		}
	}
	// th is not a CN language: it gets no CN unit.
	data, err := c.Export(ExportOptions{Lang: "th"})
	if err != nil {
		t.Fatal(err)
	}
	if got := unitIDs(t, data); slices.Contains(got, "CN/law.ts_act") {
		t.Errorf("th export holds a CN unit: %v", got)
	}
	if _, err := c.Export(ExportOptions{Lang: "en", Only: []string{"stale"}}); err != nil {
		t.Fatal(err)
	}
	if _, err := mustInspect(t, map[string]string{"ja/common.toml": entryTOML("a", "甲", ""), "en/common.toml": entryTOML("a", "A", catalog.SourceHash("甲"))}).
		Export(ExportOptions{Lang: "en", Only: []string{"missing"}}); !errors.Is(err, ErrNothingToExport) {
		t.Errorf("nothing missing: err = %v, want ErrNothingToExport", err)
	}
	for _, opt := range []ExportOptions{{Lang: "ja"}, {Lang: "fr"}, {Lang: "en", Only: []string{"done"}}} {
		if _, err := c.Export(opt); err == nil {
			t.Errorf("Export(%+v) accepted", opt)
		}
	}
	bad := xliffTree()
	bad["ja/common.toml"] += "\n" + entryTOML("bell", "鐘\a", "")
	if _, err := mustInspect(t, bad).Export(ExportOptions{Lang: "en"}); err == nil || !strings.Contains(err.Error(), "U+0007") {
		t.Errorf("control character: err = %v", err)
	}
}

func TestImportUnchangedRoundTripChangesNothing(t *testing.T) {
	for _, lang := range []string{"en", "de"} {
		c, dir := dirCatalog(t, xliffTree())
		before := readTree(t, dir)
		data, err := c.Export(ExportOptions{Lang: lang})
		if err != nil {
			t.Fatal(err)
		}
		plan, err := c.PlanImport("x.xlf", data)
		if err != nil {
			t.Fatal(err)
		}
		if len(plan.Changes) != 0 || len(plan.Problems) != 0 {
			t.Fatalf("%s: unchanged round trip plans changes %v, problems %v", lang, plan.ChangedFiles(), problemLines(plan.Problems))
		}
		if err := WriteChanges(plan); err != nil {
			t.Fatal(err)
		}
		if after := readTree(t, dir); !maps.Equal(before, after) {
			t.Errorf("%s: files changed", lang)
		}
	}
}

// translate fills or replaces the target of the unit id in an exported XLIFF.
func translate(t *testing.T, data []byte, id, target, state string) []byte {
	t.Helper()
	s := string(data)
	start := strings.Index(s, `<trans-unit id="`+id+`"`)
	if start < 0 {
		t.Fatalf("no unit %s", id)
	}
	end := start + strings.Index(s[start:], "</trans-unit>")
	unit := s[start:end]
	newTarget := `<target state="` + state + `">` + target + "</target>"
	if i := strings.Index(unit, "<target"); i >= 0 {
		j := strings.Index(unit, "</target>") + len("</target>")
		unit = unit[:i] + newTarget + unit[j:]
	} else {
		i := strings.Index(unit, "</source>") + len("</source>")
		unit = unit[:i] + "\n    " + newTarget + unit[i:]
	}
	return []byte(s[:start] + unit + s[end:])
}

func TestImportWritesTranslations(t *testing.T) {
	c, dir := dirCatalog(t, xliffTree())
	data, _ := c.Export(ExportOptions{Lang: "en"})
	data = translate(t, data, "common.kind_customer", "Customer", "translated")
	data = translate(t, data, "common.draft_notice", "This is a draft.\n<bpt id=\"1\">{{#if draft}}</bpt>Have it checked by counsel.<ept id=\"1\">{{/if}}</ept>", "translated")
	data = translate(t, data, "CN/law.ts_act", "Anti-Unfair Competition Law of the PRC (Article 9)", "translated")
	plan, err := c.PlanImport("en.xlf", data)
	if err != nil {
		t.Fatal(err)
	}
	if len(plan.Problems) != 0 {
		t.Fatalf("problems: %v", problemLines(plan.Problems))
	}
	if got := [4]int{plan.Count("added"), plan.Count("updated"), plan.Count("unchanged"), plan.Count("skipped")}; got != [4]int{2, 1, 2, 0} {
		t.Errorf("added/updated/unchanged/skipped = %v", got)
	}
	if err := WriteChanges(plan); err != nil {
		t.Fatal(err)
	}
	files := readTree(t, dir)
	wantEN := "# English\n\n" + entryTOML("prevailing", "The {{ prevailing_name }} text prevails.", catalog.SourceHash(mPrevailing)) + "\n" +
		entryTOML("draft_notice", "This is a draft.\n{{#if draft}}Have it checked by counsel.{{/if}}", catalog.SourceHash(mDraft)) + "\n" +
		entryTOML("kind_customer", "Customer", catalog.SourceHash(mCustomer)) + "\n" +
		entryTOML("special", "A<B & \"C\" > D", catalog.SourceHash(mSpecial))
	if files["en/common.toml"] != wantEN {
		t.Errorf("en/common.toml:\n%s\nwant:\n%s", files["en/common.toml"], wantEN)
	}
	if want := entryTOML("ts_act", "Anti-Unfair Competition Law of the PRC (Article 9)", catalog.SourceHash(mTsAct)); files["en/CN/law.toml"] != want {
		t.Errorf("en/CN/law.toml:\n%s\nwant:\n%s", files["en/CN/law.toml"], want)
	}
	hist, _ := parseHistory("h", files["ja/.history.toml"])
	for _, m := range []string{mDraftOld, mDraft, mCustomer, mTsAct} {
		if hist[catalog.SourceHash(m)] != m {
			t.Errorf("history lacks %q", m)
		}
	}
	// en is now complete and clean.
	c2, _ := Inspect(nil, dir)
	for _, p := range c2.Check() {
		if strings.Contains(p.File, "/en/") {
			t.Errorf("en problem after import: %s", p)
		}
	}
	// Importing the same file again changes nothing.
	plan, err = c2.PlanImport("en.xlf", data)
	if err != nil || len(plan.Changes) != 0 {
		t.Errorf("second import: changes %v, err %v", plan.ChangedFiles(), err)
	}
}

func TestImportRefusesTagMismatch(t *testing.T) {
	c, dir := dirCatalog(t, xliffTree())
	before := readTree(t, dir)
	data, _ := c.Export(ExportOptions{Lang: "en"})
	data = translate(t, data, "common.prevailing", "The Japanese text prevails.", "translated")                                // dropped the ph
	data = translate(t, data, "common.draft_notice", "Draft.\n<bpt id=\"1\"/>Check.{{ lawyer }}<ept id=\"1\"/>", "translated") // typed a tag
	data = translate(t, data, "common.special", "<ept id=\"1\">{{/if}}</ept>x<bpt id=\"1\">{{#if draft}}</bpt>", "translated") // codes the source lacks
	data = translate(t, data, "CN/law.ts_act", "<ph id=\"9\">?</ph>Act", "translated")                                         // unknown code, not a tag
	data = translate(t, data, "common.kind_customer", "Customer", "translated")                                                // fine
	plan, err := c.PlanImport("en.xlf", data)
	if err != nil {
		t.Fatal(err)
	}
	got := problemLines(plan.Problems)
	want := []string{
		"en.xlf:9: error: common.prevailing: tags differ from the source: missing {{ prevailing_name }}; fix the target in the translation tool, save, and import again [tags]",
		"en.xlf:15: error: common.draft_notice: tags differ from the source: not in the master {{ lawyer }}; fix the target in the translation tool, save, and import again [tags]",
		"en.xlf:29: error: common.special: tags differ from the source: not in the master {{#if draft}}, {{/if}}; fix the target in the translation tool, save, and import again [tags]",
		"en.xlf:42: error: CN/law.ts_act: inline code <ph id=\"9\"> is not in the source; fix the target in the translation tool, save, and import again [tags]",
	}
	if !slices.Equal(got, want) {
		t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if err := WriteChanges(plan); err != nil {
		t.Fatal(err)
	}
	after := readTree(t, dir)
	if strings.Contains(after["en/common.toml"], "Japanese text prevails") || after["en/CN/law.toml"] != "" {
		t.Error("a refused unit was written")
	}
	if !strings.Contains(after["en/common.toml"], "[kind_customer]\ntext = \"Customer\"") {
		t.Error("the good unit was not written")
	}
	if after["en/common.toml"] == before["en/common.toml"] {
		t.Error("nothing written")
	}
}

func TestImportStaleNeedsConfirmation(t *testing.T) {
	c, dir := dirCatalog(t, xliffTree())
	data, _ := c.Export(ExportOptions{Lang: "en", Only: []string{"stale"}})
	// Back unchanged, still "needs-review-translation": nobody looked at it.
	plan, err := c.PlanImport("en.xlf", data)
	if err != nil || len(plan.Changes) != 0 || plan.Count("skipped") != 1 {
		t.Fatalf("unconfirmed stale unit: changes %v, skipped %d, err %v", plan.ChangedFiles(), plan.Count("skipped"), err)
	}
	// Confirmed in the tool (state translated), text unchanged: the source is stamped.
	data = []byte(strings.Replace(string(data), `state="needs-review-translation"`, `state="translated"`, 1))
	plan, err = c.PlanImport("en.xlf", data)
	if err != nil || plan.Count("confirmed") != 1 {
		t.Fatalf("confirmed: %+v, %v", plan.Actions, err)
	}
	if err := WriteChanges(plan); err != nil {
		t.Fatal(err)
	}
	want := strings.Replace(xliffTree()["en/common.toml"], catalog.SourceHash(mDraftOld), catalog.SourceHash(mDraft), 1)
	if got := readTree(t, dir)["en/common.toml"]; got != want {
		t.Errorf("en/common.toml:\n%s\nwant:\n%s", got, want)
	}
}

func TestImportAfterMasterChanged(t *testing.T) {
	c, dir := dirCatalog(t, xliffTree())
	data, _ := c.Export(ExportOptions{Lang: "en", Only: []string{"missing"}})
	data = translate(t, data, "common.kind_customer", "Customer", "translated")
	// The master changes while the file is at the translator's.
	writeTree(t, dir, map[string]string{"ja/common.toml": strings.Replace(xliffTree()["ja/common.toml"], mCustomer, "得意先", 1)})
	c, _ = Inspect(nil, dir)
	plan, err := c.PlanImport("en.xlf", data)
	if err != nil {
		t.Fatal(err)
	}
	if len(plan.Problems) != 1 || plan.Problems[0].Rule != "master-changed" || plan.Problems[0].Level != catalog.Warning {
		t.Fatalf("problems: %v", problemLines(plan.Problems))
	}
	if err := WriteChanges(plan); err != nil {
		t.Fatal(err)
	}
	c, _ = Inspect(nil, dir)
	var stale []string
	for _, p := range c.Check() {
		if p.Rule == "stale" && strings.Contains(p.Message, "kind_customer") {
			stale = append(stale, p.String())
		}
	}
	// Recorded as made from 顧客, so check calls it stale and shows both masters.
	if len(stale) != 1 || !strings.Contains(stale[0], `master now: "得意先"; master then: "顧客"`) {
		t.Errorf("stale problems: %v", stale)
	}
}

func TestImportToolVariants(t *testing.T) {
	c, dir := dirCatalog(t, xliffTree())
	// As a CAT tool might write it back: groups, tool namespaces, segment markers, <x/> for
	// <ph>, a <bx/>/<ex/> pair, empty native code, a regional target language.
	doc := `<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2" xmlns:sdl="http://example.com/sdl">
 <file original="common.toml" source-language="ja-JP" target-language="en-US" datatype="plaintext">
  <header><sdl:ref-files/></header>
  <body>
   <group id="g1">
    <trans-unit id="common.prevailing" resname="common.prevailing" sdl:x="1">
     <source>本契約は<ph id="1">{{ prevailing_name }}</ph>を正本とする。</source>
     <seg-source><mrk mtype="seg" mid="1">本契約は<ph id="1">{{ prevailing_name }}</ph>を正本とする。</mrk></seg-source>
     <target state="translated"><mrk mtype="seg" mid="1">This Agreement's <x id="1"/> text prevails.</mrk></target>
     <sdl:seg-defs/>
    </trans-unit>
    <trans-unit id="common.draft_notice">
     <source>本書は草案である。
<bpt id="1" equiv-text="{{#if draft}}">{{#if draft}}</bpt>専門家の確認を受けること。<ept id="1">{{/if}}</ept></source>
     <target state="final">Draft.
<bx id="1"/>Get it reviewed.<ex id="1"/></target>
    </trans-unit>
   </group>
  </body>
 </file>
</xliff>`
	plan, err := c.PlanImport("tool.xlf", []byte(doc))
	if err != nil {
		t.Fatal(err)
	}
	if len(plan.Problems) != 0 {
		t.Fatalf("problems: %v", problemLines(plan.Problems))
	}
	if err := WriteChanges(plan); err != nil {
		t.Fatal(err)
	}
	got := readTree(t, dir)["en/common.toml"]
	for _, want := range []string{
		`text = "This Agreement's {{ prevailing_name }} text prevails."`,
		"text = \"\"\"\nDraft.\n{{#if draft}}Get it reviewed.{{/if}}\"\"\"\nsource = \"" + catalog.SourceHash(mDraft) + "\"",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("en/common.toml lacks %q:\n%s", want, got)
		}
	}
}

func TestImportBadFiles(t *testing.T) {
	c, _ := dirCatalog(t, xliffTree())
	tests := []struct{ doc, want string }{
		{"", "x.xlf: empty file, not XLIFF"},
		{"<xliff version=\"1.2\">\n<file>\n</xliff>", "x.xlf:3: not well-formed XML"},
		{`<html/>`, "not an XLIFF file (root element <html>)"},
		{`<xliff version="2.0" xmlns="urn:oasis:names:tc:xliff:document:2.0" srcLang="ja" trgLang="en"><file id="f"/></xliff>`, `XLIFF version "2.0": tsdraft reads XLIFF 1.2`},
		{`<xliff version="1.2"></xliff>`, "no <file> element"},
		{`<xliff version="1.2"><file source-language="ja" target-language="fr"><body/></file></xliff>`, `target-language "fr" is not one of en zh-CN th vi id de`},
		{`<xliff version="1.2"><file source-language="ja" target-language="ja"><body/></file></xliff>`, "target-language is ja, the master"},
		{`<xliff version="1.2"><file source-language="en" target-language="de"><body/></file></xliff>`, `source-language "en": the source must be the master`},
	}
	for _, tt := range tests {
		_, err := c.PlanImport("x.xlf", []byte(tt.doc))
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("import %q: err = %v\nwant …%s…", tt.doc, err, tt.want)
		}
	}
	unit := func(id, body string) string {
		return `<xliff version="1.2"><file source-language="ja" target-language="en"><body><trans-unit id="` + id + `">` + body + `</trans-unit></body></file></xliff>`
	}
	units := []struct{ doc, want string }{
		{unit("nope", "<source>x</source><target>y</target>"), `"nope" is not an entry ID`},
		{unit("common.gone", "<source>x</source><target>y</target>"), "common.gone: not in the master (no [gone] in ja/common.toml) any more"},
		{unit("common.kind_customer", "<source>顧客</source><target>{{#if a}}Customer</target>"), "tags differ from the source: not in the master {{#if a}}"},
	}
	for _, tt := range units {
		plan, err := c.PlanImport("x.xlf", []byte(tt.doc))
		if err != nil {
			t.Fatal(err)
		}
		if len(plan.Problems) != 1 || !strings.Contains(plan.Problems[0].Message, tt.want) || len(plan.Changes) != 0 {
			t.Errorf("import %q: problems %v, changes %v; want one naming %q", tt.doc, problemLines(plan.Problems), plan.ChangedFiles(), tt.want)
		}
	}
	// The target-language needs no tsdraft spelling, and skipped units say why.
	plan, err := c.PlanImport("x.xlf", []byte(unit("common.kind_customer", `<source>顧客</source><target state="needs-translation">顧客</target>`)))
	if err != nil || plan.Count("skipped") != 1 || len(plan.Changes) != 0 {
		t.Errorf("copied source: %+v %v", plan.Actions, err)
	}
}

func TestMarkCurrent(t *testing.T) {
	files := xliffTree()
	files["en/common.toml"] += "\n" + entryTOML("kind_customer", "Customer {{ x }}", catalog.SourceHash(mCustomer)) // tags differ
	files["de/common.toml"] = entryTOML("prevailing", "Der {{ prevailing_name }} Text geht vor.", "") + "\n" + entryTOML("special", "A<B & \"C\" > D", catalog.SourceHash(mSpecial))
	c, dir := dirCatalog(t, files)

	plan, err := c.PlanMarkCurrent("en", []string{"common.draft_notice", "common.prevailing", "common.kind_customer", "CN/law.ts_act"}, false)
	if err != nil {
		t.Fatal(err)
	}
	var acts []string
	for _, a := range plan.Actions {
		acts = append(acts, a.Ref.ID()+"="+a.What)
	}
	if want := []string{"common.draft_notice=stamped", "common.prevailing=unchanged", "common.kind_customer=refused", "CN/law.ts_act=refused"}; !slices.Equal(acts, want) {
		t.Errorf("actions %v, want %v", acts, want)
	}
	if len(plan.Problems) != 2 || plan.Problems[0].Rule != "missing" || plan.Problems[1].Rule != "tags" {
		t.Errorf("problems: %v", problemLines(plan.Problems))
	}
	if err := WriteChanges(plan); err != nil {
		t.Fatal(err)
	}
	got := readTree(t, dir)["en/common.toml"]
	if want := strings.Replace(files["en/common.toml"], catalog.SourceHash(mDraftOld), catalog.SourceHash(mDraft), 1); got != want {
		t.Errorf("en/common.toml:\n%s\nwant:\n%s", got, want)
	}

	// --all stamps only what lacks a current source.
	c, _ = Inspect(nil, dir)
	plan, err = c.PlanMarkCurrent("de", nil, true)
	if err != nil {
		t.Fatal(err)
	}
	if plan.Count("stamped") != 1 || plan.Count("unchanged") != 1 {
		t.Errorf("--all: %+v", plan.Actions)
	}
	if want := strings.Replace(files["de/common.toml"], "geht vor.\"\n", "geht vor.\"\nsource = \""+catalog.SourceHash(mPrevailing)+"\"\n", 1); string(plan.Changes["de/common.toml"]) != want {
		t.Errorf("de/common.toml:\n%s\nwant:\n%s", plan.Changes["de/common.toml"], want)
	}

	for _, args := range []struct {
		lang string
		ids  []string
		all  bool
	}{{"ja", []string{"common.a"}, false}, {"en", nil, false}, {"en", []string{"common.a"}, true}, {"en", []string{"bad"}, false}} {
		if _, err := c.PlanMarkCurrent(args.lang, args.ids, args.all); err == nil {
			t.Errorf("PlanMarkCurrent(%v) accepted", args)
		}
	}
	// Entries that only a lower layer holds cannot be stamped in the directory.
	layered, err := Inspect(mapFS(xliffTree()), t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	plan, _ = layered.PlanMarkCurrent("en", []string{"common.draft_notice"}, false)
	if len(plan.Problems) != 1 || !strings.Contains(plan.Problems[0].Message, "it comes from locales/en/common.toml") {
		t.Errorf("lower layer: %v", problemLines(plan.Problems))
	}
	if _, err := mustInspect(t, xliffTree()).PlanMarkCurrent("en", []string{"common.draft_notice"}, false); err == nil {
		t.Error("no directory to write into, yet accepted")
	}
}

func FuzzReadXLIFF(f *testing.F) {
	c := mustInspect(f, xliffTree())
	export, _ := c.Export(ExportOptions{Lang: "en"})
	f.Add(string(export))
	f.Add(`<xliff version="1.2"><file target-language="en"><body><group><trans-unit id="common.special"><source>a<ph id="1">{{ x }}</ph></source><target><x id="1"/><mrk>b</mrk><bpt id="2"><sub>s</sub></bpt></target></trans-unit></group></body></file></xliff>`)
	f.Add(`<xliff version="1.2"><file><body><trans-unit id="x"><source>`)
	f.Add(`<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><xliff version="1.2">&a;</xliff>`)
	f.Fuzz(func(t *testing.T, doc string) {
		files, err := readXLIFF("f.xlf", []byte(doc))
		if err != nil {
			return
		}
		for _, file := range files {
			for _, u := range file.units {
				codes := sourceCodes(u.source)
				rebuild(u.source, codes)
				rebuild(u.target, codes)
			}
		}
	})
}
