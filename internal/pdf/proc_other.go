//go:build !unix

package pdf

import "os/exec"

// killGroup: elsewhere the default cancellation (killing the process) is what exec offers.
func killGroup(cmd *exec.Cmd) {}
