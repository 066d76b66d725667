// Package tplgen builds the shipped DOCX templates from their line sources
// (templates/src/<doc>.txt, one line a paragraph, a keyword saying its kind) and a reference
// document (templates/reference/reference.docx) that holds the styles, numbering, header,
// footer and page set-up, edited in Word or LibreOffice. The result is an ordinary DOCX a
// person can open and edit.
package tplgen
