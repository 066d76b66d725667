package docx

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"sort"
	"strings"
	"sync/atomic"

	ndocx "github.com/nguyenthenguyen/docx"
)

// Part is one file of the package. A part read from a template keeps its compressed bytes so
// that an unchanged part is copied into the output without being inflated and deflated again.
type Part struct {
	Name string
	data []byte    // uncompressed content, once read or set
	raw  *zip.File // the template's entry
	// changed is set once the content was replaced; until then the entry is copied raw.
	changed bool
	// checked is shared by every copy of a template's part: an unchanged part is checked
	// once, however many documents are made from the template.
	checked *atomic.Bool
}

// Package is a DOCX file in memory: its parts in their original order.
type Package struct {
	parts []*Part
	index map[string]int
}

// Open reads a DOCX package from bytes. name is used in error messages.
//
// A template comes from someone else, so Open checks the whole package before anything is
// made from it: the sizes every entry declares (TemplateLimits, checked before anything is
// inflated, the main part included), entry names (no "../x" or absolute paths), every part's
// checksum, and every XML part well-formed without a DOCTYPE. What Open accepts, rendering
// copies; so `template check` and `render` accept and refuse the same files.
func Open(name string, data []byte) (*Package, error) {
	return OpenWithLimits(name, data, TemplateLimits)
}

// OpenWithLimits is Open with other limits (tests use small ones).
func OpenWithLimits(name string, data []byte, lim Limits) (*Package, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, fmt.Errorf("%s: not a readable DOCX file (%v); save it from Word or LibreOffice as .docx", name, err)
	}
	// The sizes are checked before nguyenthenguyen/docx inflates the main part and the headers.
	if err := checkEntries(name, zr.File, lim); err != nil {
		return nil, err
	}
	for _, f := range zr.File {
		if why := badPartName(f.Name); why != "" {
			return nil, fmt.Errorf("%s: the archive entry %q %s; Word never writes such a name, so the file was made or changed by another tool: open it in Word or LibreOffice and save it again", name, f.Name, why)
		}
	}
	// Office 365 names the main part word/document2.xml; after the checks above, so the
	// renamed copy is made only from a package whose sizes and names are known to be sane.
	if data, err = normalizeMain(name, data); err != nil {
		return nil, err
	}
	if zr, err = zip.NewReader(bytes.NewReader(data), int64(len(data))); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	// The product requires nguyenthenguyen/docx for package I/O: it validates the container and
	// gives us the main document part, which we use instead of reading it a second time.
	rd, err := ndocx.ReadDocxFromMemory(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		if part := damagedPart(zr.File); part != "" {
			return nil, fmt.Errorf("%s: part %s is damaged (%v); open the file in Word or LibreOffice and save it again", name, part, err)
		}
		return nil, fmt.Errorf("%s: not a readable DOCX file (%v); save it from Word or LibreOffice as .docx", name, err)
	}
	main := rd.Editable().GetContent()
	p := &Package{index: map[string]int{}}
	for _, f := range zr.File {
		if strings.HasSuffix(f.Name, "/") {
			continue
		}
		if _, dup := p.index[f.Name]; dup {
			return nil, fmt.Errorf("%s: part %s appears twice in the archive", name, f.Name)
		}
		part := &Part{Name: f.Name, raw: f, checked: new(atomic.Bool)}
		if f.Name == "word/document.xml" {
			part.data = []byte(main)
		}
		p.index[f.Name] = len(p.parts)
		p.parts = append(p.parts, part)
	}
	if _, ok := p.index["[Content_Types].xml"]; !ok {
		return nil, fmt.Errorf("%s: [Content_Types].xml is missing; this is not a DOCX package", name)
	}
	if err := p.checkParts(lim.Depth); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return p, nil
}

// damagedPart names the first entry that does not inflate to its declared size and checksum,
// for the message when nguyenthenguyen/docx fails without saying where.
func damagedPart(files []*zip.File) string {
	for _, f := range files {
		rc, err := f.Open()
		if err == nil {
			_, err = io.Copy(io.Discard, rc)
			rc.Close()
		}
		if err != nil {
			return f.Name
		}
	}
	return ""
}

