//go:build !unix

package batch

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

const openNoFollow = 0

// dirLock is an exclusive lock on an output folder: the lock file is created exclusively and
// removed on release. A run killed outright leaves it behind; the message says what to do.
type dirLock struct{ path string }

func lockDir(dir string) (*dirLock, error) {
	path := filepath.Join(dir, LockName)
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o644)
	if errors.Is(err, fs.ErrExist) {
		return nil, fmt.Errorf("another tsdraft batch is writing to %s (%s exists); wait for it to finish, or if none is running delete %s", dir, path, path)
	}
	if err != nil {
		return nil, fmt.Errorf("locking %s: %w", dir, err)
	}
	f.Close()
	return &dirLock{path: path}, nil
}

func (l *dirLock) release() {
	if l != nil {
		os.Remove(l.path)
	}
}
