package web

import (
	"encoding/json"
	"errors"
	"net/http"
	"net/url"
	"slices"
	"strings"

	"github.com/BurntSushi/toml"

	"github.com/tsdraft/tsdraft/internal/notes"
	"github.com/tsdraft/tsdraft/internal/profile"
	"github.com/tsdraft/tsdraft/internal/render"
)

func (s *Server) routes() {
	m := http.NewServeMux()
	m.HandleFunc("GET /{$}", s.home)
	m.HandleFunc("POST /ui-lang", s.setUILang)
	m.HandleFunc("GET /profile/new", s.newProfile)
	m.HandleFunc("GET /profile/open", s.openProfile)
	m.HandleFunc("POST /profile", s.postProfile)
	m.HandleFunc("POST /profile/check", s.liveCheck)
	m.HandleFunc("GET /profile/download", s.downloadProfile)
	m.HandleFunc("GET /build/{id}", s.showBuild)
	m.HandleFunc("GET /build/{id}/zip", s.buildZip)
	m.HandleFunc("GET /build/{id}/profile", s.buildProfile)
	m.HandleFunc("GET /build/{id}/edit", s.editBuild)
	m.HandleFunc("GET /build/{id}/pages/{n}", s.pageImages)
	m.HandleFunc("GET /hr", s.hrHome)
	m.HandleFunc("GET /hr/sheet", s.hrSheet)
	m.HandleFunc("POST /hr/upload", s.hrUpload)
	m.HandleFunc("GET /hr/result/{id}", s.hrResult)
	m.HandleFunc("GET /hr/result/{id}/zip", s.hrZip)
	m.HandleFunc("POST /hr/result/{id}/update", s.hrUpdate)
	s.mux = m
}

func (s *Server) home(w http.ResponseWriter, r *http.Request) {
	names, err := s.profiles()
	if err != nil {
		s.failText(w, r, http.StatusInternalServerError, err.Error())
		return
	}
	s.page(w, r, "home", map[string]any{"Profiles": names, "Jurisdictions": profile.Jurisdictions})
}

// formPage is what the profile page shows.
type formPage struct {
	Name, Opened, OpenedHash string
	Nodes                    []*node
	General                  []diagView
	Errors, Warnings         int
	Checked                  bool
	Saved                    bool
	SaveError                string
	Docs                     []string
	Chosen                   []string // documents to build
	Langs                    []string // languages the build may use
	BuildLangs               []string // chosen: one or two
	Layout                   string
	Notes                    string // drafting notes: comments, memo or none
	PDF, HasLO               bool
}

func (s *Server) newProfile(w http.ResponseWriter, r *http.Request) {
	jur := r.URL.Query().Get("jur")
	if !profile.IsJurisdiction(jur) {
		s.fail(w, r, http.StatusBadRequest, "err.jurisdiction")
		return
	}
	src, err := profile.Sample(jur, nil)
	if err != nil {
		s.failText(w, r, http.StatusInternalServerError, err.Error())
		return
	}
	s.showSource(w, r, src, strings.ToLower(jur)+"-company", "", "")
}

func (s *Server) openProfile(w http.ResponseWriter, r *http.Request) {
	name := r.URL.Query().Get("name")
	src, err := s.readProfile(name)
	if errors.Is(err, errNoProfile) {
		s.fail(w, r, http.StatusNotFound, "err.no_profile")
		return
	}
	if err != nil {
		s.failText(w, r, http.StatusInternalServerError, err.Error())
		return
	}
	s.showSource(w, r, src, name, name, hashOf(src))
}

