package render

import (
	"regexp"
	"testing"

	"github.com/tsdraft/tsdraft/internal/profile"
)

// Section C of the practitioner review (reviews/practitioner-review-2026-12.md) for JP, CN, TH,
// VN and ID: each finding is one case that renders real DOCX files from the sample profile (with
// the overrides the finding needs), reads their text back and checks what must and must not be
// there. A case names the documents and languages it covers; every pair is rendered. In the
// text dump each paragraph is a line, so "A\nB\n" means paragraph A directly followed by B.

type asiaCase struct {
	finding string   // the review's words, shortened
	jur     string   // jurisdiction of the sample profile
	docs    []string // documents rendered
	langs   []string // languages rendered (one at a time)
	sets    []string // profile overrides (--set syntax)
	must    map[string][]string
	mustNot map[string][]string
}

var asiaCases = []asiaCase{
	{
		finding: "TH: L2 label is neither the statutory ลับทางการค้า nor a government grade",
		jur:     "TH", docs: []string{"nda-employee", "classification-guide"}, langs: []string{"th", "ja"},
		must:    map[string][]string{"th": {"จำกัดเฉพาะผู้เกี่ยวข้อง"}, "ja": {"จำกัดเฉพาะผู้เกี่ยวข้อง（秘に相当）"}},
		mustNot: map[string][]string{"th": {"\tลับทางการค้า", "“ลับทางการค้า”", ") ลับทางการค้า:"}, "ja": {"ลับทางการค้า"}},
	},
	{
		finding: "TH: «หน้าที่ไม่ประกอบธุรกิจแข่งขัน», not «หน้าที่ห้ามประกอบธุรกิจแข่งขัน»",
		jur:     "TH", docs: []string{"exit-pledge", "labour-clause", "noncompete"}, langs: []string{"th"},
		must:    map[string][]string{"th": {"หน้าที่ไม่ประกอบธุรกิจแข่งขัน"}},
		mustNot: map[string][]string{"th": {"หน้าที่ห้ามประกอบธุรกิจแข่งขัน"}},
	},
	{
		finding: "TH: the exit pledge confirms the deletion («ขอยืนยันว่า…ได้ลบ»)",
		jur:     "TH", docs: []string{"exit-pledge"}, langs: []string{"th"},
		must:    map[string][]string{"th": {"ข้าพเจ้าขอยืนยันว่า ข้าพเจ้าได้ลบข้อมูลความลับ"}},
		mustNot: map[string][]string{"th": {"ขอให้คำมั่นว่า ข้าพเจ้าได้ลบ"}},
	},
	{
		finding: "TH: Trade Secrets Act cited «และที่แก้ไขเพิ่มเติม»",
		jur:     "TH", docs: []string{"nda-employee", "labour-clause", "exit-pledge", "regulations"}, langs: []string{"th", "ja", "en"},
		must: map[string][]string{
			"th": {"มาตรา 3 แห่งพระราชบัญญัติความลับทางการค้า พ.ศ. 2545 และที่แก้ไขเพิ่มเติม"},
			"ja": {"タイ王国営業秘密法（仏暦2545年）（その後の改正を含む。）第3条"},
			"en": {"section 3 of the Trade Secrets Act B.E. 2545 (2002), as amended"},
		},
	},
	{
		finding: "VN: Quốc hiệu and Tiêu ngữ above the title of contracts and pledges",
		jur:     "VN", docs: []string{"nda-employee", "labour-clause", "noncompete", "exit-pledge", "nda-partner"}, langs: []string{"vi", "ja", "en"},
		must: map[string][]string{
			"vi": {"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"},
			"ja": {"ベトナム社会主義共和国\n独立・自由・幸福\n"},
			"en": {"SOCIALIST REPUBLIC OF VIETNAM\nIndependence – Freedom – Happiness\n"},
		},
	},
	{
		finding: "VN: a stated confidentiality allowance, not «đã bao gồm trong tiền lương» (Labour Code Art. 21(2))",
		jur:     "VN", docs: []string{"nda-employee"}, langs: []string{"vi", "ja", "en"},
		must: map[string][]string{
			"vi": {"khoản phụ cấp bảo mật hằng tháng", "khoản 2 Điều 21 Bộ luật Lao động"},
			"ja": {"秘密保持手当を毎月支払う"},
			"en": {"monthly confidentiality allowance"},
		},
		mustNot: map[string][]string{"vi": {"đã bao gồm trong tiền lương"}, "ja": {"賃金その他の処遇に含まれる"}, "en": {"are included in the wages"}},
	},
	{
		finding: "VN: the non-compete's forum follows dispute.employee (court by default), not the B2B VIAC clause",
		jur:     "VN", docs: []string{"noncompete"}, langs: []string{"vi", "ja", "en"},
		sets: []string{`dispute.method="arbitration"`},
		must: map[string][]string{
			"vi": {"Tòa án nhân dân có thẩm quyền"},
			"ja": {"人民裁判所"},
			"en": {"People's Court"},
		},
		mustNot: map[string][]string{"vi": {"VIAC", "trọng tài"}, "ja": {"VIAC", "仲裁"}, "en": {"VIAC", "arbitration"}},
	},
	{
		finding: "VN: the non-compete goes to arbitration only at the institution named for employee documents",
		jur:     "VN", docs: []string{"noncompete"}, langs: []string{"vi"},
		sets:    []string{`dispute.method="court"`, `dispute.employee.method="arbitration"`, `dispute.employee.forum="Trung tâm Trọng tài Thương mại Mẫu"`},
		must:    map[string][]string{"vi": {"giải quyết bằng trọng tài tại Trung tâm Trọng tài Thương mại Mẫu"}},
		mustNot: map[string][]string{"vi": {"Tòa án nhân dân có thẩm quyền nơi"}},
	},
	{
		finding: "VN: the counterparty is «Đối tác», not «Bên kia»; «Ngày ký», not «Thời điểm ký»",
		jur:     "VN", docs: []string{"nda-partner", "nda-employee", "regulations"}, langs: []string{"vi"},
		must:    map[string][]string{"vi": {}},
		mustNot: map[string][]string{"vi": {"Bên kia", "Thời điểm ký"}},
	},
	{
		finding: "VN: partner NDA defines «Đối tác» and signs as it",
		jur:     "VN", docs: []string{"nda-partner"}, langs: []string{"vi"},
		must: map[string][]string{"vi": {"(sau đây gọi là “Đối tác”)", "\nĐối tác\n", "Ngày ký: "}},
	},
	{
		finding: "VN: dates «tháng 4», not «tháng 04» (Decree 30/2020 style)",
		jur:     "VN", docs: []string{"nda-employee", "exit-pledge", "secret-register"}, langs: []string{"vi"},
		must:    map[string][]string{"vi": {" tháng 4 năm 20"}},
		mustNot: map[string][]string{"vi": {"tháng 04", "tháng 09"}},
	},
	{
		finding: "VN: sample addresses use the units in force since 1 July 2025 (no districts)",
		jur:     "VN", docs: []string{"nda-employee", "nda-partner", "noncompete"}, langs: []string{"vi", "ja", "en"},
		must:    map[string][]string{"vi": {"thành phố Hà Nội"}},
		mustNot: map[string][]string{"vi": {"quận ", "huyện "}, "ja": {"区ファム", "県キムチュン", "カウザイ区"}, "en": {" District,"}},
	},
	{
		finding: "VN: the partner NDA's arbitration language is the prevailing one, with no proviso that is circular when Vietnamese prevails (audit 2)",
		jur:     "VN", docs: []string{"nda-partner"}, langs: []string{"vi", "ja", "en"},
		must: map[string][]string{"vi": {"Ngôn ngữ sử dụng trong tố tụng trọng tài là tiếng Việt. Địa điểm"},
			"ja": {"仲裁手続の言語はベトナム語とする。仲裁地は"}, "en": {"The language of the arbitration shall be Vietnamese. The place"}},
		mustNot: map[string][]string{"vi": {"trừ trường hợp pháp luật quy định phải sử dụng tiếng Việt"},
			"ja": {"法令がベトナム語の使用を義務付ける場合"}, "en": {"except where the law requires"}},
	},
	{
		finding: "TH: a space after an article number or a statute's year before the next Thai word (audit 2)",
		jur:     "TH", docs: []string{"nda-employee", "classification-guide", "regulations"}, langs: []string{"th"},
		mustNot: map[string][]string{"th": {"ข้อ 1และ", "ข้อ 3บน", "วรรคสองเมื่อ", "2562หรือ"}},
	},
	{
		finding: "VN: the rules make the listed acts grounds on which dismissal may be imposed (ja 「対象となる」), not an automatic dismissal (audit 2)",
		jur:     "VN", docs: []string{"regulations"}, langs: []string{"vi"},
		must:    map[string][]string{"vi": {"có thể bị xử lý kỷ luật lao động bằng hình thức sa thải theo khoản 2 Điều 125 Bộ luật Lao động:"}},
		mustNot: map[string][]string{"vi": {"thì bị xử lý kỷ luật lao động bằng hình thức sa thải"}},
	},
	{
		finding: "VN: the parent-disclosure paragraph names the defined «Bên nhận thứ cấp», not «Bên nhận lại» (readable as «the Recipient, for its part») (audit 2)",
		jur:     "VN", docs: []string{"nda-partner"}, langs: []string{"vi"},
		must:    map[string][]string{"vi": {"Quy định về Bên nhận thứ cấp không áp dụng đối với việc tiết lộ này."}},
		mustNot: map[string][]string{"vi": {"Bên nhận lại"}},
	},
	{
		finding: "VN: the guide quotes the footer line the documents print (audit 2)",
		jur:     "VN", docs: []string{"classification-guide"}, langs: []string{"vi"},
		must:    map[string][]string{"vi": {"phải ghi thêm dòng chữ “Nghiêm cấm sao chép, chuyển tiếp khi chưa được phép”."}},
		mustNot: map[string][]string{"vi": {"Không được sao chép hoặc chuyển tiếp khi chưa được phép"}},
	},
	{
		finding: "VN: the exit pledge confirms the deletion («xác nhận đã xóa»), not «cam kết đã xóa» (audit 2)",
		jur:     "VN", docs: []string{"exit-pledge"}, langs: []string{"vi"},
		must:    map[string][]string{"vi": {"Tôi xác nhận đã xóa toàn bộ Thông tin bí mật", "và cam kết không giữ bất kỳ bản sao nào"}},
		mustNot: map[string][]string{"vi": {"Tôi cam kết đã xóa"}},
	},
	{
		finding: "VN: with Japanese prevailing, the arbitration runs in Japanese (Art. 10 is a check warning and a note for counsel)",
		jur:     "VN", docs: []string{"nda-partner"}, langs: []string{"vi", "ja"}, sets: []string{"prevailing=ja"},
		must: map[string][]string{"vi": {"Ngôn ngữ sử dụng trong tố tụng trọng tài là tiếng Nhật."}, "ja": {"仲裁手続の言語は日本語とする。"}},
	},
	{
		finding: "ID: employment disputes go bipartite → mediation → PHI (UU 2/2004); trade-secret claims to the District Court (UU 30/2000 Art. 11)",
		jur:     "ID", docs: []string{"nda-employee", "exit-pledge", "labour-clause", "noncompete"}, langs: []string{"id", "ja", "en"},
		must: map[string][]string{
			"id": {"perundingan bipartit sesuai dengan Undang-Undang Nomor 2 Tahun 2004", "30 (tiga puluh) hari kerja", "mediasi atau konsiliasi",
				"Pengadilan Hubungan Industrial pada Pengadilan Negeri di ibu kota provinsi tempat kedudukan Perusahaan",
				"Pengadilan Negeri yang berwenang berdasarkan Pasal 11 Undang-Undang Nomor 30 Tahun 2000"},
			"ja": {"二者間協議（perundingan bipartit）", "労使関係裁判所", "2000年法律第30号第11条"},
			"en": {"bipartite negotiation", "Industrial Relations Court", "Article 11 of Law No. 30 of 2000"},
		},
		mustNot: map[string][]string{"id": {"melalui Pengadilan Negeri yang berwenang di tempat kedudukan Perusahaan sesuai"}},
	},
	{
		finding: "ID: personal statements close «dalam keadaan sadar dan tanpa paksaan dari pihak mana pun» and the declarant signs over a meterai",
		jur:     "ID", docs: []string{"nda-employee", "exit-pledge"}, langs: []string{"id", "ja", "en"},
		must: map[string][]string{
			"id": {"Demikian Surat Pernyataan ini saya buat dan tanda tangani dengan sebenar-benarnya, dalam keadaan sadar dan tanpa paksaan dari pihak mana pun.", "Tanda tangan (di atas meterai Rp10.000): "},
			"ja": {"いかなる者からも強制を受けることなく", "（10,000ルピアの印紙（meterai）貼付）"},
			"en": {"free from coercion by anyone", "(over a Rp 10,000 meterai stamp)"},
		},
	},
	{
		finding: "ID: the statutory definition in the statute's words («oleh pemilik Rahasia Dagang»)",
		jur:     "ID", docs: []string{"nda-employee", "exit-pledge", "labour-clause", "regulations", "nda-partner"}, langs: []string{"id"},
		must:    map[string][]string{"id": {"“Rahasia Dagang” adalah informasi yang tidak diketahui oleh umum", "dijaga kerahasiaannya oleh pemilik Rahasia Dagang"}},
		mustNot: map[string][]string{"id": {"oleh pemiliknya"}},
	},
	{
		finding: "ID: BANI named as the institution, without an address the legal reference does not hold; one arbitrator, rules in force at the request",
		jur:     "ID", docs: []string{"nda-partner"}, langs: []string{"id", "ja", "en"},
		must: map[string][]string{
			"id": {"diselenggarakan oleh Badan Arbitrase Nasional Indonesia (BANI) menurut peraturan dan prosedur arbitrase lembaga tersebut yang berlaku pada saat permohonan arbitrase didaftarkan", "Jumlah arbiter adalah 1 (satu) orang"},
			"ja": {"インドネシア国家仲裁委員会（BANI）が運営する仲裁により", "仲裁人の数は1名"},
			"en": {"administered by the Indonesian National Board of Arbitration (BANI) under its arbitration rules", "one arbitrator"},
		},
		mustNot: map[string][]string{"id": {"Mampang", "Wahana Graha", "dalam hal lembaga tersebut adalah"}, "ja": {"マンパン", "ワハナ"}, "en": {"Mampang", "Wahana Graha", "where that institution is"}},
	},
	{
		finding: "ID: «Tidak ada ketentuan dalam Ketentuan ini yang…», not «Ketentuan dalam Ketentuan ini»; the PKWT sentence names the document as it defines itself",
		jur:     "ID", docs: []string{"labour-clause"}, langs: []string{"id"},
		must:    map[string][]string{"id": {"Tidak ada ketentuan dalam Ketentuan ini yang mengurangi hak Perusahaan", "Ketentuan ini dibuat dalam bahasa Indonesia dan huruf Latin"}},
		mustNot: map[string][]string{"id": {"Ketentuan dalam Ketentuan ini", "dokumen ini dibuat", "Dokumen ini dibuat", "ketentuan lain dalam dokumen ini"}},
	},
	{
		finding: "ID: the classification guide quotes the footer words as the footer prints them",
		jur:     "ID", docs: []string{"classification-guide"}, langs: []string{"id"},
		must:    map[string][]string{"id": {"juga mencantumkan kalimat “Dilarang menggandakan atau meneruskan tanpa izin”"}},
		mustNot: map[string][]string{"id": {"Dilarang menyalin atau meneruskan"}},
	},
	{
		finding: "ID: «Materi tersebut», not «Dokumen tersebut», after defining “Materi”",
		jur:     "ID", docs: []string{"nda-employee"}, langs: []string{"id"},
		must:    map[string][]string{"id": {"atas Materi tersebut"}},
		mustNot: map[string][]string{"id": {"Dokumen tersebut"}},
	},
	{
		finding: "JP: 法人番号, not 登録番号",
		jur:     "JP", docs: []string{"nda-partner", "labour-clause", "noncompete"}, langs: []string{"ja", "en"},
		must:    map[string][]string{"ja": {"法人番号：1010801000000"}, "en": {"corporate number"}},
		mustNot: map[string][]string{"ja": {"登録番号"}, "en": {"registration number", "registration no."}},
	},
	{
		finding: "JP: 印 next to the name instead of 「押印（該当する場合）」",
		jur:     "JP", docs: []string{"nda-partner", "labour-clause", "noncompete", "nda-employee", "exit-pledge"}, langs: []string{"ja", "en"},
		must:    map[string][]string{"ja": {"　印\n"}, "en": {" (seal)\n"}},
		mustNot: map[string][]string{"ja": {"押印（該当する場合）"}, "en": {"Seal (if applicable)"}},
	},
	{
		finding: "JP: partner NDA signature blocks carry each party's address",
		jur:     "JP", docs: []string{"nda-partner"}, langs: []string{"ja", "en"},
		must: map[string][]string{
			"ja": {"会社\n住所：東京都大田区西蒲田七丁目3番1号\n株式会社みなと精工\n", "相手方\n住所：神奈川県川崎市高津区久本三丁目5番7号\n株式会社東和金型製作所\n"},
			"en": {"Address: 7-3-1 Nishikamata", "Address: 3-5-7 Hisamoto"},
		},
	},
	{
		finding: "JP: 反社会的勢力 clause binds each party towards 他方当事者 (相手方 is the counterparty's defined name)",
		jur:     "JP", docs: []string{"nda-partner"}, langs: []string{"ja", "en"},
		must: map[string][]string{
			"ja": {"各当事者は、他方当事者に対し、自ら及び自らの役員", "威力を用いて他方当事者の信用を毀損し", "各当事者は、他方当事者が前項の表明", "他方当事者は、解除した当事者に生じた損害を賠償しなければならない"},
			"en": {"Each Party represents to the other", "If the other Party breaches the representation"},
		},
		mustNot: map[string][]string{"ja": {"各当事者は、相手方", "用いて相手方の信用", "相手方に生じた損害", "相手方は、解除した当事者"}},
	},
	{
		finding: "JP: employee forum is 「会社の本店所在地を管轄する地方裁判所」 (whose head office)",
		jur:     "JP", docs: []string{"nda-employee", "exit-pledge", "labour-clause", "noncompete"}, langs: []string{"ja", "en"},
		must:    map[string][]string{"ja": {"会社の本店所在地を管轄する地方裁判所を第一審の専属的合意管轄裁判所とする"}, "en": {"the location of the Company’s head office"}},
		mustNot: map[string][]string{"ja": {"、本店所在地を管轄する"}, "en": {"the company's head office", "Company's head office"}},
	},
	{
		finding: "JP: the data notice shares nothing with a parent the profile does not name",
		jur:     "JP", docs: []string{"nda-employee", "labour-clause"}, langs: []string{"ja", "en"},
		must:    map[string][]string{"ja": {"。会社は、その目的、範囲、保存期間"}, "en": {". The Company will tell"}},
		mustNot: map[string][]string{"ja": {"親会社"}, "en": {"parent company"}},
	},
	{
		finding: "JP: with a parent in the profile, the data notice names it",
		jur:     "JP", docs: []string{"nda-employee", "labour-clause"}, langs: []string{"ja", "en"},
		sets: []string{`parent.name="Minato Holdings K.K."`},
		must: map[string][]string{"ja": {"親会社（Minato Holdings K.K.）と共有することがある。会社は、その目的"}, "en": {"with its parent company (Minato Holdings K.K.). The Company will tell"}},
	},
	{
		finding: "JP: no paragraph (項) opens with ただし: the exclusions stand as their own rule",
		jur:     "JP", docs: []string{"nda-employee", "labour-clause"}, langs: []string{"ja", "en"},
		must:    map[string][]string{"ja": {"秘密情報に含まれない。"}, "en": {"Confidential Information does not include information"}},
		mustNot: map[string][]string{"ja": {"\u3000ただし、公知の情報", "\u3000ただし、次のいずれか"}, "en": {"does not, however, include"}},
	},
	{
		finding: "JP: 「平均月額賃金」 defined (which pay counts)",
		jur:     "JP", docs: []string{"noncompete", "labour-clause", "exit-pledge"}, langs: []string{"ja", "en"},
		must: map[string][]string{
			"ja": {"平均月額賃金（退職日以前12か月間", "基本給及び毎月定額で支払われる諸手当", "賞与その他臨時に支払われる賃金を含まない"},
			"en": {"average monthly wage (the basic salary and the allowances paid at a fixed amount every month", "bonuses"},
		},
	},
	{
		finding: "JP: 退職金 reduction or repayment by reference to the 退職金規程, no penalty",
		jur:     "JP", docs: []string{"noncompete", "exit-pledge"}, langs: []string{"ja", "en"},
		must:    map[string][]string{"ja": {"退職金の減額、不支給又は返還については", "退職金規程の定めるところによる"}, "en": {"Retirement Allowance Rules"}},
		mustNot: map[string][]string{"ja": {"違約金", "損害賠償額を予定"}, "en": {"liquidated damages"}},
	},
	{
		finding: "CN: 送达地址确认 (address for service, incl. electronic) in employee documents",
		jur:     "CN", docs: []string{"nda-employee", "labour-clause", "noncompete"}, langs: []string{"zh-CN", "ja", "en"},
		must: map[string][]string{
			"zh-CN": {"员工确认以下地址及联系方式为公司向员工送达通知、文书的地址：通讯地址：上海市闵行区七莘路100弄5号；电子邮箱：", "手机号码：", "在劳动争议仲裁及诉讼程序中，上述地址及联系方式亦作为送达地址"},
			"ja":    {"通知及び書類の送達先として確認する", "電子メールアドレス："},
			"en":    {"address for service", "e-mail: ", "mobile phone: "},
		},
	},
	{
		finding: "CN: 送达地址确认 in the exit pledge, first person",
		jur:     "CN", docs: []string{"exit-pledge"}, langs: []string{"zh-CN", "ja", "en"},
		must: map[string][]string{"zh-CN": {"本人确认以下地址及联系方式为公司向本人送达通知、文书的地址"}, "ja": {"私は、次の住所及び連絡先を"}, "en": {"I confirm the following address and contact details"}},
	},
	{
		finding: "CN: in-employment non-compete and moonlighting ban (Interpretation (II) Art. 14)",
		jur:     "CN", docs: []string{"nda-employee", "labour-clause"}, langs: []string{"zh-CN", "ja", "en"},
		must: map[string][]string{
			"zh-CN": {"员工在职期间，未经公司事先书面同意，不得自营或者为他人经营与公司有竞争关系的业务", "兼职", "上述义务不以公司支付经济补偿为条件"},
			"ja":    {"在職中、会社の書面による事前の同意なく", "兼職"},
			"en":    {"During employment, the Employee shall not, without the Company’s prior written consent"},
		},
	},
	{
		finding: "CN: labour disputes to the 劳动人事争议仲裁委员会 of the place of performance or of the Company",
		jur:     "CN", docs: []string{"nda-employee", "labour-clause", "noncompete", "exit-pledge"}, langs: []string{"zh-CN", "ja"},
		must: map[string][]string{
			"zh-CN": {"向劳动合同履行地或者公司所在地有管辖权的劳动人事争议仲裁委员会申请劳动争议仲裁"},
			"ja":    {"労働契約の履行地又は会社の所在地を管轄する労働人事争議仲裁委員会"},
		},
		mustNot: map[string][]string{"zh-CN": {"公司所在地劳动争议仲裁委员会", "本文件适用", "因本文件"}},
	},
	{
		finding: "CN: 「停止侵害及行为保全」, not the common-law 「禁令救济」",
		jur:     "CN", docs: []string{"nda-partner"}, langs: []string{"zh-CN"},
		must:    map[string][]string{"zh-CN": {"损害赔偿、停止侵害及行为保全", "停止侵害、排除妨碍、消除危险", "行为保全"}},
		mustNot: map[string][]string{"zh-CN": {"禁令"}},
	},
	{
		finding: "CN: articles numbered 第一条 in Chinese, and cited the same way",
		jur:     "CN", docs: []string{"nda-employee", "nda-partner", "labour-clause", "regulations"}, langs: []string{"zh-CN"},
		must:    map[string][]string{"zh-CN": {"第一条 ", "第二条 ", "第八条 "}},
		mustNot: map[string][]string{"zh-CN": {"第1条", "第2条", "第8条", "第10条"}},
	},
	{
		finding: "CN: 主任工程师 (not the state title 高级工程师); 役員就任 is 担任董事、监事或者高级管理人员",
		jur:     "CN", docs: []string{"labour-clause", "noncompete", "exit-pledge"}, langs: []string{"zh-CN"},
		must:    map[string][]string{"zh-CN": {"主任工程师", "担任其董事、监事或者高级管理人员"}},
		mustNot: map[string][]string{"zh-CN": {"高级工程师", "部长及以上高级管理人员"}},
	},
	{
		finding: "CN: registered names are not translated (模具, not 金型); a PRC counterparty has a 统一社会信用代码",
		jur:     "CN", docs: []string{"nda-partner"}, langs: []string{"ja", "zh-CN", "en"},
		must:    map[string][]string{"ja": {"上海華東精密模具有限公司（統一社会信用コード："}, "zh-CN": {"上海华东精密模具有限公司（统一社会信用代码："}, "en": {"unified social credit code 91310114MA1G000002"}},
		mustNot: map[string][]string{"ja": {"金型有限公司", "登録番号"}, "zh-CN": {"注册号"}, "en": {"registration number"}},
	},
	{
		finding: "CN: 法定代表人 throughout the Japanese text (not 法定代表者)",
		jur:     "CN", docs: []string{"nda-employee", "labour-clause", "noncompete", "nda-partner"}, langs: []string{"ja"},
		must:    map[string][]string{"ja": {"法定代表人"}},
		mustNot: map[string][]string{"ja": {"法定代表者"}},
	},
	{
		// The guide itself is at the lowest level (内部): its own footer prints the label, not the notice.
		finding: "CN: the guide's footer rule quotes the words the footers print (未经许可，禁止复制、转发)",
		jur:     "CN", docs: []string{"classification-guide"}, langs: []string{"zh-CN"},
		must:    map[string][]string{"zh-CN": {"最低等级以外的文件，另注明“未经许可，禁止复制、转发”。", "| 内部"}},
		mustNot: map[string][]string{"zh-CN": {"未经授权不得复制或转发", "| 未经许可，禁止复制、转发"}},
	},
	{
		finding: "CN: the Japanese text says 規章制度 (LCL Art. 4), never the Japanese 就業規則",
		jur:     "CN", docs: []string{"labour-clause", "noncompete", "classification-guide"}, langs: []string{"ja", "en"},
		must:    map[string][]string{"ja": {"規章制度"}, "en": {"internal rules and policies"}},
		mustNot: map[string][]string{"ja": {"就業規則"}, "en": {"work rules"}},
	},
	{
		finding: "CN: the exclusions are a paragraph of their own, not a 但书 cut off from its rule (no paragraph opens with ただし／但是)",
		jur:     "CN", docs: []string{"nda-employee"}, langs: []string{"zh-CN", "ja"},
		must:    map[string][]string{"zh-CN": {"\n已为公众所知悉的信息、非因员工过错而为公众所知悉的信息"}, "ja": {"\n3\u3000公知の情報、従業員の責めによらずに公知となった情報"}},
		mustNot: map[string][]string{"zh-CN": {"\n但是，"}, "ja": {"\u3000ただし、公知の情報"}},
	},
	{
		finding: "CN: 「従業員の利益に直接関わる」, not 「切実な利益」",
		jur:     "CN", docs: []string{"regulations"}, langs: []string{"ja"},
		must:    map[string][]string{"ja": {"従業員の利益に直接関わる"}},
		mustNot: map[string][]string{"ja": {"切実"}},
	},
	{
		finding: "ID: the Japanese text names the Peraturan Perusahaan or the PKB, not 就業規則",
		jur:     "ID", docs: []string{"nda-employee", "labour-clause"}, langs: []string{"ja", "en"},
		must: map[string][]string{"ja": {"会社規則（Peraturan Perusahaan）又は労働協約（Perjanjian Kerja Bersama）"}, "en": {"Collective Labour Agreement (Perjanjian Kerja Bersama)"}},
	},
}

