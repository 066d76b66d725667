package batch

import (
	"bytes"
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/japanese"
	"golang.org/x/text/encoding/unicode"

	"github.com/tsdraft/tsdraft/internal/render"
	"github.com/tsdraft/tsdraft/internal/testsupport"
)

// Tests of issue 13 ("batch takes HR's sheets as they are") and the sheet side of issue 15.
// Every sheet is made here, in the test.

func writeCSV(t testing.TB, path string, rows [][]string) {
	t.Helper()
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	w.WriteAll(rows)
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

// An exit pledge from a Japanese sheet with only 社員番号, 氏名 and 退職日 (and HR's own 備考):
// drafted, reading naturally, with nothing of the profile's example person.
func TestExitPledgeFromNameIDAndExitDateUnderLocalHeaders(t *testing.T) {
	dir := t.TempDir()
	prof := writeSample(t, dir, "JP")
	people := filepath.Join(dir, "退職者.csv")
	writeCSV(t, people, [][]string{
		{"社員番号", "氏名", "退職日", "備考"},
		{"J-1", "佐藤 花子", "2026/3/31", "有給消化中"},
	})
	out := filepath.Join(dir, "out")
	rep, log, err := runCore(t, Options{Profile: prof, People: people, OutDir: out, Langs: []string{"ja"}})
	if err != nil || !rep.OK() || rep.Written != 1 {
		t.Fatalf("%v\n%s\n%s", err, log, rep.Summary())
	}
	if !strings.Contains(log, `column D "備考" is not a column tsdraft reads; it is ignored`) {
		t.Errorf("HR's own column gets a one-line note:\n%s", log)
	}
	text := testsupport.DocText(t, filepath.Join(out, rep.Entries[0].File))
	for _, want := range []string{
		"私、佐藤 花子（社員番号：J-1）は、2026年3月31日をもって",                  // the short recital
		"秘密情報を記録した文書、電磁的記録、試作品その他の資料及び会社から貸与された物品を一切保持していない", // return_none
	} {
		if !strings.Contains(text, want) {
			t.Errorf("the pledge lacks %q:\n%s", want, text)
		}
	}
	// Nothing of the sample person: not their department, position, hire date, nor their
	// lists of what they accessed and returned.
	for _, never := range []string{"技術開発部", "主任技師", "2019年4月1日", "減速機ハウジング", "PC-0457", "山田 太郎", "前記のほか", "{{", "}}"} {
		if strings.Contains(text, never) {
			t.Errorf("the pledge holds %q", never)
		}
	}
	// Partial details are listed under the short recital, in the sheet's language.
	people2 := filepath.Join(dir, "th.csv")
	writeCSV(t, people2, [][]string{
		{"รหัสพนักงาน", "ชื่อ-นามสกุล", "วันที่ลาออก", "แผนก"},
		{"T-1", "นายสมชาย ใจดี", "31/03/2026", "ฝ่ายขาย"},
	})
	profTH := writeSample(t, t.TempDir(), "TH")
	rep, log, err = runCore(t, Options{Profile: profTH, People: people2, OutDir: filepath.Join(dir, "th"), Langs: []string{"th"}})
	if err != nil || !rep.OK() {
		t.Fatalf("%v\n%s", err, log)
	}
	text = testsupport.DocText(t, filepath.Join(dir, "th", rep.Entries[0].File))
	if !strings.Contains(text, "สังกัด: ฝ่ายขาย") || !strings.Contains(text, "31 มีนาคม 2569") {
		t.Errorf("Thai pledge: department line and the exit date (dd/mm/yyyy read day first) in the Buddhist era:\n%s", text)
	}
}

// A path-like header with a typo stops the run; a near miss of a known header word too; other
// headers are HR's own.
func TestHeaderTyposStopAndOwnColumnsAreIgnored(t *testing.T) {
	hw := testHeaders(t)
	for _, tc := range []struct {
		header []string
		err    string // "" for none
		note   string
	}{
		{[]string{"employee.nmae", "社員番号"}, `column A "employee.nmae": unknown profile path (did you mean "employee.name"?)`, ""},
		{[]string{"氏名", "退職曰"}, "", `column B "退職曰" is not a column tsdraft reads; it is ignored (if it means "退職日", correct the header)`},
		{[]string{"氏名", "電話番号", "退職理由", "Note", "Dept.", "Tanggal Lahir"}, "", `column F "Tanggal Lahir" is not a column tsdraft reads`},
		{[]string{"氏名", "exit_date"}, `column B "exit_date": unknown profile path (did you mean "employee.exit_date"?)`, ""},
		{[]string{"氏名", "memo", "reason", "理由"}, "", `column B "memo" is not a column tsdraft reads`},
		{[]string{"Họ và tên", "Mã nhân viên", "Ngày nghỉ việc"}, "", ""},
		{[]string{"Nama Lengkap", "Nomor Induk Karyawan", "Tanggal Keluar"}, "", ""},
		{[]string{"姓名", "员工编号", "离职日期"}, "", ""},
		{[]string{"Full name", "Employee ID", "Exit date"}, "", ""},
		{[]string{"氏名", "Name"}, `column B "Name": names employee.name, as column A does`, ""},
	} {
		cols, notes, err := parseHeader("s.csv", tc.header, hw)
		switch {
		case tc.err == "" && err != nil:
			t.Errorf("%q: %v", tc.header, err)
		case tc.err != "" && (err == nil || !strings.Contains(err.Error(), tc.err)):
			t.Errorf("%q: got %v, want %q", tc.header, err, tc.err)
		case tc.note != "" && !strings.Contains(strings.Join(notes, "\n"), tc.note):
			t.Errorf("%q: notes %q", tc.header, notes)
		}
		if tc.err == "" && err == nil && cols[0].name() != "employee.name" {
			t.Errorf("%q: first column is %s", tc.header, cols[0].name())
		}
	}
	// The structured form names row 1, the column letter and the header.
	_, _, err := parseHeader("s.csv", []string{"氏名", "employee.exit_dat"}, hw)
	se, ok := err.(*SheetError)
	if !ok || len(se.Problems) != 1 || se.Problems[0].Row != 1 || se.Problems[0].Column != "B" || se.Problems[0].Header != "employee.exit_dat" {
		t.Errorf("%#v", err)
	}
}

func TestDatesAsHRTypesThem(t *testing.T) {
	for _, tc := range []struct {
		in       string
		dayFirst bool
		want     string // date, or a part of the error
	}{
		{"2026-03-31", false, "2026-03-31"},
		{"31/03/2026", true, "2026-03-31"},
		{"31.03.2026", true, "2026-03-31"},
		{"01/04/2026", true, "2026-04-01"},
		{"31/03/2026", false, "ambiguous"},
		{"03/31/2026", true, "ambiguous: dates here are day/month/year, and 31 is not a month"},
		{"31/03/26", true, "two-digit year"},
		{"2569-03-31", false, "Buddhist-era year (2569 = 2026 in the Gregorian calendar)"},
		{"31/03/2569", true, "Buddhist-era year"},
		{"0000-01-01", false, "outside 1900–2100"},
		{"9999-12-31", false, "outside 1900–2100"},
		{"30/02/2026", true, "there is no February 30"},
	} {
		d, err := parseDate(tc.in, tc.dayFirst)
		got := ""
		if err == nil {
			got = d.Format("2006-01-02")
		} else {
			got = err.Error()
		}
		if !strings.Contains(got, tc.want) {
			t.Errorf("parseDate(%q, dayFirst %v) = %q, want %q", tc.in, tc.dayFirst, got, tc.want)
		}
	}
	// Excel's 1900 leap-year serials: 60 is 29 February 1900, which never was.
	for _, tc := range []struct {
		raw  string
		want string
	}{
		{"60", "29 February 1900"},
		{"59", "before March 1900"},
		{"46112", ""},
		{"2958465", "outside"}, // 9999-12-31
	} {
		_, err := serialDate(tc.raw)
		if tc.want == "" && err != nil || tc.want != "" && (err == nil || !strings.Contains(err.Error(), tc.want)) {
			t.Errorf("serial %s: %v, want %q", tc.raw, err, tc.want)
		}
	}
}

// Date cells and amounts in a real workbook: a serial-60 date cell and absurd amounts fail
// their row, naming row, column letter and header.
func TestImpossibleValuesInAWorkbook(t *testing.T) {
	dir := t.TempDir()
	prof := writeSample(t, dir, "CN")
	f := excelize.NewFile()
	fmtDate := "yyyy-mm-dd"
	st, _ := f.NewStyle(&excelize.Style{CustomNumFmt: &fmtDate})
	rows := [][]any{
		{"员工编号", "姓名", "离职日期", "noncompete.compensation_amount"},
		{"C-1", "张三", time.Date(2026, 3, 31, 0, 0, 0, 0, time.UTC), 5000},
		{"C-2", "李四", 60, 5000}, // 29 February 1900
		{"C-3", "王五", time.Date(2026, 3, 31, 0, 0, 0, 0, time.UTC), "NaN"},
		{"C-4", "赵六", time.Date(2026, 3, 31, 0, 0, 0, 0, time.UTC), "1e300"},
		{"C-5", "孙七", time.Date(2026, 3, 31, 0, 0, 0, 0, time.UTC), "0x1p10"},
		{"C-6", "周八", "9999-12-31", 5000},
	}
	for i, r := range rows {
		ref, _ := excelize.CoordinatesToCellName(1, i+1)
		f.SetSheetRow("Sheet1", ref, &r)
	}
	f.SetCellStyle("Sheet1", "C2", "C7", st)
	people := filepath.Join(dir, "p.xlsx")
	if err := f.SaveAs(people); err != nil {
		t.Fatal(err)
	}
	rep, log, err := runCore(t, Options{Profile: prof, People: people, OutDir: filepath.Join(dir, "out"),
		Sets: []string{"noncompete.enabled=true", "noncompete.compensation_percent=30"}})
	if err != nil {
		t.Fatalf("%v\n%s", err, log)
	}
	for _, want := range []string{
		"row 3: column C (离职日期): the date is 29 February 1900 (Excel serial 60)",
		`row 4: column D (noncompete.compensation_amount): "NaN" is not a number`,
		`row 5: column D (noncompete.compensation_amount): "1e300" is far too large`,
		`row 6: column D (noncompete.compensation_amount): "0x1p10" is not a number`,
		`row 7: column C (离职日期): "9999-12-31": the year 9999 is outside 1900–2100`,
	} {
		if !strings.Contains(log, want) {
			t.Errorf("log lacks %q:\n%s", want, log)
		}
	}
	if !slices.Equal(rep.FailedRows, []int{3, 4, 5, 6, 7}) || rep.Written != 1 {
		t.Errorf("%s", rep.Summary())
	}
	// The rows for a web page: each problem with its row, column letter and header, no codes.
	var got []string
	for _, rr := range rep.Rows {
		for _, p := range rr.Problems {
			got = append(got, fmt.Sprintf("%d|%s|%s", p.Row, p.Column, p.Header))
			if strings.Contains(p.Message, "[") {
				t.Errorf("a rule code without --verbose: %q", p.Message)
			}
		}
	}
	if !slices.Contains(got, "3|C|离职日期") || !slices.Contains(got, "4|D|noncompete.compensation_amount") {
		t.Errorf("row problems: %q", got)
	}
}

// Encodings: what is certain is read, what is not is refused naming the first row it is
// unsure of, and --encoding reads it.
func TestEncodingsAreNeverGuessed(t *testing.T) {
	dir := t.TempDir()
	prof := writeSample(t, dir, "DE")
	run := func(name string, data []byte, enc string) (*Report, string, error) {
		p := filepath.Join(dir, name)
		os.WriteFile(p, data, 0o644)
		return runCore(t, Options{Profile: prof, People: p, Encoding: enc, OutDir: filepath.Join(dir, "out-"+name+enc), Langs: []string{"de"}})
	}
	german := "Personalnummer;Name;Austrittsdatum\r\nD-1;Jäger;31.03.2026\r\nD-2;Müller;30.04.2026\r\n"
	cp1252, _ := charmap.Windows1252.NewEncoder().Bytes([]byte(german))
	_, _, err := run("de.csv", cp1252, "")
	var ee *EncodingError
	if err == nil || !strings.Contains(err.Error(), "de.csv, row 2, column B") || !strings.Contains(err.Error(), `"Jäger" as cp1252`) ||
		!errors.As(err, &ee) || !slices.Contains(ee.Encodings, "cp1252") || strings.Contains(err.Error(), "--") {
		t.Errorf("German Excel CSV must be refused, naming row 2 and the reading, with the encodings that read it and no flag (the CLI words that): %v", err)
	}
	rep, log, err := run("de.csv", cp1252, "cp1252")
	if err != nil || rep.Written != 2 {
		t.Fatalf("--encoding cp1252: %v\n%s", err, log)
	}
	if text := testsupport.DocText(t, filepath.Join(dir, "out-de.csvcp1252", rep.Entries[0].File)); !strings.Contains(text, "Jäger") {
		t.Errorf("cp1252 read: %s", rep.Entries[0].File)
	}

	thai := "รหัสพนักงาน,ชื่อ-นามสกุล,วันที่ลาออก\r\nT-1,สมชาย ใจดี,2026-03-31\r\n"
	tis, _ := charmap.Windows874.NewEncoder().Bytes([]byte(thai))
	if _, _, err := run("th.csv", tis, ""); err == nil || !strings.Contains(err.Error(), "tis-620") {
		t.Errorf("TIS-620 must be refused (it also reads as Shift_JIS): %v", err)
	}
	rep, log, err = run("th.csv", tis, "tis-620")
	if err != nil || rep.Written != 1 {
		t.Errorf("--encoding tis-620: %v\n%s", err, log)
	}

	// A Shift_JIS file that is also valid UTF-8: 邉本 reads 糖{ as UTF-8.
	sjis, _ := japanese.ShiftJIS.NewEncoder().Bytes([]byte("employee.id,employee.name,employee.exit_date\r\nJ-1,邉本,2026-03-31\r\n"))
	if !utf8.Valid(sjis) {
		t.Fatal("the test needs Shift_JIS bytes that are valid UTF-8")
	}
	_, _, err = run("sj.csv", sjis, "")
	if err == nil || !strings.Contains(err.Error(), "reads two ways") || !strings.Contains(err.Error(), `"邉本" as cp932`) {
		t.Errorf("Shift_JIS valid as UTF-8 must be refused as ambiguous: %v", err)
	}
	// Real Shift_JIS (not UTF-8, nothing else plausible) is read; so is UTF-16 with a BOM.
	sjis2, _ := japanese.ShiftJIS.NewEncoder().Bytes([]byte("社員番号,氏名,退職日\r\nJ-1,山田 太郎,2026-03-31\r\nJ-2,渡辺 花子,2026-04-30\r\n"))
	if rep, log, err := run("sj2.csv", sjis2, ""); err != nil || rep.Written != 2 {
		t.Errorf("Shift_JIS: %v\n%s", err, log)
	}
	u16, _ := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().Bytes([]byte("Personalnummer\tName\tAustrittsdatum\r\nD-1\tJäger\t2026-03-31\r\n"))
	if rep, log, err := run("u16.csv", u16, ""); err != nil || rep.Written != 1 {
		t.Errorf("UTF-16: %v\n%s", err, log)
	}
	// UTF-8 Japanese, Thai and Vietnamese are UTF-8, not ambiguous.
	utf := "社員番号,氏名,退職日\r\nJ-1,渡辺 花子,2026-03-31\r\nJ-2,髙橋 一郎,2026-03-31\r\nJ-3,Nguyễn Văn An,2026-03-31\r\nJ-4,สมชาย ใจดี,2026-03-31\r\n"
	for _, name := range []string{"渡辺", "山田", "高橋", "佐藤", "鈴木", "田中", "伊藤", "中村"} {
		if enc, err := guessEncoding(context.Background(), "x.csv", strings.NewReader("a\n"+name+"\n"), ','); err != nil || enc != EncodingUTF8 {
			t.Errorf("UTF-8 %s: %s %v", name, enc, err)
		}
	}
	if rep, log, err := run("utf8.csv", []byte(utf), ""); err != nil || rep.Written != 4 {
		t.Errorf("UTF-8: %v\n%s", err, log)
	}
}

func TestHiddenSheetsAreNotRead(t *testing.T) {
	dir := t.TempDir()
	prof := writeSample(t, dir, "JP")
	f := excelize.NewFile()
	f.SetSheetName("Sheet1", "old")
	f.SetSheetRow("old", "A1", &[]any{"社員番号", "氏名", "退職日"})
	f.SetSheetRow("old", "A2", &[]any{"J-0", "昔の 人", "2020-03-31"})
	f.NewSheet("今月")
	f.SetSheetRow("今月", "A1", &[]any{"社員番号", "氏名", "退職日"})
	f.SetSheetRow("今月", "A2", &[]any{"J-1", "今の 人", "2026-03-31"})
	f.SetActiveSheet(1)
	if err := f.SetSheetVisible("old", false); err != nil {
		t.Fatal(err)
	}
	people := filepath.Join(dir, "p.xlsx")
	if err := f.SaveAs(people); err != nil {
		t.Fatal(err)
	}
	rep, log, err := runCore(t, Options{Profile: prof, People: people, OutDir: filepath.Join(dir, "out")})
	if err != nil || rep.Written != 1 || rep.Entries[0].ID != "J-1" {
		t.Fatalf("the visible sheet is read: %v\n%s", err, log)
	}
	if !strings.Contains(log, `reading sheet "今月"`) {
		t.Errorf("log: %s", log)
	}
	// The visible sheets do not fit: the hidden one is still not read.
	f.SetCellStr("今月", "A1", "3月の退職者一覧")
	f.SetCellStr("今月", "B1", "")
	f.SetCellStr("今月", "C1", "")
	os.Remove(people)
	if err := f.SaveAs(people); err != nil {
		t.Fatal(err)
	}
	_, log, err = runCore(t, Options{Profile: prof, People: people, OutDir: filepath.Join(dir, "out2")})
	if err == nil || !strings.Contains(err.Error(), "no column names the person") {
		t.Errorf("only a hidden sheet fits: %v\n%s", err, log)
	}
	// Named with --sheet, a hidden sheet is read: the user chose it.
	rep, log, err = runCore(t, Options{Profile: prof, People: people, Sheet: "old", OutDir: filepath.Join(dir, "out3")})
	if err != nil || rep.Written != 1 || rep.Entries[0].ID != "J-0" {
		t.Errorf("--sheet old: %v\n%s", err, log)
	}
}

// A row whose cells changed since its pledge was issued is reported and kept; --update
// redrafts exactly those rows; the issue log keeps every issuance.
func TestChangedRowsAreNeverSilentlyKept(t *testing.T) {
	dir := t.TempDir()
	prof := writeSample(t, dir, "JP")
	people := filepath.Join(dir, "p.csv")
	out := filepath.Join(dir, "out")
	sheet := [][]string{
		{"社員番号", "氏名", "退職日"},
		{"J-1", "佐藤 花子", "2026-03-31"},
		{"J-2", "鈴木 一郎", "2026-03-31"},
	}
	writeCSV(t, people, sheet)
	o := Options{Profile: prof, People: people, OutDir: out}
	if rep, log, err := runCore(t, o); err != nil || rep.Written != 2 {
		t.Fatalf("%v %s", err, log)
	}
	kept := filepath.Join(out, "exit-pledge_J-1_佐藤 花子.docx")
	before, _ := os.ReadFile(kept)
	changed := filepath.Join(out, "exit-pledge_J-2_鈴木 一郎.docx")
	old, _ := os.ReadFile(changed)

	sheet[2][2] = "2026-04-30" // the exit date was wrong
	writeCSV(t, people, sheet)
	rep, log, err := runCore(t, o)
	if err != nil || rep.OK() || !slices.Equal(rep.ChangedRows, []int{3}) {
		t.Fatalf("a changed row must fail the run: %v %s\n%s", err, rep.Summary(), log)
	}
	if !strings.Contains(log, "row 3: the row changed since exit-pledge_J-2_鈴木 一郎.docx was issued on") || !strings.Contains(log, "the option to update changed rows") {
		t.Errorf("log: %s", log)
	}
	if now, _ := os.ReadFile(changed); !bytes.Equal(now, old) {
		t.Errorf("without --update the issued pledge stays as it was")
	}
	rep, log, err = runCore(t, Options{Profile: prof, People: people, OutDir: out, Update: true})
	if err != nil || !rep.OK() || rep.Updated != 1 || rep.Skipped != 1 {
		t.Fatalf("--update: %v %s\n%s", err, rep.Summary(), log)
	}
	if now, _ := os.ReadFile(kept); !bytes.Equal(now, before) {
		t.Errorf("--update redrafts only the changed row")
	}
	if text := testsupport.DocText(t, changed); !strings.Contains(text, "2026年4月30日") {
		t.Errorf("the redrafted pledge has the new date")
	}
	// The log: three issuances, the last a reissue; each line synced before the next file.
	b, _ := os.ReadFile(filepath.Join(out, IssueLogName))
	recs, err := parseIssueLog("log", b)
	if err != nil || len(recs) != 3 || recs[2].Event != "reissued" || recs[2].ID != "J-2" {
		t.Errorf("issue log: %v %+v", err, recs)
	}
	// The XLSX manifest says the same as the CSV one.
	x, err := excelize.OpenFile(filepath.Join(out, ManifestXLSXName))
	if err != nil {
		t.Fatal(err)
	}
	xrows, _ := x.GetRows("manifest")
	crows := manifest(t, out)
	if len(xrows) != len(crows) || xrows[2][6] != crows[2][6] || crows[2][6] != StatusUpdated {
		t.Errorf("XLSX manifest %q\nCSV manifest %q", xrows, crows)
	}
}

// A second sheet into the same folder keeps the first one's records; the log is appended to.
func TestManifestKeepsEveryRecord(t *testing.T) {
	dir := t.TempDir()
	prof := writeSample(t, dir, "JP")
	out := filepath.Join(dir, "out")
	a, b := filepath.Join(dir, "march.csv"), filepath.Join(dir, "april.csv")
	writeCSV(t, a, [][]string{{"社員番号", "氏名", "退職日"}, {"J-1", "佐藤 花子", "2026-03-31"}})
	writeCSV(t, b, [][]string{{"社員番号", "氏名", "退職日"}, {"J-9", "田中 次郎", "2026-04-30"}})
	var logLines []int
	for _, p := range []string{a, b} {
		o := Options{Profile: prof, People: p, OutDir: out, Jobs: 1}
		o.Progress = func(done, total int) {
			// Each pledge is in the log (synced) before the next one is drafted.
			b, _ := os.ReadFile(filepath.Join(out, IssueLogName))
			logLines = append(logLines, bytes.Count(b, []byte("\r\n")))
		}
		if rep, log, err := runCore(t, o); err != nil || !rep.OK() {
			t.Fatalf("%v %s", err, log)
		}
	}
	if !slices.Equal(logLines, []int{2, 3}) {
		t.Errorf("log lines after each pledge: %v", logLines)
	}
	rows := checkManifest(t, out)
	if len(rows) != 3 || rows[1][1] != "J-9" || rows[1][6] != "written" || rows[2][1] != "J-1" || rows[2][6] != StatusEarlier || rows[2][10] != "march.csv" {
		t.Errorf("manifest: %q", rows)
	}
}

// Two runs cannot write to one folder at once.
func TestOutputFolderIsLocked(t *testing.T) {
	dir := t.TempDir()
	prof := writeSample(t, dir, "JP")
	people := filepath.Join(dir, "p.csv")
	writeCSV(t, people, [][]string{{"社員番号", "氏名", "退職日"}, {"J-1", "佐藤 花子", "2026-03-31"}})
	out := filepath.Join(dir, "out")
	os.MkdirAll(out, 0o755)
	l, err := lockDir(out)
	if err != nil {
		t.Fatal(err)
	}
	_, _, err = runCore(t, Options{Profile: prof, People: people, OutDir: out})
	if err == nil || !strings.Contains(err.Error(), "another tsdraft batch is writing to") {
		t.Errorf("a locked folder: %v", err)
	}
	l.release()
	if rep, log, err := runCore(t, Options{Profile: prof, People: people, OutDir: out}); err != nil || rep.Written != 1 {
		t.Errorf("after the lock is released: %v %s", err, log)
	}
}

// Links and other non-files planted in the output folder are refused, never followed.
func TestPlantedLinksAreNeverFollowed(t *testing.T) {
	dir := t.TempDir()
	prof := writeSample(t, dir, "JP")
	people := filepath.Join(dir, "p.csv")
	writeCSV(t, people, [][]string{{"社員番号", "氏名", "退職日"}, {"J-1", "佐藤 花子", "2026-03-31"}, {"J-2", "鈴木 一郎", "2026-03-31"}})
	secret := filepath.Join(dir, "secret.txt")
	os.WriteFile(secret, []byte("the company's secret"), 0o600)
	out := filepath.Join(dir, "out")
	os.MkdirAll(out, 0o755)
	if err := os.Symlink(secret, filepath.Join(out, "exit-pledge_J-1_佐藤 花子.docx")); err != nil {
		t.Skip("no symbolic links here")
	}
	if err := os.Symlink(secret, filepath.Join(out, "exit-pledge_J-2_鈴木 一郎.pdf")); err != nil {
		t.Fatal(err)
	}
	var converted []string
	fake := func(files []string, outDir string, force bool) ([]string, error) {
		converted = append(converted, files...)
		return nil, nil
	}
	rep, log, err := runCore(t, Options{Profile: prof, People: people, OutDir: out, PDF: true, Jobs: 1, pdfConvert: fake})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(log, "row 2: exit-pledge_J-1_佐藤 花子.docx in the output folder is a symbolic link") {
		t.Errorf("log: %s", log)
	}
	m, _ := os.ReadFile(filepath.Join(out, ManifestName))
	sum := fileSHA(secret)
	if bytes.Contains(m, []byte(sum)) || len(converted) != 0 {
		t.Errorf("the link's target was read (hash in the manifest) or converted: %q", converted)
	}
	if !slices.Equal(rep.FailedRows, []int{2}) {
		t.Errorf("%s", rep.Summary())
	}
	var pdfFailed bool
	for _, e := range rep.Entries {
		if e.Row == 3 && e.Status == StatusFailed && strings.Contains(e.Error, ".pdf is a symbolic link") {
			pdfFailed = true
		}
	}
	if !pdfFailed {
		t.Errorf("the planted PDF link must fail: %+v", rep.Entries)
	}
	// A link at the manifest's or the log's name stops the run before anything is read.
	for _, name := range []string{ManifestXLSXName, IssueLogName} {
		out2 := filepath.Join(dir, "out-"+name)
		os.MkdirAll(out2, 0o755)
		os.Symlink(secret, filepath.Join(out2, name))
		_, _, err := runCore(t, Options{Profile: prof, People: people, OutDir: out2})
		if err == nil || !strings.Contains(err.Error(), "is a symbolic link, not a file tsdraft wrote") {
			t.Errorf("%s as a link: %v", name, err)
		}
		if b, _ := os.ReadFile(secret); string(b) != "the company's secret" {
			t.Errorf("the link's target was written to")
		}
	}
}

// IDs and names beginning with = + - @ tab or CR become text in both manifests.
func TestManifestsAreSafeToOpenInASpreadsheet(t *testing.T) {
	dir := t.TempDir()
	prof := writeSample(t, dir, "JP")
	people := filepath.Join(dir, "p.csv")
	// (A cell's surrounding spaces, tabs and line breaks are trimmed before it becomes a value;
	// neutralise is checked for those on its own below.)
	evil := []string{`=HYPERLINK("http://x.invalid/?"&A1,"click")`, "+1+1", "-2+3", "@SUM(A1)", "'quoted"}
	for _, tc := range [][2]string{{"\tX", "'\tX"}, {"\r=1", "'\r=1"}, {"E-1", "E-1"}, {"", ""}, {"a=b", "a=b"}} {
		if got := neutralise(tc[0]); got != tc[1] || unneutralise(got) != tc[0] {
			t.Errorf("neutralise(%q) = %q", tc[0], got)
		}
	}
	rows := [][]string{{"employee.id", "employee.name", "employee.exit_date"}}
	for i, e := range evil {
		rows = append(rows, []string{e, fmt.Sprintf("名前%d", i), "2026-03-31"})
	}
	writeCSV(t, people, rows)
	out := filepath.Join(dir, "out")
	rep, log, err := runCore(t, Options{Profile: prof, People: people, OutDir: out, Name: "{row}_{employee.name}"})
	if err != nil {
		t.Fatalf("%v\n%s", err, log)
	}
	if rep.Written != len(evil) {
		t.Fatalf("%s\n%s", rep.Summary(), log)
	}
	raw, _ := os.ReadFile(filepath.Join(out, ManifestName))
	recs, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(raw, []byte("\uFEFF")))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	for i, e := range evil {
		if got := recs[i+1][1]; got != "'"+e {
			t.Errorf("CSV cell %q, want %q", got, "'"+e)
		}
	}
	// Read back by tsdraft, the values are what was written.
	back, _ := readCSV(bytes.NewReader(raw))
	for i, e := range evil {
		if back[i+1][1] != e {
			t.Errorf("read back %q, want %q", back[i+1][1], e)
		}
	}
	// The workbook: string cells, no formula anywhere.
	x, err := excelize.OpenFile(filepath.Join(out, ManifestXLSXName))
	if err != nil {
		t.Fatal(err)
	}
	for i, e := range evil {
		ref, _ := excelize.CoordinatesToCellName(2, i+2)
		v, _ := x.GetCellValue("manifest", ref)
		f, _ := x.GetCellFormula("manifest", ref)
		typ, _ := x.GetCellType("manifest", ref)
		if v != e || f != "" || typ == excelize.CellTypeFormula {
			t.Errorf("%s: value %q formula %q type %v", ref, v, f, typ)
		}
	}
}

