package law

import (
	"slices"
	"strings"
	"testing"

	"github.com/tsdraft/tsdraft/internal/profile"
)

// load decodes the init sample of jur with sets applied; the sample itself is clean.
func load(t *testing.T, jur string, sets ...string) *profile.Profile {
	t.Helper()
	src, err := profile.Sample(jur, nil)
	if err != nil {
		t.Fatal(err)
	}
	p, ds := profile.Decode(jur+".toml", src, sets)
	if ds.HasErrors() {
		t.Fatalf("profile does not decode: %v", ds)
	}
	return p
}

// cases give, for every rule, settings that break it (bad) and settings that keep clear of it
// while staying close (good), on the jurisdiction's init sample.
var cases = []struct {
	rule, jur string
	bad, good []string
	at        string // where the finding must point (dotted path; "" = don't care)
	contains  string // a fragment the message must hold
}{
	{rule: "ALL-LABEL-001", jur: "CN", bad: []string{`confidential.levels.1.label={ zh-CN = "机密", ja = "秘" }`}, good: []string{`confidential.levels.1.label={ zh-CN = "普通商密", ja = "秘" }`}, at: "confidential.levels.1.label.zh-CN", contains: "保守国家秘密法"},
	{rule: "ALL-LABEL-001", jur: "VN", bad: []string{`confidential.levels.2.label.vi=Mật`}, good: []string{`confidential.levels.2.label.vi=Bảo mật nội bộ`}, contains: "29/2018/QH14"},
	{rule: "ALL-LABEL-001", jur: "TH", bad: []string{`confidential.levels.1.label.th=ลับ`}, good: []string{`confidential.levels.1.label.th=ลับทางการค้า`}, contains: "พ.ศ. 2544"},
	{rule: "ALL-LABEL-001", jur: "DE", bad: []string{`confidential.levels.0.label.de=VS-Vertraulich`}, good: []string{`confidential.levels.0.label.de=Vertraulich`}, contains: "SÜG/VSA"},
	{rule: "ALL-LABEL-001", jur: "DE", bad: []string{`confidential.levels.0.label.de=Streng geheim`}, good: []string{`confidential.levels.0.label.de=Streng vertraulich`}},
	{rule: "ALL-LABEL-001", jur: "UK", bad: []string{`confidential.levels.0.label="TOP SECRET"`}, good: []string{`confidential.levels.0.label="Strictly Confidential"`}, at: "confidential.levels.0.label"},
	{rule: "ALL-LABEL-001", jur: "JP", bad: []string{`confidential.levels.0.label.en=秘密★10年`}, good: []string{`confidential.levels.0.label.ja=極秘`}, contains: "秘密★"},

	{rule: "JP-DISPUTE-001", jur: "JP", bad: []string{`dispute.employee.method=arbitration`}, good: []string{`dispute.employee.method=court`}, at: "dispute.employee.method", contains: "仲裁法附則第4条"},
	{rule: "JP-NC-001", jur: "JP", bad: []string{`noncompete.months=13`}, good: []string{`noncompete.months=12`}, at: "noncompete.months"},
	{rule: "JP-NC-002", jur: "JP", bad: []string{`noncompete.compensation_percent=0`}, good: []string{`noncompete.compensation_percent=0`, `noncompete.compensation_amount=100000`}},
	{rule: "JP-NC-003", jur: "JP", bad: []string{`noncompete.roles=[]`}, good: []string{`noncompete.roles=["部長以上の管理職"]`}},

	{rule: "CN-NC-001", jur: "CN", bad: []string{`noncompete.months=25`}, good: []string{`noncompete.months=24`}, at: "noncompete.months", contains: "劳动合同法 第24条"},
	{rule: "CN-NC-002", jur: "CN", bad: []string{`noncompete.roles=[]`}, good: []string{`noncompete.roles=["高级技术人员"]`}},
	{rule: "CN-NC-003", jur: "CN", bad: []string{`noncompete.compensation_percent=0`}, good: []string{`noncompete.compensation_percent=0`, `noncompete.compensation_amount=5000`}, contains: "第23条"},
	{rule: "CN-NC-004", jur: "CN", bad: []string{`noncompete.compensation_percent=29.5`}, good: []string{`noncompete.compensation_percent=30`}, at: "noncompete.compensation_percent", contains: "第36条"},
	{rule: "CN-DISPUTE-001", jur: "CN", bad: []string{`dispute.employee.method=arbitration`}, good: []string{`dispute.employee.method=labour-arbitration`}},

	{rule: "TH-LANG-001", jur: "TH", bad: []string{`languages=["en", "ja"]`, `prevailing=en`}, good: []string{`languages=["th", "en"]`, `prevailing=en`}, at: "languages", contains: "s.108"},
	{rule: "TH-NC-001", jur: "TH", bad: []string{`noncompete.months=25`}, good: []string{`noncompete.months=24`}},
	{rule: "TH-NC-002", jur: "TH", bad: []string{`noncompete={ enabled = true, months = 12, compensation_percent = 50, scope = "เกียร์ทด" }`}, good: []string{`noncompete={ enabled = true, months = 12, compensation_percent = 50, scope = "เกียร์ทด", territory = "ชลบุรี" }`}},

	{rule: "VN-NC-001", jur: "VN", bad: []string{`noncompete.months=18`}, good: []string{`noncompete.months=12`}},
	{rule: "VN-NC-002", jur: "VN", bad: []string{`noncompete.compensation_percent=0`}, good: []string{`noncompete.compensation_percent=10`}},
	{rule: "VN-NC-003", jur: "VN", bad: []string{`noncompete.roles=[]`}, good: []string{`noncompete.roles=["Giám đốc"]`}},
	{rule: "VN-NC-004", jur: "VN", bad: []string{`noncompete={ enabled = true, months = 12, compensation_percent = 50, territory = "Hà Nội" }`}, good: []string{`noncompete={ enabled = true, months = 12, compensation_percent = 50, territory = "Hà Nội", scope = "hộp giảm tốc" }`}},
	{rule: "VN-LANG-002", jur: "VN", bad: []string{`languages=["ja", "en"]`, `prevailing=ja`}, good: []string{`languages=["vi", "en"]`, `prevailing=vi`}, at: "languages", contains: "without Vietnamese"},
	{rule: "VN-LANG-001", jur: "VN", bad: []string{`prevailing=ja`, `parent={ address = "Tokyo" }`}, good: []string{`prevailing=ja`, `parent={ name = "Minato Seiko Co., Ltd.", address = "Tokyo" }`}, at: "prevailing", contains: "54/2010/QH12 Art. 10"},
	{rule: "VN-LANG-001", jur: "VN", bad: []string{`languages=["vi", "en"]`, `prevailing=en`, `parent={ address = "Tokyo" }`}, good: []string{`languages=["vi", "en"]`, `prevailing=vi`, `parent={ address = "Tokyo" }`}},
	{rule: "VN-LANG-001", jur: "VN", bad: []string{`prevailing=ja`, `parent={ address = "Tokyo" }`}, good: []string{`prevailing=ja`, `parent={ address = "Tokyo" }`, `dispute={ method = "court", institution = "Tòa án nhân dân thành phố Hà Nội", governing_law = "pháp luật Việt Nam" }`}},

	{rule: "ID-LANG-001", jur: "ID", bad: []string{`languages=["en", "ja"]`, `prevailing=en`}, good: []string{`languages=["id", "en"]`, `prevailing=id`}, at: "languages", contains: "UU 24/2009"},
	{rule: "ID-LANG-002", jur: "ID", bad: []string{`prevailing=ja`}, good: []string{`prevailing=id`}, at: "prevailing"},
	{rule: "ID-NC-001", jur: "ID", bad: []string{`noncompete.months=13`}, good: []string{`noncompete.months=12`}},
	{rule: "ID-NC-002", jur: "ID", bad: []string{`noncompete.compensation_percent=0`}, good: []string{`noncompete.compensation_percent=25`}},
	{rule: "ID-NC-003", jur: "ID", bad: []string{`noncompete.roles=[]`}, good: []string{`noncompete.roles=["Direktur"]`}},

	{rule: "DE-NC-001", jur: "DE", bad: []string{`noncompete.months=30`}, good: []string{`noncompete.months=24`}, contains: "§ 74a"},
	{rule: "DE-NC-002", jur: "DE", bad: []string{`noncompete.compensation_percent=49`}, good: []string{`noncompete.compensation_percent=50`}, at: "noncompete.compensation_percent", contains: "§ 74 Abs. 2 HGB"},
	{rule: "DE-NC-002", jur: "DE", bad: []string{`noncompete.compensation_percent=0`}, good: []string{`noncompete.compensation_percent=100`}},
	{rule: "ALL-NC-AMOUNT", jur: "DE", bad: []string{`noncompete={ enabled = true, months = 12, compensation_amount = 3000, territory = "DACH", scope = "Getriebe" }`}, good: []string{`noncompete={ enabled = true, months = 12, compensation_percent = 50, compensation_amount = 3000, territory = "DACH", scope = "Getriebe" }`}, contains: "§ 74 Abs. 2 HGB"},
	{rule: "ALL-NC-AMOUNT", jur: "CN", bad: []string{`noncompete={ enabled = true, months = 12, compensation_amount = 5000, territory = "上海市", scope = "减速器", roles = ["高级技术人员"] }`}, good: []string{`noncompete={ enabled = true, months = 12, compensation_percent = 30, compensation_amount = 5000, territory = "上海市", scope = "减速器", roles = ["高级技术人员"] }`}, at: "noncompete.compensation_amount", contains: "第36条"},
	{rule: "DE-DISPUTE-001", jur: "DE", bad: []string{`dispute.employee.method=arbitration`}, good: []string{`dispute.employee.method=court`}, contains: "101 ArbGG"},
	{rule: "DE-LANG-001", jur: "DE", bad: []string{`languages=["ja", "en"]`, `prevailing=ja`}, good: []string{`languages=["de", "ja"]`, `prevailing=de`}, at: "languages", contains: "without German"},

	{rule: "UK-NC-001", jur: "UK", bad: []string{`noncompete.months=12`}, good: []string{`noncompete.months=6`}, contains: "26 Nov 2025"},
	{rule: "UK-NC-002", jur: "UK", bad: []string{`noncompete={ enabled = true, months = 6 }`}, good: []string{`noncompete={ enabled = true, months = 6, territory = "England", scope = "gearbox design" }`}, contains: "reasonably necessary"},

	{rule: "EU-LAW-001", jur: "EU", bad: []string{`dispute={ method = "arbitration" }`}, good: []string{`dispute={ method = "arbitration", governing_law = "the laws of Ireland" }`}, at: "dispute.governing_law"},
	{rule: "ALL-LABEL-001", jur: "CN", bad: []string{`confidential.levels.0.label.zh-CN=机密文件`}, good: []string{`confidential.levels.0.label.zh-CN=核心商密文件`}, contains: "机密"},
	{rule: "ALL-DISPUTE-001", jur: "JP", bad: []string{`dispute.method=court`}, good: []string{`dispute={ method = "court" }`}, at: "dispute.institution", contains: "民事訴訟法第11条"},
	{rule: "ALL-DISPUTE-001", jur: "TH", bad: []string{`dispute={ method = "court" }`}, good: []string{`dispute={ method = "court", institution = "ศาลแพ่ง" }`}, contains: "default arbitral institution"},
	{rule: "ALL-DISPUTE-001", jur: "CN", bad: []string{`dispute.method=court`, `dispute.institution=中国国际经济贸易仲裁委员会`}, good: []string{`dispute.method=arbitration`, `dispute.institution=中国国际经济贸易仲裁委员会`}},
	{rule: "ALL-LAW-001", jur: "JP", bad: []string{`dispute.governing_law=the laws of Japan`}, good: []string{`dispute.governing_law={ ja = "日本法", en = "the laws of Japan" }`}, at: "dispute.governing_law", contains: "drafted in ja and en"},
	{rule: "ALL-LAW-001", jur: "TH", bad: []string{`dispute.governing_law=the laws of Thailand`}, good: []string{`dispute.governing_law=the laws of Thailand`, `languages=["en"]`, `prevailing=en`}, contains: "one string"},
	{rule: "ALL-DISPUTE-002", jur: "JP", bad: []string{`dispute.employee.method=court`, `dispute.employee.forum=一般社団法人日本商事仲裁協会`}, good: []string{`dispute.employee.method=court`, `dispute.employee.forum=東京地方裁判所`}, at: "dispute.employee.forum"},
	{rule: "ALL-NC-001", jur: "TH", bad: []string{`noncompete.compensation_percent=0`}, good: []string{`noncompete.compensation_percent=50`}, at: "noncompete.compensation_percent", contains: "0%"},
	{rule: "ALL-NC-002", jur: "JP", bad: []string{`noncompete.territory=全世界`}, good: []string{`noncompete.territory=日本国内`}, at: "noncompete.territory", contains: "参考資料5"},
	{rule: "ALL-NC-002", jur: "DE", bad: []string{`noncompete.territory=weltweit`}, good: []string{`noncompete.territory=Deutschland, Österreich und die Schweiz`}, contains: "§ 74a"},
	{rule: "ALL-NC-003", jur: "UK", bad: []string{`noncompete.scope="working for any competitor"`}, good: []string{`noncompete.scope="designing planetary reducers for a competing manufacturer"`}, at: "noncompete.scope", contains: "Tillman"},
	{rule: "ALL-NC-004", jur: "CN", bad: []string{`noncompete.roles=["全体员工"]`}, good: []string{`noncompete.roles=["高级技术人员"]`}, at: "noncompete.roles.0", contains: "第13条"},
	{rule: "ALL-NC-004", jur: "UK", bad: []string{`noncompete.roles=["receptionist"]`}, good: []string{`noncompete.roles=["Head of Engineering"]`}},
	{rule: "ALL-REGISTER-001", jur: "JP", bad: []string{`confidential.items.0.review=2027-03-31`}, good: []string{`confidential.items.0.review=2026-09-30`}, at: "confidential.items.0.review"},
	{rule: "ALL-REGISTER-002", jur: "JP", bad: []string{`confidential.items.1.access=開発プロジェクトメンバー`}, good: []string{`confidential.items.1.access=開発部長及び指名された設計者`}, at: "confidential.items.1.access"},
	{rule: "JP-NC-004", jur: "JP", bad: []string{`noncompete.months=25`}, good: []string{`noncompete.months=24`}, at: "noncompete.months", contains: "参考資料5"},
	{rule: "CN-DISPUTE-001", jur: "CN", bad: []string{`dispute.employee.method=court`}, good: []string{`dispute.employee.method=labour-arbitration`}, at: "dispute.employee.method"},
	{rule: "CN-DISPUTE-002", jur: "CN", bad: []string{`counterparty.address=上海市浦东新区张江路1号（中国）`, `dispute.institution=一般社団法人日本商事仲裁協会`, `dispute.seat=東京`, `dispute.governing_law=日本法`}, good: []string{`counterparty.address=上海市浦东新区张江路1号（中国）`}, at: "dispute.governing_law", contains: "第83问"},
	{rule: "CN-DISPUTE-002", jur: "CN", bad: []string{`counterparty.registration_no=91310115MA1H7XXXXX`, `dispute.governing_law=日本法`}, good: []string{`counterparty.address=東京都港区芝公園1-1`, `counterparty.registration_no=0104-01-000001`, `dispute.governing_law=日本法`}},
	{rule: "CN-LANG-001", jur: "CN", bad: []string{`prevailing=ja`}, good: []string{`prevailing=zh-CN`}, at: "prevailing"},
	{rule: "CN-LANG-001", jur: "CN", bad: []string{`prevailing=ja`}, good: []string{`languages=["ja"]`, `prevailing=ja`}}, // no Chinese at all: CN-LANG-002 says so instead
	{rule: "CN-LANG-002", jur: "CN", bad: []string{`languages=["ja"]`, `prevailing=ja`}, good: []string{`languages=["zh-CN"]`}, at: "languages", contains: "劳动合同法 第4条"},
	{rule: "CN-LANG-002", jur: "CN", bad: []string{`languages=["ja", "en"]`, `prevailing=ja`}, good: []string{`languages=["zh-CN", "en"]`}},
	{rule: "TH-DISPUTE-001", jur: "TH", bad: []string{`dispute.employee.method=arbitration`}, good: []string{`dispute.employee.method=court`}},
	{rule: "VN-NC-005", jur: "VN", bad: []string{`noncompete.months=25`}, good: []string{`noncompete.months=24`}, at: "noncompete.months"},
	{rule: "VN-DISPUTE-001", jur: "VN", bad: []string{`dispute.employee.method=arbitration`}, good: []string{`dispute.employee.method=court`}, contains: "69/2023/AL"},
	{rule: "ID-NC-004", jur: "ID", bad: []string{`noncompete.months=25`}, good: []string{`noncompete.months=24`}},
	{rule: "ID-DISPUTE-001", jur: "ID", bad: []string{`dispute.employee.method=arbitration`}, good: []string{`dispute.employee.method=court`}, contains: "UU 2/2004"},
	{rule: "ID-DISPUTE-001", jur: "ID", bad: []string{`dispute.employee.method=labour-arbitration`}, good: []string{`dispute.employee.method=court`}},
	{rule: "UK-NC-003", jur: "UK", bad: []string{`noncompete.months=13`}, good: []string{`noncompete.months=12`}},
	{rule: "UK-DISPUTE-001", jur: "UK", bad: []string{`dispute.employee.method=arbitration`}, good: []string{`dispute.employee.method=court`}, contains: "s.203"},
	{rule: "EU-DISPUTE-001", jur: "EU", bad: []string{`dispute.employee.method=arbitration`}, good: []string{`dispute.employee.method=court`}, contains: "Mahamdia"},
	// Remedies (issue 10): a penalty where the law allows it, refused where it does not.
	{rule: "JP-REM-001", jur: "JP", bad: []string{`remedies.penalty=true`}, good: []string{`remedies.penalty=false`, `remedies.penalty_months=3`}, at: "remedies.penalty", contains: "労働基準法第16条"},
	{rule: "CN-REM-001", jur: "CN", bad: []string{`remedies.penalty=true`}, good: []string{`remedies.penalty=false`}, at: "remedies.penalty", contains: "第23条"},
	{rule: "VN-REM-001", jur: "VN", bad: []string{`remedies.penalty=true`}, good: []string{`remedies.penalty=false`}, at: "remedies.penalty", contains: "Art. 418"},
	{rule: "DE-REM-001", jur: "DE", bad: []string{`remedies.penalty=true`, `remedies.penalty_months=1.5`}, good: []string{`remedies.penalty=true`, `remedies.penalty_months=1`}, at: "remedies.penalty_months", contains: "8 AZR 717/07"},
	{rule: "DE-REM-001", jur: "DE", bad: []string{`remedies={ penalty = true, penalty_months = 3 }`}, good: []string{`remedies={ penalty = false, penalty_months = 3 }`}, contains: "no reduction"},
	{rule: "UK-REM-001", jur: "UK", bad: []string{`remedies.penalty=true`}, good: []string{`remedies.penalty=false`}, at: "remedies.penalty", contains: "injunction and damages"},
	{rule: "EU-REM-001", jur: "EU", bad: []string{`remedies.penalty=true`, `dispute.governing_law=the laws of Ireland`}, good: []string{`remedies.penalty=true`}, at: "remedies.penalty", contains: "no penalty clause"}, // the sample's German law: the DE texts draft the Vertragsstrafe
	{rule: "EU-NC-001", jur: "EU", bad: []string{`dispute={ method = "arbitration" }`}, good: []string{`dispute={ method = "arbitration" }`, `noncompete.enabled=false`}},
}

