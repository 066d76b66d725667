package vocab

// Text is a text by language code, as the data files write it: { ja = "…", en = "…" }.
type Text map[string]string

// Language is one language tsdraft writes, from locales/<code>/language.toml.
type Language struct {
	Code   string `toml:"code"`   // BCP 47 code as tsdraft spells it (ja, zh-CN); equals the folder name
	Name   string `toml:"name"`   // English name
	Native string `toml:"native"` // name in the language itself
	// Order places the language in lists and reports; languages of equal order sort by code.
	Order int `toml:"order"`
	// Master marks the language every other is translated from (exactly one).
	Master bool `toml:"master"`
	// Script is the writing system the text checks depend on: cjk, latin, thai, hangul, …
	Script string `toml:"script"`
	// Aliases are other spellings CAT tools write for the language (jpn, in, zh-Hans).
	Aliases []string `toml:"aliases"`
	// Collation is the BCP 47 tag whose collation sorts the language's texts.
	Collation string      `toml:"collation"`
	Word      WordLang    `toml:"word"`
	Fonts     Fonts       `toml:"fonts"`
	Dates     Dates       `toml:"dates"`
	Numbers   Numbers     `toml:"numbers"`
	Words     NumberWords `toml:"number_words"`
	// Levels are the default classification levels in this language, highest first (optional:
	// a language without them has no built-in level texts, and profiles name their own).
	Levels []LevelText `toml:"levels"`

	file string // where the language was read from, for messages
}

// WordLang holds the language tags Word writes on runs (w:lang): they drive spelling, line
// breaking and, for Han characters, the choice between Japanese and Chinese glyphs.
type WordLang struct {
	Lang     string `toml:"lang"`      // w:val
	EastAsia string `toml:"east_asia"` // w:eastAsia, for CJK and Hangul
	Bidi     string `toml:"bidi"`      // w:bidi: Word treats Thai (and RTL scripts) as complex script
}

// Fonts are the fonts per script slot of Word's w:rFonts; empty slots are not written.
type Fonts struct {
	ASCII    string `toml:"ascii"`
	HAnsi    string `toml:"h_ansi"`
	EastAsia string `toml:"east_asia"`
	CS       string `toml:"cs"`
	Hint     string `toml:"hint"` // eastAsia: ambiguous characters take the East Asian font
}

// Attrs returns the w:rFonts attributes in a fixed order (ascii, hAnsi, eastAsia, cs, hint).
func (f Fonts) Attrs() [][2]string {
	var out [][2]string
	for _, a := range [][2]string{{"w:ascii", f.ASCII}, {"w:hAnsi", f.HAnsi}, {"w:eastAsia", f.EastAsia}, {"w:cs", f.CS}, {"w:hint", f.Hint}} {
		if a[1] != "" {
			out = append(out, a)
		}
	}
	return out
}

// Dates are the date formats. A pattern holds {d} {dd} {m} {mm} {month} {y} {yyyy}: day,
// two-digit day, month, two-digit month, month name, year, four-digit year.
type Dates struct {
	Long   string   `toml:"long"`
	Short  string   `toml:"short"`
	Months []string `toml:"months"` // twelve names for {month}
	// YearOffset is added to the Gregorian year: 543 for the Thai Buddhist era.
	YearOffset int `toml:"year_offset"`
}

// Numbers are the number formats.
type Numbers struct {
	Group         string `toml:"group"`          // thousands separator
	Decimal       string `toml:"decimal"`        // decimal point
	ListSeparator string `toml:"list_separator"` // between values of a list printed as one text
}

// NumberWords are the words a translation may write instead of a number of the master; the
// translators' number check accepts them. Keep out words that are also ordinary words (vi
// "năm" is "five" and "year"; en "may"): each one hides a missing number.
type NumberWords struct {
	// Match is "words" (whole words between spaces) or "substrings" (scripts without spaces).
	Match string `toml:"match"`
	// Values[i] lists the words (space-separated) that stand for i+1.
	Values []string `toml:"values"`
	Half   string   `toml:"half"` // words for a half (they stand for both 1 and 2)
	// Not lists ordinary words that contain a number word as a substring (Thai ห้าม "forbid"
	// holds ห้า "five"): they are blanked out before substrings are looked for.
	Not []string `toml:"not"`
	// Months are the twelve month names, in order, for dates written out ("" leaves one out).
	Months []string `toml:"months"`
	// HanNumerals: the language writes numbers in Han numerals (两年, 二〇一六年).
	HanNumerals bool `toml:"han_numerals"`
}

// LevelText is one default classification level in one language.
type LevelText struct {
	Label    string `toml:"label"`
	Criteria string `toml:"criteria"`
	Handling string `toml:"handling"`
}

