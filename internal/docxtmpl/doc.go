// Package docxtmpl fills DOCX templates: {{ tags }} in the text of documents as Word and
// LibreOffice save them (split over runs, proofing marks, bookmarks), with blocks that repeat
// or remove inline content, whole paragraphs or table rows. It knows DOCX and values, not
// profiles: the caller supplies data, the language and the functions (such as `t`).
package docxtmpl
