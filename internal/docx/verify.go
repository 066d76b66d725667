package docx

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"strings"
)

// Check verifies a package before it is written: every XML part well-formed, every relationship
// target present, content types covering every part. A part copied unchanged from a template is
// checked once for all the documents made from that template, which keeps a batch of thousands
// from inflating the same template parts thousands of times.
func (p *Package) Check() error {
	names := map[string]bool{}
	for _, pt := range p.parts {
		names[pt.Name] = true
	}
	read := func(pt *Part) ([]byte, error) { return p.Read(pt.Name) }
	for _, pt := range p.parts {
		if !isXMLName(pt.Name) {
			continue
		}
		if !pt.changed && pt.checked != nil && pt.checked.Load() {
			continue
		}
		b, err := read(pt)
		if err != nil {
			return err
		}
		if err := WellFormed(b); err != nil {
			return fmt.Errorf("%s is not well-formed XML: %w", pt.Name, err)
		}
		if !pt.changed && pt.checked != nil {
			pt.checked.Store(true)
		}
	}
	ct, err := p.Read("[Content_Types].xml")
	if err != nil {
		return fmt.Errorf("[Content_Types].xml is missing")
	}
	var rels map[string][]byte
	for _, pt := range p.parts {
		if strings.HasSuffix(pt.Name, ".rels") {
			b, err := read(pt)
			if err != nil {
				return err
			}
			if rels == nil {
				rels = map[string][]byte{}
			}
			rels[pt.Name] = b
		}
	}
	return checkReferences(names, ct, rels)
}

// Reopens checks that written bytes reopen as a zip archive: the central directory and every
// entry's local header read back. It is the part of verification that needs the written bytes;
// Package.Check has checked the content, and entries copied from the template keep the
// template's compressed bytes and checksums.
func Reopens(data []byte) error {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return fmt.Errorf("zip does not reopen: %w", err)
	}
	for _, f := range zr.File {
		if _, err := f.DataOffset(); err != nil {
			return fmt.Errorf("%s: %w", f.Name, err)
		}
	}
	return nil
}

// Verify checks a written package: the zip reopens, every XML part is well-formed, every
// relationship target inside the package exists, and [Content_Types].xml covers every part.
// It is run on every file tsdraft writes, before the file is moved into place.
func Verify(data []byte) error {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return fmt.Errorf("zip does not reopen: %w", err)
	}
	names := map[string]bool{}
	contents := map[string][]byte{}
	for _, f := range zr.File {
		names[f.Name] = true
		if !isXMLName(f.Name) {
			continue
		}
		rc, err := f.Open()
		if err != nil {
			return fmt.Errorf("%s: %w", f.Name, err)
		}
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			return fmt.Errorf("%s: %w", f.Name, err)
		}
		if err := WellFormed(b); err != nil {
			return fmt.Errorf("%s is not well-formed XML: %w", f.Name, err)
		}
		contents[f.Name] = b
	}
	ct, ok := contents["[Content_Types].xml"]
	if !ok {
		return fmt.Errorf("[Content_Types].xml is missing")
	}
	rels := map[string][]byte{}
	for name, b := range contents {
		if strings.HasSuffix(name, ".rels") {
			rels[name] = b
		}
	}
	return checkReferences(names, ct, rels)
}

// checkReferences checks content types and relationship targets.
func checkReferences(names map[string]bool, ct []byte, rels map[string][]byte) error {
	defaults, overrides := contentTypes(ct)
	for name := range names {
		if name == "[Content_Types].xml" || strings.HasSuffix(name, "/") {
			continue
		}
		ext := name[strings.LastIndexByte(name, '.')+1:]
		if !overrides["/"+name] && !defaults[strings.ToLower(ext)] {
			return fmt.Errorf("[Content_Types].xml has no content type for %s", name)
		}
	}
	for name, b := range rels {
		base := relsBase(name)
		for _, r := range relTargets(b) {
			if r.external {
				continue
			}
			target := resolve(base, r.target)
			if !names[target] {
				return fmt.Errorf("%s points to %s, which is not in the package", name, target)
			}
		}
	}
	return nil
}

func isXMLName(n string) bool { return strings.HasSuffix(n, ".xml") || strings.HasSuffix(n, ".rels") }

type rel struct {
	target   string
	external bool
}

// attrsOf scans elements named local (any prefix) and returns their attributes; the parts we
// read this way are small and machine-written.
func attrsOf(b []byte, local string) []map[string]string {
	var out []map[string]string
	s := string(b)
	for i := 0; ; {
		j := strings.Index(s[i:], "<")
		if j < 0 {
			break
		}
		i += j + 1
		end := strings.IndexByte(s[i:], '>')
		if end < 0 {
			break
		}
		tag := s[i : i+end]
		i += end
		name, rest, _ := strings.Cut(tag, " ")
		if k := strings.IndexByte(name, ':'); k >= 0 {
			name = name[k+1:]
		}
		if name != local {
			continue
		}
		out = append(out, parseAttrs(rest))
	}
	return out
}

func parseAttrs(s string) map[string]string {
	m := map[string]string{}
	for {
		s = strings.TrimLeft(s, " \t\r\n/")
		eq := strings.IndexByte(s, '=')
		if eq < 0 || eq+1 >= len(s) {
			return m
		}
		key := strings.TrimSpace(s[:eq])
		q := s[eq+1]
		rest := s[eq+2:]
		end := strings.IndexByte(rest, q)
		if end < 0 {
			return m
		}
		m[key] = unescapeAttr(rest[:end])
		s = rest[end+1:]
	}
}

func unescapeAttr(s string) string {
	if !strings.Contains(s, "&") {
		return s
	}
	r := strings.NewReplacer("&amp;", "&", "&lt;", "<", "&gt;", ">", "&quot;", `"`, "&apos;", "'")
	return r.Replace(s)
}

func contentTypes(b []byte) (defaults, overrides map[string]bool) {
	defaults, overrides = map[string]bool{}, map[string]bool{}
	for _, a := range attrsOf(b, "Default") {
		defaults[strings.ToLower(a["Extension"])] = true
	}
	for _, a := range attrsOf(b, "Override") {
		overrides[a["PartName"]] = true
	}
	return
}

func relTargets(b []byte) []rel {
	var out []rel
	for _, a := range attrsOf(b, "Relationship") {
		out = append(out, rel{target: a["Target"], external: a["TargetMode"] == "External"})
	}
	return out
}

// relsBase gives the folder that targets in a .rels part are relative to:
// word/_rels/document.xml.rels → word/, _rels/.rels → "".
func relsBase(name string) string {
	dir := name[:strings.LastIndex(name, "_rels/")]
	return dir
}

func resolve(base, target string) string {
	if strings.HasPrefix(target, "/") {
		return strings.TrimPrefix(target, "/")
	}
	parts := strings.Split(base+target, "/")
	var out []string
	for _, p := range parts {
		switch p {
		case "", ".":
		case "..":
			if len(out) > 0 {
				out = out[:len(out)-1]
			}
		default:
			out = append(out, p)
		}
	}
	return strings.Join(out, "/")
}
