package main

import (
	"archive/zip"
	"bytes"
	_ "embed"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/tsdraft/tsdraft/internal/docxtmpl"
	"github.com/tsdraft/tsdraft/internal/profile"
	"github.com/tsdraft/tsdraft/internal/render"
	"github.com/tsdraft/tsdraft/internal/tplgen"
)

//go:embed template.txt
var templateSrc []byte

// templateID is the benchmark template's file stem, which tsdraft uses as doc.id.
const templateID = "bench"

// benchVars are the bench fields of the profile's [vars]. The CSV gives each person their own;
// these make every tag of the template resolvable from the profile alone (the single render).
const benchVars = `case_no = "EX-2026-00000"
manager = "นางสาวกาญจนา วงศ์สวัสดิ์ ฝ่ายทรัพยากรบุคคล"
last_project = "MS-2026"
handover_to = "นายวิชัย บุญมา"
return_date = "2026-03-31"
`

var tableHeader = regexp.MustCompile(`(?m)^[ \t]*\[{1,2}[ \t]*([^\]]+?)[ \t]*\]{1,2}`)

// addVars adds benchVars to a profile written by tsdraft init: into its [vars] table when that
// is the last table (as init writes it), or as a new [vars] table at the end.
func addVars(src []byte) ([]byte, error) {
	if bytes.Contains(src, []byte("case_no =")) {
		return nil, fmt.Errorf("the profile already has the bench vars")
	}
	heads := tableHeader.FindAllSubmatch(src, -1)
	hasVars := false
	for _, h := range heads {
		if string(h[1]) == "vars" {
			hasVars = true
		}
	}
	out := append([]byte(nil), src...)
	if len(out) > 0 && out[len(out)-1] != '\n' {
		out = append(out, '\n')
	}
	switch {
	case hasVars && string(heads[len(heads)-1][1]) == "vars":
		return append(out, benchVars...), nil
	case hasVars:
		return nil, fmt.Errorf("[vars] is not the profile's last table; add the bench vars by hand:\n%s", benchVars)
	}
	return append(append(out, "\n[vars]\n"...), benchVars...), nil
}

func runVars(args []string) error {
	fs := flag.NewFlagSet("vars", flag.ContinueOnError)
	prof := fs.String("profile", "", "profile to add the bench [vars] to (rewritten in place)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	src, err := os.ReadFile(*prof)
	if err != nil {
		return err
	}
	out, err := addVars(src)
	if err != nil {
		return fmt.Errorf("%s: %w", *prof, err)
	}
	return os.WriteFile(*prof, out, 0o644)
}

func runGen(args []string) error {
	fs := flag.NewFlagSet("gen", flag.ContinueOnError)
	prof := fs.String("profile", "", "profile (from tsdraft init) whose values both engines fill in")
	ns := fs.String("n", "1000", "comma-separated row counts: writes people-N.csv for each")
	split := fs.Int("split", 0, "also write people-N-a.csv and people-N-b.csv, the two halves of people-N.csv (for two docxtemplater processes)")
	out := fs.String("o", ".", "directory to write into")
	lang := fs.String("lang", "th", "language tsdraft renders the custom template in (its first profile language)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *prof == "" {
		return fmt.Errorf("-profile is required")
	}
	if err := os.MkdirAll(*out, 0o755); err != nil {
		return err
	}
	ts, dt, err := buildTemplates()
	if err != nil {
		return err
	}
	data, err := dtData(*prof, *lang, csvHeader)
	if err != nil {
		return err
	}
	files := map[string][]byte{
		templateID + ".docx":    ts,
		templateID + "-dt.docx": dt,
		"dt-data.json":          data,
	}
	for _, f := range strings.Split(*ns, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(f))
		if err != nil || n < 1 {
			return fmt.Errorf("-n: %q is not a positive count", f)
		}
		files[fmt.Sprintf("people-%d.csv", n)] = peopleCSV(0, n)
	}
	if *split > 0 {
		files[fmt.Sprintf("people-%d-a.csv", *split)] = peopleCSV(0, *split/2)
		files[fmt.Sprintf("people-%d-b.csv", *split)] = peopleCSV(*split/2, *split)
	}
	for name, b := range files {
		if err := os.WriteFile(filepath.Join(*out, name), b, 0o644); err != nil {
			return err
		}
	}
	return nil
}

