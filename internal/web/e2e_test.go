package web_test

import (
	"archive/zip"
	"bufio"
	"bytes"
	"context"
	"image"
	"image/color"
	"image/png"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/chromedp"
	"github.com/xuri/excelize/v2"

	"github.com/tsdraft/tsdraft/internal/docx"
	"github.com/tsdraft/tsdraft/internal/docxtext"
	"github.com/tsdraft/tsdraft/internal/testbin"
)

func TestMain(m *testing.M) { testbin.Main(m) }

const chromiumPath = "/usr/bin/chromium"

// needChromium skips when Chromium is missing, unless CI or TSDRAFT_REQUIRE_TOOLS says the
// tools must be there (then a missing browser is a failure).
func needChromium(t *testing.T) string {
	t.Helper()
	path := chromiumPath
	if _, err := os.Stat(path); err != nil {
		if p, err := exec.LookPath("chromium"); err == nil {
			path = p
		} else if os.Getenv("CI") != "" || os.Getenv("TSDRAFT_REQUIRE_TOOLS") != "" {
			t.Fatalf("chromium is required (CI or TSDRAFT_REQUIRE_TOOLS set) and not installed")
		} else {
			t.Skip("chromium not installed")
		}
	}
	return path
}

// startServe runs the real binary: tsdraft serve on a free port, and returns the printed URL.
func startServe(t *testing.T, data string) string {
	t.Helper()
	cmd := exec.Command(testbin.Path(t), "serve", "--addr", "127.0.0.1:0", "--data", data)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		_ = cmd.Process.Signal(os.Interrupt)
		done := make(chan struct{})
		go func() { _ = cmd.Wait(); close(done) }()
		select {
		case <-done:
		case <-time.After(5 * time.Second):
			_ = cmd.Process.Kill()
		}
	})
	line, err := bufio.NewReader(out).ReadString('\n')
	if err != nil {
		t.Fatalf("no URL from tsdraft serve: %v", err)
	}
	url := regexp.MustCompile(`http://\S+`).FindString(line)
	if url == "" {
		t.Fatalf("no URL in %q", line)
	}
	go func() { _, _ = io.Copy(io.Discard, out) }()
	return url
}