func TestRules(t *testing.T) {
	for _, c := range cases {
		t.Run(c.rule+"/"+strings.Join(c.bad, " "), func(t *testing.T) {
			bad := Check(load(t, c.jur, c.bad...), nil)
			hits := withRule(bad, c.rule)
			if len(hits) == 0 {
				t.Fatalf("%s did not fire for %v; got %v", c.rule, c.bad, bad)
			}
			for _, d := range hits {
				if d.File == "" || d.Line < 1 || d.Col < 1 {
					t.Errorf("diagnostic without a position: %+v", d)
				}
				if c.contains != "" && !strings.Contains(d.Message, c.contains) {
					t.Errorf("message %q lacks %q", d.Message, c.contains)
				}
				if d.Hint == "" {
					t.Errorf("no hint: %+v", d)
				}
			}
			if c.at != "" {
				p := load(t, c.jur, c.bad...)
				want := p.ValuePos(c.at)
				if hits[0].File != want.File || hits[0].Line != want.Line || hits[0].Col != want.Col {
					t.Errorf("points at %s:%d:%d, want %s (%v)", hits[0].File, hits[0].Line, hits[0].Col, c.at, want)
				}
			}
			good := Check(load(t, c.jur, c.good...), nil)
			if hits := withRule(good, c.rule); len(hits) > 0 {
				t.Errorf("%s fired for %v: %v", c.rule, c.good, hits)
			}
		})
	}
}

