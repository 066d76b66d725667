package docxtmpl

import (
	"bytes"
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/tsdraft/tsdraft/internal/tplvalue"
	wx "github.com/tsdraft/tsdraft/internal/wordxml"
)

type scope struct {
	item  any
	index int
	n     int
}

type execState struct {
	tpl     *Template
	data    map[string]any
	opts    Options
	part    string
	plain   bool // the part holds plain element text (document properties), not runs
	images  map[string]*Image
	added   *additions // parts, relationships and content types added by Inline values
	buf     bytes.Buffer
	scopes  []scope
	errs    Errors
	seen    map[string]bool
	nextNum int
	newNums [][2]int         // new list id, original list id
	frames  []map[string]int // per repetition of a restarting block: original → new list id
	marks   []int
	depth   int // nesting of t-in-t, to stop runaway recursion
	// expanded counts the bytes t texts rendered (see chargeText)
	expanded int
}

func (st *execState) fail(ref *tagRef, format string, args ...any) {
	e := ref.errorf(format, args...)
	if st.part != "" && ref.part != "text" {
		e.Part = st.part
	}
	key := e.Error()
	if st.seen == nil {
		st.seen = map[string]bool{}
	}
	if st.seen[key] {
		return // a loop repeats the same problem: report it once
	}
	st.seen[key] = true
	st.errs = append(st.errs, e)
}

// exec writes ops as XML into st.buf.
func (st *execState) exec(ops []op) {
	for i := range ops {
		o := &ops[i]
		switch o.kind {
		case opStatic:
			st.buf.WriteString(o.static)
		case opValue:
			s, inl, ok := st.valueText(o.ref)
			if ok && inl != nil {
				st.writeInline(o.ref, inl)
			} else if ok && st.plain {
				st.buf.WriteString(wx.TextEscaper.Replace(s))
			} else if ok {
				writeXMLText(&st.buf, s)
			}
		case opBlock:
			st.block(o, func(body []op) { st.exec(body) })
		case opNum:
			st.buf.WriteString(`<w:numId w:val="`)
			st.buf.WriteString(st.numFor(o.num))
			st.buf.WriteString(`"/>`)
		case opStyleNum:
			st.buf.WriteString(o.static)
			st.buf.WriteString(`<w:numPr><w:ilvl w:val="`)
			st.buf.WriteString(o.ilvl)
			st.buf.WriteString(`"/><w:numId w:val="`)
			st.buf.WriteString(st.numFor(o.num))
			st.buf.WriteString(`"/></w:numPr>`)
		case opCellMark:
			st.marks = append(st.marks, st.buf.Len())
		case opCellEnd:
			m := st.marks[len(st.marks)-1]
			st.marks = st.marks[:len(st.marks)-1]
			written := st.buf.Bytes()[m:]
			if !bytes.Contains(written, []byte("<w:p>")) && !bytes.Contains(written, []byte("<w:p ")) {
				// Word refuses a table cell without a paragraph.
				st.buf.WriteString("<w:p/>")
			}
		}
	}
}

func (st *execState) numFor(orig string) string {
	if len(st.frames) == 0 {
		return orig
	}
	f := st.frames[len(st.frames)-1]
	if n, ok := f[orig]; ok {
		return strconv.Itoa(n)
	}
	o, err := strconv.Atoi(orig)
	if err != nil || st.tpl.abstractOf[orig] == "" {
		return orig
	}
	n := st.nextNum
	st.nextNum++
	f[orig] = n
	st.newNums = append(st.newNums, [2]int{n, o})
	return strconv.Itoa(n)
}

