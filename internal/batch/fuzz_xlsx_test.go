package batch

import (
	"archive/zip"
	"bytes"
	"context"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
)

// baseWorkbook is a workbook excelize writes, with a header and one row, as zip entries.
var baseWorkbook = sync.OnceValues(func() (map[string][]byte, error) {
	f := excelize.NewFile()
	for i, v := range []any{"employee.id", "employee.name", "employee.exit_date", "E-1", "王伟", 46112} {
		cell, _ := excelize.CoordinatesToCellName(i%3+1, i/3+1)
		f.SetCellValue("Sheet1", cell, v)
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		return nil, err
	}
	zr, err := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		return nil, err
	}
	parts := map[string][]byte{}
	for _, e := range zr.File {
		rc, err := e.Open()
		if err != nil {
			return nil, err
		}
		parts[e.Name], err = io.ReadAll(rc)
		rc.Close()
		if err != nil {
			return nil, err
		}
	}
	return parts, nil
})

// workbookWith is the base workbook with its first sheet and shared strings replaced.
func workbookWith(t testing.TB, sheet, shared string) []byte {
	parts, err := baseWorkbook()
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	names := make([]string, 0, len(parts))
	for n := range parts {
		names = append(names, n)
	}
	slices.Sort(names)
	for _, n := range names {
		data := parts[n]
		switch n {
		case "xl/worksheets/sheet1.xml":
			data = []byte(sheet)
		case "xl/sharedStrings.xml":
			if shared != "" {
				data = []byte(shared)
			}
		}
		// Stored, not deflated: the fuzzer spends its time in the reader, not in compressing.
		w, _ := zw.CreateHeader(&zip.FileHeader{Name: n, Method: zip.Store})
		w.Write(data)
	}
	zw.Close()
	return buf.Bytes()
}

// FuzzXLSX reads workbooks whose sheet XML (and shared strings) are any text: reading never
// panics or hangs, every error names the file, rows count up, every cell is UTF-8.
func FuzzXLSX(f *testing.F) {
	parts, err := baseWorkbook()
	if err != nil {
		f.Fatal(err)
	}
	sheet := string(parts["xl/worksheets/sheet1.xml"])
	f.Add(sheet, "")
	f.Add(strings.Replace(sheet, `r="2"`, `r="1048577"`, 1), "")
	f.Add(strings.Replace(sheet, `<c r="A2"`, `<c r="XFE2"`, 1), "")
	f.Add(strings.Replace(sheet, `<c r="A2"`, `<c r="A2" t="s"><v>99</v></c><c r="Z2"`, 1), "")
	f.Add(strings.Replace(sheet, "<sheetData>", "<sheetData><row><c><v>1e308</v></c></row>", 1), "")
	f.Add(`<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>employee.id</t></is></c></row><row r="3"><c r="A3" t="inlineStr"><is><t>_x0000_&#xD;x</t></is></c></row></sheetData></worksheet>`, "")
	f.Add(sheet, `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>`+strings.Repeat("x", 100)+`</t></si></sst>`)
	f.Add("<worksheet><sheetData>"+strings.Repeat("<row>", 50)+"</sheetData></worksheet>", "")
	dir := f.TempDir()
	f.Fuzz(func(t *testing.T, sheet, shared string) {
		watchdog := time.AfterFunc(20*time.Second, func() { panic("reading one workbook took more than 20 s") })
		defer watchdog.Stop()
		path := filepath.Join(dir, "people.xlsx")
		if err := os.WriteFile(path, workbookWith(t, sheet, shared), 0o644); err != nil {
			t.Fatal(err)
		}
		named := func(err error) {
			if !strings.Contains(err.Error(), "people.xlsx") {
				t.Fatalf("error without the file's name: %v", err)
			}
		}
		src := &source{path: path, name: path}
		if err := resolveSource(context.Background(), src, EncodingAuto); err != nil {
			named(err)
			return
		}
		if src.sheet == "" && len(src.sheets) > 0 {
			src.sheet = src.sheets[0]
		}
		tab, err := src.open()
		if err != nil {
			named(err)
			return
		}
		defer tab.close()
		last := 0
		for n := 0; n < 10000; n++ {
			rec, err := tab.next()
			if err == io.EOF {
				return
			}
			if err != nil {
				named(err)
				return
			}
			if rec.row <= last {
				t.Fatalf("row %d after row %d", rec.row, last)
			}
			last = rec.row
			for _, c := range rec.cells {
				if !utf8.ValidString(c.Text) || !utf8.ValidString(c.Raw) {
					t.Fatalf("row %d: a cell is not UTF-8: %q %q", rec.row, c.Text, c.Raw)
				}
			}
		}
	})
}