// The whole of both flows in a real browser: the expert fills the form with a non-compete
// longer than Chinese law allows and sees the error at the field, fixes it, saves, builds and
// downloads; HR downloads the leavers sheet, uploads it with one bad row, sees that row named,
// downloads the pledges and reads the DOCX.
func TestBrowserBothFlows(t *testing.T) {
	chromium := needChromium(t)
	data := t.TempDir()
	url := startServe(t, data)
	shots := os.Getenv("TSDRAFT_SCREENSHOTS")
	if shots == "" {
		shots = t.TempDir()
	}
	downloads := t.TempDir()

	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(chromium), chromedp.Flag("headless", true), chromedp.NoSandbox, chromedp.DisableGPU,
		chromedp.Flag("disable-quic", true), chromedp.NoFirstRun, chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true), chromedp.Flag("disable-sync", true),
		chromedp.Flag("lang", "en-US"), chromedp.UserDataDir(t.TempDir()), chromedp.WindowSize(1100, 820),
	}
	actx, cancel := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancel()
	ctx, cancel := chromedp.NewContext(actx)
	defer cancel()
	ctx, cancel = context.WithTimeout(ctx, 90*time.Second)
	defer cancel()

	done := make(chan string, 4)
	if err := chromedp.ListenBrowser(ctx, func(ev any) {
		if e, ok := ev.(*browser.EventDownloadProgress); ok && e.State == browser.DownloadProgressStateCompleted {
			done <- e.GUID
		}
	}); err != nil {
		t.Fatalf("starting Chromium: %v", err)
	}
	yes := true
	if _, err := chromedp.CallBrowser(ctx, browser.SetDownloadBehavior, browser.SetDownloadBehaviorParams{
		Behavior: browser.SetDownloadBehaviorBehaviorAllowAndName, DownloadPath: downloads, EventsEnabled: &yes}); err != nil {
		t.Fatal(err)
	}
	download := func(sel string) []byte {
		t.Helper()
		if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(sel))); err != nil {
			t.Fatalf("click %s: %v", sel, err)
		}
		select {
		case guid := <-done:
			b, err := os.ReadFile(filepath.Join(downloads, guid))
			if err != nil {
				t.Fatal(err)
			}
			return b
		case <-time.After(20 * time.Second):
			t.Fatalf("download from %s did not finish", sel)
		}
		return nil
	}
	shot := func(name string) {
		t.Helper()
		b, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
		if err != nil {
			t.Fatal(err)
		}
		if os.Getenv("TSDRAFT_SCREENSHOTS") != "" {
			b = smallPNG(t, b) // for docs/img: a palette keeps the files small
		}
		if err := os.WriteFile(filepath.Join(shots, name+".png"), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	run := func(what string, actions ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		start := time.Now()
		for i, a := range actions {
			if err := chromedp.Do(ctx, a); err != nil {
				t.Fatalf("%s, step %d: %v", what, i+1, err)
			}
		}
		t.Logf("%s: %v", what, time.Since(start).Round(time.Millisecond))
	}

	text := func(sel string) string {
		t.Helper()
		s, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(sel)))
		if err != nil {
			t.Fatalf("text of %s: %v", sel, err)
		}
		return s
	}

	// Expert flow.
	run("open the printed URL",
		chromedp.Navigate(url),
		chromedp.WaitVisible(chromedp.CSS(`#new-profile`)))
	shot("01-home")
	run("start from the CN sample",
		chromedp.SetValue(chromedp.CSS(`#new-jur`), "CN"),
		chromedp.Click(chromedp.CSS(`#new-profile`)),
		chromedp.WaitVisible(chromedp.CSS(`#profile-form`)))
	shot("02-form")
	months := `[name="v.noncompete.months"]`
	run("type 30 months and leave the field: the live check shows the error there",
		chromedp.Clear(chromedp.CSS(months)),
		chromedp.SendKeys(chromedp.CSS(months), "30"),
		chromedp.Click(chromedp.CSS(`#sec-noncompete h2`)),
		chromedp.WaitVisible(chromedp.CSS(`[data-path="noncompete.months"].has-error .diag.error`)))
	if live := text(`[data-path="noncompete.months"] .diag.error`); !strings.Contains(live, "exceeds the statutory maximum of 24 months") {
		t.Errorf("live error at the months field: %q", live)
	}
	run("press Check: the page comes back with the error at the field",
		chromedp.Evaluate[chromedp.Void](`document.body.dataset.old = "1"`),
		chromedp.Click(chromedp.CSS(`#btn-check`)),
		chromedp.WaitVisible(chromedp.CSS(`body:not([data-old]) [data-path="noncompete.months"] .diag.error`)),
		chromedp.ScrollIntoView(chromedp.CSS(`[data-path="noncompete.enabled"]`)))
	errText := text(`[data-path="noncompete.months"] .diag.error`)
	if !strings.Contains(errText, "exceeds the statutory maximum of 24 months") {
		t.Errorf("error at the months field: %q", errText)
	}
	shot("03-error-at-field")
	run("fix it, name the profile and save",
		chromedp.Clear(chromedp.CSS(months)),
		chromedp.SendKeys(chromedp.CSS(months), "12"),
		chromedp.Clear(chromedp.CSS(`#profile-name`)),
		chromedp.SendKeys(chromedp.CSS(`#profile-name`), "minato-shanghai"),
		chromedp.Click(chromedp.CSS(`#btn-save`)),
		chromedp.WaitVisible(chromedp.CSS(`#saved`)))
	// The saved profile is an ordinary file the command line checks as it is.
	if out, err := exec.Command(testbin.Path(t), "check", filepath.Join(data, "minato-shanghai.toml")).CombinedOutput(); err != nil {
		t.Fatalf("tsdraft check on the saved profile: %v\n%s", err, out)
	}
	run("choose exit-pledge and noncompete, zh-CN + ja, and build",
		chromedp.Evaluate[chromedp.Void](`document.querySelectorAll('input[name=docs]').forEach(function(c){c.checked = (c.value=='exit-pledge'||c.value=='noncompete')})`),
		chromedp.ScrollIntoView(chromedp.CSS(`#btn-build`)))
	shot("04-build-options")
	run("build", chromedp.Click(chromedp.CSS(`#btn-build`)), chromedp.WaitVisible(chromedp.CSS(`#download-zip`)))
	shot("05-preview")
	files := unzip(t, download(`#download-zip`))
	pledge := files["exit-pledge.CN.zh-CN+ja.docx"]
	if pledge == nil || files["noncompete.CN.zh-CN+ja.docx"] == nil || files["profile.toml"] == nil {
		t.Fatalf("build zip holds %v", keys(files))
	}
	if text := dump(t, pledge); !strings.Contains(text, "离职") || !strings.Contains(text, "退職") {
		t.Errorf("exit pledge is not bilingual zh-CN + ja:\n%.400s", text)
	}

	// HR flow.
	run("go to HR", chromedp.Click(chromedp.CSS(`#nav-hr`)), chromedp.WaitVisible(chromedp.CSS(`#download-sheet`)))
	shot("06-hr")
	sheet := download(`#download-sheet`)
	filled := fillSheet(t, sheet)
	sheetPath := filepath.Join(t.TempDir(), "leavers.xlsx")
	if err := os.WriteFile(sheetPath, filled, 0o600); err != nil {
		t.Fatal(err)
	}
	run("upload the sheet with one bad row",
		chromedp.SetUploadFiles(chromedp.CSS(`#sheet`), []string{sheetPath}),
		chromedp.Click(chromedp.CSS(`#upload`)),
		chromedp.WaitVisible(chromedp.CSS(`#rows`)))
	row3 := text(`tr[data-row="3"]`)
	shot("07-hr-result")
	for _, want := range []string{"row 3", "column C", "Exit date", "has no day 30", "needs fixing"} {
		if !strings.Contains(row3, want) {
			t.Errorf("row 3 of the result does not say %q: %q", want, row3)
		}
	}
	pledges := unzip(t, download(`#download-pledges`))
	var got []string
	for name, b := range pledges {
		if strings.HasSuffix(name, ".docx") {
			got = append(got, dump(t, b))
		}
	}
	if len(got) != 1 || !strings.Contains(got[0], "李明") || pledges["manifest.csv"] == nil || pledges["manifest.xlsx"] == nil || len(pledges) != 3 {
		t.Errorf("pledges zip: %v; want one pledge for 李明, manifest.csv and manifest.xlsx", keys(pledges))
	}

	// Fixed and uploaded again: only the fixed row is drafted; the first is kept as issued.
	fixedPath := filepath.Join(t.TempDir(), "leavers-fixed.xlsx")
	if err := os.WriteFile(fixedPath, fixRow3(t, filled), 0o600); err != nil {
		t.Fatal(err)
	}
	run("upload the corrected sheet",
		chromedp.Click(chromedp.CSS(`#nav-hr`)),
		chromedp.WaitVisible(chromedp.CSS(`#sheet`)),
		chromedp.SetUploadFiles(chromedp.CSS(`#sheet`), []string{fixedPath}),
		chromedp.Click(chromedp.CSS(`#upload`)),
		chromedp.WaitVisible(chromedp.CSS(`tr[data-row="3"] .pill.drafted`)))
	if row2 := text(`tr[data-row="2"]`); !strings.Contains(row2, "already issued") {
		t.Errorf("row 2 after the corrected upload: %q, want already issued", row2)
	}
	shot("08-hr-reupload")
	// Row 2 changed after its pledge was issued: it is reported, and redrafted only on request.
	changedPath := filepath.Join(t.TempDir(), "leavers-changed.xlsx")
	if err := os.WriteFile(changedPath, setCell(t, fixRow3(t, filled), "E2", "高级工程师"), 0o600); err != nil {
		t.Fatal(err)
	}
	run("upload the sheet with row 2 changed",
		chromedp.Click(chromedp.CSS(`#nav-hr`)),
		chromedp.WaitVisible(chromedp.CSS(`#sheet`)),
		chromedp.SetUploadFiles(chromedp.CSS(`#sheet`), []string{changedPath}),
		chromedp.Click(chromedp.CSS(`#upload`)),
		chromedp.WaitVisible(chromedp.CSS(`tr[data-row="2"] .pill.changed`)),
		chromedp.WaitVisible(chromedp.CSS(`#update-changed`)))
	shot("09-hr-changed")
	run("update the changed row",
		chromedp.Click(chromedp.CSS(`#update-changed`)),
		chromedp.WaitVisible(chromedp.CSS(`tr[data-row="2"] .pill.drafted`)))
	if u := text(`#updated`); !strings.Contains(u, "1 pledge") {
		t.Errorf("after update: %q", u)
	}
	updated := unzip(t, download(`#download-pledges`))
	var found bool
	for name, b := range updated {
		if strings.HasSuffix(name, ".docx") && strings.Contains(dump(t, b), "高级工程师") {
			found = true
		}
	}
	if !found {
		t.Errorf("no pledge in the zip after the update has the new position: %v", keys(updated))
	}
	run("switch the interface to Japanese",
		// SetValue fires "change", on which the menu submits itself (app.js, data-autosubmit): a
		// second, explicit submit would race the navigation it started.
		chromedp.SetValue(chromedp.CSS(`select[name=ui]`), "ja"),
		chromedp.WaitVisible(chromedp.CSS(`html[lang=ja] #rows`)))
	if h := text(`h1`); !strings.Contains(h, "誓約書を作成しました") {
		t.Errorf("heading after switching to Japanese: %q", h)
	}
	shot("10-hr-result-ja")
	run("open the saved profile in Japanese",
		chromedp.Navigate(strings.SplitN(url, "?", 2)[0]),
		chromedp.WaitVisible(chromedp.CSS(`a[href="/profile/open?name=minato-shanghai"]`)),
		chromedp.Click(chromedp.CSS(`a[href="/profile/open?name=minato-shanghai"]`)),
		chromedp.WaitVisible(chromedp.CSS(`#sec-company`)),
		chromedp.ScrollIntoView(chromedp.CSS(`#sec-company`)))
	if l := text(`[data-path="company.name"] label`); !strings.Contains(l, "名称・氏名") {
		t.Errorf("company name label in Japanese: %q", l)
	}
	shot("11-form-ja")
}

