package docxtmpl

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
)

// TagKind tells what a tag does.
type TagKind int

const (
	TagValue     TagKind = iota // {{ path | filter }} or {{ fn args }}
	TagIf                       // {{#if path}}
	TagUnless                   // {{#unless path}}
	TagEach                     // {{#each path}}
	TagElse                     // {{else}}
	TagEndIf                    // {{/if}}
	TagEndUnless                // {{/unless}}
	TagEndEach                  // {{/each}}
	TagLang                     // {{#lang "th"}}: render the content in another language
	TagEndLang                  // {{/lang}}
)

var kindNames = map[TagKind]string{TagIf: "if", TagUnless: "unless", TagEach: "each", TagLang: "lang"}

func (k TagKind) opens() bool { return k == TagIf || k == TagUnless || k == TagEach || k == TagLang }
func (k TagKind) closes() bool {
	return k == TagEndIf || k == TagEndUnless || k == TagEndEach || k == TagEndLang
}

// closerOf maps an opening kind to its closing kind.
func closerOf(k TagKind) TagKind {
	switch k {
	case TagIf:
		return TagEndIf
	case TagUnless:
		return TagEndUnless
	case TagLang:
		return TagEndLang
	}
	return TagEndEach
}

// Tag is one parsed {{ … }}.
type Tag struct {
	Kind TagKind
	Raw  string    // the tag as written, quotes normalised, e.g. {{ company.name }}
	Pipe *Pipeline // value, or the condition / list of a block
}

// ExprKind tells what an expression is.
type ExprKind int

const (
	ExprPath   ExprKind = iota // company.name, .field, ., @index
	ExprString                 // "text"
	ExprNumber                 // 12
	ExprCall                   // t "key"
)

// Expr is a value: a path, a literal or a function call.
type Expr struct {
	Kind ExprKind
	Path string // as written: "company.name", ".", ".name", "@index"
	Str  string
	Num  float64
	Fn   string
	Args []Expr
}

// Filter is one `| name args` step.
type Filter struct {
	Name string
	Args []Expr
}

// Pipeline is a head expression followed by filters.
type Pipeline struct {
	Head    Expr
	Filters []Filter
}

// filterArity gives the number of arguments each filter accepts (min, max).
var filterArity = map[string][2]int{
	"date":    {0, 1},
	"upper":   {0, 0},
	"lower":   {0, 0},
	"number":  {0, 1},
	"default": {1, 1},
	"image":   {0, 2},
}

// Filters lists the known filter names, for documentation and `template check`.
func Filters() []string { return []string{"date", "default", "image", "lower", "number", "upper"} }

// normalizeQuotes turns the curly quotes Word types into straight ones, so that
// {{ t “key” }} works like {{ t "key" }}.
var quoteReplacer = strings.NewReplacer("\u201c", `"`, "\u201d", `"`, "\u201e", `"`, "\u201f", `"`, "\u2033", `"`,
	"\u2018", "'", "\u2019", "'", "\u201a", "'", "\u201b", "'", "\uff02", `"`, "\u00a0", " ", "\u3000", " ")

