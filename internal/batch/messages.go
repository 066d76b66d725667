package batch

import (
	"errors"
	"regexp"
	"strings"

	"github.com/tsdraft/tsdraft/internal/profile"
)

// Row messages as data. A Problem's Message is English, what the CLI writes; its Key and Args
// say the same thing to an interface in another language: the web app shows a sheet's bad
// rows to HR in the UI language, from the UI text row_<key> (locales/<lang>/ui.toml) with
// Args in the order each key's comment lists them. Args are plain: the cell's text as
// written, numbers, dates as YYYY-MM-DD, profile paths (employee.exit_date), document IDs.
// Rule codes are not among them: they stay in --verbose.
//
// A Problem without a Key has no wording of its own for an interface to use (a file that
// could not be written, a template that failed): an interface shows its Message as it is.
const (
	MsgTwoDigitYear   = "two_digit_year"   // value
	MsgAmbiguousDate  = "ambiguous_date"   // value
	MsgNotAMonth      = "not_a_month"      // value, the number that is not a month, the date it may mean (YYYY-MM-DD)
	MsgNotADate       = "not_a_date"       // value (dates here are year first)
	MsgNotADateDMY    = "not_a_date_dmy"   // value (dates here are day first)
	MsgNoSuchDay      = "no_such_day"      // value, year, month (1–12), day
	MsgNoSuchMonth    = "no_such_month"    // value, month
	MsgBuddhistYear   = "buddhist_year"    // value, Buddhist-era year, Gregorian year
	MsgYearRange      = "year_range"       // value, year, lowest year, highest year
	MsgExcelLeapDay   = "excel_leap_day"   // (none)
	MsgExcelEarly     = "excel_early"      // serial
	MsgNotWhole       = "not_whole"        // value
	MsgTooLarge       = "too_large"        // value
	MsgNotANumber     = "not_a_number"     // value
	MsgNotTrueFalse   = "not_true_false"   // value
	MsgNotPerRow      = "not_per_row"      // (none)
	MsgNoHeader       = "no_header"        // value
	MsgExampleRow     = "example_row"      // employee ID of the example row
	MsgRequired       = "required"         // path, document IDs (comma-separated)
	MsgExitBeforeHire = "exit_before_hire" // exit date, hire date
	MsgPledgeDate     = "pledge_date"      // pledge date, exit date
	MsgBlankInName    = "blank_in_name"    // path
	// The header row's problems that HR meets (the sheet is then refused as a whole).
	MsgNoNameColumn    = "no_name_column"    // (none)
	MsgUnknownPath     = "unknown_path"      // (none; the header is the Problem's)
	MsgUnknownPathHint = "unknown_path_hint" // the path it may mean
	// MsgCheck is a check of the profile on the row that has no wording of its own here: Args
	// is its English message.
	MsgCheck = "check" // English message
)

// MsgKeys lists every key, for the interfaces' tests (each must have a text for each).
var MsgKeys = []string{MsgTwoDigitYear, MsgAmbiguousDate, MsgNotAMonth, MsgNotADate, MsgNotADateDMY,
	MsgNoSuchDay, MsgNoSuchMonth, MsgBuddhistYear, MsgYearRange, MsgExcelLeapDay, MsgExcelEarly,
	MsgNotWhole, MsgTooLarge, MsgNotANumber, MsgNotTrueFalse, MsgNotPerRow, MsgNoHeader,
	MsgExampleRow, MsgRequired, MsgExitBeforeHire, MsgPledgeDate, MsgBlankInName, MsgNoNameColumn,
	MsgUnknownPath, MsgUnknownPathHint, MsgCheck}

// keyed is an error that carries its row message key.
type keyed interface {
	msgKey() (string, []string)
}

// withKey sets p's Key and Args from err when err carries them.
func withKey(p Problem, err error) Problem {
	var k keyed
	if errors.As(err, &k) {
		p.Key, p.Args = k.msgKey()
	}
	return p
}

// keyedError is an English message with its key.
type keyedError struct {
	msg  string
	key  string
	args []string
}

func (e *keyedError) Error() string              { return e.msg }
func (e *keyedError) msgKey() (string, []string) { return e.key, e.args }

// The profile's checks say what they found in English, under a rule code; the two a leavers
// sheet meets (a value required and left blank, an exit date before the hire date) and the
// pledge-date warning get their own keys, their arguments taken from the diagnostic.
// TestDiagnosticKeys keeps these patterns in step with the profile package's wording; any
// other check is MsgCheck with the English message.
var (
	exitBeforeHireRE = regexp.MustCompile(`^employee\.exit_date \((\d{4}-\d{2}-\d{2})\) is before employee\.hire_date \((\d{4}-\d{2}-\d{2})\)$`)
	pledgeDateRE     = regexp.MustCompile(`^the exit pledge is dated (\d{4}-\d{2}-\d{2}), before employee\.exit_date \((\d{4}-\d{2}-\d{2})\)`)
	requiredRE       = regexp.MustCompile(`^(\S+) is required for `)
)

// diagKeyArgs is the key and arguments of a profile diagnostic about a row.
func diagKeyArgs(d profile.Diagnostic) (string, []string) {
	switch d.Rule {
	case "PROFILE-REQUIRED":
		if m := requiredRE.FindStringSubmatch(d.Message); m != nil {
			return MsgRequired, []string{m[1], strings.Join(d.Docs, ",")}
		}
	case "PROFILE-DATE-ORDER":
		if m := exitBeforeHireRE.FindStringSubmatch(d.Message); m != nil {
			return MsgExitBeforeHire, m[1:]
		}
	case "PROFILE-DATE-PLEDGE":
		if m := pledgeDateRE.FindStringSubmatch(d.Message); m != nil {
			return MsgPledgeDate, m[1:]
		}
	}
	return MsgCheck, []string{d.Message}
}
