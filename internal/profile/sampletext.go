package profile

// Texts of the init samples: a fictional Japanese group (株式会社みなと精工, precision gear
// reducers) and its subsidiary in each jurisdiction. Texts shared by every jurisdiction are
// written in all seven languages; names and places in the jurisdiction's sample languages.

type sampleParty struct {
	Name, Address, Rep, Title lt
	Reg, Phone, Email         string
}

type sampleJur struct {
	Company, Counterparty sampleParty
	EmpName, EmpAddress   lt
	EmpNationalID         string
	Territory, Place      lt
	NCMonths, NCPercent   int
	Notes                 map[string][]string // extra comment lines by section
}

// Head office in Japan, written as [parent] for the subsidiaries.
var sampleParent = sampleParty{
	Name:    lt{"ja": "株式会社みなと精工", "en": "Minato Seiko Co., Ltd.", "zh-CN": "株式会社湊精工", "th": "Minato Seiko Co., Ltd.", "vi": "Minato Seiko Co., Ltd.", "id": "Minato Seiko Co., Ltd.", "de": "Minato Seiko Co., Ltd."},
	Address: lt{"ja": "東京都大田区西蒲田七丁目3番1号", "en": "7-3-1 Nishikamata, Ota-ku, Tokyo 144-0051, Japan", "zh-CN": "日本国东京都大田区西蒲田七丁目3番1号", "th": "7-3-1 Nishikamata, Ota-ku, Tokyo 144-0051, Japan", "vi": "7-3-1 Nishikamata, Ota-ku, Tokyo 144-0051, Nhật Bản", "id": "7-3-1 Nishikamata, Ota-ku, Tokyo 144-0051, Jepang", "de": "7-3-1 Nishikamata, Ota-ku, Tokio 144-0051, Japan"},
	Rep:     lt{"ja": "湊 健一", "en": "Kenichi Minato", "zh-CN": "湊健一", "th": "Kenichi Minato", "vi": "Kenichi Minato", "id": "Kenichi Minato", "de": "Kenichi Minato"},
	Title:   lt{"ja": "代表取締役", "en": "Representative Director", "zh-CN": "代表董事", "th": "Representative Director", "vi": "Representative Director", "id": "Representative Director", "de": "Representative Director"},
	Reg:     "1010801000000",
}

