package batch

// These tests run the real tsdraft binary, built once, on profiles, spreadsheets and
// templates made in the test.

import (
	"bytes"
	"crypto/sha256"
	"encoding/csv"
	"encoding/hex"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"sort"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/japanese"

	"github.com/tsdraft/tsdraft/internal/testbin"
	"github.com/tsdraft/tsdraft/internal/testsupport"
	"github.com/tsdraft/tsdraft/internal/tplgen"
)

func TestMain(m *testing.M) { testbin.Main(m) }

func tsdraftBin(t *testing.T) string { return testbin.Path(t) }

type cliResult struct {
	code           int
	stdout, stderr string
}

// runTool runs the binary in dir.
func runTool(t *testing.T, dir string, args ...string) cliResult {
	t.Helper()
	r := testbin.Run(t, dir, nil, args...)
	return cliResult{r.Code, r.Stdout, r.Stderr}
}

func (r cliResult) String() string {
	return "exit " + string(rune('0'+r.code)) + "\nstdout:\n" + r.stdout + "\nstderr:\n" + r.stderr
}

// crlfCSV writes rows as a spreadsheet saves "CSV UTF-8": a BOM, CRLF line ends, quotes where
// needed (a cell with a line break stays one cell).
func crlfCSV(t *testing.T, path string, rows [][]string) {
	t.Helper()
	var buf bytes.Buffer
	buf.WriteString("\uFEFF")
	w := csv.NewWriter(&buf)
	w.UseCRLF = true
	w.WriteAll(rows)
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

// listDir returns the names in dir, sorted, without the files every batch keeps there (the
// lock, the issue log and the XLSX manifest; checkManifest checks those).
func listDir(t *testing.T, dir string) []string {
	t.Helper()
	es, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range es {
		if e.Name() == LockName || e.Name() == IssueLogName || e.Name() == ManifestXLSXName {
			continue
		}
		out = append(out, e.Name())
	}
	sort.Strings(out)
	return out
}

// manifest reads DIR/manifest.csv (BOM, CRLF) into rows of cells, header first.
func manifest(t *testing.T, dir string) [][]string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(dir, "manifest.csv"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(b, []byte("\uFEFF")) || !bytes.Contains(b, []byte("\r\n")) {
		t.Errorf("manifest.csv should have a BOM and CRLF line ends (Excel)")
	}
	rows, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(b, []byte("\uFEFF")))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	return rows
}

// checkManifest checks that every file the manifest lists is there with its SHA-256, and that
// every DOCX in dir is listed.
func checkManifest(t *testing.T, dir string) [][]string {
	t.Helper()
	rows := manifest(t, dir)
	if strings.Join(rows[0], ",") != "row,employee_id,employee_name,document,file,sha256,status,error,input_sha256,issued_at,sheet" {
		t.Fatalf("manifest header: %q", rows[0])
	}
	listed := map[string]bool{}
	for _, r := range rows[1:] {
		if r[6] == "failed" && r[7] == "" {
			t.Errorf("a failure without its reason: %q", r)
		}
		if r[4] == "" {
			if r[6] != "failed" {
				t.Errorf("an entry without a file must be a failure with its reason: %q", r)
			}
			continue
		}
		listed[r[4]] = true
		b, err := os.ReadFile(filepath.Join(dir, r[4]))
		if err != nil {
			t.Errorf("manifest lists %s: %v", r[4], err)
			continue
		}
		sum := sha256.Sum256(b)
		if hex.EncodeToString(sum[:]) != r[5] {
			t.Errorf("%s: SHA-256 %s in the manifest, %s on disk", r[4], r[5], hex.EncodeToString(sum[:]))
		}
	}
	for _, n := range listDir(t, dir) {
		if strings.HasSuffix(n, ".docx") && !listed[n] {
			t.Errorf("%s is in the directory but not in the manifest", n)
		}
		if strings.HasSuffix(n, ".tmp") {
			t.Errorf("a temporary file was left behind: %s", n)
		}
	}
	return rows
}

var header = []string{"employee.id", "employee.name", "employee.department", "employee.exit_date", "employee.access", "employee.materials", "employee.hire_date", "employee.position"}

// leavers makes a sheet: the header, then each row (id, name, department, exit date, access,
// materials) with a hire date and a position, which the exit pledge prints too. A row with
// more cells keeps them (a value without a header); a blank row stays blank.
func leavers(rows ...[]string) [][]string {
	out := [][]string{header}
	for _, r := range rows {
		switch {
		case strings.Join(r, "") == "":
			out = append(out, r)
		case len(r) == 6:
			out = append(out, append(slices.Clone(r), "2019-04-01", "工程师"))
		default:
			out = append(out, append(append(slices.Clone(r[:6]), "2019-04-01", "工程师"), r[6:]...))
		}
	}
	return out
}