// A name written in another Unicode form (NFD, as macOS writes it) is the same person and the
// same input; names differing in case are the same file name (as on Windows and macOS).
func TestNamesComparedNormalised(t *testing.T) {
	dir := t.TempDir()
	prof := writeSample(t, dir, "DE")
	people := filepath.Join(dir, "p.csv")
	out := filepath.Join(dir, "out")
	writeCSV(t, people, [][]string{{"Personalnummer", "Name", "Austrittsdatum"}, {"D-1", "Jäger", "2026-03-31"}})
	o := Options{Profile: prof, People: people, OutDir: out}
	if rep, log, err := runCore(t, o); err != nil || rep.Written != 1 {
		t.Fatalf("%v %s", err, log)
	}
	writeCSV(t, people, [][]string{{"Personalnummer", "Name", "Austrittsdatum"}, {"D-1", "Ja\u0308ger", "2026-03-31"}})
	rep, log, err := runCore(t, o)
	if err != nil || !rep.OK() || rep.Written != 0 || rep.Skipped != 1 {
		t.Errorf("the same person in NFD: %v %s\n%s", err, rep.Summary(), log)
	}
	if !samePerson("d-1", "JÄGER", "D-1", "Ja\u0308ger") || samePerson("D-1", "Jäger", "D-2", "Jäger") {
		t.Error("samePerson")
	}
	var u uniqueNames
	if a, b := u.claim("Jäger"), u.claim("JA\u0308GER"); a == b {
		t.Errorf("two names one file system would take for one: %q %q", a, b)
	}
}

