package profile

import (
	"maps"
	"slices"
	"strings"
	"time"

	"github.com/tsdraft/tsdraft/internal/tplvalue"
	"github.com/tsdraft/tsdraft/internal/vocab"
)

// Text is a text field: one plain string for every language, or a text per language.
type Text struct {
	Plain  string
	ByLang map[string]string // nil for a plain text
}

// IsZero reports whether the text is absent or empty.
func (t Text) IsZero() bool {
	if len(t.ByLang) > 0 {
		for _, s := range t.ByLang {
			if strings.TrimSpace(s) != "" {
				return false
			}
		}
		return true
	}
	return strings.TrimSpace(t.Plain) == ""
}

// In returns the text for lang; a plain text serves every language.
func (t Text) In(lang string) (string, bool) {
	if t.ByLang == nil {
		return t.Plain, t.Plain != ""
	}
	s, ok := t.ByLang[lang]
	return s, ok
}

// Variants returns every string of the text (the plain string, or each language's).
func (t Text) Variants() []string {
	if t.ByLang == nil {
		if t.Plain == "" {
			return nil
		}
		return []string{t.Plain}
	}
	var out []string
	for _, l := range slices.Sorted(maps.Keys(t.ByLang)) {
		out = append(out, t.ByLang[l])
	}
	return out
}

// Value is the text as template data: a string, or a tplvalue.LangText.
func (t Text) Value() any {
	if t.ByLang == nil {
		return t.Plain
	}
	return tplvalue.LangText(maps.Clone(t.ByLang))
}

// String is for logs and messages: the plain text, or the first language's in tsdraft's order.
func (t Text) String() string {
	if t.ByLang == nil {
		return t.Plain
	}
	for _, l := range vocab.Active().LanguageCodes() {
		if s, ok := t.ByLang[l]; ok {
			return s
		}
	}
	return ""
}

// Party is a company: the subsidiary, the parent or the counterparty.
type Party struct {
	Name, Address, Representative, RepresentativeTitle Text
	RegistrationNo, Phone, Email                       string
}

// Counterparty is the other party of a partner NDA.
type Counterparty struct {
	Party
	Kind          string
	Mutual        bool
	Purpose       Text
	TermYears     int
	SurvivalYears int
}

// Employee is the person an employee document concerns.
type Employee struct {
	Name               Text
	ID                 string
	Department         Text
	Position           Text
	NationalID         string
	Address            Text
	HireDate, ExitDate time.Time // zero when not given
	Access, Materials  []Text
}

// Level is one classification level.
type Level struct {
	ID                        string
	Label, Criteria, Handling Text
}

// Category is a category of confidential information.
type Category struct {
	Name, Examples Text
	Level          string
}

// Item is one row of the register of confidential information.
type Item struct {
	ID                                 string
	Name, Category                     Text
	Level                              string
	Owner, Custodian, Location, Access Text
	Designated, Review                 time.Time
	Period, DisclosedTo, Notes         Text
	Status                             string
}

// Confidential holds levels, categories and the register.
type Confidential struct {
	DocumentLevel string
	Levels        []Level
	Categories    []Category
	Items         []Item
}

// Level returns the level with id, if any.
func (c Confidential) Level(id string) (Level, bool) {
	for _, l := range c.Levels {
		if l.ID == id {
			return l, true
		}
	}
	return Level{}, false
}

// Noncompete is the post-employment non-compete.
type Noncompete struct {
	Enabled             bool
	Months              int
	CompensationPercent *float64 // nil when not given
	CompensationAmount  *float64 // nil when not given
	Currency            string
	Territory, Scope    Text
	Roles               []Text
}

// Compensated reports whether any compensation above zero is promised.
func (n Noncompete) Compensated() bool {
	return n.CompensationPercent != nil && *n.CompensationPercent > 0 ||
		n.CompensationAmount != nil && *n.CompensationAmount > 0
}

// UKTerms is [uk]: garden leave and fresh consideration, drafted in UK employee documents only.
type UKTerms struct {
	GardenLeaveMonths   int
	ConsiderationAmount *float64 // nil when not given
}

// Remedies are the contractual remedies for an employee's breach beyond damages and injunction.
type Remedies struct {
	Penalty       bool    // a contractual penalty (liquidated damages) is stipulated
	PenaltyMonths float64 // its amount, in months of the gross monthly base salary
}

// EmployeeForum is the forum for employee documents.
type EmployeeForum struct {
	Method string // court | labour-arbitration | arbitration
	Forum  Text
}