// block runs an if/unless/each op, calling run for each body to write.
func (st *execState) block(o *op, run func([]op)) {
	t := o.ref.tag
	switch t.Kind {
	case TagIf, TagUnless:
		v, found, err := st.eval(o.ref, t.Pipe, true)
		if err != nil {
			st.fail(o.ref, "%v", err)
			return
		}
		cond := found && tplvalue.Truthy(v)
		if t.Kind == TagUnless {
			cond = !cond
		}
		if cond {
			run(o.body)
		} else if o.elseBody != nil {
			run(o.elseBody)
		}
	case TagLang:
		if o.elseBody != nil {
			st.fail(o.ref, "{{else}} has no meaning in a #lang block")
			return
		}
		saved := st.opts.Lang
		st.opts.Lang = t.Pipe.Head.Str
		run(o.body)
		st.opts.Lang = saved
	case TagEach:
		v, found, err := st.eval(o.ref, t.Pipe, false)
		if err != nil {
			st.fail(o.ref, "%v", err)
			return
		}
		if !found {
			st.fail(o.ref, "%s: no such value in the data", t.Pipe.Head.Path)
			return
		}
		list, ok := asList(v)
		if !ok {
			st.fail(o.ref, "%s is not a list (it is %s); #each needs a list", t.Pipe.Head.Path, describe(v))
			return
		}
		if len(list) == 0 {
			if o.elseBody != nil {
				run(o.elseBody)
			}
			return
		}
		for i, it := range list {
			st.scopes = append(st.scopes, scope{item: it, index: i, n: len(list)})
			if o.restart {
				st.frames = append(st.frames, map[string]int{})
			}
			mark := st.buf.Len()
			afterTable := i > 0 && bytes.HasSuffix(st.buf.Bytes(), []byte("</w:tbl>"))
			run(o.body)
			if afterTable && bytes.HasPrefix(st.buf.Bytes()[mark:], []byte("<w:tbl")) {
				// Word shows two tables that meet as one table: keep the repetitions apart
				// with an empty paragraph, as Word does between two tables.
				tail := append([]byte(nil), st.buf.Bytes()[mark:]...)
				st.buf.Truncate(mark)
				st.buf.WriteString("<w:p/>")
				st.buf.Write(tail)
			}
			if o.restart {
				st.frames = st.frames[:len(st.frames)-1]
			}
			st.scopes = st.scopes[:len(st.scopes)-1]
		}
	}
}

func asList(v any) ([]any, bool) {
	switch l := v.(type) {
	case []any:
		return l, true
	case []string:
		out := make([]any, len(l))
		for i, s := range l {
			out[i] = s
		}
		return out, true
	case []map[string]any:
		out := make([]any, len(l))
		for i, s := range l {
			out[i] = s
		}
		return out, true
	}
	return nil, false
}

func describe(v any) string {
	switch v.(type) {
	case string, Localized:
		return "a text"
	case map[string]any:
		return "a table"
	case bool:
		return "true/false"
	case int, int64, float64:
		return "a number"
	case time.Time:
		return "a date"
	}
	return fmt.Sprintf("%T", v)
}

// valueText evaluates a value tag to text, or to an Inline value that writes its own XML.
func (st *execState) valueText(ref *tagRef) (string, Inline, bool) {
	v, found, err := st.eval(ref, ref.tag.Pipe, false)
	if err != nil {
		st.fail(ref, "%v", err)
		return "", nil, false
	}
	if !found {
		st.fail(ref, "%s: no such value in the data (check the spelling, or add it to the profile, e.g. under [vars])", ref.tag.Pipe.Head.Path)
		return "", nil, false
	}
	if inl, ok := v.(Inline); ok {
		return "", inl, true
	}
	s, err := st.text(v, ref.tag.Pipe.Head)
	if err != nil {
		st.fail(ref, "%v", err)
		return "", nil, false
	}
	if bad, r := badXMLChar(s); bad {
		st.fail(ref, "the value of %s holds the character U+%04X, which a DOCX file cannot carry; remove it from the profile", exprName(ref.tag.Pipe.Head), r)
		return "", nil, false
	}
	return s, nil, true
}

