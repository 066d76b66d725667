package docx

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sync"
	"time"

	"github.com/klauspost/compress/flate"
)

// fixedTime is written as every entry's modification time so that the same inputs give the
// same bytes (zip stores local times; a constant keeps the archive reproducible).
var fixedTime = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)

// Parts tsdraft fills are deflated at the fastest level: a few percent larger files, a
// fraction of the time, which matters when a batch writes thousands of documents. The deflater
// is klauspost/compress's: at level 1 it takes half the time of compress/flate's on a filled
// document.xml (24 KB: 150 against 310 µs) and writes a smaller stream; its output, like the
// standard one, depends only on the input, so the same inputs still give the same bytes.
var flaterPool = sync.Pool{New: func() any {
	w, _ := flate.NewWriter(io.Discard, flate.BestSpeed)
	return w
}}

// WriteTo writes the package as a zip archive. Unchanged template parts are copied in their
// compressed form; changed ones are deflated. Every write error is returned.
func (p *Package) WriteTo(w io.Writer) (int64, error) {
	cw := &countWriter{w: w}
	zw := zip.NewWriter(cw)
	zw.RegisterCompressor(zip.Deflate, func(out io.Writer) (io.WriteCloser, error) {
		fw := flaterPool.Get().(*flate.Writer)
		fw.Reset(out)
		return &pooledFlater{fw}, nil
	})
	for _, pt := range p.parts {
		if pt.raw != nil && !pt.changed {
			if err := copyRaw(zw, pt.raw); err != nil {
				return cw.n, fmt.Errorf("writing %s: %w", pt.Name, err)
			}
			continue
		}
		hdr := &zip.FileHeader{Name: pt.Name, Method: zip.Deflate, Modified: fixedTime}
		if pt.raw != nil && pt.raw.Method == zip.Store {
			hdr.Method = zip.Store
		}
		fw, err := zw.CreateHeader(hdr)
		if err != nil {
			return cw.n, fmt.Errorf("writing %s: %w", pt.Name, err)
		}
		if _, err := fw.Write(pt.data); err != nil {
			return cw.n, fmt.Errorf("writing %s: %w", pt.Name, err)
		}
	}
	if err := zw.Close(); err != nil {
		return cw.n, fmt.Errorf("finishing the zip archive: %w", err)
	}
	return cw.n, nil
}

func copyRaw(zw *zip.Writer, f *zip.File) error {
	// A fresh header with the entry's own fields: no extra fields, no comment and an MS-DOS
	// time of zero (CreateRaw writes the header as given), so copies do not depend on the source.
	hdr := zip.FileHeader{Name: f.Name, NonUTF8: f.NonUTF8, CreatorVersion: f.CreatorVersion,
		ReaderVersion: f.ReaderVersion, Flags: f.Flags, Method: f.Method, Modified: fixedTime,
		CRC32: f.CRC32, CompressedSize64: f.CompressedSize64, UncompressedSize64: f.UncompressedSize64,
		ExternalAttrs: f.ExternalAttrs}
	w, err := zw.CreateRaw(&hdr)
	if err != nil {
		return err
	}
	r, err := f.OpenRaw()
	if err != nil {
		return err
	}
	_, err = io.Copy(w, r)
	return err
}

type pooledFlater struct{ *flate.Writer }

func (p *pooledFlater) Close() error {
	err := p.Writer.Close()
	flaterPool.Put(p.Writer)
	return err
}

type countWriter struct {
	w io.Writer
	n int64
}

func (c *countWriter) Write(b []byte) (int, error) {
	n, err := c.w.Write(b)
	c.n += int64(n)
	return n, err
}

// Bytes returns the package as zip bytes.
func (p *Package) Bytes() ([]byte, error) {
	var buf bytes.Buffer
	buf.Grow(p.sizeHint())
	if _, err := p.WriteTo(&buf); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// sizeHint guesses the size of the zip: the entries copied as they are, a quarter of the
// filled parts (XML deflates to about that) and the headers. Growing the buffer to it once,
// instead of doubling it from nothing, saves copying and zeroing memory for every document of
// a batch; a wrong guess costs only one more growth.
func (p *Package) sizeHint() int {
	n := 22 // end of central directory
	for _, pt := range p.parts {
		n += 2*(30+len(pt.Name)) + 40 // local header, central directory entry, data descriptor
		if pt.raw != nil && !pt.changed {
			n += int(min(pt.raw.CompressedSize64, 1<<30))
		} else {
			n += len(pt.data)/4 + 64
		}
	}
	return n
}

// ErrExists is returned by WriteFile when the destination exists and force is false. It wraps
// fs.ErrExist; the command line adds how to overwrite.
type ErrExists struct{ Path string }

func (e *ErrExists) Error() string { return e.Path + " already exists" }

func (e *ErrExists) Unwrap() error { return fs.ErrExist }

// ErrNotFile is returned by WriteFile when the destination is a folder or another thing that
// is not a regular file: no --force can replace it.
type ErrNotFile struct {
	Path string
	Mode os.FileMode
}

func (e *ErrNotFile) Error() string {
	if e.Mode.IsDir() {
		return fmt.Sprintf("%s is a folder, not a file; nothing written (name a file inside it)", e.Path)
	}
	return fmt.Sprintf("%s exists and is not a regular file (%s); nothing written", e.Path, e.Mode.Type())
}

// WriteFile writes data to path atomically: verified, written to a temporary file beside it,
// synced to disk, then renamed over the destination (and the folder synced), so that neither a
// reader nor a power cut ever sees half a file. An existing file is only replaced when force is
// true; a folder or device never is. verify may be nil. It is the one way tsdraft writes a file.
func WriteFile(path string, data []byte, force bool, verify func([]byte) error) error {
	if err := writeFile(path, data, force, verify); err != nil {
		return err
	}
	syncDir(filepath.Dir(path))
	return nil
}

// WriteFileDeferDirSync is WriteFile without the final sync of the folder: the file's data is
// on disk before its rename, but the rename itself becomes durable only when the caller calls
// SyncDir on the folder, which it must do before it records the file as written anywhere. A
// batch writing thousands of files syncs the folder once per group of files instead of once per
// file (the per-file folder syncs were a third of a batch's wall time on disk).
func WriteFileDeferDirSync(path string, data []byte, force bool, verify func([]byte) error) error {
	return writeFile(path, data, force, verify)
}

// SyncDir makes the renames done in dir durable. Some systems (Windows) cannot open a folder
// for syncing; the files themselves are on disk by then, so only a failed sync is an error.
func SyncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return nil
	}
	defer d.Close()
	if err := d.Sync(); err != nil && !errors.Is(err, os.ErrInvalid) {
		return fmt.Errorf("syncing the folder %s: %w", dir, err)
	}
	return nil
}