// 20,000 columns are read in linear time; -j is bounded.
func TestBoundedWork(t *testing.T) {
	head := []string{"employee.name"}
	for i := range 20000 {
		head = append(head, fmt.Sprintf("vars.c%d", i))
	}
	start := time.Now()
	cols, _, err := parseHeader("wide.csv", head, nil)
	if err != nil || len(cols) != 20001 {
		t.Fatal(err)
	}
	r := &run{cols: cols, named: make([]bool, len(head)), src: &source{name: "wide.csv"}}
	for i := range r.named {
		r.named[i] = true
	}
	rec := record{row: 2, cells: make([]Cell, len(head))}
	for i := range rec.cells {
		rec.cells[i] = Cell{Text: "x", Raw: "x"}
	}
	sets, _, probs := r.rowSets(rec)
	if len(sets) != 20001 || len(probs) != 0 {
		t.Fatalf("%d sets, %v", len(sets), probs)
	}
	if d := time.Since(start); d > 3*time.Second {
		t.Errorf("20,000 columns took %v", d)
	}
	// Ignored HR columns by the thousand are one note each, at most a few lines.
	dir := t.TempDir()
	prof := writeSample(t, dir, "JP")
	wide := []string{"社員番号", "氏名", "退職日"}
	row := []string{"J-1", "佐藤 花子", "2026-03-31"}
	for i := range 20000 {
		wide = append(wide, fmt.Sprintf("メモ%d", i))
		row = append(row, "")
	}
	people := filepath.Join(dir, "wide.csv")
	writeCSV(t, people, [][]string{wide, row})
	start = time.Now()
	rep, log, err := runCore(t, Options{Profile: prof, People: people, OutDir: filepath.Join(dir, "out")})
	if err != nil || rep.Written != 1 || strings.Count(log, "\n") > 20 {
		t.Errorf("%v %d log lines", err, strings.Count(log, "\n"))
	}
	if d := time.Since(start); d > 10*time.Second {
		t.Errorf("a 20,000-column sheet took %v", d)
	}
	for _, j := range []int{-1, MaxJobs + 1} {
		if _, _, err := runCore(t, Options{Profile: prof, People: people, Jobs: j}); err == nil || !strings.Contains(err.Error(), "give between 1 and") {
			t.Errorf("-j %d: %v", j, err)
		}
	}
}

