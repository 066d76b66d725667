package law

import (
	"strings"
	"testing"

	"github.com/tsdraft/tsdraft/internal/profile"
)

// TestCounselAccepts: an overridable error becomes a warning when counsel.accepted names it; a
// statutory one does not.
func TestCounselAccepts(t *testing.T) {
	cases := []struct {
		jur, rule string
		sets      []string
		want      profile.Severity
	}{
		{"TH", "TH-NC-001", []string{"noncompete.months=36"}, profile.Error},
		{"TH", "TH-NC-001", []string{"noncompete.months=36", `counsel.accepted=["TH-NC-001"]`}, profile.Warning},
		{"UK", "UK-NC-003", []string{"noncompete.months=18", `counsel.accepted=["UK-NC-003"]`}, profile.Warning},
		{"CN", "CN-NC-001", []string{"noncompete.months=36", `counsel.accepted=["CN-NC-001"]`}, profile.Error}, // statute: 劳动合同法 第24条
		{"CN", "CN-DISPUTE-002", []string{`counterparty.address=上海市（中国）`, `dispute.governing_law=日本法`, `counsel.accepted=["CN-DISPUTE-002"]`}, profile.Warning},
	}
	for _, c := range cases {
		ds := withRule(Check(load(t, c.jur, c.sets...), nil), c.rule)
		if len(ds) != 1 || ds[0].Level != c.want {
			t.Errorf("%s %v: want one %s, got %v", c.rule, c.sets, c.want, ds)
			continue
		}
		accepted := strings.Contains(ds[0].Message, "accepted by counsel")
		if accepted != (c.want == profile.Warning) {
			t.Errorf("%s %v: message %q", c.rule, c.sets, ds[0].Message)
		}
		if c.want == profile.Error && c.rule != "CN-NC-001" && !strings.Contains(ds[0].Hint, "[counsel]") {
			t.Errorf("%s: the hint does not say how counsel can accept it: %q", c.rule, ds[0].Hint)
		}
	}
}

// TestEUGermanLawAppliesDERules: an EU profile that chooses German law is held to the DE rules;
// one that names no law is refused for employee and partner documents.
func TestEUGermanLawAppliesDERules(t *testing.T) {
	p := load(t, "EU", `dispute.governing_law=the laws of the Federal Republic of Germany`, "noncompete.months=30", "noncompete.compensation_percent=40")
	ds := Check(p, nil)
	for _, id := range []string{"DE-NC-001", "DE-NC-002"} {
		if len(withRule(ds, id)) != 1 {
			t.Errorf("%s did not apply to an EU profile under German law: %v", id, ds)
		}
	}
	p = load(t, "EU", `dispute.governing_law=the laws of Ireland`, "noncompete.months=30", "noncompete.compensation_percent=40")
	if len(withRule(Check(p, nil), "DE-NC-001")) != 0 {
		t.Error("DE rules applied to an EU profile under Irish law")
	}
	ds = withRule(Check(load(t, "EU", `dispute={ method = "arbitration" }`), []string{"nda-employee"}), "EU-LAW-001")
	if len(ds) != 1 || ds[0].Level != profile.Error {
		t.Errorf("EU without governing law, employee document: %v", ds)
	}
}

// TestLabelContainsGrade: a CN state grade anywhere in a label is refused.
func TestLabelContainsGrade(t *testing.T) {
	for _, c := range []struct {
		label string
		grade bool
	}{{"机密文件", true}, {"秘密资料", true}, {"内部绝密", true}, {"核心商密", false}, {"普通商密", false}, {"内部", false}} {
		if _, got := gradeOf(c.label); got != c.grade {
			t.Errorf("gradeOf(%q) = %v, want %v", c.label, got, c.grade)
		}
	}
}

