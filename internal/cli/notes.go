package cli

import (
	"errors"
	"fmt"

	"github.com/tsdraft/tsdraft/internal/notes"
	"github.com/tsdraft/tsdraft/internal/usecase"
)

const notesFlagHelp = "drafting notes: comments (Word comments on their clauses), memo (a companion <doc>.<jur>.notes.docx) or none (default: comments, none with --final)"

// notesMode reads --notes (usecase.NotesMode) and words the refusal of comments in a final
// document in terms of the flags.
func notesMode(value string, final bool) (notes.Mode, error) {
	m, err := usecase.NotesMode(value, final)
	if errors.Is(err, usecase.ErrFinalComments) {
		return "", fmt.Errorf("--final --notes comments: a final document carries no drafting notes; use --notes memo for a separate memo, or leave --final out for a draft with comments")
	}
	var unknown *notes.UnknownModeError
	if errors.As(err, &unknown) {
		return "", fmt.Errorf("unknown --notes value %q; use comments, memo or none", unknown.Value)
	}
	return m, err
}