// buildTemplates makes the benchmark template in both syntaxes from template.txt: tsdraft's
// through tplgen (the generator of the shipped templates), docxtemplater's by rewriting the tags
// of the same parts. Then, in both, every other value tag in the body is split over runs the way
// Word saves a tag typed in two goes (a run with another rsid, a proofing mark), so that both
// engines do the run merging a real template needs.
func buildTemplates() (tsdraftDocx, dtDocx []byte, err error) {
	base, err := tplgen.Generate("bench/benchtool/template.txt", templateID, templateSrc)
	if err != nil {
		return nil, nil, err
	}
	// The shipped footer calls the catalogue ({{ t "common.footer_copy" }}) and writes page
	// fields from a locale text, neither of which docxtemplater has: both engines get the same
	// plain footer of values instead.
	base, err = rewriteParts(base, func(name string, b []byte) ([]byte, error) {
		if name == "word/footer1.xml" {
			return []byte(benchFooter), nil
		}
		return b, nil
	})
	if err != nil {
		return nil, nil, err
	}
	tsdraftDocx, err = rewriteParts(base, func(name string, b []byte) ([]byte, error) {
		if name == "word/document.xml" {
			return splitRuns(b, tsdraftTag), nil
		}
		return b, nil
	})
	if err != nil {
		return nil, nil, err
	}
	dtDocx, err = rewriteParts(base, func(name string, b []byte) ([]byte, error) {
		if !strings.HasSuffix(name, ".xml") || !bytes.Contains(b, []byte("{{")) {
			return b, nil
		}
		c, err := toDocxtemplater(string(b))
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		if name == "word/document.xml" {
			return splitRuns([]byte(c), dtTag), nil
		}
		return []byte(c), nil
	})
	return tsdraftDocx, dtDocx, err
}

