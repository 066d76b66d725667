package translate

import (
	"slices"
	"strings"
	"testing"

	"github.com/tsdraft/tsdraft/internal/catalog"
)

// actions lists a plan's actions as ID=what.
func actions(p *Plan) []string {
	var out []string
	for _, a := range p.Actions {
		out = append(out, a.Ref.ID()+"="+a.What)
	}
	return out
}

// TestImportConfirmation: what counts as "the translator confirmed this unchanged stale
// unit" in each profile, as each tool writes it back.
func TestImportConfirmation(t *testing.T) {
	tests := []struct {
		name    string
		profile string
		edit    func(string) string
		want    string // action of common.draft_notice
	}{
		{"generic: back as exported", ProfileGeneric, func(s string) string { return s }, "skipped"},
		{"generic: state translated", ProfileGeneric, func(s string) string {
			return strings.Replace(s, `state="needs-review-translation"`, `state="translated"`, 1)
		}, "confirmed"},
		{"generic: approved=yes, state unchanged", ProfileGeneric, func(s string) string {
			return strings.Replace(s, `resname="common.draft_notice"`, `resname="common.draft_notice" approved="yes"`, 1)
		}, "confirmed"},
		{"generic: state signed-off", ProfileGeneric, func(s string) string {
			return strings.Replace(s, `state="needs-review-translation"`, `state="signed-off"`, 1)
		}, "confirmed"},
		{"okapi: no target, as exported", ProfileOkapi, func(s string) string { return s }, "skipped"},
		{"okapi: the old translation put in", ProfileOkapi, func(s string) string {
			return strings.Replace(s, "</source>\n    <note from=\"developer\">common.draft_notice", "</source>\n    <target>This is a draft.\n<bpt id=\"1\">{{#if draft}}</bpt>Have it reviewed.<ept id=\"1\">{{/if}}</ept></target>\n    <note from=\"developer\">common.draft_notice", 1)
		}, "confirmed"},
		{"omegat: target still the master", ProfileOmegaT, func(s string) string { return s }, "skipped"},
		{"omegat: the old translation put in, state untouched", ProfileOmegaT, func(s string) string {
			i := strings.Index(s, `resname="common.draft_notice"`)
			j := i + strings.Index(s[i:], "<target")
			k := j + strings.Index(s[j:], "</target>")
			return s[:j] + `<target state="needs-translation">This is a draft.
<bpt id="1">{{#if draft}}</bpt>Have it reviewed.<ept id="1">{{/if}}</ept>` + s[k:]
		}, "confirmed"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, _ := dirCatalog(t, xliffTree())
			data, err := c.Export(ExportOptions{Lang: "en", Only: []string{"stale"}, Profile: tt.profile})
			if err != nil {
				t.Fatal(err)
			}
			plan, err := c.PlanImport("en.xlf", []byte(tt.edit(string(data))))
			if err != nil {
				t.Fatal(err)
			}
			if got := actions(plan); !slices.Equal(got, []string{"common.draft_notice=" + tt.want}) {
				t.Errorf("actions %v, want common.draft_notice=%s\n%s", got, tt.want, tt.edit(string(data)))
			}
		})
	}
}

