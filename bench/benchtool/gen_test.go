package main

import (
	"archive/zip"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/tsdraft/tsdraft/internal/docx"
	"github.com/tsdraft/tsdraft/internal/profile"
	"github.com/tsdraft/tsdraft/internal/render"
)

func TestToDocxtemplater(t *testing.T) {
	tests := []struct {
		in, want, err string
	}{
		{in: "{{ company.name }}", want: "{company.name}"},
		{in: "{{company.name}}", want: "{company.name}"},
		{in: "{{ employee.exit_date | date }}", want: "{employee.exit_date}"},
		{in: "{{#each employee.access}}{{ . }}{{/each}}", want: "{#employee.access}{.}{/employee.access}"},
		{in: "{{#each rows}}{{ @index }} {{ .name }}{{/each}}", want: "{#rows}{$index} {name}{/rows}"},
		{in: "{{#if a}}{{#each b}}x{{/each}}{{/if}}", want: "{#a}{#b}x{/b}{/a}"},
		{in: "text without tags", want: "text without tags"},
		{in: "{{#if a}}", err: "never closed"},
		{in: "{{/if}}", err: "closes no block"},
		{in: "{{#if a}}x{{else}}y{{/if}}", err: "no conversion"},
		{in: "{{ a | upper }}", err: "only the date filter"},
	}
	for _, tt := range tests {
		got, err := toDocxtemplater(tt.in)
		if tt.err != "" {
			if err == nil || !strings.Contains(err.Error(), tt.err) {
				t.Errorf("toDocxtemplater(%q) error = %v, want one containing %q", tt.in, err, tt.err)
			}
			continue
		}
		if err != nil || got != tt.want {
			t.Errorf("toDocxtemplater(%q) = %q, %v; want %q", tt.in, got, err, tt.want)
		}
	}
}

// runText concatenates the w:t texts of an XML fragment.
func runText(t *testing.T, xml []byte) string {
	t.Helper()
	ps, err := paragraphs([]byte("<w:document xmlns:w=\"w\"><w:p>" + string(xml) + "</w:p></w:document>"))
	if err != nil {
		t.Fatalf("not well-formed: %v\n%s", err, xml)
	}
	return strings.Join(ps, "")
}

func TestSplitRunsKeepsTextAndSplitsEveryOtherValueTag(t *testing.T) {
	in := []byte(runOpen + "A {{ a }} B {{#each x}}{{ b }}{{/each}} {{ c }} {{ d }}" + runEnd)
	out := splitRuns(in, tsdraftTag)
	if got, want := runText(t, out), "A {{ a }} B {{#each x}}{{ b }}{{/each}} {{ c }} {{ d }}"; got != want {
		t.Errorf("text changed:\n got %q\nwant %q", got, want)
	}
	// Value tags a, b, c, d: the 2nd and 4th (b, d) are split after their {{.
	for _, frag := range []string{"{{" + runEnd + `<w:proofErr w:type="spellStart"/><w:r w:rsidR="00B3E1A7"><w:t xml:space="preserve"> b }}`,
		"{{" + runEnd + `<w:proofErr w:type="spellStart"/><w:r w:rsidR="00B3E1A7"><w:t xml:space="preserve"> d }}`} {
		if !bytes.Contains(out, []byte(frag)) {
			t.Errorf("missing split %q in\n%s", frag, out)
		}
	}
	for _, whole := range []string{"{{ a }}", "{{ c }}", "{{#each x}}", "{{/each}}"} {
		if !bytes.Contains(out, []byte(whole)) {
			t.Errorf("%s should stay whole in\n%s", whole, out)
		}
	}
	// docxtemplater's variant splits at the same tags.
	dt := splitRuns([]byte(runOpen+"A {a} B {#x}{b}{/x} {c} {d}"+runEnd), dtTag)
	if c := bytes.Count(dt, []byte("spellStart")); c != 2 {
		t.Errorf("docxtemplater variant has %d splits, want 2:\n%s", c, dt)
	}
}

func readParts(t *testing.T, b []byte) map[string]string {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		data, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		out[f.Name] = string(data)
	}
	return out
}

