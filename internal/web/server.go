package web

import (
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/tsdraft/tsdraft/internal/usecase"
)

// Limits of what one request may carry; an upload over them is refused with a message saying so.
const (
	DefaultMaxUpload = 8 << 20 // bytes of one uploaded sheet
	DefaultMaxRows   = 2000    // people in one sheet
	maxFormBytes     = 2 << 20 // a profile form
	maxResults       = 32      // builds and HR results kept in memory, oldest dropped first
	resultTTL        = 2 * time.Hour
)

// Options configure a Server.
type Options struct {
	DataDir   string // company profiles (*.toml) and issued pledges (pledges/<company>/)
	Password  string // required for a non-loopback listener; "" on loopback
	Hosts     []string
	MaxUpload int64
	MaxRows   int
	// Env is the shipped data and the user's layers, as the CLI has them; the server drafts
	// through the same use cases and keeps one renderer per language set.
	Env     usecase.Env
	Drafter Drafter
	Version string
	// Now is the clock (tests pin it); nil means time.Now.
	Now func() time.Time
}

// Server is the web app. It is safe for concurrent requests.
type Server struct {
	o       Options
	token   string // one-time; "" once used
	hosts   map[string]bool
	mux     *http.ServeMux
	static  fs.FS
	mu      sync.Mutex
	tokUsed bool
	sess    map[string]*session
	results map[string]*result
	order   []string // result ids, oldest first

	saveMu    sync.Mutex
	companyMu sync.Map // company name → *sync.Mutex: one HR run per company at a time
}

type session struct {
	id, csrf string
	created  time.Time
}

// result is what a build or an HR upload produced, kept in memory for its session only.
type result struct {
	id, owner string
	created   time.Time
	build     *buildResult
	hr        *hrResult
}

func randHex(n int) string {
	b := make([]byte, n)
	if _, err := rand.Read(b); err != nil {
		panic(err) // crypto/rand never fails on supported systems
	}
	return hex.EncodeToString(b)
}

