package translate

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"
)

// The reader takes XLIFF 1.2 as CAT tools write it back: units may sit in <group>s, tools
// add their own namespaced elements and attributes (ignored), wrap segments in <mrk>
// (flattened), and may turn <ph> into <x/> or <bpt>/<ept> into <bx/>/<ex/> (read by id).

type xPiece struct {
	text string
	code string // "", or ph, bpt, ept (x/it → ph, bx → bpt, ex → ept)
	id   string
	tag  string // the code's content, or its equiv-text
	line int
}

type xUnit struct {
	line      int
	id        string
	resname   string
	source    []xPiece
	target    []xPiece
	hasTarget bool
	state     string
	approved  bool // approved="yes" on the trans-unit
}

type xFile struct {
	line     int
	original string
	srcLang  string
	tgtLang  string
	datatype string
	toolID   string // tool-id of the <file>: toolID() for a tsdraft export
	units    []*xUnit
}

// readXLIFF parses an XLIFF 1.x document. name is used in messages.
func readXLIFF(name string, data []byte) ([]*xFile, error) {
	d := xml.NewDecoder(bytes.NewReader(data))
	d.Strict = true
	fail := func(err error) error {
		var se *xml.SyntaxError
		if errors.As(err, &se) {
			return fmt.Errorf("%s:%d: not well-formed XML: %s", name, se.Line, se.Msg)
		}
		line, _ := d.InputPos()
		return fmt.Errorf("%s:%d: %v", name, line, err)
	}
	root, err := nextStart(d)
	if err != nil {
		if err == io.EOF {
			return nil, fmt.Errorf("%s: empty file, not XLIFF", name)
		}
		return nil, fail(err)
	}
	if root.Name.Local != "xliff" {
		return nil, fmt.Errorf("%s:1: not an XLIFF file (root element <%s>)", name, root.Name.Local)
	}
	version := attr(root, "version")
	if !strings.HasPrefix(version, "1.") {
		return nil, fmt.Errorf("%s:1: XLIFF version %q: tsdraft reads XLIFF 1.2 (the version it exports); save or export the file as XLIFF 1.2", name, version)
	}
	var files []*xFile
	for {
		tok, err := d.Token()
		if err != nil {
			if err == io.EOF {
				break
			}
			return nil, fail(err)
		}
		se, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		if !isXLIFF(se.Name) || se.Name.Local != "file" {
			if err := d.Skip(); err != nil {
				return nil, fail(err)
			}
			continue
		}
		line, _ := d.InputPos()
		f := &xFile{line: line, original: attr(se, "original"), srcLang: attr(se, "source-language"), tgtLang: attr(se, "target-language"),
			datatype: attr(se, "datatype"), toolID: attr(se, "tool-id")}
		if err := readUnits(d, f); err != nil {
			return nil, fail(err)
		}
		files = append(files, f)
	}
	if len(files) == 0 {
		return nil, fmt.Errorf("%s: no <file> element: nothing to import", name)
	}
	return files, nil
}

func isXLIFF(n xml.Name) bool {
	return n.Space == "" || strings.HasPrefix(n.Space, "urn:oasis:names:tc:xliff:document:1.")
}

func nextStart(d *xml.Decoder) (xml.StartElement, error) {
	for {
		tok, err := d.Token()
		if err != nil {
			return xml.StartElement{}, err
		}
		if se, ok := tok.(xml.StartElement); ok {
			return se, nil
		}
	}
}

func attr(se xml.StartElement, local string) string {
	for _, a := range se.Attr {
		if a.Name.Local == local && (a.Name.Space == "" || a.Name.Space == "xml" || strings.HasPrefix(a.Name.Space, "urn:oasis:names:tc:xliff")) {
			return a.Value
		}
	}
	return ""
}

