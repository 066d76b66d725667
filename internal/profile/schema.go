package profile

import "github.com/tsdraft/tsdraft/internal/vocab"

// Kind is the shape a profile value must have.
type Kind int

const (
	KindString Kind = iota // a code or identifier, the same in every language
	KindText               // a text: a plain string, or a table by language { ja = "…", en = "…" }
	KindBool
	KindInt
	KindNumber // integer or float
	KindDate   // a TOML local date (2026-04-01)
	KindStrings
	KindTexts  // array of texts
	KindTable  // a table with known keys
	KindTables // an array of tables with known keys
	KindAny    // free-form ([vars])
)

// Field describes one key of the profile. The tree of Fields is the single source for decoding,
// validation and the JSON Schema, so the three cannot drift apart.
type Field struct {
	Name string
	Kind Kind
	Desc string
	Enum []string
	// Known accepts values beyond Enum, for a list that can grow at run time (the languages:
	// a user's language files add to them). Enum stays the built-in list for messages.
	Known    func(string) bool
	Pattern  string // regular expression (JSON Schema dialect, also valid RE2), for KindString
	Min, Max *float64
	MinItems int
	MaxItems int // 0 = unbounded
	Fields   []*Field
}

// Child returns the field named name inside a table field, or nil.
func (f *Field) Child(name string) *Field {
	for _, c := range f.Fields {
		if c.Name == name {
			return c
		}
	}
	return nil
}

func (f *Field) names() []string {
	out := make([]string, 0, len(f.Fields))
	for _, c := range f.Fields {
		out = append(out, c.Name)
	}
	return out
}

// The lists below are the built-in vocabulary (internal/vocab); a user's language files may add
// languages, which IsLanguage and the language fields of Schema accept.

// Jurisdictions are the codes tsdraft knows, in the order it lists them.
var Jurisdictions = vocab.Builtin().JurisdictionCodes()

// Languages are the language codes tsdraft renders.
var Languages = vocab.Builtin().LanguageCodes()

// Documents are the document IDs tsdraft builds, in their canonical order.
var Documents = vocab.Builtin().DocumentIDs()

// EmployeeDocs are the documents an employee signs or that concern one employee.
var EmployeeDocs = vocab.Builtin().DocumentsWhere(func(d *vocab.Document) bool { return d.Employee })

// IsDocument reports whether id is a known document ID.
func IsDocument(id string) bool { return vocab.Active().IsDocument(id) }

// IsLanguage reports whether code is a language tsdraft renders.
func IsLanguage(code string) bool { return vocab.Active().IsLanguage(code) }

// IsJurisdiction reports whether code is a known jurisdiction.
func IsJurisdiction(code string) bool { return vocab.Active().IsJurisdiction(code) }

func num(f float64) *float64 { return &f }

func partyFields(who string) []*Field {
	return []*Field{
		{Name: "name", Kind: KindText, Desc: "Registered name of " + who + "."},
		{Name: "address", Kind: KindText, Desc: "Registered address of " + who + "."},
		{Name: "representative", Kind: KindText, Desc: "Name of the person who represents " + who + "."},
		{Name: "representative_title", Kind: KindText, Desc: "Title of the representative (法定代表人, 代表取締役, Managing Director …)."},
		{Name: "registration_no", Kind: KindString, Desc: "Company registration number (法人番号, 统一社会信用代码, HRB …)."},
		{Name: "phone", Kind: KindString, Desc: "Telephone number (optional)."},
		{Name: "email", Kind: KindString, Desc: "E-mail address (optional)."},
	}
}

