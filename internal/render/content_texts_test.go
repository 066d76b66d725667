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
