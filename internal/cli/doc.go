// Package cli holds tsdraft's cobra commands. Each command fills an options struct and calls
// a core package; errors are mapped to exit codes in one place (Main).
package cli
