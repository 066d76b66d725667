package translate

import (
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/tsdraft/tsdraft/internal/catalog"
	"github.com/tsdraft/tsdraft/internal/testsupport"
)

// readTree reads every file under dir as path → content.
func readTree(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		out[filepath.ToSlash(rel)] = string(data)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// entryTOML writes one entry, with a source when source != "".
func entryTOML(table, text, source string) string {
	s := "[" + table + "]\ntext = " + catalog.EncodeString(text) + "\n"
	if source != "" {
		s += "source = \"" + source + "\"\n"
	}
	return s
}

// complete returns a tree in which every language translates the given general master
// texts (table → text) correctly, translations being produced by tr.
func complete(master map[string]string, tr func(lang, table, text string) string) map[string]string {
	files := map[string]string{}
	for _, lang := range catalog.Languages {
		var b strings.Builder
		for _, table := range slices.Sorted(maps.Keys(master)) {
			text := master[table]
			if lang == catalog.Master {
				b.WriteString(entryTOML(table, text, ""))
			} else {
				b.WriteString(entryTOML(table, tr(lang, table, text), catalog.SourceHash(text)))
			}
			b.WriteString("\n")
		}
		files[lang+"/common.toml"] = b.String()
	}
	return files
}

// problemLines formats problems one per line, as check prints them.
func problemLines(ps []catalog.Problem) []string {
	out := make([]string, len(ps))
	for i, p := range ps {
		out[i] = p.String()
	}
	return out
}

func mustInspect(t testing.TB, files map[string]string, overrides ...string) *Tree {
	t.Helper()
	c, err := Inspect(mapFS(files), overrides...)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// mapFS and writeTree: the shared test trees (internal/testsupport).
var (
	mapFS     = testsupport.MapFS
	writeTree = testsupport.WriteTree
)
