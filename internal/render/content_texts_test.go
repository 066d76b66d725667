package render

import (
	"strings"
	"testing"
)

// Practitioner audit: the Japanese partner NDA names the people the Receiving Party may tell
// (Representatives) 開示許容者, defined once where first used and used alike after; 役員等
// reads as officers only, yet the group also takes in employees and advisers.
func TestJapanesePartnerNDARepresentativesTerm(t *testing.T) {
	for _, jur := range []string{"JP", "CN", "TH", "VN", "ID", "DE", "UK", "EU"} {
		got := renderPair(t, jur, "nda-partner", []string{"ja", "en"})
		what := jur + " nda-partner ja"
		mustNotContain(t, what, got, "役員等")
		if n := strings.Count(got, "（以下「開示許容者」という。）"); n != 1 {
			t.Errorf("%s: 開示許容者 is defined %d times, want once", what, n)
		}
		def := strings.Index(got, "「開示許容者」")
		if first := strings.Index(got, "開示許容者"); first < def-1 {
			t.Errorf("%s: 開示許容者 is used before its definition: %s", what, lineWith(got, "開示許容者"))
		}
		// The duties clause and the reporting carve-out use the defined term.
		mustContain(t, what, got, "開示許容者に本契約と同等以上の秘密保持義務を課し", "開示許容者の行為について")
		if n := strings.Count(got, "開示許容者"); n < 4 {
			t.Errorf("%s: 開示許容者 appears %d times, want the definition and at least 3 uses", what, n)
		}
	}
}

// Practitioner audit (CN): the Chinese partner NDA defines the parties as 甲方 (the company) and
// 乙方 (the counterparty), uses the defined terms in every clause and in the signature captions,
// and says 另一方 for "the other party"; a party defined as 对方 reads unnatural in a contract.
// The Japanese master keeps 会社 / 相手方.
func TestChinesePartnerNDAPartyNames(t *testing.T) {
	for _, c := range []struct {
		name string
		sets []string
		want []string
	}{
		{"mutual", nil, []string{"乙方作为甲方的", "甲方与乙方（以下单称“一方”", "乙方作为披露方时", "甲方应以不低于其处理自身同等保密等级信息", "未经另一方事先书面同意"}},
		{"one-way", []string{"counterparty.mutual=false"}, []string{"本协议适用于甲方向乙方披露的保密信息", "甲方为“披露方”，乙方为“接收方”"}},
	} {
		got := renderPair(t, "CN", "nda-partner", []string{"zh-CN", "ja"}, c.sets...)
		what := "CN nda-partner " + c.name
		mustContain(t, what, got, c.want...)
		mustContain(t, what, got, "（以下简称“甲方”）", "（以下简称“乙方”）", "甲方披露的保密信息特别包括", "\n甲方\n", "\n乙方\n",
			"（以下「会社」という。）", "（以下「相手方」という。）", "\n会社\n", "\n相手方\n")
		mustNotContain(t, what, got, "对方", "“公司”", "公司与", "公司应", "公司作为", "公司披露", "公司向", "本公司")
	}
}

// Practitioner audit: the classification guide's marking examples (e-mail subject, file name)
// carry the guide's own label, so they must not name information the guide's examples table
// puts at a level: 「【社外秘】見積条件について」 said internal where the table said L2. Each
// example line, in both languages of every jurisdiction's guide, names none of the sample
// categories' example items.
func TestClassificationGuideMarkingExamplesMatchTable(t *testing.T) {
	pairs := map[string][]string{"JP": {"ja", "en"}, "CN": {"zh-CN", "ja"}, "TH": {"th", "ja"}, "VN": {"vi", "ja"},
		"ID": {"id", "ja"}, "DE": {"de", "ja"}, "UK": {"en", "ja"}, "EU": {"en", "ja"}}
	mailMarks := []string{"件名の先頭", "subject line", "邮件主题", "หัวเรื่อง", "dòng tiêu đề", "baris subjek", "Betreffzeile"}
	subjects := map[string]string{"ja": "ご依頼の資料の送付について」", "en": "] The documents you asked for”", "zh-CN": "】关于发送您所需的资料”",
		"th": "] ส่งเอกสารตามที่ขอ”", "vi": "] Gửi tài liệu theo yêu cầu”", "id": "] Pengiriman dokumen yang diminta”", "de": "] Übersendung der angeforderten Unterlagen“"}
	for _, jur := range []string{"JP", "CN", "TH", "VN", "ID", "DE", "UK", "EU"} {
		p := sample(t, jur)
		var items []string
		for _, c := range p.Confidential.Categories {
			for _, v := range c.Examples.Variants() {
				for _, it := range strings.FieldsFunc(v, func(r rune) bool { return strings.ContainsRune("、,，;；", r) }) {
					if it = strings.TrimSpace(it); len([]rune(it)) >= 2 {
						items = append(items, it)
					}
				}
			}
		}
		if len(items) < 5 {
			t.Fatalf("%s: only %d category examples in the sample; the test would prove nothing", jur, len(items))
		}
		got := renderPair(t, jur, "classification-guide", pairs[jur])
		var mail, file int
		for _, line := range strings.Split(got, "\n") {
			isMail := false
			for _, m := range mailMarks {
				isMail = isMail || strings.Contains(line, m)
			}
			isFile := strings.Contains(line, "_v2.docx")
			if !isMail && !isFile {
				continue
			}
			if isMail {
				mail++
			}
			if isFile {
				file++
			}
			for _, it := range items {
				if strings.Contains(line, it) {
					t.Errorf("%s guide: the marking example names %q, which the examples table classifies: %s", jur, it, line)
				}
			}
		}
		if mail != 2 || file != 2 {
			t.Errorf("%s guide: found %d e-mail and %d file-name example lines, want 2 and 2 (one per language)", jur, mail, file)
		}
		for _, lang := range pairs[jur] {
			mustContain(t, jur+" guide "+lang, got, subjects[lang])
		}
		mustNotContain(t, jur+" guide", got, "見積条件について", "Quotation terms", "报价条件", "製品仕様書_v2", "Product_Specification_v2")
	}
}
