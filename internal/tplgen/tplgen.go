package tplgen

import (
	"fmt"
	"strconv"
	"strings"
)

var escaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;")

// LineError locates a problem in a source file.
type LineError struct {
	File string
	Line int
	Msg  string
}

func (e *LineError) Error() string { return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg) }

func para(style, text string) string {
	var b strings.Builder
	b.WriteString("<w:p>")
	if style != "" {
		b.WriteString(`<w:pPr><w:pStyle w:val="` + style + `"/></w:pPr>`)
	}
	if text != "" {
		b.WriteString(`<w:r><w:t xml:space="preserve">` + escaper.Replace(text) + `</w:t></w:r>`)
	}
	b.WriteString("</w:p>")
	return b.String()
}

var styleOf = map[string]string{
	"title": "Title", "subtitle": "Subtitle", "h": "Heading1", "h2": "Heading2", "p": "",
	"li": "ListBullet", "ol": "ListNumber", "item": "ListItem", "note": "Note", "sig": "Signature", "blank": "",
}

// Section breaks. "section: landscape" ends the portrait pages before it and starts landscape
// pages (a wide table: the secret register's nine columns); "section: portrait" ends them
// again. The break is a paragraph carrying the section properties of the pages it ends; Compose
// fills in the reference document's margins, header and footer, keeping the orientation.
const (
	portraitSect  = `<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr>`
	landscapeSect = `<w:sectPr><w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/></w:sectPr>`
)

// sectionBreak is the paragraph that ends a section. It takes no room (a one-point line), so that
// it never spills alone onto a page of its own; after a table it is the paragraph Word needs there.
func sectionBreak(sect string) string {
	return `<w:p><w:pPr><w:spacing w:before="0" w:after="0" w:line="20" w:lineRule="exact"/><w:rPr><w:sz w:val="2"/><w:szCs w:val="2"/></w:rPr>` + sect + `</w:pPr></w:p>`
}

// afterTable is the paragraph written after a table: Word needs one between a table and what
// follows it.
const afterTable = `<w:p><w:pPr><w:spacing w:after="0"/></w:pPr></w:p>`

// endSection writes a section break, in place of the paragraph after a table if it follows one.
func endSection(b *strings.Builder, sect string) {
	if s := b.String(); strings.HasSuffix(s, afterTable) {
		b.Reset()
		b.WriteString(strings.TrimSuffix(s, afterTable))
	}
	b.WriteString(sectionBreak(sect))
}

// Body converts a source to the XML of the document body (without the final sectPr).
func Body(file string, src []byte) (string, error) {
	var b strings.Builder
	inTable := false
	cols := 0
	landscape := false
	var widths []int // of the next table, in per cent ("widths: 10 | 20 | …")
	widthsLine := 0
	for i, raw := range strings.Split(string(src), "\n") {
		n := i + 1
		line := strings.TrimRight(raw, " \t\r")
		trimmed := strings.TrimSpace(line)
		if trimmed == "" || strings.HasPrefix(trimmed, "#") {
			continue
		}
		if strings.HasPrefix(trimmed, "{{") && strings.HasSuffix(trimmed, "}}") && strings.Count(trimmed, "{{") == 1 {
			if inTable {
				return "", &LineError{file, n, "a block tag line inside a table: put row loops in the row's first and last cell"}
			}
			b.WriteString(para("", trimmed))
			continue
		}
		kw, text, ok := strings.Cut(trimmed, ":")
		if !ok {
			return "", &LineError{file, n, "expected KEYWORD: text (title, subtitle, h, h2, p, li, ol, item, note, sig, blank, widths, table, row, endtable, section)"}
		}
		text = strings.TrimSpace(text)
		switch kw {
		case "section":
			if inTable {
				return "", &LineError{file, n, "section: inside a table (missing endtable:)"}
			}
			switch {
			case text == "landscape" && !landscape:
				endSection(&b, portraitSect)
				landscape = true
			case text == "portrait" && landscape:
				endSection(&b, landscapeSect)
				landscape = false
			case text == "landscape" || text == "portrait":
				return "", &LineError{file, n, "section: " + text + ": the pages are " + text + " already"}
			default:
				return "", &LineError{file, n, fmt.Sprintf("section: %q: write section: landscape or section: portrait", text)}
			}
		case "widths":
			if inTable {
				return "", &LineError{file, n, "widths: inside a table: put it before table:"}
			}
			var err error
			if widths, err = parseWidths(text); err != nil {
				return "", &LineError{file, n, err.Error()}
			}
			widthsLine = n
		case "table":
			if inTable {
				return "", &LineError{file, n, "table: inside a table (missing endtable:)"}
			}
			cells := splitCells(text)
			cols = len(cells)
			if widths != nil && len(widths) != cols {
				return "", &LineError{file, n, fmt.Sprintf("the table has %d columns, widths: (line %d) gives %d", cols, widthsLine, len(widths))}
			}
			width := textWidth
			if landscape {
				width = landscapeWidth
			}
			tw := make([]int, cols)
			for i := range tw {
				if widths == nil {
					tw[i] = width / cols // equal columns
				} else {
					tw[i] = width * widths[i] / 100
				}
			}
			widths = tw
			inTable = true
			b.WriteString(tableStart(widths))
			b.WriteString(tableRow(cells, widths, "TableHeading", true))
		case "row":
			if !inTable {
				return "", &LineError{file, n, "row: outside a table (start one with table:)"}
			}
			cells := splitCells(text)
			if len(cells) != cols {
				return "", &LineError{file, n, fmt.Sprintf("row has %d cells, the table has %d", len(cells), cols)}
			}
			b.WriteString(tableRow(cells, widths, "TableText", false))
		case "endtable":
			if !inTable {
				return "", &LineError{file, n, "endtable: without table:"}
			}
			inTable = false
			widths = nil
			b.WriteString("</w:tbl>")
			b.WriteString(afterTable)
		default:
			style, known := styleOf[kw]
			if !known {
				return "", &LineError{file, n, fmt.Sprintf("unknown keyword %q", kw)}
			}
			if inTable {
				return "", &LineError{file, n, kw + ": inside a table (missing endtable:)"}
			}
			b.WriteString(para(style, text))
		}
	}
	if inTable {
		return "", &LineError{file, 0, "table is never closed with endtable:"}
	}
	if landscape {
		return "", &LineError{file, 0, "the landscape pages are never ended with section: portrait (the document ends in portrait)"}
	}
	if widths != nil {
		return "", &LineError{file, widthsLine, "widths: is followed by no table"}
	}
	return b.String(), nil
}