func TestCSVFromASpreadsheetWithBOMAndCRLF(t *testing.T) {
	dir := t.TempDir()
	writeSample(t, dir, "CN")
	crlfCSV(t, filepath.Join(dir, "people.csv"), leavers(
		[]string{"E-1", "张三", "技术部", "2026-03-31", "图纸;规格书", "笔记本电脑"},
		// a cell with a line break (Alt+Enter): one cell, two items, still one row
		[]string{"E-2", "李四", "销售部", "2026/3/15", "客户名单\n价格表", "门禁卡"},
		[]string{"E-3", "王五", "销售部", "2026-02-30", "价格表", "门禁卡"},
	))
	r := runTool(t, dir, "batch", "profile.toml", "--people", "people.csv", "-o", "out")
	if r.code != 1 {
		t.Fatalf("a bad row must give exit status 1:\n%s", r)
	}
	// The third person is on row 4: the header is row 1 and the line break inside row 3 does
	// not count.
	if !strings.Contains(r.stderr, `people.csv, row 4: column D (employee.exit_date): "2026-02-30" is not a date`) {
		t.Errorf("the bad date must be reported with its row and column:\n%s", r)
	}
	if !strings.Contains(r.stdout, "2 written, 0 skipped (exist), 1 failed (row 4)") {
		t.Errorf("summary:\n%s", r)
	}
	want := []string{"exit-pledge_E-1_张三.docx", "exit-pledge_E-2_李四.docx", "manifest.csv"}
	if got := listDir(t, filepath.Join(dir, "out")); !slices.Equal(got, want) {
		t.Fatalf("files: %q, want %q", got, want)
	}
	text := testsupport.DocText(t, filepath.Join(dir, "out", "exit-pledge_E-2_李四.docx"))
	for _, s := range []string{"李四", "客户名单", "价格表", "门禁卡", "2026"} {
		if !strings.Contains(text, s) {
			t.Errorf("the pledge of E-2 lacks %q", s)
		}
	}
	// Nothing of the profile's example person may show in anyone's pledge.
	for _, s := range []string{"王伟", "王 偉", "31011219900101001X", "七莘路", "减速器壳体热处理条件表", "PC-0457"} {
		if strings.Contains(text, s) {
			t.Errorf("the profile's example person shows through: %q", s)
		}
	}
	rows := checkManifest(t, filepath.Join(dir, "out"))
	if len(rows) != 4 || rows[3][0] != "4" || rows[3][6] != "failed" || !strings.Contains(rows[3][7], "not a date") {
		t.Errorf("manifest: %q", rows)
	}
	if rows[1][1] != "E-1" || rows[1][2] != "张三" || rows[1][3] != "exit-pledge" || rows[1][6] != "written" {
		t.Errorf("manifest row of E-1: %q", rows[1])
	}
	if strings.Contains(r.stderr, "\r") || strings.Contains(r.stderr, "\033") {
		t.Errorf("no progress bar when stderr is not a terminal:\n%q", r.stderr)
	}
}

func TestShiftJISCSV(t *testing.T) {
	dir := t.TempDir()
	writeSample(t, dir, "JP")
	src := "employee.id,employee.name,employee.department,employee.position,employee.hire_date,employee.exit_date,employee.access,employee.materials\r\n" +
		"J-7,山田 太郎,開発部,主任,2015/4/1,2026/3/31,設計図面;試験データ,貸与ノートパソコン\r\n" +
		"J-8,髙橋 ①子,営業部,係長,2018/10/1,2026/4/30,顧客名簿,社員証\r\n" // 髙 and ① are CP932 extensions
	b, err := japanese.ShiftJIS.NewEncoder().Bytes([]byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "people.csv"), b, 0o644); err != nil {
		t.Fatal(err)
	}
	r := runTool(t, dir, "batch", "profile.toml", "--people", "people.csv", "-o", "out")
	if r.code != 0 {
		t.Fatalf("a Shift_JIS file is detected and read:\n%s", r)
	}
	want := []string{"exit-pledge_J-7_山田 太郎.docx", "exit-pledge_J-8_髙橋 ①子.docx", "manifest.csv"}
	if got := listDir(t, filepath.Join(dir, "out")); !slices.Equal(got, want) {
		t.Fatalf("files: %q, want %q", got, want)
	}
	text := testsupport.DocText(t, filepath.Join(dir, "out", "exit-pledge_J-7_山田 太郎.docx"))
	for _, s := range []string{"山田 太郎", "設計図面", "試験データ", "貸与ノートパソコン"} {
		if !strings.Contains(text, s) {
			t.Errorf("the pledge lacks %q", s)
		}
	}
	checkManifest(t, filepath.Join(dir, "out"))

	// Told it is UTF-8, the file is refused with the place and what to do.
	r = runTool(t, dir, "batch", "profile.toml", "--people", "people.csv", "-o", "out2", "--encoding", "utf-8")
	if r.code != 1 || !strings.Contains(r.stderr, "people.csv:2:") || !strings.Contains(r.stderr, "--encoding (cp932") {
		t.Errorf("--encoding utf-8 on a Shift_JIS file:\n%s", r)
	}
	if _, err := os.Stat(filepath.Join(dir, "out2")); err == nil {
		t.Errorf("nothing may be written when the file cannot be read")
	}
	// --encoding shift_jis reads it as well.
	r = runTool(t, dir, "batch", "profile.toml", "--people", "people.csv", "-o", "out3", "--encoding", "shift_jis")
	if r.code != 0 {
		t.Errorf("--encoding shift_jis:\n%s", r)
	}
}