// ParseTag parses the inside of one tag (without the braces). funcs names the functions that
// may be called; any other first word is a path.
func ParseTag(inner string, funcs map[string]bool) (*Tag, error) {
	inner = quoteReplacer.Replace(inner)
	raw := "{{" + inner + "}}"
	s := strings.TrimSpace(inner)
	t := &Tag{Raw: raw}
	switch {
	case s == "":
		return nil, fmt.Errorf("empty tag")
	case s == "else":
		t.Kind = TagElse
		return t, nil
	case s[0] == '/':
		switch strings.TrimSpace(s[1:]) {
		case "if":
			t.Kind = TagEndIf
		case "unless":
			t.Kind = TagEndUnless
		case "each":
			t.Kind = TagEndEach
		case "lang":
			t.Kind = TagEndLang
		default:
			return nil, fmt.Errorf("unknown closing tag %q (use /if, /unless or /each)", s)
		}
		return t, nil
	case s[0] == '#':
		word, rest, _ := strings.Cut(s[1:], " ")
		switch word {
		case "if":
			t.Kind = TagIf
		case "unless":
			t.Kind = TagUnless
		case "each":
			t.Kind = TagEach
		case "lang":
			t.Kind = TagLang
		default:
			return nil, fmt.Errorf("unknown block %q (use #if, #unless or #each)", "#"+word)
		}
		rest = strings.TrimSpace(rest)
		if rest == "" {
			return nil, fmt.Errorf("#%s needs a path, e.g. {{#%s noncompete.enabled}}", word, word)
		}
		p, err := parsePipeline(rest, funcs)
		if err != nil {
			return nil, err
		}
		if t.Kind == TagLang && (p.Head.Kind != ExprString || len(p.Filters) > 0) {
			return nil, fmt.Errorf(`#lang takes a language code in quotes, e.g. {{#lang "th"}}`)
		}
		if t.Kind == TagEach && (p.Head.Kind != ExprPath || len(p.Filters) > 0) {
			return nil, fmt.Errorf("#each takes a path to a list, e.g. {{#each employee.access}}")
		}
		t.Pipe = p
		return t, nil
	}
	p, err := parsePipeline(s, funcs)
	if err != nil {
		return nil, err
	}
	t.Pipe = p
	return t, nil
}

type token struct {
	kind byte // 'w' word, 's' string, 'n' number, '|' pipe
	text string
	num  float64
}

func lex(s string) ([]token, error) {
	var toks []token
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r':
			i++
		case c == '|':
			toks = append(toks, token{kind: '|'})
			i++
		case c == '"' || c == '\'':
			var b strings.Builder
			j := i + 1
			closed := false
			for j < len(s) {
				if s[j] == '\\' && j+1 < len(s) {
					b.WriteByte(s[j+1])
					j += 2
					continue
				}
				if s[j] == c {
					closed = true
					break
				}
				b.WriteByte(s[j])
				j++
			}
			if !closed {
				return nil, fmt.Errorf("unterminated string starting at %q", s[i:])
			}
			toks = append(toks, token{kind: 's', text: b.String()})
			i = j + 1
		case c >= '0' && c <= '9' || c == '-' && i+1 < len(s) && s[i+1] >= '0' && s[i+1] <= '9':
			j := i + 1
			for j < len(s) && (s[j] >= '0' && s[j] <= '9' || s[j] == '.') {
				j++
			}
			f, err := strconv.ParseFloat(s[i:j], 64)
			if err != nil {
				return nil, fmt.Errorf("bad number %q", s[i:j])
			}
			toks = append(toks, token{kind: 'n', text: s[i:j], num: f})
			i = j
		case isWordStart(c):
			j := i + 1
			for j < len(s) && isWordByte(s[j]) {
				j++
			}
			toks = append(toks, token{kind: 'w', text: s[i:j]})
			i = j
		default:
			r := []rune(s[i:])[0]
			return nil, fmt.Errorf("unexpected character %q", r)
		}
	}
	return toks, nil
}

func isWordStart(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || c == '.' || c == '@' || c >= 0x80
}

func isWordByte(c byte) bool { return isWordStart(c) || c >= '0' && c <= '9' || c == '-' }

