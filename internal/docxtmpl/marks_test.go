package docxtmpl

import (
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// The regular expressions replaceMarks took over from: the scanner must find exactly what they
// found, so that a mark the engine wrote is always resolved and anything else is left for the
// stray-character error.
var (
	refRe  = regexp.MustCompile("\uE002([A-Za-z-]{2,8})\\|([^\uE002\uE003|]{0,64})\\|([0-9]{1,6})\\.([0-9]{1,6})\uE003")
	paraRe = regexp.MustCompile("\uE004([A-Za-z-]{2,8})\\|([0-9]{1,6})\\.([0-9]{1,6})\uE005")
)

func viaRegexp(s string) string {
	s = paraRe.ReplaceAllStringFunc(s, func(m string) string {
		sub := paraRe.FindStringSubmatch(m)
		a, _ := strconv.Atoi(sub[2])
		p, _ := strconv.Atoi(sub[3])
		return "[P " + sub[1] + " " + strconv.Itoa(a) + " " + strconv.Itoa(p) + "]"
	})
	return refRe.ReplaceAllStringFunc(s, func(m string) string {
		sub := refRe.FindStringSubmatch(m)
		a, _ := strconv.Atoi(sub[3])
		p, _ := strconv.Atoi(sub[4])
		return "[R " + sub[1] + " " + sub[2] + " " + strconv.Itoa(a) + " " + strconv.Itoa(p) + "]"
	})
}

func viaScanner(s string) string {
	b := replaceMarks([]byte(s), paraOpen, paraClose, func(m, inner string) string {
		lang, a, p, ok := parseParaMark(inner)
		if !ok {
			return m
		}
		return "[P " + lang + " " + strconv.Itoa(a) + " " + strconv.Itoa(p) + "]"
	})
	return string(replaceMarks(b, refOpen, refClose, func(m, inner string) string {
		lang, labels, a, p, ok := parseRefMark(inner)
		if !ok {
			return m
		}
		return "[R " + lang + " " + labels + " " + strconv.Itoa(a) + " " + strconv.Itoa(p) + "]"
	}))
}

var markCases = []string{
	"",
	"no marks at all",
	"<w:t>\uE004ja|3.2\uE005本文 \uE002ja|nc-scope|3.2\uE003 参照</w:t>",
	"\uE004zh-CN|12.1\uE005\uE004de|1.1\uE005",
	"\uE002en|" + strings.Repeat("x", 64) + "|1.1\uE003",
	"\uE002en|" + strings.Repeat("x", 65) + "|1.1\uE003 kept",
	"\uE002en|" + strings.Repeat("é", 64) + "|1.1\uE003",
	"\uE002e|x\uE003 one-letter language kept",
	"\uE002toolonglang|x\uE003",
	"\uE002ja|a|b\uE003 a bar in the label",
	"\uE002ja|x \uE002ja|y\uE003 nested opener: the last one starts the mark",
	"\uE004ja|3\uE005 no paragraph number",
	"\uE004ja|1234567.1\uE005 seven digits",
	"\uE004ja|3.2 unclosed",
	"\uE003\uE005 closers only \uE002",
	"\uE002ja|\uE004ja|1.1\uE005\uE003 a paragraph mark inside a reference",
	"\uE002ja||0.0\uE003 empty label",
	"\uE002ja|a,b|2.1\uE003 two labels",
	"\uE002ja|a|b|1.1\uE003 a bar in the labels",
	"\uE002ja|a|1.1|\uE003 a bar after the place",
	"\uE002ja|a|1\uE003 no paragraph of the place",
	"\uE004j4|1.1\uE005 digit in language",
	"\uE004AA|0000.0\uE005 leading zeros",
}

func TestReplaceMarksMatchesTheRegexps(t *testing.T) {
	for _, c := range markCases {
		if got, want := viaScanner(c), viaRegexp(c); got != want {
			t.Errorf("%q:\n got %q\nwant %q", c, got, want)
		}
	}
}

func FuzzReplaceMarks(f *testing.F) {
	for _, c := range markCases {
		f.Add(c)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := viaScanner(s), viaRegexp(s); got != want {
			t.Errorf("%q:\n got %q\nwant %q", s, got, want)
		}
	})
}

func TestValidLabelIsTheRegexp(t *testing.T) {
	re := regexp.MustCompile(`^[a-z0-9][a-z0-9._-]{0,63}$`)
	for _, s := range []string{"", "a", "nc-scope", "3", ".a", "-a", "a.b_c-d", "A", "a b", "é", strings.Repeat("a", 64), strings.Repeat("a", 65), "a\n", "ab\x00"} {
		if got, want := validLabel(s), re.MatchString(s); got != want {
			t.Errorf("validLabel(%q) = %v, the regexp says %v", s, got, want)
		}
	}
}