// A signal while the sheet is read stops before anything is written.
func TestInterruptWhileReadingTheSheet(t *testing.T) {
	dir := t.TempDir()
	prof := writeSample(t, dir, "JP")
	people := filepath.Join(dir, "p.csv")
	writeCSV(t, people, [][]string{{"社員番号", "氏名", "退職日"}, {"J-1", "佐藤 花子", "2026-03-31"}})
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	for _, p := range []string{people} {
		_, err := Run(ctx, Options{Profile: prof, People: p, OutDir: filepath.Join(dir, "out"), NewRenderer: newTestRenderer})
		if err == nil || !strings.Contains(err.Error(), "interrupted") {
			t.Errorf("%s: %v", p, err)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "out")); err == nil {
		t.Errorf("nothing may be written")
	}
	// A step that cannot watch the signal itself (opening a large workbook) is left behind.
	ctx, cancel = context.WithCancel(context.Background())
	block := make(chan struct{})
	defer close(block)
	go func() { time.Sleep(50 * time.Millisecond); cancel() }()
	_, _, err := interruptible(ctx, "big.xlsx", func() ([]string, []string, error) { <-block; return nil, nil, nil })
	if err == nil || !strings.Contains(err.Error(), "interrupted while reading big.xlsx") {
		t.Errorf("%v", err)
	}
}

