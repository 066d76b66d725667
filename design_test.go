package tsdraft_test

import (
	"os"
	"os/exec"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// docs/design.md's package table must name exactly the packages of the module, so that the
// page a reader trusts keeps up with the code.
func TestDesignPackageTable(t *testing.T) {
	out, err := exec.Command("go", "list", "-f", "{{.ImportPath}}", "./...").Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	const module = "github.com/tsdraft/tsdraft"
	var pkgs []string
	for _, p := range strings.Fields(string(out)) {
		rel := strings.TrimPrefix(strings.TrimPrefix(p, module), "/")
		if rel == "" {
			rel = "."
		}
		pkgs = append(pkgs, rel)
	}
	sec := designSection(t, "Packages")
	var table []string
	for _, m := range regexp.MustCompile("(?m)^\\| `([^`]+)`").FindAllStringSubmatch(sec, -1) {
		table = append(table, m[1])
	}
	for _, p := range pkgs {
		if !slices.Contains(table, p) {
			t.Errorf("package %s is missing from the table of docs/design.md", p)
		}
	}
	for _, p := range table {
		if !slices.Contains(pkgs, p) {
			t.Errorf("docs/design.md lists %s, which is not a package of the module", p)
		}
	}
	if len(table) == 0 {
		t.Error("no package rows found in docs/design.md")
	}
}

// Every package states its one job in a doc.go.
func TestEveryPackageHasADocGo(t *testing.T) {
	out, err := exec.Command("go", "list", "-f", "{{.Dir}}\t{{.Name}}", "./...").Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		dir, name, _ := strings.Cut(line, "\t")
		b, err := os.ReadFile(dir + "/doc.go")
		if err != nil {
			t.Errorf("%s: no doc.go", dir)
			continue
		}
		want := "// Package " + name + " "
		if name == "main" {
			want = "// Command "
		}
		if !strings.HasPrefix(string(b), want) {
			t.Errorf("%s/doc.go does not begin with %q", dir, want)
		}
	}
}

// docs/design.md's layers hold: no package imports one of a layer above its own, and every
// package of the module is in a layer.
func TestLayersImportDownward(t *testing.T) {
	out, err := exec.Command("go", "list", "-f", "{{.ImportPath}} {{join .Imports \" \"}}", "./...").Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	sec := designSection(t, "Layers")
	layer := map[string]int{}
	for _, m := range regexp.MustCompile(`(?m)^(\d+)\. [^:\n]*: (.*)$`).FindAllStringSubmatch(sec, -1) {
		n := 0
		for _, c := range m[1] {
			n = n*10 + int(c-'0')
		}
		for _, p := range regexp.MustCompile("`([^`]+)`").FindAllStringSubmatch(m[2], -1) {
			layer[p[1]] = n
		}
	}
	if len(layer) == 0 {
		t.Fatal("no layers found in docs/design.md")
	}
	const module = "github.com/tsdraft/tsdraft"
	rel := func(p string) (string, bool) {
		if p == module {
			return ".", true
		}
		r, ok := strings.CutPrefix(p, module+"/")
		return r, ok
	}
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		f := strings.Fields(line)
		from, _ := rel(f[0])
		lf, ok := layer[from]
		if !ok {
			t.Errorf("package %s is in no layer of docs/design.md", from)
			continue
		}
		for _, imp := range f[1:] {
			to, ok := rel(imp)
			if !ok {
				continue
			}
			if lt, ok := layer[to]; ok && lt < lf {
				t.Errorf("%s (layer %d) imports %s (layer %d), a layer above it", from, lf, to, lt)
			}
		}
	}
}

// designSection returns the text of the section of docs/design.md whose heading begins with
// "## "+heading, up to the next section.
func designSection(t *testing.T, heading string) string {
	t.Helper()
	md, err := os.ReadFile("docs/design.md")
	if err != nil {
		t.Fatal(err)
	}
	sec := string(md)
	start := strings.Index(sec, "## "+heading)
	if start < 0 {
		t.Fatalf("docs/design.md has no \"## %s\" section", heading)
	}
	sec = sec[start+3:]
	if end := strings.Index(sec, "\n## "); end >= 0 {
		sec = sec[:end]
	}
	return sec
}
