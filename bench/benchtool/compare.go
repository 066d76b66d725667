package main

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"flag"
	"fmt"
	"io"
	"strings"
)

// runCompare checks that two engines wrote the same document: the text of the body, header and
// footer, paragraph by paragraph (formatting is not compared). bench/run.sh runs it on the
// first person's document of each engine, so the speed figures compare the same work.
func runCompare(args []string) error {
	fl := flag.NewFlagSet("compare", flag.ContinueOnError)
	if err := fl.Parse(args); err != nil {
		return err
	}
	if fl.NArg() != 2 {
		return fmt.Errorf("usage: benchtool compare A.docx B.docx")
	}
	a, b := fl.Arg(0), fl.Arg(1)
	ta, err := docText(a)
	if err != nil {
		return err
	}
	tb, err := docText(b)
	if err != nil {
		return err
	}
	if d := firstDiff(ta, tb); d != "" {
		return fmt.Errorf("%s and %s differ: %s", a, b, d)
	}
	fmt.Printf("same text: %s and %s (%d paragraphs)\n", a, b, len(ta))
	return nil
}

// textParts are the parts whose text is compared, in this order.
var textParts = []string{"word/header1.xml", "word/document.xml", "word/footer1.xml"}

// docText lists the paragraphs of a DOCX as text lines, each prefixed with its part.
func docText(path string) ([]string, error) {
	zr, err := zip.OpenReader(path)
	if err != nil {
		return nil, err
	}
	defer zr.Close()
	var lines []string
	for _, name := range textParts {
		f, err := zr.Open(name)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		b, err := io.ReadAll(f)
		f.Close()
		if err != nil {
			return nil, err
		}
		ps, err := paragraphs(b)
		if err != nil {
			return nil, fmt.Errorf("%s %s: %w", path, name, err)
		}
		for _, p := range ps {
			lines = append(lines, name+": "+p)
		}
	}
	return lines, nil
}

// paragraphs extracts the text of each w:p (w:t text, w:tab as a tab, w:br as a newline).
func paragraphs(b []byte) ([]string, error) {
	d := xml.NewDecoder(bytes.NewReader(b))
	var out []string
	var cur strings.Builder
	inT, inPPr := false, false // w:tab inside w:pPr is a tab stop, not a tab
	depth := 0                 // nesting of w:p (a text box can hold paragraphs inside a paragraph)
	for {
		tok, err := d.Token()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return nil, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "p":
				depth++
			case "t":
				inT = true
			case "pPr":
				inPPr = true
			case "tab":
				if !inPPr {
					cur.WriteString("\t")
				}
			case "br":
				cur.WriteString("\n")
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "t":
				inT = false
			case "pPr":
				inPPr = false
			case "p":
				depth--
				out = append(out, cur.String())
				cur.Reset()
			}
		case xml.CharData:
			if inT && depth > 0 {
				cur.Write(t)
			}
		}
	}
}

func firstDiff(a, b []string) string {
	for i := 0; i < len(a) && i < len(b); i++ {
		if a[i] != b[i] {
			return fmt.Sprintf("paragraph %d:\n  %q\n  %q", i+1, a[i], b[i])
		}
	}
	if len(a) != len(b) {
		return fmt.Sprintf("%d paragraphs against %d", len(a), len(b))
	}
	return ""
}