// benchFooter is the benchmark template's footer: the template's ID and version, and the page.
const benchFooter = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:ftr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:p><w:pPr><w:pStyle w:val="Footer"/></w:pPr><w:r><w:t xml:space="preserve">{{ doc.id }} v{{ doc.version }}</w:t></w:r><w:r><w:tab/></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p></w:ftr>`

var fixedTime = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)

// rewriteParts copies a zip entry by entry, in order, passing each part through f.
func rewriteParts(src []byte, f func(name string, b []byte) ([]byte, error)) ([]byte, error) {
	zr, err := zip.NewReader(bytes.NewReader(src), int64(len(src)))
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, e := range zr.File {
		rc, err := e.Open()
		if err != nil {
			return nil, err
		}
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			return nil, err
		}
		if b, err = f(e.Name, b); err != nil {
			return nil, err
		}
		w, err := zw.CreateHeader(&zip.FileHeader{Name: e.Name, Method: zip.Deflate, Modified: fixedTime})
		if err != nil {
			return nil, err
		}
		if _, err := w.Write(b); err != nil {
			return nil, err
		}
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

var (
	tsdraftTag = regexp.MustCompile(`\{\{[^{}]*\}\}`)
	dtTag      = regexp.MustCompile(`\{[^{}]*\}`)
)

// toDocxtemplater rewrites tsdraft tags as docxtemplater tags: {{ a.b }} → {a.b},
// {{#each x}}/{{#if x}} … {{/each}}/{{/if}} → {#x} … {/x}, {{ . }} → {.}, {{ .f }} → {f},
// {{ @index }} → {$index} (the docxtemplater parser in docxtemplater.js answers it), and
// {{ x | date }} → {x} (the data for docxtemplater holds dates already formatted).
func toDocxtemplater(xml string) (string, error) {
	var stack []string
	var firstErr error
	out := tsdraftTag.ReplaceAllStringFunc(xml, func(tag string) string {
		body := strings.TrimSpace(tag[2 : len(tag)-2])
		conv, err := convertTag(body, &stack)
		if err != nil && firstErr == nil {
			firstErr = fmt.Errorf("tag %s: %w", tag, err)
		}
		return conv
	})
	if firstErr != nil {
		return "", firstErr
	}
	if len(stack) > 0 {
		return "", fmt.Errorf("block %s is never closed", stack[len(stack)-1])
	}
	return out, nil
}

func convertTag(body string, stack *[]string) (string, error) {
	switch {
	case strings.HasPrefix(body, "#each ") || strings.HasPrefix(body, "#if "):
		_, path, _ := strings.Cut(body, " ")
		path = strings.TrimSpace(path)
		*stack = append(*stack, path)
		return "{#" + path + "}", nil
	case body == "/each" || body == "/if":
		if len(*stack) == 0 {
			return "", fmt.Errorf("closes no block")
		}
		path := (*stack)[len(*stack)-1]
		*stack = (*stack)[:len(*stack)-1]
		return "{/" + path + "}", nil
	case strings.HasPrefix(body, "#") || strings.HasPrefix(body, "/") || body == "else":
		return "", fmt.Errorf("this block kind has no conversion in the benchmark")
	}
	path, filter, hasFilter := strings.Cut(body, "|")
	path = strings.TrimSpace(path)
	if hasFilter && strings.TrimSpace(filter) != "date" {
		return "", fmt.Errorf("only the date filter (long form) has a conversion")
	}
	switch {
	case path == "@index":
		return "{$index}", nil
	case path == ".":
		return "{.}", nil
	case strings.HasPrefix(path, "."):
		return "{" + path[1:] + "}", nil
	}
	return "{" + path + "}", nil
}

const (
	runOpen = `<w:r><w:t xml:space="preserve">`
	runEnd  = `</w:t></w:r>`
)

var plainRun = regexp.MustCompile(`<w:r><w:t xml:space="preserve">([^<]*)</w:t></w:r>`)

// splitRuns splits every other value tag (block tags stay whole) after its opening delimiter:
// the rest of the tag goes into a run with its own rsid between proofing marks, and the text
// after the tag into a third run, as Word writes a tag that was typed, corrected and spell-checked.
func splitRuns(xml []byte, tag *regexp.Regexp) []byte {
	count := 0
	return plainRun.ReplaceAllFunc(xml, func(run []byte) []byte {
		text := string(plainRun.FindSubmatch(run)[1])
		var b strings.Builder
		b.WriteString(runOpen)
		last := 0
		for _, m := range tag.FindAllStringIndex(text, -1) {
			t := text[m[0]:m[1]]
			if isBlockTag(t) {
				continue
			}
			count++
			if count%2 == 1 {
				continue
			}
			open := 1
			if strings.HasPrefix(t, "{{") {
				open = 2
			}
			b.WriteString(text[last : m[0]+open])
			b.WriteString(runEnd + `<w:proofErr w:type="spellStart"/><w:r w:rsidR="00B3E1A7"><w:t xml:space="preserve">`)
			b.WriteString(text[m[0]+open : m[1]])
			b.WriteString(runEnd + `<w:proofErr w:type="spellEnd"/>` + runOpen)
			last = m[1]
		}
		b.WriteString(text[last:])
		b.WriteString(runEnd)
		return []byte(b.String())
	})
}

func isBlockTag(t string) bool {
	body := strings.TrimSpace(strings.Trim(t, "{}"))
	return strings.HasPrefix(body, "#") || strings.HasPrefix(body, "/") || strings.HasPrefix(body, "^") || body == "else"
}

// dtInput is what docxtemplater.js reads beside people.csv: the profile's data resolved to the
// rendering language (as tsdraft resolves it), and which CSV columns are lists and dates.
type dtInput struct {
	Lang   string         `json:"lang"`
	Data   map[string]any `json:"data"`
	Lists  []string       `json:"lists"`
	Dates  []string       `json:"dates"`
	Months []string       `json:"months"`
}

// dtData loads the profile through tsdraft's own decoder and resolves its data for lang, adding
// the computed keys the template uses (doc.id, doc.version, doc.label, doc.mark), so that docxtemplater
// fills exactly the values tsdraft fills.
func dtData(path, lang string, header []string) ([]byte, error) {
	p, diags, err := profile.Load(path, nil)
	if err != nil {
		return nil, err
	}
	if diags.HasErrors() || p == nil {
		return nil, fmt.Errorf("%s has errors:\n%s", path, diags.Summary())
	}
	data, err := resolve(p.Data(), lang, "")
	if err != nil {
		return nil, err
	}
	m := data.(map[string]any)
	doc := map[string]any{"id": templateID, "version": render.DocVersion, "level": "", "label": "", "mark": ""}
	if id := p.DocLevel(templateID); id != "" {
		if lv, ok := p.Confidential.Level(id); ok {
			label, err := resolve(lv.Label.Value(), lang, "confidential.levels.label")
			if err != nil {
				return nil, err
			}
			// The header prints doc.mark: the label in one language (the bench drafts in Thai, the
			// local language, so it is the Thai label).
			doc["level"], doc["label"], doc["mark"] = id, label, label
		}
	}
	m["doc"] = doc
	in := dtInput{Lang: lang, Data: m, Months: thaiMonths()}
	for _, col := range header {
		f := profile.FieldAt(strings.Split(col, "."))
		if f == nil {
			continue
		}
		switch f.Kind {
		case profile.KindTexts, profile.KindStrings:
			in.Lists = append(in.Lists, col)
		case profile.KindDate:
			in.Dates = append(in.Dates, col)
		}
	}
	if lang != "th" {
		return nil, fmt.Errorf("docxtemplater.js formats dates in Thai only; render the benchmark in th")
	}
	return json.MarshalIndent(in, "", " ")
}

func thaiMonths() []string {
	var out []string
	for m := time.January; m <= time.December; m++ {
		s, _ := docxtmpl.FormatDate(time.Date(2000, m, 1, 0, 0, 0, 0, time.UTC), "th", "long")
		// "1 มกราคม 2543" → "มกราคม"
		f := strings.Fields(s)
		out = append(out, f[1])
	}
	return out
}

// resolve turns template data into plain JSON values in one language: texts by language pick
// lang, dates take tsdraft's long form.
func resolve(v any, lang, path string) (any, error) {
	switch x := v.(type) {
	case docxtmpl.LangText:
		s, ok := x[lang]
		if !ok {
			return nil, fmt.Errorf("%s has no %s text", path, lang)
		}
		return s, nil
	case time.Time:
		return docxtmpl.FormatDate(x, lang, "long")
	case map[string]any:
		out := make(map[string]any, len(x))
		for k, e := range x {
			r, err := resolve(e, lang, join(path, k))
			if err != nil {
				return nil, err
			}
			out[k] = r
		}
		return out, nil
	case []any:
		out := make([]any, len(x))
		for i, e := range x {
			r, err := resolve(e, lang, join(path, fmt.Sprint(i)))
			if err != nil {
				return nil, err
			}
			out[i] = r
		}
		return out, nil
	}
	return v, nil
}

func join(a, b string) string {
	if a == "" {
		return b
	}
	return a + "." + b
}