// New makes a server for a listener at addr (host:port as the listener reports it). The data
// directory is created (private to the user) if missing.
func New(o Options, addr net.Addr) (*Server, error) {
	if o.MaxUpload <= 0 {
		o.MaxUpload = DefaultMaxUpload
	}
	if o.MaxRows <= 0 {
		o.MaxRows = DefaultMaxRows
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	if o.Drafter == nil {
		return nil, errors.New("web: a Drafter is required")
	}
	if _, err := loadScreens(); err != nil { // read lazily (i18n.go): report a defect before serving
		return nil, fmt.Errorf("web: screen texts: %w", err)
	}
	parsePages()
	o.Env = o.Env.Cached()
	if o.DataDir == "" {
		return nil, errors.New("web: no data directory")
	}
	if err := os.MkdirAll(filepath.Join(o.DataDir, pledgesDir), 0o700); err != nil {
		return nil, fmt.Errorf("creating the data folder %s: %w", o.DataDir, err)
	}
	tcp, ok := addr.(*net.TCPAddr)
	if !ok {
		return nil, fmt.Errorf("web: not a TCP address: %v", addr)
	}
	if !tcp.IP.IsLoopback() && o.Password == "" {
		return nil, fmt.Errorf("listening on %s (not loopback) needs a password", addr)
	}
	s := &Server{o: o, token: randHex(16), hosts: map[string]bool{}, sess: map[string]*session{},
		results: map[string]*result{}}
	port := fmt.Sprint(tcp.Port)
	if tcp.IP.IsLoopback() {
		for _, h := range []string{"127.0.0.1", "localhost", "[::1]"} {
			s.hosts[h+":"+port] = true
		}
	}
	if !tcp.IP.IsUnspecified() {
		s.hosts[strings.ToLower(net.JoinHostPort(tcp.IP.String(), port))] = true
	}
	for _, h := range o.Hosts {
		s.hosts[strings.ToLower(net.JoinHostPort(h, port))] = true
	}
	sub, err := fs.Sub(assetFS, "assets")
	if err != nil {
		return nil, err
	}
	s.static = sub
	s.routes()
	return s, nil
}

// Token is the one-time access token of the printed URL.
func (s *Server) Token() string { return s.token }

// ServeHTTP checks the Host header, then the session, then (for POST) the CSRF token, and
// sets the headers that keep the pages from being framed or loading anything from elsewhere.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("Content-Security-Policy", "default-src 'none'; script-src 'self'; connect-src 'self'; style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'")
	h.Set("X-Content-Type-Options", "nosniff")
	// same-origin, not no-referrer: with no-referrer browsers send "Origin: null" on form posts,
	// and the origin check needs the real one.
	h.Set("Referrer-Policy", "same-origin")
	h.Set("X-Frame-Options", "DENY")
	h.Set("Cache-Control", "no-store")
	if !s.hosts[strings.ToLower(r.Host)] {
		// A page from another site that resolves its own name to 127.0.0.1 (DNS rebinding)
		// arrives with its own name in Host.
		http.Error(w, "tsdraft: this address is not served here (Host "+fmt.Sprintf("%q", r.Host)+"); open the URL tsdraft serve printed", http.StatusMisdirectedRequest)
		return
	}
	if strings.HasPrefix(r.URL.Path, "/static/") {
		http.StripPrefix("/static/", http.FileServerFS(s.static)).ServeHTTP(w, r)
		return
	}
	if r.URL.Path == "/login" {
		s.login(w, r)
		return
	}
	ss := s.session(r)
	if ss == nil {
		if t := r.URL.Query().Get("token"); t != "" && r.Method == http.MethodGet {
			s.exchangeToken(w, r, t)
			return
		}
		s.needLogin(w, r)
		return
	}
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		if !s.sameOrigin(r) {
			http.Error(w, "tsdraft: request from another site refused", http.StatusForbidden)
			return
		}
		// The whole body is read here, within its limit, into memory (an upload never touches
		// the disk), and the CSRF token is checked before any handler sees the request.
		r.Body = http.MaxBytesReader(w, r.Body, s.bodyLimit(r))
		if err := s.parseBody(r); err != nil {
			var tooBig *http.MaxBytesError
			if errors.As(err, &tooBig) {
				s.fail(w, r, http.StatusRequestEntityTooLarge, "err.too_large", s.bodyLimit(r)>>20)
				return
			}
			s.fail(w, r, http.StatusBadRequest, "err.bad_form")
			return
		}
		if !s.csrfOK(r, ss) {
			s.fail(w, r, http.StatusForbidden, "err.csrf")
			return
		}
	}
	s.mux.ServeHTTP(w, r.WithContext(withSession(r.Context(), ss)))
}

func (s *Server) bodyLimit(r *http.Request) int64 {
	if strings.HasPrefix(r.URL.Path, "/hr/upload") {
		return s.o.MaxUpload + 64<<10 // the file plus the form's other fields
	}
	return maxFormBytes
}

// sameOrigin refuses a POST whose Origin names another site (browsers send Origin on POST).
func (s *Server) sameOrigin(r *http.Request) bool {
	o := r.Header.Get("Origin")
	if o == "" { // same-origin form posts from older browsers carry none
		return true
	}
	for _, scheme := range []string{"http://", "https://"} {
		if h, ok := strings.CutPrefix(o, scheme); ok {
			return s.hosts[strings.ToLower(h)]
		}
	}
	return false
}

func (s *Server) parseBody(r *http.Request) error {
	if strings.HasPrefix(r.Header.Get("Content-Type"), "multipart/form-data") {
		// maxMemory above the body limit: every part stays in memory.
		return r.ParseMultipartForm(s.bodyLimit(r) + 1<<20)
	}
	return r.ParseForm()
}

func (s *Server) csrfOK(r *http.Request, ss *session) bool {
	got := r.Header.Get("X-CSRF-Token")
	if got == "" {
		got = r.PostFormValue("csrf")
	}
	return got != "" && subtle.ConstantTimeCompare([]byte(got), []byte(ss.csrf)) == 1
}

const sessionCookie = "tsdraft_session"