// The leavers sheet the web app offers: headers in the UI language, date cells, one example
// row that is refused; filled in, it drafts.
func TestLeaversSheet(t *testing.T) {
	for _, lang := range []string{"ja", "th", "en"} {
		b, err := LeaversSheet(lang, nil)
		if err != nil {
			t.Fatal(err)
		}
		again, _ := LeaversSheet(lang, nil)
		if !bytes.Equal(b, again) {
			t.Errorf("%s: the same sheet twice gives different bytes", lang)
		}
		f, err := excelize.OpenReader(bytes.NewReader(b))
		if err != nil {
			t.Fatal(err)
		}
		rows, _ := f.GetRows("Sheet1")
		want := map[string]string{"ja": "社員番号", "th": "รหัสพนักงาน", "en": "Employee ID"}[lang]
		if rows[0][0] != want || len(rows) != 2 {
			t.Errorf("%s: header %q", lang, rows[0])
		}
		dir := t.TempDir()
		prof := writeSample(t, dir, "JP")
		rep, err := RunSheet(context.Background(), bytes.NewReader(b), "leavers.xlsx", Options{Profile: prof, OutDir: filepath.Join(dir, "out"), NewRenderer: newTestRenderer, Log: io.Discard})
		if err != nil || rep.Written != 0 || len(rep.Rows) != 1 || !strings.Contains(rep.Rows[0].Problems[0].Message, "example row") {
			t.Fatalf("%s: the example row must be refused: %v %+v", lang, err, rep)
		}
		// HR types a leaver into row 3 (a date cell, as the sheet formats it) and deletes the example.
		f.SetSheetRow("Sheet1", "A3", &[]any{"J-5", "高橋 三郎", time.Date(2026, 5, 31, 0, 0, 0, 0, time.UTC)})
		f.RemoveRow("Sheet1", 2)
		var buf bytes.Buffer
		f.Write(&buf)
		var lb bytes.Buffer
		rep, err = RunSheet(context.Background(), &buf, "leavers.xlsx", Options{Profile: prof, OutDir: filepath.Join(dir, "out2"), NewRenderer: newTestRenderer, Log: &lb, Langs: []string{"ja"}})
		if err != nil || rep.Written != 1 || rep.Rows[0].Status != RowDrafted {
			t.Fatalf("%s: %v %s", lang, err, lb.String())
		}
		if text := testsupport.DocText(t, filepath.Join(dir, "out2", rep.Rows[0].Files[0])); !strings.Contains(text, "2026年5月31日") {
			t.Errorf("%s: the date cell reads as a date", lang)
		}
	}
}

