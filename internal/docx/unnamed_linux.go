//go:build linux

package docx

import (
	"os"
	"strconv"

	"golang.org/x/sys/unix"
)

// createUnnamed opens a file in dir that has no name yet (O_TMPFILE). linkUnnamed gives it its
// name once it is written and synced. The folder then changes once per file instead of three
// times (create a temporary name, link, remove it), which was the largest cost of writing a
// batch on ext4, and a crash part-way leaves no temporary file behind.
func createUnnamed(dir string) (*os.File, error) {
	fd, err := unix.Open(dir, unix.O_RDWR|unix.O_TMPFILE|unix.O_CLOEXEC, 0o600)
	if err != nil {
		return nil, err
	}
	return os.NewFile(uintptr(fd), dir), nil
}

// linkUnnamed names f path. Like link(2) it fails with EEXIST when path exists, so a file that
// someone else created meanwhile is never replaced.
func linkUnnamed(f *os.File, path string) error {
	return unix.Linkat(unix.AT_FDCWD, "/proc/self/fd/"+strconv.Itoa(int(f.Fd())), unix.AT_FDCWD, path, unix.AT_SYMLINK_FOLLOW)
}