// TestExportProfiles: what each profile puts in a stale, a current and a missing unit.
func TestExportProfiles(t *testing.T) {
	c, _ := dirCatalog(t, xliffTree())
	get := func(profile string) string {
		data, err := c.Export(ExportOptions{Lang: "en", Profile: profile})
		if err != nil {
			t.Fatal(err)
		}
		return string(data)
	}
	unit := func(doc, id string) string {
		i := strings.Index(doc, `<trans-unit id="`+id+`"`)
		return doc[i : i+strings.Index(doc[i:], "</trans-unit>")]
	}
	g, o, m := get(ProfileGeneric), get(ProfileOkapi), get(ProfileOmegaT)
	for _, check := range []struct {
		doc, id, want string
		has           bool
	}{
		{g, "common.prevailing", `approved="yes"`, true},
		{g, "common.draft_notice", `<target state="needs-review-translation">This is a draft.`, true},
		{g, "common.draft_notice", `<note from="developer">The master changed after this translation was made. The master it was translated from: 本書は草案です。`, true},
		{g, "common.kind_customer", "<target", false},
		{o, "common.prevailing", `<target state="translated">The `, true},
		{o, "common.draft_notice", "<target", true}, // only inside alt-trans
		{o, "common.draft_notice", "<alt-trans>\n     <source>本書は草案です。", true},
		{o, "common.draft_notice", "Translation before the master changed (copy it into the target if it still fits): This is a draft.", true},
		{m, "common.prevailing", `<target state="needs-translation">本契約は`, true},
		{m, "common.kind_customer", `<target state="needs-translation">顧客</target>`, true},
		{m, "common.prevailing", "approved", false},
	} {
		if got := strings.Contains(unit(check.doc, check.id), check.want); got != check.has {
			t.Errorf("%s: contains %q = %v, want %v:\n%s", check.id, check.want, got, check.has, unit(check.doc, check.id))
		}
	}
	if strings.Count(unit(o, "common.draft_notice"), "<target") != 1 {
		t.Errorf("okapi: a stale unit has a target outside its alt-trans:\n%s", unit(o, "common.draft_notice"))
	}
	if _, err := c.Export(ExportOptions{Lang: "en", Profile: "trados"}); err == nil || !strings.Contains(err.Error(), "use generic, okapi, omegat") {
		t.Errorf("unknown profile: %v", err)
	}
}

// TestOmegaTShortcuts: tags named as OmegaT 3.6 names them (checked against OmegaT itself
// in TestOmegaTRoundTrip).
func TestOmegaTShortcuts(t *testing.T) {
	src := toInline(`甲{{ company.name }}乙{{#if draft}}丙{{else}}丁{{/if}}{{ 1 }}`)
	got, ok := omegatSegment(src, omegatShortcuts(src))
	if want := "甲<c0/>乙<i1>丙<e2/>丁</i1><f3/>"; !ok || got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	tr := alignInline(src, `{{#if draft}}C{{else}}D{{/if}} A {{ company.name }} B {{ 1 }}`)
	if got, _ := omegatSegment(tr, omegatShortcuts(src)); got != "<i1>C<e2/>D</i1> A <c0/> B <f3/>" {
		t.Errorf("translation: %q", got)
	}
	if _, ok := omegatSegment(alignInline(src, "{{ other }}"), omegatShortcuts(src)); ok {
		t.Error("a tag the master lacks got a shortcut")
	}
}

// TestImportLanguage is item 9 of the reliability issue: a file whose language does not
// match what it was exported for, or whose text is not in its language, is refused.
func TestImportLanguage(t *testing.T) {
	c, _ := dirCatalog(t, xliffTree())
	data, _ := c.Export(ExportOptions{Lang: "de", Only: []string{"missing"}})
	german := translate(t, data, "common.kind_customer", "Der Kunde ist die Person, die mit der Gesellschaft einen Vertrag über den Kauf von Waren schließt.", "translated")

	// Exported for de, relabelled en.
	relabelled := []byte(strings.ReplaceAll(string(german), `target-language="de"`, `target-language="en"`))
	if _, err := c.PlanImport("de.xlf", relabelled); err == nil || !strings.Contains(err.Error(), `de.xlf:3: target-language is "en" but this file was exported for de`) {
		t.Errorf("relabelled file: %v", err)
	}
	// Exported for en, translated into German.
	en, _ := c.Export(ExportOptions{Lang: "en", Only: []string{"missing"}})
	wrong := translate(t, en, "common.kind_customer", "Der Kunde ist die Person, die mit der Gesellschaft einen Vertrag über den Kauf von Waren schließt.", "translated")
	plan, err := c.PlanImport("en.xlf", wrong)
	if err != nil {
		t.Fatal(err)
	}
	if len(plan.Changes) != 0 || plan.Count("refused") != 1 || len(plan.Problems) != 1 ||
		!strings.Contains(plan.Problems[0].String(), "common.kind_customer: the text reads as German (der, ist, die, mit…), not English (en); translate it into en, or import the file for the language it is in [language]") {
		t.Errorf("German as English: %v %v", actions(plan), problemLines(plan.Problems))
	}
	// The German file as German is fine.
	if plan, err := c.PlanImport("de.xlf", german); err != nil || plan.Count("added") != 1 {
		t.Errorf("German as German: %v %v", err, problemLines(plan.Problems))
	}
}

