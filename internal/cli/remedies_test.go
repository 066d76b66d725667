package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tsdraft/tsdraft/internal/testsupport"
)

// The penalty switch through the real binary (issue 10): refused with the statute and nothing
// written where the law forbids it; drafted, in every layout, where it allows it.
func TestPenaltyBuild(t *testing.T) {

	t.Run("JP refuses and writes nothing", func(t *testing.T) {
		dir := t.TempDir()
		initProfile(t, dir, "JP")
		r := runIn(t, dir, "build", "p.toml", "-o", "out", "--set", "remedies.penalty=true")
		if r.code != 1 || !strings.Contains(r.stderr, "[JP-REM-001]") || !strings.Contains(r.stderr, "労働基準法第16条") ||
			!strings.Contains(r.stderr, "--set:1:18") {
			t.Errorf("build JP with a penalty: %+v", r)
		}
		if _, err := os.Stat(filepath.Join(dir, "out")); !os.IsNotExist(err) {
			t.Errorf("build JP with a penalty wrote output: %v", err)
		}
		// The partner NDA is no employee document: a JP profile with the switch still builds it.
		r = runIn(t, dir, "build", "p.toml", "-o", "b2b", "--doc", "nda-partner", "--set", "remedies.penalty=true")
		if r.code != 0 {
			t.Errorf("build JP nda-partner: %+v", r)
		}
	})

	t.Run("CN refuses outside the non-compete", func(t *testing.T) {
		dir := t.TempDir()
		initProfile(t, dir, "CN")
		r := runIn(t, dir, "check", "p.toml", "--set", "remedies.penalty=true")
		if r.code != 1 || !strings.Contains(r.stdout, "[CN-REM-001]") || !strings.Contains(r.stdout, "第23条") {
			t.Errorf("check CN with a penalty: %+v", r)
		}
	})

	t.Run("TH drafts it in every layout", func(t *testing.T) {
		dir := t.TempDir()
		initProfile(t, dir, "TH")
		for _, layout := range []string{"interleave", "columns", "separate"} {
			out := "out-" + layout
			r := runIn(t, dir, "build", "p.toml", "-o", out, "--doc", "exit-pledge", "--layout", layout, "--set", "remedies.penalty=true")
			if r.code != 0 {
				t.Fatalf("build TH %s: %+v", layout, r)
			}
			var all strings.Builder
			for _, f := range dirEntries(t, filepath.Join(dir, out)) {
				all.WriteString(testsupport.DocText(t, filepath.Join(dir, out, f)))
			}
			for _, want := range []string{"เบี้ยปรับ", "違約金を会社に支払う"} {
				if !strings.Contains(all.String(), want) {
					t.Errorf("TH exit-pledge %s: %q is missing", layout, want)
				}
			}
		}
	})
}
