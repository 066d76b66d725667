package cli

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tsdraft/tsdraft/internal/testsupport"
	"github.com/tsdraft/tsdraft/internal/tplgen"
)

// TestHostileTemplatesAreRefusedByCheckAndRender: what `template check` accepts, `render`
// renders, and what one refuses the other refuses with the same reason.
func TestHostileTemplatesAreRefusedByCheckAndRender(t *testing.T) {
	dir := t.TempDir()
	initProfile(t, dir, "JP")
	good, err := tplgen.Generate("good", "custom", []byte("p: {{ company.name }}\n"))
	if err != nil {
		t.Fatal(err)
	}
	styles := "word/styles.xml"
	cases := map[string]struct {
		data []byte
		want string
	}{
		"slip.docx": {testsupport.RewriteDocx(t, good, nil, map[string]string{"../../evil.xml": "<a/>"}),
			`the archive entry "../../evil.xml" has a '..' segment`},
		"abs.docx": {testsupport.RewriteDocx(t, good, nil, map[string]string{"/tmp/evil.png": "x"}),
			`the archive entry "/tmp/evil.png" is an absolute path`},
		"doctype.docx": {testsupport.RewriteDocx(t, good, func(n string, b []byte) (string, []byte, bool) {
			if n == styles {
				b = bytes.Replace(b, []byte("?>"), []byte(`?><!DOCTYPE w:styles [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;">]>`), 1)
			}
			return n, b, false
		}, nil), "word/styles.xml is not well-formed XML: line 1: DOCTYPE declaration"},
		"crc.docx": {func() []byte {
			b := testsupport.RewriteDocx(t, good, func(n string, b []byte) (string, []byte, bool) { return n, b, n == styles }, nil)
			i := bytes.Index(b, []byte("w:styleId="))
			b[i+3] ^= 0x20 // "w:styleId" → "w:sTyleId": same size, wrong checksum
			return b
		}(), "part word/styles.xml is damaged (zip: checksum error)"},
	}
	for name, c := range cases {
		if err := os.WriteFile(filepath.Join(dir, name), c.data, 0o644); err != nil {
			t.Fatal(err)
		}
		r := runIn(t, dir, "template", "check", name)
		if r.code != 1 || !strings.Contains(r.stdout, c.want) {
			t.Errorf("template check %s: want exit 1 and %q, got %d:\n%s%s", name, c.want, r.code, r.stdout, r.stderr)
		}
		out := strings.TrimSuffix(name, ".docx") + "-out.docx"
		r = runIn(t, dir, "render", name, "p.toml", "-o", out)
		if r.code != 1 || !strings.Contains(r.stderr, c.want) {
			t.Errorf("render %s: want exit 1 and %q, got %d:\n%s", name, c.want, r.code, r.stderr)
		}
		if _, err := os.Stat(filepath.Join(dir, out)); err == nil {
			t.Errorf("render %s wrote %s", name, out)
		}
	}
	os.WriteFile(filepath.Join(dir, "good.docx"), good, 0o644)
	if r := runIn(t, dir, "template", "check", "good.docx"); r.code != 0 {
		t.Errorf("the intact template: %d %s", r.code, r.stdout)
	}
}

// TestAdviceThatCannotHarm: render -o into a folder says so without suggesting --force (which
// cannot replace a folder); build --pdf without LibreOffice writes nothing and does not advise
// --pdf --force (which would re-draft documents already issued).
func TestAdviceThatCannotHarm(t *testing.T) {
	bin := tsdraftBin(t)
	dir := t.TempDir()
	initProfile(t, dir, "JP")
	writeTemplate(t, dir, "letter.docx", "p: {{ company.name }}\n")
	os.Mkdir(filepath.Join(dir, "outdir"), 0o755)
	for _, force := range []bool{false, true} {
		args := []string{"render", "letter.docx", "p.toml", "-o", "outdir"}
		if force {
			args = append(args, "--force")
		}
		r := runIn(t, dir, args...)
		if r.code != 1 || !strings.Contains(r.stderr, "outdir is a folder, not a file; nothing written") || strings.Contains(r.stderr, "--force") {
			t.Errorf("render -o DIR (force %v): %d %s", force, r.code, r.stderr)
		}
	}
	if _, err := os.Stat("/Applications/LibreOffice.app"); err == nil {
		t.Skip("LibreOffice is installed in /Applications")
	}
	for _, args := range [][]string{
		{"build", "p.toml", "-o", "out", "--doc", "nda-employee", "--pdf"},
		{"batch", "p.toml", "--people", "people.csv", "-o", "out", "--pdf"},
	} {
		os.WriteFile(filepath.Join(dir, "people.csv"), []byte("employee.id,employee.name,employee.exit_date\nE-1,山田,2026-03-31\n"), 0o644)
		cmd := exec.Command(bin, args...)
		cmd.Dir = dir
		cmd.Env = []string{"PATH=" + t.TempDir(), "HOME=" + dir}
		out, err := cmd.CombinedOutput()
		if err == nil || strings.Contains(string(out), "--force") || !strings.Contains(string(out), "nothing written; install LibreOffice and run the same command again") {
			t.Errorf("%s without LibreOffice: %v\n%s", args[0], err, out)
		}
		if _, err := os.Stat(filepath.Join(dir, "out")); err == nil {
			t.Errorf("%s wrote into out/ before finding LibreOffice missing", args[0])
		}
	}
}

// TestBuildPDFChecksEveryTargetFirst: with --pdf, an existing PDF stops build before any DOCX
// is written, not after (which would leave half a set and advise --force).
func TestBuildPDFChecksEveryTargetFirst(t *testing.T) {
	bin := tsdraftBin(t)
	dir := t.TempDir()
	initProfile(t, dir, "JP")
	fake := t.TempDir()
	script := "#!/bin/sh\nout=\"\"; prev=\"\"\nfor a in \"$@\"; do\n  if [ \"$prev\" = \"--outdir\" ]; then out=\"$a\"; fi\n  case \"$a\" in /*.docx) b=$(basename \"$a\" .docx); printf '%%PDF' > \"$out/$b.pdf\";; esac\n  prev=\"$a\"\ndone\n"
	if err := os.WriteFile(filepath.Join(fake, "soffice"), []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	env := []string{"PATH=" + fake + string(os.PathListSeparator) + os.Getenv("PATH"), "HOME=" + dir}
	run := func() (string, error) {
		cmd := exec.Command(bin, "build", "p.toml", "-o", "out", "--doc", "nda-employee", "--pdf")
		cmd.Dir, cmd.Env = dir, env
		out, err := cmd.CombinedOutput()
		return string(out), err
	}
	if out, err := run(); err != nil {
		t.Fatalf("first build: %v\n%s", err, out)
	}
	entries, _ := os.ReadDir(filepath.Join(dir, "out"))
	var docs []string
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".docx") {
			docs = append(docs, e.Name())
			os.Remove(filepath.Join(dir, "out", e.Name()))
		}
	}
	if len(docs) == 0 || len(entries) != 2*len(docs) {
		t.Fatalf("first build wrote %v", entries)
	}
	out, err := run()
	if err == nil || !strings.Contains(out, ".pdf") || !strings.Contains(out, "nothing written") {
		t.Fatalf("second build: %v\n%s", err, out)
	}
	if _, err := os.Stat(filepath.Join(dir, "out", docs[0])); err == nil {
		t.Errorf("%s was written although its PDF exists", docs[0])
	}
}
