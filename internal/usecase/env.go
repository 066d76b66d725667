package usecase

import (
	"fmt"
	"io/fs"
	"os"
	"strings"
	"sync"

	tsdraft "github.com/tsdraft/tsdraft"
	"github.com/tsdraft/tsdraft/internal/batch"
	"github.com/tsdraft/tsdraft/internal/catalog"
	"github.com/tsdraft/tsdraft/internal/render"
	"github.com/tsdraft/tsdraft/internal/tplgen"
	"github.com/tsdraft/tsdraft/internal/vocab"
)

// Env is what a user layers over the shipped data for one run: locale directories (texts and
// language files), template directories and a reference document. The zero Env is the
// shipped data alone.
type Env struct {
	Locales   []string // directories of locale files layered over the built-in ones
	Templates []string // directories of templates (<doc>.docx) used instead of the built-in ones
	Reference string   // a reference document restyling the shipped templates ("": the shipped one)
	Version   string   // tsdraft's version, recorded in the documents' properties

	cache *rendererCache // set by Cached
}

// rendererCache keeps one renderer per language set, for a long-running face (the web app).
type rendererCache struct {
	mu sync.Mutex
	m  map[string]*render.Renderer
}

// Cached returns the Env with a cache of renderers, one per language set: a server drafts many
// times from the same templates and texts, which it then reads once. A renderer is safe for
// concurrent use.
func (e Env) Cached() Env {
	e.cache = &rendererCache{m: map[string]*render.Renderer{}}
	return e
}

// UseLanguages layers the language files of the user's locale directories
// (<dir>/<lang>/language.toml) over the built-in vocabulary and makes the result the active one
// until restore is called, so that a language added as data is known to the profile, the
// catalogue and the renderer alike.
func UseLanguages(dirs []string) (restore func(), err error) {
	v, err := vocab.Builtin().WithLanguages(dirs...)
	if err != nil {
		return nil, fmt.Errorf("language file: %w", err)
	}
	return vocab.Use(v), nil
}

// Renderer returns a renderer over the shipped templates and texts with the Env's layers. It
// reads only the locale texts of langs (nil: every language).
func (e Env) Renderer(langs []string) (*render.Renderer, error) {
	if c := e.cache; c != nil {
		key := strings.Join(langs, "+")
		if langs == nil {
			key = "*"
		}
		c.mu.Lock()
		defer c.mu.Unlock()
		if r := c.m[key]; r != nil {
			return r, nil
		}
		r, err := e.newRenderer(langs)
		if err == nil {
			c.m[key] = r
		}
		return r, err
	}
	return e.newRenderer(langs)
}

func (e Env) newRenderer(langs []string) (*render.Renderer, error) {
	lfs, err := fs.Sub(tsdraft.Locales, "locales")
	if err != nil {
		return nil, err
	}
	var cat *catalog.Catalog
	if langs == nil {
		cat, err = catalog.Load(lfs, e.Locales...)
	} else {
		cat, err = catalog.LoadLangs(lfs, langs, e.Locales...)
	}
	if err != nil {
		return nil, err
	}
	tfs, err := fs.Sub(tsdraft.Templates, "templates")
	if err != nil {
		return nil, err
	}
	r := &render.Renderer{Templates: tfs, TemplateDirs: e.Templates, Catalog: cat, Version: e.Version}
	if e.Reference != "" {
		b, err := os.ReadFile(e.Reference)
		if err != nil {
			return nil, fmt.Errorf("reference document: %w", err)
		}
		if r.Reference, err = tplgen.LoadReference(e.Reference, b); err != nil {
			return nil, err
		}
	}
	return r, nil
}

// HeaderWords are the words a sheet's header row may use: the shipped ones and those of the
// Env's locale directories.
func (e Env) HeaderWords() (*batch.HeaderWords, error) {
	var layers []fs.FS
	for _, d := range e.Locales {
		layers = append(layers, os.DirFS(d))
	}
	return batch.LoadHeaderWords(nil, layers...)
}

// Batch fills what a batch takes from the Env (the renderer and the header words) into o.
func (e Env) Batch(o batch.Options) (batch.Options, error) {
	hw, err := e.HeaderWords()
	if err != nil {
		return o, err
	}
	o.Headers = hw
	o.NewRenderer = e.rendererFor
	return o, nil
}

// rendererFor is the renderer for documents in langs. A user's template that uses no locale
// text (texts false) gets one without the catalogue, unless locale directories were given (they
// are loaded, and so checked, whatever the template uses): loading the catalogue is most of
// such a render's start-up.
func (e Env) rendererFor(langs []string, texts bool) (*render.Renderer, error) {
	if !texts && len(e.Locales) == 0 {
		return &render.Renderer{Version: e.Version}, nil
	}
	return e.Renderer(langs)
}
