package usecase

import (
	"fmt"
	"os"

	"github.com/tsdraft/tsdraft/internal/render"
)

// ReadTemplate reads and parses a user's template. A template that cannot be used gives a
// *TemplateError (wrapping, for tag problems, a docxtmpl.Errors with every problem's part,
// paragraph and tag).
func ReadTemplate(path string) (*render.Custom, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("reading the template: %w", err)
	}
	c, err := render.ParseCustom(path, b)
	if err != nil {
		return nil, &TemplateError{Path: path, Err: err}
	}
	return c, nil
}

// TemplateError is a template that cannot be used: not a DOCX, or tags with errors.
type TemplateError struct {
	Path string
	Err  error
}

func (e *TemplateError) Error() string { return e.Err.Error() }
func (e *TemplateError) Unwrap() error { return e.Err }

// RenderTemplate fills a user's template from a checked profile (c.OK() must hold) in one
// language ("": the profile's first) and returns the file, verified. A user's template is not
// one of the shipped documents: check it with law.Build{Docs: []string{CustomTemplate}}, so that
// only the profile-wide rules apply, on the language actually rendered.
func (e Env) RenderTemplate(custom *render.Custom, c *Checked, lang string) (File, error) {
	if !c.OK() {
		return File{}, fmt.Errorf("%s: the profile has errors", c.name)
	}
	langs := c.Profile.Languages[:1]
	if lang != "" {
		langs = []string{lang}
	}
	r := &render.Renderer{Version: e.Version}
	if custom.NeedsCatalog() || len(e.Locales) > 0 {
		var err error
		if r, err = e.Renderer(langs); err != nil {
			return File{}, err
		}
	}
	pkg, err := r.RenderCustom(custom, render.Request{Profile: c.Profile, Langs: langs, ProfileSHA: c.SHA})
	if err != nil {
		return File{}, &DraftError{Problems: []string{err.Error()}}
	}
	return file(custom.ID, pkg)
}

// CustomTemplate is the document ID the checks know a user's template by.
const CustomTemplate = "custom-template"