func TestXLSXWithDateCellsAndSheets(t *testing.T) {
	dir := t.TempDir()
	writeSample(t, dir, "TH")
	f := excelize.NewFile()
	// The first sheet is a cover sheet: --sheet picks the list.
	f.SetCellValue("Sheet1", "A1", "leavers of March")
	if _, err := f.NewSheet("Leavers"); err != nil {
		t.Fatal(err)
	}
	date, err := f.NewStyle(&excelize.Style{NumFmt: 14}) // a date cell as Excel shows it
	if err != nil {
		t.Fatal(err)
	}
	custom := "yyyy\"年\"m\"月\"d\"日\""
	jdate, err := f.NewStyle(&excelize.Style{CustomNumFmt: &custom})
	if err != nil {
		t.Fatal(err)
	}
	zeros, err := f.NewStyle(&excelize.Style{CustomNumFmt: ptr("00000")}) // staff number 00042
	if err != nil {
		t.Fatal(err)
	}
	rows := [][]any{
		{"employee.id", "employee.name", "employee.hire_date", "employee.exit_date", "employee.access", "employee.materials", "vars.note", "employee.department", "employee.position"},
		{42, "สมชาย ใจดี", "2019-04-01", time.Date(2026, 3, 31, 0, 0, 0, 0, time.UTC), "แบบแม่พิมพ์;ข้อมูลการทดสอบ", "บัตรพนักงาน", time.Date(2026, 4, 15, 0, 0, 0, 0, time.UTC), "ฝ่ายขาย", "วิศวกร"},
		{43, "สุนิสา ศรีสุข", "2020-01-06", time.Date(2026, 2, 28, 0, 0, 0, 0, time.UTC), "ตารางราคา", "โน้ตบุ๊ก", "-", "ฝ่ายขาย", "วิศวกร"},
	}
	for i, row := range rows {
		for j, v := range row {
			cell, _ := excelize.CoordinatesToCellName(j+1, i+1)
			if err := f.SetCellValue("Leavers", cell, v); err != nil {
				t.Fatal(err)
			}
		}
	}
	f.SetCellStyle("Leavers", "A2", "A3", zeros)
	f.SetCellStyle("Leavers", "D2", "D3", date)
	f.SetCellStyle("Leavers", "G2", "G2", jdate)
	if err := f.SaveAs(filepath.Join(dir, "people.xlsx")); err != nil {
		t.Fatal(err)
	}
	r := runTool(t, dir, "batch", "profile.toml", "--people", "people.xlsx", "--sheet", "Leaver", "-o", "out")
	if r.code != 1 || !strings.Contains(r.stderr, `no sheet "Leaver" (did you mean "Leavers"?)`) {
		t.Errorf("an unknown sheet is refused with a suggestion:\n%s", r)
	}
	r = runTool(t, dir, "batch", "profile.toml", "--people", "people.xlsx", "--sheet", "Leavers", "-o", "out", "--name", "{employee.id}_{employee.exit_date}_{vars.note}")
	if r.code != 0 {
		t.Fatalf("xlsx:\n%s", r)
	}
	// The staff number keeps its format (00042), the date cells read as dates, and a date cell
	// in [vars] too.
	want := []string{"00042_2026-03-31_2026-04-15.docx", "00043_2026-02-28_-.docx", "manifest.csv"}
	if got := listDir(t, filepath.Join(dir, "out")); !slices.Equal(got, want) {
		t.Fatalf("files: %q, want %q\n%s", got, want, r)
	}
	text := testsupport.DocText(t, filepath.Join(dir, "out", want[0]))
	for _, s := range []string{"สมชาย ใจดี", "แบบแม่พิมพ์", "ข้อมูลการทดสอบ", "บัตรพนักงาน"} {
		if !strings.Contains(text, s) {
			t.Errorf("the pledge lacks %q", s)
		}
	}
	checkManifest(t, filepath.Join(dir, "out"))

	// Without --sheet the first sheet whose header row fits is read: the first one has a title
	// row, not a header row.
	r = runTool(t, dir, "batch", "profile.toml", "--people", "people.xlsx", "-o", "out4")
	if r.code != 0 || !strings.Contains(r.stderr, `people.xlsx: reading sheet "Leavers"`) {
		t.Errorf("the first sheet that fits is the default:\n%s", r)
	}
}

func ptr[T any](v T) *T { return &v }