func parsePipeline(s string, funcs map[string]bool) (*Pipeline, error) {
	toks, err := lex(s)
	if err != nil {
		return nil, err
	}
	// Split on pipes.
	var groups [][]token
	cur := []token{}
	for _, t := range toks {
		if t.kind == '|' {
			groups = append(groups, cur)
			cur = []token{}
			continue
		}
		cur = append(cur, t)
	}
	groups = append(groups, cur)
	if len(groups[0]) == 0 {
		return nil, fmt.Errorf("nothing before '|'")
	}
	p := &Pipeline{}
	head := groups[0]
	if head[0].kind == 'w' && head[0].text == "image" && !funcs["image"] && len(head) >= 2 && len(groups) == 1 {
		// {{ image vars.logo "30mm" }} is {{ vars.logo | image "30mm" }}
		groups = [][]token{head[1:2], append([]token{head[0]}, head[2:]...)}
		head = groups[0]
	}
	if head[0].kind == 'w' && funcs[head[0].text] {
		call := Expr{Kind: ExprCall, Fn: head[0].text}
		for _, a := range head[1:] {
			e, err := argExpr(a)
			if err != nil {
				return nil, err
			}
			call.Args = append(call.Args, e)
		}
		p.Head = call
	} else {
		if len(head) > 1 {
			if head[0].kind == 'w' && !strings.ContainsAny(head[0].text, ".@") {
				return nil, fmt.Errorf("unknown function %q (known: %s)", head[0].text, knownList(funcs))
			}
			return nil, fmt.Errorf("unexpected %q after %q (separate filters with '|')", head[1].text, head[0].text)
		}
		e, err := argExpr(head[0])
		if err != nil {
			return nil, err
		}
		p.Head = e
	}
	for _, g := range groups[1:] {
		if len(g) == 0 || g[0].kind != 'w' {
			return nil, fmt.Errorf("a filter name must follow '|'")
		}
		name := g[0].text
		ar, ok := filterArity[name]
		if !ok {
			return nil, fmt.Errorf("unknown filter %q (known: %s)", name, strings.Join(Filters(), ", "))
		}
		f := Filter{Name: name}
		for _, a := range g[1:] {
			if a.kind == 'w' && !strings.ContainsAny(a.text, ".@") {
				// A bare word is a keyword such as `date short`, not a path.
				f.Args = append(f.Args, Expr{Kind: ExprString, Str: a.text})
				continue
			}
			e, err := argExpr(a)
			if err != nil {
				return nil, err
			}
			f.Args = append(f.Args, e)
		}
		if len(f.Args) < ar[0] || len(f.Args) > ar[1] {
			return nil, fmt.Errorf("filter %q takes %s", name, arityText(ar))
		}
		p.Filters = append(p.Filters, f)
	}
	return p, nil
}

func arityText(ar [2]int) string {
	switch {
	case ar[1] == 0:
		return "no argument"
	case ar[0] == ar[1]:
		return fmt.Sprintf("%d argument(s)", ar[0])
	}
	return fmt.Sprintf("%d to %d arguments", ar[0], ar[1])
}

func knownList(funcs map[string]bool) string {
	var names []string
	for n := range funcs {
		names = append(names, n)
	}
	sort.Strings(names)
	if len(names) == 0 {
		return "none"
	}
	return strings.Join(names, ", ")
}

func argExpr(t token) (Expr, error) {
	switch t.kind {
	case 's':
		return Expr{Kind: ExprString, Str: t.text}, nil
	case 'n':
		return Expr{Kind: ExprNumber, Num: t.num, Str: t.text}, nil
	case 'w':
		if err := checkPath(t.text); err != nil {
			return Expr{}, err
		}
		return Expr{Kind: ExprPath, Path: t.text}, nil
	}
	return Expr{}, fmt.Errorf("unexpected %q", t.text)
}

func checkPath(p string) error {
	switch p {
	case ".", "@index", "@first", "@last", "this":
		return nil
	}
	if strings.HasPrefix(p, "@") {
		return fmt.Errorf("unknown loop variable %q (use @index, @first or @last)", p)
	}
	body := strings.TrimPrefix(p, ".")
	for _, seg := range strings.Split(body, ".") {
		if seg == "" {
			return fmt.Errorf("malformed path %q", p)
		}
		if strings.Contains(seg, "@") {
			return fmt.Errorf("malformed path %q", p)
		}
	}
	return nil
}

// scanTags finds the tags in a plain text: it returns the byte ranges of each {{ … }}.
// An unclosed "{{" is reported as an error range with end = -1.
func scanTags(s string) (ranges [][2]int) {
	for i := 0; ; {
		j := strings.Index(s[i:], "{{")
		if j < 0 {
			return
		}
		start := i + j
		k := strings.Index(s[start+2:], "}}")
		if k < 0 {
			ranges = append(ranges, [2]int{start, -1})
			return
		}
		end := start + 2 + k + 2
		ranges = append(ranges, [2]int{start, end})
		i = end
	}
}