// The two templates are one document: the same parts, and paragraph by paragraph the same
// text once tsdraft's tags are written in docxtemplater's syntax.
func TestTemplatesAreTheSameDocument(t *testing.T) {
	ts, dt, err := buildTemplates()
	if err != nil {
		t.Fatal(err)
	}
	for _, b := range [][]byte{ts, dt} {
		if err := docx.Verify(b); err != nil {
			t.Fatalf("template fails tsdraft's verifier: %v", err)
		}
	}
	tp, dp := readParts(t, ts), readParts(t, dt)
	if len(tp) != len(dp) {
		t.Fatalf("%d parts against %d", len(tp), len(dp))
	}
	tags := 0
	for name, tx := range tp {
		dx, ok := dp[name]
		if !ok {
			t.Fatalf("docxtemplater template lacks %s", name)
		}
		if !strings.HasSuffix(name, ".xml") {
			continue
		}
		tpars, err := paragraphs([]byte(tx))
		if err != nil {
			t.Fatal(err)
		}
		dpars, err := paragraphs([]byte(dx))
		if err != nil {
			t.Fatal(err)
		}
		if len(tpars) != len(dpars) {
			t.Fatalf("%s: %d paragraphs against %d", name, len(tpars), len(dpars))
		}
		if len(tpars) == 0 {
			continue
		}
		whole := strings.Join(tpars, "\n")
		tags += len(tsdraftTag.FindAllString(whole, -1))
		conv, err := toDocxtemplater(whole)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		convPars := strings.Split(conv, "\n")
		for i := range convPars {
			if convPars[i] != dpars[i] {
				t.Errorf("%s paragraph %d:\n tsdraft       %q\n docxtemplater %q", name, i+1, tpars[i], dpars[i])
			}
		}
	}
	// The issue asks for about 40 tags.
	if tags < 40 || tags > 55 {
		t.Errorf("the template has %d tags, want about 40", tags)
	}
	if c := strings.Count(tp["word/document.xml"], "spellStart"); c < 15 {
		t.Errorf("only %d tags split over runs", c)
	}
}

func TestPeopleCSVHalvesAreTheWhole(t *testing.T) {
	whole := readCSV(t, peopleCSV(0, 11))
	a, b := readCSV(t, peopleCSV(0, 5)), readCSV(t, peopleCSV(5, 11))
	if len(whole) != 12 || len(a) != 6 || len(b) != 7 {
		t.Fatalf("rows: %d, %d, %d", len(whole), len(a), len(b))
	}
	joined := append(a, b[1:]...)
	for i := range whole {
		if strings.Join(whole[i], "\x00") != strings.Join(joined[i], "\x00") {
			t.Fatalf("row %d differs", i)
		}
	}
	for _, row := range whole[1:] {
		if n := len(strings.Split(row[8], ";")); n != 10 {
			t.Errorf("employee.access has %d items, want 10 (the paragraph loop)", n)
		}
		if n := len(strings.Split(row[9], ";")); n != 8 {
			t.Errorf("employee.materials has %d items, want 8 (the row loop)", n)
		}
	}
	if !bytes.Equal(peopleCSV(0, 7), peopleCSV(0, 7)) {
		t.Error("peopleCSV is not deterministic")
	}
}