func TestPathLikeNamesStayInsideTheOutputDirectory(t *testing.T) {
	dir := t.TempDir()
	writeSample(t, dir, "CN")
	crlfCSV(t, filepath.Join(dir, "people.csv"), leavers(
		[]string{"../../etc/x", "a/b", "技术部", "2026-03-31", "图纸", "电脑"},
		[]string{"CON", "..", "技术部", "2026-03-31", "图纸", "电脑"},
		[]string{`C:\Windows`, "名前\u202Etxt.exe", "技术部", "2026-03-31", "图纸", "电脑"},
		[]string{"E-9", strings.Repeat("สมชาย", 40), "技术部", "2026-03-31", "图纸", "电脑"},
	))
	r := runTool(t, dir, "batch", "profile.toml", "--people", "people.csv", "-o", "out/pledges", "--name", "{employee.id}_{employee.name}")
	if r.code != 0 {
		t.Fatalf("%s", r)
	}
	got := listDir(t, filepath.Join(dir, "out", "pledges"))
	// 120 bytes at most, cut between characters: "E-9_" and 38 Thai letters of 3 bytes.
	long := "E-9_" + string([]rune(strings.Repeat("สมชาย", 40))[:38])
	want := []string{"CON_.docx", "C__Windows_名前txt.exe.docx", "_._etc_x_a_b.docx", long + ".docx", "manifest.csv"}
	sort.Strings(want)
	if !slices.Equal(got, want) {
		t.Errorf("files:\n%q\nwant\n%q", got, want)
	}
	for _, n := range got {
		if len(n) > 130 || strings.ContainsAny(n, `/\:*?"<>|`) || strings.ContainsRune(n, '\u202E') {
			t.Errorf("unsafe name %q", n)
		}
	}
	if es := listDir(t, dir); !slices.Equal(es, []string{"out", "people.csv", "profile.toml"}) {
		t.Errorf("something was written outside the output directory: %q", es)
	}
	if es := listDir(t, filepath.Join(dir, "out")); !slices.Equal(es, []string{"pledges"}) {
		t.Errorf("something was written outside the output directory: %q", es)
	}
	checkManifest(t, filepath.Join(dir, "out", "pledges"))

	// A name that is a Windows device name alone.
	r = runTool(t, dir, "batch", "profile.toml", "--people", "people.csv", "-o", "byid", "--name", "{employee.id}")
	if r.code != 0 {
		t.Fatalf("%s", r)
	}
	want = []string{"CON_.docx", "C__Windows.docx", "E-9.docx", "_._etc_x.docx", "manifest.csv"}
	if got := listDir(t, filepath.Join(dir, "byid")); !slices.Equal(got, want) {
		t.Errorf("files:\n%q\nwant\n%q", got, want)
	}
}

func TestBadRowsAreReportedAndSkipped(t *testing.T) {
	dir := t.TempDir()
	writeSample(t, dir, "CN")
	crlfCSV(t, filepath.Join(dir, "people.csv"), leavers(
		[]string{"E-1", "张三", "技术部", "2026-03-31", "图纸", "电脑"},
		[]string{"E-2", "", "技术部", "2026-03-31", "图纸", "电脑"},         // no name
		[]string{"E-3", "李四", "技术部", "31/03/2026", "图纸", "电脑"},       // a date that cannot be read
		[]string{"E-4", "王五", "技术部", "", "图纸", "电脑"},                 // no exit date
		[]string{"", "", "", "", "", ""},                             // an empty row is not a person
		[]string{"E-5", "赵六", "技术部", "2569-03-31", "", "电脑"},         // a Buddhist-era year
		[]string{"E-6", "孙七", "技术部", "2026-03-31", "图纸", "电脑", "多余"}, // a value without a header
		[]string{"E-7", "周八", "技术部", "2026-03-31", "图纸", "电脑"},
	))
	r := runTool(t, dir, "batch", "profile.toml", "--people", "people.csv", "-o", "out")
	if r.code != 1 {
		t.Fatalf("%s", r)
	}
	for _, want := range []string{
		"people.csv, row 3: column B (employee.name): employee.name is required for exit-pledge\n",
		`people.csv, row 4: column D (employee.exit_date): "31/03/2026" is ambiguous: day and month can be read either way; write it as YYYY-MM-DD`,
		"people.csv, row 5: column D (employee.exit_date): employee.exit_date is required for exit-pledge\n",
		`people.csv, row 7: column D (employee.exit_date): "2569-03-31" has a Buddhist-era year (2569 = 2026 in the Gregorian calendar); write the Gregorian year 2026`,
		`people.csv, row 8: column I has a value ("多余") but no header in the header row`,
	} {
		if !strings.Contains(r.stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, r.stderr)
		}
	}
	if !strings.Contains(r.stdout, "2 written, 0 skipped (exist), 5 failed (rows 3–5, 7–8)") {
		t.Errorf("summary:\n%s", r.stdout)
	}
	if got := listDir(t, filepath.Join(dir, "out")); !slices.Equal(got, []string{"exit-pledge_E-1_张三.docx", "exit-pledge_E-7_周八.docx", "manifest.csv"}) {
		t.Errorf("files: %q", got)
	}
	rows := checkManifest(t, filepath.Join(dir, "out"))
	var statuses []string
	for _, r := range rows[1:] {
		statuses = append(statuses, r[0]+":"+r[6])
	}
	if strings.Join(statuses, " ") != "2:written 3:failed 4:failed 5:failed 7:failed 8:failed 9:written" {
		t.Errorf("manifest statuses: %s", statuses)
	}

	// Fixing the rows and running again writes only what is missing.
	crlfCSV(t, filepath.Join(dir, "people.csv"), leavers(
		[]string{"E-1", "张三", "技术部", "2026-03-31", "图纸", "电脑"},
		[]string{"E-2", "钱二", "技术部", "2026-03-31", "图纸", "电脑"},
		[]string{"E-3", "李四", "技术部", "2026-03-31", "图纸", "电脑"},
		[]string{"E-4", "王五", "技术部", "2026-03-30", "图纸", "电脑"},
		[]string{"", "", "", "", "", ""},
		[]string{"E-5", "赵六", "技术部", "2026-03-31", "样品", "电脑"},
		[]string{"E-6", "孙七", "技术部", "2026-03-31", "图纸", "电脑"},
		[]string{"E-7", "周八", "技术部", "2026-03-31", "图纸", "电脑"},
	))
	before, _ := os.ReadFile(filepath.Join(dir, "out", "exit-pledge_E-1_张三.docx"))
	os.Chtimes(filepath.Join(dir, "out", "exit-pledge_E-1_张三.docx"), time.Unix(1e9, 0), time.Unix(1e9, 0))
	r = runTool(t, dir, "batch", "profile.toml", "--people", "people.csv", "-o", "out")
	if r.code != 0 || !strings.Contains(r.stdout, "5 written, 2 skipped (exist), 0 failed") {
		t.Fatalf("re-run:\n%s", r)
	}
	st, _ := os.Stat(filepath.Join(dir, "out", "exit-pledge_E-1_张三.docx"))
	if !st.ModTime().Equal(time.Unix(1e9, 0)) {
		t.Errorf("an existing file was rewritten without --force")
	}
	rows = checkManifest(t, filepath.Join(dir, "out"))
	if len(rows) != 8 || rows[1][6] != "skipped-exists" || rows[2][6] != "written" {
		t.Errorf("manifest after the re-run: %q", rows)
	}
	// --force rewrites everything, with the same bytes for the same person.
	r = runTool(t, dir, "batch", "profile.toml", "--people", "people.csv", "-o", "out", "--force")
	if r.code != 0 || !strings.Contains(r.stdout, "7 written, 0 skipped (exist), 0 failed") {
		t.Fatalf("--force:\n%s", r)
	}
	after, _ := os.ReadFile(filepath.Join(dir, "out", "exit-pledge_E-1_张三.docx"))
	if !bytes.Equal(before, after) {
		t.Errorf("the same row must give the same bytes")
	}
	checkManifest(t, filepath.Join(dir, "out"))
}

