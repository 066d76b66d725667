package catalog

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
)

// mapFS builds an in-memory locale tree from path → content.
func mapFS(files map[string]string) fstest.MapFS {
	m := fstest.MapFS{}
	for p, s := range files {
		m[p] = &fstest.MapFile{Data: []byte(s)}
	}
	return m
}

// entryTOML writes one entry, with a source when source != "".
func entryTOML(table, text, source string) string {
	s := "[" + table + "]\ntext = " + EncodeString(text) + "\n"
	if source != "" {
		s += "source = \"" + source + "\"\n"
	}
	return s
}

// complete returns a tree in which every language translates the given general master
// texts (table → text) correctly, translations being produced by tr.
func complete(master map[string]string, tr func(lang, table, text string) string) map[string]string {
	files := map[string]string{}
	for _, lang := range Languages {
		var b strings.Builder
		for _, table := range sortedKeys(master) {
			text := master[table]
			if lang == Master {
				b.WriteString(entryTOML(table, text, ""))
			} else {
				b.WriteString(entryTOML(table, tr(lang, table, text), SourceHash(text)))
			}
			b.WriteString("\n")
		}
		files[lang+"/common.toml"] = b.String()
	}
	return files
}

func mustInspect(t testing.TB, files map[string]string, overrides ...string) *Catalog {
	t.Helper()
	c, err := Inspect(mapFS(files), overrides...)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

const masterPurpose = "秘密情報を{{ company.name }}の外に持ち出さない。"

// baseTree is a complete tree with one general entry, common.purpose.
func baseTree() map[string]string {
	return complete(map[string]string{"purpose": masterPurpose}, func(lang, _, _ string) string { return "Purpose (" + lang + ") {{ company.name }}." })
}

// writeTree writes path → content under dir and returns dir.
func writeTree(t *testing.T, dir string, files map[string]string) string {
	t.Helper()
	for p, s := range files {
		full := filepath.Join(dir, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(full, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// problemLines formats problems one per line, as check prints them.
func problemLines(ps []Problem) []string {
	out := make([]string, len(ps))
	for i, p := range ps {
		out[i] = p.String()
	}
	return out
}