// writeInline writes an Inline value inside the run where its tag stands: the tag's w:t is
// closed, the value's run content written, and a w:t reopened for the text after the tag.
func (st *execState) writeInline(ref *tagRef, inl Inline) {
	if st.plain {
		st.fail(ref, "an image or other object cannot stand in the document properties")
		return
	}
	x, err := inl.RunXML(&PartContext{st: st})
	if err != nil {
		st.fail(ref, "%v", err)
		return
	}
	st.buf.WriteString(`</w:t>`)
	st.buf.WriteString(x)
	st.buf.WriteString(`<w:t xml:space="preserve">`)
}

func exprName(e Expr) string {
	switch e.Kind {
	case ExprCall:
		return e.Fn
	case ExprPath:
		return e.Path
	}
	return "the value"
}

// eval evaluates a pipeline; found is false when the head path is absent (filters such as
// default may supply a value). cond is true for #if/#unless, where optional paths may be absent.
func (st *execState) eval(ref *tagRef, p *Pipeline, cond bool) (v any, found bool, err error) {
	v, found, err = st.expr(p.Head)
	if err != nil {
		return nil, false, err
	}
	if !found && cond && (st.opts.Optional == nil || st.opts.Optional(p.Head.Path) || strings.HasPrefix(p.Head.Path, ".")) {
		return nil, true, nil
	}
	for _, f := range p.Filters {
		v, found, err = st.filter(f, v, found)
		if err != nil {
			return nil, false, err
		}
	}
	if !found && cond {
		return nil, false, fmt.Errorf("%s: no such value in the data (check the spelling)", p.Head.Path)
	}
	return v, found, nil
}

func (st *execState) expr(e Expr) (any, bool, error) {
	switch e.Kind {
	case ExprString:
		return e.Str, true, nil
	case ExprNumber:
		return e.Num, true, nil
	case ExprCall:
		fn := st.opts.Funcs[e.Fn]
		if fn == nil {
			return nil, false, fmt.Errorf("function %q is not available here", e.Fn)
		}
		args := make([]any, 0, len(e.Args))
		for _, a := range e.Args {
			v, found, err := st.expr(a)
			if err != nil {
				return nil, false, err
			}
			if !found {
				return nil, false, fmt.Errorf("%s: no such value in the data", a.Path)
			}
			if lt, ok := v.(Localized); ok {
				s, err := st.langText(lt, a.Path)
				if err != nil {
					return nil, false, err
				}
				v = s
			}
			args = append(args, v)
		}
		s, err := fn(&Call{Args: args, st: st})
		if err != nil {
			return nil, false, err
		}
		return s, true, nil
	}
	return st.lookup(e.Path)
}

// lookup resolves a path: "." and ".field" against the innermost loop item, "@index" etc.
// against the loop, anything else from the root of the data.
func (st *execState) lookup(path string) (any, bool, error) {
	var cur any
	var rest string
	switch {
	case path == "." || path == "this":
		if len(st.scopes) == 0 {
			return nil, false, fmt.Errorf("%q is only meaningful inside {{#each}}", path)
		}
		return st.scopes[len(st.scopes)-1].item, true, nil
	case path == "@index" || path == "@first" || path == "@last":
		if len(st.scopes) == 0 {
			return nil, false, fmt.Errorf("%q is only meaningful inside {{#each}}", path)
		}
		s := st.scopes[len(st.scopes)-1]
		switch path {
		case "@index":
			return float64(s.index + 1), true, nil
		case "@first":
			return s.index == 0, true, nil
		}
		return s.index == s.n-1, true, nil
	case strings.HasPrefix(path, "."):
		if len(st.scopes) == 0 {
			return nil, false, fmt.Errorf("%q is only meaningful inside {{#each}}", path)
		}
		cur, rest = st.scopes[len(st.scopes)-1].item, path[1:]
	default:
		cur, rest = st.data, path
	}
	for rest != "" {
		var seg string
		seg, rest, _ = strings.Cut(rest, ".")
		switch m := cur.(type) {
		case map[string]any:
			v, ok := m[seg]
			if !ok {
				return nil, false, nil
			}
			cur = v
		case Localized:
			v, ok := m.Text(seg)
			if !ok {
				return nil, false, nil
			}
			cur = v
		default:
			return nil, false, fmt.Errorf("%s: %q is %s, it has no field %q", path, strings.TrimSuffix(path, "."+seg+restSuffix(rest)), describe(cur), seg)
		}
	}
	return cur, true, nil
}

