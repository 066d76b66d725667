// Package docx reads and writes DOCX packages (the zip container and its parts).
//
// Division of labour, as the README explains: github.com/nguyenthenguyen/docx opens the package
// and hands us the main document part (it checks that word/document.xml is there and reads it);
// everything that library cannot do is done here on archive/zip: reading the other parts
// (headers, footers, footnotes, numbering, core properties), deterministic writing, copying
// unchanged parts without recompressing them, checking every error of every write, verifying the
// result and replacing the destination atomically.
package docx
