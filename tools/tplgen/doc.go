// Command tplgen regenerates templates/<doc>.docx from templates/src/<doc>.txt.
// Run from the repository root: go run ./tools/tplgen
package main
