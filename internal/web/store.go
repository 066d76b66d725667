package web

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"unicode"
)

// Company profiles are files <name>.toml in the data folder. The browser names a profile, never
// a path: a name is letters, digits, '-' and '_' only, and the file must be a regular file
// directly in the folder.

const (
	pledgesDir     = "pledges"
	maxProfileSize = 1 << 20
)

// validName reports whether name can name a profile file.
func validName(name string) bool {
	if name == "" || len([]rune(name)) > 64 {
		return false
	}
	for _, r := range name {
		if !(unicode.IsLetter(r) || unicode.IsDigit(r) || r == '-' || r == '_') {
			return false
		}
	}
	return true
}

// profiles lists the saved profiles' names, sorted.
func (s *Server) profiles() ([]string, error) {
	ents, err := os.ReadDir(s.o.DataDir)
	if err != nil {
		return nil, err
	}
	var out []string
	for _, e := range ents {
		name, ok := strings.CutSuffix(e.Name(), ".toml")
		if ok && e.Type().IsRegular() && validName(name) {
			out = append(out, name)
		}
	}
	sort.Strings(out)
	return out, nil
}

var errNoProfile = errors.New("no such profile")

// readProfile returns a saved profile's bytes.
func (s *Server) readProfile(name string) ([]byte, error) {
	if !validName(name) {
		return nil, errNoProfile
	}
	path := filepath.Join(s.o.DataDir, name+".toml")
	fi, err := os.Lstat(path)
	if err != nil || !fi.Mode().IsRegular() {
		return nil, errNoProfile
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	b, err := io.ReadAll(io.LimitReader(f, maxProfileSize+1))
	if err != nil {
		return nil, err
	}
	if len(b) > maxProfileSize {
		return nil, fmt.Errorf("%s.toml is larger than %d bytes", name, maxProfileSize)
	}
	return b, nil
}

func hashOf(b []byte) string {
	s := sha256.Sum256(b)
	return hex.EncodeToString(s[:8])
}

// errExists and errChanged refuse to overwrite what the user did not open in this form.
var (
	errExists  = errors.New("exists")
	errChanged = errors.New("changed")
)

// saveProfile writes name.toml atomically. An existing file is replaced only when it is the
// one the form was opened from and has not changed since (hash openedHash); a file the web app
// did not write (comments by hand, from `tsdraft init`) is kept once as name.toml.bak first.
func (s *Server) saveProfile(name, opened, openedHash string, data []byte) error {
	if !validName(name) {
		return errNoProfile
	}
	s.saveMu.Lock() // one save at a time: the check and the rename must not interleave
	defer s.saveMu.Unlock()
	path := filepath.Join(s.o.DataDir, name+".toml")
	old, err := os.ReadFile(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
	case err != nil:
		return err
	case name != opened:
		return errExists
	case hashOf(old) != openedHash:
		return errChanged
	case !bytes.HasPrefix(old, []byte(savedHeader)):
		bak := path + ".bak"
		if _, err := os.Lstat(bak); errors.Is(err, fs.ErrNotExist) {
			if err := os.WriteFile(bak, old, 0o600); err != nil {
				return err
			}
		}
	}
	tmp, err := os.CreateTemp(s.o.DataDir, ".save-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}