// showSource shows the form for a profile file. A file that is not TOML cannot fill a form:
// its problem is shown with its line, and nothing is guessed.
func (s *Server) showSource(w http.ResponseWriter, r *http.Request, src []byte, name, opened, openedHash string) {
	var doc map[string]any
	if _, err := toml.Decode(string(src), &doc); err != nil {
		_, ds := profile.Decode(name+".toml", src, nil)
		msg := err.Error()
		if len(ds) > 0 {
			msg = ds[0].String()
		}
		s.failText(w, r, http.StatusUnprocessableEntity, T(uiLang(r), "err.not_toml")+"\n"+msg)
		return
	}
	doc = normalizeDoc(doc)
	fp := &formPage{Name: name, Opened: opened, OpenedHash: openedHash}
	c := checkDoc(s.o.Env, doc, nil, nil)
	s.fillForm(fp, c, r.URL.Query())
	for _, k := range notInForm(doc) {
		fp.General = append(fp.General, diagView{Error: true, Message: T(uiLang(r), "form.not_in_form", k)})
	}
	s.page(w, r, "form", fp)
}

// normalizeDoc turns the decoder's arrays of tables into []any, as readForm makes them.
func normalizeDoc(v map[string]any) map[string]any {
	var norm func(v any) any
	norm = func(v any) any {
		switch x := v.(type) {
		case map[string]any:
			for k, e := range x {
				x[k] = norm(e)
			}
			return x
		case []map[string]any:
			out := make([]any, len(x))
			for i, e := range x {
				out[i] = norm(e)
			}
			return out
		case []any:
			for i, e := range x {
				x[i] = norm(e)
			}
			return x
		}
		return v
	}
	return norm(v).(map[string]any)
}

// fillForm sets the nodes, the problems and the build choices (from form, else defaults).
func (s *Server) fillForm(fp *formPage, c *checked, form url.Values) {
	fp.Nodes = buildForm(c.doc, c.langs)
	c.attach(fp.Nodes)
	fp.General, fp.Errors, fp.Warnings = c.general, c.errors, c.warns
	fp.Docs = profile.Documents
	fp.Chosen = validDocs(form["docs"])
	if len(fp.Chosen) == 0 && form.Get("action") == "" {
		fp.Chosen = slices.Clone(profile.Documents)
	}
	fp.Langs = c.langs
	fp.BuildLangs = nil
	for _, l := range []string{form.Get("lang1"), form.Get("lang2")} {
		if profile.IsLanguage(l) && !slices.Contains(fp.BuildLangs, l) {
			fp.BuildLangs = append(fp.BuildLangs, l)
		}
	}
	if len(fp.BuildLangs) == 0 {
		if ls, ok := c.doc["languages"].([]any); ok {
			for _, l := range ls {
				if s, ok := l.(string); ok && profile.IsLanguage(s) && len(fp.BuildLangs) < 2 {
					fp.BuildLangs = append(fp.BuildLangs, s)
				}
			}
		}
	}
	fp.Layout = form.Get("layout")
	if !slices.Contains([]string{render.Interleave, render.Columns, render.Separate}, fp.Layout) {
		fp.Layout, _ = c.doc["layout"].(string)
	}
	fp.Notes = noteMode(form.Get("notes"))
	fp.PDF = form.Get("pdf") == "on"
	fp.HasLO = haveLibreOffice()
}

// noteModes are the choices of `tsdraft build --notes`, in the order the form offers them.
var noteModes = []string{string(notes.Comments), string(notes.Memo), string(notes.None)}

// noteMode is the form's choice of drafting notes; anything else is the default of
// `tsdraft build` for drafts, comments.
func noteMode(v string) string {
	if slices.Contains(noteModes, v) {
		return v
	}
	return string(notes.Comments)
}

func validDocs(in []string) []string {
	var out []string
	for _, d := range profile.Documents { // canonical order, each once
		if slices.Contains(in, d) {
			out = append(out, d)
		}
	}
	return out
}