// Document is one document tsdraft drafts, from vocab/documents.toml.
type Document struct {
	ID          string `toml:"id"`
	TitleKey    string `toml:"title_key"` // locale key of its title
	Name        string `toml:"name"`
	Description string `toml:"description"`
	// Employee: the document is signed by or concerns one employee ([employee] applies).
	Employee bool `toml:"employee"`
	// Noncompete: the document states the non-compete terms when one is agreed.
	Noncompete bool `toml:"noncompete"`
	// Partner: the document is made with a business partner ([counterparty] applies).
	Partner bool `toml:"partner"`
	// Level is the classification the document carries by default: lowest (posted to all
	// staff), middle, or highest.
	Level string `toml:"level"`
}

// Levels a document can carry by default.
const (
	LevelLowest  = "lowest"
	LevelMiddle  = "middle"
	LevelHighest = "highest"
)

// Jurisdiction is one legal order, from vocab/jurisdictions/<code>.toml.
type Jurisdiction struct {
	Code  string `toml:"code"`
	Name  string `toml:"name"`
	Order int    `toml:"order"`
	// Law is the id of the jurisdiction's law rule table (internal/law).
	Law string `toml:"law"`
	// Local is the language of the country.
	Local string `toml:"local"`
	// LocalLabels: staff are trained on the local classification labels (核心商密, not 極秘), so
	// the header prints the local label and a Japanese text names it with its Japanese equivalent.
	LocalLabels bool `toml:"local_labels"`
	// Languages are the default `languages` of a profile (the drafting languages).
	Languages []string `toml:"languages"`
	// Required are the languages a <JUR>/ master text must be translated into: the languages
	// the jurisdiction's documents are built in.
	Required []string `toml:"required"`
	// TextLanguages are the languages the defaults and the sample profile are written in.
	TextLanguages []string `toml:"text_languages"`
	Defaults      Defaults `toml:"defaults"`
	Sample        Sample   `toml:"sample"`
}

// Defaults are the values a profile gets when it does not give them.
type Defaults struct {
	Currency     string `toml:"currency"`
	Witnesses    int    `toml:"witnesses"`
	Institution  Text   `toml:"institution"`
	Seat         Text   `toml:"seat"`
	GoverningLaw Text   `toml:"governing_law"`
	// Court is the B2B court a profile with dispute.method = "court" gets when it names none
	// (never the arbitral institution; review 2026-12 B). Empty: the profile must name one.
	Court          Text   `toml:"court"`
	EmployeeMethod string `toml:"employee_method"`
	EmployeeForum  Text   `toml:"employee_forum"`
}

// Party is a company in the sample data.
type Party struct {
	Name           Text   `toml:"name"`
	Address        Text   `toml:"address"`
	Representative Text   `toml:"representative"`
	Title          Text   `toml:"title"`
	Registration   string `toml:"registration_no"`
	Phone          string `toml:"phone"`
	Email          string `toml:"email"`
}

// Sample is a jurisdiction's part of the `init` sample profile: a fictional Japanese group's
// company in that country.
type Sample struct {
	Company            Party  `toml:"company"`
	Counterparty       Party  `toml:"counterparty"`
	EmployeeName       Text   `toml:"employee_name"`
	EmployeeAddress    Text   `toml:"employee_address"`
	EmployeeNationalID string `toml:"employee_national_id"`
	Territory          Text   `toml:"territory"`
	Place              Text   `toml:"place"`
	NoncompeteMonths   int    `toml:"noncompete_months"`
	NoncompetePercent  int    `toml:"noncompete_percent"` // 0: an unpaid covenant (UK), no compensation key written
	// GardenLeaveMonths and ConsiderationAmount fill the sample's [uk] table (UK only).
	GardenLeaveMonths   int `toml:"garden_leave_months"`
	ConsiderationAmount int `toml:"consideration_amount"`
	// Notes are extra comment lines of the sample, by profile section.
	Notes map[string][]string `toml:"notes"`
}

// SharedSample is the part of the sample profile every jurisdiction shares (vocab/sample.toml).
type SharedSample struct {
	Parent     Party            `toml:"parent"`
	Department Text             `toml:"department"`
	Position   Text             `toml:"position"`
	Purpose    Text             `toml:"purpose"`
	Scope      Text             `toml:"scope"`
	Roles      []Text           `toml:"roles"`
	Categories []SampleCategory `toml:"categories"`
	Items      []SampleItem     `toml:"items"`
	Access     []Text           `toml:"access"`
	Materials  []Text           `toml:"materials"`
}

// SampleCategory is a category of confidential information in the sample.
type SampleCategory struct {
	Name     Text   `toml:"name"`
	Examples Text   `toml:"examples"`
	Level    string `toml:"level"`
}

// SampleItem is a register entry in the sample.
type SampleItem struct {
	ID         string `toml:"id"`
	Name       Text   `toml:"name"`
	Category   int    `toml:"category"` // index into Categories
	Level      string `toml:"level"`
	Owner      Text   `toml:"owner"`
	Location   Text   `toml:"location"`
	Access     Text   `toml:"access"`
	Designated string `toml:"designated"`
	Review     string `toml:"review"`
}
