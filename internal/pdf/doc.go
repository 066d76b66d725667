// Package pdf converts DOCX files to PDF through LibreOffice, one process for many files.
package pdf
