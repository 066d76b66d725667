package docx

import (
	"archive/zip"
	"bytes"
	"fmt"
	"strings"
)

// Limits bound what reading a zip archive may cost. Every archive tsdraft reads (templates, and
// XLSX workbooks through CheckZipFile) comes from someone else, so the sizes its entries declare
// are checked before anything is inflated. archive/zip refuses to inflate an entry past its
// declared size, so the declared sizes are a real bound on memory and time.
type Limits struct {
	Part  uint64 // uncompressed size of one entry
	Total uint64 // uncompressed size of all entries together
	// Ratio is the largest uncompressed/compressed ratio for an entry over RatioFrom bytes:
	// ordinary XML deflates 5 to 30 times, a zip bomb a thousand times. Small parts are
	// exempt: a table of identical empty rows deflates hundreds of times and is harmless.
	Ratio     uint64
	RatioFrom uint64
	Entries   int // number of entries
	Depth     int // element nesting in an XML part
}

const (
	kib = 1 << 10
	mib = 1 << 20
)

// TemplateLimits apply to DOCX templates. A long contract's document.xml is a few MB; images
// in word/media are the largest parts.
var TemplateLimits = Limits{Part: 64 * mib, Total: 256 * mib, Ratio: 100, RatioFrom: 16 * mib, Entries: 10000, Depth: 256}

// WorkbookLimits apply to XLSX workbooks: a sheet of tens of thousands of rows is tens of MB of
// XML.
var WorkbookLimits = Limits{Part: 256 * mib, Total: 512 * mib, Ratio: 100, RatioFrom: 16 * mib, Entries: 10000, Depth: MaxDepth}

// LimitError says which limit an archive exceeded.
type LimitError struct {
	Name, Entry, What string
}

func (e *LimitError) Error() string {
	if e.Entry == "" {
		return fmt.Sprintf("%s: %s; tsdraft refuses it rather than run out of memory", e.Name, e.What)
	}
	return fmt.Sprintf("%s: part %s %s; tsdraft refuses it rather than run out of memory", e.Name, e.Entry, e.What)
}

// checkEntries checks the declared sizes of every entry against the limits.
func checkEntries(name string, files []*zip.File, lim Limits) error {
	if lim.Entries > 0 && len(files) > lim.Entries {
		return &LimitError{Name: name, What: fmt.Sprintf("has %d entries, more than the %d allowed", len(files), lim.Entries)}
	}
	var total uint64
	for _, f := range files {
		size := f.UncompressedSize64
		if size > lim.Part {
			return &LimitError{Name: name, Entry: f.Name, What: fmt.Sprintf("unpacks to %s, more than the %s allowed for one part", human(size), human(lim.Part))}
		}
		total += size
		if total > lim.Total {
			return &LimitError{Name: name, What: fmt.Sprintf("unpacks to more than the %s allowed in all", human(lim.Total))}
		}
		if size > lim.RatioFrom {
			comp := f.CompressedSize64
			if comp == 0 || size/comp > lim.Ratio {
				return &LimitError{Name: name, Entry: f.Name, What: fmt.Sprintf("unpacks from %s to %s (more than %d times; a zip bomb, not a document)", human(comp), human(size), lim.Ratio)}
			}
		}
	}
	return nil
}

func human(n uint64) string {
	switch {
	case n >= mib:
		return fmt.Sprintf("%d MiB", n/mib)
	case n >= kib:
		return fmt.Sprintf("%d KiB", n/kib)
	}
	return fmt.Sprintf("%d bytes", n)
}

// CheckZipFile checks the entries of the zip archive at path against lim without inflating any
// of them. A file that is not a zip archive passes: the reader that opens it says what it is.
func CheckZipFile(path, name string, lim Limits) error {
	zr, err := zip.OpenReader(path)
	if err != nil {
		return nil
	}
	defer zr.Close()
	return checkEntries(name, zr.File, lim)
}

// CheckZipBytes is CheckZipFile for an archive in memory (an upload).
func CheckZipBytes(data []byte, name string, lim Limits) error {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil
	}
	return checkEntries(name, zr.File, lim)
}

// badPartName says why a zip entry name is one Word never writes and an extractor could
// follow out of its folder ("../x", "/etc/x", "C:\x", "a\b"), or "" when the name is fine.
func badPartName(n string) string {
	switch {
	case n == "":
		return "has an empty name"
	case strings.HasPrefix(n, "/"):
		return "is an absolute path"
	case strings.ContainsRune(n, '\\'):
		return "contains a backslash"
	case len(n) >= 2 && n[1] == ':':
		return "starts with a drive letter"
	case strings.ContainsRune(n, 0):
		return "contains a NUL byte"
	}
	for _, seg := range strings.Split(strings.TrimSuffix(n, "/"), "/") {
		switch seg {
		case "..", ".":
			return "has a '" + seg + "' segment, which points outside its folder"
		case "":
			return "has an empty segment (//)"
		}
	}
	return ""
}
