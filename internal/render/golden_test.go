package render

import (
	"bytes"
	"flag"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	tsdraft "github.com/tsdraft/tsdraft"
	"github.com/tsdraft/tsdraft/internal/catalog"
	"github.com/tsdraft/tsdraft/internal/docx"
	"github.com/tsdraft/tsdraft/internal/docxtext"
	"github.com/tsdraft/tsdraft/internal/profile"
)

var update = flag.Bool("update", false, "rewrite the golden text dumps")

var (
	rendererOnce sync.Once
	shared       *Renderer
	sharedErr    error
)

func testRenderer(t testing.TB) *Renderer {
	t.Helper()
	rendererOnce.Do(func() {
		lfs, _ := fs.Sub(tsdraft.Locales, "locales")
		cat, err := catalog.Load(lfs)
		if err != nil {
			sharedErr = err
			return
		}
		tfs, _ := fs.Sub(tsdraft.Templates, "templates")
		shared = &Renderer{Templates: tfs, Catalog: cat, Version: "test"}
	})
	if sharedErr != nil {
		t.Fatal(sharedErr)
	}
	return shared
}

func sample(t testing.TB, jur string, sets ...string) *profile.Profile {
	t.Helper()
	src, err := profile.Sample(jur, nil)
	if err != nil {
		t.Fatal(err)
	}
	p, diags := profile.Decode(jur+".toml", src, sets)
	if diags.HasErrors() {
		t.Fatalf("%s sample: %v", jur, diags)
	}
	return p
}

func renderDump(t *testing.T, r *Renderer, req Request) (string, []byte) {
	return renderDumpWith(t, r, req, docxtext.Dump)
}

// renderDetailed is renderDump with runs, breaks and sections (the golden files).
func renderDetailed(t *testing.T, r *Renderer, req Request) (string, []byte) {
	return renderDumpWith(t, r, req, docxtext.Detailed)
}

func renderDumpWith(t *testing.T, r *Renderer, req Request, dumpf func(*docx.Package) (string, error)) (string, []byte) {
	t.Helper()
	outs, err := r.Render(req)
	if err != nil {
		t.Fatalf("%s %s: %v", req.Doc, req.Profile.Jurisdiction, err)
	}
	b, err := outs[0].Package.Bytes()
	if err != nil {
		t.Fatal(err)
	}
	if err := docx.Verify(b); err != nil {
		t.Fatalf("%s %s: %v", req.Doc, req.Profile.Jurisdiction, err)
	}
	pkg, err := docx.Open("out.docx", b)
	if err != nil {
		t.Fatal(err)
	}
	dump, err := dumpf(pkg)
	if err != nil {
		t.Fatal(err)
	}
	return dump, b
}

// TestGolden renders every document for every jurisdiction in the default bilingual layout of
// its sample profile and compares the text with testdata/golden. Refresh with -update and
// review the diff like code.
func TestGolden(t *testing.T) {
	r := testRenderer(t)
	for _, jur := range profile.Jurisdictions {
		p := sample(t, jur)
		for _, d := range Documents {
			t.Run(d.ID+"."+jur, func(t *testing.T) {
				req := Request{Doc: d.ID, Profile: p, Langs: p.Languages, Layout: p.Layout, ProfileSHA: "0"}
				got, b1 := renderDetailed(t, r, req)
				if strings.Contains(got, "{{") || strings.Contains(got, "}}") {
					t.Errorf("a tag was left in the output")
				}
				_, b2 := renderDump(t, r, req)
				if !bytes.Equal(b1, b2) {
					t.Errorf("two renders of the same inputs differ")
				}
				path := filepath.Join("testdata", "golden", d.ID+"."+jur+".txt")
				if *update {
					os.MkdirAll(filepath.Dir(path), 0o755)
					if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
						t.Fatal(err)
					}
					return
				}
				want, err := os.ReadFile(path)
				if err != nil {
					t.Fatalf("%v (run go test ./internal/render -run TestGolden -update)", err)
				}
				if got != string(want) {
					t.Errorf("text differs from %s (go test ./internal/render -run TestGolden -update, then review the diff)\n%s", path, firstDiff(string(want), got))
				}
			})
		}
	}
}

func firstDiff(want, got string) string {
	wl, gl := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < len(wl) || i < len(gl); i++ {
		var w, g string
		if i < len(wl) {
			w = wl[i]
		}
		if i < len(gl) {
			g = gl[i]
		}
		if w != g {
			return "line " + itoa(i+1) + ":\n- " + w + "\n+ " + g
		}
	}
	return ""
}

func itoa(i int) string { return strings.TrimSpace(strings.Repeat(" ", 0) + fmtInt(i)) }

func fmtInt(i int) string {
	if i < 10 {
		return string(rune('0' + i))
	}
	return fmtInt(i/10) + string(rune('0'+i%10))
}

func TestFinalDropsDraftNotice(t *testing.T) {
	r := testRenderer(t)
	p := sample(t, "JP")
	draft, _ := renderDump(t, r, Request{Doc: "nda-employee", Profile: p, Langs: []string{"ja"}})
	final, _ := renderDump(t, r, Request{Doc: "nda-employee", Profile: p, Langs: []string{"ja"}, Final: true})
	notice, err := r.Catalog.Text("ja", "JP", "common.draft_notice")
	if err != nil {
		t.Fatal(err)
	}
	first := strings.SplitN(notice, "。", 2)[0]
	if !strings.Contains(draft, first) || strings.Contains(final, first) {
		t.Errorf("draft notice should be in the draft only")
	}
}

// TestEveryLanguageAndLayout: every document builds for every jurisdiction in its local
// language, in Japanese, in English, bilingually with Japanese or English, in every layout.
func TestEveryLanguageAndLayout(t *testing.T) {
	r := testRenderer(t)
	for _, jur := range profile.Jurisdictions {
		p := sample(t, jur)
		local := p.Languages[0]
		combos := [][]string{{local}, {"ja"}, {"en"}, {local, "en"}}
		if local == "en" {
			combos = [][]string{{"en"}, {"ja"}, {"en", "ja"}}
		}
		if local == "ja" {
			combos = [][]string{{"ja"}, {"en"}, {"ja", "en"}}
		}
		for _, d := range Documents {
			for _, langs := range combos {
				layouts := []string{Interleave}
				if len(langs) == 2 {
					layouts = []string{Interleave, Columns, Separate}
				}
				for _, layout := range layouts {
					outs, err := r.Render(Request{Doc: d.ID, Profile: p, Langs: langs, Layout: layout})
					if err != nil {
						t.Errorf("%s %s %v %s: %v", d.ID, jur, langs, layout, err)
						continue
					}
					for _, o := range outs {
						if err := o.Package.Check(); err != nil {
							t.Errorf("%s %s %v %s: %v", d.ID, jur, langs, layout, err)
						}
						b, err := o.Package.Bytes()
						if err == nil {
							err = docx.Verify(b)
						}
						if err != nil {
							t.Errorf("%s %s %v %s: %v", d.ID, jur, langs, layout, err)
						}
					}
				}
			}
		}
	}
}
