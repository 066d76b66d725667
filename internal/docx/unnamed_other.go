//go:build !linux

package docx

import (
	"errors"
	"os"
)

var errNoUnnamed = errors.New("unnamed files are a Linux feature")

// createUnnamed always fails outside Linux: writeFile then uses a named temporary file.
func createUnnamed(string) (*os.File, error) { return nil, errNoUnnamed }

func linkUnnamed(*os.File, string) error { return errNoUnnamed }
