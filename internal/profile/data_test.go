package profile

import (
	"reflect"
	"testing"
	"time"

	"github.com/tsdraft/tsdraft/internal/tplvalue"
)

func decodeOK(t *testing.T, src string, sets ...string) *Profile {
	t.Helper()
	p, ds := Decode("p.toml", []byte(src), sets)
	if ds.HasErrors() || p == nil {
		t.Fatalf("decode: %v", ds)
	}
	return p
}

func at(t *testing.T, m map[string]any, path ...string) any {
	t.Helper()
	v, ok := get(m, path...)
	if !ok {
		t.Fatalf("%v missing from data", path)
	}
	return v
}

func TestData(t *testing.T) {
	p := decodeOK(t, `
jurisdiction = "CN"
languages = ["zh-CN", "ja"]
date = 2026-04-01

[company]
name = "湊精工（上海）有限公司"
address = { zh-CN = "上海市", ja = "中国上海市" }

[employee]
access = [{ zh-CN = "样机试验数据", ja = "試作品の試験データ" }, "TS-001"]
hire_date = 2019-04-01

[noncompete]
enabled = true
months = 12
compensation_percent = 33.5

[[confidential.categories]]
name = "制造技术信息"
level = "L1"

[vars]
project = "MS-2026"
greeting = { ja = "こんにちは", en = "Hello" }
when = 2026-05-01
nested = { list = [1, "x"] }
`)
	d := p.Data()
	utc := func(y int, m time.Month, day int) time.Time { return time.Date(y, m, day, 0, 0, 0, 0, time.UTC) }
	for _, c := range []struct {
		path []string
		want any
	}{
		{[]string{"jurisdiction"}, "CN"},
		{[]string{"languages"}, []any{"zh-CN", "ja"}},
		{[]string{"date"}, utc(2026, 4, 1)},
		{[]string{"company", "name"}, "湊精工（上海）有限公司"},
		{[]string{"company", "address"}, tplvalue.LangText{"zh-CN": "上海市", "ja": "中国上海市"}},
		{[]string{"employee", "access"}, []any{tplvalue.LangText{"zh-CN": "样机试验数据", "ja": "試作品の試験データ"}, "TS-001"}},
		{[]string{"employee", "hire_date"}, utc(2019, 4, 1)},
		{[]string{"noncompete", "months"}, int64(12)},
		{[]string{"noncompete", "compensation_percent"}, 33.5},
		{[]string{"noncompete", "enabled"}, true},
		{[]string{"confidential", "categories", "0", "name"}, "制造技术信息"},
		{[]string{"vars", "project"}, "MS-2026"},
		{[]string{"vars", "greeting"}, tplvalue.LangText{"ja": "こんにちは", "en": "Hello"}},
		{[]string{"vars", "when"}, utc(2026, 5, 1)},
		{[]string{"vars", "nested", "list"}, []any{int64(1), "x"}},
		// defaults
		{[]string{"prevailing"}, "zh-CN"},
		{[]string{"layout"}, "interleave"},
		{[]string{"confidential", "document_level"}, "L2"},
		{[]string{"confidential", "levels", "0", "id"}, "L1"},
		{[]string{"confidential", "levels", "0", "label"}, tplvalue.LangText{"zh-CN": "核心商密", "ja": "極秘", "en": "Strictly Confidential"}},
		{[]string{"noncompete", "currency"}, "CNY"},
		{[]string{"dispute", "method"}, "arbitration"},
		{[]string{"dispute", "institution"}, tplvalue.LangText{"zh-CN": "中国国际经济贸易仲裁委员会", "ja": "中国国際経済貿易仲裁委員会（CIETAC）", "en": "the China International Economic and Trade Arbitration Commission (CIETAC)"}},
		{[]string{"dispute", "employee", "method"}, "labour-arbitration"},
		{[]string{"signing", "witnesses"}, int64(0)},
		// computed
		{[]string{"dispute", "is_arbitration"}, true},
		{[]string{"dispute", "employee", "is_court"}, false},
		{[]string{"dispute", "employee", "is_labour_arbitration"}, true},
	} {
		if got := at(t, d, c.path...); !reflect.DeepEqual(got, c.want) {
			t.Errorf("%v = %#v, want %#v", c.path, got, c.want)
		}
	}
	if _, ok := d["parent"]; ok {
		t.Error("an absent optional table appears in the data")
	}
	// Each call returns a fresh map.
	d["company"].(map[string]any)["name"] = "changed"
	d["company"].(map[string]any)["address"].(tplvalue.LangText)["ja"] = "changed"
	d2 := p.Data()
	if at(t, d2, "company", "name") != "湊精工（上海）有限公司" || at(t, d2, "company", "address").(tplvalue.LangText)["ja"] != "中国上海市" {
		t.Error("Data shares state between calls")
	}

	// Typed fields for other packages.
	if p.Jurisdiction != "CN" || !reflect.DeepEqual(p.Languages, []string{"zh-CN", "ja"}) || p.Prevailing != "zh-CN" ||
		!p.Date.Equal(utc(2026, 4, 1)) || p.Layout != "interleave" || p.Noncompete.Months != 12 ||
		*p.Noncompete.CompensationPercent != 33.5 || len(p.Confidential.Levels) != 3 || p.Dispute.Employee.Method != "labour-arbitration" {
		t.Errorf("typed fields: %+v", p)
	}
	if s, _ := p.Company.Address.In("ja"); s != "中国上海市" {
		t.Errorf("Company.Address.In(ja) = %q", s)
	}
	if s, ok := p.Company.Name.In("th"); !ok || s != "湊精工（上海）有限公司" {
		t.Error("a plain text must serve every language")
	}
	if !p.Written("employee.hire_date") || p.Written("dispute.institution") || !p.Has("dispute.institution") {
		t.Error("Written/Has do not tell written keys from defaults")
	}
}

