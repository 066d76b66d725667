package batch

import (
	"bytes"
	"context"
	"io"
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzCSV reads any bytes as a people file: it never panics, rows count up from the header's
// 1, every cell is UTF-8, every error names the file, every cell of a known column becomes a
// --set value the profile accepts or a message, and every file name made from a cell is safe.
// The seeds run in plain `go test`; `go test -fuzz FuzzCSV ./internal/batch` searches further.
func FuzzCSV(f *testing.F) {
	for _, s := range []string{
		"\uFEFFemployee.id,employee.name,employee.exit_date\r\nE-1,王伟,2026-03-31\r\n",
		"employee.name;employee.access\n\"a;b\";\"x;y\"\n",
		"employee.name\temployee.hire_date\nสมชาย\t2026/3/1\n",
		"employee.name,employee.access\n\"two\r\nlines\",\"a\nb\"\n\n\nlast,\n",
		"employee.name,vars.x\n\"unterminated,\n",
		"employee.name,employee.id\nx,\"\"\"quoted\"\"\"\n",
		"a\"b,c\n",
		"employee.name\n../../etc/passwd\nCON\n\u202Eevil\n",
		"employee.name,noncompete.months,noncompete.enabled,noncompete.compensation_percent\nx,１２,TRUE,30%\n",
		"\xFF\xFEe\x00",
		"employee.name\n\x8e\x52\x93\x63\n",
		"employee.name\n\x82\xa0\xff\n",
		"Personalnummer;Name\r\nD-1;J\xe4ger\r\n",               // cp1252: refused, asks for --encoding
		"employee.id,employee.name\r\nJ-1,\xe7\xb3\x96\x7b\r\n", // Shift_JIS that is valid UTF-8
		"\xFE\xFF\x00a\x00;\x00b\x00\n",                         // UTF-16BE with a BOM
		"\xEF\xBB\xBFa,b\n\xff\n",                               // a BOM, then bytes that are not UTF-8
		"\xe3\x81\x82,\xb9\xd2\xc2\n",                           // UTF-8 and TIS-620 mixed
		"",
		"\n\n\n",
		",,,\n,,,\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		enc, delim, err := sniffCSV(context.Background(), "f.csv", bytes.NewReader(data), EncodingAuto)
		if err != nil {
			if !strings.HasPrefix(err.Error(), "f.csv") {
				t.Fatalf("error without the file name: %v", err)
			}
			return
		}
		tb := newCSVTable("f.csv", bytes.NewReader(data), enc, delim)
		var cols []*column
		last := 0
		for n := 0; ; n++ {
			rec, err := tb.next()
			if err == io.EOF {
				break
			}
			if err != nil {
				if !strings.HasPrefix(err.Error(), "f.csv") {
					t.Fatalf("error without the file name: %v", err)
				}
				break
			}
			if rec.row <= last {
				t.Fatalf("row %d after row %d", rec.row, last)
			}
			last = rec.row
			for _, c := range rec.cells {
				if !utf8.ValidString(c.Text) {
					t.Fatalf("cell %q is not UTF-8", c.Text)
				}
			}
			if n == 0 {
				head := make([]string, len(rec.cells))
				for i, c := range rec.cells {
					head[i] = c.Text
				}
				cols, _, _ = parseHeader("f.csv", head, nil)
				continue
			}
			for _, c := range cols {
				if c.index >= len(rec.cells) {
					continue
				}
				cell := rec.cells[c.index]
				if ov, set, ok, err := c.overlay(cell, "f.csv", rec.row); err == nil && ok {
					sameAsSet(t, ov, set)
				}
				name := safeName(cellText(c, cell))
				if strings.ContainsAny(name, `/\`) || strings.Contains(name, "..") || len(name) > maxNameBytes || !utf8.ValidString(name) ||
					strings.HasPrefix(name, ".") || strings.HasSuffix(name, ".") || strings.HasSuffix(name, " ") {
					t.Fatalf("unsafe file name %q from %q", name, cell.Text)
				}
				stem, _, _ := strings.Cut(name, ".")
				if reservedNames[strings.ToUpper(stem)] {
					t.Fatalf("reserved file name %q", name)
				}
			}
		}
	})
}
