package batch

import (
	"bytes"
	"context"
	"encoding/csv"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	tsdraft "github.com/tsdraft/tsdraft"
	"github.com/tsdraft/tsdraft/internal/catalog"
	"github.com/tsdraft/tsdraft/internal/profile"
	"github.com/tsdraft/tsdraft/internal/render"
)

// newTestRenderer builds the renderer as the CLI does, for the languages given.
func newTestRenderer(langs []string, _ bool) (*render.Renderer, error) {
	lfs, err := fs.Sub(tsdraft.Locales, "locales")
	if err != nil {
		return nil, err
	}
	cat, err := catalog.LoadLangs(lfs, langs)
	if err != nil {
		return nil, err
	}
	tfs, err := fs.Sub(tsdraft.Templates, "templates")
	if err != nil {
		return nil, err
	}
	return &render.Renderer{Templates: tfs, Catalog: cat, Version: "test"}, nil
}

// writeSample writes the sample profile of a jurisdiction (tsdraft init's) into dir.
func writeSample(t testing.TB, dir, jur string) string {
	t.Helper()
	src, err := profile.Sample(jur, nil)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "profile.toml")
	if err := os.WriteFile(path, src, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

var thaiFirst = []string{"สมชาย", "สมศักดิ์", "วิชัย", "ประเสริฐ", "สุนิสา", "กาญจนา", "ณัฐพล", "ธนากร"}
var thaiLast = []string{"ใจดี", "ศรีสุข", "วงศ์สวัสดิ์", "รุ่งเรือง", "แก้วมณี", "บุญมา"}

// peopleHeader is the header of the generated leavers: the person's own values and [vars].
var peopleHeader = []string{"employee.id", "employee.name", "employee.department", "employee.position",
	"employee.national_id", "employee.address", "employee.hire_date", "employee.exit_date",
	"employee.access", "employee.materials", "vars.case_no"}

// leaver is the i-th generated person, as CSV cells.
func leaver(i int) []string {
	access := make([]string, 6)
	for k := range access {
		access[k] = fmt.Sprintf("เอกสารลับหมายเลข TS-%03d", (i+k)%40+1)
	}
	return []string{
		fmt.Sprintf("E-%05d", i+1),
		"นาย" + thaiFirst[i%len(thaiFirst)] + " " + thaiLast[(i*5+1)%len(thaiLast)],
		"ฝ่ายพัฒนาเทคโนโลยี",
		"วิศวกร",
		fmt.Sprintf("1%012d", 200100000000+i),
		fmt.Sprintf("%d/1 ตำบลบ้านสวน อำเภอเมือง จังหวัดชลบุรี", 10+i%90),
		fmt.Sprintf("%04d-%02d-%02d", 2012+i%12, 1+i%12, 1+i%28),
		fmt.Sprintf("2026-03-%02d", 1+i%31),
		strings.Join(access, ";"),
		fmt.Sprintf("คอมพิวเตอร์โน้ตบุ๊กของบริษัท (PC-%04d);บัตรพนักงาน", i),
		fmt.Sprintf("EX-2026-%05d", i+1),
	}
}

// peopleCSV writes n generated leavers as a CSV file.
func peopleCSV(t testing.TB, path string, n int) {
	t.Helper()
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	w.Write(peopleHeader)
	for i := range n {
		w.Write(leaver(i))
	}
	w.Flush()
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

// runCore runs a batch in process.
func runCore(t testing.TB, o Options) (*Report, string, error) {
	t.Helper()
	var log bytes.Buffer
	o.Log = &log
	if o.NewRenderer == nil {
		o.NewRenderer = newTestRenderer
	}
	rep, err := Run(context.Background(), o)
	return rep, log.String(), err
}