func readCSV(t *testing.T, b []byte) [][]string {
	t.Helper()
	rows, err := csv.NewReader(bytes.NewReader(b)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	return rows
}

func TestAddVars(t *testing.T) {
	tests := []struct{ name, in, err string }{
		{name: "vars last", in: "a = 1\n[vars]\nproject = \"x\"\n"},
		{name: "no vars", in: "a = 1\n[company]\nname = \"x\""},
		{name: "vars not last", in: "[vars]\nx = 1\n[company]\nname = \"y\"\n", err: "not the profile's last table"},
		{name: "twice", in: "[vars]\ncase_no = \"1\"\n", err: "already"},
	}
	for _, tt := range tests {
		out, err := addVars([]byte(tt.in))
		if tt.err != "" {
			if err == nil || !strings.Contains(err.Error(), tt.err) {
				t.Errorf("%s: error %v, want %q", tt.name, err, tt.err)
			}
			continue
		}
		if err != nil {
			t.Errorf("%s: %v", tt.name, err)
			continue
		}
		p, diags := profile.Decode("p.toml", append([]byte("jurisdiction = \"TH\"\n"), out...), nil)
		if p == nil {
			t.Fatalf("%s: not TOML any more: %v\n%s", tt.name, diags, out)
		}
		if p.Vars["case_no"] != "EX-2026-00000" {
			t.Errorf("%s: vars = %v", tt.name, p.Vars)
		}
	}
}

// writeProfile writes tsdraft's TH sample profile with the bench vars, as run.sh makes it.
func writeProfile(t *testing.T, dir string) string {
	t.Helper()
	src, err := profile.Sample("TH", nil)
	if err != nil {
		t.Fatal(err)
	}
	if src, err = addVars(src); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "profile.toml")
	if err := os.WriteFile(path, src, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestRowDataSetsTheRowOverTheProfile(t *testing.T) {
	base := map[string]any{
		"employee": map[string]any{"name": "profile name", "department": "kept"},
		"company":  map[string]any{"name": "co"},
	}
	header := []string{"employee.name", "employee.exit_date", "employee.access", "vars.case_no"}
	d, err := rowData(base, header, []string{"Somchai", "2026-03-31", "a;b;c", "EX-1"})
	if err != nil {
		t.Fatal(err)
	}
	emp := d["employee"].(map[string]any)
	if emp["name"] != "Somchai" || emp["department"] != "kept" {
		t.Errorf("employee = %v", emp)
	}
	if emp["exit_date"] != time.Date(2026, 3, 31, 0, 0, 0, 0, time.UTC) {
		t.Errorf("exit_date = %#v, want a date", emp["exit_date"])
	}
	if got := emp["access"].([]any); len(got) != 3 || got[2] != "c" {
		t.Errorf("access = %v", got)
	}
	if d["vars"].(map[string]any)["case_no"] != "EX-1" {
		t.Errorf("vars = %v", d["vars"])
	}
	if base["employee"].(map[string]any)["name"] != "profile name" || base["vars"] != nil {
		t.Errorf("base changed: %v", base)
	}
	if _, err := rowData(base, header, []string{"x", "31.03.2026", "a", "b"}); err == nil {
		t.Error("a bad date was accepted")
	}
}

// The driver renders the template with each row's values, and the docxtemplater data resolves
// the profile the way tsdraft does.
func TestDriveAndDocxtemplaterData(t *testing.T) {
	dir := t.TempDir()
	prof := writeProfile(t, dir)
	if err := runGen([]string{"-profile", prof, "-n", "3", "-o", dir}); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "out")
	if err := runDrive([]string{"-profile", prof, "-people", filepath.Join(dir, "people-3.csv"), "-template", filepath.Join(dir, "bench.docx"), "-o", out, "-j", "2"}); err != nil {
		t.Fatal(err)
	}
	rows := readCSV(t, peopleCSV(0, 3))
	for _, row := range rows[1:] {
		lines, err := docText(filepath.Join(out, "bench_"+row[0]+".docx"))
		if err != nil {
			t.Fatal(err)
		}
		text := strings.Join(lines, "\n")
		if strings.Contains(text, "{{") {
			t.Errorf("%s: a tag is left:\n%s", row[0], text)
		}
		for _, want := range append([]string{row[1], row[10], "มีนาคม 2569", "bench v1.0"}, strings.Split(row[8], ";")...) {
			if !strings.Contains(text, want) {
				t.Errorf("%s: %q not in the document", row[0], want)
			}
		}
		// The row loop: one table row per material, numbered.
		for i, m := range strings.Split(row[9], ";") {
			if !strings.Contains(text, "word/document.xml: "+itoa(i+1)+"\nword/document.xml: "+m+"\n") {
				t.Errorf("%s: row %d (%s) missing", row[0], i+1, m)
			}
		}
	}

	b, err := os.ReadFile(filepath.Join(dir, "dt-data.json"))
	if err != nil {
		t.Fatal(err)
	}
	var in dtInput
	if err := json.Unmarshal(b, &in); err != nil {
		t.Fatal(err)
	}
	doc := in.Data["doc"].(map[string]any)
	if doc["id"] != "bench" || doc["version"] != render.DocVersion || doc["label"] == "" {
		t.Errorf("doc = %v", doc)
	}
	if in.Data["date"] != "1 เมษายน 2569" {
		t.Errorf("date = %v, want the Thai long form", in.Data["date"])
	}
	if strings.Join(in.Lists, ",") != "employee.access,employee.materials" ||
		strings.Join(in.Dates, ",") != "employee.hire_date,employee.exit_date" {
		t.Errorf("lists %v, dates %v", in.Lists, in.Dates)
	}
	if len(in.Months) != 12 || in.Months[2] != "มีนาคม" {
		t.Errorf("months = %v", in.Months)
	}
}