func TestContentAsia(t *testing.T) {
	for _, c := range asiaCases {
		for _, doc := range c.docs {
			for _, lang := range c.langs {
				got := renderText(t, c.jur, doc, lang, c.sets...)
				what := c.finding + " [" + doc + " " + c.jur + " " + lang + "]"
				mustContain(t, what, got, c.must[lang]...)
				mustNotContain(t, what, got, c.mustNot[lang]...)
				if len(c.must[lang]) == 0 && len(c.mustNot[lang]) == 0 {
					t.Errorf("%s: the case checks nothing in %s", what, lang)
				}
			}
		}
	}
}

// renderPair renders one document bilingually (interleave) and returns its text.
func renderPair(t *testing.T, jur, doc string, langs []string, sets ...string) string {
	t.Helper()
	r := testRenderer(t)
	p := sample(t, jur, sets...)
	got, _ := renderDump(t, r, Request{Doc: doc, Profile: p, Langs: langs, Layout: Interleave})
	return got
}

// Review C ID: the language clause of an employee document names the second language instead
// of «dalam satu bahasa lain», in every language of the pair.
func TestIndonesianLanguageClauseNamesBothLanguages(t *testing.T) {
	for _, c := range []struct {
		langs []string
		want  []string
	}{
		{[]string{"id", "ja"}, []string{"dibuat dalam Bahasa Indonesia dan Bahasa Jepang", "インドネシア語及び日本語で作成し"}},
		{[]string{"id", "en"}, []string{"dibuat dalam Bahasa Indonesia dan Bahasa Inggris", "executed in Indonesian and English"}},
	} {
		for _, doc := range []string{"nda-employee", "exit-pledge", "labour-clause"} {
			got := renderPair(t, "ID", doc, c.langs)
			what := "ID " + doc + " " + c.langs[1]
			mustContain(t, what, got, c.want...)
			mustNotContain(t, what, got, "satu bahasa lain", "one other language", "他の一の言語")
		}
	}
	// The partner NDA and the internal documents name the two versions too (not «dibuat dalam
	// dua bahasa»), and the partner NDA has no "where a foreign party is involved" condition.
	for _, c := range []struct {
		langs []string
		want  []string
	}{
		{[]string{"id", "ja"}, []string{"dibuat dalam Bahasa Indonesia dan Bahasa Jepang", "インドネシア語及び日本語で作成し"}},
		{[]string{"id", "en"}, []string{"dibuat dalam Bahasa Indonesia dan Bahasa Inggris", "in Indonesian and in English"}},
	} {
		for _, doc := range []string{"nda-partner", "regulations", "classification-guide", "secret-register"} {
			got := renderPair(t, "ID", doc, c.langs)
			what := "ID " + doc + " " + c.langs[1]
			mustContain(t, what, got, c.want...)
			mustNotContain(t, what, got, "dibuat dalam dua bahasa, dan", "二か国語で作成し、", "versions of these Regulations, each", "versions of this Agreement, each",
				"Dalam hal melibatkan pihak asing", "外国の当事者が関与する場合", "Where a foreign party is involved")
		}
	}
}

