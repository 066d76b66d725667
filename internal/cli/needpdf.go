package cli

import (
	"fmt"

	"github.com/tsdraft/tsdraft/internal/usecase"
)

// needPDF checks, before anything is drafted, that LibreOffice is there when --pdf asks for
// it. Finding out after the DOCX files are written would leave the user to run again with
// advice that can do harm (--force re-drafts documents that may already be signed and issued).
func needPDF(ios *IO, want bool) error {
	if !want {
		return nil
	}
	if err := usecase.NeedPDF(); err != nil {
		fmt.Fprintf(ios.Err, "%v\nnothing written; install LibreOffice and run the same command again, or leave out --pdf\n", err)
		return ErrSilent
	}
	return nil
}
