package law

import (
	"fmt"
	"slices"
	"strings"
	"unicode"

	"github.com/tsdraft/tsdraft/internal/profile"
	"github.com/tsdraft/tsdraft/internal/vocab"
)

// stateGrade is a state-secret (government classification) grade that a company must not reuse
// as a commercial label (LR §9.9).
type stateGrade struct {
	label, where, source string
}

var stateGrades = []stateGrade{
	{"绝密", "CN", "保守国家秘密法"},
	{"机密", "CN", "保守国家秘密法"},
	{"秘密", "CN", "保守国家秘密法"},
	{"Tuyệt mật", "VN", "Law on Protection of State Secrets 29/2018/QH14 Art. 8"},
	{"Tối mật", "VN", "Law on Protection of State Secrets 29/2018/QH14 Art. 8"},
	{"Mật", "VN", "Law on Protection of State Secrets 29/2018/QH14 Art. 8"},
	{"ลับที่สุด", "TH", "ระเบียบว่าด้วยการรักษาความลับของทางราชการ พ.ศ. 2544"},
	{"ลับมาก", "TH", "ระเบียบว่าด้วยการรักษาความลับของทางราชการ พ.ศ. 2544"},
	{"ลับ", "TH", "ระเบียบว่าด้วยการรักษาความลับของทางราชการ พ.ศ. 2544"},
	{"VS-NUR FÜR DEN DIENSTGEBRAUCH", "DE", "SÜG/VSA"},
	{"VS-NfD", "DE", "SÜG/VSA"},
	{"VS-VERTRAULICH", "DE", "SÜG/VSA"},
	{"GEHEIM", "DE", "SÜG/VSA"},
	{"STRENG GEHEIM", "DE", "SÜG/VSA"},
	{"OFFICIAL", "UK", "HM Government classification (2014)"},
	{"SECRET", "UK", "HM Government classification (2014)"},
	{"TOP SECRET", "UK", "HM Government classification (2014)"},
}

// normLabel folds case, spacing, dash variants and enclosing brackets, so 「機密」, " Geheim ",
// "VS – Vertraulich" compare equal to the grades. The Japanese and traditional forms of the PRC
// grades' characters fold to the simplified ones: a Chinese reader reads a Japanese label 機密
// as the state grade 机密, as 秘密 is read as 秘密.
func normLabel(s string) string {
	s = strings.TrimSpace(s)
	s = strings.Trim(s, "「」『』【】[]()（）\"'“”‘’ ")
	var b strings.Builder
	space := false
	for _, r := range s {
		switch {
		case r == '‐' || r == '‑' || r == '–' || r == '—' || r == '－':
			r = '-'
		case unicode.IsSpace(r):
			space = true
			continue
		case r == '機':
			r = '机'
		case r == '絶' || r == '絕':
			r = '绝'
		}
		if space && b.Len() > 0 {
			b.WriteRune(' ')
		}
		space = false
		b.WriteRune(r)
	}
	out := strings.ToUpper(b.String())
	out = strings.ReplaceAll(out, " - ", "-")
	out = strings.ReplaceAll(out, "- ", "-")
	out = strings.ReplaceAll(out, " -", "-")
	return out
}

// gradeOf returns the state-secret grade a label is, if any: the label equals a grade, is a
// German VS marking (VS-…), or carries the Chinese state-secret mark 「密级★保密期限」.
func gradeOf(label string) (stateGrade, bool) {
	n := normLabel(label)
	for _, g := range stateGrades {
		if n == normLabel(g.label) {
			return g, true
		}
	}
	if strings.HasPrefix(n, "VS-") || strings.HasPrefix(n, "VS ") {
		return stateGrade{label: "VS-…", where: "DE", source: "SÜG/VSA"}, true
	}
	// A CN grade inside a longer label (机密文件, 秘密资料) still reads as the state grade.
	for _, g := range stateGrades[:3] {
		if strings.Contains(n, g.label) {
			return g, true
		}
	}
	if strings.ContainsRune(n, '★') {
		for _, g := range stateGrades[:3] {
			if strings.HasPrefix(n, g.label) {
				return stateGrade{label: g.label + "★…", where: "CN", source: g.source}, true
			}
		}
	}
	return stateGrade{}, false
}

var common = []Rule{
	{
		// LR §9.9: never reuse state-secret grades. The source is named per grade. A grade is
		// refused where its state is involved: the profile's jurisdiction (or its law table) is
		// that state, or a document is drafted in its language, or the label is written in it.
		// Elsewhere the same word can be ordinary (秘密 in Japanese), so it is a warning naming
		// the state: the documents may still reach it (a group company there, a translation later).
		ID: "ALL-LABEL-001", Level: profile.Error,
		Hint: "use the commercial set: 極秘/秘/社外秘, 核心商密/普通商密/内部, Strictly Confidential/Confidential/Internal … (tsdraft init shows them)",
		Check: func(p *profile.Profile) []Finding {
			var out []Finding
			for i, l := range p.Confidential.Levels {
				path := fmt.Sprintf("confidential.levels.%d.label", i)
				if l.Label.ByLang == nil {
					if g, ok := gradeOf(l.Label.Plain); ok {
						out = append(out, labelFinding(p, path, "", l.Label.Plain, g))
					}
					continue
				}
				for _, lang := range profile.Languages {
					s, ok := l.Label.ByLang[lang]
					if !ok {
						continue
					}
					if g, ok := gradeOf(s); ok {
						out = append(out, labelFinding(p, path+"."+lang, lang, s, g))
					}
				}
			}
			return out
		},
	},
}

// gradeState is the state a grade belongs to: its name and language (vocab/jurisdictions).
func gradeState(where string) (name, lang string) {
	if j, ok := vocab.Active().Jurisdiction(where); ok {
		return j.Name, j.Local
	}
	return where, ""
}

// involves tells whether the profile's documents concern the grade's state: its jurisdiction
// or law table is that state, a document is drafted in the state's language, or the label is
// written in it (labelLang; "" for a label shared by every language).
func involves(p *profile.Profile, where, labelLang string) bool {
	if p.Jurisdiction == where {
		return true
	}
	if j, ok := vocab.Active().Jurisdiction(p.Jurisdiction); ok && j.Law == where {
		return true
	}
	if where == "DE" && p.Jurisdiction == "EU" && germanLaw(p) {
		return true
	}
	_, lang := gradeState(where)
	return lang != "" && (labelLang == lang || slices.Contains(p.Languages, lang))
}

func labelFinding(p *profile.Profile, path, labelLang, label string, g stateGrade) Finding {
	name, lang := gradeState(g.where)
	if involves(p, g.where, labelLang) {
		return Finding{Path: path, Message: fmt.Sprintf("classification label %q is the %s state-secret grade %s (%s); a company label must not reuse it",
			label, g.where, g.label, g.source)}
	}
	return Finding{Path: path, Level: profile.Warning,
		Message: fmt.Sprintf("classification label %q is the %s state-secret grade %s (%s); not refused, since this profile drafts nothing for %s (jurisdiction %s, no %s text), "+
			"but a document shared with a group company in %s or translated into %s later would carry a state-secret grade as a company label",
			label, g.where, g.label, g.source, name, p.Jurisdiction, lang, name, lang),
		Hint: "choose a label that is no state's grade now, before the documents travel: 極秘/秘/社外秘, 核心商密/普通商密/内部, Strictly Confidential/Confidential/Internal … (tsdraft init shows them)"}
}