func writeFile(path string, data []byte, force bool, verify func([]byte) error) error {
	if fi, err := os.Lstat(path); err == nil {
		// A symbolic link is replaced, never followed; anything else but a file is refused.
		if !fi.Mode().IsRegular() && fi.Mode()&os.ModeSymlink == 0 {
			return &ErrNotFile{Path: path, Mode: fi.Mode()}
		}
		if !force {
			return &ErrExists{Path: path}
		}
	}
	if verify != nil {
		if err := verify(data); err != nil {
			return fmt.Errorf("%s: output failed verification, nothing written: %w", path, err)
		}
	}
	dir := filepath.Dir(path)
	if !force {
		if done, err := writeUnnamed(dir, path, data); done || err != nil {
			return err
		}
	}
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return fmt.Errorf("creating a temporary file in %s: %w", dir, err)
	}
	tmpName := tmp.Name()
	ok := false
	defer func() {
		if !ok {
			tmp.Close()
			os.Remove(tmpName)
		}
	}()
	if err := writeSynced(tmp, data, tmpName); err != nil {
		return err
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("closing %s: %w", tmpName, err)
	}
	if !force {
		// Link fails if the destination appeared meanwhile, so a file created by someone else
		// between our check and now is never replaced.
		if err := os.Link(tmpName, path); err != nil {
			if os.IsExist(err) {
				return &ErrExists{Path: path}
			}
			if err := os.Rename(tmpName, path); err != nil {
				return fmt.Errorf("moving %s into place: %w", path, err)
			}
		} else {
			os.Remove(tmpName)
		}
	} else if err := os.Rename(tmpName, path); err != nil {
		return fmt.Errorf("moving %s into place: %w", path, err)
	}
	ok = true
	return nil
}

// writeUnnamed writes a new file through createUnnamed and linkUnnamed. done is false, with
// nothing written, when the system cannot (no O_TMPFILE in the file system, no /proc): the
// caller then uses a named temporary file. A destination that exists is ErrExists.
func writeUnnamed(dir, path string, data []byte) (done bool, err error) {
	f, err := createUnnamed(dir)
	if err != nil {
		return false, nil
	}
	defer f.Close()
	if err := writeSynced(f, data, path); err != nil {
		return true, err
	}
	if err := linkUnnamed(f, path); err != nil {
		if errors.Is(err, fs.ErrExist) {
			return true, &ErrExists{Path: path}
		}
		return false, nil
	}
	if err := f.Close(); err != nil {
		return true, fmt.Errorf("closing %s: %w", path, err)
	}
	return true, nil
}

// writeSynced writes data to a file that is not in place yet, makes it readable like any
// document (0644) and syncs it to disk; name is how errors call it.
func writeSynced(f *os.File, data []byte, name string) error {
	if _, err := f.Write(data); err != nil {
		return fmt.Errorf("writing %s: %w", name, err)
	}
	if err := f.Chmod(0o644); err != nil {
		return fmt.Errorf("setting permissions on %s: %w", name, err)
	}
	if err := syncFile(f); err != nil {
		return fmt.Errorf("writing %s to disk: %w", name, err)
	}
	return nil
}

// MoveInto moves a finished file that another program wrote (LibreOffice's PDF) into place the
// way WriteFile does: synced to disk first, then renamed, then the folder synced.
func MoveInto(src, dst string) error {
	f, err := os.OpenFile(src, os.O_RDWR, 0)
	if err != nil {
		return err
	}
	serr := syncFile(f)
	cerr := f.Close()
	if err := errors.Join(serr, cerr); err != nil {
		return fmt.Errorf("writing %s to disk: %w", src, err)
	}
	if fi, err := os.Lstat(dst); err == nil && !fi.Mode().IsRegular() && fi.Mode()&os.ModeSymlink == 0 {
		return &ErrNotFile{Path: dst, Mode: fi.Mode()}
	}
	if err := os.Rename(src, dst); err != nil {
		return fmt.Errorf("moving %s into place: %w", dst, err)
	}
	syncDir(filepath.Dir(dst))
	return nil
}

// syncFile is f.Sync; tests replace it to see that every file is synced before its rename.
var syncFile = func(f *os.File) error { return f.Sync() }

// syncDir is SyncDir for a single file's rename: the file itself is on disk by then, so a
// failure here is not reported.
func syncDir(dir string) { _ = SyncDir(dir) }
