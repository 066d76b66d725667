// Package diag is the one type for a problem a person must fix in what they wrote: a profile
// value, a locale text, a template tag, a spreadsheet cell. A Diagnostic says where (file, line
// and column; template part, paragraph and tag; sheet row, column letter and header), how
// serious it is, and what is wrong and what to do, and prints itself in the form editors, CI
// annotations and HR read. It imports nothing of tsdraft, so every package can use it.
package diag