func withRule(ds profile.Diagnostics, id string) profile.Diagnostics {
	var out profile.Diagnostics
	for _, d := range ds {
		if d.Rule == id {
			out = append(out, d)
		}
	}
	return out
}

// Every rule has a case, and rule IDs are unique and well formed.
func TestEveryRuleTested(t *testing.T) {
	seen := map[string]bool{}
	for _, r := range Rules() {
		if seen[r.ID] {
			t.Errorf("duplicate rule id %s", r.ID)
		}
		seen[r.ID] = true
		if r.Jurisdiction != "" && !strings.HasPrefix(r.ID, r.Jurisdiction+"-") {
			t.Errorf("rule %s is in the %s table", r.ID, r.Jurisdiction)
		}
		if r.Hint == "" || r.Check == nil {
			t.Errorf("rule %s lacks a hint or a check", r.ID)
		}
		for _, d := range r.Docs {
			if !profile.IsDocument(d) {
				t.Errorf("rule %s names unknown document %q", r.ID, d)
			}
		}
		if !slices.ContainsFunc(cases, func(c struct {
			rule, jur string
			bad, good []string
			at        string
			contains  string
		}) bool {
			return c.rule == r.ID
		}) {
			t.Errorf("rule %s has no test case", r.ID)
		}
	}
}

