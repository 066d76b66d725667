package profile

// Defaults per jurisdiction. Law facts come from the legal reference sheet (shared/legal-reference.md):
// institutions and employee forums from §9.6 and the country sections, labels from §9.9.

// lt is a text by language, written compactly.
type lt map[string]string

// Jurisdiction defaults: the local language, the default languages, currency, and forums.
type jurDefaults struct {
	Local       string   // the local language
	TextLangs   []string // languages the defaults (and the init sample) are written in
	Languages   []string // default `languages`
	Currency    string
	Witnesses   int
	Institution lt
	Seat        lt
	Law         lt
	EmpMethod   string
	EmpForum    lt
}

var jurs = map[string]jurDefaults{
	"JP": {
		Local: "ja", TextLangs: []string{"ja", "en"}, Languages: []string{"ja", "en"}, Currency: "JPY",
		// LR §1.4: JCAA (rules revised 1 July 2021).
		Institution: lt{"ja": "一般社団法人日本商事仲裁協会", "en": "the Japan Commercial Arbitration Association (JCAA)"},
		Seat:        lt{"ja": "東京", "en": "Tokyo"},
		Law:         lt{"ja": "日本法", "en": "the laws of Japan"},
		// LR §1.3: arbitration of future individual labour disputes is void (仲裁法附則第4条).
		EmpMethod: "court",
		EmpForum:  lt{"ja": "本店所在地を管轄する地方裁判所", "en": "the district court having jurisdiction over the location of the company's head office"},
	},
	"CN": {
		Local: "zh-CN", TextLangs: []string{"zh-CN", "ja", "en"}, Languages: []string{"zh-CN", "ja"}, Currency: "CNY",
		// LR §2.3: CIETAC (2024 rules).
		Institution: lt{"zh-CN": "中国国际经济贸易仲裁委员会", "ja": "中国国際経済貿易仲裁委員会（CIETAC）", "en": "the China International Economic and Trade Arbitration Commission (CIETAC)"},
		Seat:        lt{"zh-CN": "北京", "ja": "北京", "en": "Beijing"},
		Law:         lt{"zh-CN": "中华人民共和国法律", "ja": "中華人民共和国法", "en": "the laws of the People's Republic of China"},
		// LR §2.3: labour disputes go to labour arbitration first (劳动争议调解仲裁法 Arts. 2, 5, 21).
		EmpMethod: "labour-arbitration",
		EmpForum:  lt{"zh-CN": "公司所在地劳动争议仲裁委员会", "ja": "会社所在地の労働争議仲裁委員会", "en": "the labour dispute arbitration committee of the place where the company is located"},
	},
	"TH": {
		Local: "th", TextLangs: []string{"th", "ja", "en"}, Languages: []string{"th", "ja"}, Currency: "THB", Witnesses: 2,
		// LR §3.3: TAI, Office of the Judiciary (Rules 2017, amended 2023).
		Institution: lt{"th": "สถาบันอนุญาโตตุลาการ สำนักงานศาลยุติธรรม", "ja": "タイ仲裁機構（司法府事務局）", "en": "the Thai Arbitration Institute (TAI), Office of the Judiciary"},
		Seat:        lt{"th": "กรุงเทพมหานคร", "ja": "バンコク", "en": "Bangkok"},
		Law:         lt{"th": "กฎหมายแห่งราชอาณาจักรไทย", "ja": "タイ王国法", "en": "the laws of the Kingdom of Thailand"},
		EmpMethod:   "court",
		EmpForum:    lt{"th": "ศาลแรงงานที่มีเขตอำนาจ", "ja": "管轄権を有する労働裁判所", "en": "the competent Labour Court"},
	},
	"VN": {
		Local: "vi", TextLangs: []string{"vi", "ja", "en"}, Languages: []string{"vi", "ja"}, Currency: "VND",
		// LR §4.3: VIAC.
		Institution: lt{"vi": "Trung tâm Trọng tài Quốc tế Việt Nam (VIAC)", "ja": "ベトナム国際仲裁センター（VIAC）", "en": "the Vietnam International Arbitration Centre (VIAC)"},
		Seat:        lt{"vi": "Hà Nội", "ja": "ハノイ", "en": "Hanoi"},
		Law:         lt{"vi": "pháp luật nước Cộng hòa xã hội chủ nghĩa Việt Nam", "ja": "ベトナム社会主義共和国法", "en": "the laws of the Socialist Republic of Vietnam"},
		EmpMethod:   "court",
		EmpForum:    lt{"vi": "Tòa án nhân dân có thẩm quyền nơi công ty đặt trụ sở chính", "ja": "会社の本店所在地を管轄する人民裁判所", "en": "the competent People's Court of the place where the company has its head office"},
	},
	"ID": {
		Local: "id", TextLangs: []string{"id", "ja", "en"}, Languages: []string{"id", "ja"}, Currency: "IDR",
		// LR §5.3: BANI.
		Institution: lt{"id": "Badan Arbitrase Nasional Indonesia (BANI)", "ja": "インドネシア国家仲裁委員会（BANI）", "en": "the Indonesian National Board of Arbitration (BANI)"},
		Seat:        lt{"id": "Jakarta", "ja": "ジャカルタ", "en": "Jakarta"},
		Law:         lt{"id": "hukum Negara Republik Indonesia", "ja": "インドネシア共和国法", "en": "the laws of the Republic of Indonesia"},
		// LR §5.1: trade-secret claims go to the District Court (UU 30/2000 Art. 11(2)).
		EmpMethod: "court",
		EmpForum:  lt{"id": "Pengadilan Negeri yang berwenang di tempat kedudukan Perusahaan", "ja": "会社の所在地を管轄する地方裁判所", "en": "the competent District Court of the company's domicile"},
	},
	"DE": {
		Local: "de", TextLangs: []string{"de", "ja", "en"}, Languages: []string{"de", "ja"}, Currency: "EUR",
		// LR §7.3: DIS Arbitration Rules 2018; employment disputes belong to the labour courts.
		Institution: lt{"de": "Deutsche Institution für Schiedsgerichtsbarkeit e. V. (DIS)", "ja": "ドイツ仲裁協会（DIS）", "en": "the German Arbitration Institute (DIS)"},
		Seat:        lt{"de": "Frankfurt am Main", "ja": "フランクフルト・アム・マイン", "en": "Frankfurt am Main"},
		Law:         lt{"de": "das Recht der Bundesrepublik Deutschland", "ja": "ドイツ連邦共和国法", "en": "the laws of the Federal Republic of Germany"},
		EmpMethod:   "court",
		EmpForum:    lt{"de": "das für den Sitz der Gesellschaft zuständige Arbeitsgericht", "ja": "会社の所在地を管轄する労働裁判所（Arbeitsgericht）", "en": "the labour court (Arbeitsgericht) competent for the company's seat"},
	},
	"UK": {
		Local: "en", TextLangs: []string{"en", "ja"}, Languages: []string{"en", "ja"}, Currency: "GBP",
		// LR §8.3: LCIA.
		Institution: lt{"en": "the London Court of International Arbitration (LCIA)", "ja": "ロンドン国際仲裁裁判所（LCIA）"},
		Seat:        lt{"en": "London", "ja": "ロンドン"},
		Law:         lt{"en": "the laws of England and Wales", "ja": "イングランド及びウェールズ法"},
		EmpMethod:   "court",
		EmpForum:    lt{"en": "the courts of England and Wales", "ja": "イングランド及びウェールズの裁判所"},
	},
	// EU: the Directive leaves contract law and courts to the Member States, so a Member State's
	// law must be named. The default is German law with DIS arbitration in Frankfurt, because DIS
	// is the one EU-based institution the reference sheet lists (LR §7.3, §9.6); rule EU-LAW-001
	// warns when the profile relies on this default instead of naming its own choice.
	"EU": {
		Local: "en", TextLangs: []string{"en", "ja", "de"}, Languages: []string{"en", "ja"}, Currency: "EUR",
		Institution: lt{"en": "the German Arbitration Institute (DIS)", "ja": "ドイツ仲裁協会（DIS）", "de": "Deutsche Institution für Schiedsgerichtsbarkeit e. V. (DIS)"},
		Seat:        lt{"en": "Frankfurt am Main", "ja": "フランクフルト・アム・マイン", "de": "Frankfurt am Main"},
		Law:         lt{"en": "the laws of the Federal Republic of Germany", "ja": "ドイツ連邦共和国法", "de": "das Recht der Bundesrepublik Deutschland"},
		EmpMethod:   "court",
		EmpForum:    lt{"en": "the competent courts of the place where the Company has its registered office", "ja": "会社の登記上の本店所在地を管轄する裁判所", "de": "die für den Sitz der Gesellschaft zuständigen Gerichte"},
	},
}