// checkParts reads every part once: the checksum of each is verified (a part copied
// unchanged into every output must not be corrupt), and each XML part must be well-formed.
// Non-XML parts (images) are not kept in memory; XML parts are, as they are read again.
func (p *Package) checkParts(depth int) error {
	for _, pt := range p.parts {
		if !isXMLName(pt.Name) {
			rc, err := pt.raw.Open()
			if err != nil {
				return fmt.Errorf("part %s: %w", pt.Name, err)
			}
			_, err = io.Copy(io.Discard, rc)
			rc.Close()
			if err != nil {
				return fmt.Errorf("part %s is damaged (%v); open the file in Word or LibreOffice and save it again", pt.Name, err)
			}
			continue
		}
		if pt.data != nil && pt.raw != nil {
			// The main part, as nguyenthenguyen/docx read it: its size and checksum are
			// compared with what the archive declares here rather than trusted to the library.
			if uint64(len(pt.data)) != pt.raw.UncompressedSize64 || pt.raw.CRC32 != 0 && crc32.ChecksumIEEE(pt.data) != pt.raw.CRC32 {
				return fmt.Errorf("part %s is damaged (%v); open the file in Word or LibreOffice and save it again", pt.Name, zip.ErrChecksum)
			}
		}
		b, err := p.Read(pt.Name)
		if err != nil {
			if inner := errors.Unwrap(err); inner != nil {
				err = inner
			}
			return fmt.Errorf("part %s is damaged (%v); open the file in Word or LibreOffice and save it again", pt.Name, err)
		}
		if depth <= 0 {
			depth = MaxDepth
		}
		if err := wellFormed(b, depth); errors.Is(err, ErrTooDeep) {
			return fmt.Errorf("part %s: %w", pt.Name, err)
		} else if err != nil {
			return fmt.Errorf("%s is not well-formed XML: %w", pt.Name, err)
		}
		pt.checked.Store(true)
	}
	return nil
}

// Names lists the part names in package order.
func (p *Package) Names() []string {
	out := make([]string, len(p.parts))
	for i, pt := range p.parts {
		out[i] = pt.Name
	}
	return out
}

// Has reports whether the package has a part.
func (p *Package) Has(name string) bool { _, ok := p.index[name]; return ok }

// Read returns the uncompressed content of a part.
func (p *Package) Read(name string) ([]byte, error) {
	i, ok := p.index[name]
	if !ok {
		return nil, fmt.Errorf("part %s not found", name)
	}
	pt := p.parts[i]
	if pt.data == nil && pt.raw != nil {
		rc, err := pt.raw.Open()
		if err != nil {
			return nil, fmt.Errorf("part %s: %w", name, err)
		}
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			return nil, fmt.Errorf("part %s: %w", name, err)
		}
		pt.data = b
	}
	return pt.data, nil
}

// Set replaces (or adds) a part's content.
func (p *Package) Set(name string, data []byte) {
	if i, ok := p.index[name]; ok {
		p.parts[i] = &Part{Name: name, data: data, changed: true}
		return
	}
	p.index[name] = len(p.parts)
	p.parts = append(p.parts, &Part{Name: name, data: data, changed: true})
}

// Clone returns a package sharing the unchanged parts (they are immutable) but with its own part
// list, so setting a part in the clone never changes the original. (nguyenthenguyen/docx's
// Editable() shares its header and footer maps between copies; this is the fix for that.)
func (p *Package) Clone() *Package {
	c := &Package{parts: make([]*Part, len(p.parts)), index: make(map[string]int, len(p.index))}
	for i, pt := range p.parts {
		cp := *pt
		c.parts[i] = &cp
	}
	for k, v := range p.index {
		c.index[k] = v
	}
	return c
}

// PartsMatching lists part names for which match is true, sorted for determinism.
func (p *Package) PartsMatching(match func(string) bool) []string {
	var out []string
	for _, pt := range p.parts {
		if match(pt.Name) {
			out = append(out, pt.Name)
		}
	}
	sort.Strings(out)
	return out
}
