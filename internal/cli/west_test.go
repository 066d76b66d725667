package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// initTo writes the init sample of jur into dir through the command line.
func initTo(t *testing.T, dir, jur string) string {
	t.Helper()
	prof := filepath.Join(dir, strings.ToLower(jur)+".toml")
	var out, errw bytes.Buffer
	if code := Main([]string{"init", "-j", jur, "-o", prof}, nil, &out, &errw); code != 0 {
		t.Fatalf("init %s: %d %s", jur, code, errw.String())
	}
	return prof
}

// The UK sample is an unpaid English covenant with garden leave and fresh consideration, and
// `check` passes it (review 2026-12 C, UK).
func TestUKSampleUnpaidWithGardenLeave(t *testing.T) {
	dir := t.TempDir()
	prof := initTo(t, dir, "UK")
	b, err := os.ReadFile(prof)
	if err != nil {
		t.Fatal(err)
	}
	src := string(b)
	if strings.Contains(src, "compensation_percent") {
		t.Error("the UK sample promises compensation; English law asks for none")
	}
	for _, w := range []string{"[uk]", "garden_leave_months = 3", "consideration_amount = 500"} {
		if !strings.Contains(src, w) {
			t.Errorf("the UK sample lacks %q", w)
		}
	}
	var out, errw bytes.Buffer
	if code := Main([]string{"check", prof}, nil, &out, &errw); code != 0 {
		t.Errorf("check UK sample: exit %d, %s%s", code, out.String(), errw.String())
	}
	// The same keys in a German profile are refused, not silently dropped.
	de := initTo(t, dir, "DE")
	out.Reset()
	errw.Reset()
	code := Main([]string{"check", de, "--set", "uk.garden_leave_months=3"}, nil, &out, &errw)
	if code != 1 || !strings.Contains(out.String()+errw.String(), "ALL-UK-001") {
		t.Errorf("DE with [uk]: exit %d, %s%s", code, out.String(), errw.String())
	}
}

// An EU profile under a Member State's law with no module builds its partner NDA but refuses
// the employee documents, with the rule and what to do, and writes nothing for them.
func TestEUOtherMemberStateRefusesEmployeeDocuments(t *testing.T) {
	dir := t.TempDir()
	prof := initTo(t, dir, "EU")
	nl := `dispute.governing_law={ en = "the laws of the Netherlands", ja = "オランダ法", de = "niederländisches Recht" }`
	var out, errw bytes.Buffer
	outDir := filepath.Join(dir, "out")
	code := Main([]string{"build", prof, "--set", nl, "--doc", "exit-pledge", "-o", outDir}, nil, &out, &errw)
	msg := out.String() + errw.String()
	if code != 1 || !strings.Contains(msg, "EU-LAW-002") || !strings.Contains(msg, `jurisdiction = \"DE\"`) && !strings.Contains(msg, `jurisdiction = "DE"`) {
		t.Errorf("exit-pledge under Dutch law: exit %d, %s", code, msg)
	}
	if _, err := os.Stat(filepath.Join(outDir, "exit-pledge.EU.de+ja.docx")); err == nil {
		t.Error("a refused exit pledge was written")
	}
	out.Reset()
	errw.Reset()
	if code := Main([]string{"build", prof, "--set", nl, "--doc", "nda-partner", "-o", outDir}, nil, &out, &errw); code != 0 {
		t.Errorf("nda-partner under Dutch law: exit %d, %s%s", code, out.String(), errw.String())
	}
	// German law (the sample): the employee documents build, with the German texts.
	out.Reset()
	errw.Reset()
	if code := Main([]string{"build", prof, "--doc", "exit-pledge", "-o", filepath.Join(dir, "de")}, nil, &out, &errw); code != 0 {
		t.Errorf("exit-pledge under German law: exit %d, %s%s", code, out.String(), errw.String())
	}
}