func TestDefaultsPerJurisdiction(t *testing.T) {
	for _, c := range []struct {
		jur, empMethod, lang, institution, forum, label2 string
		langs                                            []string
	}{
		{"JP", "court", "ja", "一般社団法人日本商事仲裁協会", "会社の本店所在地を管轄する地方裁判所", "秘", []string{"ja", "en"}},
		{"CN", "labour-arbitration", "zh-CN", "中国国际经济贸易仲裁委员会", "劳动合同履行地或者公司所在地有管辖权的劳动人事争议仲裁委员会", "普通商密", []string{"zh-CN", "ja"}},
		{"TH", "court", "th", "สถาบันอนุญาโตตุลาการ สำนักงานศาลยุติธรรม", "ศาลแรงงานที่มีเขตอำนาจ", "จำกัดเฉพาะผู้เกี่ยวข้อง", []string{"th", "ja"}},
		{"VN", "court", "vi", "Trung tâm Trọng tài Quốc tế Việt Nam (VIAC)", "Tòa án nhân dân có thẩm quyền nơi Công ty đặt trụ sở chính", "Bảo mật", []string{"vi", "ja"}},
		{"ID", "court", "id", "Badan Arbitrase Nasional Indonesia (BANI)", "Pengadilan Hubungan Industrial pada Pengadilan Negeri di ibu kota provinsi tempat kedudukan Perusahaan", "Rahasia", []string{"id", "ja"}},
		{"DE", "court", "de", "Deutsche Institution für Schiedsgerichtsbarkeit e. V. (DIS)", "die nach den gesetzlichen Vorschriften zuständigen Gerichte für Arbeitssachen", "Vertraulich", []string{"de", "ja"}},
		{"UK", "court", "en", "the London Court of International Arbitration (LCIA)", "the courts of England and Wales", "Confidential", []string{"en", "ja"}},
		{"EU", "court", "de", "Deutsche Institution für Schiedsgerichtsbarkeit e. V. (DIS)", "die nach den gesetzlichen Vorschriften zuständigen Gerichte für Arbeitssachen", "Vertraulich", []string{"de", "ja"}},
	} {
		p := decodeOK(t, `jurisdiction = "`+c.jur+`"`)
		if !reflect.DeepEqual(p.Languages, c.langs) || p.Prevailing != c.langs[0] {
			t.Errorf("%s: languages %v prevailing %s", c.jur, p.Languages, p.Prevailing)
		}
		if p.Dispute.Method != "arbitration" || p.Dispute.Employee.Method != c.empMethod {
			t.Errorf("%s: dispute methods %q %q", c.jur, p.Dispute.Method, p.Dispute.Employee.Method)
		}
		if s, _ := p.Dispute.Institution.In(c.lang); s != c.institution {
			t.Errorf("%s: institution in %s = %q", c.jur, c.lang, s)
		}
		if s, _ := p.Dispute.Employee.Forum.In(c.lang); s != c.forum {
			t.Errorf("%s: employee forum in %s = %q", c.jur, c.lang, s)
		}
		for _, l := range append([]string{"ja", "en"}, c.lang) {
			for i, lv := range p.Confidential.Levels {
				for _, tx := range []Text{lv.Label, lv.Criteria, lv.Handling} {
					if s, ok := tx.In(l); !ok || s == "" {
						t.Errorf("%s: default level %d lacks %s", c.jur, i, l)
					}
				}
			}
		}
		if s, _ := p.Confidential.Levels[1].Label.In(c.lang); s != c.label2 {
			t.Errorf("%s: L2 label in %s = %q", c.jur, c.lang, s)
		}
	}
	if p := decodeOK(t, `jurisdiction = "TH"`); p.Signing.Witnesses != 2 {
		t.Errorf("TH witnesses default = %d, want 2", p.Signing.Witnesses)
	}
}