// The article that holds the language clause of a bilingual pledge also holds the execution
// clause (who signs; ID meterai, UK under hand): its heading names both.
// The language article's heading names the execution sentence it holds in every jurisdiction and
// every language, not only in each jurisdiction's own pair: a JP pledge built in ja and zh-CN
// headed it 「言語及び署名」 in Japanese but only 「语言」 in Chinese while the overrides were per
// jurisdiction.
func TestPledgeLanguageHeadingSameInEveryJurisdiction(t *testing.T) {
	r := testRenderer(t)
	want := map[string]map[string]string{
		"nda-employee": {"ja": "（言語及び署名）", "en": " Language and Execution", "zh-CN": " 语言及签署", "th": " ภาษาและการลงนาม",
			"vi": ". Ngôn ngữ và ký kết", "id": " Bahasa dan Penandatanganan", "de": " Sprache und Unterzeichnung"},
		"exit-pledge": {"ja": "（言語及び署名）", "en": " Language and Execution", "zh-CN": " 语言及签署", "th": " ภาษาและการลงนาม",
			"vi": ". Ngôn ngữ và chữ ký", "id": " Bahasa dan Penandatanganan", "de": " Sprache und Unterzeichnung"},
	}
	for doc, byLang := range want {
		for _, jur := range profile.Jurisdictions {
			for _, lang := range profile.Languages {
				got, err := r.Catalog.Text(lang, jur, doc+".h_language")
				if err != nil {
					t.Fatal(err)
				}
				if got != "{{ article }}"+byLang[lang] {
					t.Errorf("%s %s %s: heading %q, want %q", doc, jur, lang, got, "{{ article }}"+byLang[lang])
				}
			}
		}
	}
}

