package batch

import (
	"context"
	"fmt"
	"io"
	"time"

	"github.com/xuri/excelize/v2"
)

// MaxSheetBytes bounds a sheet read through RunSheet (an upload): a leavers sheet is kilobytes.
const MaxSheetBytes = 32 << 20

// RunSheet drafts a batch from a sheet given as a stream (an upload) rather than a file:
// name is the file's name as the user gave it (it says CSV or XLSX, and names the sheet in
// messages), o.People and o.PeopleData are set from them. At most MaxSheetBytes are read.
func RunSheet(ctx context.Context, r io.Reader, name string, o Options) (*Report, error) {
	b, err := io.ReadAll(io.LimitReader(r, MaxSheetBytes+1))
	if err != nil {
		return nil, fmt.Errorf("reading %s: %w", name, err)
	}
	if len(b) > MaxSheetBytes {
		return nil, fmt.Errorf("%s is larger than %d MB; a leavers sheet is far smaller: split it", name, MaxSheetBytes>>20)
	}
	if b == nil {
		b = []byte{}
	}
	o.People, o.PeopleData = name, b
	return Run(ctx, o)
}

// ExampleID is the employee number of the example row of LeaversSheet. A row with it is
// refused: the example must never become someone's pledge.
const ExampleID = "EXAMPLE-0001"

// leaversColumns are the columns of LeaversSheet, required ones first.
var leaversColumns = []struct {
	path    string
	example any
}{
	{"employee.id", ExampleID},
	{"employee.name", ""}, // by language, below
	{"employee.exit_date", time.Date(2026, 3, 31, 0, 0, 0, 0, time.UTC)},
	{"employee.department", ""},
	{"employee.position", ""},
	{"employee.hire_date", time.Date(2019, 4, 1, 0, 0, 0, 0, time.UTC)},
	{"employee.access", ""},
	{"employee.materials", ""},
}

// exampleTexts are the example row's texts per language: name, department, position,
// access, materials.
var exampleTexts = map[string][5]string{
	"ja":    {"（例）山田 太郎", "開発部", "主任", "設計図面; 試験データ", "貸与ノートパソコン; 社員証"},
	"en":    {"(Example) Jane Smith", "Engineering", "Engineer", "Design drawings; test data", "Company laptop; staff badge"},
	"th":    {"(ตัวอย่าง) นายสมชาย ใจดี", "ฝ่ายวิศวกรรม", "วิศวกร", "แบบแม่พิมพ์; ข้อมูลการทดสอบ", "คอมพิวเตอร์โน้ตบุ๊ก; บัตรพนักงาน"},
	"vi":    {"(Ví dụ) Nguyễn Văn An", "Phòng kỹ thuật", "Kỹ sư", "Bản vẽ thiết kế; dữ liệu thử nghiệm", "Máy tính xách tay; thẻ nhân viên"},
	"id":    {"(Contoh) Budi Santoso", "Teknik", "Insinyur", "Gambar desain; data uji", "Laptop perusahaan; kartu karyawan"},
	"de":    {"(Beispiel) Max Mustermann", "Entwicklung", "Ingenieur", "Konstruktionszeichnungen; Testdaten", "Firmenlaptop; Mitarbeiterausweis"},
	"zh-CN": {"（示例）张三", "技术部", "工程师", "设计图纸; 测试数据", "公司笔记本电脑; 工牌"},
}

// LeaversSheet makes the XLSX sheet HR fills in: headers in the UI language lang (the words
// of locales/<lang>/sheet.toml, so that batch reads them back), date columns formatted as
// dates, the employee number as text (0042 stays 0042), and one example row, whose ID
// (ExampleID) batch refuses so that it is never drafted. The bytes are the same for the same
// language.
func LeaversSheet(lang string, hw *HeaderWords) ([]byte, error) {
	if hw == nil {
		var err error
		if hw, err = LoadHeaderWords(nil); err != nil {
			return nil, err
		}
	}
	ex, ok := exampleTexts[lang]
	if !ok {
		ex = exampleTexts["en"]
	}
	f := excelize.NewFile()
	defer f.Close()
	sheet := "Sheet1"
	dateFmt := "yyyy-mm-dd"
	dateStyle, err := f.NewStyle(&excelize.Style{CustomNumFmt: &dateFmt})
	if err != nil {
		return nil, err
	}
	textStyle, err := f.NewStyle(&excelize.Style{NumFmt: 49}) // "@": text
	if err != nil {
		return nil, err
	}
	headStyle, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}})
	if err != nil {
		return nil, err
	}
	texts := map[string]string{"employee.name": ex[0], "employee.department": ex[1], "employee.position": ex[2],
		"employee.access": ex[3], "employee.materials": ex[4]}
	for i, c := range leaversColumns {
		col, _ := excelize.ColumnNumberToName(i + 1)
		head := hw.Word(lang, c.path)
		if err := f.SetCellStr(sheet, col+"1", head); err != nil {
			return nil, err
		}
		if err := f.SetCellStyle(sheet, col+"1", col+"1", headStyle); err != nil {
			return nil, err
		}
		style := textStyle
		if _, isDate := c.example.(time.Time); isDate {
			style = dateStyle
		}
		// The style covers the rows HR fills in, so a date typed there is a date cell.
		if err := f.SetCellStyle(sheet, col+"2", col+"1000", style); err != nil {
			return nil, err
		}
		switch v := c.example.(type) {
		case time.Time:
			err = f.SetCellValue(sheet, col+"2", v)
		case string:
			if v == "" {
				v = texts[c.path]
			}
			err = f.SetCellStr(sheet, col+"2", v)
		}
		if err != nil {
			return nil, err
		}
		if err := f.SetColWidth(sheet, col, col, 22); err != nil {
			return nil, err
		}
	}
	return finishWorkbook(f, sheet)
}