func (s *Server) session(r *http.Request) *session {
	c, err := r.Cookie(sessionCookie)
	if err != nil || c.Value == "" {
		return nil
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.sess[c.Value]
}

func (s *Server) newSession(w http.ResponseWriter) {
	ss := &session{id: randHex(24), csrf: randHex(24), created: s.o.Now()}
	s.mu.Lock()
	s.sess[ss.id] = ss
	s.mu.Unlock()
	http.SetCookie(w, &http.Cookie{Name: sessionCookie, Value: ss.id, Path: "/", HttpOnly: true, SameSite: http.SameSiteStrictMode})
}

// exchangeToken turns the printed one-time token into a session cookie and sends the browser
// on without the token in its address bar.
func (s *Server) exchangeToken(w http.ResponseWriter, r *http.Request, t string) {
	s.mu.Lock()
	ok := !s.tokUsed && subtle.ConstantTimeCompare([]byte(t), []byte(s.token)) == 1
	if ok {
		s.tokUsed = true
	}
	s.mu.Unlock()
	if !ok {
		s.fail(w, r, http.StatusUnauthorized, "err.token_used")
		return
	}
	s.newSession(w)
	http.Redirect(w, r, "/", http.StatusSeeOther)
}

func (s *Server) needLogin(w http.ResponseWriter, r *http.Request) {
	if s.o.Password != "" {
		http.Redirect(w, r, "/login", http.StatusSeeOther)
		return
	}
	s.fail(w, r, http.StatusUnauthorized, "err.no_session")
}

// login is the password form of a non-loopback server. Its CSRF token is a cookie compared
// with the form field (there is no session yet).
func (s *Server) login(w http.ResponseWriter, r *http.Request) {
	if s.o.Password == "" {
		s.fail(w, r, http.StatusUnauthorized, "err.no_session")
		return
	}
	if r.Method == http.MethodPost {
		r.Body = http.MaxBytesReader(w, r.Body, 4<<10)
		c, err := r.Cookie("tsdraft_login")
		if err != nil || r.ParseForm() != nil || c.Value == "" ||
			subtle.ConstantTimeCompare([]byte(c.Value), []byte(r.PostFormValue("csrf"))) != 1 || !s.sameOrigin(r) {
			s.fail(w, r, http.StatusForbidden, "err.csrf")
			return
		}
		a, b := sha256.Sum256([]byte(r.PostFormValue("password"))), sha256.Sum256([]byte(s.o.Password))
		if subtle.ConstantTimeCompare(a[:], b[:]) == 1 {
			s.newSession(w)
			http.Redirect(w, r, "/", http.StatusSeeOther)
			return
		}
		time.Sleep(700 * time.Millisecond) // slows guessing
	}
	tok := randHex(16)
	http.SetCookie(w, &http.Cookie{Name: "tsdraft_login", Value: tok, Path: "/login", HttpOnly: true, SameSite: http.SameSiteStrictMode})
	s.page(w, r, "login", map[string]any{"LoginCSRF": tok, "Failed": r.Method == http.MethodPost})
}

// keep stores a result for its session, dropping the oldest beyond the limit.
func (s *Server) keep(owner string, res *result) string {
	res.id, res.owner, res.created = randHex(12), owner, s.o.Now()
	s.mu.Lock()
	defer s.mu.Unlock()
	s.results[res.id] = res
	s.order = append(s.order, res.id)
	for len(s.order) > maxResults || len(s.order) > 0 && s.o.Now().Sub(s.results[s.order[0]].created) > resultTTL {
		delete(s.results, s.order[0])
		s.order = s.order[1:]
	}
	return res.id
}

// lookup finds a result of this session; ids of other sessions are not found.
func (s *Server) lookup(r *http.Request, id string) *result {
	ss := sessionFrom(r.Context())
	s.mu.Lock()
	defer s.mu.Unlock()
	res := s.results[id]
	if res == nil || ss == nil || res.owner != ss.id {
		return nil
	}
	return res
}

func (s *Server) companyLock(name string) *sync.Mutex {
	m, _ := s.companyMu.LoadOrStore(name, &sync.Mutex{})
	return m.(*sync.Mutex)
}