func TestUnknownColumnIsRefusedBeforeAnythingIsWritten(t *testing.T) {
	dir := t.TempDir()
	writeSample(t, dir, "CN")
	crlfCSV(t, filepath.Join(dir, "people.csv"), [][]string{
		{"employee.id", "employe.name", "employee.departmnet", "employee.exit_date", "employee", "company.name", "languages"},
		{"E-1", "张三", "技术部", "2026-03-31", "x", "y", "zh-CN"},
	})
	r := runTool(t, dir, "batch", "profile.toml", "--people", "people.csv", "-o", "out")
	if r.code != 1 {
		t.Fatalf("%s", r)
	}
	for _, want := range []string{
		`people.csv: column B "employe.name": unknown profile path (did you mean "employee.name"?)`,
		`people.csv: column C "employee.departmnet": unknown profile path (did you mean "employee.department"?)`,
		`people.csv: column E "employee": employee is a table; name one of its keys: employee.name`,
		`people.csv: column G "languages": languages holds for the whole batch`,
	} {
		if !strings.Contains(r.stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, r.stderr)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "out")); err == nil {
		t.Errorf("the output directory was created: nothing may be written")
	}
}

// A document that needs a value no column gives fails for every row: it is refused once,
// before anything is written, naming the value.
func TestMissingColumnForADocumentIsRefusedOnce(t *testing.T) {
	dir := t.TempDir()
	writeSample(t, dir, "CN")
	crlfCSV(t, filepath.Join(dir, "people.csv"), [][]string{
		{"employee.id", "employee.name", "employee.department", "employee.exit_date", "employee.access", "employee.materials"},
		{"E-1", "张三", "技术部", "2026-03-31", "图纸", "电脑"},
	})
	r := runTool(t, dir, "batch", "profile.toml", "--people", "people.csv", "-o", "out", "--doc", "nda-employee")
	if r.code != 1 || !strings.Contains(r.stderr, "nda-employee cannot be drafted from the columns of people.csv") ||
		!strings.Contains(r.stderr, "employee.hire_date") || !strings.Contains(r.stderr, "nothing written") {
		t.Errorf("%s", r)
	}
	// The profile's example person is not used for it: their hire date is someone else's.
	if !strings.Contains(r.stderr, "note: employee.hire_date is not used") {
		t.Errorf("%s", r)
	}
	if _, err := os.Stat(filepath.Join(dir, "out")); err == nil {
		t.Errorf("nothing may be written")
	}
}

