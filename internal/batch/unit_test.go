package batch

import (
	"bytes"
	"context"
	"encoding/csv"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/BurntSushi/toml"

	"github.com/tsdraft/tsdraft/internal/profile"
)

func TestSafeName(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"exit-pledge_E-1_张三", "exit-pledge_E-1_张三"},
		{"สมชาย ใจดี", "สมชาย ใจดี"},
		{"王伟", "王伟"},
		{"a/b", "a_b"},
		{`a\b`, "a_b"},
		{"../../etc/passwd", "_._etc_passwd"},
		{"..", ""},
		{".hidden", "hidden"},
		{"CON", "CON_"},
		{"con.txt", "con_.txt"},
		{"Com1", "Com1_"},
		{"LPT9", "LPT9_"},
		{"NUL ", "NUL_"},
		{"CONSOLE", "CONSOLE"},
		{"a:b*c?d\"e<f>g|h", "a_b_c_d_e_f_g_h"},
		{"tab\there", "tab_here"},
		{"line\nbreak", "line_break"},
		{"evil\u202Etxt.exe", "eviltxt.exe"},
		{"zero\u200Bwidth", "zerowidth"},
		{"trailing. ", "trailing"},
		{"e\u0301", "\u00e9"}, // NFC
		{"\u00a0nbsp", "nbsp"},
	} {
		if got := safeName(tc.in); got != tc.want {
			t.Errorf("safeName(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
	long := strings.Repeat("王", 100) // 300 bytes
	got := safeName(long)
	if len(got) > maxNameBytes || len(got) < maxNameBytes-3 || !strings.HasPrefix(long, got) {
		t.Errorf("a long name is cut on a character boundary under %d bytes: %d bytes", maxNameBytes, len(got))
	}
}

func TestUniqueNames(t *testing.T) {
	var u uniqueNames
	var got []string
	for _, n := range []string{"a", "a", "A", "a_2", "b", "a"} {
		got = append(got, u.claim(n))
	}
	want := []string{"a", "a_2", "A_3", "a_2_2", "b", "a_4"}
	if !slices.Equal(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestInside(t *testing.T) {
	dir := t.TempDir()
	for _, tc := range []struct {
		path string
		want bool
	}{
		{filepath.Join(dir, "a.docx"), true},
		{filepath.Join(dir, "..", "a.docx"), false},
		{filepath.Join(dir, "sub", "a.docx"), false},
		{dir, false},
	} {
		if got := inside(dir, tc.path); got != tc.want {
			t.Errorf("inside(%q) = %v", tc.path, got)
		}
	}
}

func TestParseDate(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"2026-03-31", "2026-03-31"},
		{"2026/3/31", "2026-03-31"},
		{"2026/03/01 0:00", "2026-03-01"},
		{"2026-03-31T00:00:00Z", "2026-03-31"},
		{"2026.3.5", "2026-03-05"},
		{"2026年3月31日", "2026-03-31"},
		{"２０２６／３／３１", "2026-03-31"}, // full-width, as typed with a Japanese IME
		{" 2026-03-31 ", "2026-03-31"},
		{"31/03/2026", ""},
		{"3/31/2026", ""},
		{"2026-02-29", ""},
		{"2024-02-29", "2024-02-29"},
		{"2026-13-01", ""},
		{"2026-00-10", ""},
		{"March 31", ""},
		{"", ""},
	} {
		d, err := parseDate(tc.in, false)
		got := ""
		if err == nil {
			got = d.Format("2006-01-02")
		}
		if got != tc.want {
			t.Errorf("parseDate(%q) = %q (%v), want %q", tc.in, got, err, tc.want)
		}
	}
}

func TestExcelDate(t *testing.T) {
	for _, tc := range []struct {
		serial float64
		d1904  bool
		want   string
	}{
		{46112, false, "2026-03-31"},
		{46112.75, false, "2026-03-31"},
		{61, false, "1900-03-01"},
		{44650, true, "2026-03-31"},
	} {
		if got := excelDate(tc.serial, tc.d1904).Format("2006-01-02"); got != tc.want {
			t.Errorf("excelDate(%v, %v) = %s, want %s", tc.serial, tc.d1904, got, tc.want)
		}
	}
}

func TestDateFormats(t *testing.T) {
	for _, tc := range []struct {
		code string
		want bool
	}{
		{"yyyy/m/d", true},
		{`yyyy"年"m"月"d"日"`, true},
		{"[$-411]ge.m.d", true},
		{"d-mmm-yy", true},
		{"mm/dd/yyyy hh:mm", true},
		{"0.00", false},
		{"#,##0", false},
		{"0.00E+00", false},
		{"General", false},
		{`"day "0`, false},
		{"h:mm:ss", false},
		{"[h]:mm", false},
		{"@", false},
		{"0%", false},
	} {
		if got := isDateFormat(tc.code); got != tc.want {
			t.Errorf("isDateFormat(%q) = %v", tc.code, got)
		}
	}
	if !builtinDate(14) || !builtinDate(57) || builtinDate(2) || builtinDate(49) {
		t.Error("built-in date formats")
	}
}

// Every cell, whatever it holds, becomes a TOML value that reads back as the same text.
func TestTOMLStringRoundTrip(t *testing.T) {
	for _, s := range []string{"", "plain", `quote " and \ backslash`, "line\nbreak\r\n", "tab\t", "\x01\x7f", "王伟 สมชาย", "'''", `"""`, "\u2028"} {
		var doc map[string]any
		if _, err := toml.Decode("v = "+tomlString(s), &doc); err != nil {
			t.Errorf("%q: %v", s, err)
			continue
		}
		if doc["v"] != s {
			t.Errorf("%q read back as %q", s, doc["v"])
		}
	}
}

// sameAsSet fails unless ov is the value earlier versions passed as the --set argument set
// (its fingerprint in the issue log): same path, same value once decoded.
func sameAsSet(t testing.TB, ov profile.Overlay, set string) {
	t.Helper()
	st, err := profile.ParseSet(set)
	if err != nil {
		t.Fatalf("%s: not a --set argument: %v", set, err)
	}
	if !slices.Equal(st.Path, ov.Path) || !reflect.DeepEqual(st.Value, ov.Value) {
		t.Fatalf("%s: the overlay is %v = %#v, the --set value %v = %#v", set, ov.Path, ov.Value, st.Path, st.Value)
	}
}

func TestCellValues(t *testing.T) {
	col := func(path string) *column {
		first := "employee.name"
		if strings.HasPrefix(path, first) {
			first = "employee.name.th"
		}
		cols, _, err := parseHeader("t.csv", []string{first, path}, nil)
		if err != nil {
			t.Fatal(err)
		}
		return cols[1]
	}
	for _, tc := range []struct {
		path string
		cell Cell
		want string // the --set argument; "error" when the cell is refused
	}{
		{"employee.department", Cell{Text: " 技术部 "}, `employee.department="技术部"`},
		{"employee.id", Cell{Text: "0042"}, `employee.id="0042"`},
		{"employee.name.ja", Cell{Text: "王 偉"}, `employee.name.ja="王 偉"`},
		{"employee.access", Cell{Text: "a; b;;c\nd"}, `employee.access=["a", "b", "c", "d"]`},
		{"employee.access", Cell{Text: " ; "}, ``},
		{"employee.access", Cell{Text: ""}, ``},
		{"employee.exit_date", Cell{Text: "2026/3/31"}, `employee.exit_date=2026-03-31`},
		{"employee.exit_date", Cell{Text: "03-31-26", Raw: "46112", Num: true, Date: true, Serial: time.Date(2026, 3, 31, 0, 0, 0, 0, time.UTC)}, `employee.exit_date=2026-03-31`},
		{"employee.exit_date", Cell{Text: "46112", Raw: "46112", Num: true}, `employee.exit_date=2026-03-31`},
		{"employee.exit_date", Cell{Text: "soon"}, `error`},
		{"employee.hire_date", Cell{Text: ""}, ``},
		{"noncompete.months", Cell{Text: "12"}, `noncompete.months=12`},
		{"noncompete.months", Cell{Text: "１２"}, `noncompete.months=12`},
		{"noncompete.months", Cell{Text: "twelve"}, `error`},
		{"noncompete.months", Cell{Text: "12.5"}, `error`},
		{"noncompete.compensation_amount", Cell{Text: "5,000"}, `noncompete.compensation_amount=5000`},
		{"noncompete.compensation_amount", Cell{Text: "12.5"}, `noncompete.compensation_amount=12.5`},
		{"noncompete.compensation_percent", Cell{Text: "30%"}, `noncompete.compensation_percent=30`},
		{"noncompete.compensation_percent", Cell{Text: "30%", Raw: "0.3", Num: true}, `noncompete.compensation_percent=30`},
		{"noncompete.enabled", Cell{Text: "TRUE"}, `noncompete.enabled=true`},
		{"noncompete.enabled", Cell{Text: "no"}, `noncompete.enabled=false`},
		{"noncompete.enabled", Cell{Text: "maybe"}, `error`},
		{"vars.case_no", Cell{Text: "EX-1"}, `vars.case_no="EX-1"`},
		{"vars.start", Cell{Text: "4/1/26", Raw: "46113", Num: true, Date: true, Serial: time.Date(2026, 4, 1, 0, 0, 0, 0, time.UTC)}, `vars.start=2026-04-01`},
		{`vars."a b"`, Cell{Text: "x"}, `vars."a b"="x"`},
		{"employee.department", Cell{Text: `say "hi"\`}, `employee.department="say \"hi\"\\"`},
	} {
		c := col(tc.path)
		ov, got, ok, err := c.overlay(tc.cell, "t.csv", 7)
		if err != nil {
			got = "error"
		}
		if got != tc.want {
			t.Errorf("%s %q: got %s (%v), want %s", tc.path, tc.cell.Text, got, err, tc.want)
		}
		if ok != (got != "" && got != "error") {
			t.Errorf("%s %q: overlay given = %v for %q", tc.path, tc.cell.Text, ok, got)
		}
		if ok {
			sameAsSet(t, ov, got)
			if want := (profile.Pos{File: "t.csv", Line: 7, Col: c.index + 1}); ov.Origin != want || ov.Key.Line != headerRow {
				t.Errorf("%s: placed at %v (key %v), want %v", got, ov.Origin, ov.Key, want)
			}
		}
	}
}

func TestHeaderProblems(t *testing.T) {
	for _, tc := range []struct {
		header []string
		want   string // a problem reported, or "" for none
	}{
		{[]string{"employee.name", "employee.id", "", "employee.exit_date"}, ""},
		{[]string{"employee.name.ja", "employee.name.th", "vars.x", "vars.y.z"}, ""},
		{[]string{"employee.name", "employee.nmae"}, `column B "employee.nmae": unknown profile path (did you mean "employee.name"?)`},
		{[]string{"employee.name", "exit_date"}, `did you mean "employee.exit_date"?`},
		{[]string{"employee.name", "Employee.Exit_Date"}, `did you mean "employee.exit_date"?`},
		{[]string{"employee.name", "foo.bar"}, `put your own values under vars.`},
		{[]string{"employee.name", "employee.name"}, `column B "employee.name": names employee.name, as column A does; keep one`},
		{[]string{"氏名", "Name"}, `column B "Name": names employee.name, as column A does; keep one`},
		{[]string{"employee.name", "employee.name.ja"}, `gives the same value as column`},
		{[]string{"employee.name", "vars.a", "vars.a.b"}, `gives the same value as column`},
		{[]string{"employee.name", "confidential.levels"}, `a table; name one of its keys`},
		{[]string{"employee.name", "employee.access.0"}, `one value, not an element of a list`},
		{[]string{"employee.name", "jurisdiction"}, `holds for the whole batch`},
		{[]string{"employee.name", "vars"}, `vars is a table`},
		{[]string{"employee.name", "a b"}, ``}, // HR's own column: ignored
		{[]string{"employee.name", "employee.a b"}, `not a profile path`},
		{[]string{"employee.id"}, `no column names the person`},
		{[]string{"社員番号", "氏名", "退職日", "備考"}, ``},
		{[]string{"รหัสพนักงาน", "ชื่อ-นามสกุล", "วันที่ลาออก"}, ``},
		{[]string{"Personalnummer", "Vor- und Nachname", "Austrittsdatum"}, ``},
		{[]string{"氏名", "退職曰"}, ``},        // HR's own column, or a typo: a note says which header it is near
		{[]string{"Name", "Exit dat"}, ``}, // ignored, with a note naming "Exit date"
	} {
		_, _, err := parseHeader("t.csv", tc.header, testHeaders(t))
		switch {
		case tc.want == "" && err != nil:
			t.Errorf("%q: %v", tc.header, err)
		case tc.want != "" && (err == nil || !strings.Contains(err.Error(), tc.want)):
			t.Errorf("%q: got %v, want %q", tc.header, err, tc.want)
		}
	}
	if columnLetter(0) != "A" || columnLetter(25) != "Z" || columnLetter(26) != "AA" || columnLetter(701) != "ZZ" || columnLetter(702) != "AAA" {
		t.Error("column letters")
	}
}

func TestNamePatterns(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{DefaultName, ""},
		{"{employee.id}-{row}-{lang}", ""},
		{"{vars.case_no}", ""},
		{"{employe.id}", "did you mean {employee.id}?"},
		{"{docs}", "did you mean {doc}?"},
		{"{employee.access}", "a list or a table"},
		{"{employee.id", "without its '}'"},
		{"employee.id}", "without its '{'"},
	} {
		_, err := parseName(tc.in)
		switch {
		case tc.want == "" && err != nil:
			t.Errorf("%q: %v", tc.in, err)
		case tc.want != "" && (err == nil || !strings.Contains(err.Error(), tc.want)):
			t.Errorf("%q: got %v, want %q", tc.in, err, tc.want)
		}
	}
}

func TestCSVRowsAsASpreadsheetCountsThem(t *testing.T) {
	src := "\uFEFFa,b\r\n1,\"two\r\nlines\"\r\n\r\n3,x\r\n,\r\n5,\"\"\"q\"\"\"\r\n"
	tb := newCSVTable("t.csv", strings.NewReader(src), EncodingUTF8, ',')
	var got []string
	for {
		rec, err := tb.next()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		var cells []string
		for _, c := range rec.cells {
			cells = append(cells, c.Text)
		}
		got = append(got, strings.Join(append([]string{string(rune('0' + rec.row))}, cells...), "|"))
	}
	want := []string{"1|a|b", "2|1|two\nlines", "4|3|x", "5||", "6|5|\"q\""}
	if !slices.Equal(got, want) {
		t.Errorf("got %q\nwant %q", got, want)
	}
}

func TestSniff(t *testing.T) {
	for _, tc := range []struct {
		src   []byte
		enc   string
		delim rune
		err   string
	}{
		{[]byte("a,b\n1,2\n"), EncodingUTF8, ',', ""},
		{[]byte("a;b\n1;\"2,5\"\n"), EncodingUTF8, ';', ""},
		{[]byte("a\tb\n"), EncodingUTF8, '\t', ""},
		{[]byte("\xEF\xBB\xBFa,b\n"), EncodingUTF8, ',', ""},
		{[]byte("a,b\n\x8e\x52\x93\x63,x\n"), EncodingCP932, ',', ""}, // 山田 in Shift_JIS
		{[]byte("\xFF\xFEa\x00\t\x00b\x00"), EncodingUTF16LE, '\t', ""},
		{[]byte("\xFE\xFF\x00a\x00;\x00b"), EncodingUTF16BE, ';', ""},
	} {
		enc, delim, err := sniffCSV(context.Background(), "t.csv", bytes.NewReader(tc.src), EncodingAuto)
		if tc.err != "" {
			if err == nil || !strings.Contains(err.Error(), tc.err) {
				t.Errorf("%q: %v", tc.src, err)
			}
			continue
		}
		if err != nil || enc != tc.enc || delim != tc.delim {
			t.Errorf("%q: %s %q %v", tc.src, enc, delim, err)
		}
	}
	// A multi-byte character split across reads is still UTF-8.
	big := bytes.Repeat([]byte("王"), 100000)
	if _, _, ok := scanUTF8(bytes.NewReader(big)); !ok {
		t.Error("valid UTF-8 across buffer boundaries")
	}
	line, col, ok := scanUTF8(strings.NewReader("ab\ncd\xffe"))
	if ok || line != 2 || col != 3 {
		t.Errorf("bad byte at %d:%d (%v)", line, col, ok)
	}
}

// The fast way (a small per-person source) and the general way (the whole profile for every
// row) draft the same bytes and find the same problems.
func TestFastAndFullWaysAgree(t *testing.T) {
	for _, jur := range []string{"TH", "CN", "DE"} {
		t.Run(jur, func(t *testing.T) { fastAndFull(t, jur) })
	}
}

func fastAndFull(t *testing.T, jur string) {
	dir := t.TempDir()
	prof := writeSample(t, dir, jur)
	people := filepath.Join(dir, "people.csv")
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	w.Write(peopleHeader)
	for i := range 6 {
		row := leaver(i)
		switch i {
		case 1:
			row[1] = "" // no name
		case 2:
			row[6], row[7] = "2026-04-01", "2026-03-01" // leaves before being hired
		case 3:
			row[0] = "" // no employee number
		}
		w.Write(row)
	}
	w.Flush()
	if err := os.WriteFile(people, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	var reps []*Report
	var logs []string
	for i, full := range []bool{false, true} {
		out := filepath.Join(dir, "out"+string(rune('a'+i)))
		rep, log, err := runCore(t, Options{Profile: prof, People: people, OutDir: out, Jobs: 2, forceFull: full,
			Docs: []string{"exit-pledge", "nda-employee"}})
		if err != nil {
			t.Fatalf("%v\n%s", err, log)
		}
		reps, logs = append(reps, rep), append(logs, log)
	}
	if logs[0] != logs[1] {
		t.Errorf("the problems differ:\nfast:\n%s\nfull:\n%s", logs[0], logs[1])
	}
	for _, want := range []string{"row 3: column B (employee.name): employee.name is required", "row 4: column H (employee.exit_date): employee.exit_date (2026-03-01) is before employee.hire_date (2026-04-01)", "row 5: column A (employee.id): employee.id is required for nda-employee, exit-pledge"} {
		if !strings.Contains(logs[0], want) {
			t.Errorf("log lacks %q:\n%s", want, logs[0])
		}
	}
	if reps[0].Written != 6 || len(reps[0].FailedRows) != 3 {
		t.Errorf("%s", reps[0].Summary())
	}
	for i, e := range reps[0].Entries {
		f := reps[1].Entries[i]
		if e.File != f.File || e.SHA256 != f.SHA256 || e.Status != f.Status || e.Error != f.Error {
			t.Errorf("entry %d: fast %+v, full %+v", i, e, f)
		}
	}
}

// --pdf converts the batch after every DOCX is written, with -j workers (each one LibreOffice
// process with its own profile), and records each PDF in the manifest.
func TestPDFWithJWorkers(t *testing.T) {
	dir := t.TempDir()
	prof := writeSample(t, dir, "TH")
	people := filepath.Join(dir, "people.csv")
	peopleCSV(t, people, 5)
	out := filepath.Join(dir, "out")
	var calls [][]string
	var mu sync.Mutex
	fake := func(files []string, outDir string, force bool) ([]string, error) {
		mu.Lock()
		calls = append(calls, files)
		mu.Unlock()
		var made []string
		for _, f := range files {
			if _, err := os.Stat(f); err != nil {
				t.Errorf("converting %s before it is written", f)
			}
			p := filepath.Join(outDir, strings.TrimSuffix(filepath.Base(f), ".docx")+".pdf")
			os.WriteFile(p, []byte("%PDF "+filepath.Base(f)), 0o644)
			made = append(made, p)
		}
		return made, nil
	}
	rep, log, err := runCore(t, Options{Profile: prof, People: people, OutDir: out, PDF: true, Jobs: 2, pdfConvert: fake})
	if err != nil || !rep.OK() {
		t.Fatalf("%v %s", err, log)
	}
	if len(calls) != 2 || len(calls[0])+len(calls[1]) != 5 || slices.ContainsFunc(calls[0], func(f string) bool { return slices.Contains(calls[1], f) }) {
		t.Fatalf("two workers (-j 2) share the 5 files, got %q", calls)
	}
	if rep.PDFs != 5 || !strings.Contains(rep.Summary(), "5 PDF written") {
		t.Errorf("%s", rep.Summary())
	}
	var files []string
	for _, e := range rep.Entries {
		files = append(files, e.File)
	}
	if !strings.HasSuffix(files[0], ".docx") || !strings.HasSuffix(files[1], ".pdf") || strings.TrimSuffix(files[0], ".docx") != strings.TrimSuffix(files[1], ".pdf") {
		t.Errorf("each PDF follows its DOCX: %q", files)
	}
	// Again: everything exists, nothing is converted.
	calls = nil
	rep, _, _ = runCore(t, Options{Profile: prof, People: people, OutDir: out, PDF: true, pdfConvert: fake})
	if len(calls) != 0 || rep.Skipped != 5 {
		t.Errorf("a re-run converts nothing: %d calls, %s", len(calls), rep.Summary())
	}
}

func TestProgressCountsEveryFile(t *testing.T) {
	dir := t.TempDir()
	prof := writeSample(t, dir, "TH")
	people := filepath.Join(dir, "people.csv")
	peopleCSV(t, people, 7)
	var last, total, calls int
	rep, log, err := runCore(t, Options{Profile: prof, People: people, OutDir: filepath.Join(dir, "out"), Layout: "separate",
		Progress: func(d, n int) { last, total = d, n; calls++ }})
	if err != nil || !rep.OK() {
		t.Fatalf("%v %s", err, log)
	}
	if last != 14 || total != 14 || calls != 7 || rep.Written != 14 {
		t.Errorf("progress %d/%d in %d calls, %s", last, total, calls, rep.Summary())
	}
}

func testHeaders(t testing.TB) *HeaderWords {
	t.Helper()
	hw, err := LoadHeaderWords(nil)
	if err != nil {
		t.Fatal(err)
	}
	return hw
}

// The plan pass reads each row's cells without building overlays (cellProblems); it must find
// exactly the problems that drafting the row (rowSets) finds, or a row would be planned as
// fine and fail later, or the other way round.
func TestPlanFindsTheCellProblemsDraftingFinds(t *testing.T) {
	head := []string{"employee.id", "employee.name", "employee.exit_date", "noncompete.months", "employee.access", "", "noncompete.enabled"}
	cols, _, err := parseHeader("t.csv", head, nil)
	if err != nil {
		t.Fatal(err)
	}
	r := &run{cols: cols, src: &source{name: "t.csv"}, named: []bool{true, true, true, true, true, false, true}}
	rows := [][]string{
		{"E-1", "Ann", "2026-03-31", "12", "a; b", "", "yes"},
		{"E-2", "Bob", "soon", "twelve", "", "", "maybe"},
		{"E-3", "", "", "", "", "stray", ""},
		{"E-4", "Cy", "31/3/2026", "12.5", " ; ", "x", "TRUE", "beyond the header"},
		{""},
	}
	for i, cells := range rows {
		rec := record{row: i + 2}
		for _, c := range cells {
			rec.cells = append(rec.cells, Cell{Text: c})
		}
		_, _, want := r.rowSets(rec)
		got := r.cellProblems(rec)
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("row %d: the plan finds\n%v\ndrafting finds\n%v", rec.row, got, want)
		}
		if i == 1 && len(want) != 3 {
			t.Errorf("row %d: want the three bad cells, got %v", rec.row, want)
		}
	}
}

// A row takes its -j token again only when it has something to render, and gives back only
// what it holds: -j bounds the rows rendering at once however a row's steps interleave.
func TestCPUTokenHeldOnce(t *testing.T) {
	ch := make(chan struct{}, 2)
	a, b := &cpuToken{ch: ch}, &cpuToken{ch: ch}
	a.take()
	a.take() // a row that renders its second document still holds one token
	b.take()
	if len(ch) != 2 {
		t.Fatalf("%d tokens taken, want 2", len(ch))
	}
	a.give()
	a.give() // writing a second file: nothing more to give
	if len(ch) != 1 {
		t.Fatalf("%d tokens taken after a gives back, want 1", len(ch))
	}
	c := &cpuToken{ch: ch}
	c.take() // the freed token
	select {
	case ch <- struct{}{}:
		t.Fatal("a third token was free with -j 2")
	default:
	}
	b.give()
	c.give()
	if len(ch) != 0 {
		t.Fatalf("%d tokens still taken", len(ch))
	}
}

// The symbol table plausibleUTF8 uses is the set its comment names, and nothing else.
func TestUTF8SymbolTable(t *testing.T) {
	for r := rune(0); r < 0x80; r++ {
		if want := strings.ContainsRune("@[\\]^_`{|}~", r); utf8Symbol[r] != want {
			t.Errorf("%q: in the table = %v, want %v", r, utf8Symbol[r], want)
		}
	}
}
