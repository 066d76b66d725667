// Package tplgen builds the shipped DOCX templates from their line sources
// (templates/src/<doc>.txt): one line a paragraph, a keyword saying its kind. Generating them
// keeps every shipped template consistent in styles, header, footer and page set-up, while the
// result is an ordinary DOCX a person can open and edit in Word or LibreOffice.
package tplgen