func fillSheet(t *testing.T, b []byte) []byte {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(b))
	if err != nil {
		t.Fatalf("the downloaded sheet is not XLSX: %v", err)
	}
	defer f.Close()
	sh := f.GetSheetList()[0]
	// Headers in the UI's language (English here) and one example row, which HR overwrites.
	if h, _ := f.GetCellValue(sh, "A1"); h != "Employee ID" {
		t.Errorf("the sheet's first header is %q, want Employee ID (the UI language)", h)
	}
	if id, _ := f.GetCellValue(sh, "A2"); id != "EXAMPLE-0001" {
		t.Errorf("the sheet's example row has ID %q", id)
	}
	if st, _ := f.GetCellStyle(sh, "C3"); st == 0 {
		t.Errorf("the exit date column is not formatted as dates")
	}
	// The example row (row 2) is overwritten, as HR would; the columns are the sheet's:
	// ID, name, exit date, department, position, hire date, access, materials.
	rows := [][]any{
		{"E-2001", "李明", time.Date(2026, 3, 31, 0, 0, 0, 0, time.UTC), "生产部", "工程师", time.Date(2020, 4, 1, 0, 0, 0, 0, time.UTC), "模具图纸", "笔记本电脑;工牌"},
		{"E-2002", "张伟", "2026-02-30", "采购部", "专员", time.Date(2022, 7, 1, 0, 0, 0, 0, time.UTC), "采购价格表", "工牌"},
	}
	for i, r := range rows {
		if err := f.SetSheetRow(sh, "A"+string(rune('2'+i)), &r); err != nil {
			t.Fatal(err)
		}
	}
	var out bytes.Buffer
	if err := f.Write(&out); err != nil {
		t.Fatal(err)
	}
	return out.Bytes()
}