func restSuffix(rest string) string {
	if rest == "" {
		return ""
	}
	return "." + rest
}

func (st *execState) langText(lt Localized, path string) (string, error) {
	if s, ok := lt.Text(st.opts.Lang); ok {
		return s, nil
	}
	have := lt.Langs()
	return "", fmt.Errorf("%s has no text for %s (it has %s); add %s.%s to the profile", path, st.opts.Lang, strings.Join(have, ", "), path, st.opts.Lang)
}

// text turns a value into the text written in the document.
func (st *execState) text(v any, head Expr) (string, error) {
	switch x := v.(type) {
	case string:
		return x, nil
	case Localized:
		return st.langText(x, exprName(head))
	case time.Time:
		return st.opts.formatDate(x, "long")
	case bool:
		if x {
			return "true", nil
		}
		return "false", nil
	case int:
		return strconv.Itoa(x), nil
	case int64:
		return strconv.FormatInt(x, 10), nil
	case float64:
		if x == math.Trunc(x) && math.Abs(x) < 1e15 {
			return strconv.FormatInt(int64(x), 10), nil
		}
		return strconv.FormatFloat(x, 'f', -1, 64), nil
	case []any:
		parts := make([]string, 0, len(x))
		for _, it := range x {
			s, err := st.text(it, head)
			if err != nil {
				return "", err
			}
			parts = append(parts, s)
		}
		return strings.Join(parts, st.opts.listSeparator()), nil
	case map[string]any:
		return "", fmt.Errorf("%s is a table; name one of its fields, e.g. %s.name", exprName(head), exprName(head))
	case nil:
		return "", nil
	}
	return fmt.Sprint(v), nil
}

func (st *execState) filter(f Filter, v any, found bool) (any, bool, error) {
	if f.Name == "default" {
		if !found || !tplvalue.Truthy(v) {
			d, _, err := st.expr(f.Args[0])
			return d, true, err
		}
		return v, true, nil
	}
	if !found {
		return nil, false, nil
	}
	if lt, ok := v.(Localized); ok {
		s, err := st.langText(lt, "value")
		if err != nil {
			return nil, false, err
		}
		v = s
	}
	switch f.Name {
	case "image":
		var args []string
		for _, a := range f.Args {
			x, _, err := st.expr(a)
			if err != nil {
				return nil, false, err
			}
			args = append(args, fmt.Sprint(x))
		}
		im, err := st.imageFilter(v, args)
		return im, err == nil, err
	case "upper", "lower":
		s, err := st.text(v, Expr{})
		if err != nil {
			return nil, false, err
		}
		if f.Name == "upper" {
			return strings.ToUpper(s), true, nil
		}
		return strings.ToLower(s), true, nil
	case "date":
		form := "long"
		if len(f.Args) > 0 {
			a, _, err := st.expr(f.Args[0])
			if err != nil {
				return nil, false, err
			}
			form = fmt.Sprint(a)
		}
		var t time.Time
		switch x := v.(type) {
		case time.Time:
			t = x
		case string:
			p, err := time.Parse("2006-01-02", strings.TrimSpace(x))
			if err != nil {
				return nil, false, fmt.Errorf("date: %q is not a date (write YYYY-MM-DD)", x)
			}
			t = p
		default:
			return nil, false, fmt.Errorf("date: the value is %s, not a date", describe(v))
		}
		s, err := st.opts.formatDate(t, form)
		return s, true, err
	case "number":
		dec := -1
		if len(f.Args) > 0 {
			a, _, err := st.expr(f.Args[0])
			if err != nil {
				return nil, false, err
			}
			n, ok := a.(float64)
			if !ok || n < 0 || n > 10 {
				return nil, false, fmt.Errorf("number: decimals must be 0 to 10")
			}
			dec = int(n)
		}
		var n float64
		switch x := v.(type) {
		case float64:
			n = x
		case int:
			n = float64(x)
		case int64:
			n = float64(x)
		case string:
			p, err := strconv.ParseFloat(strings.TrimSpace(x), 64)
			if err != nil {
				return nil, false, fmt.Errorf("number: %q is not a number", x)
			}
			n = p
		default:
			return nil, false, fmt.Errorf("number: the value is %s, not a number", describe(v))
		}
		s, err := st.opts.formatNumber(n, dec)
		return s, true, err
	}
	return nil, false, fmt.Errorf("unknown filter %q", f.Name)
}

