package catalog

import (
	"testing"

	"github.com/tsdraft/tsdraft/internal/testsupport"
)

// entryTOML writes one entry, with a source when source != "".
func entryTOML(table, text, source string) string {
	s := "[" + table + "]\ntext = " + EncodeString(text) + "\n"
	if source != "" {
		s += "source = \"" + source + "\"\n"
	}
	return s
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

// baseTree is a small tree with one general entry, common.purpose.
func baseTree() map[string]string {
	return map[string]string{
		"ja/common.toml": entryTOML("purpose", masterPurpose, ""),
		"en/common.toml": entryTOML("purpose", "Purpose {{ company.name }}.", SourceHash(masterPurpose)),
	}
}

// problemLines formats problems one per line, as check prints them.
func problemLines(ps []Problem) []string {
	out := make([]string, len(ps))
	for i, p := range ps {
		out[i] = p.String()
	}
	return out
}

// mapFS and writeTree: the shared test trees (internal/testsupport).
var (
	mapFS     = testsupport.MapFS
	writeTree = testsupport.WriteTree
)
