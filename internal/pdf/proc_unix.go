//go:build unix

package pdf

import (
	"os/exec"
	"syscall"
)

// killGroup starts LibreOffice in its own process group and, on cancellation, kills the whole
// group: soffice starts soffice.bin, which a kill of soffice alone would leave running.
func killGroup(cmd *exec.Cmd) {
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	cmd.Cancel = func() error {
		return syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)
	}
}
