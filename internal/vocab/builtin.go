package vocab

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"io/fs"
	"slices"
)

// The built-in vocabulary also exists as Go (builtin_gen.go, written by
// TestGeneratedBuiltinIsTheTOML with -update from the TOML files, which stay its source).
// generatedDigest names the bytes it was made from; the generated form is used only while the
// embedded files are those bytes.

// sourceDigest is the SHA-256 of the embedded files the vocabulary is loaded from (not
// sample.toml, which is read lazily from the TOML in any case), each with its path and length.
func sourceDigest(voc, loc fs.FS) (string, error) {
	h := sha256.New()
	buf := make([]byte, 32<<10)
	for _, src := range []struct {
		fsys          fs.FS
		root, pattern string
	}{{voc, "vocab", "documents.toml"}, {voc, "vocab", "jurisdictions/*.toml"}, {loc, "locales", "*/" + LanguageFile}} {
		names, err := fs.Glob(src.fsys, src.pattern)
		if err != nil {
			return "", err
		}
		slices.Sort(names)
		for _, n := range names {
			if err := digestFile(h, src.fsys, src.root, n, buf); err != nil {
				return "", err
			}
		}
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// generatedIfCurrent returns the generated vocabulary when it was made from the files in voc
// and loc, and nil (no error) when they differ from what it was made from.
func generatedIfCurrent(voc, loc fs.FS) (*Vocab, error) {
	d, err := sourceDigest(voc, loc)
	if err != nil {
		return nil, err
	}
	if d != generatedDigest {
		return nil, nil
	}
	v := generatedVocab()
	v.sample = &lazySample{fsys: voc}
	if err := v.validate(); err != nil { // cheap: no TOML; keeps one rule for both forms
		return nil, err
	}
	return v, nil
}

// digestFile adds one file to h through buf: streaming, not fs.ReadFile, as a copy of each
// file was most of what the digest cost a process at start-up.
func digestFile(h io.Writer, fsys fs.FS, root, name string, buf []byte) error {
	f, err := fsys.Open(name)
	if err != nil {
		return fmt.Errorf("read %s/%s: %w", root, name, err)
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return fmt.Errorf("read %s/%s: %w", root, name, err)
	}
	fmt.Fprintf(h, "%s/%s %d\n", root, name, st.Size())
	n, err := io.CopyBuffer(h, struct{ io.Reader }{f}, buf)
	if err == nil && n != st.Size() {
		err = fmt.Errorf("%d bytes read of %d", n, st.Size())
	}
	if err != nil {
		return fmt.Errorf("read %s/%s: %w", root, name, err)
	}
	return nil
}