// Dispute is dispute resolution: B2B at the top, employees in Employee.
type Dispute struct {
	Method                          string // court | arbitration
	Institution, Seat, GoverningLaw Text
	Employee                        EmployeeForum
}

// Signatory is one person who signs.
type Signatory struct {
	Party       string
	Name, Title Text
}

// Signing is execution: place, witnesses, signatories.
type Signing struct {
	Place       Text
	Witnesses   int
	Signatories []Signatory
}

// Profile is a decoded, defaulted profile. Fields hold valid values only: a value that failed
// validation is left at its zero value (the diagnostics say why).
type Profile struct {
	File         string
	Jurisdiction string
	Languages    []string
	Prevailing   string
	Date         time.Time // UTC midnight; zero when not given
	Layout       string
	Company      Party
	Parent       Party
	HasParent    bool
	Counterparty Counterparty
	Employee     Employee
	Confidential Confidential
	Noncompete   Noncompete
	UK           UKTerms // [uk]
	Remedies     Remedies
	Dispute      Dispute
	Signing      Signing
	Documents    map[string]DocSettings // [documents.<doc>]; see documents.go
	Accepted     []string               // counsel.accepted: rule IDs counsel accepts
	Vars         map[string]any

	doc     map[string]any  // as written, then defaults filled; invalid values removed
	pos     *posIndex       // where keys are
	written map[string]bool // key paths given in the file or by --set
	invalid map[string]bool // key paths whose value was reported as invalid and dropped
}

// Invalid reports whether path, a key above it or a key below it was reported as invalid (and
// dropped); checks that would only repeat that problem skip such paths.
func (p *Profile) Invalid(path string) bool {
	for k := range p.invalid {
		if k == path || strings.HasPrefix(path, k+".") || strings.HasPrefix(k, path+".") {
			return true
		}
	}
	return false
}

func splitPath(path string) []string {
	if path == "" {
		return nil
	}
	return strings.Split(path, ".")
}

// Has reports whether path (dotted, array indices as numbers: "confidential.levels.0.label")
// has a value, written or by default.
func (p *Profile) Has(path string) bool {
	_, ok := get(p.doc, splitPath(path)...)
	return ok
}

// Written reports whether path was given in the profile file or by --set (not a default).
func (p *Profile) Written(path string) bool { return p.written[path] }

// Pos is where path's key is written, or its nearest written ancestor, or the top of the file.
func (p *Profile) Pos(path string) Pos { return p.pos.at(splitPath(path), false) }

// ValuePos is where path's value is written (or as Pos when the value is not written).
func (p *Profile) ValuePos(path string) Pos { return p.pos.at(splitPath(path), true) }

// Diag makes a diagnostic placed at path's value (its key when the value is not written).
func (p *Profile) Diag(level Severity, rule, path, message, hint string, docs ...string) Diagnostic {
	at := p.ValuePos(path)
	return Diagnostic{File: at.File, Line: at.Line, Col: at.Col, Level: level, Rule: rule,
		Message: message, Hint: hint, Docs: docs}
}

// Texts returns every text in the profile with its path (dotted), in a stable order; used by
// checks that look at all texts (for example state-secret labels).
func (p *Profile) Texts() []PathText {
	var out []PathText
	collectTexts(Schema, p.doc, nil, &out)
	return out
}

// PathText is a text and where it is in the profile.
type PathText struct {
	Path string
	Text Text
}

func collectTexts(f *Field, v any, path []string, out *[]PathText) {
	switch f.Kind {
	case KindText:
		if t, ok := toText(v); ok {
			*out = append(*out, PathText{Path: pathKey(path), Text: t})
		}
	case KindTexts:
		arr, _ := v.([]any)
		for i, e := range arr {
			collectTexts(textField, e, append(slices.Clone(path), itoa(i)), out)
		}
	case KindTable:
		m, _ := v.(map[string]any)
		for _, c := range f.Fields {
			if cv, ok := m[c.Name]; ok {
				collectTexts(c, cv, append(slices.Clone(path), c.Name), out)
			}
		}
	case KindTables:
		arr, _ := v.([]any)
		for i, e := range arr {
			collectTexts(&Field{Kind: KindTable, Fields: f.Fields}, e, append(slices.Clone(path), itoa(i)), out)
		}
	}
}

func toText(v any) (Text, bool) {
	switch x := v.(type) {
	case string:
		return Text{Plain: x}, true
	case map[string]any:
		t := Text{ByLang: map[string]string{}}
		for k, e := range x {
			if s, ok := e.(string); ok && IsLanguage(k) {
				t.ByLang[k] = s
			}
		}
		return t, true
	}
	return Text{}, false
}
