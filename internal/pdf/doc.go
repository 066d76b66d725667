// Package pdf converts DOCX files to PDF through LibreOffice, one process for many files (in
// runs of at most MaxFilesPerProcess), keeping Word comments as PDF comments.
package pdf
