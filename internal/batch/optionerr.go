package batch

import "fmt"

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