// TestInvalidCompensationIsNotUnpaid: a refused percentage (out of range) is reported once, as
// out of range, not also as "unpaid" (review B: VN-NC-002 fired for 200 and -10).
func TestInvalidCompensationIsNotUnpaid(t *testing.T) {
	for _, v := range []string{"200", "-10"} {
		src, _ := profile.Sample("VN", nil)
		p, _ := profile.Decode("VN.toml", src, []string{"noncompete.compensation_percent=" + v})
		if ds := withRule(Check(p, nil), "VN-NC-002"); len(ds) > 0 {
			t.Errorf("compensation_percent=%s: VN-NC-002 fired: %v", v, ds)
		}
	}
}

// TestCourtHintIsTheJurisdictions: ALL-DISPUTE-001 shows each jurisdiction an example of its
// own courts and cites its own statute, never the Tokyo District Court or the Japanese code
// to a CN or DE profile (practitioner audit, MINOR).
func TestCourtHintIsTheJurisdictions(t *testing.T) {
	for _, c := range []struct {
		jur, hint, source string
	}{
		{"JP", "東京地方裁判所", "民事訴訟法第11条"},
		{"CN", "上海市闵行区人民法院", ""},
		{"TH", "ศาลแพ่ง", ""},
		{"VN", "Tòa án nhân dân", ""},
		{"ID", "Pengadilan Negeri", "UU 30/2000"},
		{"DE", "Landgericht Düsseldorf", "§ 38 ZPO"},
		{"UK", "courts of England and Wales", ""},
		{"EU", "Landgericht Frankfurt am Main", "§ 38 ZPO"}, // the EU sample chooses German law
	} {
		ds := withRule(Check(load(t, c.jur, `dispute.method=court`), nil), "ALL-DISPUTE-001")
		if len(ds) != 1 {
			t.Errorf("%s: want one ALL-DISPUTE-001, got %v", c.jur, ds)
			continue
		}
		d := ds[0]
		if !strings.Contains(d.Hint, c.hint) {
			t.Errorf("%s: hint %q lacks its own court example %q", c.jur, d.Hint, c.hint)
		}
		if c.source != "" && !strings.Contains(d.Message, c.source) {
			t.Errorf("%s: message %q lacks %q", c.jur, d.Message, c.source)
		}
		if c.jur != "JP" {
			for _, jp := range []string{"東京", "Tokyo", "民事訴訟法", "(JP"} {
				if strings.Contains(d.Hint+d.Message, jp) {
					t.Errorf("%s: cites the Japanese %q: %s / %s", c.jur, jp, d.Message, d.Hint)
				}
			}
		}
	}
	// The employee forum rule cites the jurisdiction's statute too, not Japan's.
	ds := withRule(Check(load(t, "DE", `dispute.employee.method=court`, `dispute.employee.forum=Deutsche Institution für Schiedsgerichtsbarkeit (DIS)`), nil), "ALL-DISPUTE-002")
	if len(ds) != 1 || strings.Contains(ds[0].Message, "民事訴訟法") || !strings.Contains(ds[0].Message, "§ 38 ZPO") {
		t.Errorf("DE employee forum = DIS: %v", ds)
	}
}

