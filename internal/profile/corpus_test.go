package profile_test

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tsdraft/tsdraft/internal/law"
	"github.com/tsdraft/tsdraft/internal/profile"
)

var update = flag.Bool("update", false, "rewrite the .want files of testdata/bad and the schema golden file")

// checkAll runs what `tsdraft check` runs: decode, the per-document checks and the law rules.
func checkAll(name string, src []byte, sets, docs []string) profile.Diagnostics {
	p, ds := profile.Decode(name, src, sets)
	if p != nil {
		ds = append(ds, p.CheckFor(docs, nil)...)
		ds = append(ds, law.Check(p, docs)...)
	}
	return ds.For(docs)
}

// directives reads "# set: …" and "# docs: a,b" lines at the top of a corpus file.
func directives(src []byte) (sets, docs []string) {
	for _, line := range strings.Split(string(src), "\n") {
		if v, ok := strings.CutPrefix(line, "# set: "); ok {
			sets = append(sets, v)
		} else if v, ok := strings.CutPrefix(line, "# docs: "); ok {
			docs = strings.Split(v, ",")
		} else if !strings.HasPrefix(line, "#") {
			break
		}
	}
	return sets, docs
}

// TestBadCorpus checks each testdata/bad/*.toml against its .want file: the exact output of
// `tsdraft check` (every diagnostic with its place, then the summary).
func TestBadCorpus(t *testing.T) {
	files, _ := filepath.Glob("testdata/bad/*.toml")
	if len(files) < 20 {
		t.Fatalf("corpus has %d files", len(files))
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			src, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			sets, docs := directives(src)
			name := filepath.Base(f)
			ds := checkAll(name, src, sets, docs)
			var got bytes.Buffer
			if err := ds.Write(&got); err != nil {
				t.Fatal(err)
			}
			for _, d := range ds {
				if d.File == "" || d.Line < 1 || d.Col < 1 {
					t.Errorf("diagnostic without a position: %+v", d)
				}
				if d.Rule == "" || d.Hint == "" {
					t.Errorf("diagnostic without a rule or hint: %+v", d)
				}
			}
			wantFile := strings.TrimSuffix(f, ".toml") + ".want"
			if *update {
				if err := os.WriteFile(wantFile, got.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(wantFile)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			if got.String() != string(want) {
				t.Errorf("output differs from %s\n--- got\n%s--- want\n%s", wantFile, got.String(), want)
			}
		})
	}
}
