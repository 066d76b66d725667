package docxtmpl

import (
	"bytes"
	"fmt"
	wx "github.com/tsdraft/tsdraft/internal/wordxml"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/tsdraft/tsdraft/internal/docx"
)

// Template is a parsed DOCX template, safe to execute from many goroutines at once.
type Template struct {
	Name  string
	pkg   *docx.Package
	parts []*partProg
	funcs map[string]bool
	// numbering: list id → abstract list id, and the highest list id in use
	abstractOf map[string]string
	maxNum     int
	styleNum   map[string]numRef // paragraph styles that number their paragraphs
	warns      []Warning
	texts      sync.Map // text → []op, compiled locale texts
}

// plainPart tells the parts whose text is plain element text, not WordprocessingML runs: the
// core and extended document properties.
func plainPart(name string) bool { return name == "docProps/core.xml" || name == "docProps/app.xml" }

type partProg struct {
	name string
	ops  []op
	tags []*tagRef
	// dropsRows: a block of the part repeats or removes table rows, so a table may be left
	// without any (dropEmptyTables).
	dropsRows bool
}

// TemplateParts tells which parts of a package can hold tags: the body (with its tables and
// text boxes), headers, footers, footnotes, endnotes, comments and the document properties
// (title, subject, company: Word shows them in content controls bound to them).
func TemplateParts(name string) bool {
	switch {
	case name == "word/document.xml", name == "word/footnotes.xml", name == "word/endnotes.xml", name == "word/comments.xml":
		return true
	case plainPart(name):
		return true
	case strings.HasPrefix(name, "word/header") && strings.HasSuffix(name, ".xml"),
		strings.HasPrefix(name, "word/footer") && strings.HasSuffix(name, ".xml"):
		return true
	}
	return false
}

// Parse compiles a template. funcs names the functions tags may call (e.g. "t"). Every
// problem of every part is reported, not just the first.
func Parse(name string, pkg *docx.Package, funcs []string) (*Template, error) {
	t := &Template{Name: name, pkg: pkg, funcs: map[string]bool{}, abstractOf: map[string]string{}}
	for _, f := range funcs {
		t.funcs[f] = true
	}
	if pkg.Has("word/numbering.xml") {
		b, err := pkg.Read("word/numbering.xml")
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		t.readNumbering(b)
		var styles []byte
		if pkg.Has("word/styles.xml") {
			if styles, err = pkg.Read("word/styles.xml"); err != nil {
				return nil, fmt.Errorf("%s: %w", name, err)
			}
		}
		t.styleNum = styleNumbering(styles, b)
	}
	var errs Errors
	for _, part := range pkg.PartsMatching(TemplateParts) {
		b, err := pkg.Read(part)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		if !bytes.Contains(b, []byte("{")) {
			continue // no tag can be in it
		}
		root, err := wx.Parse(b)
		if err != nil {
			errs = append(errs, &Error{Part: part, Message: "not well-formed XML: " + err.Error()})
			continue
		}
		if lerrs := checkPartLimits(part, root); len(lerrs) > 0 {
			errs = append(errs, lerrs...)
			continue
		}
		prog, warns, perrs := compilePart(part, root, t.funcs, t.styleNum)
		t.warns = append(t.warns, warns...)
		errs = append(errs, perrs...)
		if len(prog.tags) > 0 {
			t.parts = append(t.parts, prog)
		}
	}
	if err := t.scanUnfilled(pkg); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if len(errs) > 0 {
		return t, errs
	}
	return t, nil
}

var numRe = lazyRegexp(`<w:num w:numId="(\d+)"[^>]*>\s*<w:abstractNumId w:val="(\d+)"`)

func (t *Template) readNumbering(b []byte) {
	for _, m := range numRe().FindAllSubmatch(b, -1) {
		t.abstractOf[string(m[1])] = string(m[2])
		if n, err := strconv.Atoi(string(m[1])); err == nil && n > t.maxNum {
			t.maxNum = n
		}
	}
}

// TagInfo describes one tag, for `template check`.
type TagInfo struct {
	Part, Para, Tag string
}

// Tags lists the template's tags in document order, part by part.
func (t *Template) Tags() []TagInfo {
	var out []TagInfo
	for _, p := range t.parts {
		for _, r := range p.tags {
			out = append(out, TagInfo{Part: p.name, Para: r.paraText, Tag: r.tag.Raw})
		}
	}
	return out
}

