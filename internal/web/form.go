package web

import (
	"fmt"
	"net/url"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/BurntSushi/toml"

	"github.com/tsdraft/tsdraft/internal/profile"
)

// The profile form is generated from profile.Schema, the same key tree that decodes, validates
// and describes profiles: a section per table, an input per language for a text, add/remove for
// lists. Input names are "v." + the key path (array items by index) and "@lang" for a text's
// language; the server reads them back guided by the schema, never by what the browser sends.

// node is one field of the form, with the value to show and the problems found at it.
type node struct {
	Path     string // key path with indices, e.g. confidential.levels.0.label
	Name     string
	Kind     string // text texts string enum bool int number date strings table tables any
	Desc     string
	Enum     []string
	Langs    []string          // text: one input per language
	Value    string            // scalar value as typed
	Texts    map[string]string // text: value per language
	Long     bool              // text: show a multi-line box
	Children []*node           // table: its fields; tables and texts: the items
	Blank    *node             // tables and texts: an empty item, cloned by the add button
	Diags    []diagView
	Slots    []string // strings: one select per allowed item
	Top      bool     // a section of the page
}

type diagView struct {
	Error   bool   `json:"error"`
	Message string `json:"message"`
	Hint    string `json:"hint,omitempty"`
	Docs    string `json:"docs,omitempty"`
}

// formLangs are the languages a text gets an input for: the profile's languages first, then
// every other language some text of the profile is written in (so that saving never drops a
// translation the form did not show).
func formLangs(doc map[string]any) []string {
	var out []string
	if ls, ok := doc["languages"].([]any); ok {
		for _, l := range ls {
			if s, ok := l.(string); ok && profile.IsLanguage(s) && !slices.Contains(out, s) {
				out = append(out, s)
			}
		}
	}
	// Only the keys of texts are languages: "id" is Indonesian, and also a key of levels.
	seen := map[string]bool{}
	var walk func(v any, path []string)
	walk = func(v any, path []string) {
		f := profile.FieldAt(path)
		if len(path) > 0 && (f == nil || f.Kind == profile.KindAny) {
			return
		}
		switch x := v.(type) {
		case map[string]any:
			if f != nil && f.Kind == profile.KindText {
				for k := range x {
					if profile.IsLanguage(k) {
						seen[k] = true
					}
				}
				return
			}
			for k, e := range x {
				walk(e, append(slices.Clone(path), k))
			}
		case []any:
			for i, e := range x {
				walk(e, append(slices.Clone(path), strconv.Itoa(i)))
			}
		}
	}
	walk(doc, nil)
	for _, l := range profile.Languages {
		if seen[l] && !slices.Contains(out, l) {
			out = append(out, l)
		}
	}
	if len(out) == 0 {
		out = []string{"ja"}
	}
	return out
}

func kindName(f *profile.Field) string {
	switch f.Kind {
	case profile.KindText:
		return "text"
	case profile.KindTexts:
		return "texts"
	case profile.KindString:
		if len(f.Enum) > 0 {
			return "enum"
		}
		return "string"
	case profile.KindBool:
		return "bool"
	case profile.KindInt:
		return "int"
	case profile.KindNumber:
		return "number"
	case profile.KindDate:
		return "date"
	case profile.KindStrings:
		return "strings"
	case profile.KindTable:
		return "table"
	case profile.KindTables:
		return "tables"
	}
	return "any"
}

func join(path, seg string) string {
	if path == "" {
		return seg
	}
	return path + "." + seg
}

// buildForm makes the form's nodes for doc (a decoded profile or what the form sent).
func buildForm(doc map[string]any, langs []string) []*node {
	var out []*node
	general := &node{Name: "general", Kind: "table", Top: true}
	for _, f := range profile.Schema.Fields {
		n := makeNode(f, f.Name, doc[f.Name], langs)
		if n.Kind == "table" || n.Kind == "any" {
			n.Top = true
			out = append(out, n)
		} else {
			general.Children = append(general.Children, n)
		}
	}
	return append([]*node{general}, out...)
}

func makeNode(f *profile.Field, path string, v any, langs []string) *node {
	n := &node{Path: path, Name: f.Name, Kind: kindName(f), Desc: f.Desc, Enum: f.Enum}
	switch n.Kind {
	case "table":
		m, _ := v.(map[string]any)
		for _, c := range f.Fields {
			n.Children = append(n.Children, makeNode(c, join(path, c.Name), m[c.Name], langs))
		}
	case "tables":
		item := &profile.Field{Kind: profile.KindTable, Fields: f.Fields}
		arr, _ := v.([]any)
		for i, e := range arr {
			c := makeNode(item, join(path, strconv.Itoa(i)), e, langs)
			c.Name = strconv.Itoa(i + 1)
			n.Children = append(n.Children, c)
		}
		n.Blank = makeNode(item, join(path, "__I__"), nil, langs)
	case "texts":
		item := &profile.Field{Kind: profile.KindText}
		arr, _ := v.([]any)
		for i, e := range arr {
			n.Children = append(n.Children, makeNode(item, join(path, strconv.Itoa(i)), e, langs))
		}
		n.Blank = makeNode(item, join(path, "__I__"), nil, langs)
	case "text":
		n.Langs, n.Texts = langs, map[string]string{}
		switch x := v.(type) {
		case string:
			for _, l := range langs {
				n.Texts[l] = x
			}
		case map[string]any:
			for l, s := range x {
				n.Texts[l] = fmt.Sprint(s)
			}
		}
		for _, s := range n.Texts {
			if len([]rune(s)) > 70 || strings.Contains(s, "\n") {
				n.Long = true
			}
		}
	case "strings":
		arr, _ := v.([]any)
		max := f.MaxItems
		if max == 0 {
			max = len(arr) + 1
		}
		for i := range max {
			s := ""
			if i < len(arr) {
				s = fmt.Sprint(arr[i])
			}
			n.Slots = append(n.Slots, s)
		}
	case "any":
		if m, ok := v.(map[string]any); ok && len(m) > 0 {
			var b strings.Builder
			if err := toml.NewEncoder(&b).Encode(m); err == nil {
				n.Value = b.String()
			}
		} else if e, ok := v.(varsError); ok {
			n.Value = e.src // what the user typed, when it did not parse
		}
	default:
		n.Value = scalarString(v)
	}
	return n
}

