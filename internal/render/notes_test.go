package render

import (
	"bytes"
	"encoding/hex"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/tsdraft/tsdraft/internal/docx"
	"github.com/tsdraft/tsdraft/internal/docxtext"
	"github.com/tsdraft/tsdraft/internal/notes"
	"github.com/tsdraft/tsdraft/internal/pdf"
	"github.com/tsdraft/tsdraft/internal/profile"
	"github.com/tsdraft/tsdraft/internal/testsupport"
	wx "github.com/tsdraft/tsdraft/internal/wordxml"
)

// commentary is legal commentary the practitioners' review (A.5) found in signed text, per
// jurisdiction and language: none of it may be printed in a document's body any more.
var commentary = []string{
	"裁判例上", "参考資料5", "Reference Material 5", "Tillman", "restraint of trade", "取引制限に当たり",
	"section 44 of the Companies Act", "2006年会社法第44条", "ศาลจะพิจารณา", "cơ quan giải quyết tranh chấp",
	"vì vậy cần được lập thành thỏa thuận riêng", "penilaian pengadilan", "紛争解決機関の判断", "裁判所の判断に委ねられる",
	"nicht erfasst", "not governed by Directive", "Aushändigung einer von der Gesellschaft", "按月给予劳动者经济补偿",
}

// noteDocs are the documents that print clauses with drafting notes.
var noteDocs = []string{"labour-clause", "noncompete", "nda-employee", "exit-pledge", "nda-partner"}

// partText is the visible text of a part, paragraph by paragraph.
func partText(t *testing.T, pkg *docx.Package, part string) string {
	t.Helper()
	b, err := pkg.Read(part)
	if err != nil {
		t.Fatal(err)
	}
	root, err := wx.Parse(b)
	if err != nil {
		t.Fatalf("%s: %v", part, err)
	}
	return wx.PlainText(root)
}

var commentIDRe = regexp.MustCompile(`<w:(commentRangeStart|commentRangeEnd|commentReference|comment) [^>]*?w:id="(\d+)"`)

// checkComments reads the comments of a drafted document back: well-formed, each comment
// anchored once (start, end, reference, in that order), by tsdraft. It returns the texts.
func checkComments(t *testing.T, name string, pkg *docx.Package) []string {
	t.Helper()
	body, _ := pkg.Read("word/document.xml")
	cx, err := pkg.Read("word/comments.xml")
	if err != nil {
		t.Fatalf("%s: no comments: %v", name, err)
	}
	if err := docx.WellFormed(cx); err != nil {
		t.Fatalf("%s: comments.xml: %v", name, err)
	}
	seen := map[string][]int{}
	for _, src := range [][]byte{body, cx} {
		for _, m := range commentIDRe.FindAllSubmatchIndex(src, -1) {
			id := string(src[m[4]:m[5]])
			seen[id] = append(seen[id], m[0])
		}
	}
	for id, at := range seen {
		if len(at) != 4 || !(at[0] < at[1] && at[1] < at[2]) {
			t.Errorf("%s: comment %s is not anchored exactly once in order (start, end, reference): %v", name, id, at)
		}
	}
	root, _ := wx.Parse(cx)
	var texts []string
	for _, c := range root.Child("w:comments").Children {
		if c.Kind != wx.Elem {
			continue
		}
		if a, _ := c.Attr("w:author"); a != notes.Author {
			t.Errorf("%s: comment by %q, want %q", name, a, notes.Author)
		}
		texts = append(texts, wx.PlainText(c))
	}
	ct, _ := pkg.Read("[Content_Types].xml")
	rels, _ := pkg.Read("word/_rels/document.xml.rels")
	if !bytes.Contains(ct, []byte(`PartName="/word/comments.xml"`)) || !bytes.Contains(rels, []byte(`Target="comments.xml"`)) {
		t.Errorf("%s: comments.xml has no content type or relationship", name)
	}
	return texts
}

// noteTexts are the drafting notes the catalogue holds for a clause key in a jurisdiction
// and language (all kinds).
func noteTexts(t *testing.T, r *Renderer, lang, jur, clause string) []string {
	var out []string
	for _, k := range notes.Kinds {
		key, _ := notes.KeyFor(k, clause)
		if r.Catalog.Has(lang, jur, key) {
			s, err := r.Catalog.Text(lang, jur, key)
			if err != nil {
				t.Fatal(err)
			}
			out = append(out, s)
		}
	}
	return out
}