func TestCollisionsAreMadeUniqueInRowOrder(t *testing.T) {
	dir := t.TempDir()
	writeSample(t, dir, "CN")
	crlfCSV(t, filepath.Join(dir, "people.csv"), leavers(
		[]string{"E-1", "张三", "技术部", "2026-03-31", "图纸", "电脑"},
		[]string{"E-1", "张三", "销售部", "2026-03-30", "价格表", "电脑"},
		[]string{"e-1", "张三", "销售部", "2026-03-29", "价格表", "电脑"},   // the same name on a case-insensitive disk
		[]string{"E-1", "张三_2", "销售部", "2026-03-28", "价格表", "电脑"}, // wants the name the second row got
	))
	r := runTool(t, dir, "batch", "profile.toml", "--people", "people.csv", "-o", "out", "-j", "4")
	if r.code != 0 {
		t.Fatalf("%s", r)
	}
	rows := checkManifest(t, filepath.Join(dir, "out"))
	var files []string
	for _, r := range rows[1:] {
		files = append(files, r[0]+"="+r[4])
	}
	want := "2=exit-pledge_E-1_张三.docx 3=exit-pledge_E-1_张三_2.docx 4=exit-pledge_e-1_张三_3.docx 5=exit-pledge_E-1_张三_2_2.docx"
	if strings.Join(files, " ") != want {
		t.Errorf("names:\n%s\nwant\n%s", strings.Join(files, " "), want)
	}
	if text := testsupport.DocText(t, filepath.Join(dir, "out", "exit-pledge_E-1_张三_2.docx")); !strings.Contains(text, "2026") || !strings.Contains(text, "价格表") {
		t.Errorf("the second row's file must hold the second row's pledge")
	}

	// With names that do not say who the person is, rows that move would leave one person's
	// file under another's row: the earlier manifest tells, and the row is refused.
	crlfCSV(t, filepath.Join(dir, "people.csv"), leavers(
		[]string{"E-1", "张三", "技术部", "2026-03-31", "图纸", "电脑"},
		[]string{"E-2", "李四", "技术部", "2026-03-31", "图纸", "电脑"},
	))
	r = runTool(t, dir, "batch", "profile.toml", "--people", "people.csv", "-o", "byrow", "--name", "pledge_{row}")
	if r.code != 0 {
		t.Fatalf("%s", r)
	}
	crlfCSV(t, filepath.Join(dir, "people.csv"), leavers(
		[]string{"E-0", "王五", "技术部", "2026-03-31", "图纸", "电脑"}, // inserted above
		[]string{"E-1", "张三", "技术部", "2026-03-31", "图纸", "电脑"},
		[]string{"E-2", "李四", "技术部", "2026-03-31", "图纸", "电脑"},
	))
	r = runTool(t, dir, "batch", "profile.toml", "--people", "people.csv", "-o", "byrow", "--name", "pledge_{row}")
	if r.code != 1 || !strings.Contains(r.stderr, "row 2: pledge_2.docx exists, issued to 张三 (E-1) on ") ||
		!strings.Contains(r.stdout, "1 written, 0 skipped (exist), 2 failed") {
		t.Errorf("moved rows:\n%s", r)
	}
	if text := testsupport.DocText(t, filepath.Join(dir, "byrow", "pledge_4.docx")); !strings.Contains(text, "李四") {
		t.Errorf("the new row 4 is 李四's")
	}
	rows = checkManifest(t, filepath.Join(dir, "byrow"))
	if rows[1][0] != "2" || rows[1][6] != "failed" || !strings.Contains(rows[1][7], "pledge_2.docx exists, issued to 张三 (E-1)") {
		t.Errorf("the row fails, naming the file and whom it was issued to: %q", rows[1])
	}
	// The file stays listed with the person it was issued to (from the issue log).
	var kept []string
	for _, r := range rows[1:] {
		if r[4] == "pledge_2.docx" {
			kept = r
		}
	}
	if kept == nil || kept[1] != "E-1" || kept[2] != "张三" || kept[6] != "earlier" {
		t.Errorf("pledge_2.docx should stay listed as 张三's, issued earlier: %q", kept)
	}
}

var issuedAt = regexp.MustCompile(`\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ`)

func TestSameBytesWithOneOrFourWorkers(t *testing.T) {
	dir := t.TempDir()
	writeSample(t, dir, "TH")
	peopleCSV(t, filepath.Join(dir, "people.csv"), 24)
	for _, j := range []string{"1", "4"} {
		r := runTool(t, dir, "batch", "profile.toml", "--people", "people.csv", "-o", "out"+j, "-j", j, "--doc", "exit-pledge,nda-employee")
		if r.code != 0 {
			t.Fatalf("-j %s:\n%s", j, r)
		}
	}
	a, b := listDir(t, filepath.Join(dir, "out1")), listDir(t, filepath.Join(dir, "out4"))
	if !slices.Equal(a, b) || len(a) != 49 {
		t.Fatalf("files differ or are missing: %d and %d", len(a), len(b))
	}
	for _, n := range a {
		x, _ := os.ReadFile(filepath.Join(dir, "out1", n))
		y, _ := os.ReadFile(filepath.Join(dir, "out4", n))
		if n == ManifestName {
			// The same but for the time each pledge was issued.
			x, y = issuedAt.ReplaceAll(x, nil), issuedAt.ReplaceAll(y, nil)
		}
		if !bytes.Equal(x, y) {
			t.Errorf("%s differs between -j 1 and -j 4", n)
		}
	}
	checkManifest(t, filepath.Join(dir, "out4"))
}

