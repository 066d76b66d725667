package main

import (
	"encoding/csv"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"strings"
	"sync"
	"time"

	tsdraft "github.com/tsdraft/tsdraft"
	"github.com/tsdraft/tsdraft/internal/catalog"
	"github.com/tsdraft/tsdraft/internal/docx"
	"github.com/tsdraft/tsdraft/internal/profile"
	"github.com/tsdraft/tsdraft/internal/render"
)

// runDrive renders every row of a people CSV in-process, the way `tsdraft batch` does, without
// the CLI: profile loaded once, one data map per row (the row's columns set over the profile's
// data), internal/render, then docx.WriteFile (verify, temp file, rename). It is the measurement
// of the engine and the file writing alone, beside the CLI's figure; with -cpuprofile it shows
// where the time goes.
func runDrive(args []string) error {
	fl := flag.NewFlagSet("drive", flag.ContinueOnError)
	prof := fl.String("profile", "", "profile")
	people := fl.String("people", "", "people CSV (header: profile paths)")
	tmpl := fl.String("template", "", "own template to fill (custom, first profile language)")
	doc := fl.String("doc", "", "shipped document to render instead (e.g. exit-pledge, profile languages and layout)")
	out := fl.String("o", "out", "output directory")
	jobs := fl.Int("j", runtime.NumCPU(), "workers")
	cpuprof := fl.String("cpuprofile", "", "write a CPU profile here")
	if err := fl.Parse(args); err != nil {
		return err
	}
	if (*tmpl == "") == (*doc == "") {
		return fmt.Errorf("give exactly one of -template and -doc")
	}
	if *cpuprof != "" {
		f, err := os.Create(*cpuprof)
		if err != nil {
			return err
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			return err
		}
		defer pprof.StopCPUProfile()
	}
	start := time.Now()
	p, diags, err := profile.Load(*prof, nil)
	if err != nil {
		return err
	}
	if p == nil || diags.HasErrors() {
		return fmt.Errorf("%s has errors:\n%s", *prof, diags.Summary())
	}
	f, err := os.Open(*people)
	if err != nil {
		return err
	}
	defer f.Close()
	// Rows are streamed, not read whole, so memory does not grow with N.
	cr := csv.NewReader(f)
	cr.ReuseRecord = false
	header, err := cr.Read()
	if err != nil {
		return fmt.Errorf("%s: reading the header: %w", *people, err)
	}
	r, err := newRenderer()
	if err != nil {
		return err
	}
	var custom *render.Custom
	if *tmpl != "" {
		b, err := os.ReadFile(*tmpl)
		if err != nil {
			return err
		}
		if custom, err = render.ParseCustom(*tmpl, b); err != nil {
			return err
		}
	}
	if err := os.MkdirAll(*out, 0o755); err != nil {
		return err
	}
	base := p.Data()
	name := *doc
	if custom != nil {
		name = custom.ID
	}

	type job struct {
		line int
		row  []string
	}
	work := make(chan job)
	errs := make(chan error, 1)
	fail := func(err error) {
		select { // keep the first error; workers keep draining so the reader never blocks
		case errs <- err:
		default:
		}
	}
	var wg sync.WaitGroup
	for w := 0; w < *jobs; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range work {
				if err := driveRow(r, p, custom, *doc, base, header, j.row, filepath.Join(*out, fmt.Sprintf("%s_%s.docx", name, j.row[0]))); err != nil {
					fail(fmt.Errorf("row %d: %w", j.line, err))
				}
			}
		}()
	}
	count := 0
	for {
		row, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			fail(fmt.Errorf("%s: %w", *people, err))
			break
		}
		count++
		work <- job{line: count + 1, row: row}
	}
	close(work)
	wg.Wait()
	select {
	case err := <-errs:
		return err
	default:
	}
	el := time.Since(start)
	fmt.Fprintf(os.Stderr, "drive: %d documents in %.3fs (%.0f/s)\n", count, el.Seconds(), float64(count)/el.Seconds())
	return nil
}

func driveRow(r *render.Renderer, p *profile.Profile, custom *render.Custom, doc string, base map[string]any, header, row []string, path string) error {
	data, err := rowData(base, header, row)
	if err != nil {
		return err
	}
	var pkg *docx.Package
	if custom != nil {
		pkg, err = r.RenderCustom(custom, render.Request{Profile: p, Data: data, Langs: p.Languages[:1]})
	} else {
		var outs []render.Output
		outs, err = r.Render(render.Request{Doc: doc, Profile: p, Data: data, Langs: p.Languages, Layout: p.Layout})
		if err == nil {
			pkg = outs[0].Package
		}
	}
	if err != nil {
		return err
	}
	b, err := pkg.Bytes()
	if err != nil {
		return err
	}
	return docx.WriteFile(path, b, true, docx.Verify)
}

func newRenderer() (*render.Renderer, error) {
	lfs, err := fs.Sub(tsdraft.Locales, "locales")
	if err != nil {
		return nil, err
	}
	cat, err := catalog.Load(lfs)
	if err != nil {
		return nil, err
	}
	tfs, err := fs.Sub(tsdraft.Templates, "templates")
	if err != nil {
		return nil, err
	}
	return &render.Renderer{Templates: tfs, Catalog: cat, Version: "bench"}, nil
}

// rowData sets a row's columns over the profile's data, copying only the tables on each
// column's path (base is shared by all workers and never changed). Values take the profile
// field's kind: dates parse, lists split on ';', everything else is a string.
func rowData(base map[string]any, header, row []string) (map[string]any, error) {
	data := maps.Clone(base)
	copied := map[string]bool{}
	for c, col := range header {
		keys := strings.Split(col, ".")
		var v any = row[c]
		if f := profile.FieldAt(keys); f != nil {
			switch f.Kind {
			case profile.KindDate:
				t, err := time.Parse("2006-01-02", row[c])
				if err != nil {
					return nil, fmt.Errorf("%s: %w", col, err)
				}
				v = t
			case profile.KindTexts, profile.KindStrings:
				var items []any
				for _, s := range strings.Split(row[c], ";") {
					items = append(items, s)
				}
				v = items
			}
		}
		m := data
		for k, key := range keys[:len(keys)-1] {
			prefix := strings.Join(keys[:k+1], ".")
			sub, _ := m[key].(map[string]any)
			if !copied[prefix] {
				sub = maps.Clone(sub)
				if sub == nil {
					sub = map[string]any{}
				}
				m[key] = sub
				copied[prefix] = true
			}
			m = sub
		}
		m[keys[len(keys)-1]] = v
	}
	return data, nil
}