// readUnits reads the trans-units of a <file>, through <body> and <group>s.
func readUnits(d *xml.Decoder, f *xFile) error {
	depth := 1
	for depth > 0 {
		tok, err := d.Token()
		if err != nil {
			if err == io.EOF {
				return io.ErrUnexpectedEOF
			}
			return err
		}
		switch t := tok.(type) {
		case xml.EndElement:
			depth--
		case xml.StartElement:
			switch {
			case !isXLIFF(t.Name):
				if err := d.Skip(); err != nil {
					return err
				}
			case t.Name.Local == "body" || t.Name.Local == "group":
				depth++
			case t.Name.Local == "trans-unit":
				line, _ := d.InputPos()
				u := &xUnit{line: line, id: attr(t, "id"), resname: attr(t, "resname"), approved: attr(t, "approved") == "yes"}
				if err := readUnit(d, u); err != nil {
					return err
				}
				f.units = append(f.units, u)
			default:
				if err := d.Skip(); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

func readUnit(d *xml.Decoder, u *xUnit) error {
	for {
		tok, err := d.Token()
		if err != nil {
			return err
		}
		switch t := tok.(type) {
		case xml.EndElement:
			return nil
		case xml.StartElement:
			switch {
			case isXLIFF(t.Name) && t.Name.Local == "source":
				if u.source, err = readContent(d); err != nil {
					return err
				}
			case isXLIFF(t.Name) && t.Name.Local == "target":
				u.hasTarget = true
				u.state = attr(t, "state")
				if u.target, err = readContent(d); err != nil {
					return err
				}
			default: // seg-source, notes, alt-trans, tool-specific data
				if err := d.Skip(); err != nil {
					return err
				}
			}
		}
	}
}

// readContent reads mixed content up to the end of the current element.
func readContent(d *xml.Decoder) ([]xPiece, error) {
	var out []xPiece
	for {
		tok, err := d.Token()
		if err != nil {
			return nil, err
		}
		line, _ := d.InputPos()
		switch t := tok.(type) {
		case xml.EndElement:
			return out, nil
		case xml.CharData:
			out = append(out, xPiece{text: string(t), line: line})
		case xml.StartElement:
			code := ""
			switch t.Name.Local {
			case "ph", "x", "it":
				code = "ph"
			case "bpt", "bx":
				code = "bpt"
			case "ept", "ex":
				code = "ept"
			}
			if code == "" || !isXLIFF(t.Name) {
				// <mrk>, <g> and tool markup: keep their text, drop the wrapper.
				inner, err := readContent(d)
				if err != nil {
					return nil, err
				}
				out = append(out, inner...)
				continue
			}
			native, err := codeText(d)
			if err != nil {
				return nil, err
			}
			if native == "" {
				native = attr(t, "equiv-text")
			}
			id := attr(t, "id")
			if code == "ept" && id == "" {
				id = attr(t, "rid")
			}
			if (t.Name.Local == "bx" || t.Name.Local == "ex") && attr(t, "rid") != "" {
				id = attr(t, "rid")
			}
			out = append(out, xPiece{code: code, id: id, tag: native, line: line})
		}
	}
}

// codeText returns the native code inside an inline code element (skipping <sub>).
func codeText(d *xml.Decoder) (string, error) {
	var b strings.Builder
	depth := 1
	for depth > 0 {
		tok, err := d.Token()
		if err != nil {
			return "", err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			depth++
			if t.Name.Local == "sub" {
				if err := d.Skip(); err != nil {
					return "", err
				}
				depth--
			}
		case xml.EndElement:
			depth--
		case xml.CharData:
			if depth == 1 {
				b.Write(t)
			}
		}
	}
	return b.String(), nil
}

// codeKey identifies an inline code within a unit.
func codeKey(code, id string) string { return code + ":" + id }

// sourceCodes maps the inline codes of a unit's source to their tags.
func sourceCodes(src []xPiece) map[string]string {
	m := map[string]string{}
	for _, p := range src {
		if p.code != "" {
			m[codeKey(p.code, p.id)] = p.tag
		}
	}
	return m
}

// rebuild turns XLIFF content back into text, restoring each code from the source's code
// of the same id (so that a tool that empties or alters a code's native text cannot alter
// a tag). problems lists codes that match nothing in the source.
func rebuild(pieces []xPiece, codes map[string]string) (text string, problems []string) {
	var b strings.Builder
	for _, p := range pieces {
		if p.code == "" {
			b.WriteString(p.text)
			continue
		}
		tag, ok := codes[codeKey(p.code, p.id)]
		if !ok {
			for _, c := range []string{"ph", "bpt", "ept"} {
				if t, found := codes[codeKey(c, p.id)]; found {
					tag, ok = t, true
					break
				}
			}
		}
		if !ok {
			if strings.HasPrefix(p.tag, "{{") && strings.HasSuffix(p.tag, "}}") {
				tag = p.tag // a tag the source lacks: the tag check will name it
			} else {
				problems = append(problems, fmt.Sprintf("inline code <%s id=%q> is not in the source", p.code, p.id))
				continue
			}
		}
		b.WriteString(tag)
	}
	return b.String(), problems
}