// DefaultLanguages returns the default `languages` of a jurisdiction (nil if unknown).
func DefaultLanguages(jur string) []string { return append([]string(nil), jurs[jur].Languages...) }

// SampleLanguages returns the languages the defaults and the init sample of a jurisdiction are
// written in (the local language, Japanese, English; EU adds German).
func SampleLanguages(jur string) []string { return append([]string(nil), jurs[jur].TextLangs...) }

// Commercial classification labels, LR §9.9. Never a state-secret grade.
// TH: the reference's suggested L2 label is the bare ลับ, which is also the government grade
// (ระเบียบว่าด้วยการรักษาความลับของทางราชการ พ.ศ. 2544) that §9.9 says never to reuse; the default
// pairs it into ลับทางการค้า ("commercially confidential") so it cannot be read as that grade.
var levelLabels = map[string][3]string{
	"ja":    {"極秘", "秘", "社外秘"},
	"en":    {"Strictly Confidential", "Confidential", "Internal"},
	"zh-CN": {"核心商密", "普通商密", "内部"},
	"th":    {"ลับเฉพาะ", "ลับทางการค้า", "ใช้ภายในเท่านั้น"},
	"vi":    {"Tuyệt đối bảo mật", "Bảo mật", "Nội bộ"},
	"id":    {"Sangat Rahasia", "Rahasia", "Terbatas"},
	"de":    {"Streng vertraulich", "Vertraulich", "Intern"},
}