// Rule codes are for experts: only with --verbose.
func TestRuleCodesOnlyWhenVerbose(t *testing.T) {
	dir := t.TempDir()
	prof := writeSample(t, dir, "JP")
	people := filepath.Join(dir, "p.csv")
	writeCSV(t, people, [][]string{{"社員番号", "氏名", "退職日"}, {"J-1", "佐藤 花子", ""}})
	for _, verbose := range []bool{false, true} {
		rep, log, err := runCore(t, Options{Profile: prof, People: people, OutDir: filepath.Join(dir, fmt.Sprint(verbose)), Verbose: verbose})
		if err != nil || len(rep.Rows) != 1 {
			t.Fatalf("%v %s", err, log)
		}
		p := rep.Rows[0].Problems[0]
		if p.Row != 2 || p.Column != "C" || p.Header != "退職日" || strings.Contains(p.Message, "[PROFILE-REQUIRED]") != verbose {
			t.Errorf("verbose %v: %+v", verbose, p)
		}
		if !strings.Contains(log, "p.csv, row 2: column C (退職日): employee.exit_date is required for exit-pledge") {
			t.Errorf("log: %s", log)
		}
	}
}

// A firm's own header words (a --locales directory) are read too; a word naming two columns
// in one file is refused.
func TestOwnHeaderWords(t *testing.T) {
	dir := t.TempDir()
	os.MkdirAll(filepath.Join(dir, "ja"), 0o755)
	os.WriteFile(filepath.Join(dir, "ja", "sheet.toml"), []byte("[employee_id]\ntext = '''従業員コード'''\n"), 0o644)
	hw, err := LoadHeaderWords(nil, os.DirFS(dir))
	if err != nil || hw.Path("従業員コード") != "employee.id" || hw.Path("社員番号") != "employee.id" {
		t.Fatalf("%v", err)
	}
	os.WriteFile(filepath.Join(dir, "ja", "sheet.toml"), []byte("[employee_id]\ntext = '''番号'''\n[employee_name]\ntext = '''番号'''\n"), 0o644)
	if _, err := LoadHeaderWords(nil, os.DirFS(dir)); err == nil || !strings.Contains(err.Error(), `the header "番号" names both`) {
		t.Errorf("%v", err)
	}
}