func TestOwnTemplate(t *testing.T) {
	dir := t.TempDir()
	writeSample(t, dir, "JP")
	tpl, err := tplgen.Generate("letter.txt", "letter", []byte("title: {{ company.name }}\np: {{ employee.name }} / {{ vars.case_no }} / {{ employee.exit_date }}\n"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "letter.docx"), tpl, 0o644); err != nil {
		t.Fatal(err)
	}
	crlfCSV(t, filepath.Join(dir, "people.csv"), [][]string{
		{"employee.id", "employee.name", "employee.exit_date", "vars.case_no"},
		{"J-1", "山田 太郎", "2026-03-31", "EX-001"},
		{"J-2", "鈴木 花子", "2026-04-30", "EX-002"},
	})
	r := runTool(t, dir, "batch", "profile.toml", "--people", "people.csv", "--template", "letter.docx", "--doc", "exit-pledge", "-o", "out")
	if r.code != 1 || !strings.Contains(r.stderr, "--template and --doc do not go together") {
		t.Errorf("--template with --doc:\n%s", r)
	}
	r = runTool(t, dir, "batch", "profile.toml", "--people", "people.csv", "--template", "letter.docx", "-o", "out")
	if r.code != 0 {
		t.Fatalf("%s", r)
	}
	want := []string{"letter_J-1_山田 太郎.docx", "letter_J-2_鈴木 花子.docx", "manifest.csv"}
	if got := listDir(t, filepath.Join(dir, "out")); !slices.Equal(got, want) {
		t.Fatalf("files: %q", got)
	}
	text := testsupport.DocText(t, filepath.Join(dir, "out", want[1]))
	if !strings.Contains(text, "鈴木 花子 / EX-002 / ") || !strings.Contains(text, "2026") {
		t.Errorf("the template's tags must take the row's values:\n%s", text)
	}
	rows := checkManifest(t, filepath.Join(dir, "out"))
	if rows[1][3] != "letter" {
		t.Errorf("the document of a template is its file stem: %q", rows[1])
	}
	// The shipped footer calls the catalogue (the copy notice), so this letter uses locale texts
	// and records the catalogue's revision. With a plain footer it uses none: it is drafted
	// without the catalogue, as by tsdraft render, and its documents say so.
	if rev := localeRevision(t, filepath.Join(dir, "out", want[0])); rev == "" || strings.HasPrefix(rev, "none") {
		t.Errorf("a template with the shipped footer records the locale revision %q", rev)
	}
	plain := replacePart(t, tpl, "word/footer1.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>`+
		`<w:ftr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:p><w:r><w:t>{{ doc.id }}</w:t></w:r></w:p></w:ftr>`)
	if err := os.WriteFile(filepath.Join(dir, "plain.docx"), plain, 0o644); err != nil {
		t.Fatal(err)
	}
	r = runTool(t, dir, "batch", "profile.toml", "--people", "people.csv", "--template", "plain.docx", "-o", "out-plain")
	if r.code != 0 {
		t.Fatalf("%s", r)
	}
	if rev := localeRevision(t, filepath.Join(dir, "out-plain", "plain_J-1_山田 太郎.docx")); rev != "none (no locale text used)" {
		t.Errorf("a template without locale texts records the locale revision %q", rev)
	}
	texts, err := tplgen.Generate("texts.txt", "texts", []byte("p: {{ employee.name }}: {{ t \"common.lang_th\" }}\n"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "texts.docx"), texts, 0o644); err != nil {
		t.Fatal(err)
	}
	r = runTool(t, dir, "batch", "profile.toml", "--people", "people.csv", "--template", "texts.docx", "-o", "out-texts")
	if r.code != 0 {
		t.Fatalf("%s", r)
	}
	f := filepath.Join(dir, "out-texts", "texts_J-1_山田 太郎.docx")
	if text := testsupport.DocText(t, f); !strings.Contains(text, "山田 太郎: タイ語") {
		t.Errorf("a locale text in a user's template:\n%s", text)
	}
	if rev := localeRevision(t, f); rev == "" || strings.HasPrefix(rev, "none") {
		t.Errorf("a template with locale texts records the locale revision %q", rev)
	}
}

// replacePart returns the DOCX src with the part name's content replaced.
func replacePart(t *testing.T, src []byte, name, content string) []byte {
	t.Helper()
	return testsupport.RewriteDocx(t, src, func(n string, b []byte) (string, []byte, bool) {
		if n == name {
			return n, []byte(content), false
		}
		return n, b, false
	}, nil)
}

