package tplgen

import (
	"encoding/xml"
	"fmt"
	"io/fs"
	"regexp"
	"sort"
	"strconv"
	"strings"

	tsdraft "github.com/tsdraft/tsdraft"
	"github.com/tsdraft/tsdraft/internal/docx"
	wx "github.com/tsdraft/tsdraft/internal/wordxml"
)

// Reference is a reference document (like pandoc's --reference-doc): a DOCX whose styles,
// numbering, headers, footers, settings and page set-up every template takes. A designer edits
// it in Word or LibreOffice; the generator writes only the body. templates/reference/
// reference.docx is the shipped one; a firm passes its own with --reference.
type Reference struct {
	name     string
	pkg      *docx.Package
	root     string            // the start tag of w:document, with its namespace declarations
	sect     string            // the body's section properties (page set-up, header and footer references)
	styleIDs map[string]string // our style id → the reference's id for the same style name
	styles   []byte            // styles.xml as the templates get it
}

// tableGrid is used when a reference has no "Table Grid" style: LibreOffice does not keep
// table styles, so a reference saved from it loses the one the templates' tables use.
const tableGrid = `<w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/><w:tblPr><w:tblBorders><w:top w:val="single" w:sz="4" w:space="0" w:color="808080"/><w:left w:val="single" w:sz="4" w:space="0" w:color="808080"/><w:bottom w:val="single" w:sz="4" w:space="0" w:color="808080"/><w:right w:val="single" w:sz="4" w:space="0" w:color="808080"/><w:insideH w:val="single" w:sz="4" w:space="0" w:color="808080"/><w:insideV w:val="single" w:sz="4" w:space="0" w:color="808080"/></w:tblBorders><w:tblCellMar><w:left w:w="108" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>`

// styleNames are the styles the generated bodies use, by the name Word shows (a localised
// Word writes other style ids, e.g. "1" for heading 1 in Japanese Word; the name is stable).
var styleNames = map[string]string{
	"Title": "title", "Subtitle": "subtitle", "Heading1": "heading 1", "Heading2": "heading 2",
	"ListBullet": "list bullet", "ListNumber": "list number", "Note": "note", "Signature": "signature",
	"TableText": "table text", "TableHeading": "table heading", "TableGrid": "table grid",
}

// LoadReference reads a reference document and checks that it has what templates need: the
// styles above, and a header showing the document's classification ({{ doc.mark }}, or
// {{ doc.label }} in a firm's own reference).
func LoadReference(name string, data []byte) (*Reference, error) {
	pkg, err := docx.Open(name, data)
	if err != nil {
		return nil, err
	}
	doc, err := pkg.Read("word/document.xml")
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	root, err := wx.Parse(doc)
	if err != nil {
		return nil, fmt.Errorf("%s: word/document.xml: %w", name, err)
	}
	r := &Reference{name: name, pkg: pkg, styleIDs: map[string]string{}}
	var body *wx.Node
	for _, c := range root.Children {
		if c.Kind == wx.Elem && c.Name == "w:document" {
			r.root = wx.StartTag(c, false)
			body = c.Child("w:body")
		}
	}
	if body == nil || body.Child("w:sectPr") == nil {
		return nil, fmt.Errorf("%s: the document has no page set-up (w:sectPr); save it again from Word or LibreOffice", name)
	}
	var sb strings.Builder
	wx.Serialize(&sb, body.Child("w:sectPr"))
	r.sect = sb.String()
	if !strings.Contains(r.root, "xmlns:r=") && strings.Contains(r.sect, "r:id") {
		return nil, fmt.Errorf("%s: word/document.xml does not declare the r: namespace its section uses", name)
	}
	styles, err := pkg.Read("word/styles.xml")
	if err != nil {
		return nil, fmt.Errorf("%s: it has no styles (word/styles.xml)", name)
	}
	var st struct {
		Styles []struct {
			ID   string `xml:"styleId,attr"`
			Name struct {
				Val string `xml:"val,attr"`
			} `xml:"name"`
		} `xml:"style"`
	}
	if err := xml.Unmarshal(styles, &st); err != nil {
		return nil, fmt.Errorf("%s: word/styles.xml: %v", name, err)
	}
	byName := map[string]string{}
	for _, s := range st.Styles {
		byName[strings.ToLower(s.Name.Val)] = s.ID
	}
	r.styles = styles
	if _, ok := byName["table grid"]; !ok {
		if _, taken := byName["tablegrid"]; !taken && !strings.Contains(string(styles), `w:styleId="TableGrid"`) {
			if i := strings.LastIndex(string(styles), "</w:styles>"); i >= 0 {
				r.styles = []byte(string(styles[:i]) + tableGrid + string(styles[i:]))
				byName["table grid"] = "TableGrid"
			}
		}
	}
	var missing []string
	for id, n := range styleNames {
		if ref, ok := byName[n]; ok {
			r.styleIDs[id] = ref
		} else {
			missing = append(missing, fmt.Sprintf("%q", n))
		}
	}
	if len(missing) > 0 {
		sort.Strings(missing)
		return nil, fmt.Errorf("%s lacks the styles %s, which the templates use: add them (Word: Home › Styles; LibreOffice: F11), or start from templates/reference/reference.docx",
			name, strings.Join(missing, ", "))
	}
	label := false
	for _, h := range pkg.PartsMatching(func(n string) bool { return strings.HasPrefix(n, "word/header") && strings.HasSuffix(n, ".xml") }) {
		b, err := pkg.Read(h)
		if err != nil {
			return nil, err
		}
		if hr, err := wx.Parse(b); err == nil && hasClassification(strings.Join(strings.Fields(wx.PlainText(hr)), "")) {
			label = true
		}
	}
	if !label {
		return nil, fmt.Errorf("%s: no header shows {{ doc.mark }}: every document must carry its classification in the header; type the tag into the header", name)
	}
	return r, nil
}

