package web

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"net/http"
	"slices"
	"strings"
	"sync"

	"github.com/BurntSushi/toml"
	"golang.org/x/text/language"

	tsdraft "github.com/tsdraft/tsdraft"
	locale "github.com/tsdraft/tsdraft/internal/catalog" // the web app has its own type named catalog
)

// UI texts are locale texts: <lang>/ui.toml of the shipped locales, one table per text
// (["nav.home"] text = "…"), Japanese the master and every translation stamped with its
// source like any other locale file, so `tsdraft locale status/check/export/import` cover
// them. ui.toml is optional per language (locale.ScreenFiles): the interface is offered in
// the master and in every language whose ui.toml has all the master's texts, and in no other;
// no screen is shown half in another language (`locale check` refuses a partial ui.toml).
const uiStem = "ui"

type catalog map[string]map[string]string

// uiFile is one <lang>/ui.toml as written: the text of each table (source and note are the
// locale tools' business).
type uiFile map[string]struct {
	Text string `toml:"text"`
}

// loadUI reads <lang>/ui.toml of every language of fsys that has one and returns the texts
// of the languages that have all of the master's, with those languages in order.
func loadUI(fsys fs.FS) (catalog, []string, error) {
	c := catalog{}
	var langs []string
	for _, l := range locale.Languages {
		b, err := fs.ReadFile(fsys, l+"/"+uiStem+".toml")
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if err != nil {
			return nil, nil, err
		}
		var f uiFile
		if _, err := toml.Decode(string(b), &f); err != nil {
			return nil, nil, fmt.Errorf("locales/%s/%s.toml: %w", l, uiStem, err)
		}
		m := make(map[string]string, len(f))
		for k, e := range f {
			m[k] = e.Text
		}
		c[l] = m
	}
	master := c[locale.Master]
	if len(master) == 0 {
		return nil, nil, fmt.Errorf("locales/%s/%s.toml: no UI texts", locale.Master, uiStem)
	}
	for _, l := range locale.Languages {
		m, ok := c[l]
		if !ok {
			continue
		}
		complete := true
		for k := range master {
			if _, ok := m[k]; !ok {
				complete = false
				break
			}
		}
		if complete {
			langs = append(langs, l)
		} else {
			delete(c, l)
		}
	}
	return c, langs, nil
}

// screens is what the interface's texts need, read from the embedded ui.toml files on first
// use rather than at package init: every tsdraft command links this package, and only `serve`
// shows a screen (decoding the texts at init cost each `tsdraft render` a few milliseconds).
type screens struct {
	texts   catalog
	langs   []string // the UI languages, in the vocabulary's order
	matcher language.Matcher
}

// loadScreens reads the embedded screen texts once. The data is embedded at build time and
// TestUITextsComplete loads it, so an error is a build defect; New reports it before the server
// starts, and the accessors below panic on it (as package init did before).
var loadScreens = sync.OnceValues(func() (*screens, error) {
	sub, err := fs.Sub(tsdraft.Locales, "locales")
	if err != nil {
		return nil, err
	}
	c, langs, err := loadUI(sub)
	if err != nil {
		return nil, err
	}
	tags := make([]language.Tag, len(langs))
	for i, l := range langs {
		tags[i] = language.Make(l)
	}
	return &screens{texts: c, langs: langs, matcher: language.NewMatcher(tags)}, nil
})

func mustScreens() *screens {
	s, err := loadScreens()
	if err != nil {
		panic(err)
	}
	return s
}

// uiTexts returns the screen texts by language, then key.
func uiTexts() catalog { return mustScreens().texts }

// UILangs returns the languages the interface is offered in, in the vocabulary's order.
func UILangs() []string { return slices.Clone(mustScreens().langs) }

// T returns the text for key in lang, English when the language lacks it, and the key itself
// in brackets when no language has it (a test makes sure no template uses such a key). The
// values are put in with fmt: %s, %d, or %[n]s where a translation orders them differently.
func T(lang, key string, args ...any) string {
	ui := uiTexts()
	s, ok := ui[lang][key]
	if !ok {
		s, ok = ui["en"][key]
	}
	if !ok {
		return "[" + key + "]"
	}
	if len(args) > 0 {
		return fmt.Sprintf(s, args...)
	}
	return s
}

// uiLang is the user's choice (cookie), else the best match of the browser's Accept-Language
// among the UI languages, else English.
func uiLang(r *http.Request) string {
	sc := mustScreens()
	if c, err := r.Cookie("tsdraft_ui"); err == nil && slices.Contains(sc.langs, c.Value) {
		return c.Value
	}
	tags, _, err := language.ParseAcceptLanguage(r.Header.Get("Accept-Language"))
	if err != nil || len(tags) == 0 {
		return "en"
	}
	_, i, conf := sc.matcher.Match(tags...)
	if conf == language.No {
		return "en"
	}
	return sc.langs[i]
}

// setUILang stores the language the user picked (POST /ui-lang, CSRF-checked).
func (s *Server) setUILang(w http.ResponseWriter, r *http.Request) {
	l := r.PostFormValue("ui")
	if slices.Contains(UILangs(), l) {
		http.SetCookie(w, &http.Cookie{Name: "tsdraft_ui", Value: l, Path: "/", HttpOnly: true, SameSite: http.SameSiteStrictMode, MaxAge: 365 * 24 * 3600})
	}
	back := r.PostFormValue("back")
	// Only a local path of this app: never an address elsewhere.
	if !strings.HasPrefix(back, "/") || strings.HasPrefix(back, "//") || strings.ContainsAny(back, "\\\r\n") {
		back = "/"
	}
	http.Redirect(w, r, back, http.StatusSeeOther)
}

type ctxKey int

const sessionKey ctxKey = 0

func withSession(ctx context.Context, ss *session) context.Context {
	return context.WithValue(ctx, sessionKey, ss)
}

func sessionFrom(ctx context.Context) *session {
	ss, _ := ctx.Value(sessionKey).(*session)
	return ss
}
