// Command tplgen regenerates templates/<doc>.docx from templates/src/<doc>.txt and the
// reference document templates/reference/reference.docx (or the one given with -reference).
// Run from the repository root: go run ./tools/tplgen
package main
