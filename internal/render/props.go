package render

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"

	"github.com/tsdraft/tsdraft/internal/docx"
	wx "github.com/tsdraft/tsdraft/internal/wordxml"
)

// Property is one custom document property (File › Properties › Custom in Word).
type Property struct{ Name, Value string }

// provenance says what made a document: tool version, template, locale texts and profile.
func (r *Renderer) provenance(req Request, templateSHA string) []Property {
	status := "draft"
	if req.Final {
		status = "final"
	}
	revision := "none (no locale text used)"
	if r.Catalog != nil {
		revision = r.Catalog.Revision()
	}
	return []Property{
		{"tsdraft.version", r.Version},
		{"tsdraft.template", req.Doc},
		{"tsdraft.template_sha256", templateSHA},
		{"tsdraft.locale_revision", revision},
		{"tsdraft.profile_sha256", req.ProfileSHA},
		{"tsdraft.jurisdiction", req.Profile.Jurisdiction},
		{"tsdraft.languages", strings.Join(req.Langs, "+")},
		{"tsdraft.status", status},
	}
}

const (
	customPart = "docProps/custom.xml"
	customType = "application/vnd.openxmlformats-officedocument.custom-properties+xml"
	customRel  = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties"
)

// setProperties writes docProps/custom.xml, registering it in [Content_Types].xml and the
// package relationships when the template did not have it.
func setProperties(pkg *docx.Package, props []Property) error {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n")
	b.WriteString(`<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">`)
	had := pkg.Has(customPart)
	pid := 2
	if had {
		// The author's own properties (a matter number, a client code) are kept, renumbered;
		// tsdraft's are replaced.
		old, err := pkg.Read(customPart)
		if err != nil {
			return err
		}
		for _, m := range authorPropRe.FindAllSubmatch(old, -1) {
			if strings.HasPrefix(string(m[2]), "tsdraft.") {
				continue
			}
			b.Write(pidRe.ReplaceAll(m[1], []byte(fmt.Sprintf(`pid="%d"`, pid))))
			b.Write(m[3])
			pid++
		}
	}
	for _, p := range props {
		fmt.Fprintf(&b, `<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="%d" name="%s"><vt:lpwstr>%s</vt:lpwstr></property>`,
			pid, wx.TextEscaper.Replace(p.Name), wx.TextEscaper.Replace(p.Value))
		pid++
	}
	b.WriteString(`</Properties>`)
	pkg.Set(customPart, []byte(b.String()))
	if had {
		return nil
	}
	ct, err := pkg.Read("[Content_Types].xml")
	if err != nil {
		return err
	}
	if !bytes.Contains(ct, []byte(`PartName="/`+customPart+`"`)) {
		ct = wx.InsertBeforeLast(ct, "</Types>", `<Override PartName="/`+customPart+`" ContentType="`+customType+`"/>`)
		pkg.Set("[Content_Types].xml", ct)
	}
	rels, err := pkg.Read("_rels/.rels")
	if err != nil {
		return err
	}
	if !bytes.Contains(rels, []byte(customRel)) {
		rels = wx.InsertBeforeLast(rels, "</Relationships>", `<Relationship Id="rIdTsdraftCustom" Type="`+customRel+`" Target="`+customPart+`"/>`)
		pkg.Set("_rels/.rels", rels)
	}
	return nil
}

var (
	authorPropRe = regexp.MustCompile(`(?s)(<property\b[^>]*?\bname="([^"]*)"[^>]*>)(.*?</property>)`)
	pidRe        = regexp.MustCompile(`\bpid="\d+"`)
)
