package web

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"fmt"
	"html"
	"io"
	"mime/multipart"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"
	"testing/fstest"

	"github.com/tsdraft/tsdraft/internal/batch"
	"github.com/tsdraft/tsdraft/internal/docx"
	"github.com/tsdraft/tsdraft/internal/docxtext"
	"github.com/tsdraft/tsdraft/internal/profile"
	"github.com/tsdraft/tsdraft/internal/usecase"
)

const testHost = "127.0.0.1:8765"

// testEnv is the shipped data, as `tsdraft serve` drafts with it.
var testEnv = usecase.Env{Version: "test"}

func newTestServer(t testing.TB, mod func(*Options)) *Server {
	t.Helper()
	o := Options{DataDir: t.TempDir(), Env: testEnv, Drafter: NewBatchDrafter(testEnv)}
	if mod != nil {
		mod(&o)
	}
	s, err := New(o, &net.TCPAddr{IP: net.IPv4(127, 0, 0, 1), Port: 8765})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// client is a browser with a session on the test server.
type client struct {
	t      testing.TB
	s      *Server
	cookie *http.Cookie
	csrf   string
	lang   string
}

func (c *client) do(req *http.Request) *httptest.ResponseRecorder {
	req.Host = testHost
	if c.cookie != nil {
		req.AddCookie(c.cookie)
	}
	if c.lang != "" {
		req.Header.Set("Accept-Language", c.lang)
	}
	w := httptest.NewRecorder()
	c.s.ServeHTTP(w, req)
	return w
}

func (c *client) get(path string) *httptest.ResponseRecorder {
	return c.do(httptest.NewRequest("GET", path, nil))
}

func (c *client) post(path string, form url.Values) *httptest.ResponseRecorder {
	req := httptest.NewRequest("POST", path, strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	return c.do(req)
}

var csrfRe = regexp.MustCompile(`name="csrf" value="([0-9a-f]+)"`)

func login(t testing.TB, s *Server) *client {
	t.Helper()
	c := &client{t: t, s: s, lang: "en"}
	w := c.get("/?token=" + s.Token())
	if w.Code != http.StatusSeeOther {
		t.Fatalf("token exchange: %d %s", w.Code, w.Body)
	}
	for _, ck := range w.Result().Cookies() {
		if ck.Name == sessionCookie {
			c.cookie = ck
		}
	}
	if c.cookie == nil || !c.cookie.HttpOnly || c.cookie.SameSite != http.SameSiteStrictMode {
		t.Fatalf("session cookie missing or not HttpOnly+SameSite=Strict: %+v", c.cookie)
	}
	home := c.get("/")
	m := csrfRe.FindStringSubmatch(home.Body.String())
	if home.Code != 200 || m == nil {
		t.Fatalf("home: %d, no csrf", home.Code)
	}
	c.csrf = m[1]
	return c
}

func TestTokenIsNeededAndWorksOnce(t *testing.T) {
	s := newTestServer(t, nil)
	anon := &client{t: t, s: s}
	for _, path := range []string{"/", "/profile/new?jur=CN", "/hr", "/hr/sheet", "/?token=" + strings.Repeat("0", 32)} {
		if w := anon.get(path); w.Code != http.StatusUnauthorized {
			t.Errorf("GET %s without a session: %d, want 401", path, w.Code)
		}
	}
	if w := anon.post("/profile", url.Values{"action": {"check"}}); w.Code != http.StatusUnauthorized {
		t.Errorf("POST without a session: %d, want 401", w.Code)
	}
	c := login(t, s)
	if w := anon.get("/?token=" + s.Token()); w.Code != http.StatusUnauthorized || !strings.Contains(w.Body.String(), "already been used") {
		t.Errorf("second use of the token: %d, want 401 saying it was used", w.Code)
	}
	if w := c.get("/"); w.Code != 200 {
		t.Errorf("with the session cookie: %d", w.Code)
	}
	forged := &client{t: t, s: s, cookie: &http.Cookie{Name: sessionCookie, Value: strings.Repeat("a", 48)}}
	if w := forged.get("/"); w.Code != http.StatusUnauthorized {
		t.Errorf("made-up session: %d, want 401", w.Code)
	}
}

func TestForeignHostRefused(t *testing.T) {
	s := newTestServer(t, nil)
	c := login(t, s)
	for _, host := range []string{"evil.example:8765", "evil.example", "127.0.0.1:9999", "localhost.evil.example:8765", ""} {
		req := httptest.NewRequest("GET", "/", nil)
		req.AddCookie(c.cookie)
		req.Host = host
		w := httptest.NewRecorder()
		s.ServeHTTP(w, req)
		if w.Code != http.StatusMisdirectedRequest {
			t.Errorf("Host %q: %d, want 421", host, w.Code)
		}
	}
	for _, host := range []string{"localhost:8765", "127.0.0.1:8765", "[::1]:8765", "LOCALHOST:8765"} {
		req := httptest.NewRequest("GET", "/", nil)
		req.AddCookie(c.cookie)
		req.Host = host
		w := httptest.NewRecorder()
		s.ServeHTTP(w, req)
		if w.Code != 200 {
			t.Errorf("Host %q: %d, want 200", host, w.Code)
		}
	}
}

func TestCSRFOnEveryForm(t *testing.T) {
	s := newTestServer(t, nil)
	c := login(t, s)
	doc := sampleDoc(t, "CN")
	form := formValues(buildForm(doc, formLangs(doc)))
	form.Set("action", "check")
	for name, f := range map[string]func(url.Values){
		"none":  func(v url.Values) { v.Del("csrf") },
		"wrong": func(v url.Values) { v.Set("csrf", strings.Repeat("0", 48)) },
	} {
		v := url.Values{}
		for k, vs := range form {
			v[k] = vs
		}
		v.Set("csrf", c.csrf)
		f(v)
		for _, path := range []string{"/profile", "/ui-lang", "/hr/upload"} {
			if w := c.post(path, v); w.Code != http.StatusForbidden {
				t.Errorf("%s CSRF token, POST %s: %d, want 403", name, path, w.Code)
			}
		}
	}
	form.Set("csrf", c.csrf)
	if w := c.post("/profile", form); w.Code != 200 {
		t.Errorf("right CSRF token: %d\n%s", w.Code, w.Body)
	}
	// A form posted from another site's page carries its Origin.
	req := httptest.NewRequest("POST", "/profile", strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Origin", "http://evil.example")
	if w := c.do(req); w.Code != http.StatusForbidden {
		t.Errorf("foreign Origin: %d, want 403", w.Code)
	}
	// Another session's token is not this session's.
	c2 := login(t, newTestServer(t, nil))
	form.Set("csrf", c2.csrf)
	if w := c.post("/profile", form); w.Code != http.StatusForbidden {
		t.Errorf("another session's token: %d, want 403", w.Code)
	}
}

func upload(c *client, company, name string, data []byte) *httptest.ResponseRecorder {
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	_ = mw.WriteField("csrf", c.csrf)
	_ = mw.WriteField("company", company)
	fw, _ := mw.CreateFormFile("sheet", name)
	_, _ = fw.Write(data)
	_ = mw.Close()
	req := httptest.NewRequest("POST", "/hr/upload", &body)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	return c.do(req)
}

// saveSample saves the jurisdiction's sample as a company profile through the form.
func saveSample(t *testing.T, c *client, jur, name string) {
	t.Helper()
	doc := sampleDoc(t, jur)
	form := formValues(buildForm(doc, formLangs(doc)))
	form.Set("csrf", c.csrf)
	form.Set("action", "save")
	form.Set("name", name)
	w := c.post("/profile", form)
	if w.Code != 200 || !strings.Contains(w.Body.String(), `id="saved"`) {
		t.Fatalf("save: %d\n%s", w.Code, w.Body)
	}
}

func TestUploadLimits(t *testing.T) {
	s := newTestServer(t, func(o *Options) { o.MaxUpload = 64 << 10; o.MaxRows = 3 })
	c := login(t, s)
	saveSample(t, c, "TH", "th-co")
	big := bytes.Repeat([]byte("E-1,x,2026-03-31\n"), 20000)
	w := upload(c, "th-co", "big.csv", big)
	if w.Code != http.StatusRequestEntityTooLarge || !strings.Contains(w.Body.String(), "too large") {
		t.Errorf("oversized upload: %d\n%s", w.Code, w.Body)
	}
	rows := "employee.id,employee.name,employee.exit_date\n" + strings.Repeat("E-1,x,2026-03-31\n", 4)
	w = upload(c, "th-co", "rows.csv", []byte(rows))
	if w.Code != http.StatusUnprocessableEntity || !strings.Contains(w.Body.String(), "4 rows") || !strings.Contains(w.Body.String(), "at most 3") {
		t.Errorf("too many rows: %d\n%s", w.Code, w.Body)
	}
	for name, data := range map[string][]byte{
		"old.xls":   append([]byte{0xD0, 0xCF, 0x11, 0xE0}, make([]byte, 100)...),
		"photo.png": append([]byte("\x89PNG\r\n\x1a\n"), 0, 0, 0),
		"empty.csv": {},
	} {
		if w := upload(c, "th-co", name, data); w.Code < 400 || w.Code == 500 {
			t.Errorf("%s: %d, want a clear refusal", name, w.Code)
		}
	}
	if ents, _ := os.ReadDir(filepath.Join(s.o.DataDir, pledgesDir)); len(ents) != 0 {
		t.Errorf("refused uploads left %d entries in the pledges folder", len(ents))
	}
}

func TestNoPathFromTheBrowser(t *testing.T) {
	s := newTestServer(t, nil)
	c := login(t, s)
	outside := filepath.Join(t.TempDir(), "secret.toml")
	if err := os.WriteFile(outside, []byte(`jurisdiction = "CN"`), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(outside, filepath.Join(s.o.DataDir, "link.toml")); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"../secret", "..%2Fsecret", "/etc/passwd", "link", "a/b", `a\b`, "", ".hidden", "x.toml"} {
		if w := c.get("/profile/open?name=" + url.QueryEscape(name)); w.Code != http.StatusNotFound {
			t.Errorf("open %q: %d, want 404", name, w.Code)
		}
		if w := c.get("/profile/download?name=" + url.QueryEscape(name)); w.Code != http.StatusNotFound {
			t.Errorf("download %q: %d, want 404", name, w.Code)
		}
		if w := upload(c, name, "l.csv", []byte("employee.id\nE-1\n")); w.Code != http.StatusNotFound {
			t.Errorf("upload for company %q: %d, want 404", name, w.Code)
		}
	}
	if home := c.get("/").Body.String(); strings.Contains(home, "name=link") {
		t.Errorf("a symlink is listed as a profile")
	}
	doc := sampleDoc(t, "CN")
	form := formValues(buildForm(doc, formLangs(doc)))
	form.Set("csrf", c.csrf)
	form.Set("action", "save")
	for _, name := range []string{"../escape", "a/b", "..", "x.y", "名前 空白"} {
		form.Set("name", name)
		w := c.post("/profile", form)
		if w.Code != http.StatusUnprocessableEntity || !strings.Contains(w.Body.String(), "letters, digits") {
			t.Errorf("save as %q: %d, want refused", name, w.Code)
		}
	}
	if _, err := os.Stat(filepath.Join(filepath.Dir(s.o.DataDir), "escape.toml")); err == nil {
		t.Errorf("a file was written outside the data folder")
	}
	for _, path := range []string{"/static/../server.go", "/static/%2e%2e/server.go", "/build/../../etc/passwd", "/build/" + strings.Repeat("0", 24) + "/zip"} {
		w := c.get(path)
		if w.Code == 200 && strings.Contains(w.Body.String(), "package web") {
			t.Errorf("GET %s served source", path)
		}
		if w.Code == 200 && strings.HasPrefix(path, "/build/") {
			t.Errorf("GET %s: 200", path)
		}
	}
}

func TestSaveNeverOverwritesWhatWasNotOpened(t *testing.T) {
	s := newTestServer(t, nil)
	c := login(t, s)
	saveSample(t, c, "CN", "client")
	doc := sampleDoc(t, "CN")
	form := formValues(buildForm(doc, formLangs(doc)))
	form.Set("csrf", c.csrf)
	form.Set("action", "save")
	form.Set("name", "client")
	if w := c.post("/profile", form); w.Code != http.StatusUnprocessableEntity || !strings.Contains(w.Body.String(), "exists already") {
		t.Errorf("save a new form over an existing name: %d", w.Code)
	}
	// Opened, then changed on disk by someone else: refused.
	open := c.get("/profile/open?name=client").Body.String()
	hash := regexp.MustCompile(`name="opened_hash" value="([0-9a-f]+)"`).FindStringSubmatch(open)
	if hash == nil {
		t.Fatal("no opened_hash in the form")
	}
	form.Set("opened", "client")
	form.Set("opened_hash", hash[1])
	path := filepath.Join(s.o.DataDir, "client.toml")
	orig, _ := os.ReadFile(path)
	if err := os.WriteFile(path, append(orig, "# edited by hand\n"...), 0o600); err != nil {
		t.Fatal(err)
	}
	if w := c.post("/profile", form); w.Code != http.StatusUnprocessableEntity || !strings.Contains(w.Body.String(), "changed on disk") {
		t.Errorf("save over a file changed since it was opened: %d", w.Code)
	}
	// Opened again: saving replaces it, and a hand-written file is kept as .bak first.
	if err := os.WriteFile(path, []byte("# by hand\n"+string(orig[len(savedHeader):])), 0o600); err != nil {
		t.Fatal(err)
	}
	open = c.get("/profile/open?name=client").Body.String()
	form.Set("opened_hash", regexp.MustCompile(`name="opened_hash" value="([0-9a-f]+)"`).FindStringSubmatch(open)[1])
	if w := c.post("/profile", form); w.Code != 200 {
		t.Errorf("save over the opened file: %d", w.Code)
	}
	if b, err := os.ReadFile(path + ".bak"); err != nil || !strings.HasPrefix(string(b), "# by hand") {
		t.Errorf("hand-written profile not kept as .bak: %v", err)
	}
}

func readZip(t testing.TB, b []byte) map[string][]byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	out := map[string][]byte{}
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		out[f.Name], _ = io.ReadAll(rc)
		rc.Close()
	}
	return out
}

func docxText(t testing.TB, b []byte) string {
	t.Helper()
	pkg, err := docx.Open("test.docx", b)
	if err != nil {
		t.Fatal(err)
	}
	s, err := docxtext.Dump(pkg)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestBuildAndDownload(t *testing.T) {
	s := newTestServer(t, nil)
	c := login(t, s)
	doc := sampleDoc(t, "CN")
	form := formValues(buildForm(doc, formLangs(doc)))
	form.Set("csrf", c.csrf)
	form.Set("action", "build")
	form["docs"] = []string{"exit-pledge", "noncompete"}
	form.Set("lang1", "zh-CN")
	form.Set("lang2", "ja")
	form.Set("layout", "interleave")
	form.Set("v.employee.name@zh-CN", "王小明")
	form.Set("v.employee.name@ja", "王小明")
	w := c.post("/profile", form)
	if w.Code != http.StatusSeeOther {
		t.Fatalf("build: %d\n%s", w.Code, w.Body)
	}
	loc := w.Header().Get("Location")
	page := c.get(loc)
	if page.Code != 200 || !strings.Contains(page.Body.String(), "王小明") {
		t.Fatalf("preview: %d, the employee's name is not in it", page.Code)
	}
	z := c.get(loc + "/zip")
	if z.Code != 200 || z.Header().Get("Content-Type") != "application/zip" {
		t.Fatalf("zip: %d", z.Code)
	}
	files := readZip(t, z.Body.Bytes())
	for _, name := range []string{"exit-pledge.CN.zh-CN+ja.docx", "noncompete.CN.zh-CN+ja.docx", "profile.toml"} {
		if files[name] == nil {
			t.Errorf("zip lacks %s (has %d files)", name, len(files))
		}
	}
	text := docxText(t, files["exit-pledge.CN.zh-CN+ja.docx"])
	if !strings.Contains(text, "王小明") || !strings.Contains(text, "离职") {
		t.Errorf("exit pledge text lacks the name or the Chinese text:\n%.600s", text)
	}
	p, ds := profile.Decode("profile.toml", files["profile.toml"], nil)
	if ds.HasErrors() || p.Employee.Name.ByLang["zh-CN"] != "王小明" && p.Employee.Name.Plain != "王小明" {
		t.Errorf("the zip's profile does not hold what was built: %v %+v", ds, p.Employee.Name)
	}
	// Same inputs, same bytes.
	w2 := c.post("/profile", form)
	z2 := c.get(w2.Header().Get("Location") + "/zip")
	if !bytes.Equal(z.Body.Bytes(), z2.Body.Bytes()) {
		t.Errorf("two builds of the same form differ")
	}
	// A result belongs to its session.
	other := login(t, s2(t, s))
	if w := other.get(loc); w.Code != http.StatusNotFound {
		t.Errorf("another session sees the build: %d", w.Code)
	}
}

// s2 gives a second browser a session on the same server (the one-time token is spent).
func s2(t *testing.T, s *Server) *Server {
	s.mu.Lock()
	s.tokUsed = false
	s.token = randHex(16)
	s.mu.Unlock()
	return s
}

func TestBuildRefusedWithErrors(t *testing.T) {
	s := newTestServer(t, nil)
	c := login(t, s)
	doc := sampleDoc(t, "CN")
	form := formValues(buildForm(doc, formLangs(doc)))
	form.Set("csrf", c.csrf)
	form.Set("action", "build")
	form["docs"] = []string{"noncompete"}
	form.Set("v.noncompete.months", "30")
	w := c.post("/profile", form)
	body := w.Body.String()
	if w.Code != http.StatusUnprocessableEntity {
		t.Fatalf("build with an error: %d", w.Code)
	}
	i := strings.Index(body, `data-path="noncompete.months"`)
	j := strings.Index(body[i:], "exceeds the statutory maximum of 24 months")
	if i < 0 || j < 0 || j > 3000 {
		t.Errorf("the error is not shown at the months field")
	}
}

func TestHRUploadDraftsOnlyNewAndChangedRows(t *testing.T) {
	s := newTestServer(t, nil)
	c := login(t, s)
	saveSample(t, c, "TH", "th-co")
	head := "employee.id,employee.name,employee.department,employee.position,employee.hire_date,employee.exit_date,employee.access,employee.materials\n"
	good := "E-1041,นายสมชาย ใจดี,ฝ่ายผลิต,วิศวกร,2019-04-01,2026-03-31,แบบแม่พิมพ์,บัตรพนักงาน\n"
	bad := "E-1063,นายวิชัย บุญมา,ฝ่ายจัดซื้อ,เจ้าหน้าที่,2022-07-01,2026-02-30,ราคา,บัตรพนักงาน\n"
	w := upload(c, "th-co", "leavers.csv", []byte(head+good+bad))
	if w.Code != http.StatusSeeOther {
		t.Fatalf("upload: %d\n%s", w.Code, w.Body)
	}
	loc := w.Header().Get("Location")
	page := c.get(loc).Body.String()
	for _, want := range []string{`data-row="3"`, `<span class="at">row 3, <span class="col">column F</span> (<code class="header">employee.exit_date</code>)</span>`,
		"month 2 of 2026 has no day 30", `<span class="pill failed">needs fixing`, `<span class="pill drafted">drafted`} {
		if !strings.Contains(page, want) {
			t.Errorf("result page lacks %q", want)
		}
	}
	dir := filepath.Join(s.o.DataDir, pledgesDir, "th-co")
	// Something that is not a regular file in the folder never reaches the zip.
	if err := os.Symlink("/etc/passwd", filepath.Join(dir, "passwd.docx")); err != nil {
		t.Fatal(err)
	}
	files := readZip(t, c.get(loc+"/zip").Body.Bytes())
	var pledge string
	for name := range files {
		if strings.HasSuffix(name, ".docx") {
			pledge = name
		}
	}
	if len(files) != 3 || files["manifest.csv"] == nil || files["manifest.xlsx"] == nil || pledge == "" {
		t.Fatalf("zip holds %v; want the one pledge, manifest.csv and manifest.xlsx", zipNames(files))
	}
	if text := docxText(t, files[pledge]); !strings.Contains(text, "นายสมชาย ใจดี") {
		t.Errorf("pledge lacks the leaver's name")
	}
	if m := string(files["manifest.csv"]); !strings.Contains(m, "E-1063") || !strings.Contains(m, "failed") {
		t.Errorf("manifest lacks the failed row:\n%s", m)
	}
	if _, err := os.Stat(filepath.Join(dir, "issue-log.csv")); err != nil {
		t.Errorf("the batch's issue log is not in the company folder: %v", err)
	}
	rowHTML := func(row, id, name, status string) string {
		return fmt.Sprintf(`data-row="%s"><td class="num">%s</td><td>%s</td><td>%s</td><td><span class="pill %s">`, row, row, id, name, status)
	}
	// Fixed and uploaded again: row 2 is kept as issued, row 3 drafted.
	fixed := strings.Replace(bad, "2026-02-30", "2026-02-28", 1)
	page = c.get(upload(c, "th-co", "leavers.csv", []byte(head+good+fixed)).Header().Get("Location")).Body.String()
	if !strings.Contains(page, rowHTML("2", "E-1041", "นายสมชาย ใจดี", "kept")) || !strings.Contains(page, rowHTML("3", "E-1063", "นายวิชัย บุญมา", "drafted")) {
		t.Errorf("second upload: row 2 should be kept and row 3 drafted:\n%s", page)
	}
	before, err := os.ReadFile(filepath.Join(dir, pledge))
	if err != nil {
		t.Fatal(err)
	}
	// A changed row is reported, its pledge kept as issued and left out of the zip, until the
	// user chooses to update it.
	changed := strings.Replace(good, "วิศวกร", "วิศวกรอาวุโส", 1)
	w = upload(c, "th-co", "leavers.csv", []byte(head+changed+fixed))
	loc = w.Header().Get("Location")
	page = c.get(loc).Body.String()
	if !strings.Contains(page, rowHTML("2", "E-1041", "นายสมชาย ใจดี", "changed")) || !strings.Contains(page, `id="update-changed"`) {
		t.Fatalf("third upload: row 2 should be changed, with an update button:\n%s", page)
	}
	if after, _ := os.ReadFile(filepath.Join(dir, pledge)); !bytes.Equal(before, after) {
		t.Errorf("the changed row's pledge was rewritten without --update")
	}
	if files := readZip(t, c.get(loc+"/zip").Body.Bytes()); files[pledge] != nil || len(files) != 3 {
		t.Errorf("zip of the third upload holds %v; the changed row's old pledge must not be in it", zipNames(files))
	}
	if w := c.post(loc+"/update", url.Values{}); w.Code != http.StatusForbidden {
		t.Errorf("update without the CSRF token: %d, want 403", w.Code)
	}
	w = c.post(loc+"/update", url.Values{"csrf": {c.csrf}})
	if w.Code != http.StatusSeeOther {
		t.Fatalf("update: %d\n%s", w.Code, w.Body)
	}
	page = c.get(w.Header().Get("Location")).Body.String()
	if !strings.Contains(page, rowHTML("2", "E-1041", "นายสมชาย ใจดี", "drafted")) || !strings.Contains(page, `id="updated"`) {
		t.Errorf("after update: row 2 should be drafted again:\n%s", page)
	}
	if after, _ := os.ReadFile(filepath.Join(dir, pledge)); !strings.Contains(docxText(t, after), "วิศวกรอาวุโส") {
		t.Errorf("the updated pledge lacks the new position")
	}
}

func TestLeaversSheet(t *testing.T) {
	s := newTestServer(t, nil)
	c := login(t, s)
	c.lang = "ja"
	w := c.get("/hr/sheet")
	if w.Code != 200 || !bytes.HasPrefix(w.Body.Bytes(), []byte("PK")) {
		t.Fatalf("sheet: %d", w.Code)
	}
	files := readZip(t, w.Body.Bytes())
	want, err := batch.LeaversSheet("ja", nil)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(w.Body.Bytes(), want) {
		t.Errorf("the sheet is not batch's Japanese leavers sheet")
	}
	if !bytes.Contains(files["xl/sharedStrings.xml"], []byte("退職日")) || !bytes.Contains(files["xl/sharedStrings.xml"], []byte(batch.ExampleID)) {
		t.Errorf("the sheet lacks its Japanese headers or the example row")
	}
	// Uploaded as it is, the example row is refused, never drafted.
	saveSample(t, c, "JP", "jp-co")
	up := upload(c, "jp-co", "leavers.xlsx", w.Body.Bytes())
	if up.Code != http.StatusSeeOther {
		t.Fatalf("upload of the blank sheet: %d\n%s", up.Code, up.Body)
	}
	page := c.get(up.Header().Get("Location")).Body.String()
	if !strings.Contains(page, `data-row="2"`) || !strings.Contains(page, `<tr class="st-failed" data-row="2">`) || strings.Contains(page, `<tr class="st-drafted"`) {
		t.Errorf("the example row was not refused:\n%s", page)
	}
	// In the Thai interface the sheet's headers are Thai, as the HR of a Thai subsidiary
	// writes them.
	c.lang = "th"
	w = c.get("/hr/sheet")
	if w.Code != 200 {
		t.Fatalf("th sheet: %d", w.Code)
	}
	if ss := readZip(t, w.Body.Bytes())["xl/sharedStrings.xml"]; !bytes.Contains(ss, []byte("วันที่ลาออก")) || !bytes.Contains(ss, []byte("รหัสพนักงาน")) {
		t.Errorf("the Thai interface's sheet lacks Thai headers")
	}
}

func TestConcurrentRequests(t *testing.T) {
	s := newTestServer(t, nil)
	c := login(t, s)
	doc := sampleDoc(t, "VN")
	form := formValues(buildForm(doc, formLangs(doc)))
	form.Set("csrf", c.csrf)
	form.Set("action", "build")
	form["docs"] = []string{"exit-pledge"}
	var wg sync.WaitGroup
	errs := make(chan string, 16)
	for i := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			f := url.Values{}
			for k, v := range form {
				f[k] = v
			}
			f.Set("v.employee.id", fmt.Sprintf("E-%d", i))
			w := c.post("/profile", f)
			if w.Code != http.StatusSeeOther {
				errs <- fmt.Sprintf("build %d: %d", i, w.Code)
				return
			}
			if p := c.get(w.Header().Get("Location")); !strings.Contains(p.Body.String(), fmt.Sprintf("E-%d", i)) {
				errs <- fmt.Sprintf("build %d shows another's result", i)
			}
		}()
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
}

func TestNetworkAddressNeedsPassword(t *testing.T) {
	o := Options{DataDir: t.TempDir(), Env: testEnv, Drafter: NewBatchDrafter(testEnv)}
	if _, err := New(o, &net.TCPAddr{IP: net.IPv4(192, 168, 1, 5), Port: 8765}); err == nil {
		t.Fatal("a LAN address without a password was accepted")
	}
	o.Password = "correct horse battery"
	s, err := New(o, &net.TCPAddr{IP: net.IPv4(192, 168, 1, 5), Port: 8765})
	if err != nil {
		t.Fatal(err)
	}
	req := httptest.NewRequest("GET", "/", nil)
	req.Host = "192.168.1.5:8765"
	w := httptest.NewRecorder()
	s.ServeHTTP(w, req)
	if w.Code != http.StatusSeeOther || w.Header().Get("Location") != "/login" {
		t.Errorf("no session on a LAN server: %d %s, want the login page", w.Code, w.Header().Get("Location"))
	}
}

func TestUILanguage(t *testing.T) {
	s := newTestServer(t, nil)
	c := login(t, s)
	c.lang = "ja,en;q=0.5"
	if b := c.get("/").Body.String(); !strings.Contains(b, "営業秘密保護文書") {
		t.Errorf("Accept-Language ja: page not in Japanese")
	}
	c.lang = "th-TH,th;q=0.9,en;q=0.5"
	if b := c.get("/").Body.String(); !strings.Contains(b, "เอกสารคุ้มครองความลับทางการค้า") || !strings.Contains(b, `<option value="th" selected`) {
		t.Errorf("Accept-Language th: page not in Thai, or Thai not chosen in the menu")
	}
	c.lang = "vi" // no Vietnamese screens yet: English
	if b := c.get("/").Body.String(); !strings.Contains(b, "Trade-secret documents") {
		t.Errorf("Accept-Language vi: page not in English")
	}
	w := c.post("/ui-lang", url.Values{"csrf": {c.csrf}, "ui": {"ja"}, "back": {"//evil.example/"}})
	if w.Code != http.StatusSeeOther || w.Header().Get("Location") != "/" {
		t.Errorf("ui-lang redirect: %d %q (must stay on this site)", w.Code, w.Header().Get("Location"))
	}
}

// Japanese and English have the same keys, every language offered puts in the same values as
// the master, and every key a template names exists.
func TestUITextsComplete(t *testing.T) {
	if !slices.Contains(UILangs(), "ja") || !slices.Contains(UILangs(), "en") {
		t.Fatalf("UI languages %v: Japanese and English must be complete", UILangs())
	}
	for k := range uiTexts()["en"] {
		if _, ok := uiTexts()["ja"][k]; !ok {
			t.Errorf("ja lacks %q", k)
		}
	}
	verbs := regexp.MustCompile(`%(?:\[\d+\])?[sdvq]`)
	// The values a text puts in, as the set of argument numbers it uses with their verb.
	uses := func(s string) []string {
		var out []string
		n := 0
		for _, v := range verbs.FindAllString(s, -1) {
			if v[1] == '[' {
				n, _ = strconv.Atoi(v[2:strings.IndexByte(v, ']')])
			} else {
				n++
			}
			out = append(out, fmt.Sprintf("%d%c", n, v[len(v)-1]))
		}
		slices.Sort(out)
		return slices.Compact(out)
	}
	for _, l := range UILangs() {
		for k, m := range uiTexts()["ja"] {
			tr, ok := uiTexts()[l][k]
			if !ok {
				t.Errorf("%s lacks %q", l, k)
				continue
			}
			if got, want := uses(tr), uses(m); !slices.Equal(got, want) {
				t.Errorf("%s %q puts in %v, the master %v", l, k, got, want)
			}
		}
	}
	for _, k := range batch.MsgKeys {
		if _, ok := uiTexts()["ja"]["row."+k]; !ok {
			t.Errorf("no UI text row.%s for batch's row message key %s", k, k)
		}
	}
	re := regexp.MustCompile(`\.T "([a-z_.]+)"`)
	ents, _ := tmplFS.ReadDir("templates")
	for _, e := range ents {
		b, _ := tmplFS.ReadFile("templates/" + e.Name())
		for _, m := range re.FindAllStringSubmatch(string(b), -1) {
			if _, ok := uiTexts()["en"][m[1]]; !ok {
				t.Errorf("%s uses %q, which en.toml lacks", e.Name(), m[1])
			}
		}
	}
	for _, j := range profile.Jurisdictions {
		if _, ok := uiTexts()["ja"]["jur."+j]; !ok {
			t.Errorf("no name for jurisdiction %s", j)
		}
	}
	var walk func(f *profile.Field)
	walk = func(f *profile.Field) {
		for _, c := range f.Fields {
			if _, ok := uiTexts()["ja"]["field."+c.Name]; !ok && c.Kind != profile.KindTable && c.Kind != profile.KindAny {
				t.Errorf("ja has no label for field %s", c.Name)
			}
			walk(c)
		}
	}
	walk(profile.Schema)
	for _, d := range profile.Documents {
		if _, ok := uiTexts()["ja"]["doc."+d]; !ok {
			t.Errorf("no name for document %s", d)
		}
	}
	for _, f := range profile.Schema.Fields {
		if f.Kind == profile.KindTable || f.Kind == profile.KindAny {
			if _, ok := uiTexts()["ja"]["section."+f.Name]; !ok {
				t.Errorf("no title for section %s", f.Name)
			}
		}
	}
}

func TestPasswordLogin(t *testing.T) {
	o := Options{DataDir: t.TempDir(), Env: testEnv, Drafter: NewBatchDrafter(testEnv), Password: "correct horse battery", Hosts: []string{"tsdraft.lan"}}
	s, err := New(o, &net.TCPAddr{IP: net.IPv4zero, Port: 8765})
	if err != nil {
		t.Fatal(err)
	}
	do := func(req *http.Request) *httptest.ResponseRecorder {
		req.Host = "tsdraft.lan:8765"
		w := httptest.NewRecorder()
		s.ServeHTTP(w, req)
		return w
	}
	page := do(httptest.NewRequest("GET", "/login", nil))
	var loginCookie *http.Cookie
	for _, ck := range page.Result().Cookies() {
		if ck.Name == "tsdraft_login" {
			loginCookie = ck
		}
	}
	m := csrfRe.FindStringSubmatch(page.Body.String())
	if page.Code != 200 || loginCookie == nil || m == nil {
		t.Fatalf("login page: %d", page.Code)
	}
	try := func(pw, csrf string) *httptest.ResponseRecorder {
		req := httptest.NewRequest("POST", "/login", strings.NewReader(url.Values{"password": {pw}, "csrf": {csrf}}.Encode()))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		req.AddCookie(loginCookie)
		return do(req)
	}
	if w := try("correct horse battery", "forged"); w.Code != http.StatusForbidden {
		t.Errorf("login without its CSRF token: %d", w.Code)
	}
	if w := try("wrong", m[1]); w.Code != 200 || !strings.Contains(w.Body.String(), "Wrong password") {
		t.Errorf("wrong password: %d", w.Code)
	}
	w := try("correct horse battery", m[1])
	if w.Code != http.StatusSeeOther || len(w.Result().Cookies()) == 0 {
		t.Fatalf("right password: %d", w.Code)
	}
	req := httptest.NewRequest("GET", "/", nil)
	for _, ck := range w.Result().Cookies() {
		req.AddCookie(ck)
	}
	if w := do(req); w.Code != 200 {
		t.Errorf("after login: %d", w.Code)
	}
	req = httptest.NewRequest("GET", "/", nil)
	req.Host = "0.0.0.0:8765"
	rec := httptest.NewRecorder()
	s.ServeHTTP(rec, req)
	if rec.Code != http.StatusMisdirectedRequest {
		t.Errorf("Host 0.0.0.0 on an all-interfaces server: %d, want 421", rec.Code)
	}
}

// The live check answers what the Check button would, as JSON, and needs the CSRF header.
func TestLiveCheck(t *testing.T) {
	s := newTestServer(t, nil)
	c := login(t, s)
	doc := sampleDoc(t, "CN")
	form := formValues(buildForm(doc, formLangs(doc)))
	form.Set("v.noncompete.months", "30")
	req := httptest.NewRequest("POST", "/profile/check", strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	if w := c.do(req); w.Code != http.StatusForbidden {
		t.Errorf("live check without the CSRF header: %d", w.Code)
	}
	req = httptest.NewRequest("POST", "/profile/check", strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("X-CSRF-Token", c.csrf)
	w := c.do(req)
	var res struct {
		Errors int                   `json:"errors"`
		Fields map[string][]diagView `json:"fields"`
	}
	if err := json.Unmarshal(w.Body.Bytes(), &res); err != nil || w.Code != 200 {
		t.Fatalf("live check: %d %v", w.Code, err)
	}
	if res.Errors != 1 || len(res.Fields["noncompete.months"]) != 1 || !strings.Contains(res.Fields["noncompete.months"][0].Message, "24 months") {
		t.Errorf("live check: %+v", res)
	}
}

func zipNames(m map[string][]byte) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// The row messages HR meets most (example row left in, a day that does not exist, a row changed
// since its pledge was issued) are shown in the UI language; the two messages recognised by
// their wording (changed, edited) are checked against what batch really writes, so a change of
// its wording fails here instead of falling back to English unnoticed.
func TestRowMessagesInUILanguage(t *testing.T) {
	s := newTestServer(t, nil)
	c := login(t, s)
	saveSample(t, c, "TH", "th-co")
	c.lang = "ja"
	head := "employee.id,employee.name,employee.exit_date,employee.position\n"
	ex := batch.ExampleID + ",x,2026-03-31,a\n"
	good := "E-1,นายสมชาย ใจดี,2026-03-31,วิศวกร\n"
	bad := "E-2,นายวิชัย บุญมา,2026-02-30,เจ้าหน้าที่\n"
	be := "E-3,นายสมศักดิ์ ดี,2569-03-31,เจ้าหน้าที่\n"
	amb := "E-4,นายสมหมาย ดี,03/04/2026,เจ้าหน้าที่\n"
	page := c.get(upload(c, "th-co", "l.csv", []byte(head+ex+good+bad+be+amb)).Header().Get("Location")).Body.String()
	for _, want := range []string{"これはシートの記入例の行です（社員番号 EXAMPLE-0001）", "「2026-02-30」は日付ではありません。2026 年 2 月 30 日はありません。", "4 行目, <span class=\"col\">C 列</span>",
		"「2569-03-31」は仏暦の年です（2569 = 西暦 2026 年）"} {
		if !strings.Contains(page, want) {
			t.Errorf("ja result page lacks %q", want)
		}
	}
	changed := strings.Replace(good, "วิศวกร", "วิศวกรอาวุโส", 1)
	page = c.get(upload(c, "th-co", "l.csv", []byte(head+changed)).Header().Get("Location")).Body.String()
	if !strings.Contains(page, "に変わりました。誓約書は作成時のまま残しています。") {
		t.Errorf("ja result page lacks the changed-row message in Japanese:\n%s", page)
	}
	if strings.Contains(page, "--update") {
		t.Errorf("the web page tells HR about a command-line flag")
	}
	for _, msg := range []string{"the row changed since a.docx was issued on 2026-12-05T09:15:04Z; its pledge was kept as issued: run again with the option to update changed rows to redraft it, or restore the row",
		"a.docx differs from the file issued on 2026-12-05T09:15:04Z (edited since?); it is kept as it is"} {
		if !rowMessageTranslated(msg) {
			t.Errorf("not recognised: %q", msg)
		}
	}
	if got := rowMessage("en", batch.Problem{Column: "C", Header: "x", Message: `column C (x): "y" is not a date`}); got != `"y" is not a date` {
		t.Errorf("the column prefix is not dropped where the table says it: %q", got)
	}
}

// A header row tsdraft cannot use refuses the sheet with each problem in the UI language: a
// misspelt path with the path it may mean, a sheet without a name column.
func TestHeaderProblemsInUILanguage(t *testing.T) {
	s := newTestServer(t, nil)
	c := login(t, s)
	saveSample(t, c, "TH", "th-co")
	c.lang = "ja"
	for _, tc := range []struct{ sheet, want string }{
		{"employee.id,employee.nmae,employee.exit_date\nE-1,A,2026-03-31\n", "1 行目 B 列 「employee.nmae」: この見出しは tsdraft の項目名ではありません。employee.name のことなら、見出しを employee.name に直してください。"},
		{"employee.id,employee.exit_date,備考\nE-1,2026-03-31,x\n", "1 行目: 人を示す列がありません。"},
	} {
		w := upload(c, "th-co", "leavers.csv", []byte(tc.sheet))
		if w.Code != http.StatusUnprocessableEntity || !strings.Contains(html.UnescapeString(w.Body.String()), tc.want) {
			t.Errorf("%q: %d, page lacks %q:\n%s", tc.sheet, w.Code, tc.want, w.Body.String())
		}
	}
}

// problemRE reads one problem of the HR table: row, column, header, message.
var problemRE = regexp.MustCompile(`<div class="problem[^"]*">(?:<span class="label">[^<]*</span> )*<span class="at">([^<]*)(?:, <span class="col">([^<]*)</span>)?(?: \(<code class="header">([^<]*)</code>\))?</span>: <span class="msg">([^<]*)</span></div>`)

// Every bad row of an uploaded sheet is shown with its row number, column letter, header and a
// message in the UI language, Japanese, English and Thai alike: cell values that are not dates, a
// required value left blank, an exit date before the hire date, a value in a column without a
// header. No rule code and no English sentence of batch's is shown in the Japanese table.
func TestBadRowsInUILanguage(t *testing.T) {
	s := newTestServer(t, nil)
	c := login(t, s)
	saveSample(t, c, "TH", "th-co")
	sheet := "employee.id,employee.name,employee.exit_date,employee.hire_date,\n" +
		"E-1,นายสมชาย ใจดี,2026-03-31,2020-01-01,\n" + // row 2: drafted
		"E-2,,2026-03-31,,\n" + // 3: name blank
		"E-3,นายวิชัย บุญมา,03/31/2026,,\n" + // 4: month/day/year in Thailand
		"E-4,นายสมศักดิ์ ดี,2026-03-31,2027-01-01,\n" + // 5: exit before hire
		"E-5,นายสมหมาย ดี,31/03/26,,\n" + // 6: two-digit year
		"E-6,นางสาวสุนิสา ดี,2026-03-31,,memo\n" // 7: a value without a header
	type cell struct{ row, col, header, msg string }
	for _, tc := range []struct {
		lang string
		want []cell
	}{
		{"ja", []cell{
			{"3", "B", "employee.name", "「氏名」は必須です（退職時誓約書）。記入してください。"},
			{"3", "B", "employee.name", "「氏名」が空欄ですが、ファイル名に使う項目です。記入してください。"},
			{"4", "C", "employee.exit_date", "「03/31/2026」は読めません。ここでは日付を日/月/年の順に読みますが、31 は月ではありません（月/日/年の順ですか）。2026-03-31 のことなら 2026-03-31 と書いてください。"},
			{"5", "C", "employee.exit_date", "退職日（2026-03-31）が入社日（2027-01-01）より前です。両方の日付を確かめてください。"},
			{"6", "C", "employee.exit_date", "「31/03/26」は年が2桁です。2026-03-31 のように4桁で書いてください。"},
			{"7", "E", "", "見出しのない列に値（「memo」）があります。見出し行に列の名前を書くか、セルを空にしてください。"},
		}},
		{"en", []cell{
			{"3", "B", "employee.name", "Name is required (Exit pledge); fill it in."},
			{"3", "B", "employee.name", "Name is blank, and the file name uses it; fill it in."},
			{"4", "C", "employee.exit_date", `"03/31/2026" cannot be read: dates here are day/month/year, and 31 is not a month (month/day/year?); if it means 2026-03-31, write 2026-03-31.`},
			{"5", "C", "employee.exit_date", "The exit date (2026-03-31) is before the hire date (2027-01-01); check both dates."},
			{"6", "C", "employee.exit_date", `"31/03/26" has a two-digit year; write the year in full, with four digits, e.g. 2026-03-31.`},
			{"7", "E", "", `This cell has a value ("memo") but its column has no header; name the column in the header row, or clear the cell.`},
		}},
		{"th", []cell{ // HR at a Thai subsidiary
			{"3", "B", "employee.name", "ต้องกรอก “ชื่อ-นามสกุล” (หนังสือให้คำมั่นเมื่อพ้นสภาพพนักงาน)"},
			{"3", "B", "employee.name", "“ชื่อ-นามสกุล” ว่างอยู่ แต่ใช้เป็นส่วนหนึ่งของชื่อไฟล์ กรุณากรอกข้อมูล"},
			{"4", "C", "employee.exit_date", "อ่าน “03/31/2026” ไม่ได้: ที่นี่อ่านวันที่เป็นวัน/เดือน/ปี แต่ 31 ไม่ใช่เดือน (กรอกเป็นเดือน/วัน/ปีหรือไม่) หากหมายถึง 2026-03-31 ให้กรอก 2026-03-31"},
			{"5", "C", "employee.exit_date", "วันที่ลาออก (2026-03-31) อยู่ก่อนวันที่เริ่มงาน (2027-01-01) กรุณาตรวจสอบวันที่ทั้งสอง"},
			{"6", "C", "employee.exit_date", "“31/03/26” มีปีเพียงสองหลัก กรุณากรอกปีให้ครบสี่หลัก เช่น 2026-03-31"},
			{"7", "E", "", "เซลล์นี้มีค่า (“memo”) แต่คอลัมน์ไม่มีหัวคอลัมน์ กรุณาตั้งชื่อคอลัมน์ในแถวหัวตาราง หรือลบค่าในเซลล์"},
		}},
	} {
		c.lang = tc.lang
		w := upload(c, "th-co", "leavers.csv", []byte(sheet))
		if w.Code != http.StatusSeeOther {
			t.Fatalf("%s: upload: %d %s", tc.lang, w.Code, w.Body.String())
		}
		page := c.get(w.Header().Get("Location")).Body.String()
		var got []cell
		for _, m := range problemRE.FindAllStringSubmatch(page, -1) {
			got = append(got, cell{html.UnescapeString(m[1]), html.UnescapeString(m[2]), html.UnescapeString(m[3]), html.UnescapeString(m[4])})
		}
		if len(got) != len(tc.want) {
			t.Errorf("%s: %d problems shown, want %d:\n%q", tc.lang, len(got), len(tc.want), got)
			continue
		}
		for i, w := range tc.want {
			g := got[i]
			n, _ := strconv.Atoi(w.row)
			wantCol := ""
			if w.col != "" {
				wantCol = T(tc.lang, "hrres.column", w.col)
			}
			if g.col != wantCol || g.header != w.header || g.msg != w.msg || g.row != T(tc.lang, "hrres.at_row", n) {
				t.Errorf("%s: problem %d shown as %q, want row %s column %q header %q message %q", tc.lang, i, g, w.row, wantCol, w.header, w.msg)
			}
		}
		if strings.Contains(page, "PROFILE-") || tc.lang != "en" && strings.Contains(page, "is required") {
			t.Errorf("%s: a rule code or batch's English shows in the table", tc.lang)
		}
	}
}

// The drafting notes are chosen as with `tsdraft build --notes`: comments in the draft (the
// default), a separate memo with a clean draft, or none.
func TestBuildNotesChoice(t *testing.T) {
	s := newTestServer(t, nil)
	c := login(t, s)
	doc := sampleDoc(t, "CN")
	build := func(mode string) map[string][]byte {
		t.Helper()
		form := formValues(buildForm(doc, formLangs(doc)))
		form.Set("csrf", c.csrf)
		form.Set("action", "build")
		form["docs"] = []string{"noncompete"}
		form.Set("lang1", "zh-CN")
		form.Set("lang2", "")
		if mode != "" {
			form.Set("notes", mode)
		}
		w := c.post("/profile", form)
		if w.Code != http.StatusSeeOther {
			t.Fatalf("build --notes %q: %d\n%s", mode, w.Code, w.Body)
		}
		return readZip(t, c.get(w.Header().Get("Location")+"/zip").Body.Bytes())
	}
	comments := func(docx []byte) bool { return readZip(t, docx)["word/comments.xml"] != nil }
	const name, memo = "noncompete.CN.zh-CN.docx", "noncompete.CN.notes.docx"
	for _, tc := range []struct {
		mode           string
		inDraft, aMemo bool
	}{{"", true, false}, {"comments", true, false}, {"memo", false, true}, {"none", false, false}, {"bogus", true, false}} {
		files := build(tc.mode)
		if files[name] == nil {
			t.Fatalf("--notes %q: no %s in %v", tc.mode, name, zipNames(files))
		}
		if got := comments(files[name]); got != tc.inDraft {
			t.Errorf("--notes %q: comments in the draft = %v, want %v", tc.mode, got, tc.inDraft)
		}
		if got := files[memo] != nil; got != tc.aMemo {
			t.Errorf("--notes %q: memo = %v, want %v (%v)", tc.mode, got, tc.aMemo, zipNames(files))
		}
		if tc.aMemo && files[memo] != nil {
			if m := docxText(t, files[memo]); !strings.Contains(m, "| noncompete.months | 12 |") || !strings.Contains(m, "各条款的说明") {
				t.Errorf("the memo lacks the profile's choices or the clause notes:\n%.500s", m)
			}
		}
	}
}

// A header row batch cannot read is refused before anything is written, each problem with its
// column letter and header.
func TestHRHeaderProblemNamed(t *testing.T) {
	s := newTestServer(t, nil)
	c := login(t, s)
	saveSample(t, c, "TH", "th-co")
	w := upload(c, "th-co", "l.csv", []byte("employee.id,employee.nmae,employee.exit_date\nE-1,x,2026-03-31\n"))
	body := w.Body.String()
	if w.Code != http.StatusUnprocessableEntity || !strings.Contains(body, `row 1 column B &#34;employee.nmae&#34;`) || !strings.Contains(body, "employee.name") {
		t.Errorf("misspelt header: %d\n%s", w.Code, body)
	}
	if ents, _ := os.ReadDir(filepath.Join(s.o.DataDir, pledgesDir, "th-co")); len(ents) != 0 {
		t.Errorf("a refused sheet left %d entries in the company folder", len(ents))
	}
}

// Uploads of the same sheet for the same company at the same time are drafted one after the
// other: each row is issued once, the others find it issued.
func TestConcurrentHRUploads(t *testing.T) {
	s := newTestServer(t, nil)
	c := login(t, s)
	saveSample(t, c, "TH", "th-co")
	sheet := []byte("employee.id,employee.name,employee.exit_date\nE-1,นายสมชาย ใจดี,2026-03-31\n")
	pages := make([]string, 4)
	var wg sync.WaitGroup
	for i := range pages {
		wg.Add(1)
		go func() {
			defer wg.Done()
			w := upload(c, "th-co", "l.csv", sheet)
			if w.Code != http.StatusSeeOther {
				t.Errorf("upload %d: %d\n%s", i, w.Code, w.Body)
				return
			}
			pages[i] = c.get(w.Header().Get("Location")).Body.String()
		}()
	}
	wg.Wait()
	drafted, kept := 0, 0
	for _, p := range pages {
		drafted += strings.Count(p, `<tr class="st-drafted"`)
		kept += strings.Count(p, `<tr class="st-kept"`)
	}
	if drafted != 1 || kept != 3 {
		t.Errorf("4 uploads at once: %d drafted, %d kept; want 1 and 3", drafted, kept)
	}
}

// The interface is offered in every language whose ui.toml has all the master's texts, in the
// vocabulary's order, and in no language whose file is partial or absent.
func TestUILanguagesFromCatalogue(t *testing.T) {
	entry := func(k, v string) string { return fmt.Sprintf("[%q]\ntext = %q\n", k, v) }
	fsys := fstest.MapFS{
		"ja/ui.toml":     {Data: []byte(entry("nav.home", "ホーム") + entry("err.back", "戻る"))},
		"vi/ui.toml":     {Data: []byte(entry("nav.home", "Trang chủ") + entry("err.back", "Quay lại"))},
		"th/ui.toml":     {Data: []byte(entry("nav.home", "หน้าแรก"))},
		"en/ui.toml":     {Data: []byte(entry("nav.home", "Home") + entry("err.back", "Back"))},
		"de/common.toml": {Data: []byte(entry("x", "y"))},
	}
	c, langs, err := loadUI(fsys)
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"ja", "en", "vi"}; !slices.Equal(langs, want) {
		t.Errorf("offered %v, want %v", langs, want)
	}
	if _, ok := c["th"]; ok || c["vi"]["err.back"] != "Quay lại" {
		t.Errorf("catalogue %v", c)
	}
	if _, _, err := loadUI(fstest.MapFS{"en/ui.toml": fsys["en/ui.toml"]}); err == nil {
		t.Error("no master ui.toml accepted")
	}
}
