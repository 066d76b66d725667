package profile

import (
	"fmt"
	"strings"
	"time"
	"unicode"

	"github.com/tsdraft/tsdraft/internal/vocab"
)

// Per-document settings, [documents.<doc>]: each document has its own date and its own
// classification level (review 2026-12 A.4, A.6). Without them, the defaults below apply.

// documentsField is the [documents] table of the schema: one table per document ID.
var documentsField = &Field{Name: "documents", Kind: KindTable,
	Desc:   "Optional: settings of one document, e.g. [documents.exit-pledge] date = 2026-04-30.",
	Fields: documentFields()}

func documentFields() []*Field {
	out := make([]*Field, 0, len(Documents))
	for _, d := range Documents {
		out = append(out, &Field{Name: d, Kind: KindTable, Desc: "Settings of the " + d + " document.", Fields: []*Field{
			{Name: "date", Kind: KindDate, Desc: "Date printed on this document, instead of the default (" + dateDefaultDesc(d) + ")."},
			{Name: "level", Kind: KindString, Desc: "Level id printed in this document's header, instead of the default (" + levelDefaultDesc(d) + ")."},
			{Name: "id", Kind: KindString, Desc: "The company's own document or control number, printed in this document's footer (e.g. HR-F-012). Without it the footer prints no number."},
		}})
	}
	return out
}

func dateDefaultDesc(doc string) string {
	switch doc {
	case "nda-employee":
		return "employee.hire_date, else date"
	case "exit-pledge":
		return "employee.exit_date, or date when that is later"
	}
	return "date"
}

func levelDefaultDesc(doc string) string {
	switch doc {
	case "secret-register":
		return "the highest level"
	case "regulations", "classification-guide":
		return "the lowest level, so that it can be made known to all staff"
	}
	return "confidential.document_level"
}

// DocSettings are the settings of one document; zero values mean "the default".
type DocSettings struct {
	Date   time.Time
	Level  string
	Number string // id: the company's document or control number (footer); "" prints none
}

// maxDocNumber bounds a document number, in columns (a CJK character takes two): it has the
// footer's left quarter (about 4 cm on A4 portrait at 8 pt) and must stay on one line there.
const maxDocNumber = 20

// columns is the width of a text in columns: East Asian wide characters count two.
func columns(s string) int {
	n := 0
	for _, r := range s {
		n++
		if unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul) || r >= 0x3000 && r <= 0x303F || r >= 0xFF01 && r <= 0xFF60 {
			n++
		}
	}
	return n
}

func (p *Profile) fillDocuments(m map[string]any) {
	p.Documents = map[string]DocSettings{}
	for k, v := range m {
		t, _ := v.(map[string]any)
		p.Documents[k] = DocSettings{Date: date(t["date"]), Level: str(t, "level"), Number: str(t, "id")}
	}
}

// DocumentDate is the date a document is dated: its own date if given; else the entry pledge
// at the hire date (a pledge "on joining" dated years later reads as past consideration), the
// exit pledge on the exit date or the profile date if later (it confirms in the past tense that
// materials were returned), and every other document at the profile date. Zero values are
// "not given".
func DocumentDate(doc string, profileDate, hire, exit, own time.Time) time.Time {
	if !own.IsZero() {
		return own
	}
	switch doc {
	case "nda-employee":
		if !hire.IsZero() {
			return hire
		}
	case "exit-pledge":
		if !exit.IsZero() && exit.After(profileDate) {
			return exit
		}
	}
	return profileDate
}

// DocDate is DocumentDate for this profile.
func (p *Profile) DocDate(doc string) time.Time {
	return DocumentDate(doc, p.Date, p.Employee.HireDate, p.Employee.ExitDate, p.Documents[doc].Date)
}

