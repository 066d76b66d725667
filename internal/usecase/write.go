package usecase

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/tsdraft/tsdraft/internal/docx"
	"github.com/tsdraft/tsdraft/internal/pdf"
)

// ExistError: files are there already and nothing was written. It wraps fs.ErrExist.
type ExistError struct{ Paths []string }

func (e *ExistError) Error() string {
	return "these files exist already: " + strings.Join(e.Paths, ", ")
}

func (e *ExistError) Unwrap() error { return fs.ErrExist }

// WriteSet writes files into dir (created if missing), each atomically with docx.WriteFile, and
// returns their paths. Without force it first looks for every file it would write (and, with
// withPDF, the PDF beside each) and writes nothing when any is there (*ExistError): an existing
// PDF would otherwise stop a run after its DOCX files are written.
func WriteSet(dir string, files []File, force, withPDF bool) ([]string, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("creating %s: %w", dir, err)
	}
	if !force {
		var exist []string
		for _, f := range files {
			path := filepath.Join(dir, f.Name)
			if _, err := os.Lstat(path); err == nil {
				exist = append(exist, path)
			}
			if withPDF {
				if pdfName := PDFName(path); exists(pdfName) {
					exist = append(exist, pdfName)
				}
			}
		}
		if len(exist) > 0 {
			return nil, &ExistError{Paths: exist}
		}
	}
	var written []string
	for _, f := range files {
		path := filepath.Join(dir, f.Name)
		verify := docx.Reopens
		if !strings.EqualFold(filepath.Ext(f.Name), ".docx") {
			verify = nil
		}
		if err := docx.WriteFile(path, f.Data, force, verify); err != nil {
			return written, err
		}
		written = append(written, path)
	}
	return written, nil
}

// WriteNew writes one file atomically, refusing to replace an existing one unless force is set
// (*docx.ErrExists, which wraps fs.ErrExist) and never replacing a folder (*docx.ErrNotFile).
func WriteNew(path string, data []byte, force bool) error {
	verify := docx.Reopens
	if !strings.EqualFold(filepath.Ext(path), ".docx") {
		verify = nil
	}
	return docx.WriteFile(path, data, force, verify)
}

func exists(path string) bool {
	_, err := os.Lstat(path)
	return err == nil
}

// PDFName is the PDF drafted beside a DOCX file.
func PDFName(docxPath string) string {
	return strings.TrimSuffix(docxPath, filepath.Ext(docxPath)) + ".pdf"
}

// NeedPDF says, before anything is drafted, whether PDF files can be made (LibreOffice is
// there): finding out after the DOCX files are written would leave the user to run again.
func NeedPDF() error {
	_, err := pdf.Binary()
	return err
}

// ConvertPDF converts written DOCX files to PDF files in dir through LibreOffice.
func ConvertPDF(ctx context.Context, files []string, dir string, force bool) ([]string, error) {
	return pdf.ConvertContext(ctx, files, dir, force)
}

// PDFs converts files in memory to PDF in a private temporary folder, removed afterwards, and
// returns the PDF files (named after their DOCX files).
func PDFs(ctx context.Context, files []File) ([]File, error) {
	dir, err := os.MkdirTemp("", "tsdraft-pdf-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	var paths []string
	for _, f := range files {
		p := filepath.Join(dir, f.Name)
		if err := os.WriteFile(p, f.Data, 0o600); err != nil {
			return nil, err
		}
		paths = append(paths, p)
	}
	pdfs, err := pdf.ConvertContext(ctx, paths, dir, false)
	if err != nil {
		return nil, err
	}
	var out []File
	for _, p := range pdfs {
		b, err := os.ReadFile(p)
		if err != nil {
			return nil, err
		}
		out = append(out, File{Name: filepath.Base(p), Data: b})
	}
	return out, nil
}
