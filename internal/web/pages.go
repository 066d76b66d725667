package web

import (
	"bytes"
	"embed"
	"html/template"
	"log"
	"net/http"
	"slices"
	"strings"
	"sync"

	"github.com/tsdraft/tsdraft/internal/batch"
	"github.com/tsdraft/tsdraft/internal/profile"
	"github.com/tsdraft/tsdraft/internal/vocab"
)

//go:embed assets
var assetFS embed.FS

//go:embed templates/*.html
var tmplFS embed.FS

var pageNames = []string{"home", "login", "error", "form", "build", "hr", "hrresult", "pages"}

// parsePages parses the page templates on first use, not at package init: every tsdraft
// command links this package, and only `serve` draws a page. The templates are embedded, so a
// parse error is a build defect and panics as template.Must did at init; New parses them, so
// the defect shows when the server starts, not at its first page.
var parsePages = sync.OnceValue(func() map[string]*template.Template {
	funcs := template.FuncMap{
		"nd":       func(p *pageData, n *node) nodeCtx { return nodeCtx{P: p, N: n} },
		"langName": langName,
		"join":     strings.Join,
		"inEnum":   func(n *node) bool { return slices.Contains(n.Enum, n.Value) },
		"has":      func(list []string, s string) bool { return slices.Contains(list, s) },
		"idx": func(list []string, i int) string {
			if i < len(list) {
				return list[i]
			}
			return ""
		},
		"list": func(s ...string) []string { return s },
	}
	out := map[string]*template.Template{}
	for _, name := range pageNames {
		t := template.Must(template.New("layout.html").Funcs(funcs).ParseFS(tmplFS, "templates/layout.html", "templates/"+name+".html"))
		if name == "form" {
			t = template.Must(t.ParseFS(tmplFS, "templates/node.html"))
		}
		out[name] = t
	}
	return out
})

// langName is a language's name in itself, as the vocabulary gives it (locales/<code>/
// language.toml `native`, so a language a translator adds is named too); "" for a code the
// vocabulary does not know.
func langName(code string) string {
	if l, ok := vocab.Active().Language(code); ok {
		return l.Native
	}
	return ""
}

// pageData is what every page template gets: the UI language, the session's CSRF token, the
// path (for the language switch) and the page's own data in D.
type pageData struct {
	Lang, CSRF, Path string
	UILangs          []string
	D                any
}

type nodeCtx struct {
	P *pageData
	N *node
}

// T is the UI text for key in the page's language.
func (p *pageData) T(key string, args ...any) string { return T(p.Lang, key, args...) }

// RowMessage is a sheet row's problem in the UI language where tsdraft knows its wording.
func (p *pageData) RowMessage(pr batch.Problem) string { return rowMessage(p.Lang, pr) }

// UIName is a UI language's name in itself.
func (p *pageData) UIName(l string) string { return langName(l) }

// Label is a field's name as the form shows it: the UI's text for it, else the key.
func (p *pageData) Label(n *node) string {
	ui := uiTexts()
	if s, ok := ui[p.Lang]["field."+n.Name]; ok {
		return s
	}
	if s, ok := ui["en"]["field."+n.Name]; ok {
		return s
	}
	return strings.ReplaceAll(n.Name, "_", " ")
}

// Help is a field's help text: the UI language's when there is one, else the schema's.
func (p *pageData) Help(n *node) string {
	key := "help." + profilePathPattern(n.Path)
	if s, ok := uiTexts()[p.Lang][key]; ok {
		return s
	}
	return n.Desc
}

// profilePathPattern replaces item numbers by "*": confidential.levels.*.label.
func profilePathPattern(path string) string {
	segs := strings.Split(path, ".")
	for i, s := range segs {
		if s != "" && strings.Trim(s, "0123456789") == "" || s == "__I__" {
			segs[i] = "*"
		}
	}
	return strings.Join(segs, ".")
}

// DocName is a document's name in the UI language.
func (p *pageData) DocName(id string) string {
	if s, ok := uiTexts()[p.Lang]["doc."+id]; ok {
		return s
	}
	return id
}

func (s *Server) page(w http.ResponseWriter, r *http.Request, name string, d any) {
	s.pageStatus(w, r, http.StatusOK, name, d)
}

func (s *Server) pageStatus(w http.ResponseWriter, r *http.Request, status int, name string, d any) {
	pd := &pageData{Lang: uiLang(r), Path: r.URL.RequestURI(), UILangs: UILangs(), D: d}
	if ss := sessionFrom(r.Context()); ss != nil {
		pd.CSRF = ss.csrf
	}
	var buf bytes.Buffer
	if err := parsePages()[name].Execute(&buf, pd); err != nil {
		log.Printf("tsdraft serve: page %s: %v", name, err)
		http.Error(w, "tsdraft: internal error drawing the page", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	_, _ = w.Write(buf.Bytes())
}

// fail shows an error page whose message is the UI text key (with args).
func (s *Server) fail(w http.ResponseWriter, r *http.Request, status int, key string, args ...any) {
	s.pageStatus(w, r, status, "error", map[string]any{"Message": T(uiLang(r), key, args...), "Status": status})
}

// failText shows an error page with a message made elsewhere (a file's problems, in English).
func (s *Server) failText(w http.ResponseWriter, r *http.Request, status int, msg string) {
	s.pageStatus(w, r, status, "error", map[string]any{"Message": msg, "Status": status})
}

var _ = profile.Documents