// TestNotesAsComments builds the documents with notes in every jurisdiction and its default
// languages (and, for UK and TH, the columns layout): each note of law.noncompete_basis and law.execution is a
// comment by tsdraft anchored on its clause, and no commentary is left in the body.
func TestNotesAsComments(t *testing.T) {
	r := testRenderer(t)
	for _, jur := range profile.Jurisdictions {
		p := sample(t, jur)
		for _, doc := range noteDocs {
			layouts := []string{p.Layout}
			if jur == "UK" || jur == "TH" {
				layouts = append(layouts, Columns) // anchors in table cells, Latin and Thai
			}
			for _, layout := range layouts {
				req := Request{Doc: doc, Profile: p, Langs: p.Languages, Layout: layout, Notes: notes.Comments}
				outs, err := r.Render(req)
				if err != nil {
					t.Fatal(err)
				}
				for _, o := range outs {
					name := FileName(doc, jur, o.Langs) + " " + layout
					b, err := o.Package.Bytes()
					if err != nil {
						t.Fatal(err)
					}
					if err := docx.Verify(b); err != nil {
						t.Fatalf("%s: %v", name, err)
					}
					pkg, err := docx.Open(name, b)
					if err != nil {
						t.Fatal(err)
					}
					body := partText(t, pkg, "word/document.xml")
					for _, c := range commentary {
						if strings.Contains(body, c) {
							t.Errorf("%s: commentary %q is still in the signed text", name, c)
						}
					}
					if strings.ContainsAny(body, "\uE000\uE001") {
						t.Errorf("%s: a note mark is left in the body", name)
					}
					var want []string
					for _, l := range o.Langs {
						// The post-employment scope (DE, UK: why it is limited to two levels).
						if doc == "nda-employee" || doc == "labour-clause" || doc == "exit-pledge" {
							want = append(want, noteTexts(t, r, l, p.TextJurisdiction(), "common.post_scope")...)
						}
						if doc == "labour-clause" && !p.Noncompete.Enabled {
							continue
						}
						if doc == "labour-clause" || doc == "noncompete" {
							want = append(want, noteTexts(t, r, l, p.TextJurisdiction(), "law.noncompete_basis")...)
						}
						// A one-signer pledge carries its own execution clause, not law.execution
						// (and so not its notes).
						if doc != "exit-pledge" && !(doc == "nda-employee" && jur == "JP") {
							want = append(want, noteTexts(t, r, l, p.TextJurisdiction(), "law.execution")...)
						}
						// Open points on jurisdiction texts (content_asia_test.go): the TH Trade
						// Secrets Act "as amended", the VN confidentiality allowance, the ID court routes and
						// arbitral institution, the CN address for service.
						if jur == "TH" && (doc == "nda-employee" || doc == "exit-pledge" || doc == "nda-partner" || doc == "labour-clause" || doc == "regulations") {
							want = append(want, noteTexts(t, r, l, jur, "law.ts_definition")...)
						}
						if jur == "ID" && (doc == "nda-employee" || doc == "exit-pledge" || doc == "labour-clause" || doc == "noncompete") {
							want = append(want, noteTexts(t, r, l, jur, "law.employee_forum")...)
						}
						// The ID partner NDA names BANI without an address: counsel confirms the institution.
						if jur == "ID" && doc == "nda-partner" {
							want = append(want, noteTexts(t, r, l, jur, "law.partner_forum")...)
						}
						if jur == "CN" && (doc == "nda-employee" || doc == "labour-clause" || doc == "noncompete") {
							want = append(want, noteTexts(t, r, l, jur, "common.service_address")...)
						}
						if jur == "VN" && doc == "nda-employee" {
							want = append(want, noteTexts(t, r, l, jur, "nda-employee.company_accept")...)
						}
						// The VN arbitration language: Law on Commercial Arbitration Art. 10 for counsel.
						if jur == "VN" && doc == "nda-partner" {
							want = append(want, noteTexts(t, r, l, jur, "law.partner_forum")...)
						}
					}
					if len(want) == 0 {
						if pkg.Has("word/comments.xml") {
							t.Errorf("%s: comments written though no clause has a note", name)
						}
						continue
					}
					got := strings.Join(checkComments(t, name, pkg), "\n")
					for _, w := range want {
						if !strings.Contains(got, w) {
							t.Errorf("%s: note %.40q… is not a comment", name, w)
						}
						if strings.Contains(body, w) {
							t.Errorf("%s: note %.40q… is printed in the body", name, w)
						}
					}
					if len(o.Notes) != strings.Count(string(mustRead(t, pkg, "word/comments.xml")), "<w:comment ") {
						t.Errorf("%s: %d notes but %d comments", name, len(o.Notes), strings.Count(string(mustRead(t, pkg, "word/comments.xml")), "<w:comment "))
					}
				}
			}
		}
	}
}