func TestPledgeLanguageAndExecutionHeading(t *testing.T) {
	for _, c := range []struct {
		jur   string
		langs []string
		want  []string
		docs  []string // nil: both pledges
	}{
		{"ID", []string{"id", "ja"}, []string{" Bahasa dan Penandatanganan\n", "（言語及び署名）\n"}, nil},
		{"ID", []string{"id", "en"}, []string{" Bahasa dan Penandatanganan\n", " Language and Execution\n"}, nil},
		{"UK", []string{"en", "ja"}, []string{" Language and Execution\n", "（言語及び署名）\n"}, nil},
		// TH, VN, JP: the entry pledge (review 2026-12 A.13).
		{"TH", []string{"th", "ja"}, []string{" ภาษาและการลงนาม\n", "（言語及び署名）\n"}, []string{"nda-employee"}},
		{"TH", []string{"th", "en"}, []string{" ภาษาและการลงนาม\n", " Language and Execution\n"}, []string{"nda-employee"}},
		{"VN", []string{"vi", "ja"}, []string{". Ngôn ngữ và ký kết\n", "（言語及び署名）\n"}, []string{"nda-employee"}},
		{"VN", []string{"vi", "en"}, []string{". Ngôn ngữ và ký kết\n", " Language and Execution\n"}, []string{"nda-employee"}},
		{"JP", []string{"ja", "en"}, []string{"（言語及び署名）\n", " Language and Execution\n"}, []string{"nda-employee"}},
		// The exit pledges of TH, VN, JP and both pledges of CN, DE, EU (review 2026-12 A.13).
		// The VN exit pledge is signed by the employee alone: chữ ký, not ký kết (concluding a contract).
		{"TH", []string{"th", "ja"}, []string{" ภาษาและการลงนาม\n", "（言語及び署名）\n"}, []string{"exit-pledge"}},
		{"TH", []string{"th", "en"}, []string{" ภาษาและการลงนาม\n", " Language and Execution\n"}, []string{"exit-pledge"}},
		{"VN", []string{"vi", "ja"}, []string{". Ngôn ngữ và chữ ký\n", "（言語及び署名）\n"}, []string{"exit-pledge"}},
		{"VN", []string{"vi", "en"}, []string{". Ngôn ngữ và chữ ký\n", " Language and Execution\n"}, []string{"exit-pledge"}},
		{"JP", []string{"ja", "en"}, []string{"（言語及び署名）\n", " Language and Execution\n"}, []string{"exit-pledge"}},
		{"CN", []string{"zh-CN", "ja"}, []string{" 语言及签署\n", "（言語及び署名）\n"}, nil},
		{"CN", []string{"zh-CN", "en"}, []string{" 语言及签署\n", " Language and Execution\n"}, nil},
		{"DE", []string{"de", "ja"}, []string{" Sprache und Unterzeichnung\n", "（言語及び署名）\n"}, nil},
		{"DE", []string{"de", "en"}, []string{" Sprache und Unterzeichnung\n", " Language and Execution\n"}, nil},
		{"EU", []string{"de", "ja"}, []string{" Sprache und Unterzeichnung\n", "（言語及び署名）\n"}, nil},
		{"EU", []string{"de", "en"}, []string{" Sprache und Unterzeichnung\n", " Language and Execution\n"}, nil},
		{"EU", []string{"en", "ja"}, []string{" Language and Execution\n", "（言語及び署名）\n"}, nil},
	} {
		docs := c.docs
		if docs == nil {
			docs = []string{"nda-employee", "exit-pledge"}
		}
		for _, doc := range docs {
			got := renderPair(t, c.jur, doc, c.langs)
			what := c.jur + " " + doc + " " + c.langs[1]
			mustContain(t, what, got, c.want...)
			mustNotContain(t, what, got, "（言語）\n", " Bahasa\n", " Language\n", " ภาษา\n", ". Ngôn ngữ\n", " 语言\n", " Sprache\n")
		}
	}
}