var sampleJurs = map[string]sampleJur{
	"JP": {
		Company: sampleParty{
			Name:    lt{"ja": "株式会社みなと精工", "en": "Minato Seiko Co., Ltd."},
			Address: lt{"ja": "東京都大田区西蒲田七丁目3番1号", "en": "7-3-1 Nishikamata, Ota-ku, Tokyo 144-0051, Japan"},
			Rep:     lt{"ja": "湊 健一", "en": "Kenichi Minato"},
			Title:   lt{"ja": "代表取締役", "en": "Representative Director"},
			Reg:     "1010801000000", Phone: "+81-3-0000-0000", Email: "legal@minato-seiko.example",
		},
		Counterparty: sampleParty{
			Name:    lt{"ja": "株式会社東和金型製作所", "en": "Towa Mold Works Co., Ltd."},
			Address: lt{"ja": "神奈川県川崎市高津区久本三丁目5番7号", "en": "3-5-7 Hisamoto, Takatsu-ku, Kawasaki, Kanagawa 213-0011, Japan"},
			Rep:     lt{"ja": "東 誠", "en": "Makoto Azuma"},
			Title:   lt{"ja": "代表取締役", "en": "Representative Director"},
			Reg:     "3020001000000",
		},
		EmpName:    lt{"ja": "山田 太郎", "en": "Taro Yamada"},
		EmpAddress: lt{"ja": "東京都品川区西大井一丁目2番3号", "en": "1-2-3 Nishioi, Shinagawa-ku, Tokyo, Japan"},
		Territory:  lt{"ja": "日本国内", "en": "Japan"},
		Place:      lt{"ja": "東京", "en": "Tokyo"},
		NCMonths:   12, NCPercent: 50,
		Notes: map[string][]string{
			"noncompete": {"JP: no statute; courts weigh period, area, scope, position and compensation (METI handbook,",
				"参考資料5). One year or less tends to be upheld; state 代償措置 (compensation)."},
			"dispute.employee": {"JP: employee documents must name a court: arbitration of future individual labour",
				"disputes is void (仲裁法附則第4条)."},
		},
	},
	"CN": {
		Company: sampleParty{
			Name:    lt{"zh-CN": "湊精工（上海）有限公司", "ja": "湊精工（上海）有限公司", "en": "Minato Seiko (Shanghai) Co., Ltd."},
			Address: lt{"zh-CN": "上海市闵行区莘庄工业区春中路368号", "ja": "中国上海市閔行区莘庄工業区春中路368号", "en": "No. 368 Chunzhong Road, Xinzhuang Industrial Zone, Minhang District, Shanghai, China"},
			Rep:     lt{"zh-CN": "佐藤健一", "ja": "佐藤 健一", "en": "Kenichi Sato"},
			Title:   lt{"zh-CN": "法定代表人", "ja": "法定代表人", "en": "Legal Representative"},
			Reg:     "91310112MA1G000001", Phone: "+86-21-0000-0000", Email: "legal@minato-seiko-sh.example",
		},
		Counterparty: sampleParty{
			Name:    lt{"zh-CN": "上海华东精密模具有限公司", "ja": "上海華東精密金型有限公司", "en": "Shanghai Huadong Precision Mould Co., Ltd."},
			Address: lt{"zh-CN": "上海市嘉定区安亭镇墨玉路185号", "ja": "中国上海市嘉定区安亭鎮墨玉路185号", "en": "No. 185 Moyu Road, Anting Town, Jiading District, Shanghai, China"},
			Rep:     lt{"zh-CN": "陈建国", "ja": "陳 建国", "en": "Chen Jianguo"},
			Title:   lt{"zh-CN": "法定代表人", "ja": "法定代表人", "en": "Legal Representative"},
			Reg:     "91310114MA1G000002",
		},
		EmpName:       lt{"zh-CN": "王伟", "ja": "王 偉", "en": "Wang Wei"},
		EmpAddress:    lt{"zh-CN": "上海市闵行区七莘路100弄5号", "ja": "中国上海市閔行区七莘路100弄5号", "en": "No. 5, Lane 100, Qixin Road, Minhang District, Shanghai, China"},
		EmpNationalID: "31011219900101001X",
		Territory:     lt{"zh-CN": "中华人民共和国境内（不含香港、澳门、台湾地区）", "ja": "中華人民共和国内（香港、マカオ及び台湾地域を除く）", "en": "mainland China (excluding Hong Kong, Macao and Taiwan)"},
		Place:         lt{"zh-CN": "上海", "ja": "上海", "en": "Shanghai"},
		NCMonths:      12, NCPercent: 30,
		Notes: map[string][]string{
			"noncompete": {"CN: at most 24 months, only senior managers, senior technical staff and others bound to",
				"confidentiality (劳动合同法 Arts. 23, 24); monthly compensation after termination, at least 30% of",
				"the average monthly wage of the last 12 months and not below the local minimum wage",
				"(SPC Interpretation (I) 法释〔2020〕26号 Art. 36)."},
			"dispute.employee": {"CN: employee disputes go to labour arbitration first (劳动争议调解仲裁法 Arts. 2, 5, 21)."},
			"signing":          {"CN: the company seals with its 公章 or 合同专用章 and the legal representative signs."},
		},
	},
	"TH": {
		Company: sampleParty{
			Name:    lt{"th": "บริษัท มินาโตะ เซโก (ประเทศไทย) จำกัด", "ja": "ミナトセイコー（タイランド）株式会社", "en": "Minato Seiko (Thailand) Co., Ltd."},
			Address: lt{"th": "700/123 หมู่ 5 นิคมอุตสาหกรรมอมตะซิตี้ ชลบุรี ตำบลคลองตำหรุ อำเภอเมืองชลบุรี จังหวัดชลบุรี 20000", "ja": "タイ王国チョンブリー県ムアンチョンブリー郡クロンタムル町 アマタシティ・チョンブリー工業団地 5村 700/123", "en": "700/123 Moo 5, Amata City Chonburi Industrial Estate, Khlong Tamru, Mueang Chonburi, Chonburi 20000, Thailand"},
			Rep:     lt{"th": "นายเคนอิจิ ทานากะ", "ja": "田中 健一", "en": "Mr. Kenichi Tanaka"},
			Title:   lt{"th": "กรรมการผู้จัดการ", "ja": "社長", "en": "Managing Director"},
			Reg:     "0205560000000", Phone: "+66-38-000-000", Email: "legal@minato-seiko-th.example",
		},
		Counterparty: sampleParty{
			Name:    lt{"th": "บริษัท สยามโมลด์ เทค จำกัด", "ja": "サイアム・モールド・テック株式会社", "en": "Siam Mold Tech Co., Ltd."},
			Address: lt{"th": "88/8 หมู่ 3 ตำบลบ้านเก่า อำเภอพานทอง จังหวัดชลบุรี 20160", "ja": "タイ王国チョンブリー県パーントーン郡バーンカオ町 3村 88/8", "en": "88/8 Moo 3, Ban Kao, Phan Thong, Chonburi 20160, Thailand"},
			Rep:     lt{"th": "นายวิชัย ศรีสุข", "ja": "ウィチャイ・シースック", "en": "Mr. Wichai Srisuk"},
			Title:   lt{"th": "กรรมการผู้มีอำนาจลงนาม", "ja": "代表権を有する取締役", "en": "Authorised Director"},
			Reg:     "0205561000000",
		},
		EmpName:       lt{"th": "นายสมชาย ใจดี", "ja": "ソムチャイ・ジャイディー", "en": "Mr. Somchai Jaidee"},
		EmpAddress:    lt{"th": "45/6 หมู่ 2 ตำบลบ้านสวน อำเภอเมืองชลบุรี จังหวัดชลบุรี 20000", "ja": "タイ王国チョンブリー県ムアンチョンブリー郡バーンスアン町 2村 45/6", "en": "45/6 Moo 2, Ban Suan, Mueang Chonburi, Chonburi 20000, Thailand"},
		EmpNationalID: "1200100000000",
		Territory:     lt{"th": "ราชอาณาจักรไทย", "ja": "タイ王国内", "en": "the Kingdom of Thailand"},
		Place:         lt{"th": "ชลบุรี", "ja": "チョンブリー", "en": "Chonburi"},
		NCMonths:      12, NCPercent: 50,
		Notes: map[string][]string{
			"noncompete": {"TH: enforceable only so far as fair and reasonable in area and time (Unfair Contract Terms",
				"Act B.E. 2540 s.5; Labour Protection Act s.14/1); about 2 years is the outer guide",
				"(Supreme Court Judgment No. 3597/2561)."},
			"languages": {"TH: work rules (the regulations) must be in Thai (Labour Protection Act s.108)."},
			"signing":   {"TH: authorised director(s) per the company affidavit sign, with the seal if it requires one."},
		},
	},
	"VN": {
		Company: sampleParty{
			Name:    lt{"vi": "Công ty TNHH Minato Seiko Việt Nam", "ja": "ミナトセイコー・ベトナム有限会社", "en": "Minato Seiko Vietnam Co., Ltd."},
			Address: lt{"vi": "Lô C-5, Khu công nghiệp Thăng Long, xã Kim Chung, huyện Đông Anh, thành phố Hà Nội", "ja": "ベトナム・ハノイ市ドンアイン県キムチュン村 タンロン工業団地 C-5区画", "en": "Lot C-5, Thang Long Industrial Park, Kim Chung Commune, Dong Anh District, Hanoi, Vietnam"},
			Rep:     lt{"vi": "Ông Suzuki Hiroshi", "ja": "鈴木 浩", "en": "Mr. Hiroshi Suzuki"},
			Title:   lt{"vi": "Tổng Giám đốc", "ja": "社長", "en": "General Director"},
			Reg:     "0109000000", Phone: "+84-24-0000-0000", Email: "legal@minato-seiko-vn.example",
		},
		Counterparty: sampleParty{
			Name:    lt{"vi": "Công ty Cổ phần Cơ khí Chính xác Hà Nội", "ja": "ハノイ精密機械株式会社", "en": "Hanoi Precision Engineering Joint Stock Company"},
			Address: lt{"vi": "Số 12 đường Phạm Văn Đồng, quận Bắc Từ Liêm, thành phố Hà Nội", "ja": "ベトナム・ハノイ市バクトゥーリエム区ファムヴァンドン通り12番", "en": "No. 12 Pham Van Dong Street, Bac Tu Liem District, Hanoi, Vietnam"},
			Rep:     lt{"vi": "Ông Trần Minh Quân", "ja": "チャン・ミン・クアン", "en": "Mr. Tran Minh Quan"},
			Title:   lt{"vi": "Giám đốc", "ja": "社長", "en": "Director"},
			Reg:     "0101000000",
		},
		EmpName:       lt{"vi": "Nguyễn Văn An", "ja": "グエン・ヴァン・アン", "en": "Nguyen Van An"},
		EmpAddress:    lt{"vi": "Số 5, ngõ 20, phố Xuân Thủy, quận Cầu Giấy, thành phố Hà Nội", "ja": "ベトナム・ハノイ市カウザイ区スアントゥイ通り20路地5番", "en": "No. 5, Lane 20, Xuan Thuy Street, Cau Giay District, Hanoi, Vietnam"},
		EmpNationalID: "001090000000",
		Territory:     lt{"vi": "lãnh thổ nước Cộng hòa xã hội chủ nghĩa Việt Nam", "ja": "ベトナム社会主義共和国内", "en": "the territory of the Socialist Republic of Vietnam"},
		Place:         lt{"vi": "Hà Nội", "ja": "ハノイ", "en": "Hanoi"},
		NCMonths:      12, NCPercent: 50,
		Notes: map[string][]string{
			"noncompete": {"VN: non-competes are not regulated and courts are split; sign a separate agreement, senior",
				"staff only, short and paid (LR §4.2; Labour Code Art. 21(2) for confidentiality terms)."},
			"signing": {"VN: the legal representative signs; the seal may be physical or digital (Law on Enterprises Art. 43)."},
		},
	},
	"ID": {
		Company: sampleParty{
			Name:    lt{"id": "PT Minato Seiko Indonesia", "ja": "PT ミナトセイコー・インドネシア", "en": "PT Minato Seiko Indonesia"},
			Address: lt{"id": "Kawasan Industri MM2100, Jl. Sulawesi Blok F-3, Cikarang Barat, Kabupaten Bekasi, Jawa Barat 17530", "ja": "インドネシア共和国西ジャワ州ブカシ県西チカラン MM2100工業団地 スラウェシ通り F-3区画", "en": "MM2100 Industrial Town, Jl. Sulawesi Block F-3, West Cikarang, Bekasi Regency, West Java 17530, Indonesia"},
			Rep:     lt{"id": "Bapak Makoto Takahashi", "ja": "高橋 誠", "en": "Mr. Makoto Takahashi"},
			Title:   lt{"id": "Presiden Direktur", "ja": "社長", "en": "President Director"},
			Reg:     "9120000000000", Phone: "+62-21-0000-0000", Email: "legal@minato-seiko-id.example",
		},
		Counterparty: sampleParty{
			Name:    lt{"id": "PT Presisi Cetak Nusantara", "ja": "PT プレシシ・チェタック・ヌサンタラ", "en": "PT Presisi Cetak Nusantara"},
			Address: lt{"id": "Jl. Raya Industri No. 45, Cikarang Utara, Kabupaten Bekasi, Jawa Barat 17530", "ja": "インドネシア共和国西ジャワ州ブカシ県北チカラン ラヤ・インダストリ通り45番", "en": "Jl. Raya Industri No. 45, North Cikarang, Bekasi Regency, West Java 17530, Indonesia"},
			Rep:     lt{"id": "Bapak Agus Wijaya", "ja": "アグス・ウィジャヤ", "en": "Mr. Agus Wijaya"},
			Title:   lt{"id": "Direktur Utama", "ja": "社長", "en": "President Director"},
			Reg:     "9120000000001",
		},
		EmpName:       lt{"id": "Budi Santoso", "ja": "ブディ・サントソ", "en": "Budi Santoso"},
		EmpAddress:    lt{"id": "Perumahan Graha Asri Blok B2 No. 7, Cikarang Timur, Kabupaten Bekasi, Jawa Barat", "ja": "インドネシア共和国西ジャワ州ブカシ県東チカラン グラハ・アスリ住宅 B2区7番", "en": "Graha Asri Housing, Block B2 No. 7, East Cikarang, Bekasi Regency, West Java, Indonesia"},
		EmpNationalID: "3216000000000000",
		Territory:     lt{"id": "wilayah Negara Republik Indonesia", "ja": "インドネシア共和国内", "en": "the territory of the Republic of Indonesia"},
		Place:         lt{"id": "Bekasi", "ja": "ブカシ", "en": "Bekasi"},
		NCMonths:      6, NCPercent: 50,
		Notes: map[string][]string{
			"languages": {"ID: agreements with Indonesian parties must be in Indonesian (UU 24/2009 Art. 31(1)); keep id",
				"in languages. Indonesian must prevail for fixed-term labour contracts (UU 13/2003 Art. 57)."},
			"noncompete": {"ID: not regulated and enforceability is doubtful; senior staff only, 6–12 months, narrow and",
				"paid (LR §5.2)."},
		},
	},
	"DE": {
		Company: sampleParty{
			Name:    lt{"de": "Minato Seiko Deutschland GmbH", "ja": "ミナトセイコー・ドイツ有限会社", "en": "Minato Seiko Deutschland GmbH"},
			Address: lt{"de": "Königsallee 61, 40215 Düsseldorf", "ja": "ドイツ連邦共和国 デュッセルドルフ市 ケーニヒスアレー61番", "en": "Königsallee 61, 40215 Düsseldorf, Germany"},
			Rep:     lt{"de": "Taro Nakamura", "ja": "中村 太郎", "en": "Taro Nakamura"},
			Title:   lt{"de": "Geschäftsführer", "ja": "社長（Geschäftsführer）", "en": "Managing Director"},
			Reg:     "HRB 12345 (Amtsgericht Düsseldorf)", Phone: "+49-211-0000-000", Email: "legal@minato-seiko-de.example",
		},
		Counterparty: sampleParty{
			Name:    lt{"de": "Rheinland Präzisionswerkzeuge GmbH", "ja": "ラインラント精密工具有限会社", "en": "Rheinland Präzisionswerkzeuge GmbH"},
			Address: lt{"de": "Industriestraße 12, 42551 Velbert", "ja": "ドイツ連邦共和国 フェルベルト市 インダストリー通り12番", "en": "Industriestraße 12, 42551 Velbert, Germany"},
			Rep:     lt{"de": "Klaus Weber", "ja": "クラウス・ヴェーバー", "en": "Klaus Weber"},
			Title:   lt{"de": "Geschäftsführer", "ja": "社長（Geschäftsführer）", "en": "Managing Director"},
			Reg:     "HRB 54321 (Amtsgericht Wuppertal)",
		},
		EmpName:    lt{"de": "Jonas Becker", "ja": "ヨナス・ベッカー", "en": "Jonas Becker"},
		EmpAddress: lt{"de": "Kölner Straße 20, 40211 Düsseldorf", "ja": "ドイツ連邦共和国 デュッセルドルフ市 ケルナー通り20番", "en": "Kölner Straße 20, 40211 Düsseldorf, Germany"},
		Territory:  lt{"de": "Bundesrepublik Deutschland, Österreich und die Schweiz", "ja": "ドイツ、オーストリア及びスイス", "en": "Germany, Austria and Switzerland"},
		Place:      lt{"de": "Düsseldorf", "ja": "デュッセルドルフ", "en": "Düsseldorf"},
		NCMonths:   12, NCPercent: 50,
		Notes: map[string][]string{
			"noncompete": {"DE: at most 2 years (§ 74a (1) S. 3 HGB); Karenzentschädigung of at least half the last",
				"contractual remuneration (§ 74 (2) HGB), without it the covenant is void; written form and a signed",
				"copy handed to the employee (§ 74 (1) HGB), via § 110 GewO."},
			"dispute.employee": {"DE: employment disputes belong to the labour courts (Arbeitsgerichte)."},
		},
	},
	"UK": {
		Company: sampleParty{
			Name:    lt{"en": "Minato Seiko UK Limited", "ja": "ミナトセイコーUK社"},
			Address: lt{"en": "Unit 4, Kiln Farm Industrial Estate, Milton Keynes MK11 3EJ, United Kingdom", "ja": "英国 ミルトン・キーンズ キルンファーム工業団地 ユニット4"},
			Rep:     lt{"en": "Hiroshi Watanabe", "ja": "渡辺 浩"},
			Title:   lt{"en": "Director", "ja": "取締役"},
			Reg:     "Company No. 01234567", Phone: "+44-1908-000000", Email: "legal@minato-seiko-uk.example",
		},
		Counterparty: sampleParty{
			Name:    lt{"en": "Midlands Precision Tooling Ltd", "ja": "ミッドランズ・プレシジョン・ツーリング社"},
			Address: lt{"en": "22 Tyseley Industrial Estate, Birmingham B11 2AA, United Kingdom", "ja": "英国 バーミンガム タイズリー工業団地22番"},
			Rep:     lt{"en": "Oliver Hughes", "ja": "オリバー・ヒューズ"},
			Title:   lt{"en": "Director", "ja": "取締役"},
			Reg:     "Company No. 07654321",
		},
		EmpName:    lt{"en": "James Taylor", "ja": "ジェームズ・テイラー"},
		EmpAddress: lt{"en": "15 Station Road, Newport Pagnell MK16 0AA, United Kingdom", "ja": "英国 ニューポート・パグネル ステーション・ロード15番"},
		Territory:  lt{"en": "England, Wales and Scotland", "ja": "イングランド、ウェールズ及びスコットランド"},
		Place:      lt{"en": "Milton Keynes", "ja": "ミルトン・キーンズ"},
		NCMonths:   6, NCPercent: 50,
		Notes: map[string][]string{
			"noncompete": {"UK: void unless it protects a legitimate business interest and is no wider than reasonably",
				"necessary (common law). No statutory cap is law yet; a 3-month cap is under consultation",
				"(DBT working paper, 26 Nov 2025). Prefer non-solicit/non-dealing clauses where they suffice."},
			"signing": {"UK: Companies Act 2006 s.44: two authorised signatories, or one director and a witness."},
		},
	},
	"EU": {
		Company: sampleParty{
			Name:    lt{"en": "Minato Seiko Europe GmbH", "ja": "ミナトセイコー・ヨーロッパ有限会社", "de": "Minato Seiko Europe GmbH"},
			Address: lt{"en": "Mainzer Landstraße 50, 60325 Frankfurt am Main, Germany", "ja": "ドイツ連邦共和国 フランクフルト・アム・マイン市 マインツァー・ラントシュトラーセ50番", "de": "Mainzer Landstraße 50, 60325 Frankfurt am Main"},
			Rep:     lt{"en": "Yuki Kobayashi", "ja": "小林 由紀", "de": "Yuki Kobayashi"},
			Title:   lt{"en": "Managing Director", "ja": "社長（Geschäftsführerin）", "de": "Geschäftsführerin"},
			Reg:     "HRB 99999 (Amtsgericht Frankfurt am Main)", Phone: "+49-69-0000-000", Email: "legal@minato-seiko-eu.example",
		},
		Counterparty: sampleParty{
			Name:    lt{"en": "Benelux Precision Components B.V.", "ja": "ベネルクス・プレシジョン・コンポーネンツ社", "de": "Benelux Precision Components B.V."},
			Address: lt{"en": "Industrieweg 8, 5651 AB Eindhoven, the Netherlands", "ja": "オランダ王国 アイントホーフェン市 インダストリーウェグ8番", "de": "Industrieweg 8, 5651 AB Eindhoven, Niederlande"},
			Rep:     lt{"en": "Pieter de Vries", "ja": "ピーテル・デ・フリース", "de": "Pieter de Vries"},
			Title:   lt{"en": "Managing Director", "ja": "社長", "de": "Geschäftsführer (Directeur)"},
			Reg:     "KvK 12345678",
		},
		EmpName:    lt{"en": "Lena Schmidt", "ja": "レーナ・シュミット", "de": "Lena Schmidt"},
		EmpAddress: lt{"en": "Berger Straße 100, 60316 Frankfurt am Main, Germany", "ja": "ドイツ連邦共和国 フランクフルト・アム・マイン市 ベルガー通り100番", "de": "Berger Straße 100, 60316 Frankfurt am Main"},
		Territory:  lt{"en": "Germany, the Netherlands, Belgium and Luxembourg", "ja": "ドイツ、オランダ、ベルギー及びルクセンブルク", "de": "Deutschland, die Niederlande, Belgien und Luxemburg"},
		Place:      lt{"en": "Frankfurt am Main", "ja": "フランクフルト・アム・マイン", "de": "Frankfurt am Main"},
		NCMonths:   12, NCPercent: 50,
		Notes: map[string][]string{
			"dispute": {"EU: Directive (EU) 2016/943 leaves contract law and courts to the Member States, so name one",
				"Member State's law. This sample chooses German law and DIS arbitration in Frankfurt (the company's",
				"seat, and the EU institution the reference sheet lists); change all three together."},
			"noncompete": {"EU: non-competes are national law only; with German law the HGB limits apply (≤ 24 months,",
				"≥ 50% compensation, § 74 ff. HGB)."},
		},
	},
}