// postProfile is the form's buttons: check, save, download or build.
func (s *Server) postProfile(w http.ResponseWriter, r *http.Request) {
	if err := r.ParseForm(); err != nil {
		s.fail(w, r, http.StatusRequestEntityTooLarge, "err.form_too_large")
		return
	}
	form := r.PostForm
	action := form.Get("action")
	doc := readForm(form)
	fp := &formPage{Name: strings.TrimSpace(form.Get("name")), Opened: form.Get("opened"), OpenedHash: form.Get("opened_hash"), Checked: true}
	var docs, langs []string
	if action == "build" {
		docs = validDocs(form["docs"])
		for _, l := range []string{form.Get("lang1"), form.Get("lang2")} {
			if profile.IsLanguage(l) && !slices.Contains(langs, l) {
				langs = append(langs, l)
			}
		}
	}
	c := checkDoc(s.o.Env, doc, docs, langs)
	switch action {
	case "save":
		switch err := s.saveProfile(fp.Name, fp.Opened, fp.OpenedHash, c.src); {
		case errors.Is(err, errNoProfile):
			fp.SaveError = T(uiLang(r), "err.bad_name")
		case errors.Is(err, errExists):
			fp.SaveError = T(uiLang(r), "err.name_taken", fp.Name)
		case errors.Is(err, errChanged):
			fp.SaveError = T(uiLang(r), "err.changed_on_disk", fp.Name)
		case err != nil:
			fp.SaveError = err.Error()
		default:
			fp.Saved, fp.Opened, fp.OpenedHash = true, fp.Name, hashOf(c.src)
		}
	case "download":
		name := "profile"
		if validName(fp.Name) {
			name = fp.Name
		}
		w.Header().Set("Content-Type", "application/toml; charset=utf-8")
		w.Header().Set("Content-Disposition", contentDisposition(name+".toml"))
		_, _ = w.Write(c.src)
		return
	case "build":
		if len(docs) == 0 {
			fp.SaveError = T(uiLang(r), "err.no_docs")
			break
		}
		if c.p == nil {
			break // the problems are shown at their fields
		}
		fp.Notes = noteMode(form.Get("notes"))
		id, err := s.build(r, fp, c, docs, langs, form.Get("layout"), form.Get("pdf") == "on")
		if err != nil {
			fp.SaveError = err.Error()
			break
		}
		http.Redirect(w, r, "/build/"+id, http.StatusSeeOther)
		return
	}
	s.fillForm(fp, c, form)
	status := http.StatusOK
	if c.errors > 0 || fp.SaveError != "" {
		status = http.StatusUnprocessableEntity
	}
	s.pageStatus(w, r, status, "form", fp)
}

// liveCheck is the check the form runs while the user types (after a field is left): the same
// checks as the Check button, answered as JSON for the page's script to place at the fields.
func (s *Server) liveCheck(w http.ResponseWriter, r *http.Request) {
	c := checkDoc(s.o.Env, readForm(r.PostForm), nil, nil)
	type out struct {
		Summary string                `json:"summary"`
		Errors  int                   `json:"errors"`
		Fields  map[string][]diagView `json:"fields"`
		General []diagView            `json:"general"`
	}
	o := out{Errors: c.errors, Fields: c.byPath, General: c.general}
	if c.errors+c.warns > 0 {
		o.Summary = T(uiLang(r), "form.summary", c.errors, c.warns)
	} else {
		o.Summary = "✔ " + T(uiLang(r), "form.ok")
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	_ = json.NewEncoder(w).Encode(o)
}

func (s *Server) downloadProfile(w http.ResponseWriter, r *http.Request) {
	name := r.URL.Query().Get("name")
	src, err := s.readProfile(name)
	if err != nil {
		s.fail(w, r, http.StatusNotFound, "err.no_profile")
		return
	}
	w.Header().Set("Content-Type", "application/toml; charset=utf-8")
	w.Header().Set("Content-Disposition", contentDisposition(name+".toml"))
	_, _ = w.Write(src)
}

// contentDisposition names a download; the name is ours (validated), encoded for any script.
func contentDisposition(name string) string {
	return `attachment; filename="download` + extOf(name) + `"; filename*=UTF-8''` + url.PathEscape(name)
}

func extOf(name string) string {
	if i := strings.LastIndexByte(name, '.'); i >= 0 {
		return name[i:]
	}
	return ""
}
