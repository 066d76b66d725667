package cli

import (
	"fmt"
	"os"

	"github.com/tsdraft/tsdraft/internal/law"
	"github.com/tsdraft/tsdraft/internal/notes"
	"github.com/tsdraft/tsdraft/internal/profile"
	"github.com/tsdraft/tsdraft/internal/render"
)

const notesFlagHelp = "drafting notes: comments (Word comments on their clauses), memo (a companion <doc>.<jur>.notes.docx) or none (default: comments, none with --final)"

// notesMode reads --notes: comments by default for drafts, none for a final document, which
// never carries comments (it is what gets signed).
func notesMode(value string, final bool) (notes.Mode, error) {
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
		return "", fmt.Errorf("--final --notes comments: a final document carries no drafting notes; use --notes memo for a separate memo, or leave --final out for a draft with comments")
	}
	return m, nil
}

// buildMemo drafts the memo of one document as built, with the warnings check gives for it.
func buildMemo(r *render.Renderer, opts *BuildOptions, req render.Request, outs []render.Output) (string, []byte, error) {
	warnings, err := documentWarnings(opts.Profile, opts.Sets, req.Doc, req.Langs)
	if err != nil {
		return "", nil, err
	}
	var ns []notes.Note
	for _, o := range outs {
		ns = append(ns, o.Notes...)
	}
	pkg, err := r.Memo(render.MemoRequest{Request: req, Notes: ns, Warnings: warnings})
	if err != nil {
		return "", nil, err
	}
	if err := pkg.Check(); err != nil {
		return "", nil, fmt.Errorf("%s memo: %w", req.Doc, err)
	}
	b, err := pkg.Bytes()
	if err != nil {
		return "", nil, err
	}
	return render.MemoFileName(req.Doc, req.Profile.Jurisdiction), b, nil
}

// documentWarnings are the warnings check gives for one document with these languages, as
// printed (the profile passed the same checks already, so there are no errors).
func documentWarnings(path string, sets []string, doc string, langs []string) ([]string, error) {
	src, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read profile: %w", err)
	}
	p, diags := profile.Decode(path, src, sets)
	if p == nil {
		return nil, fmt.Errorf("%s: the profile no longer decodes", path)
	}
	docs := []string{doc}
	diags = append(diags, p.CheckFor(docs, langs)...)
	diags = append(diags, lawCheck(p, law.Build{Docs: docs, Langs: langs})...)
	var out []string
	for _, d := range diags.For(docs).Sorted() {
		if d.Level == profile.Warning {
			out = append(out, d.String())
		}
	}
	return out, nil
}
