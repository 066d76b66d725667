package batch

import (
	"fmt"
	"strings"
)

// OptionError is a refusal whose remedy is one of the batch's Options. Its message names no
// flag: the command line words the remedy with its flags (cli), the web app with its form.
type OptionError struct {
	Option string // the Options field the remedy is about: OptEncoding, OptSheet, OptForce
	File   string // the file refused, as named in messages
}

// The options an OptionError can be about.
const (
	OptEncoding = "Encoding" // an encoding given for a workbook
	OptSheet    = "Sheet"    // a sheet named for a CSV file
	OptForce    = "Force"    // the output folder's manifest is not tsdraft's
)

func (e *OptionError) Error() string {
	switch e.Option {
	case OptEncoding:
		return fmt.Sprintf("an encoding is for CSV files; %s is a workbook", e.File)
	case OptSheet:
		return fmt.Sprintf("a sheet name is for .xlsx workbooks; %s is read as CSV", e.File)
	case OptForce:
		return fmt.Sprintf("%s exists and is not a tsdraft manifest; write elsewhere, or replace it", e.File)
	}
	return fmt.Sprintf("%s: option %s does not apply", e.File, e.Option)
}

// The options a message's advice can name (Options fields), besides those above.
const (
	OptUpdate   = "Update"   // redraft the rows that changed since their pledge was issued
	OptName     = "Name"     // the file-name pattern
	OptSet      = "Sets"     // values for every row
	OptLangs    = "Langs"    // the languages to draft in
	OptDocs     = "Docs"     // the shipped documents to draft
	OptTemplate = "Template" // the firm's own template
)

// plainOption is how a message names an option when the face gave no OptionName.
var plainOption = map[string]string{
	OptEncoding: "the encoding option", OptSheet: "the sheet option", OptForce: "the option to replace files",
	OptUpdate: "the option to update changed rows", OptName: "file-name pattern",
	OptDocs: "the documents option", OptTemplate: "a template of your own",
	OptSet: "a value given for every row", OptLangs: "the languages option",
}

// opt is how the face calling the batch names one of its options in advice (Options.OptionName:
// the CLI its flags, --force), else plain words: the batch names no flag.
func (o *Options) opt(name string) string {
	if o.OptionName != nil {
		if s := o.OptionName(name); s != "" {
			return s
		}
	}
	if s, ok := plainOption[name]; ok {
		return s
	}
	return "the " + name + " option"
}

// EncodingError is a CSV file whose encoding tsdraft will not guess or that the encoding given
// does not read. Its message says what to do without naming a flag; the CLI words the choice
// of encoding with its flag.
type EncodingError struct {
	At        string   // where: people.csv:2:5, or people.csv, row 2, column B
	Found     string   // what the bytes are, e.g. the file reads two ways, "…" as UTF-8 and "…" as Shift_JIS
	Encodings []string // the encodings that read it, to choose from; empty: any the reader knows
}

func (e *EncodingError) Error() string {
	return fmt.Sprintf("%s: %s; save the file as \"CSV UTF-8\", or say which encoding it is (%s)", e.At, e.Found, e.Choices())
}

// Choices is the encodings to choose from as a message lists them.
func (e *EncodingError) Choices() string {
	if len(e.Encodings) == 0 {
		return "cp932, cp1252, tis-620 …"
	}
	return strings.Join(e.Encodings, " or ")
}

// HiddenSheetsError is a workbook whose sheets are all hidden: the leavers' sheet must be
// unhidden or named.
type HiddenSheetsError struct {
	File   string
	Hidden []string
}

func (e *HiddenSheetsError) Error() string {
	return fmt.Sprintf("%s has no visible sheet (hidden: %s); unhide the sheet of leavers, or name it", e.File, strings.Join(e.Hidden, ", "))
}

// NameError is a file-name pattern (Options.Name) tsdraft cannot use.
type NameError struct {
	Pattern string
	Msg     string // what is wrong with it
}

func (e *NameError) Error() string {
	if e.Pattern == "" {
		return "the file-name pattern " + e.Msg // Msg: "is empty; …"
	}
	return fmt.Sprintf("the file-name pattern %q: %s", e.Pattern, e.Msg)
}
