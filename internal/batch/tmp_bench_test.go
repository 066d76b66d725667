package batch

import (
	"syscall"
	"io/fs"
	"testing"

	tsdraft "github.com/tsdraft/tsdraft"
	"github.com/tsdraft/tsdraft/internal/law"
	"github.com/tsdraft/tsdraft/internal/locale"
	"github.com/tsdraft/tsdraft/internal/profile"
	"github.com/tsdraft/tsdraft/internal/render"
	"github.com/tsdraft/tsdraft/internal/docx"
)

func BenchmarkTmpDecode(b *testing.B) {
	src, _ := profile.Sample("CN", nil)
	sets := []string{`employee.name="张三"`, `employee.id="E1"`, `employee.exit_date=2026-03-31`}
	var r0 syscall.Rusage; syscall.Getrusage(0, &r0); n := 0
	defer func(){ var r1 syscall.Rusage; syscall.Getrusage(0, &r1); b.ReportMetric(float64((r1.Utime.Nano()+r1.Stime.Nano())-(r0.Utime.Nano()+r0.Stime.Nano()))/float64(n), "cpu-ns/op") }()
	for b.Loop() { n++
		p, ds := profile.Decode("p.toml", src, sets)
		ds = append(ds, p.CheckFor([]string{"exit-pledge"}, nil)...)
		ds = append(ds, law.Check(p, []string{"exit-pledge"})...)
		if ds.HasErrors() { b.Fatal(ds) }
		_ = p.Data()
	}
}

func BenchmarkTmpRender(b *testing.B) {
	src, _ := profile.Sample("CN", nil)
	p, _ := profile.Decode("p.toml", src, nil)
	lfs, _ := fs.Sub(tsdraft.Locales, "locales")
	cat, err := locale.Load(lfs)
	if err != nil { b.Fatal(err) }
	tfs, _ := fs.Sub(tsdraft.Templates, "templates")
	r := &render.Renderer{Templates: tfs, Catalog: cat}
	var r0 syscall.Rusage; syscall.Getrusage(0, &r0); n := 0
	defer func(){ var r1 syscall.Rusage; syscall.Getrusage(0, &r1); b.ReportMetric(float64((r1.Utime.Nano()+r1.Stime.Nano())-(r0.Utime.Nano()+r0.Stime.Nano()))/float64(n), "cpu-ns/op") }()
	for b.Loop() { n++
		outs, err := r.Render(render.Request{Doc: "exit-pledge", Profile: p, Data: p.Data(), Langs: p.Languages, Layout: "interleave"})
		if err != nil { b.Fatal(err) }
		bs, _ := outs[0].Package.Bytes()
		if err := docx.Verify(bs); err != nil { b.Fatal(err) }
	}
}