var levelCriteria = map[string][3]string{
	"ja": {
		"漏えいすれば事業に重大な損害を与える最重要の営業秘密（製法・設計の核心、未公表の事業計画など）。",
		"業務上必要な限られた者にのみ開示する秘密情報（顧客情報、原価・取引条件、技術資料など）。",
		"社内に限って共有する情報（社内規程、組織図、社内通知など）。",
	},
	"en": {
		"The most critical trade secrets, whose leak would cause serious harm to the business (core processes and designs, unpublished business plans).",
		"Confidential information disclosed only to those who need it for their work (customer data, costs and terms of trade, technical documents).",
		"Information shared inside the company only (internal rules, organisation charts, internal notices).",
	},
	"zh-CN": {
		"一旦泄露将对公司经营造成重大损害的核心商业秘密（核心工艺与设计、未公开的经营计划等）。",
		"仅向因工作需要的有限人员披露的保密信息（客户信息、成本与交易条件、技术资料等）。",
		"仅在公司内部共享的信息（内部规章、组织架构图、内部通知等）。",
	},
	"th": {
		"ความลับทางการค้าที่สำคัญที่สุด ซึ่งหากรั่วไหลจะก่อความเสียหายร้ายแรงต่อธุรกิจ (กระบวนการผลิตและการออกแบบหลัก แผนธุรกิจที่ยังไม่เปิดเผย)",
		"ข้อมูลลับที่เปิดเผยเฉพาะผู้ที่จำเป็นต้องใช้ในการปฏิบัติงาน (ข้อมูลลูกค้า ต้นทุนและเงื่อนไขการค้า เอกสารทางเทคนิค)",
		"ข้อมูลที่ใช้ร่วมกันภายในบริษัทเท่านั้น (ระเบียบภายใน แผนผังองค์กร ประกาศภายใน)",
	},
	"vi": {
		"Bí mật kinh doanh quan trọng nhất, nếu bị tiết lộ sẽ gây thiệt hại nghiêm trọng cho hoạt động kinh doanh (quy trình và thiết kế cốt lõi, kế hoạch kinh doanh chưa công bố).",
		"Thông tin bảo mật chỉ tiết lộ cho những người cần biết để thực hiện công việc (thông tin khách hàng, giá thành và điều kiện giao dịch, tài liệu kỹ thuật).",
		"Thông tin chỉ chia sẻ trong nội bộ công ty (nội quy, sơ đồ tổ chức, thông báo nội bộ).",
	},
	"id": {
		"Rahasia dagang yang paling penting, yang jika bocor akan menimbulkan kerugian serius bagi usaha (proses dan desain inti, rencana bisnis yang belum diumumkan).",
		"Informasi rahasia yang hanya diungkapkan kepada pihak yang memerlukannya untuk pekerjaan (data pelanggan, biaya dan syarat perdagangan, dokumen teknis).",
		"Informasi yang hanya dibagikan di dalam perusahaan (peraturan internal, bagan organisasi, pengumuman internal).",
	},
	"de": {
		"Die wichtigsten Geschäftsgeheimnisse, deren Bekanntwerden dem Unternehmen schweren Schaden zufügen würde (Kernverfahren und -konstruktionen, unveröffentlichte Geschäftspläne).",
		"Vertrauliche Informationen, die nur Personen offengelegt werden, die sie für ihre Arbeit benötigen (Kundendaten, Kosten und Konditionen, technische Unterlagen).",
		"Informationen, die nur innerhalb des Unternehmens geteilt werden (interne Richtlinien, Organigramme, interne Mitteilungen).",
	},
}

