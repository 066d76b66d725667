package docx

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"path"
	"strings"
)

const officeDocumentRel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"

// normalizeMain returns data unchanged when its main part is word/document.xml, a renamed copy
// when it is elsewhere (Office 365), or an error saying the package has no main part.
func normalizeMain(name string, data []byte) ([]byte, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, fmt.Errorf("%s: not a readable DOCX file (not a zip archive: %v); save it from Word or LibreOffice as .docx", name, err)
	}
	main, err := mainPartName(zr)
	if err != nil {
		return nil, fmt.Errorf("%s: not a readable DOCX file: %v", name, err)
	}
	if main == "word/document.xml" {
		return data, nil
	}
	out, err := renameMainPart(zr, main)
	if err != nil {
		return nil, fmt.Errorf("%s: %v", name, err)
	}
	return out, nil
}

// mainPartName finds the main document part through _rels/.rels, as Word does. Office 365 and
// Word Online save it as word/document2.xml; most files as word/document.xml.
func mainPartName(zr *zip.Reader) (string, error) {
	var rels *zip.File
	has := map[string]bool{}
	for _, f := range zr.File {
		has[f.Name] = true
		if f.Name == "_rels/.rels" {
			rels = f
		}
	}
	if rels == nil {
		if has["word/document.xml"] {
			return "word/document.xml", nil
		}
		return "", fmt.Errorf("it has no main document part (no _rels/.rels and no word/document.xml); save it from Word or LibreOffice as .docx")
	}
	rc, err := rels.Open()
	if err != nil {
		return "", fmt.Errorf("_rels/.rels: %w", err)
	}
	b, err := io.ReadAll(io.LimitReader(rc, 1<<20))
	rc.Close()
	if err != nil {
		return "", fmt.Errorf("_rels/.rels: %w", err)
	}
	var doc struct {
		Rels []struct {
			Type   string `xml:"Type,attr"`
			Target string `xml:"Target,attr"`
		} `xml:"Relationship"`
	}
	if err := xml.Unmarshal(b, &doc); err != nil {
		return "", fmt.Errorf("_rels/.rels is not well-formed XML: %v", err)
	}
	for _, r := range doc.Rels {
		if r.Type != officeDocumentRel {
			continue
		}
		name := strings.TrimPrefix(path.Clean("/"+r.Target), "/")
		if !has[name] {
			return "", fmt.Errorf("_rels/.rels names %s as the main document part, but the archive has no such part", name)
		}
		return name, nil
	}
	if has["word/document.xml"] {
		return "word/document.xml", nil
	}
	return "", fmt.Errorf("it has no main document part (_rels/.rels names none and there is no word/document.xml); save it from Word or LibreOffice as .docx")
}

// renameMainPart rewrites a package whose main part is not word/document.xml (Office 365's
// word/document2.xml) so that it is: the part, its relationships, the content type and the
// root relationship are renamed; everything else is copied raw. The rest of tsdraft (and the
// DOCX library it uses) then sees an ordinary package, and the output is one too.
func renameMainPart(zr *zip.Reader, main string) ([]byte, error) {
	if path.Dir(main) != "word" {
		return nil, fmt.Errorf("its main document part is %s, outside word/; open it in Word or LibreOffice and save it again", main)
	}
	base := path.Base(main)
	oldRels := "word/_rels/" + base + ".rels"
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range zr.File {
		name := f.Name
		var rewrite func([]byte) []byte
		switch name {
		case "word/document.xml", "word/_rels/document.xml.rels":
			return nil, fmt.Errorf("it has both %s (the main part) and %s; open it in Word and save it again", main, name)
		case main:
			name = "word/document.xml"
		case oldRels:
			name = "word/_rels/document.xml.rels"
		case "[Content_Types].xml":
			rewrite = func(b []byte) []byte {
				return bytes.ReplaceAll(b, []byte(`"/`+main+`"`), []byte(`"/word/document.xml"`))
			}
		case "_rels/.rels":
			rewrite = func(b []byte) []byte {
				b = bytes.ReplaceAll(b, []byte(`"/`+main+`"`), []byte(`"word/document.xml"`))
				return bytes.ReplaceAll(b, []byte(`"`+main+`"`), []byte(`"word/document.xml"`))
			}
		}
		if rewrite == nil {
			h := f.FileHeader
			h.Name = name
			w, err := zw.CreateRaw(&h)
			if err != nil {
				return nil, err
			}
			r, err := f.OpenRaw()
			if err != nil {
				return nil, err
			}
			if _, err := io.Copy(w, r); err != nil {
				return nil, err
			}
			continue
		}
		rc, err := f.Open()
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		b, err := io.ReadAll(io.LimitReader(rc, 64<<20))
		rc.Close()
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		w, err := zw.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Deflate, Modified: f.Modified})
		if err != nil {
			return nil, err
		}
		if _, err := w.Write(rewrite(b)); err != nil {
			return nil, err
		}
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