func TestLanguageMismatch(t *testing.T) {
	tests := []struct{ lang, text, want string }{
		{"en", "Der Kunde ist die Person, die mit der Gesellschaft einen Vertrag schließt.", "reads as German"},
		{"de", "The customer is the person who enters into a contract with the Company for the goods.", "reads as English"},
		{"id", "Khách hàng là người ký kết hợp đồng với Công ty về việc mua hàng hóa.", "reads as Vietnamese"},
		{"vi", "Pelanggan adalah orang yang membuat perjanjian dengan Perusahaan untuk pembelian barang.", "reads as Indonesian"},
		{"th", "The customer is the person who enters into a contract with the Company.", "reads as English"},
		{"en", "ลูกค้าคือบุคคลที่ทำสัญญากับบริษัทเพื่อซื้อสินค้า", "in Thai"},
		{"zh-CN", "顧客とは、会社との間で商品の購入に関する契約を締結する者をいう。", "in Japanese"},
		{"vi", "秘密情報を持ち出さないこと。秘密情報を持ち出さないこと。", "in Japanese"},
		// Not judged: too short, or the file's own language, or names in another language.
		{"en", "Die Kunde", ""},
		{"en", "The customer is the person who signs the Geschäftsgeheimnisgesetz declaration with the Company.", ""},
		{"zh-CN", "客户是指与公司订立商品购买合同的人。", ""},
		{"de", "Der Kunde ist die Person, die mit der Gesellschaft einen Vertrag schließt.", ""},
	}
	for _, tt := range tests {
		got := languageMismatch(tt.lang, tt.text)
		if (tt.want == "") != (got == "") || !strings.Contains(got, tt.want) {
			t.Errorf("%s %q: %q, want …%s…", tt.lang, tt.text, got, tt.want)
		}
	}
}

// TestImportCountsEveryRefusedUnit: a unit whose id is no entry ID is refused and counted.
func TestImportCountsEveryRefusedUnit(t *testing.T) {
	c, _ := dirCatalog(t, xliffTree())
	doc := `<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file original="x" source-language="ja" target-language="en" datatype="plaintext"><body>
<trans-unit id="1"><source>a</source><target>b</target></trans-unit>
<trans-unit id="2"><source>a</source><target>b</target></trans-unit>
<trans-unit id="common.nope"><source>a</source><target>b</target></trans-unit>
</body></file></xliff>`
	plan, err := c.PlanImport("x.xlf", []byte(doc))
	if err != nil {
		t.Fatal(err)
	}
	if plan.Count("refused") != 3 || catalog.Errors(plan.Problems) != 3 {
		t.Errorf("refused %d, errors %d: %v", plan.Count("refused"), catalog.Errors(plan.Problems), problemLines(plan.Problems))
	}
}

// TestKeyHints: a misspelt key is named as such with the nearest master key; a key of
// another scope says where it lives.
func TestKeyHints(t *testing.T) {
	files := xliffTree()
	files["ja/VN/common.toml"] = entryTOML("prevailing", mPrevailing, "")
	files["vi/common.toml"] = entryTOML("prevailing", "Bản {{ prevailing_name }} được ưu tiên.", catalog.SourceHash(mPrevailing))
	files["vi/VN/common.toml"] = entryTOML("prevailing", "Bản {{ prevailing_name }} có giá trị.", "")
	c, _ := dirCatalog(t, files)
	tests := []struct {
		lang, id, want string
	}{
		{"en", "common.prevailng", "common.prevailng: no such master key (did you mean common.prevailing?) [unknown-key]"},
		{"en", "CN/law.ts_ac", "CN/law.ts_ac: no such master key (did you mean CN/law.ts_act?) [unknown-key]"},
		{"en", "law.ts_act", "law.ts_act: no such master key (the key exists as CN/law.ts_act: write the ID with its jurisdiction"},
		{"vi", "common.prevailing", "warning: common.prevailing is the general text; the key also exists as VN/common.prevailing (name that ID to mark it) [scope]"},
	}
	for _, tt := range tests {
		plan, err := c.PlanMarkCurrent(tt.lang, []string{tt.id}, false)
		if err != nil {
			t.Fatal(err)
		}
		if got := strings.Join(problemLines(plan.Problems), "\n"); !strings.Contains(got, tt.want) {
			t.Errorf("%s %s:\n%s\nwant …%s…", tt.lang, tt.id, got, tt.want)
		}
	}
}