var levelHandling = map[string][3]string{
	"ja": {
		"指名された者のみ閲覧可。複製・印刷・社外持出しは責任者の事前承認を要する。電子データは暗号化しアクセスを記録する。紙媒体は施錠保管し、廃棄はシュレッダー又は完全消去による。",
		"業務上必要な者に限り閲覧可。社外への送付は秘密保持契約の締結後に限る。電子データはアクセス権限を設定した場所に保存し、私物端末・個人クラウドへの保存を禁止する。",
		"役員・従業員は閲覧可。社外への開示は所属長の承認を要する。不要となった紙媒体は社内で廃棄する。",
	},
	"en": {
		"Named persons only. Copying, printing and taking outside need the manager's prior approval. Electronic data is encrypted and access is logged. Paper is kept locked; disposal by shredding or secure erasure.",
		"Need-to-know access only. Sending outside only after an NDA is signed. Electronic data is stored in access-controlled locations; no storage on personal devices or personal cloud accounts.",
		"Open to officers and employees. Disclosure outside needs the department head's approval. Paper no longer needed is disposed of inside the company.",
	},
	"zh-CN": {
		"仅限指定人员接触。复制、打印及带出公司须经负责人事先批准。电子数据加密并记录访问。纸质文件上锁保管，以粉碎或彻底删除方式销毁。",
		"仅限因工作需要的人员接触。仅在签订保密协议后方可向外部发送。电子数据存放于设有访问权限的位置，禁止存放于个人设备或个人云端。",
		"公司管理人员及员工均可接触。向外部披露须经部门负责人批准。不再需要的纸质文件在公司内销毁。",
	},
	"th": {
		"เฉพาะบุคคลที่ได้รับการกำหนดเท่านั้น การทำสำเนา การพิมพ์ และการนำออกนอกบริษัทต้องได้รับอนุมัติล่วงหน้าจากผู้รับผิดชอบ ข้อมูลอิเล็กทรอนิกส์ต้องเข้ารหัสและบันทึกการเข้าถึง เอกสารกระดาษเก็บในที่ปิดล็อก การทำลายใช้เครื่องทำลายเอกสารหรือการลบข้อมูลอย่างถาวร",
		"เข้าถึงได้เฉพาะผู้ที่จำเป็นต้องรู้ การส่งออกไปภายนอกทำได้หลังจากลงนามสัญญารักษาความลับแล้วเท่านั้น ข้อมูลอิเล็กทรอนิกส์ต้องจัดเก็บในที่ที่มีการควบคุมสิทธิ์การเข้าถึง ห้ามจัดเก็บในอุปกรณ์ส่วนตัวหรือคลาวด์ส่วนตัว",
		"กรรมการและพนักงานเข้าถึงได้ การเปิดเผยต่อภายนอกต้องได้รับอนุมัติจากหัวหน้าหน่วยงาน เอกสารกระดาษที่ไม่ใช้แล้วให้ทำลายภายในบริษัท",
	},
	"vi": {
		"Chỉ những người được chỉ định. Sao chép, in và mang ra ngoài phải được người phụ trách phê duyệt trước. Dữ liệu điện tử được mã hóa và ghi nhật ký truy cập. Tài liệu giấy được cất giữ có khóa; tiêu hủy bằng máy hủy tài liệu hoặc xóa vĩnh viễn.",
		"Chỉ người cần biết được truy cập. Chỉ gửi ra bên ngoài sau khi đã ký thỏa thuận bảo mật. Dữ liệu điện tử lưu tại nơi có phân quyền truy cập; không lưu trên thiết bị cá nhân hoặc đám mây cá nhân.",
		"Cán bộ quản lý và nhân viên được truy cập. Tiết lộ ra bên ngoài phải được trưởng bộ phận phê duyệt. Tài liệu giấy không còn cần thiết được tiêu hủy trong công ty.",
	},
	"id": {
		"Hanya orang yang ditunjuk. Penyalinan, pencetakan, dan membawa ke luar perusahaan memerlukan persetujuan terlebih dahulu dari penanggung jawab. Data elektronik dienkripsi dan aksesnya dicatat. Dokumen kertas disimpan terkunci; pemusnahan dengan penghancur kertas atau penghapusan permanen.",
		"Akses hanya bagi yang perlu mengetahui. Pengiriman ke luar hanya setelah perjanjian kerahasiaan ditandatangani. Data elektronik disimpan di lokasi dengan kontrol akses; dilarang menyimpan di perangkat pribadi atau cloud pribadi.",
		"Terbuka bagi direksi dan karyawan. Pengungkapan ke luar memerlukan persetujuan kepala departemen. Dokumen kertas yang tidak diperlukan lagi dimusnahkan di dalam perusahaan.",
	},
	"de": {
		"Nur benannte Personen. Kopieren, Drucken und Mitnahme außer Haus nur mit vorheriger Zustimmung der verantwortlichen Führungskraft. Elektronische Daten werden verschlüsselt, Zugriffe protokolliert. Papier wird verschlossen aufbewahrt; Vernichtung durch Aktenvernichter oder sicheres Löschen.",
		"Zugriff nur nach dem Need-to-know-Prinzip. Weitergabe nach außen nur nach Abschluss einer Geheimhaltungsvereinbarung. Elektronische Daten nur an zugriffsgeschützten Orten; keine Speicherung auf privaten Geräten oder in privaten Cloud-Konten.",
		"Für Organmitglieder und Beschäftigte zugänglich. Offenlegung nach außen nur mit Zustimmung der Abteilungsleitung. Nicht mehr benötigtes Papier wird im Unternehmen vernichtet.",
	},
}