// The locale catalogue loads while the sheet is read (the two longest steps before the first
// file); a catalogue that cannot be loaded is still what the user hears first, as when the two
// ran in turn, and nothing is written.
func TestRendererProblemsComeBeforeTheSheets(t *testing.T) {
	dir := t.TempDir()
	prof := writeSample(t, dir, "JP")
	people := filepath.Join(dir, "people.csv")
	writeCSV(t, people, [][]string{{"社員番号", "氏名", "退職日"}}) // no rows: an error of its own
	out := filepath.Join(dir, "out")
	broken := errors.New("locales/ja/exit-pledge.toml:3:1: broken")
	_, _, err := runCore(t, Options{Profile: prof, People: people, OutDir: out, Langs: []string{"ja"},
		NewRenderer: func([]string, bool) (*render.Renderer, error) { return nil, broken }})
	if !errors.Is(err, broken) {
		t.Fatalf("got %v, want the catalogue's error first", err)
	}
	if _, err := os.Stat(out); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("the output folder was made: %v", err)
	}
	_, _, err = runCore(t, Options{Profile: prof, People: people, OutDir: out, Langs: []string{"ja"}})
	if err == nil || !strings.Contains(err.Error(), "has no rows below its header row") {
		t.Errorf("with a good catalogue the sheet's problem shows: %v", err)
	}
}
