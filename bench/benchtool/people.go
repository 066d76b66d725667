package main

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"strings"
)

// csvHeader names profile paths, as `tsdraft batch --people` reads them. The lists take
// ;-separated items: employee.access has 10 (the template's paragraph loop), employee.materials
// 8 (its table-row loop).
var csvHeader = []string{
	"employee.id", "employee.name", "employee.department", "employee.position",
	"employee.national_id", "employee.address", "employee.hire_date", "employee.exit_date",
	"employee.access", "employee.materials",
	"vars.case_no", "vars.manager", "vars.last_project", "vars.handover_to", "vars.return_date",
}

var (
	firstNames = []string{"สมชาย", "สมศักดิ์", "วิชัย", "ประเสริฐ", "สุนิสา", "กาญจนา", "ณัฐพล", "ธนากร", "พรทิพย์", "อรุณี", "จิราพร", "ศุภชัย", "ปิยะพงษ์", "วรรณา", "อนุชา", "นภัสสร"}
	lastNames  = []string{"ใจดี", "ศรีสุข", "วงศ์สวัสดิ์", "รุ่งเรือง", "แก้วมณี", "บุญมา", "ทองคำ", "สุขสวัสดิ์", "พัฒนกุล", "เจริญผล", "มั่นคง", "ชัยมงคล"}
	titles     = []string{"นาย", "นางสาว", "นาง"}
	depts      = []string{"ฝ่ายพัฒนาเทคโนโลยี", "ฝ่ายวิศวกรรมการผลิต", "ฝ่ายขาย", "ฝ่ายจัดซื้อ", "ฝ่ายควบคุมคุณภาพ", "ฝ่ายบัญชีและการเงิน"}
	positions  = []string{"วิศวกร", "วิศวกรอาวุโส", "หัวหน้าแผนก", "ผู้จัดการฝ่าย", "เจ้าหน้าที่", "ผู้เชี่ยวชาญ"}
	provinces  = []string{"ชลบุรี", "ระยอง", "ฉะเชิงเทรา", "สมุทรปราการ", "ปทุมธานี", "พระนครศรีอยุธยา"}
	projects   = []string{"MS-2026", "GX-410", "PLN-7", "HOUSING-NX", "EV-DRIVE", "QA-2025"}
	accessPool = []string{
		"ตารางเงื่อนไขการอบชุบความร้อนของเสื้อเกียร์ทด (TS-001)",
		"ข้อกำหนดการพัฒนาเกียร์ทดแบบดาวเคราะห์รุ่นใหม่ (TS-002)",
		"ตารางราคาแยกตามลูกค้ารายใหญ่ (TS-003)",
		"รายการราคาซื้อแยกตามผู้จัดจำหน่าย (TS-004)",
		"ประมวลระเบียบภายใน (TS-005)",
		"ข้อมูลการทดสอบต้นแบบ",
		"เอกสารข้อเสนอทางเทคนิคสำหรับลูกค้ารายใหญ่",
		"แบบแม่พิมพ์และจิ๊กของสายการผลิตที่ 2",
		"มาตรฐานการตรวจสอบขั้นสุดท้าย",
		"แผนธุรกิจระยะกลางที่ยังไม่เปิดเผย",
		"เอกสารคำนวณต้นทุนผลิตภัณฑ์",
		"รายชื่อผู้จัดจำหน่ายและเงื่อนไขการค้า",
		"ข้อมูลการร้องเรียนของลูกค้า",
		"ซอร์สโค้ดของระบบควบคุมเครื่องจักร",
	}
	materialPool = []string{
		"คอมพิวเตอร์โน้ตบุ๊กของบริษัท (PC-%04d)",
		"บัตรพนักงานและบัตรผ่านเข้าอาคาร",
		"แฟลชไดรฟ์ USB (USB-%03d)",
		"โทรศัพท์เคลื่อนที่ของบริษัท",
		"เอกสารแบบทางวิศวกรรมฉบับกระดาษ",
		"สมุดบันทึกการทดลอง",
		"กุญแจตู้เก็บเอกสาร",
		"โทเค็นยืนยันตัวตนสำหรับ VPN",
		"ฮาร์ดดิสก์สำรองข้อมูล",
		"เอกสารประชุมโครงการ",
	}
)

// peopleCSV writes the leavers numbered from to to-1 (0-based), deterministically: row i is
// always the same person, so a file's halves hold exactly the rows of the whole.
func peopleCSV(from, to int) []byte {
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	w.Write(csvHeader)
	for i := from; i < to; i++ {
		w.Write(person(i))
	}
	w.Flush()
	return buf.Bytes()
}

func person(i int) []string {
	pick := func(pool []string, k int) string { return pool[k%len(pool)] }
	name := pick(titles, i) + pick(firstNames, i*7+3) + " " + pick(lastNames, i*5+1)
	prov := pick(provinces, i*3)
	access := make([]string, 10)
	for k := range access {
		access[k] = pick(accessPool, i+k)
	}
	materials := make([]string, 8)
	for k := range materials {
		m := pick(materialPool, i+k)
		if strings.Contains(m, "%") {
			m = fmt.Sprintf(m, (i*13+k)%10000)
		}
		materials[k] = m
	}
	return []string{
		fmt.Sprintf("E-%05d", i+1),
		name,
		pick(depts, i),
		pick(positions, i*11),
		fmt.Sprintf("1%012d", 200100000000+i),
		fmt.Sprintf("%d/%d หมู่ %d ตำบลบ้านสวน อำเภอเมือง จังหวัด%s", 10+i%90, 1+i%40, 1+i%9, prov),
		fmt.Sprintf("%04d-%02d-%02d", 2012+i%12, 1+i%12, 1+i%28),
		fmt.Sprintf("2026-03-%02d", 1+i%31),
		strings.Join(access, ";"),
		strings.Join(materials, ";"),
		fmt.Sprintf("EX-2026-%05d", i+1),
		"นางสาว" + pick(firstNames, i+5) + " " + pick(lastNames, i+2) + " ฝ่ายทรัพยากรบุคคล",
		pick(projects, i),
		"นาย" + pick(firstNames, i+9) + " " + pick(lastNames, i+4),
		fmt.Sprintf("2026-03-%02d", 1+i%31),
	}
}