// The init samples check clean against the law tables.
func TestSamplesClean(t *testing.T) {
	for _, j := range profile.Jurisdictions {
		if ds := Check(load(t, j), nil); len(ds) > 0 {
			t.Errorf("%s sample: %v", j, ds)
		}
	}
}

// A penalty where the law allows it and tsdraft drafts one raises nothing (TH เบี้ยปรับ, ID denda,
// DE one month's salary, VN in the separate non-compete), and the JP refusal cannot be accepted
// away by counsel: it rests on a statute.
func TestPenaltyAllowed(t *testing.T) {
	for _, c := range []struct {
		jur  string
		docs []string
	}{
		{"TH", nil}, {"ID", nil}, {"DE", nil}, {"VN", []string{"noncompete"}},
	} {
		p := load(t, c.jur, `remedies.penalty=true`, `remedies.penalty_months=1`, `noncompete.enabled=true`)
		for _, d := range Check(p, c.docs) {
			if strings.Contains(d.Rule, "-REM-") {
				t.Errorf("%s %v: %v", c.jur, c.docs, d)
			}
		}
	}
	p := load(t, "JP", `remedies.penalty=true`, `counsel.accepted=["JP-REM-001"]`)
	if hits := withRule(Check(p, nil), "JP-REM-001"); len(hits) != 1 || hits[0].Level != profile.Error {
		t.Errorf("JP-REM-001 with counsel.accepted: %v", hits)
	}
}

