package web

import (
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// BenchmarkWebBuildOneDocument is the web build of one document without PDF, as the browser
// does it: the form posted (decoded, checked like `check`, drafted, kept), then the preview
// page. The renderer for the languages is warm, as it is after the first build of a session.
//
//	go test ./internal/web/ -run '^$' -bench WebBuild -benchtime 20x
func BenchmarkWebBuildOneDocument(b *testing.B) {
	s := newTestServer(b, nil)
	c := login(b, s)
	doc := sampleDocB(b, "CN")
	form := formValues(buildForm(doc, formLangs(doc)))
	form.Set("csrf", c.csrf)
	form.Set("action", "build")
	form["docs"] = []string{"exit-pledge"}
	coldStart := time.Now()
	warm := c.post("/profile", form)
	if warm.Code != http.StatusSeeOther {
		b.Fatalf("build: %d", warm.Code)
	}
	// The first build of a language pair also loads its locale texts and templates.
	first := time.Since(coldStart)
	var worst time.Duration
	cpu0 := cpuTime()
	b.ResetTimer()
	for b.Loop() {
		start := time.Now()
		w := c.post("/profile", form)
		if w.Code != http.StatusSeeOther {
			b.Fatalf("build: %d", w.Code)
		}
		if p := c.get(w.Header().Get("Location")); p.Code != 200 {
			b.Fatalf("preview: %d", p.Code)
		}
		worst = max(worst, time.Since(start))
	}
	b.ReportMetric(float64(worst.Microseconds())/1000, "worst-ms")
	b.ReportMetric(float64(first.Microseconds())/1000, "first-ms")
	b.ReportMetric((cpuTime()-cpu0)*1000/float64(b.N), "cpu-ms/op")
}

// BenchmarkHRUpload1000 uploads a CSV of 1,000 leavers to a fresh company folder (every row
// drafted) and reports pledges per second.
//
//	go test ./internal/web/ -run '^$' -bench HRUpload -benchtime 3x
func BenchmarkHRUpload1000(b *testing.B) {
	s := newTestServer(b, nil)
	c := login(b, s)
	doc := sampleDocB(b, "TH")
	form := formValues(buildForm(doc, formLangs(doc)))
	form.Set("csrf", c.csrf)
	form.Set("action", "save")
	form.Set("name", "th-co")
	if w := c.post("/profile", form); w.Code != 200 {
		b.Fatalf("save: %d", w.Code)
	}
	var sheet strings.Builder
	sheet.WriteString("employee.id,employee.name,employee.department,employee.position,employee.hire_date,employee.exit_date,employee.access,employee.materials\n")
	for i := range 1000 {
		fmt.Fprintf(&sheet, "E-%04d,นาย ทดสอบ %d,ฝ่ายผลิต,วิศวกร,2019-04-01,2026-03-31,แบบแม่พิมพ์,บัตรพนักงาน\n", i, i)
	}
	n := 0
	cpu0 := cpuTime()
	for b.Loop() {
		b.StopTimer()
		_ = os.RemoveAll(filepath.Join(s.o.DataDir, pledgesDir, "th-co"))
		b.StartTimer()
		w := upload(c, "th-co", "leavers.csv", []byte(sheet.String()))
		if w.Code != http.StatusSeeOther {
			b.Fatalf("upload: %d %s", w.Code, w.Body)
		}
		n += 1000
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "pledges/s")
	// On a shared machine wall time says little; CPU seconds per 1,000 compare with
	// BenchmarkBatch1000 of package batch.
	b.ReportMetric((cpuTime()-cpu0)/float64(n/1000), "cpu-s/op")
}