// parseWidths reads "widths: 10 | 20 | 70": whole per cents of the text width, adding up to 100.
func parseWidths(s string) ([]int, error) {
	var out []int
	sum := 0
	for _, c := range splitCells(s) {
		n, err := strconv.Atoi(c)
		if err != nil || n < 1 {
			return nil, fmt.Errorf("widths: %q is not a whole per cent of at least 1", c)
		}
		out = append(out, n)
		sum += n
	}
	if sum != 100 {
		return nil, fmt.Errorf("widths: the per cents add up to %d, not 100", sum)
	}
	return out, nil
}

func splitCells(s string) []string {
	parts := strings.Split(s, "|")
	for i := range parts {
		parts[i] = strings.TrimSpace(parts[i])
	}
	return parts
}

const (
	textWidth      = 9638  // A4 width less margins, in twentieths of a point
	landscapeWidth = 14570 // A4 height less the same margins: the text width of landscape pages
)

func tableStart(widths []int) string {
	var b strings.Builder
	b.WriteString(`<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="5000" w:type="pct"/><w:tblLayout w:type="fixed"/><w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" w:noHBand="0" w:noVBand="1"/></w:tblPr><w:tblGrid>`)
	for _, w := range widths {
		fmt.Fprintf(&b, `<w:gridCol w:w="%d"/>`, w)
	}
	b.WriteString(`</w:tblGrid>`)
	return b.String()
}

func tableRow(cells []string, widths []int, style string, header bool) string {
	var b strings.Builder
	b.WriteString("<w:tr>")
	if header {
		b.WriteString(`<w:trPr><w:tblHeader/></w:trPr>`)
	}
	for i, c := range cells {
		fmt.Fprintf(&b, `<w:tc><w:tcPr><w:tcW w:w="%d" w:type="dxa"/></w:tcPr>%s</w:tc>`, widths[i], para(style, c))
	}
	b.WriteString("</w:tr>")
	return b.String()
}

// Generate builds a complete DOCX from a source with the shipped reference document.
func Generate(file, docID string, src []byte) ([]byte, error) {
	ref, err := ShippedReference()
	if err != nil {
		return nil, err
	}
	return GenerateWith(ref, file, docID, src)
}

// GenerateWith builds a complete DOCX from a source: the body from the source, everything else
// (styles, numbering, header, footer, page set-up) from the reference document. The bytes
// depend only on the source and the reference.
func GenerateWith(ref *Reference, file, docID string, src []byte) ([]byte, error) {
	body, err := Body(file, src)
	if err != nil {
		return nil, err
	}
	return ref.Compose(body, "tsdraft template: "+docID)
}
