package testbin

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"testing"
)

var (
	once sync.Once
	dir  string
	path string
	err  error
)

// Path builds cmd/tsdraft on first use and returns the binary's path.
func Path(t testing.TB) string {
	t.Helper()
	once.Do(func() {
		dir, err = os.MkdirTemp("", "tsdraft-bin-")
		if err != nil {
			return
		}
		// go test puts GOROOT/bin first in the test's PATH, so the go command that runs the
		// tests is the one found here.
		goTool, lerr := exec.LookPath("go")
		if lerr != nil {
			err = fmt.Errorf("no go command in PATH: %w", lerr)
			return
		}
		path = filepath.Join(dir, "tsdraft")
		args := []string{"build", "-o", path}
		if testing.CoverMode() != "" {
			// Under go test -cover the binary is built with coverage too. It writes its counters
			// to GOCOVERDIR (merge them with go tool covdata); without one it would warn on
			// every run, so a private folder stands in.
			args = append(args, "-cover")
			if os.Getenv("GOCOVERDIR") == "" {
				os.Setenv("GOCOVERDIR", filepath.Join(dir, "cover"))
				os.MkdirAll(filepath.Join(dir, "cover"), 0o755)
			}
		}
		out, berr := exec.Command(goTool, append(args, "github.com/tsdraft/tsdraft/cmd/tsdraft")...).CombinedOutput()
		if berr != nil {
			err = errors.New(berr.Error() + "\n" + string(out))
		}
	})
	if err != nil {
		t.Fatalf("building tsdraft: %v", err)
	}
	return path
}

// Main runs a package's tests and removes the built binary: a package whose tests use the
// binary calls it from TestMain.
func Main(m *testing.M) {
	code := m.Run()
	Cleanup()
	os.Exit(code)
}

// Cleanup removes the built binary (Main calls it).
func Cleanup() {
	if dir != "" {
		os.RemoveAll(dir)
	}
}

// Result is what one run of the binary did.
type Result struct {
	Code           int
	Stdout, Stderr string
}

// Run runs tsdraft with args in dir (env nil: the test's environment).
func Run(t testing.TB, dir string, env []string, args ...string) Result {
	t.Helper()
	cmd := exec.Command(Path(t), args...)
	cmd.Dir = dir
	cmd.Env = env
	var so, se bytes.Buffer
	cmd.Stdout, cmd.Stderr = &so, &se
	rerr := cmd.Run()
	code := 0
	var ee *exec.ExitError
	if errors.As(rerr, &ee) {
		code = ee.ExitCode()
	} else if rerr != nil {
		t.Fatal(rerr)
	}
	return Result{code, so.String(), se.String()}
}
