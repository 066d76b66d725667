package render

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/tsdraft/tsdraft/internal/docx"
	"github.com/tsdraft/tsdraft/internal/docxtmpl"
)

// Custom is a user's own template: filled as written, with no layout or font changes.
type Custom struct {
	ID  string // the file name without extension, used as doc.id
	tpl *docxtmpl.Template
	sha string
}

// ParseCustom reads a user's template. Every problem in it is reported.
func ParseCustom(path string, b []byte) (*Custom, error) {
	pkg, err := docx.Open(path, b)
	if err != nil {
		return nil, err
	}
	tpl, err := docxtmpl.Parse(path, pkg, FuncNames)
	if err != nil {
		return nil, err
	}
	sum := sha256.Sum256(b)
	id := strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
	return &Custom{ID: id, tpl: tpl, sha: hex.EncodeToString(sum[:])}, nil
}

// RenderCustom fills a user's template in one language (req.Langs[0]); req.Doc is ignored.
func (r *Renderer) RenderCustom(c *Custom, req Request) (*docx.Package, error) {
	req.Doc = c.ID
	if len(req.Langs) == 0 {
		return nil, fmt.Errorf("no language to render")
	}
	req.Langs = req.Langs[:1]
	data, err := r.data(req)
	if err != nil {
		return nil, err
	}
	num := &docxtmpl.Numbering{}
	pkg, err := c.tpl.Execute(data, r.options(req, nil, num)) // a user's own template carries no drafting notes
	if err == nil {
		err = num.Resolve(pkg, r.words(req.Profile.TextJurisdiction()))
	}
	if err != nil {
		return nil, err
	}
	if err := setProperties(pkg, r.provenance(req, c.sha)); err != nil {
		return nil, err
	}
	return pkg, nil
}

// NeedsCatalog tells whether the template uses locale texts (t, article) or the language names
// drawn from them; a template that does not is rendered without reading the catalogue.
func (c *Custom) NeedsCatalog() bool {
	return c.tpl.Uses(FuncNames, []string{"lang_name", "prevailing_name", "doc.title"})
}

// Tags lists the template's tags, for `template check`.
func (c *Custom) Tags() []docxtmpl.TagInfo { return c.tpl.Tags() }

// Warnings lists what the template holds that the output will not show as written (tags in
// parts not filled, content dropped with tag paragraphs), for `template check`.
func (c *Custom) Warnings() []docxtmpl.Warning { return c.tpl.Warnings() }
