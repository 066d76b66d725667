package pdf

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	"github.com/tsdraft/tsdraft/internal/docx"
)

// NotFoundError says LibreOffice is not installed. It gives no advice about flags: what to run
// next depends on the command (build writes nothing without it; a batch skips what exists).
type NotFoundError struct{}

func (*NotFoundError) Error() string {
	return "PDF conversion needs LibreOffice, which was not found (soffice is not on PATH). " +
		"Install it: Debian/Ubuntu `sudo apt-get install libreoffice-writer-nogui`, macOS `brew install --cask libreoffice`, " +
		"Windows: libreoffice.org"
}

// Binary finds LibreOffice's command-line program.
func Binary() (string, error) {
	for _, name := range []string{"soffice", "libreoffice"} {
		if p, err := exec.LookPath(name); err == nil {
			return p, nil
		}
	}
	for _, p := range []string{"/Applications/LibreOffice.app/Contents/MacOS/soffice", `C:\Program Files\LibreOffice\program\soffice.exe`} {
		if _, err := os.Stat(p); err == nil {
			return p, nil
		}
	}
	return "", &NotFoundError{}
}

// Timeout bounds one LibreOffice run converting n files: its start-up, then a generous time per
// file. A conversion that hangs (a dialog, a listener, a lock) is killed with every process it
// started, rather than holding the batch forever.
var Timeout = func(n int) time.Duration { return 3*time.Minute + time.Duration(n)*20*time.Second }

// Convert is ConvertContext without cancellation.
func Convert(files []string, outDir string, force bool) ([]string, error) {
	return ConvertContext(context.Background(), files, outDir, force)
}

// ConvertContext writes <name>.pdf beside each DOCX in outDir, through one LibreOffice process.
// It converts into a private directory first and moves the results into place, so an
// interrupted run leaves no partial PDF, and an existing PDF is only replaced with force.
//
// Every path LibreOffice sees is absolute: a file name is never taken for an option, however
// it begins (a name made from a sheet cell such as "--accept=socket,…" would otherwise open a
// network listener). The run is bounded by Timeout and by ctx; either kills the whole process
// group.
func ConvertContext(ctx context.Context, files []string, outDir string, force bool) ([]string, error) {
	if len(files) == 0 {
		return nil, nil
	}
	bin, err := Binary()
	if err != nil {
		return nil, err
	}
	absOut, err := filepath.Abs(outDir)
	if err != nil {
		return nil, err
	}
	var abs, targets []string
	for _, f := range files {
		a, err := filepath.Abs(f)
		if err != nil {
			return nil, err
		}
		abs = append(abs, a)
		t := filepath.Join(outDir, strings.TrimSuffix(filepath.Base(f), filepath.Ext(f))+".pdf")
		if !force {
			if _, err := os.Lstat(t); err == nil {
				return nil, &docx.ErrExists{Path: t}
			}
		}
		targets = append(targets, t)
	}
	work, err := os.MkdirTemp(absOut, ".tsdraft-pdf-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(work)
	profileDir, err := os.MkdirTemp("", "tsdraft-lo-profile-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(profileDir)
	profileURL := (&url.URL{Scheme: "file", Path: slashRoot(filepath.ToSlash(profileDir))}).String()
	args := []string{"-env:UserInstallation=" + profileURL, "--headless", "--norestore",
		"--convert-to", "pdf", "--outdir", work}
	args = append(args, abs...)
	limit := Timeout(len(files))
	ctx, cancel := context.WithTimeout(ctx, limit)
	defer cancel()
	// LibreOffice runs in a process group of its own (so that a timeout can kill all of it),
	// which also keeps the terminal's Ctrl-C from reaching it: the signal is caught here and
	// passed on as a cancellation, so an interrupted run stops LibreOffice and cleans up.
	ctx, stop := signal.NotifyContext(ctx, os.Interrupt, syscall.SIGTERM)
	defer stop()
	cmd := exec.CommandContext(ctx, bin, args...)
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	killGroup(cmd)
	cmd.WaitDelay = 5 * time.Second
	if err := cmd.Run(); err != nil {
		switch {
		case errors.Is(ctx.Err(), context.DeadlineExceeded):
			return nil, fmt.Errorf("LibreOffice did not finish converting %d file(s) within %v and was stopped; no PDF written\n%s", len(files), limit, out.String())
		case ctx.Err() != nil:
			return nil, fmt.Errorf("PDF conversion interrupted; no PDF written: %w", ctx.Err())
		}
		return nil, fmt.Errorf("LibreOffice failed to convert to PDF: %v\n%s", err, out.String())
	}
	for i, f := range files {
		produced := filepath.Join(work, strings.TrimSuffix(filepath.Base(f), filepath.Ext(f))+".pdf")
		if fi, err := os.Lstat(produced); err != nil || !fi.Mode().IsRegular() {
			return nil, fmt.Errorf("LibreOffice did not convert %s:\n%s", f, out.String())
		}
		if err := docx.MoveInto(produced, targets[i]); err != nil {
			return nil, err
		}
	}
	return targets, nil
}

// slashRoot makes a Windows path (C:/x) a URL path (/C:/x).
func slashRoot(p string) string {
	if strings.HasPrefix(p, "/") {
		return p
	}
	return "/" + p
}
