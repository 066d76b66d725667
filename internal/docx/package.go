package docx

import (
	"archive/zip"
	"bytes"
	"fmt"
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
func Open(name string, data []byte) (*Package, error) {
	// The product requires nguyenthenguyen/docx for package I/O: it validates the container and
	// gives us the main document part, which we use instead of reading it a second time.
	rd, err := ndocx.ReadDocxFromMemory(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, fmt.Errorf("%s: not a readable DOCX file (%v); save it from Word or LibreOffice as .docx", name, err)
	}
	main := rd.Editable().GetContent()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, fmt.Errorf("%s: not a zip archive: %w", name, err)
	}
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
	return p, nil
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