// pick returns a text table holding the given languages of a full table.
func pick(all map[string]string, langs []string) map[string]any {
	out := map[string]any{}
	for _, l := range langs {
		if s, ok := all[l]; ok {
			out[l] = s
		}
	}
	return out
}

func column(m map[string][3]string, i int) map[string]string {
	out := map[string]string{}
	for l, v := range m {
		out[l] = v[i]
	}
	return out
}

// defaultLevels is the jurisdiction's three-level commercial set, in its text languages.
func defaultLevels(jur string) []any {
	langs := jurs[jur].TextLangs
	var out []any
	for i := range 3 {
		out = append(out, map[string]any{
			"id":       "L" + itoa(i+1),
			"label":    pick(column(levelLabels, i), langs),
			"criteria": pick(column(levelCriteria, i), langs),
			"handling": pick(column(levelHandling, i), langs),
		})
	}
	return out
}

// fillDefaults adds every default the profile does not give, only where the key is absent (an
// invalid value was already reported and dropped, so its default stands in for the later checks).
func fillDefaults(doc map[string]any, jur string) {
	jd, known := jurs[jur]
	if known {
		setDefault(doc, toAnySlice(jd.Languages), "languages")
	}
	if langs, ok := doc["languages"].([]any); ok && len(langs) > 0 {
		setDefault(doc, langs[0], "prevailing")
	}
	setDefault(doc, "interleave", "layout")
	setDefault(doc, "L2", "confidential", "document_level")
	setDefault(doc, false, "noncompete", "enabled")
	setDefault(doc, "arbitration", "dispute", "method")
	if !known {
		return
	}
	setDefault(doc, defaultLevels(jur), "confidential", "levels")
	setDefault(doc, jd.Currency, "noncompete", "currency")
	// A court chosen for B2B disputes gets a court, never the arbitral default (review B). Only
	// JP has a default court wording; elsewhere ALL-DISPUTE-001 asks for the court by name.
	if m, _ := get(doc, "dispute", "method"); m == "court" && jur == "JP" {
		setDefault(doc, pick(lt{"ja": "東京地方裁判所", "en": "the Tokyo District Court"}, jd.TextLangs), "dispute", "institution")
	}
	setDefault(doc, pick(jd.Institution, jd.TextLangs), "dispute", "institution")
	setDefault(doc, pick(jd.Seat, jd.TextLangs), "dispute", "seat")
	setDefault(doc, pick(jd.Law, jd.TextLangs), "dispute", "governing_law")
	setDefault(doc, jd.EmpMethod, "dispute", "employee", "method")
	setDefault(doc, pick(jd.EmpForum, jd.TextLangs), "dispute", "employee", "forum")
	setDefault(doc, int64(jd.Witnesses), "signing", "witnesses")
	if cp, ok := doc["counterparty"].(map[string]any); ok {
		setDefault(cp, false, "mutual")
		setDefault(cp, int64(3), "term_years")
		setDefault(cp, int64(5), "survival_years")
	}
}

func toAnySlice(ss []string) []any {
	out := make([]any, len(ss))
	for i, s := range ss {
		out[i] = s
	}
	return out
}

// setDefault sets v at path unless something is there; it creates missing tables but does not
// go through a value that is not a table.
func setDefault(doc map[string]any, v any, path ...string) {
	m := doc
	for _, seg := range path[:len(path)-1] {
		next, ok := m[seg]
		if !ok {
			nm := map[string]any{}
			m[seg] = nm
			m = nm
			continue
		}
		nm, ok := next.(map[string]any)
		if !ok {
			return
		}
		m = nm
	}
	if _, ok := m[path[len(path)-1]]; !ok {
		m[path[len(path)-1]] = v
	}
}