// Rules whose documents are not built are skipped.
func TestDocsFilter(t *testing.T) {
	p := load(t, "CN", "noncompete.months=36")
	if len(withRule(Check(p, []string{"nda-partner"}), "CN-NC-001")) != 0 {
		t.Error("CN-NC-001 ran for nda-partner only")
	}
	ds := withRule(Check(p, []string{"noncompete"}), "CN-NC-001")
	if len(ds) != 1 || !slices.Contains(ds[0].Docs, "noncompete") {
		t.Errorf("CN-NC-001 for noncompete: %v", ds)
	}
	// Common rules run for every jurisdiction and any document.
	p = load(t, "JP", `confidential.levels.0.label.ja=秘密`)
	if len(withRule(Check(p, []string{"secret-register"}), "ALL-LABEL-001")) != 1 {
		t.Error("ALL-LABEL-001 did not run in JP")
	}
}

func TestGradeOf(t *testing.T) {
	for _, c := range []struct {
		label string
		grade bool
	}{
		{"机密", true}, {" 绝密 ", true}, {"【秘密】", true}, {"机密★5年", true}, {"核心商密", false},
		{"Tuyệt mật", true}, {"TUYỆT MẬT", true}, {"Bảo mật", false}, {"Nội bộ", false},
		{"ลับ", true}, {"ลับมาก", true}, {"ลับเฉพาะ", false}, {"ลับทางการค้า", false},
		{"VS-NfD", true}, {"VS – Vertraulich", true}, {"VS-Nur für den Dienstgebrauch", true}, {"Geheim", true},
		{"Vertraulich", false}, {"Streng vertraulich", false},
		{"Secret", true}, {"Top  Secret", true}, {"Official", true}, {"Confidential", false}, {"Strictly Confidential", false},
		{"極秘", false}, {"秘", false}, {"社外秘", false}, {"", false},
		{"機密", true}, {"機密文書", true}, {"絶密", true}, {"絕密", true}, {"機械図面", false}, {"機微情報", false},
	} {
		if _, got := gradeOf(c.label); got != c.grade {
			t.Errorf("gradeOf(%q) = %v, want %v", c.label, got, c.grade)
		}
	}
}