func mustRead(t *testing.T, pkg *docx.Package, part string) []byte {
	t.Helper()
	b, err := pkg.Read(part)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// The notes that the documents of the set must carry at all: every jurisdiction explains its
// non-compete basis; the UK explains execution and leaves it open.
func TestEveryJurisdictionHasItsNotes(t *testing.T) {
	r := testRenderer(t)
	for _, jur := range profile.Jurisdictions {
		p := sample(t, jur, "noncompete.enabled=true")
		outs, err := r.Render(Request{Doc: "noncompete", Profile: p, Langs: p.Languages[:1], Notes: notes.Memo})
		if err != nil {
			t.Fatal(err)
		}
		var keys []string
		for _, n := range outs[0].Notes {
			keys = append(keys, n.Key)
			if n.Heading == "" || n.Excerpt == "" || n.Text == "" {
				t.Errorf("%s: note %s has no place or text: %+v", jur, n.Key, n)
			}
		}
		if !strings.Contains(strings.Join(keys, " "), "law.note_noncompete_basis") {
			t.Errorf("%s noncompete: notes %v, want law.note_noncompete_basis", jur, keys)
		}
		if jur == "UK" && !strings.Contains(strings.Join(keys, " "), "law.open_execution") {
			t.Errorf("UK noncompete: notes %v, want law.open_execution", keys)
		}
		if outs[0].Package.Has("word/comments.xml") {
			t.Errorf("%s: --notes memo wrote comments into the document", jur)
		}
	}
}

func TestNotesNoneAndFinal(t *testing.T) {
	r := testRenderer(t)
	p := sample(t, "UK")
	for _, req := range []Request{
		{Doc: "noncompete", Profile: p, Langs: p.Languages, Layout: Interleave},
		{Doc: "noncompete", Profile: p, Langs: p.Languages, Layout: Interleave, Notes: notes.None},
		{Doc: "noncompete", Profile: p, Langs: p.Languages, Layout: Interleave, Final: true, Notes: notes.Memo},
	} {
		outs, err := r.Render(req)
		if err != nil {
			t.Fatal(err)
		}
		if outs[0].Package.Has("word/comments.xml") {
			t.Errorf("notes %q final %v: comments written", req.Notes, req.Final)
		}
		if body := partText(t, outs[0].Package, "word/document.xml"); strings.Contains(body, "Tillman") || strings.ContainsAny(body, "\uE000\uE001") {
			t.Errorf("notes %q: commentary or marks in the body", req.Notes)
		}
	}
	_, err := r.Render(Request{Doc: "noncompete", Profile: p, Langs: p.Languages, Final: true, Notes: notes.Comments})
	if err == nil || !strings.Contains(err.Error(), "final document carries no drafting notes") {
		t.Errorf("final with comments: err = %v", err)
	}
}

// A profile value cannot forge a note: the private mark characters are refused.
func TestNotesRefuseForgedMarks(t *testing.T) {
	r := testRenderer(t)
	p := sample(t, "UK", `company.name="Evil `+"\uE0000\uE001"+` Ltd"`)
	_, err := r.Render(Request{Doc: "noncompete", Profile: p, Langs: []string{"en"}, Notes: notes.Comments})
	if err == nil || !strings.Contains(err.Error(), "drafting note") {
		t.Fatalf("err = %v, want a refusal naming the drafting-note mark", err)
	}
}

func renderMemo(t *testing.T, r *Renderer, p *profile.Profile, doc string, langs []string, warnings []string) (*docx.Package, []notes.Note) {
	t.Helper()
	req := Request{Doc: doc, Profile: p, Langs: langs, Layout: Interleave, Notes: notes.Memo}
	outs, err := r.Render(req)
	if err != nil {
		t.Fatal(err)
	}
	var ns []notes.Note
	for _, o := range outs {
		ns = append(ns, o.Notes...)
	}
	pkg, err := r.Memo(MemoRequest{Request: req, Notes: ns, Warnings: warnings})
	if err != nil {
		t.Fatal(err)
	}
	if err := pkg.Check(); err != nil {
		t.Fatal(err)
	}
	return pkg, ns
}

// TestMemo: the memo lists the profile's choices, every warning given, each note under its
// clause and the open points, in every jurisdiction.
func TestMemo(t *testing.T) {
	r := testRenderer(t)
	for _, jur := range profile.Jurisdictions {
		p := sample(t, jur, "noncompete.enabled=true")
		warn := jur + ".toml:12:3: warning: a test warning with <markup> & \"quotes\" [TEST-1]\n    hint: a hint"
		pkg, ns := renderMemo(t, r, p, "noncompete", p.Languages, []string{warn})
		dump, err := docxtext.Dump(pkg)
		if err != nil {
			t.Fatal(err)
		}
		text := squash(dump)
		want := []string{"noncompete.months", "noncompete.enabled", "a test warning with <markup> & \"quotes\" [TEST-1]", "hint: a hint"}
		open := 0
		for _, n := range ns {
			want = append(want, n.Text, n.Heading)
			if n.Kind == notes.Open {
				open++
			}
		}
		for _, l := range []string{"notes.memo_title", "notes.memo_choices_h", "notes.memo_warnings_h", "notes.memo_notes_h", "notes.memo_open_h"} {
			s, err := r.Catalog.Text(p.Languages[0], jur, l)
			if err != nil {
				t.Fatal(err)
			}
			want = append(want, s)
		}
		if open == 0 {
			none, _ := r.Catalog.Text(p.Languages[0], jur, "notes.memo_none")
			want = append(want, none)
		}
		for _, w := range want {
			if !strings.Contains(text, squash(w)) {
				t.Errorf("%s memo: %.60q not found", jur, w)
			}
		}
	}
	// A switch that is off hides the values under it: the memo of a set without a non-compete
	// or a penalty lists neither months nor pay.
	for _, jur := range []string{"JP", "TH", "DE"} {
		p := sample(t, jur, "noncompete.enabled=false", "remedies.penalty=false")
		pkg, _ := renderMemo(t, r, p, "labour-clause", p.Languages, nil)
		dump, err := docxtext.Dump(pkg)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(dump, "noncompete.enabled") {
			t.Errorf("%s memo does not say the non-compete is off", jur)
		}
		for _, hidden := range []string{"noncompete.months", "noncompete.compensation_percent", "noncompete.territory", "remedies.penalty_months"} {
			if strings.Contains(dump, hidden) {
				t.Errorf("%s memo lists %s with its switch off", jur, hidden)
			}
		}
	}
	// No warning: the memo says so.
	p := sample(t, "JP")
	pkg, _ := renderMemo(t, r, p, "nda-employee", []string{"ja"}, nil)
	dump, _ := docxtext.Dump(pkg)
	if !strings.Contains(dump, "警告はない。") {
		t.Errorf("memo without warnings does not say so:\n%s", dump)
	}
}

// flat drops white space and the punctuation PDF text extraction loses at line ends (a
// hanging Japanese comma), so that a text can be found in what pdftotext gives back.
func flat(s string) string {
	return strings.NewReplacer("、", "", "。", "", "，", "", ",", "", ".", "").Replace(squash(s))
}

// probe is what of a text must be found in a PDF: all of it, except for Thai, whose combining
// marks pdftotext moves across line breaks, where the first words must do.
func probe(s string) string {
	f := []rune(flat(s))
	for _, r := range f {
		if r >= 0x0E00 && r <= 0x0E7F && len(f) > 15 {
			return string(f[:15])
		}
	}
	return string(f)
}

// annotationTexts are the /Contents of a PDF's annotations (LibreOffice writes comments as
// text annotations, as UTF-16BE hex strings).
func annotationTexts(b []byte) string {
	var out strings.Builder
	for _, m := range regexp.MustCompile(`/Contents\s*<FEFF([0-9A-Fa-f]*)>`).FindAllSubmatch(b, -1) {
		raw, err := hex.DecodeString(string(m[1]))
		if err != nil {
			continue
		}
		u := make([]uint16, len(raw)/2)
		for i := range u {
			u[i] = uint16(raw[2*i])<<8 | uint16(raw[2*i+1])
		}
		out.WriteString(string(utf16.Decode(u)))
		out.WriteByte('\n')
	}
	return out.String()
}

// TestNotesThroughLibreOffice opens a draft with comments and its memo in LibreOffice: both
// convert to PDF, the comments come out as the PDF's comments (or in the margin, where
// LibreOffice supports ExportNotesInMargin), the memo's text is on its pages, and the
// commentary is not in the document's own text.
func TestNotesThroughLibreOffice(t *testing.T) {
	testsupport.NeedLibreOffice(t, "pdftotext")
	r := testRenderer(t)
	bin, _ := pdf.Binary()
	dir := t.TempDir()
	var files []string
	type expect struct{ in []string }
	want := map[string]expect{}
	for _, jur := range []string{"UK", "TH"} {
		p := sample(t, jur, "noncompete.enabled=true")
		req := Request{Doc: "noncompete", Profile: p, Langs: p.Languages, Layout: Interleave, Notes: notes.Comments}
		outs, err := r.Render(req)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := outs[0].Package.Bytes()
		name := filepath.Join(dir, FileName("noncompete", jur, p.Languages))
		if err := docx.WriteFile(name, b, false, docx.Verify); err != nil {
			t.Fatal(err)
		}
		files = append(files, name)
		var ns []string
		for _, n := range outs[0].Notes {
			ns = append(ns, n.Text)
		}
		want[name] = expect{in: ns}
		memo, mns := renderMemo(t, r, p, "noncompete", p.Languages, []string{"profile.toml:1:1: warning: memo warning [TEST-2]"})
		mb, _ := memo.Bytes()
		mname := filepath.Join(dir, MemoFileName("noncompete", jur))
		if err := docx.WriteFile(mname, mb, false, docx.Verify); err != nil {
			t.Fatal(err)
		}
		files = append(files, mname)
		e := expect{in: []string{"memo warning [TEST-2]"}}
		for _, n := range mns {
			e.in = append(e.in, n.Text)
		}
		want[mname] = e
	}
	filter := `pdf:writer_pdf_Export:{"ExportNotes":{"type":"boolean","value":"true"},"ExportNotesInMargin":{"type":"boolean","value":"true"}}`
	args := append([]string{"-env:UserInstallation=file://" + filepath.ToSlash(filepath.Join(dir, "profile")), "--headless", "--norestore",
		"--convert-to", filter, "--outdir", dir}, files...)
	if out, err := exec.Command(bin, args...).CombinedOutput(); err != nil {
		t.Fatalf("LibreOffice: %v\n%s", err, out)
	}
	for _, f := range files {
		pdfName := strings.TrimSuffix(f, ".docx") + ".pdf"
		raw, err := os.ReadFile(pdfName)
		if err != nil {
			t.Fatalf("LibreOffice wrote no PDF for %s: %v", filepath.Base(f), err)
		}
		out, err := exec.Command("pdftotext", "-enc", "UTF-8", pdfName, "-").Output()
		if err != nil {
			t.Fatalf("pdftotext %s: %v", pdfName, err)
		}
		pages := flat(string(out))
		all := pages + flat(annotationTexts(raw))
		for _, w := range want[f].in {
			if !strings.Contains(all, probe(w)) {
				t.Errorf("%s: %.50q is neither on the pages nor among the PDF's comments", filepath.Base(pdfName), w)
			}
		}
		if strings.HasSuffix(f, ".notes.docx") {
			for _, w := range want[f].in {
				if !strings.Contains(pages, probe(w)) {
					t.Errorf("%s: %.50q is not on the memo's pages", filepath.Base(pdfName), w)
				}
			}
			continue
		}
		if len(annotationTexts(raw)) == 0 && !strings.Contains(pages, "Tillman") {
			t.Errorf("%s: the comments did not reach the PDF", filepath.Base(pdfName))
		}
	}
}