// DocLevel is the id of the level printed in a document's header: its own level if given; else
// its type's default (vocab/documents.toml): the register at the highest level (it lists every
// secret), the regulations and the classification guide at the lowest (they must be made known to all staff: LPA s.108 posting in
// TH, UU 13/2003 Art. 114 in ID), and every other document at confidential.document_level.
func (p *Profile) DocLevel(doc string) string {
	if l := p.Documents[doc].Level; l != "" {
		return l
	}
	levels := p.Confidential.Levels
	if len(levels) == 0 {
		return p.Confidential.DocumentLevel
	}
	// The default level of each document type is vocabulary data (vocab/documents.toml).
	if d, ok := vocab.Active().Document(doc); ok {
		switch d.Level {
		case vocab.LevelHighest:
			return levels[0].ID
		case vocab.LevelLowest:
			return levels[len(levels)-1].ID
		}
	}
	if p.Confidential.DocumentLevel == "" {
		return levels[0].ID
	}
	return p.Confidential.DocumentLevel
}

// documentChecks checks [documents]: levels that exist, and pledges not dated before what they
// attest.
func (d *decoder) documentChecks(p *Profile, checkRef func(id string, path []string)) {
	for _, doc := range Documents {
		s, ok := p.Documents[doc]
		if !ok {
			continue
		}
		if s.Level != "" && len(p.Confidential.Levels) > 0 {
			checkRef(s.Level, []string{"documents", doc, "level"})
		}
		d.documentNumber(doc, s.Number)
	}
	exit := p.Employee.ExitDate
	if got := p.DocDate("exit-pledge"); !exit.IsZero() && !got.IsZero() && got.Before(exit) {
		d.add(Warning, "PROFILE-DATE-PLEDGE", []string{"documents", "exit-pledge", "date"}, true,
			fmt.Sprintf("the exit pledge is dated %s, before employee.exit_date (%s): it confirms that materials have been returned and access ended before that has happened",
				got.Format("2006-01-02"), exit.Format("2006-01-02")),
			"date the exit pledge on or after the last day of employment (leave documents.exit-pledge.date out to use employee.exit_date)",
			"exit-pledge")
	}
	hire := p.Employee.HireDate
	if got := p.DocDate("nda-employee"); !hire.IsZero() && !got.IsZero() && got.After(hire.AddDate(0, 1, 0)) {
		d.add(Warning, "PROFILE-DATE-PLEDGE", []string{"documents", "nda-employee", "date"}, true,
			fmt.Sprintf("the entry pledge is dated %s, more than a month after employee.hire_date (%s): a pledge \"on joining\" signed later needs its own consideration",
				got.Format("2006-01-02"), hire.Format("2006-01-02")),
			"date the entry pledge at hiring (leave documents.nda-employee.date out to use employee.hire_date), or draft a pledge given during employment",
			"nda-employee")
	}
}

// documentNumber checks a footer number: one short line (a line break or a long text would
// push the copy notice and page numbers out of the footer line). A blank number is PROFILE-EMPTY, like every written-but-empty text.
func (d *decoder) documentNumber(doc, n string) {
	path := []string{"documents", doc, "id"}
	switch {
	case strings.ContainsAny(n, "\r\n\t"):
		d.add(Error, "PROFILE-DOC-NUMBER", path, true,
			fmt.Sprintf("documents.%s.id holds a line break or tab; the number is printed on one footer line", doc),
			"write the number on one line, e.g. id = \"HR-F-012\"", doc)
	case columns(n) > maxDocNumber:
		d.add(Error, "PROFILE-DOC-NUMBER", path, true,
			fmt.Sprintf("documents.%s.id is too long for the footer line: %d columns, at most %d (a CJK character takes two)", doc, columns(n), maxDocNumber),
			"use the short document or control number (e.g. HR-F-012), not a title", doc)
	}
}

// counselField is [counsel]: rule IDs counsel has reviewed and accepts. A rule that allows it
// (a threshold of case law, not a statute) then reports a warning instead of an error; the
// acceptance is on the record in the profile, not in a flag someone forgot.
var counselField = &Field{Name: "counsel", Kind: KindTable,
	Desc: "Optional: what counsel has reviewed and accepts.",
	Fields: []*Field{
		{Name: "accepted", Kind: KindStrings, Desc: `Rule IDs counsel accepts for this client (e.g. ["TH-NC-003"]); only rules that say "unless counsel accepts it" can be accepted.`},
	}}