var (
	styleRefRe = regexp.MustCompile(`(<w:(?:pStyle|tblStyle) w:val=")([^"]*)(")`)
	titleRe    = regexp.MustCompile(`(?s)<dc:title>.*?</dc:title>|<dc:title/>`)
)

// Compose makes a template from the reference and a body (paragraphs and tables written with
// tsdraft's style ids). title becomes the document title in the properties.
func (r *Reference) Compose(body, title string) ([]byte, error) {
	body = styleRefRe.ReplaceAllStringFunc(body, func(m string) string {
		s := styleRefRe.FindStringSubmatch(m)
		if id, ok := r.styleIDs[s[2]]; ok {
			return s[1] + id + s[3]
		}
		return m
	})
	var err error
	if body, err = r.sections(body); err != nil {
		return nil, err
	}
	out := r.pkg.Clone()
	if orig, _ := r.pkg.Read("word/styles.xml"); string(orig) != string(r.styles) {
		out.Set("word/styles.xml", r.styles)
	}
	out.Set("word/document.xml", []byte(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>`+"\n"+
		r.root+`<w:body>`+body+r.sect+`</w:body></w:document>`))
	if out.Has("docProps/core.xml") {
		core, err := out.Read("docProps/core.xml")
		if err != nil {
			return nil, err
		}
		t := "<dc:title>" + escaper.Replace(title) + "</dc:title>"
		if titleRe.Match(core) {
			core = titleRe.ReplaceAll(core, []byte(t))
		}
		out.Set("docProps/core.xml", core)
	}
	if err := out.Check(); err != nil {
		return nil, fmt.Errorf("%s: %w", r.name, err)
	}
	return out.Bytes()
}

var innerSectRe = regexp.MustCompile(`(?s)<w:sectPr\b[^>]*/>|<w:sectPr\b[^>]*>.*?</w:sectPr>`)

// sections gives every section break inside a body (section: landscape / portrait in a
// source, or a template composed with another reference) the reference's page set-up, header
// and footer, keeping only its orientation: margins and header references come from the
// reference the body is composed with, never from the one it was first made with.
func (r *Reference) sections(body string) (string, error) {
	var firstErr error
	out := innerSectRe.ReplaceAllStringFunc(body, func(m string) string {
		landscape := strings.Contains(m, `w:orient="landscape"`)
		s, err := r.sectPr(landscape)
		if err != nil && firstErr == nil {
			firstErr = err
		}
		return s
	})
	return out, firstErr
}

// sectPr is the reference's section properties with the page turned to the orientation asked.
func (r *Reference) sectPr(landscape bool) (string, error) {
	root, err := wx.Parse([]byte(r.sect))
	if err != nil {
		return "", fmt.Errorf("%s: the page set-up: %w", r.name, err)
	}
	sect := root.Child("w:sectPr")
	if sect == nil {
		return "", fmt.Errorf("%s: the document has no page set-up (w:sectPr)", r.name)
	}
	pg := sect.Child("w:pgSz")
	if pg == nil {
		return "", fmt.Errorf("%s: the page set-up has no page size (w:pgSz); set the paper size in Word or LibreOffice and save it again", r.name)
	}
	w, _ := pg.Attr("w:w")
	h, _ := pg.Attr("w:h")
	wn, err1 := strconv.Atoi(w)
	hn, err2 := strconv.Atoi(h)
	if err1 != nil || err2 != nil {
		return "", fmt.Errorf("%s: the page size %q × %q is not in numbers", r.name, w, h)
	}
	short, long := min(wn, hn), max(wn, hn)
	var attrs []xml.Attr
	for _, a := range pg.Attrs {
		if a.Name.Local != "orient" {
			attrs = append(attrs, a)
		}
	}
	pg.Attrs = attrs
	if landscape {
		pg.SetAttr("w:w", strconv.Itoa(long))
		pg.SetAttr("w:h", strconv.Itoa(short))
		pg.SetAttr("w:orient", "landscape")
	} else {
		pg.SetAttr("w:w", strconv.Itoa(short))
		pg.SetAttr("w:h", strconv.Itoa(long))
	}
	var sb strings.Builder
	wx.Serialize(&sb, sect)
	return sb.String(), nil
}

// BodyOf returns the body of a template (without its section properties), for restyling a
// template with another reference document.
func BodyOf(pkg *docx.Package) (string, error) {
	doc, err := pkg.Read("word/document.xml")
	if err != nil {
		return "", err
	}
	root, err := wx.Parse(doc)
	if err != nil {
		return "", fmt.Errorf("word/document.xml: %w", err)
	}
	for _, c := range root.Children {
		if c.Kind == wx.Elem && c.Name == "w:document" {
			body := c.Child("w:body")
			if body == nil {
				break
			}
			var sb strings.Builder
			for _, ch := range body.Children {
				if ch.Kind == wx.Elem && ch.Name == "w:sectPr" {
					continue
				}
				wx.Serialize(&sb, ch)
			}
			return sb.String(), nil
		}
	}
	return "", fmt.Errorf("word/document.xml has no body")
}

// ShippedReference is the reference document shipped with tsdraft (embedded).
func ShippedReference() (*Reference, error) {
	b, err := fs.ReadFile(tsdraft.Templates, "templates/reference/reference.docx")
	if err != nil {
		return nil, err
	}
	return LoadReference("templates/reference/reference.docx", b)
}

// hasClassification tells whether a header's text (spaces removed) prints the document's
// classification: its mark (the label in one language) or its label.
func hasClassification(text string) bool {
	return strings.Contains(text, "{{doc.mark}}") || strings.Contains(text, "{{doc.label}}")
}
