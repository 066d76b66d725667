package batch

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
)

// source is a people file, resolved once (format, encoding, delimiter, sheet) so that it can be
// read twice the same way: once to plan the file names, once to draft. It is a file on disk,
// or bytes in memory (an upload).
type source struct {
	path     string
	name     string // for messages: the path as given, or the upload's file name
	data     []byte // the file's bytes when it is not on disk
	xlsx     bool
	sheet    string
	sheets   []string // XLSX without --sheet: the visible sheets, in order, to try
	hidden   []string // XLSX: hidden sheets, which are never read unless named
	encoding string   // CSV: one of the Encoding constants
	delim    rune
}

// resolveSource looks at the file: an .xlsx workbook, or a CSV file whose encoding (when enc is
// auto) and delimiter it detects.
func resolveSource(ctx context.Context, s *source, enc string) error {
	switch strings.ToLower(filepath.Ext(s.name)) {
	case ".xlsx", ".xlsm":
		s.xlsx = true
		if enc != EncodingAuto {
			return &OptionError{Option: OptEncoding, File: s.name}
		}
		var err error
		s.sheets, s.hidden, err = interruptible(ctx, s.name, func() ([]string, []string, error) { return sheetChoice(s, s.sheet) })
		return err
	case ".xls":
		return fmt.Errorf("%s is an old .xls workbook; save it as .xlsx (Excel Workbook) or as CSV UTF-8", s.name)
	case ".ods", ".numbers":
		return fmt.Errorf("%s: save it as .xlsx or as CSV UTF-8", s.name)
	}
	if s.sheet != "" {
		return &OptionError{Option: OptSheet, File: s.name}
	}
	r, closer, err := s.reader()
	if err != nil {
		return err
	}
	defer closer.Close()
	s.encoding, s.delim, err = sniffCSV(ctx, s.name, r, enc)
	return err
}

// interruptible runs a step that cannot watch ctx itself (opening a large workbook) and returns
// as soon as ctx is done; the step's goroutine ends with the process.
func interruptible(ctx context.Context, name string, f func() ([]string, []string, error)) ([]string, []string, error) {
	type res struct {
		a, b []string
		err  error
	}
	ch := make(chan res, 1)
	go func() {
		a, b, err := f()
		ch <- res{a, b, err}
	}()
	select {
	case r := <-ch:
		return r.a, r.b, r.err
	case <-ctx.Done():
		return nil, nil, fmt.Errorf("interrupted while reading %s; nothing written", name)
	}
}

func (s *source) reader() (io.Reader, io.Closer, error) {
	if s.data != nil {
		return bytes.NewReader(s.data), io.NopCloser(nil), nil
	}
	f, err := os.Open(s.path)
	if err != nil {
		return nil, nil, fmt.Errorf("reading the people file: %w", err)
	}
	return f, f, nil
}

// open starts reading the file (the chosen sheet) from its header row.
func (s *source) open() (table, error) {
	if s.xlsx {
		return openXLSX(s, s.sheet)
	}
	r, closer, err := s.reader()
	if err != nil {
		return nil, err
	}
	t := newCSVTable(s.name, r, s.encoding, s.delim)
	t.closer = closer
	return t, nil
}