// smallPNG re-encodes a screenshot with a palette of its 256 most frequent colours (a UI has
// few), each other colour mapped to the nearest of them.
func smallPNG(t *testing.T, b []byte) []byte {
	t.Helper()
	img, err := png.Decode(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	r := img.Bounds()
	count := map[color.RGBA]int{}
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			count[color.RGBAModel.Convert(img.At(x, y)).(color.RGBA)]++
		}
	}
	cols := make([]color.RGBA, 0, len(count))
	for c := range count {
		cols = append(cols, c)
	}
	slices.SortFunc(cols, func(a, b color.RGBA) int {
		if d := count[b] - count[a]; d != 0 {
			return d
		}
		return int(a.R)<<16 + int(a.G)<<8 + int(a.B) - (int(b.R)<<16 + int(b.G)<<8 + int(b.B))
	})
	pal := make(color.Palette, 0, 256)
	for _, c := range cols[:min(256, len(cols))] {
		pal = append(pal, c)
	}
	out := image.NewPaletted(r, pal)
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			out.Set(x, y, img.At(x, y))
		}
	}
	var buf bytes.Buffer
	if err := (&png.Encoder{CompressionLevel: png.BestCompression}).Encode(&buf, out); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func fixRow3(t *testing.T, b []byte) []byte {
	t.Helper()
	return setCell(t, b, "C3", time.Date(2026, 2, 28, 0, 0, 0, 0, time.UTC))
}

func setCell(t *testing.T, b []byte, cell string, v any) []byte {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := f.SetCellValue(f.GetSheetList()[0], cell, v); err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	if err := f.Write(&out); err != nil {
		t.Fatal(err)
	}
	return out.Bytes()
}

func unzip(t *testing.T, b []byte) map[string][]byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatalf("download is not a zip: %v", err)
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

func dump(t *testing.T, b []byte) string {
	t.Helper()
	pkg, err := docx.Open("x.docx", b)
	if err != nil {
		t.Fatal(err)
	}
	s, err := docxtext.Dump(pkg)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func keys(m map[string][]byte) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}