// Texts shared by every sample, in all seven languages.
var (
	sampleDepartment = lt{"ja": "技術開発部", "en": "Engineering Development Department", "zh-CN": "技术开发部", "th": "ฝ่ายพัฒนาเทคโนโลยี", "vi": "Phòng Phát triển Kỹ thuật", "id": "Departemen Pengembangan Teknik", "de": "Technische Entwicklung"}
	samplePosition   = lt{"ja": "主任技師", "en": "Senior Engineer", "zh-CN": "高级工程师", "th": "วิศวกรอาวุโส", "vi": "Kỹ sư cao cấp", "id": "Insinyur Senior", "de": "Senior-Ingenieur"}
	samplePurpose    = lt{"ja": "新型減速機ハウジング用金型の共同開発の検討", "en": "evaluating the joint development of moulds for a new reducer housing", "zh-CN": "探讨新型减速器壳体模具的共同开发", "th": "การพิจารณาความเป็นไปได้ในการร่วมพัฒนาแม่พิมพ์สำหรับเสื้อเกียร์ทดรุ่นใหม่", "vi": "đánh giá khả năng cùng phát triển khuôn cho vỏ hộp giảm tốc thế hệ mới", "id": "menjajaki pengembangan bersama cetakan untuk rumah reducer generasi baru", "de": "Prüfung einer gemeinsamen Entwicklung von Werkzeugen für ein neues Getriebegehäuse"}
	sampleScope      = lt{"ja": "精密減速機及びその部品の開発、製造又は販売を行う事業者への就職、役員就任又は当該事業の自営", "en": "working for, becoming an officer of, or running a business that develops, makes or sells precision gear reducers or their parts", "zh-CN": "在从事精密减速器及其零部件研发、生产或销售的单位任职、担任高级管理人员或自营该类业务", "th": "การทำงานให้ การเป็นกรรมการ หรือการประกอบธุรกิจของตนเอง ในกิจการที่พัฒนา ผลิต หรือจำหน่ายเกียร์ทดความแม่นยำสูงหรือชิ้นส่วน", "vi": "làm việc cho, giữ chức vụ quản lý tại, hoặc tự kinh doanh trong doanh nghiệp phát triển, sản xuất hoặc kinh doanh hộp giảm tốc chính xác hoặc linh kiện của chúng", "id": "bekerja pada, menjadi anggota direksi, atau menjalankan sendiri usaha yang mengembangkan, memproduksi, atau menjual reducer presisi atau komponennya", "de": "Tätigkeit für, Organstellung bei oder eigener Betrieb eines Unternehmens, das Präzisionsgetriebe oder deren Teile entwickelt, herstellt oder vertreibt"}
	sampleRoles      = []lt{
		{"ja": "技術開発部の主任技師以上の技術者", "en": "engineers of the Engineering Development Department from Senior Engineer upwards", "zh-CN": "技术开发部高级工程师及以上技术人员", "th": "วิศวกรระดับวิศวกรอาวุโสขึ้นไปของฝ่ายพัฒนาเทคโนโลยี", "vi": "kỹ sư từ cấp Kỹ sư cao cấp trở lên của Phòng Phát triển Kỹ thuật", "id": "insinyur Departemen Pengembangan Teknik dari tingkat Insinyur Senior ke atas", "de": "Ingenieure der Abteilung Technische Entwicklung ab Senior-Ingenieur"},
		{"ja": "部長以上の管理職", "en": "managers from head of department upwards", "zh-CN": "部长及以上高级管理人员", "th": "ผู้บริหารระดับผู้จัดการฝ่ายขึ้นไป", "vi": "cán bộ quản lý từ cấp trưởng phòng trở lên", "id": "manajer setingkat kepala departemen ke atas", "de": "Führungskräfte ab Abteilungsleitung"},
	}
	sampleCategories = []struct {
		Name, Examples lt
		Level          string
	}{
		{lt{"ja": "製造技術情報", "en": "Manufacturing technology", "zh-CN": "制造技术信息", "th": "ข้อมูลเทคโนโลยีการผลิต", "vi": "Thông tin công nghệ sản xuất", "id": "Informasi teknologi produksi", "de": "Fertigungstechnische Informationen"},
			lt{"ja": "加工条件、熱処理レシピ、治具・金型の設計図、検査基準", "en": "machining conditions, heat-treatment recipes, jig and mould drawings, inspection standards", "zh-CN": "加工条件、热处理工艺参数、夹具及模具图纸、检验标准", "th": "เงื่อนไขการแปรรูป สูตรการอบชุบความร้อน แบบแม่พิมพ์และจิ๊ก มาตรฐานการตรวจสอบ", "vi": "điều kiện gia công, công thức nhiệt luyện, bản vẽ đồ gá và khuôn, tiêu chuẩn kiểm tra", "id": "kondisi permesinan, resep perlakuan panas, gambar jig dan cetakan, standar inspeksi", "de": "Bearbeitungsparameter, Wärmebehandlungsrezepturen, Vorrichtungs- und Werkzeugzeichnungen, Prüfstandards"}, "L1"},
		{lt{"ja": "製品開発情報", "en": "Product development", "zh-CN": "产品开发信息", "th": "ข้อมูลการพัฒนาผลิตภัณฑ์", "vi": "Thông tin phát triển sản phẩm", "id": "Informasi pengembangan produk", "de": "Informationen zur Produktentwicklung"},
			lt{"ja": "未発表製品の仕様、試験データ、開発日程", "en": "specifications of unreleased products, test data, development schedules", "zh-CN": "未发布产品的规格、试验数据、开发日程", "th": "ข้อกำหนดของผลิตภัณฑ์ที่ยังไม่เปิดตัว ข้อมูลการทดสอบ กำหนดการพัฒนา", "vi": "thông số sản phẩm chưa công bố, dữ liệu thử nghiệm, tiến độ phát triển", "id": "spesifikasi produk yang belum diluncurkan, data pengujian, jadwal pengembangan", "de": "Spezifikationen unveröffentlichter Produkte, Testdaten, Entwicklungszeitpläne"}, "L1"},
		{lt{"ja": "顧客・営業情報", "en": "Customer and sales information", "zh-CN": "客户及销售信息", "th": "ข้อมูลลูกค้าและการขาย", "vi": "Thông tin khách hàng và bán hàng", "id": "Informasi pelanggan dan penjualan", "de": "Kunden- und Vertriebsinformationen"},
			lt{"ja": "顧客名簿、見積・価格条件、販売実績", "en": "customer lists, quotations and price terms, sales records", "zh-CN": "客户名单、报价及价格条件、销售业绩", "th": "รายชื่อลูกค้า ใบเสนอราคาและเงื่อนไขราคา ยอดขาย", "vi": "danh sách khách hàng, báo giá và điều kiện giá, số liệu bán hàng", "id": "daftar pelanggan, penawaran dan syarat harga, catatan penjualan", "de": "Kundenlisten, Angebote und Preiskonditionen, Umsatzdaten"}, "L2"},
		{lt{"ja": "調達・原価情報", "en": "Procurement and cost information", "zh-CN": "采购及成本信息", "th": "ข้อมูลการจัดซื้อและต้นทุน", "vi": "Thông tin mua hàng và giá thành", "id": "Informasi pengadaan dan biaya", "de": "Einkaufs- und Kosteninformationen"},
			lt{"ja": "仕入先一覧、購買単価、原価計算資料", "en": "supplier lists, purchase prices, cost calculations", "zh-CN": "供应商名单、采购单价、成本核算资料", "th": "รายชื่อผู้จัดจำหน่าย ราคาซื้อ เอกสารคำนวณต้นทุน", "vi": "danh sách nhà cung cấp, đơn giá mua, tài liệu tính giá thành", "id": "daftar pemasok, harga pembelian, perhitungan biaya", "de": "Lieferantenlisten, Einkaufspreise, Kalkulationsunterlagen"}, "L2"},
		{lt{"ja": "社内管理情報", "en": "Internal management information", "zh-CN": "内部管理信息", "th": "ข้อมูลการบริหารภายใน", "vi": "Thông tin quản lý nội bộ", "id": "Informasi manajemen internal", "de": "Interne Verwaltungsinformationen"},
			lt{"ja": "組織図、社内規程、会議資料", "en": "organisation charts, internal rules, meeting materials", "zh-CN": "组织架构图、内部规章、会议资料", "th": "แผนผังองค์กร ระเบียบภายใน เอกสารการประชุม", "vi": "sơ đồ tổ chức, nội quy, tài liệu cuộc họp", "id": "bagan organisasi, peraturan internal, bahan rapat", "de": "Organigramme, interne Richtlinien, Besprechungsunterlagen"}, "L3"},
	}
	sampleItems = []struct {
		ID                      string
		Name                    lt
		Category                int // index into sampleCategories
		Level                   string
		Owner, Location, Access lt
		Designated, Review      string
	}{
		{"TS-001", lt{"ja": "減速機ハウジング熱処理条件表", "en": "Heat-treatment conditions for reducer housings", "zh-CN": "减速器壳体热处理条件表", "th": "ตารางเงื่อนไขการอบชุบความร้อนของเสื้อเกียร์ทด", "vi": "Bảng điều kiện nhiệt luyện vỏ hộp giảm tốc", "id": "Tabel kondisi perlakuan panas rumah reducer", "de": "Wärmebehandlungsparameter für Getriebegehäuse"}, 0, "L1",
			lt{"ja": "製造技術課", "en": "Production Engineering Section", "zh-CN": "制造技术科", "th": "แผนกวิศวกรรมการผลิต", "vi": "Bộ phận Kỹ thuật sản xuất", "id": "Seksi Teknik Produksi", "de": "Fertigungstechnik"},
			lt{"ja": "技術文書管理システム（アクセス制限フォルダ）", "en": "engineering document system (restricted folder)", "zh-CN": "技术文档管理系统（受限文件夹）", "th": "ระบบจัดการเอกสารทางวิศวกรรม (โฟลเดอร์จำกัดสิทธิ์)", "vi": "hệ thống quản lý tài liệu kỹ thuật (thư mục hạn chế)", "id": "sistem dokumen teknik (folder terbatas)", "de": "technisches Dokumentenmanagementsystem (zugriffsbeschränkter Ordner)"},
			lt{"ja": "製造技術課長及び指名された技術者", "en": "Head of Production Engineering and named engineers", "zh-CN": "制造技术科科长及指定技术人员", "th": "หัวหน้าแผนกวิศวกรรมการผลิตและวิศวกรที่ได้รับการกำหนด", "vi": "Trưởng bộ phận Kỹ thuật sản xuất và các kỹ sư được chỉ định", "id": "Kepala Seksi Teknik Produksi dan insinyur yang ditunjuk", "de": "Leitung Fertigungstechnik und benannte Ingenieure"},
			"2025-10-01", "2026-09-30"},
		{"TS-002", lt{"ja": "新型遊星減速機 開発仕様書", "en": "Development specification of the new planetary reducer", "zh-CN": "新型行星减速器开发规格书", "th": "ข้อกำหนดการพัฒนาเกียร์ทดแบบดาวเคราะห์รุ่นใหม่", "vi": "Đặc tả phát triển hộp giảm tốc hành tinh thế hệ mới", "id": "Spesifikasi pengembangan reducer planet generasi baru", "de": "Entwicklungsspezifikation des neuen Planetengetriebes"}, 1, "L1",
			sampleDepartment,
			lt{"ja": "開発部の施錠キャビネット及び開発サーバ", "en": "locked cabinet of the development department and development server", "zh-CN": "开发部上锁文件柜及开发服务器", "th": "ตู้เก็บเอกสารที่ล็อกของฝ่ายพัฒนาและเซิร์ฟเวอร์ฝ่ายพัฒนา", "vi": "tủ có khóa của phòng phát triển và máy chủ phát triển", "id": "lemari terkunci departemen pengembangan dan server pengembangan", "de": "verschlossener Schrank der Entwicklungsabteilung und Entwicklungsserver"},
			lt{"ja": "開発部長及び指名された設計者（別紙のアクセス者名簿に記名の者）", "en": "Head of Development and the designers named in the annexed access list", "zh-CN": "开发部部长及附件访问人员名单所列的指定设计人员", "th": "ผู้จัดการฝ่ายพัฒนาและผู้ออกแบบที่มีชื่อในบัญชีผู้มีสิทธิ์เข้าถึงแนบท้าย", "vi": "Trưởng phòng Phát triển và các kỹ sư thiết kế có tên trong danh sách truy cập kèm theo", "id": "Kepala Pengembangan dan perancang yang namanya tercantum dalam daftar akses terlampir", "de": "Leitung Entwicklung und die in der beigefügten Zugriffsliste namentlich genannten Konstrukteure"},
			"2025-10-01", "2026-09-30"},
		{"TS-003", lt{"ja": "主要顧客別価格表", "en": "Price list by major customer", "zh-CN": "主要客户价格表", "th": "ตารางราคาแยกตามลูกค้ารายใหญ่", "vi": "Bảng giá theo khách hàng chính", "id": "Daftar harga per pelanggan utama", "de": "Preisliste nach Hauptkunden"}, 2, "L2",
			lt{"ja": "営業部", "en": "Sales Department", "zh-CN": "销售部", "th": "ฝ่ายขาย", "vi": "Phòng Kinh doanh", "id": "Departemen Penjualan", "de": "Vertrieb"},
			lt{"ja": "販売管理システム", "en": "sales management system", "zh-CN": "销售管理系统", "th": "ระบบบริหารการขาย", "vi": "hệ thống quản lý bán hàng", "id": "sistem manajemen penjualan", "de": "Vertriebsmanagementsystem"},
			lt{"ja": "営業部員", "en": "sales staff", "zh-CN": "销售部员工", "th": "พนักงานฝ่ายขาย", "vi": "nhân viên Phòng Kinh doanh", "id": "staf penjualan", "de": "Vertriebsmitarbeiter"},
			"2025-10-01", "2026-09-30"},
		{"TS-004", lt{"ja": "仕入先別購買単価一覧", "en": "Purchase prices by supplier", "zh-CN": "供应商采购单价一览", "th": "รายการราคาซื้อแยกตามผู้จัดจำหน่าย", "vi": "Danh sách đơn giá mua theo nhà cung cấp", "id": "Daftar harga beli per pemasok", "de": "Einkaufspreise nach Lieferanten"}, 3, "L2",
			lt{"ja": "購買部", "en": "Purchasing Department", "zh-CN": "采购部", "th": "ฝ่ายจัดซื้อ", "vi": "Phòng Mua hàng", "id": "Departemen Pembelian", "de": "Einkauf"},
			lt{"ja": "基幹業務システム（購買モジュール）", "en": "ERP system (purchasing module)", "zh-CN": "ERP系统（采购模块）", "th": "ระบบ ERP (โมดูลจัดซื้อ)", "vi": "hệ thống ERP (phân hệ mua hàng)", "id": "sistem ERP (modul pembelian)", "de": "ERP-System (Einkaufsmodul)"},
			lt{"ja": "購買部員及び経理部長", "en": "purchasing staff and the Head of Accounting", "zh-CN": "采购部员工及财务部长", "th": "พนักงานฝ่ายจัดซื้อและผู้จัดการฝ่ายบัญชี", "vi": "nhân viên Phòng Mua hàng và Kế toán trưởng", "id": "staf pembelian dan Kepala Akuntansi", "de": "Einkaufsmitarbeiter und Leitung Rechnungswesen"},
			"2025-10-01", "2026-09-30"},
		{"TS-005", lt{"ja": "社内規程集", "en": "Collection of internal rules", "zh-CN": "内部规章汇编", "th": "ประมวลระเบียบภายใน", "vi": "Tập hợp nội quy công ty", "id": "Kumpulan peraturan internal", "de": "Sammlung interner Richtlinien"}, 4, "L3",
			lt{"ja": "総務部", "en": "General Affairs Department", "zh-CN": "总务部", "th": "ฝ่ายธุรการ", "vi": "Phòng Hành chính", "id": "Departemen Umum", "de": "Allgemeine Verwaltung"},
			lt{"ja": "社内ポータル", "en": "intranet portal", "zh-CN": "公司内网门户", "th": "พอร์ทัลอินทราเน็ต", "vi": "cổng thông tin nội bộ", "id": "portal intranet", "de": "Intranet-Portal"},
			lt{"ja": "全役員・従業員", "en": "all officers and employees", "zh-CN": "全体管理人员及员工", "th": "กรรมการและพนักงานทุกคน", "vi": "toàn bộ cán bộ quản lý và nhân viên", "id": "seluruh direksi dan karyawan", "de": "alle Organmitglieder und Beschäftigten"},
			"2025-10-01", "2026-09-30"},
	}
	sampleAccess = []lt{
		{"ja": "減速機ハウジング熱処理条件表（TS-001）", "en": "Heat-treatment conditions for reducer housings (TS-001)", "zh-CN": "减速器壳体热处理条件表（TS-001）", "th": "ตารางเงื่อนไขการอบชุบความร้อนของเสื้อเกียร์ทด (TS-001)", "vi": "Bảng điều kiện nhiệt luyện vỏ hộp giảm tốc (TS-001)", "id": "Tabel kondisi perlakuan panas rumah reducer (TS-001)", "de": "Wärmebehandlungsparameter für Getriebegehäuse (TS-001)"},
		{"ja": "新型遊星減速機 開発仕様書（TS-002）", "en": "Development specification of the new planetary reducer (TS-002)", "zh-CN": "新型行星减速器开发规格书（TS-002）", "th": "ข้อกำหนดการพัฒนาเกียร์ทดแบบดาวเคราะห์รุ่นใหม่ (TS-002)", "vi": "Đặc tả phát triển hộp giảm tốc hành tinh thế hệ mới (TS-002)", "id": "Spesifikasi pengembangan reducer planet generasi baru (TS-002)", "de": "Entwicklungsspezifikation des neuen Planetengetriebes (TS-002)"},
		{"ja": "試作品の試験データ", "en": "test data of prototypes", "zh-CN": "样机试验数据", "th": "ข้อมูลการทดสอบต้นแบบ", "vi": "dữ liệu thử nghiệm mẫu thử", "id": "data pengujian prototipe", "de": "Testdaten der Prototypen"},
		{"ja": "主要顧客向け技術提案資料", "en": "technical proposals to major customers", "zh-CN": "面向主要客户的技术方案资料", "th": "เอกสารข้อเสนอทางเทคนิคสำหรับลูกค้ารายใหญ่", "vi": "tài liệu đề xuất kỹ thuật cho khách hàng chính", "id": "dokumen proposal teknis untuk pelanggan utama", "de": "technische Angebotsunterlagen für Hauptkunden"},
	}
	sampleMaterials = []lt{
		{"ja": "貸与ノートパソコン（資産番号 PC-0457）", "en": "company laptop (asset no. PC-0457)", "zh-CN": "公司配发的笔记本电脑（资产编号 PC-0457）", "th": "คอมพิวเตอร์โน้ตบุ๊กของบริษัท (เลขทรัพย์สิน PC-0457)", "vi": "máy tính xách tay của công ty (mã tài sản PC-0457)", "id": "laptop perusahaan (nomor aset PC-0457)", "de": "Dienst-Laptop (Inventarnummer PC-0457)"},
		{"ja": "社員証及び入館カード", "en": "staff ID and access card", "zh-CN": "工作证及门禁卡", "th": "บัตรพนักงานและบัตรผ่านเข้าอาคาร", "vi": "thẻ nhân viên và thẻ ra vào", "id": "kartu identitas karyawan dan kartu akses", "de": "Dienstausweis und Zugangskarte"},
		{"ja": "設計図面及び技術資料の紙媒体一式", "en": "all paper copies of drawings and technical documents", "zh-CN": "设计图纸及技术资料纸质文件全部", "th": "เอกสารกระดาษทั้งหมดของแบบและเอกสารทางเทคนิค", "vi": "toàn bộ bản giấy của bản vẽ và tài liệu kỹ thuật", "id": "seluruh salinan kertas gambar dan dokumen teknis", "de": "sämtliche Papierexemplare von Zeichnungen und technischen Unterlagen"},
		{"ja": "USBメモリ（管理番号 USB-112）", "en": "USB memory stick (control no. USB-112)", "zh-CN": "U盘（管理编号 USB-112）", "th": "แฟลชไดรฟ์ USB (หมายเลขควบคุม USB-112)", "vi": "USB (mã quản lý USB-112)", "id": "flashdisk USB (nomor kontrol USB-112)", "de": "USB-Stick (Kontrollnummer USB-112)"},
	}
)
