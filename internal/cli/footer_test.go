package cli

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/tsdraft/tsdraft/internal/testsupport"
)

// footerOfDump is the footer section of a docxtext dump.
func footerOfDump(dump string) string {
	_, rest, _ := strings.Cut(dump, "[footer1]\n")
	footer, _, _ := strings.Cut(rest, "[/footer1]")
	return strings.TrimSpace(footer)
}

// TestBuildFooterNumber: the command line builds a document with its own number in the footer
// (documents.<doc>.id), beside the copy notice and the page; a document without one prints
// neither a number nor the tool's document ID; a number too long for the footer is refused
// with its place, nothing written.
func TestBuildFooterNumber(t *testing.T) {
	dir := t.TempDir()
	initProfile(t, dir, "JP")
	r := runIn(t, dir, "build", "p.toml", "-o", "out", "--doc", "nda-partner,exit-pledge", "--lang", "ja",
		"--set", `documents.nda-partner.id="LEG-NDA-014"`)
	if r.code != 0 {
		t.Fatalf("build: %d %s", r.code, r.stderr)
	}
	partner := footerOfDump(testsupport.DocText(t, filepath.Join(dir, "out", "nda-partner.JP.ja.docx")))
	if want := "| LEG-NDA-014 | 無断複製・転送禁止 | 1 / 1 |"; partner != want {
		t.Errorf("nda-partner footer %q, want %q", partner, want)
	}
	pledge := footerOfDump(testsupport.DocText(t, filepath.Join(dir, "out", "exit-pledge.JP.ja.docx")))
	if want := "|  | 無断複製・転送禁止 | 1 / 1 |"; pledge != want {
		t.Errorf("exit-pledge footer %q, want %q (no number, no tool ID)", pledge, want)
	}
	r = runIn(t, dir, "build", "p.toml", "-o", "out2", "--doc", "nda-partner",
		"--set", `documents.nda-partner.id="ACME-LEGAL-NDA-2026-0014"`)
	if r.code != 1 || !strings.Contains(r.stderr, "documents.nda-partner.id is too long for the footer line") || !strings.Contains(r.stderr, "--set:1") {
		t.Errorf("a long number: exit %d, stderr %s", r.code, r.stderr)
	}
	if files, _ := filepath.Glob(filepath.Join(dir, "out2", "*")); len(files) > 0 {
		t.Errorf("files written on error: %v", files)
	}
}
