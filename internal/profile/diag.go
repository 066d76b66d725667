package profile

import "github.com/tsdraft/tsdraft/internal/diag"

// A profile's problems are diagnostics (internal/diag): File is the profile's path, or
// "--set:N" for the N-th --set value (1-based). The names stay here so that the profile's
// callers read profile.Diagnostic, profile.Error.
type (
	Severity    = diag.Severity
	Diagnostic  = diag.Diagnostic
	Diagnostics = diag.Diagnostics
)

const (
	Error   = diag.Error
	Warning = diag.Warning
)

func plural(n int, word string) string { return diag.Plural(n, word) }
