package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestTranslatorToolsKnowALanguageAddedAsData: a language added as data (TRANSLATING.md, "Add a
// language") is one the translators' commands report on, like a built-in one: status lists it,
// and check finds a text it still lacks.
func TestTranslatorToolsKnowALanguageAddedAsData(t *testing.T) {
	dir := koreanLocales(t)
	var out, errw bytes.Buffer
	if code := Main([]string{"locale", "status", "--locales", dir}, nil, &out, &errw); code != 0 {
		t.Fatalf("status: exit %d\n%s%s", code, out.String(), errw.String())
	}
	row := ""
	for _, l := range strings.Split(out.String(), "\n") {
		if strings.HasPrefix(l, "ko ") {
			row = l
		}
	}
	if row == "" || !strings.Contains(row, "100%") {
		t.Fatalf("status has no complete ko row:\n%s", out.String())
	}

	// Take one text out: check reports it missing, at the Korean file.
	common := filepath.Join(dir, "ko", "common.toml")
	b, err := os.ReadFile(common)
	if err != nil {
		t.Fatal(err)
	}
	i := bytes.Index(b, []byte("[draft_notice]"))
	j := bytes.Index(b[i+1:], []byte("\n["))
	if i < 0 || j < 0 {
		t.Fatalf("no [draft_notice] table to take out of %s", common)
	}
	if err := os.WriteFile(common, append(b[:i:i], b[i+1+j+1:]...), 0o644); err != nil {
		t.Fatal(err)
	}
	out.Reset()
	errw.Reset()
	code := Main([]string{"locale", "check", "--locales", dir}, nil, &out, &errw)
	all := out.String() + errw.String()
	if code != 1 || !strings.Contains(all, "common.draft_notice") || !strings.Contains(all, filepath.Join(dir, "ko")) {
		t.Fatalf("check after removing ko common.draft_notice: exit %d\n%s", code, all)
	}
}