func scalarString(v any) string {
	switch x := v.(type) {
	case nil:
		return ""
	case string:
		return x
	case time.Time:
		return x.Format("2006-01-02")
	case float64:
		return strconv.FormatFloat(x, 'f', -1, 64)
	}
	return fmt.Sprint(v)
}

// readForm rebuilds the profile from the posted form, guided by the schema. Values that do not
// parse as their kind are kept as strings, so that the profile decoder reports them at their
// place, exactly as `check` would for a hand-written file.
func readForm(form url.Values) map[string]any {
	keys := make([]string, 0, len(form))
	for k := range form {
		if strings.HasPrefix(k, "v.") {
			keys = append(keys, k[2:])
		}
	}
	sort.Strings(keys)
	fr := formReader{form: form, keys: keys}
	doc := map[string]any{}
	for _, f := range profile.Schema.Fields {
		if v := fr.value(f, f.Name); v != nil {
			doc[f.Name] = v
		}
	}
	return doc
}

type formReader struct {
	form url.Values
	keys []string // posted names without "v.", sorted
}

func (fr formReader) get(name string) (string, bool) {
	vs, ok := fr.form["v."+name]
	if !ok || len(vs) == 0 {
		return "", false
	}
	return vs[0], true
}

// indices are the item numbers posted under path (in numeric order; gaps from removed items
// close up).
func (fr formReader) indices(path string) []int {
	seen := map[int]bool{}
	prefix := path + "."
	i := sort.SearchStrings(fr.keys, prefix)
	for ; i < len(fr.keys) && strings.HasPrefix(fr.keys[i], prefix); i++ {
		rest := fr.keys[i][len(prefix):]
		end := strings.IndexAny(rest, ".@")
		if end < 0 {
			end = len(rest)
		}
		if n, err := strconv.Atoi(rest[:end]); err == nil && n >= 0 && n < 10000 {
			seen[n] = true
		}
	}
	out := make([]int, 0, len(seen))
	for n := range seen {
		out = append(out, n)
	}
	sort.Ints(out)
	return out
}

func (fr formReader) value(f *profile.Field, path string) any {
	switch f.Kind {
	case profile.KindTable:
		m := map[string]any{}
		for _, c := range f.Fields {
			if v := fr.value(c, join(path, c.Name)); v != nil {
				m[c.Name] = v
			}
		}
		if len(m) == 0 {
			return nil
		}
		return m
	case profile.KindTables, profile.KindTexts, profile.KindStrings:
		item := &profile.Field{Kind: profile.KindTable, Fields: f.Fields}
		switch f.Kind {
		case profile.KindTexts:
			item = &profile.Field{Kind: profile.KindText}
		case profile.KindStrings:
			item = &profile.Field{Kind: profile.KindString}
		}
		var arr []any
		for _, i := range fr.indices(path) {
			if v := fr.value(item, join(path, strconv.Itoa(i))); v != nil {
				arr = append(arr, v)
			}
		}
		if len(arr) == 0 {
			return nil
		}
		return arr
	case profile.KindText:
		m := map[string]any{}
		var vals []string
		for _, l := range profile.Languages {
			s, ok := fr.get(path + "@" + l)
			if !ok {
				continue
			}
			vals = append(vals, s)
			if strings.TrimSpace(s) != "" {
				m[l] = normNewlines(s)
			}
		}
		if len(m) == 0 {
			return nil
		}
		// The same text in every language shown is one plain string, as a person writes it.
		if len(m) == len(vals) {
			first, same := "", true
			for i, s := range vals {
				if i == 0 {
					first = s
				} else if s != first {
					same = false
				}
			}
			if same {
				return normNewlines(first)
			}
		}
		return m
	case profile.KindAny:
		s, _ := fr.get(path)
		if strings.TrimSpace(s) == "" {
			return nil
		}
		var m map[string]any
		if _, err := toml.Decode(s, &m); err != nil {
			return varsError{src: s, err: err}
		}
		return m
	}
	s, ok := fr.get(path)
	s = strings.TrimSpace(s)
	if !ok || s == "" {
		return nil
	}
	switch f.Kind {
	case profile.KindBool:
		switch s {
		case "true":
			return true
		case "false":
			return false
		}
	case profile.KindInt:
		if n, err := strconv.ParseInt(s, 10, 64); err == nil {
			return n
		}
	case profile.KindNumber:
		if n, err := strconv.ParseInt(s, 10, 64); err == nil {
			return n
		}
		if x, err := strconv.ParseFloat(s, 64); err == nil {
			return x
		}
	case profile.KindDate:
		if t, err := time.Parse("2006-01-02", s); err == nil {
			return t // written back as a TOML local date
		}
	}
	return s
}

// varsError is a [vars] box that is not TOML: kept as typed and reported at the box.
type varsError struct {
	src string
	err error
}

func normNewlines(s string) string { return strings.ReplaceAll(s, "\r\n", "\n") }
