//go:build unix

package batch

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"syscall"
)

// openNoFollow makes opening a file fail on a symbolic link instead of following it.
const openNoFollow = syscall.O_NOFOLLOW

// dirLock is an exclusive lock on an output folder, held until release. It is an flock on
// LockName, which the kernel drops when the process ends however it ends: a killed run never
// leaves the folder locked.
type dirLock struct{ f *os.File }

func lockDir(dir string) (*dirLock, error) {
	path := filepath.Join(dir, LockName)
	if _, err := regularOrAbsent(path); err != nil {
		return nil, err
	}
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE|openNoFollow, 0o644)
	if err != nil {
		return nil, fmt.Errorf("locking %s: %w", dir, err)
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		f.Close()
		if errors.Is(err, syscall.EWOULDBLOCK) {
			return nil, fmt.Errorf("another tsdraft batch is writing to %s; wait for it to finish, or write elsewhere with -o", dir)
		}
		return nil, fmt.Errorf("locking %s: %w", dir, err)
	}
	return &dirLock{f: f}, nil
}

func (l *dirLock) release() {
	if l != nil && l.f != nil {
		syscall.Flock(int(l.f.Fd()), syscall.LOCK_UN)
		l.f.Close()
	}
}
