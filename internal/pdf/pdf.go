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

// ExportFilter is the --convert-to argument: Writer's PDF export with ExportNotes, so that the
// drafting notes of a draft built with --notes comments are in the PDF as PDF comments
// (annotations) where the DOCX has them as Word comments; without it LibreOffice drops them
// and the PDF reads as if there were nothing to check. The JSON form of filter options is
// the one LibreOffice 7.4 and later read ("pdf:writer_pdf_Export:ExportNotes=true" is ignored).
const ExportFilter = `pdf:writer_pdf_Export:{"ExportNotes":{"type":"boolean","value":"true"}}`

// Timeout bounds one LibreOffice run converting n files: its start-up, then a generous time per
// file. A conversion that hangs (a dialog, a listener, a lock) is killed with every process it
// started, rather than holding the batch forever.
var Timeout = func(n int) time.Duration { return 3*time.Minute + time.Duration(n)*20*time.Second }

// Convert is ConvertContext without cancellation.
func Convert(files []string, outDir string, force bool) ([]string, error) {
	return ConvertContext(context.Background(), files, outDir, force)
}

// MaxFilesPerProcess bounds the files one LibreOffice process is given. One process for many
// files saves LibreOffice's start-up per file (seconds), but a long-running soffice was seen to
// stop early and quietly (after 246 of 500 exit pledges, exit status 0); a fresh process per
// run of this many files keeps most of the gain.
var MaxFilesPerProcess = 100

// ConvertContext writes <name>.pdf beside each DOCX in outDir, through LibreOffice processes run
// one after another, each converting up to MaxFilesPerProcess files with the same private user
// profile. A process that stops before converting all its files is followed by one for the rest,
// as long as each converts something. It converts into a private directory first and moves the
// results into place, so an interrupted run leaves no partial PDF, and an existing PDF is only
// replaced with force. On an error, the PDFs already made are moved into place and returned
// with it, so that a caller can report them.
//
// Every path LibreOffice sees is absolute: a file name is never taken for an option, however
// it begins (a name made from a sheet cell such as "--accept=socket,…" would otherwise open a
// network listener). Each process is bounded by Timeout and by ctx; either kills its whole
// process group.
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
	produced := func(i int) string {
		return filepath.Join(work, strings.TrimSuffix(filepath.Base(files[i]), filepath.Ext(files[i]))+".pdf")
	}
	done := func(i int) bool {
		fi, err := os.Lstat(produced(i))
		return err == nil && fi.Mode().IsRegular()
	}
	// place moves the PDFs made so far into outDir, in the order of files.
	place := func(convErr error) ([]string, error) {
		var made []string
		for i := range files {
			if !done(i) {
				continue
			}
			if err := docx.MoveInto(produced(i), targets[i]); err != nil {
				return made, errors.Join(convErr, err)
			}
			made = append(made, targets[i])
		}
		return made, convErr
	}
	pending := make([]int, len(files))
	for i := range pending {
		pending[i] = i
	}
	for len(pending) > 0 {
		run := pending[:min(len(pending), max(1, MaxFilesPerProcess))]
		in := make([]string, len(run))
		for k, i := range run {
			in[k] = abs[i]
		}
		out, err := convertOnce(ctx, bin, profileURL, work, in)
		if err != nil {
			return place(err)
		}
		var missing []int
		for _, i := range run {
			if !done(i) {
				missing = append(missing, i)
			}
		}
		if len(missing) == len(run) {
			return place(fmt.Errorf("LibreOffice did not convert %s:\n%s", files[run[0]], out))
		}
		pending = append(missing, pending[len(run):]...)
	}
	return place(nil)
}

// convertOnce runs one LibreOffice process converting files (absolute paths) into work.
func convertOnce(ctx context.Context, bin, profileURL, work string, files []string) (string, error) {
	args := []string{"-env:UserInstallation=" + profileURL, "--headless", "--norestore",
		"--convert-to", ExportFilter, "--outdir", work}
	args = append(args, files...)
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
			return "", fmt.Errorf("LibreOffice did not finish converting %d file(s) within %v and was stopped; no PDF written for them\n%s", len(files), limit, out.String())
		case ctx.Err() != nil:
			return "", fmt.Errorf("PDF conversion interrupted; no PDF written for the files not yet converted: %w", ctx.Err())
		}
		return "", fmt.Errorf("LibreOffice failed to convert to PDF: %v\n%s", err, out.String())
	}
	return out.String(), nil
}

// slashRoot makes a Windows path (C:/x) a URL path (/C:/x).
func slashRoot(p string) string {
	if strings.HasPrefix(p, "/") {
		return p
	}
	return "/" + p
}
