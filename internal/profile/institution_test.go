package profile

import "testing"

func TestInstitutionIs(t *testing.T) {
	lt := func(kv ...string) Text {
		m := map[string]string{}
		for i := 0; i < len(kv); i += 2 {
			m[kv[i]] = kv[i+1]
		}
		return Text{ByLang: m}
	}
	for _, c := range []struct {
		name string
		inst Text
		ab   string
		want bool
	}{
		{"JP default, both languages", lt("ja", "一般社団法人日本商事仲裁協会", "en", "the Japan Commercial Arbitration Association (JCAA)"), "JCAA", true},
		{"abbreviation alone", Text{Plain: "JCAA"}, "JCAA", true},
		{"no article, other case and spacing", Text{Plain: "Japan Commercial  Arbitration association"}, "JCAA", true},
		{"ID default in Japanese with full-width brackets", lt("ja", "インドネシア国家仲裁委員会（BANI）", "id", "Badan Arbitrase Nasional Indonesia (BANI)"), "BANI", true},
		// The other body that calls itself BANI: not the one at Mampang Prapatan.
		{"a different BANI", Text{Plain: "BANI Arbitration Center"}, "BANI", false},
		{"languages disagree", lt("ja", "一般社団法人日本商事仲裁協会", "en", "the Singapore International Arbitration Centre"), "JCAA", false},
		{"another institution", Text{Plain: "the Singapore International Arbitration Centre (SIAC)"}, "JCAA", false},
		{"empty", Text{}, "JCAA", false},
		{"JCAA is not BANI", Text{Plain: "JCAA"}, "BANI", false},
		{"CIETAC", Text{Plain: "CIETAC"}, "CIETAC", true},
		{"DIS in German", Text{Plain: "Deutsche Institution für Schiedsgerichtsbarkeit e. V. (DIS)"}, "DIS", true},
	} {
		got := InstitutionIs(c.inst)
		v, ok := got[c.ab]
		if !ok {
			t.Fatalf("%s: no key %s in %v", c.name, c.ab, got)
		}
		if v != c.want {
			t.Errorf("%s: InstitutionIs(%v)[%s] = %v, want %v", c.name, c.inst, c.ab, v, c.want)
		}
		for k, x := range got {
			if x == true && k != c.ab && c.want {
				t.Errorf("%s: also names %s", c.name, k)
			}
		}
	}
}