// ALL-LABEL-001 refuses a state-secret grade where the grade's state is involved (its
// jurisdiction, a document in its language, a label written in it) and elsewhere warns, naming
// the state and the source: 秘密 is ordinary Japanese, but a JP-only set may still reach China.
func TestLabelGradeByState(t *testing.T) {
	for _, c := range []struct {
		name, jur string
		sets      []string
		level     profile.Severity
		contains  []string
	}{
		{"JP-only 秘密", "JP", []string{`languages=["ja"]`, `prevailing=ja`, `confidential.levels.0.label.ja=秘密`}, profile.Warning, []string{"CN state-secret grade 秘密", "保守国家秘密法", "China (PRC)", "zh-CN"}},
		{"JP ja+en 秘密資料", "JP", []string{`confidential.levels.0.label.ja=秘密資料`}, profile.Warning, []string{"China (PRC)", "group company"}},
		{"JP zh-CN label", "JP", []string{`confidential.levels.0.label.zh-CN=秘密`}, profile.Error, []string{"CN state-secret grade 秘密", "保守国家秘密法"}},
		{"JP with zh-CN drafts", "JP", []string{`languages=["ja", "zh-CN"]`, `prevailing=ja`, `confidential.levels.0.label.ja=秘密`}, profile.Error, []string{"保守国家秘密法"}},
		{"CN ja label", "CN", []string{`confidential.levels.0.label.ja=秘密`}, profile.Error, []string{"CN state-secret grade", "保守国家秘密法"}},
		{"CN plain label", "CN", []string{`confidential.levels.0.label="秘密"`}, profile.Error, []string{"保守国家秘密法"}},
		{"JP plain label", "JP", []string{`confidential.levels.0.label="秘密"`}, profile.Warning, []string{"China (PRC)"}},
		{"JP-only 機密", "JP", []string{`languages=["ja"]`, `prevailing=ja`, `confidential.levels.0.label.ja=機密`}, profile.Warning, []string{"CN state-secret grade 机密", "China (PRC)"}},
		{"JP 機密 with zh-CN drafts", "JP", []string{`languages=["ja", "zh-CN"]`, `prevailing=ja`, `confidential.levels.0.label.ja=機密`}, profile.Error, []string{"CN state-secret grade 机密"}},
		{"VN Mật", "VN", []string{`confidential.levels.2.label.vi=Mật`}, profile.Error, []string{"29/2018/QH14"}},
		{"JP vi label Mật", "JP", []string{`confidential.levels.2.label.vi=Mật`}, profile.Error, []string{"VN state-secret grade"}},
		{"JP ja-only, VN grade in the ja label", "JP", []string{`languages=["ja"]`, `prevailing=ja`, `confidential.levels.0.label.ja=Tối mật`}, profile.Warning, []string{"VN state-secret grade", "29/2018/QH14", "vi"}},
		{"ID profile, TH grade in the id label", "ID", []string{`confidential.levels.0.label.id=ลับ`}, profile.Warning, []string{"TH state-secret grade", "พ.ศ. 2544", "th"}},
		{"UK Secret in en", "JP", []string{`confidential.levels.0.label.en=Secret`}, profile.Error, []string{"UK state-secret grade"}},
		{"EU German law VS-NfD", "EU", []string{`confidential.levels.0.label.en=VS-NfD`}, profile.Error, []string{"SÜG/VSA"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			p := load(t, c.jur, c.sets...)
			hits := withRule(Check(p, nil), "ALL-LABEL-001")
			if len(hits) != 1 {
				t.Fatalf("ALL-LABEL-001 findings %v, want one", hits)
			}
			if hits[0].Level != c.level {
				t.Errorf("level %s, want %s: %s", hits[0].Level, c.level, hits[0].Message)
			}
			for _, s := range c.contains {
				if !strings.Contains(hits[0].Message, s) {
					t.Errorf("message %q lacks %q", hits[0].Message, s)
				}
			}
			if hits[0].Hint == "" || hits[0].Line < 1 {
				t.Errorf("no hint or position: %+v", hits[0])
			}
		})
	}
}