// TestTopLevelAccessGivenToAGroup: ALL-REGISTER-002 warns when a top-level register item's
// access is a group (a team, a department's staff, everyone) in any drafting language, and not
// when it names persons or posts (the samples' wording).
func TestTopLevelAccessGivenToAGroup(t *testing.T) {
	for _, c := range []struct {
		jur, access string
		group       bool
	}{
		{"JP", `{ ja = "開発プロジェクトメンバー", en = "Head of Development" }`, true},
		{"JP", `{ ja = "製造技術課の課員", en = "Head of Production Engineering" }`, true},
		{"JP", `{ ja = "開発部長及び指名された設計者", en = "Head of Development and named designers" }`, false},
		{"CN", `{ zh-CN = "研发部全体员工", ja = "開発部長", en = "Head of Development" }`, true},
		{"CN", `{ zh-CN = "开发部部长及指定设计人员", ja = "開発部長及び指名された設計者", en = "Head of Development and named designers" }`, false},
		{"TH", `{ th = "พนักงานฝ่ายพัฒนา", ja = "開発部長", en = "Head of Development" }`, true},
		{"TH", `{ th = "ผู้จัดการฝ่ายพัฒนาและผู้ออกแบบที่ได้รับการกำหนด", ja = "開発部長", en = "Head of Development" }`, false},
		{"VN", `{ vi = "nhân viên Phòng Phát triển", ja = "開発部長", en = "Head of Development" }`, true},
		{"VN", `{ vi = "Trưởng phòng Phát triển và các kỹ sư được chỉ định", ja = "開発部長", en = "Head of Development" }`, false},
		{"ID", `{ id = "seluruh karyawan Departemen Pengembangan", ja = "開発部長", en = "Head of Development" }`, true},
		{"ID", `{ id = "Kepala Pengembangan dan perancang yang ditunjuk", ja = "開発部長", en = "Head of Development" }`, false},
		{"DE", `{ de = "Mitarbeiter der Entwicklung", ja = "開発部長", en = "Head of Development" }`, true},
		{"DE", `{ de = "Leitung Entwicklung und benannte Konstrukteure", ja = "開発部長", en = "Head of Development" }`, false},
		{"UK", `{ en = "the development team", ja = "開発部長" }`, true},
		{"UK", `{ en = "all engineering personnel", ja = "開発部長" }`, true},
		{"UK", `{ en = "Head of Development and the designers named in the access list", ja = "開発部長" }`, false},
	} {
		// Item 1 (TS-002) is at the top level L1 in every sample.
		ds := withRule(Check(load(t, c.jur, "confidential.items.1.access="+c.access), nil), "ALL-REGISTER-002")
		if got := len(ds) == 1; got != c.group {
			t.Errorf("%s access %s: warned %v, want %v (%v)", c.jur, c.access, got, c.group, ds)
		}
		for _, d := range ds {
			if d.Level != profile.Warning || !strings.Contains(d.Message, "TS-002") {
				t.Errorf("%s: %+v", c.jur, d)
			}
		}
	}
}

// TestGoverningLawPerLanguage: a governing law written as one string is refused for a
// bilingual build (it would print in English inside the Japanese text), with a hint in the
// jurisdiction's own words; a build in one language takes it as written.
func TestGoverningLawPerLanguage(t *testing.T) {
	p := load(t, "JP", `dispute.governing_law=the laws of Japan`)
	ds := withRule(CheckBuild(p, Build{Docs: []string{"nda-partner"}}), "ALL-LAW-001")
	if len(ds) != 1 || ds[0].Level != profile.Error {
		t.Fatalf("bilingual build: want one error, got %v", ds)
	}
	if want := `governing_law = { ja = "日本法", en = "the laws of Japan" }`; !strings.Contains(ds[0].Hint, want) {
		t.Errorf("hint %q lacks %q", ds[0].Hint, want)
	}
	if ds := withRule(CheckBuild(p, Build{Docs: []string{"nda-partner"}, Langs: []string{"en"}}), "ALL-LAW-001"); len(ds) != 0 {
		t.Errorf("one-language build: %v", ds)
	}
	if ds := withRule(CheckBuild(p, Build{Docs: []string{"secret-register"}}), "ALL-LAW-001"); len(ds) != 0 {
		t.Errorf("a document that states no law: %v", ds)
	}
	// A language the vocabulary has no default law in gets a blank to fill, not another
	// language's words.
	p = load(t, "UK", `dispute.governing_law=the laws of England and Wales`, `languages=["en", "de"]`, `prevailing=en`)
	ds = withRule(Check(p, []string{"nda-partner"}), "ALL-LAW-001")
	if len(ds) != 1 || !strings.Contains(ds[0].Hint, `de = "…"`) {
		t.Errorf("UK en+de: %v", ds)
	}
}
