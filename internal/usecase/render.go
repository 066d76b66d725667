package usecase

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/tsdraft/tsdraft/internal/docxtmpl"

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

// Problems are the template's problems, one a line, each with its part, paragraph and tag when
// the tags are at fault.
func (e *TemplateError) Problems() []string {
	var errs docxtmpl.Errors
	if !errors.As(e.Err, &errs) {
		return []string{e.Err.Error()}
	}
	out := make([]string, len(errs))
	for i, x := range errs {
		out[i] = x.Error()
	}
	return out
}

// TemplateFiles are the templates a path names: the file itself, or every .docx below a
// folder (Word's lock files ~$… left out), in walking order.
func TemplateFiles(target string) ([]string, error) {
	st, err := os.Stat(target)
	if err != nil {
		return nil, err
	}
	if !st.IsDir() {
		return []string{target}, nil
	}
	var files []string
	err = filepath.WalkDir(target, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && strings.EqualFold(filepath.Ext(p), ".docx") && !strings.HasPrefix(d.Name(), "~$") {
			files = append(files, p)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	if len(files) == 0 {
		return nil, fmt.Errorf("no .docx files in %s", target)
	}
	return files, nil
}

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
	r, err := e.rendererFor(langs, custom.NeedsCatalog())
	if err != nil {
		return File{}, err
	}
	pkg, err := r.RenderCustom(custom, render.Request{Profile: c.Profile, Langs: langs, ProfileSHA: c.SHA})
	if err != nil {
		return File{}, &DraftError{Problems: []string{err.Error()}}
	}
	return file(custom.ID, pkg)
}

// CustomTemplate is the document ID the checks know a user's template by.
const CustomTemplate = "custom-template"