// badXMLChar finds a character XML 1.0 cannot carry (tab and newline are handled apart).
func badXMLChar(s string) (bool, rune) {
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n == 1 {
			return true, r
		}
		if r < 0x20 && r != '\t' && r != '\n' && r != '\r' || r == 0xFFFE || r == 0xFFFF {
			return true, r
		}
		i += n
	}
	return false, 0
}

// writeXMLText writes a value inside a w:t: escaped, a newline as a line break, a tab as a
// tab (each closes the w:t and opens a new one, as Word itself writes them).
func writeXMLText(b *bytes.Buffer, s string) {
	start := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		var rep string
		switch c {
		case '&':
			rep = "&amp;"
		case '<':
			rep = "&lt;"
		case '>':
			rep = "&gt;"
		case '\n':
			rep = `</w:t><w:br/><w:t xml:space="preserve">`
		case '\t':
			rep = `</w:t><w:tab/><w:t xml:space="preserve">`
		case '\r':
			rep = ""
		default:
			continue
		}
		b.WriteString(s[start:i])
		b.WriteString(rep)
		start = i + 1
	}
	b.WriteString(s[start:])
}

// Call is what a function receives: its evaluated arguments and a way to render a text that
// holds tags in the caller's scope (so a locale text can say {{ company.name }} or {{ .name }}).
type Call struct {
	Args []any
	st   *execState
}

// Lang is the language being rendered.
func (c *Call) Lang() string { return c.st.opts.Lang }

// Render renders a text that may hold tags, in the current scope, and returns plain text.
func (c *Call) Render(text string) (string, error) {
	if !strings.Contains(text, "{{") {
		return text, nil
	}
	st := c.st
	if st.depth > 8 {
		return "", fmt.Errorf("texts include each other more than 8 levels deep (a loop of t calls?)")
	}
	if err := st.chargeText(len(text)); err != nil {
		return "", err
	}
	var ops []op
	if v, ok := st.tpl.texts.Load(text); ok {
		ops = v.([]op)
	} else {
		var err error
		ops, err = compileText(text, st.tpl.funcs)
		if err != nil {
			return "", err
		}
		st.tpl.texts.Store(text, ops)
	}
	var out strings.Builder
	nerr := len(st.errs)
	st.depth++
	st.execText(ops, &out)
	st.depth--
	if err := st.chargeText(out.Len()); err != nil && len(st.errs) == nerr {
		return "", err
	}
	if len(st.errs) > nerr {
		// The errors are already recorded with their tags; fail the calling tag too.
		errs := st.errs[nerr:]
		st.errs = st.errs[:nerr]
		return "", errs
	}
	return out.String(), nil
}

// execText writes ops as plain text.
func (st *execState) execText(ops []op, out *strings.Builder) {
	for i := range ops {
		o := &ops[i]
		switch o.kind {
		case opStatic:
			out.WriteString(o.static)
		case opValue:
			if s, inl, ok := st.valueText(o.ref); ok && inl != nil {
				st.fail(o.ref, "an image or other object cannot stand inside a text; put its tag in the template")
			} else if ok {
				out.WriteString(s)
			}
		case opBlock:
			st.block(o, func(body []op) { st.execText(body, out) })
		}
	}
}