// localeRevision is the tsdraft.locale_revision property of a written document.
func localeRevision(t *testing.T, path string) string {
	t.Helper()
	b, err := testsupport.OpenDocx(t, path).Read("docProps/custom.xml")
	if err != nil {
		t.Fatal(err)
	}
	_, after, ok := strings.Cut(string(b), `name="tsdraft.locale_revision"`)
	if !ok {
		t.Fatalf("%s has no locale revision:\n%s", path, b)
	}
	_, after, _ = strings.Cut(after, "<vt:lpwstr>")
	rev, _, _ := strings.Cut(after, "</vt:lpwstr>")
	return rev
}

func TestInterruptLeavesAManifestOfWhatWasDone(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("SIGINT")
	}
	dir := t.TempDir()
	writeSample(t, dir, "TH")
	peopleCSV(t, filepath.Join(dir, "people.csv"), 3000)
	cmd := exec.Command(tsdraftBin(t), "batch", "profile.toml", "--people", "people.csv", "-o", "out", "-j", "2")
	cmd.Dir = dir
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	// Interrupt once a few files are there.
	deadline := time.Now().Add(60 * time.Second)
	for {
		es, _ := os.ReadDir(filepath.Join(dir, "out"))
		n := 0
		for _, e := range es {
			if strings.HasSuffix(e.Name(), ".docx") {
				n++
			}
		}
		if n >= 5 {
			break
		}
		if time.Now().After(deadline) {
			cmd.Process.Kill()
			t.Fatalf("no files after 60 s:\n%s", errb.String())
		}
		time.Sleep(20 * time.Millisecond)
	}
	cmd.Process.Signal(syscall.SIGINT)
	err := cmd.Wait()
	ee, ok := err.(*exec.ExitError)
	if !ok || ee.ExitCode() != 1 {
		t.Fatalf("an interrupted batch exits with 1, got %v\n%s\n%s", err, out.String(), errb.String())
	}
	if !strings.Contains(errb.String(), "interrupted") {
		t.Errorf("stderr: %s", errb.String())
	}
	rows := checkManifest(t, filepath.Join(dir, "out"))
	docs := 0
	for _, e := range listDir(t, filepath.Join(dir, "out")) {
		if strings.HasSuffix(e, ".docx") {
			docs++
		}
	}
	if docs == 3000 || len(rows)-1 != docs {
		t.Errorf("%d files, %d manifest entries: the manifest must list exactly what was written before the interrupt", docs, len(rows)-1)
	}
}

func TestUsersManifestIsNotReplaced(t *testing.T) {
	dir := t.TempDir()
	writeSample(t, dir, "CN")
	crlfCSV(t, filepath.Join(dir, "people.csv"), leavers([]string{"E-1", "张三", "技术部", "2026-03-31", "图纸", "电脑"}))
	os.MkdirAll(filepath.Join(dir, "out"), 0o755)
	os.WriteFile(filepath.Join(dir, "out", "manifest.csv"), []byte("my own notes\n"), 0o644)
	r := runTool(t, dir, "batch", "profile.toml", "--people", "people.csv", "-o", "out")
	if r.code != 1 || !strings.Contains(r.stderr, "is not a tsdraft manifest") {
		t.Errorf("%s", r)
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "out", "manifest.csv")); string(b) != "my own notes\n" {
		t.Errorf("the user's manifest.csv was replaced")
	}
}

func TestProgressBarOnATerminal(t *testing.T) {
	script, err := exec.LookPath("script")
	if err != nil || runtime.GOOS != "linux" {
		t.Skip("needs util-linux script(1) for a terminal")
	}
	dir := t.TempDir()
	writeSample(t, dir, "TH")
	peopleCSV(t, filepath.Join(dir, "people.csv"), 30)
	cmd := exec.Command(script, "-qc", tsdraftBin(t)+" batch profile.toml --people people.csv -o out", "/dev/null")
	cmd.Dir = dir
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	if !bytes.Contains(out, []byte("] 30/30 files")) || !bytes.Contains(out, []byte("\r[")) || !bytes.Contains(out, []byte("30 written")) {
		t.Errorf("no progress bar on a terminal:\n%q", out)
	}
}

func TestPDFWithLibreOffice(t *testing.T) {
	testsupport.NeedLibreOffice(t)
	dir := t.TempDir()
	writeSample(t, dir, "TH")
	peopleCSV(t, filepath.Join(dir, "people.csv"), 2)
	// Two workers, each a LibreOffice process with its own user profile.
	r := runTool(t, dir, "batch", "profile.toml", "--people", "people.csv", "-o", "out", "--pdf", "-j", "2")
	if r.code != 0 || !strings.Contains(r.stdout, "2 written, 0 skipped (exist), 0 failed; 2 PDF written") {
		t.Fatalf("%s", r)
	}
	rows := checkManifest(t, filepath.Join(dir, "out"))
	if len(rows) != 5 || !strings.HasSuffix(rows[2][4], ".pdf") || rows[2][6] != "written" {
		t.Errorf("manifest: %q", rows)
	}
	b, err := os.ReadFile(filepath.Join(dir, "out", rows[2][4]))
	if err != nil || !bytes.HasPrefix(b, []byte("%PDF")) {
		t.Errorf("%s is not a PDF: %v", rows[2][4], err)
	}
}
