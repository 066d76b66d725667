package testsupport

import (
	"os"
	"os/exec"
	"strings"
	"testing"
)

// Required reports whether the environment requires the external tools (CI, or
// TSDRAFT_REQUIRE_LIBREOFFICE / TSDRAFT_REQUIRE_TOOLS set): there a missing tool is a failure.
func Required() bool {
	return os.Getenv("CI") != "" || os.Getenv("TSDRAFT_REQUIRE_LIBREOFFICE") != "" || os.Getenv("TSDRAFT_REQUIRE_TOOLS") != ""
}

// LookTool finds a command; "soffice" is LibreOffice under either of its names.
func LookTool(name string) (string, error) {
	p, err := exec.LookPath(name)
	if err != nil && name == "soffice" {
		p, err = exec.LookPath("libreoffice")
	}
	return p, err
}

// NeedTools returns the paths of the named commands. A missing one skips the test locally and
// fails it where the environment requires the tools (Required).
func NeedTools(t testing.TB, names ...string) []string {
	t.Helper()
	var paths, missing []string
	for _, n := range names {
		p, err := LookTool(n)
		if err != nil {
			missing = append(missing, n)
		}
		paths = append(paths, p)
	}
	if len(missing) == 0 {
		return paths
	}
	if Required() {
		t.Fatalf("%s required here and not installed", strings.Join(missing, ", "))
	}
	t.Skipf("%s not installed (with TSDRAFT_REQUIRE_TOOLS=1 this is a failure)", strings.Join(missing, ", "))
	return nil
}

// NeedLibreOffice is NeedTools for LibreOffice and the poppler tools a test reads PDF files
// with; it also skips with -short, since a conversion takes seconds. It returns soffice's path.
func NeedLibreOffice(t testing.TB, poppler ...string) string {
	t.Helper()
	if testing.Short() {
		t.Skip("integration test: skipped with -short")
	}
	return NeedTools(t, append([]string{"soffice"}, poppler...)...)[0]
}
