package web

import (
	"context"
	"embed"
	"fmt"
	"net/http"
	"slices"
	"strings"

	"github.com/BurntSushi/toml"
	"golang.org/x/text/language"
)

// UI texts: ui/<lang>.toml, one flat table of key = "text". Japanese and English are complete
// (a test compares their keys); other languages may be partial and fall back to English.
//
//go:embed ui/*.toml
var uiFS embed.FS

// UILangs are the languages the interface is offered in, in the order the menu lists them.
var UILangs = []string{"ja", "en"}

var uiNames = map[string]string{"ja": "日本語", "en": "English"}

type catalog map[string]map[string]string

func loadUI() (catalog, error) {
	c := catalog{}
	for _, l := range UILangs {
		b, err := uiFS.ReadFile("ui/" + l + ".toml")
		if err != nil {
			return nil, err
		}
		m := map[string]string{}
		if _, err := toml.Decode(string(b), &m); err != nil {
			return nil, fmt.Errorf("ui/%s.toml: %w", l, err)
		}
		c[l] = m
	}
	return c, nil
}

var ui = func() catalog {
	c, err := loadUI()
	if err != nil {
		panic(err) // embedded at build time; a test loads it too
	}
	return c
}()

// T returns the text for key in lang, English when the language lacks it, and the key itself
// in brackets when no language has it (a test makes sure no template uses such a key).
func T(lang, key string, args ...any) string {
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

var uiMatcher = language.NewMatcher([]language.Tag{language.Japanese, language.English})

// uiLang is the user's choice (cookie), else the best match of the browser's Accept-Language,
// else English.
func uiLang(r *http.Request) string {
	if c, err := r.Cookie("tsdraft_ui"); err == nil && slices.Contains(UILangs, c.Value) {
		return c.Value
	}
	tags, _, err := language.ParseAcceptLanguage(r.Header.Get("Accept-Language"))
	if err != nil || len(tags) == 0 {
		return "en"
	}
	_, i, conf := uiMatcher.Match(tags...)
	if conf == language.No {
		return "en"
	}
	return []string{"ja", "en"}[i]
}

// setUILang stores the language the user picked (POST /ui-lang, CSRF-checked).
func (s *Server) setUILang(w http.ResponseWriter, r *http.Request) {
	l := r.PostFormValue("ui")
	if slices.Contains(UILangs, l) {
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