// CheckFor requires a key only for the documents that print it.
func TestCheckForPerDocument(t *testing.T) {
	p := decodeOK(t, `
jurisdiction = "JP"
languages = ["ja"]
date = 2026-04-01
[company]
name = "株式会社みなと精工"
address = "東京都"
representative = "湊 健一"
representative_title = "代表取締役"
[[confidential.categories]]
name = "製造技術情報"
examples = "図面"
`)
	if ds := p.CheckFor([]string{"regulations"}, nil); len(ds) != 0 {
		t.Errorf("regulations: %v", ds)
	}
	ds := p.CheckFor([]string{"exit-pledge"}, nil)
	var paths []string
	for _, d := range ds {
		if d.Rule != "PROFILE-REQUIRED" || !reflect.DeepEqual(d.Docs, []string{"exit-pledge"}) {
			t.Errorf("unexpected %v (docs %v)", d, d.Docs)
		}
		paths = append(paths, d.Message)
	}
	// An exit pledge needs only who is leaving and when (HR's sheets often hold no more).
	want := []string{
		// In the order the template first prints them (the requirements are read from it).
		"employee.name is required for exit-pledge",
		"employee.id is required for exit-pledge",
		"employee.exit_date is required for exit-pledge",
	}
	if !reflect.DeepEqual(paths, want) {
		t.Errorf("exit-pledge needs %q, want %q", paths, want)
	}
	// Rendering a language the per-language texts lack is an error naming key and language.
	p = decodeOK(t, `
jurisdiction = "TH"
languages = ["th", "ja"]
[company]
name = { th = "บริษัท", ja = "株式会社" }
address = "ชลบุรี"
`)
	ds = p.CheckFor([]string{"regulations"}, []string{"th", "en"})
	found := false
	for _, d := range ds {
		if d.Rule == "PROFILE-LANG-MISSING" && d.Message == "company.name has no en text (it has ja, th); needed for regulations" {
			found = true
		}
	}
	if !found {
		t.Errorf("no missing-language error for company.name in en: %v", ds)
	}
}
