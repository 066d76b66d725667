package docxtmpl

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"path"
	"sort"
	"strconv"
	"strings"

	"github.com/tsdraft/tsdraft/internal/docx"
	wx "github.com/tsdraft/tsdraft/internal/wordxml"
)

// Inline is a value that writes WordprocessingML of its own where its tag stands, instead of
// text: an image today; a hyperlink or a table from data are the next kinds. A kind is one
// type implementing this interface (and, usually, one filter making it): the engine places the
// XML, and the PartContext adds whatever parts the XML refers to.
type Inline interface {
	// RunXML returns run content (w:drawing, w:t, w:br …) to write inside the run where the tag
	// stands, adding the parts it needs through ctx.
	RunXML(ctx *PartContext) (string, error)
}

// PartContext is what an Inline value may do to the package being written: add a media part,
// a relationship from the part being written, a content type; number a drawing. Everything is
// collected during execution and written once all parts are done (see apply).
type PartContext struct {
	st *execState
}

// Part is the name of the part being written (word/document.xml, word/header1.xml …).
func (c *PartContext) Part() string { return c.st.part }

// AddMedia stores data as a media part once per content (the same logo in the header and the
// body is one part) and returns the part name.
func (c *PartContext) AddMedia(ext, contentType string, data []byte) string {
	a := c.st.adds()
	sum := sha256.Sum256(data)
	key := hex.EncodeToString(sum[:8])
	if name, ok := a.media[key]; ok {
		return name
	}
	name := fmt.Sprintf("word/media/tsdraft-%s.%s", key, ext)
	a.media[key] = name
	a.mediaData[name] = data
	a.types[ext] = contentType
	return name
}

// Relate adds a relationship from the part being written to target (a part name, or a URL when
// external) and returns its id; the same target gets the same id.
func (c *PartContext) Relate(typ, target string, external bool) string {
	a := c.st.adds()
	part := c.st.part
	key := part + "\x00" + typ + "\x00" + target
	if id, ok := a.relIDs[key]; ok {
		return id
	}
	relsName := path.Join(path.Dir(part), "_rels", path.Base(part)+".rels")
	var existing []byte
	if c.st.tpl.pkg.Has(relsName) {
		existing, _ = c.st.tpl.pkg.Read(relsName)
	}
	n := len(a.relIDs) + 1
	id := "rIdTsd" + strconv.Itoa(n)
	for bytes.Contains(existing, []byte(`Id="`+id+`"`)) { // a template made from an earlier output
		n += 1000
		id = "rIdTsd" + strconv.Itoa(n)
	}
	a.relIDs[key] = id
	a.rels[part] = append(a.rels[part], rel{id: id, typ: typ, target: target, external: external})
	return id
}

// DrawingID numbers a drawing; ids clashing with the template's are renumbered afterwards.
func (c *PartContext) DrawingID() int {
	a := c.st.adds()
	a.drawings++
	return 100000 + a.drawings
}

type rel struct {
	id, typ, target string
	external        bool
}

// additions are the parts, relationships and content types an execution adds.
type additions struct {
	media     map[string]string // content key → part name
	mediaData map[string][]byte
	types     map[string]string // extension → content type
	relIDs    map[string]string
	rels      map[string][]rel // source part → new relationships
	drawings  int
}

func (st *execState) adds() *additions {
	if st.added == nil {
		st.added = &additions{media: map[string]string{}, mediaData: map[string][]byte{}, types: map[string]string{},
			relIDs: map[string]string{}, rels: map[string][]rel{}}
	}
	return st.added
}

// apply writes the additions into the output package.
func (a *additions) apply(out *docx.Package) error {
	names := make([]string, 0, len(a.mediaData))
	for n := range a.mediaData {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		out.Set(n, a.mediaData[n])
	}
	if len(a.types) > 0 {
		ct, err := out.Read("[Content_Types].xml")
		if err != nil {
			return err
		}
		exts := make([]string, 0, len(a.types))
		for e := range a.types {
			exts = append(exts, e)
		}
		sort.Strings(exts)
		var add strings.Builder
		for _, e := range exts {
			if !bytes.Contains(bytes.ToLower(ct), []byte(`extension="`+e+`"`)) {
				fmt.Fprintf(&add, `<Default Extension="%s" ContentType="%s"/>`, e, a.types[e])
			}
		}
		if add.Len() > 0 {
			out.Set("[Content_Types].xml", wx.InsertBeforeLast(ct, "</Types>", add.String()))
		}
	}
	parts := make([]string, 0, len(a.rels))
	for p := range a.rels {
		parts = append(parts, p)
	}
	sort.Strings(parts)
	for _, p := range parts {
		relsName := path.Join(path.Dir(p), "_rels", path.Base(p)+".rels")
		b := []byte(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n" +
			`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>`)
		if out.Has(relsName) {
			var err error
			if b, err = out.Read(relsName); err != nil {
				return err
			}
		}
		var add strings.Builder
		for _, r := range a.rels[p] {
			target := r.target
			mode := ""
			if r.external {
				mode = ` TargetMode="External"`
			} else {
				target = relTarget(p, r.target)
			}
			fmt.Fprintf(&add, `<Relationship Id="%s" Type="%s" Target="%s"%s/>`, r.id, r.typ, xmlAttr(target), mode)
		}
		out.Set(relsName, wx.InsertBeforeLast(b, "</Relationships>", add.String()))
	}
	return nil
}

// relTarget writes a part name relative to the folder of the part that refers to it.
func relTarget(from, to string) string {
	dir := path.Dir(from) + "/"
	if strings.HasPrefix(to, dir) {
		return strings.TrimPrefix(to, dir)
	}
	return "/" + to
}

func xmlAttr(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", `"`, "&quot;").Replace(s)
}
