// Package docxtext extracts the text of a DOCX package for golden files and tests: one line a
// paragraph, table rows as "a | b", headers and footers labelled.
package docxtext