// The separate layout (one file per language) keeps the Indonesian employee clause: UU 24/2009
// Art. 31 and the simultaneous signature of both versions, in each file.
func TestIndonesianSeparateLanguageClause(t *testing.T) {
	r := testRenderer(t)
	p := sample(t, "ID")
	want := map[string][]string{
		"id": {"Sesuai dengan Pasal 31 Undang-Undang Nomor 24 Tahun 2009", "yaitu versi Bahasa Indonesia dan versi Bahasa Jepang, dan kedua versi bahasa tersebut ditandatangani pada saat yang sama"},
		"ja": {"2009年法律第24号第31条に従い、インドネシア語版及び日本語版の二つの言語版により", "両言語版を同時に署名する"},
	}
	for _, doc := range []string{"nda-employee", "exit-pledge", "labour-clause", "noncompete"} {
		for _, f := range renderDumps(t, r, Request{Doc: doc, Profile: p, Langs: []string{"id", "ja"}, Layout: Separate}) {
			mustContain(t, "ID "+doc+" separate "+f.langs[0], f.text, want[f.langs[0]]...)
		}
	}
}

// Review C CN: a profile without the employee's address (it is optional) still gets the service
// clause, with a blank to fill in by hand rather than an error or an empty field.
func TestChineseServiceAddressWithoutAddress(t *testing.T) {
	src, err := profile.Sample("CN", nil)
	if err != nil {
		t.Fatal(err)
	}
	// The employee's address is the only optional address line of the sample.
	noAddr := regexp.MustCompile(`(?m)^address = .*# optional\n`).ReplaceAll(src, nil)
	if len(noAddr) == len(src) {
		t.Fatal("the sample has no optional employee address line to remove")
	}
	p, diags := profile.Decode("CN.toml", noAddr, nil)
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	for _, doc := range []string{"nda-employee", "exit-pledge"} {
		got, _ := renderDump(t, testRenderer(t), Request{Doc: doc, Profile: p, Langs: []string{"zh-CN"}})
		mustContain(t, doc+" CN zh-CN without address", got, "通讯地址：________________；")
		mustNotContain(t, doc+" CN zh-CN without address", got, "七莘路")
	}
}