// Options are the inputs of one execution besides the data.
type Options struct {
	Lang  string          // language being rendered: picks LangText and formats dates
	Funcs map[string]Func // the functions named at Parse time
	// Optional reports paths that may be absent from the data (optional profile fields):
	// {{#if}} treats them as false. Any other absent path is an error.
	Optional func(path string) bool
	// Formats gives the date, number and list format of each language the template may
	// render ({{#lang}} switches language mid-document); nil: the built-in languages.
	Formats func(lang string) (Format, bool)
	// ReadFile reads a file a value names (an image's path in the profile), resolving relative
	// paths; nil means no file may be read.
	ReadFile func(path string) ([]byte, error)
}

// Func is a function callable from a tag, e.g. {{ t "key" }}.
type Func func(c *Call) (string, error)

// fillBufs keeps the buffers parts are filled into. Each part is copied out of the buffer when
// it is done, so a buffer can serve the next document. A batch fills thousands, and zeroing a
// fresh 64 KiB buffer for each was half of Execute's CPU time in a 1,000-row batch's profile.
var fillBufs = sync.Pool{New: func() any { b := make([]byte, 0, 1<<16); return &b }}

// maxPooledFill bounds the buffers kept: one outsized document does not pin its buffer.
const maxPooledFill = 4 << 20

// Execute fills the template and returns a new package; the template is unchanged. On any
// problem it returns every error found and no package.
func (t *Template) Execute(data map[string]any, opts Options) (*docx.Package, error) {
	for _, p := range t.parts {
		if p.ops == nil && len(p.tags) > 0 {
			return nil, fmt.Errorf("%s: template has errors; run tsdraft template check", t.Name)
		}
	}
	st := &execState{tpl: t, data: data, opts: opts, nextNum: t.maxNum + 1}
	bp := fillBufs.Get().(*[]byte)
	st.buf = *bytes.NewBuffer((*bp)[:0])
	defer func() {
		if b := st.buf.Bytes(); cap(b) <= maxPooledFill {
			*bp = b[:0]
			fillBufs.Put(bp)
		}
	}()
	out := t.pkg.Clone()
	var written []string
	for _, p := range t.parts {
		st.part = p.name
		st.plain = plainPart(p.name)
		st.buf.Reset()
		st.exec(p.ops)
		filled := append([]byte(nil), st.buf.Bytes()...)
		if p.dropsRows {
			filled = dropEmptyTables(filled)
		}
		out.Set(p.name, filled)
		written = append(written, p.name)
	}
	if len(st.errs) > 0 {
		return nil, st.errs
	}
	if st.added != nil {
		if err := st.added.apply(out); err != nil {
			return nil, fmt.Errorf("%s: %w", t.Name, err)
		}
	}
	if err := fixIDs(out, written); err != nil {
		return nil, fmt.Errorf("%s: %w", t.Name, err)
	}
	if len(st.newNums) > 0 {
		b, err := out.Read("word/numbering.xml")
		if err != nil {
			return nil, err
		}
		out.Set("word/numbering.xml", t.addNums(b, st.newNums))
	}
	return out, nil
}

func (t *Template) addNums(b []byte, nums [][2]int) []byte {
	sort.Slice(nums, func(i, j int) bool { return nums[i][0] < nums[j][0] })
	var add strings.Builder
	for _, n := range nums {
		abs := t.abstractOf[strconv.Itoa(n[1])]
		fmt.Fprintf(&add, `<w:num w:numId="%d"><w:abstractNumId w:val="%s"/>`, n[0], abs)
		for lvl := 0; lvl < 9; lvl++ {
			fmt.Fprintf(&add, `<w:lvlOverride w:ilvl="%d"><w:startOverride w:val="1"/></w:lvlOverride>`, lvl)
		}
		add.WriteString(`</w:num>`)
	}
	return wx.InsertBeforeLast(b, "</w:numbering>", add.String())
}

// Uses reports whether any tag calls one of funcs or names a path starting with one of
// prefixes; callers use it to skip loading what a template never asks for.
func (t *Template) Uses(funcs []string, prefixes []string) bool {
	var expr func(e Expr) bool
	expr = func(e Expr) bool {
		switch e.Kind {
		case ExprCall:
			for _, f := range funcs {
				if e.Fn == f {
					return true
				}
			}
			for _, a := range e.Args {
				if expr(a) {
					return true
				}
			}
		case ExprPath:
			for _, p := range prefixes {
				if e.Path == p || strings.HasPrefix(e.Path, p+".") {
					return true
				}
			}
		}
		return false
	}
	for _, p := range t.parts {
		for _, r := range p.tags {
			if r.tag.Pipe == nil {
				continue
			}
			if expr(r.tag.Pipe.Head) {
				return true
			}
			for _, f := range r.tag.Pipe.Filters {
				for _, a := range f.Args {
					if expr(a) {
						return true
					}
				}
			}
		}
	}
	return false
}
