package tplgen

import (
	"fmt"
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

// Body converts a source to the XML of the document body (without sectPr).
func Body(file string, src []byte) (string, error) {
	var b strings.Builder
	inTable := false
	cols := 0
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
			return "", &LineError{file, n, "expected KEYWORD: text (title, subtitle, h, h2, p, li, ol, item, note, sig, blank, table, row, endtable)"}
		}
		text = strings.TrimSpace(text)
		switch kw {
		case "table":
			if inTable {
				return "", &LineError{file, n, "table: inside a table (missing endtable:)"}
			}
			cells := splitCells(text)
			cols = len(cells)
			inTable = true
			b.WriteString(tableStart(cols))
			b.WriteString(tableRow(cells, "TableHeading", true))
		case "row":
			if !inTable {
				return "", &LineError{file, n, "row: outside a table (start one with table:)"}
			}
			cells := splitCells(text)
			if len(cells) != cols {
				return "", &LineError{file, n, fmt.Sprintf("row has %d cells, the table has %d", len(cells), cols)}
			}
			b.WriteString(tableRow(cells, "TableText", false))
		case "endtable":
			if !inTable {
				return "", &LineError{file, n, "endtable: without table:"}
			}
			inTable = false
			b.WriteString("</w:tbl>")
			// Word needs a paragraph between a table and what follows it.
			b.WriteString(`<w:p><w:pPr><w:spacing w:after="0"/></w:pPr></w:p>`)
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
	return b.String(), nil
}

func splitCells(s string) []string {
	parts := strings.Split(s, "|")
	for i := range parts {
		parts[i] = strings.TrimSpace(parts[i])
	}
	return parts
}

const textWidth = 9638 // A4 width less margins, in twentieths of a point

func tableStart(cols int) string {
	var b strings.Builder
	b.WriteString(`<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="5000" w:type="pct"/><w:tblLayout w:type="fixed"/><w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" w:noHBand="0" w:noVBand="1"/></w:tblPr><w:tblGrid>`)
	for i := 0; i < cols; i++ {
		fmt.Fprintf(&b, `<w:gridCol w:w="%d"/>`, textWidth/cols)
	}
	b.WriteString(`</w:tblGrid>`)
	return b.String()
}

func tableRow(cells []string, style string, header bool) string {
	var b strings.Builder
	b.WriteString("<w:tr>")
	if header {
		b.WriteString(`<w:trPr><w:tblHeader/></w:trPr>`)
	}
	for _, c := range cells {
		fmt.Fprintf(&b, `<w:tc><w:tcPr><w:tcW w:w="%d" w:type="dxa"/></w:tcPr>%s</w:tc>`, textWidth/len(cells), para(style, c))
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