// Schema is the profile's key tree. Key names are the contract of docs/design.md.
var Schema = &Field{Kind: KindTable, Desc: "A tsdraft client profile: one file describes one client; every document is drafted from it.", Fields: []*Field{
	{Name: "jurisdiction", Kind: KindString, Enum: Jurisdictions, Desc: "Legal order the documents are drafted for."},
	{Name: "languages", Kind: KindStrings, Enum: Languages, Known: IsLanguage, MinItems: 1, MaxItems: 2, Desc: "One or two languages; two make bilingual documents. Default: the local language and Japanese (JP: ja, en; UK/EU: en, ja)."},
	{Name: "prevailing", Kind: KindString, Enum: Languages, Known: IsLanguage, Desc: "The language that governs when the two texts differ; one of languages. Default: the first language."},
	{Name: "date", Kind: KindDate, Desc: "Date of the documents (TOML local date, e.g. 2026-04-01)."},
	{Name: "layout", Kind: KindString, Enum: []string{"interleave", "columns", "separate"}, Desc: "How two languages are laid out: paragraph by paragraph, side by side, or as two documents. Default: interleave."},
	{Name: "company", Kind: KindTable, Desc: "The company the documents protect (the subsidiary abroad, or the Japanese company for JP).", Fields: append(partyFields("the company"),
		// The regulations' co-determination wording depends on it (BetrVG § 87(1) Nr. 1 and 6):
		// left out, they keep the conditional "where a works council exists" wording.
		&Field{Name: "works_council", Kind: KindBool, Desc: "DE, EU: true where a works council (Betriebsrat) represents the company's staff; the regulations then introduce the co-determined rules (BetrVG § 87 (1) Nr. 1 and 6) by works agreement (Betriebsvereinbarung). Leave it out where none exists or it is not known: the text then says what applies if one exists."},
	)},
	{Name: "parent", Kind: KindTable, Desc: "Optional: the head office in Japan.", Fields: partyFields("the parent company")},
	{Name: "counterparty", Kind: KindTable, Desc: "The other party of a partner NDA (nda-partner only).", Fields: append(partyFields("the counterparty"),
		&Field{Name: "kind", Kind: KindString, Enum: []string{"customer", "supplier", "agent", "contractor", "joint-venture"}, Desc: "What the counterparty is to the company."},
		&Field{Name: "mutual", Kind: KindBool, Desc: "true: both parties disclose; false: only the company discloses. Default: false."},
		&Field{Name: "purpose", Kind: KindText, Desc: "The purpose for which information is disclosed, stated narrowly."},
		&Field{Name: "term_years", Kind: KindInt, Min: num(1), Max: num(99), Desc: "How long the NDA runs, in years. Default: 3."},
		&Field{Name: "survival_years", Kind: KindInt, Min: num(0), Max: num(99), Desc: "How long confidentiality survives the NDA's end, in years. Default: 5."},
	)},
	{Name: "employee", Kind: KindTable, Desc: "The employee (nda-employee, labour-clause, noncompete, exit-pledge).", Fields: []*Field{
		{Name: "name", Kind: KindText, Desc: "Full name."},
		{Name: "id", Kind: KindString, Desc: "Staff number."},
		{Name: "department", Kind: KindText, Desc: "Department."},
		{Name: "position", Kind: KindText, Desc: "Position or job title."},
		{Name: "national_id", Kind: KindString, Desc: "Optional: national ID card number (CN 身份证号, TH/VN/ID ID card no.)."},
		{Name: "address", Kind: KindText, Desc: "Optional: home address."},
		{Name: "hire_date", Kind: KindDate, Desc: "Date of hiring."},
		{Name: "exit_date", Kind: KindDate, Desc: "Last day of employment (exit-pledge)."},
		{Name: "access", Kind: KindTexts, Desc: "Confidential items the person handled (by category or register name, never the secret itself)."},
		{Name: "materials", Kind: KindTexts, Desc: "Materials that must be or were returned (devices, documents, media, cards)."},
	}},
	{Name: "confidential", Kind: KindTable, Desc: "Classification levels, categories of confidential information and the register.", Fields: []*Field{
		{Name: "document_level", Kind: KindString, Desc: "Level id printed in the header of the NDAs, pledges, labour clauses and non-compete (regulations and guide: the lowest level; register: the highest; [documents.<doc>] level overrides). Default: L2."},
		{Name: "levels", Kind: KindTables, Desc: "Classification levels. Default: the jurisdiction's commercial three-level set (never a state-secret grade).", Fields: []*Field{
			{Name: "id", Kind: KindString, Desc: "Level id, e.g. L1."},
			{Name: "label", Kind: KindText, Desc: "The label marked on materials (極秘, 核心商密, Strictly Confidential …)."},
			{Name: "criteria", Kind: KindText, Desc: "What belongs at this level."},
			{Name: "handling", Kind: KindText, Desc: "Handling rules: print, copy, mail, cloud, storage, disposal."},
		}},
		{Name: "categories", Kind: KindTables, Desc: "Categories of confidential information named in the definition clauses.", Fields: []*Field{
			{Name: "name", Kind: KindText, Desc: "Category name."},
			{Name: "examples", Kind: KindText, Desc: "Typical examples."},
			{Name: "level", Kind: KindString, Desc: "Usual level id of the category."},
		}},
		{Name: "items", Kind: KindTables, Desc: "The register of confidential information (metadata only, never the secret itself).", Fields: []*Field{
			{Name: "id", Kind: KindString, Desc: "Register number, e.g. TS-001."},
			{Name: "name", Kind: KindText, Desc: "Non-revealing name of the item."},
			{Name: "category", Kind: KindText, Desc: "Category name (one of confidential.categories)."},
			{Name: "level", Kind: KindString, Desc: "Level id."},
			{Name: "owner", Kind: KindText, Desc: "Owning department or manager."},
			{Name: "custodian", Kind: KindText, Desc: "Optional: who keeps it day to day."},
			{Name: "location", Kind: KindText, Desc: "Where and in what form it is kept (system, cabinet, sample store)."},
			{Name: "access", Kind: KindText, Desc: "Who may access it (roles or names)."},
			{Name: "designated", Kind: KindDate, Desc: "Date it was designated."},
			{Name: "period", Kind: KindText, Desc: "Optional: secrecy period."},
			{Name: "review", Kind: KindDate, Desc: "Next review date."},
			{Name: "disclosed_to", Kind: KindText, Desc: "Optional: partners it was disclosed to, with NDA reference."},
			{Name: "status", Kind: KindString, Enum: []string{"active", "declassified", "destroyed"}, Desc: "Optional: status of the item."},
			{Name: "notes", Kind: KindText, Desc: "Optional: notes."},
		}},
	}},
	{Name: "noncompete", Kind: KindTable, Desc: "Post-employment non-compete (noncompete; summarised in labour-clause and exit-pledge).", Fields: []*Field{
		{Name: "enabled", Kind: KindBool, Desc: "Whether a post-employment non-compete is agreed. Default: false."},
		{Name: "months", Kind: KindInt, Min: num(0), Max: num(120), Desc: "Length of the restraint after employment ends, in months."},
		{Name: "compensation_percent", Kind: KindNumber, Min: num(0), Max: num(100), Desc: "Monthly compensation as a percentage of the average monthly wage over the last 12 months."},
		{Name: "compensation_amount", Kind: KindNumber, Min: num(0), Desc: "Optional: monthly compensation as a fixed amount."},
		{Name: "currency", Kind: KindString, Pattern: "^[A-Z]{3}$", Desc: "ISO 4217 currency of compensation_amount. Default: the local currency."},
		{Name: "territory", Kind: KindText, Desc: "Where the restraint applies, tied to where the company trades."},
		{Name: "scope", Kind: KindText, Desc: "The restricted activity: named competitor types or products, not 'any competitor'."},
		{Name: "roles", Kind: KindTexts, Desc: "Roles the non-compete is limited to (senior management, senior technical staff …)."},
	}},
	// [uk]: terms only English employment documents use (garden leave, fresh consideration); a
	// non-UK profile that sets them is refused (law rule ALL-UK-001), never silently ignored.
	{Name: "uk", Kind: KindTable, Desc: "Optional, UK (England and Wales) only: garden leave and fresh consideration in the employee documents.", Fields: []*Field{
		{Name: "garden_leave_months", Kind: KindInt, Min: num(0), Max: num(12), Desc: "Longest part of the notice period, in months, for which the Company may place the employee on garden leave; adds an express garden-leave clause to the labour clauses and the Restrictive Covenants Agreement. The Restricted Period is reduced by any garden leave. 0 or absent: no garden-leave clause."},
		{Name: "consideration_amount", Kind: KindNumber, Min: num(0), Desc: "Sum in GBP the Company pays for terms the employee agrees after joining (entry undertaking, labour clauses or Restrictive Covenants Agreement dated more than a month after employee.hire_date): fresh consideration. Absent: the documents state employment as the consideration."},
	}},
	{Name: "remedies", Kind: KindTable, Desc: "Remedies for an employee's breach beyond discipline, damages and injunction (nda-employee, labour-clause, noncompete, exit-pledge).", Fields: []*Field{
		{Name: "penalty", Kind: KindBool, Desc: "Whether the employee documents stipulate a contractual penalty (liquidated damages: Vertragsstrafe, เบี้ยปรับ, phạt vi phạm, denda) for unauthorised disclosure or use and, where a non-compete is agreed, for its breach. Refused where the law forbids it (JP: 労働基準法第16条; CN: only the non-compete's 违约金, which the CN texts carry anyway) or where tsdraft has no such text (UK, EU). Default: false."},
		{Name: "penalty_months", Kind: KindNumber, Min: num(0), Max: num(24), Desc: "The penalty for each breach, in months of the employee's gross monthly base salary (DE: at most about one). Default: 1."},
	}},
	{Name: "dispute", Kind: KindTable, Desc: "Dispute resolution. The top-level keys serve partner documents (B2B); [dispute.employee] serves employee documents.", Fields: []*Field{
		{Name: "method", Kind: KindString, Enum: []string{"court", "arbitration"}, Desc: "court or arbitration. Default: arbitration."},
		{Name: "institution", Kind: KindText, Desc: "Arbitration institution or court. Default: the jurisdiction's usual institution (JCAA, CIETAC, TAI, VIAC, BANI, DIS, LCIA)."},
		{Name: "seat", Kind: KindText, Desc: "Seat of arbitration or place of the court."},
		{Name: "governing_law", Kind: KindText, Desc: "Governing law, e.g. 中华人民共和国法律."},
		{Name: "employee", Kind: KindTable, Desc: "Forum for employee documents; default per jurisdiction.", Fields: []*Field{
			{Name: "method", Kind: KindString, Enum: []string{"court", "labour-arbitration", "arbitration"}, Desc: "court, labour-arbitration or arbitration (arbitration is void in JP: 仲裁法附則第4条)."},
			{Name: "forum", Kind: KindText, Desc: "The court or labour arbitration committee, e.g. 本店所在地を管轄する地方裁判所."},
		}},
	}},
	{Name: "signing", Kind: KindTable, Desc: "Execution: place, witnesses and signatories.", Fields: []*Field{
		{Name: "place", Kind: KindText, Desc: "Place of signing."},
		{Name: "witnesses", Kind: KindInt, Min: num(0), Max: num(10), Desc: "Number of witness lines (TH: 2 customary). Default: 0 (TH: 2)."},
		{Name: "signatories", Kind: KindTables, Desc: "Who signs for each party.", Fields: []*Field{
			{Name: "party", Kind: KindString, Enum: []string{"company", "employee", "counterparty", "parent"}, Desc: "Which party the person signs for."},
			{Name: "name", Kind: KindText, Desc: "Name of the signatory."},
			{Name: "title", Kind: KindText, Desc: "Title of the signatory."},
		}},
	}},
	documentsField, // documents.go
	counselField,   // documents.go
	{Name: "vars", Kind: KindAny, Desc: "Free-form values for your own templates (as {{ vars.NAME }})."},
}}

// FieldAt returns the schema field for a key path (array indices are numeric segments), or nil.
// Inside a text, a language code selects the text itself; inside [vars] everything is KindAny.
func FieldAt(path []string) *Field {
	f := Schema
	for i := 0; i < len(path); i++ {
		seg := path[i]
		switch f.Kind {
		case KindTable:
			f = f.Child(seg)
			if f == nil {
				return nil
			}
		case KindTables, KindTexts, KindStrings:
			if !isIndex(seg) {
				return nil
			}
			switch f.Kind {
			case KindTables:
				f = &Field{Kind: KindTable, Fields: f.Fields}
			case KindTexts:
				f = textField
			default:
				f = &Field{Kind: KindString, Enum: f.Enum, Known: f.Known}
			}
		case KindText:
			if !IsLanguage(seg) {
				return nil
			}
			f = langField
		case KindAny:
			return f
		default:
			return nil
		}
	}
	return f
}

var (
	textField = &Field{Kind: KindText}
	// langField is one language's string inside a text.
	langField = &Field{Kind: KindString}
)

func isIndex(s string) bool {
	if s == "" || len(s) > 6 {
		return false
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}
