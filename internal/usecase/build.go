package usecase

import (
	"fmt"
	"slices"
	"strings"

	"github.com/tsdraft/tsdraft/internal/docx"
	"github.com/tsdraft/tsdraft/internal/notes"
	"github.com/tsdraft/tsdraft/internal/render"
	"github.com/tsdraft/tsdraft/internal/vocab"
)

// Layouts are the bilingual layouts a build takes.
var Layouts = []string{render.Interleave, render.Columns, render.Separate}

// BuildRequest is one set of documents to draft from a checked profile.
type BuildRequest struct {
	Docs   []string   // nil: the whole set (a disabled non-compete is left out, see Skipped)
	Langs  []string   // nil: the profile's languages
	Layout string     // "": the profile's, else interleave
	Final  bool       // no draft marking
	Notes  notes.Mode // comments, memo or none
}

// File is one drafted file, in memory.
type File struct {
	Name    string        // tsdraft's own name: <doc>.<jur>.<langs>.docx, <doc>.<jur>.notes.docx
	Data    []byte        // the package's bytes, verified
	Package *docx.Package // the package the bytes were written from (previews)
}

// Built is a drafted set, nothing written yet.
type Built struct {
	Files   []File
	Langs   []string // the languages drafted in
	Layout  string   // the layout used
	Skipped []string // why a document of the whole set was not drafted
}

// DraftError lists the documents that could not be drafted; nothing was drafted.
type DraftError struct{ Problems []string }

func (e *DraftError) Error() string { return strings.Join(e.Problems, "\n") }

// CheckBuildArgs refuses documents, languages and a layout tsdraft does not know, before the
// profile is read. How many languages a command takes is the command's to say.
func CheckBuildArgs(docs, langs []string, layout string) error {
	for _, d := range docs {
		if !render.IsDocument(d) {
			return fmt.Errorf("unknown document %q; known: %s", d, strings.Join(DocumentIDs(), ", "))
		}
	}
	for _, l := range langs {
		if !vocab.Active().IsLanguage(l) {
			return fmt.Errorf("unknown language %q; known: %s (a new language is a folder of data: TRANSLATING.md, \"Add a language\")",
				l, strings.Join(vocab.Active().LanguageCodes(), ", "))
		}
	}
	if layout != "" && !slices.Contains(Layouts, layout) {
		return fmt.Errorf("unknown layout %q; use interleave, columns or separate", layout)
	}
	return nil
}

// DocumentIDs are the IDs of the shipped documents, in order.
func DocumentIDs() []string {
	var ids []string
	for _, d := range render.Documents {
		ids = append(ids, d.ID)
	}
	return ids
}

// NotesMode reads the notes choice: comments by default for drafts, none for a final document,
// which never carries comments (it is what gets signed).
func NotesMode(value string, final bool) (notes.Mode, error) {
	if value == "" {
		if final {
			return notes.None, nil
		}
		return notes.Comments, nil
	}
	m, err := notes.ParseMode(value)
	if err != nil {
		return "", err
	}
	if final && m == notes.Comments {
		return "", ErrFinalComments
	}
	return m, nil
}

// ErrFinalComments: a final document asked for with drafting notes as comments.
var ErrFinalComments = fmt.Errorf("a final document carries no drafting notes as comments")

// Build drafts the set in memory from a checked profile (c.OK() must hold): a problem in the
// last document must not leave half a set, so when any document fails the result holds no file
// (only Skipped) and the error is a *DraftError.
func (e Env) Build(c *Checked, req BuildRequest) (*Built, error) {
	if !c.OK() {
		return nil, fmt.Errorf("%s: the profile has errors", c.name)
	}
	p := c.Profile
	out := &Built{Langs: req.Langs, Layout: req.Layout}
	docs := req.Docs
	if len(docs) == 0 {
		for _, d := range render.Documents {
			if d.ID == "noncompete" && !p.Noncompete.Enabled {
				out.Skipped = append(out.Skipped, "noncompete: not drafted, because noncompete.enabled = false (the labour clauses and the exit pledge state that no non-compete applies)")
				continue
			}
			docs = append(docs, d.ID)
		}
	}
	if len(out.Langs) == 0 {
		out.Langs = p.Languages
	}
	if out.Layout == "" {
		out.Layout = p.Layout
	}
	if out.Layout == "" {
		out.Layout = render.Interleave
	}
	r, err := e.Renderer(out.Langs)
	if err != nil {
		return nil, err
	}
	var failed []string
	for _, doc := range docs {
		rq := render.Request{Doc: doc, Profile: p, Langs: out.Langs, Layout: out.Layout, Final: req.Final, ProfileSHA: c.SHA, Notes: req.Notes}
		outs, err := r.Render(rq)
		if err != nil {
			failed = append(failed, err.Error())
			continue
		}
		for _, o := range outs {
			f, err := file(render.FileName(doc, p.Jurisdiction, o.Langs), o.Package)
			if err != nil {
				return nil, fmt.Errorf("%s: %w", doc, err)
			}
			out.Files = append(out.Files, f)
		}
		if req.Notes == notes.Memo {
			f, err := memo(r, c, rq, outs)
			if err != nil {
				failed = append(failed, err.Error())
				continue
			}
			out.Files = append(out.Files, f)
		}
	}
	if len(failed) > 0 {
		out.Files = nil
		return out, &DraftError{Problems: failed}
	}
	return out, nil
}

// file verifies a package and returns it with its bytes.
func file(name string, pkg *docx.Package) (File, error) {
	if err := pkg.Check(); err != nil {
		return File{}, err
	}
	b, err := pkg.Bytes()
	if err != nil {
		return File{}, err
	}
	return File{Name: name, Data: b, Package: pkg}, nil
}

// memo drafts the memo of one document as built: the profile's choices, the check's warnings
// for the document, and every drafting note.
func memo(r *render.Renderer, c *Checked, req render.Request, outs []render.Output) (File, error) {
	warnings, err := c.Warnings(req.Doc, req.Langs)
	if err != nil {
		return File{}, err
	}
	var ns []notes.Note
	for _, o := range outs {
		ns = append(ns, o.Notes...)
	}
	pkg, err := r.Memo(render.MemoRequest{Request: req, Notes: ns, Warnings: warnings})
	if err != nil {
		return File{}, err
	}
	f, err := file(render.MemoFileName(req.Doc, req.Profile.Jurisdiction), pkg)
	if err != nil {
		return File{}, fmt.Errorf("%s memo: %w", req.Doc, err)
	}
	return f, nil
}
