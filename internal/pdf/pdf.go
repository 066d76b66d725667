package pdf

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

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
	return "", errors.New("--pdf needs LibreOffice, which was not found (soffice is not on PATH). " +
		"Install it: Debian/Ubuntu `sudo apt-get install libreoffice-writer-nogui`, macOS `brew install --cask libreoffice`, " +
		"Windows: libreoffice.org. The DOCX files were written; run again with --pdf --force once it is installed")
}

// Convert writes <name>.pdf beside each DOCX in outDir, through one LibreOffice process. It
// converts into a private directory first and moves the results into place, so an
// interrupted run leaves no partial PDF, and an existing PDF is only replaced with force.
func Convert(files []string, outDir string, force bool) ([]string, error) {
	if len(files) == 0 {
		return nil, nil
	}
	bin, err := Binary()
	if err != nil {
		return nil, err
	}
	var targets []string
	for _, f := range files {
		t := filepath.Join(outDir, strings.TrimSuffix(filepath.Base(f), filepath.Ext(f))+".pdf")
		if !force {
			if _, err := os.Lstat(t); err == nil {
				return nil, fmt.Errorf("%s already exists; use --force to overwrite it", t)
			}
		}
		targets = append(targets, t)
	}
	work, err := os.MkdirTemp(outDir, ".tsdraft-pdf-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(work)
	profileDir, err := os.MkdirTemp("", "tsdraft-lo-profile-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(profileDir)
	args := []string{"-env:UserInstallation=file://" + filepath.ToSlash(profileDir), "--headless", "--norestore",
		"--convert-to", "pdf", "--outdir", work}
	args = append(args, files...)
	cmd := exec.Command(bin, args...)
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Run(); err != nil {
		return nil, fmt.Errorf("LibreOffice failed to convert to PDF: %v\n%s", err, out.String())
	}
	for i, f := range files {
		produced := filepath.Join(work, strings.TrimSuffix(filepath.Base(f), filepath.Ext(f))+".pdf")
		if _, err := os.Stat(produced); err != nil {
			return nil, fmt.Errorf("LibreOffice did not convert %s:\n%s", f, out.String())
		}
		if err := os.Rename(produced, targets[i]); err != nil {
			return nil, err
		}
	}
	return targets, nil
}
