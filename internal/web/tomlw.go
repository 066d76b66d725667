package web

import (
	"bytes"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/BurntSushi/toml"

	"github.com/tsdraft/tsdraft/internal/profile"
)

// The profile the form saves is an ordinary TOML file, written in the order of the schema (the
// order of the `init` samples), one key a line and one list item a line, so that every
// diagnostic's line leads back to one field of the form.

const savedHeader = "# tsdraft profile, saved by `tsdraft serve`. The CLI reads it as it is: tsdraft check FILE.\n"

type tomlWriter struct {
	buf   bytes.Buffer
	line  int               // current line, 1-based
	paths map[int]string    // line → key path written there
	langs []string          // order of a text's languages
	bad   map[string]string // key path → problem found while writing ([vars] that is not TOML)
}

// writeProfile encodes doc (from readForm or a decoded file) and tells which key path each line
// holds.
func writeProfile(doc map[string]any, langs []string) ([]byte, map[int]string, map[string]string) {
	w := &tomlWriter{line: 1, paths: map[int]string{}, langs: langs, bad: map[string]string{}}
	w.raw(savedHeader)
	w.table(profile.Schema, doc, "")
	return w.buf.Bytes(), w.paths, w.bad
}

func (w *tomlWriter) raw(s string) {
	w.buf.WriteString(s)
	w.line += strings.Count(s, "\n")
}

func (w *tomlWriter) mark(path string) { w.paths[w.line] = path }

// table writes the plain keys of a table, then its sub-tables, then its arrays of tables, as
// TOML requires.
func (w *tomlWriter) table(f *profile.Field, m map[string]any, path string) {
	for _, c := range f.Fields {
		v, ok := m[c.Name]
		if !ok || c.Kind == profile.KindTable || c.Kind == profile.KindTables || c.Kind == profile.KindAny {
			continue
		}
		p := join(path, c.Name)
		if c.Kind == profile.KindTexts {
			if arr, ok := v.([]any); ok {
				w.mark(p)
				w.raw(c.Name + " = [\n")
				for i, e := range arr {
					w.mark(join(p, strconv.Itoa(i)))
					w.raw("  " + w.value(e) + ",\n")
				}
				w.raw("]\n")
				continue
			}
		}
		w.mark(p)
		w.raw(c.Name + " = " + w.value(v) + "\n")
	}
	for _, c := range f.Fields {
		v, ok := m[c.Name]
		if !ok {
			continue
		}
		p := join(path, c.Name)
		switch c.Kind {
		case profile.KindTable:
			sub, ok := v.(map[string]any)
			if !ok {
				continue
			}
			w.raw("\n")
			w.mark(p)
			w.raw("[" + p + "]\n")
			w.table(c, sub, p)
		case profile.KindAny:
			w.raw("\n")
			w.mark(p)
			switch x := v.(type) {
			case varsError:
				w.bad[p] = x.err.Error()
			case map[string]any:
				var b bytes.Buffer
				if err := toml.NewEncoder(&b).Encode(map[string]any{c.Name: x}); err != nil {
					w.bad[p] = err.Error()
					continue
				}
				// The encoder's own lines all belong to [vars].
				start := w.line
				w.raw(b.String())
				for l := start; l < w.line; l++ {
					w.paths[l] = p
				}
			}
		}
	}
	for _, c := range f.Fields {
		if c.Kind != profile.KindTables {
			continue
		}
		arr, _ := m[c.Name].([]any)
		p := join(path, c.Name)
		item := &profile.Field{Kind: profile.KindTable, Fields: c.Fields}
		for i, e := range arr {
			sub, ok := e.(map[string]any)
			if !ok {
				continue
			}
			ip := join(p, strconv.Itoa(i))
			w.raw("\n")
			w.mark(ip)
			w.raw("[[" + p + "]]\n")
			w.table(item, sub, ip)
		}
	}
}

// value is a TOML value on one line.
func (w *tomlWriter) value(v any) string {
	switch x := v.(type) {
	case string:
		return profile.QuoteTOML(x)
	case bool:
		return strconv.FormatBool(x)
	case int64:
		return strconv.FormatInt(x, 10)
	case int:
		return strconv.Itoa(x)
	case float64:
		return strconv.FormatFloat(x, 'f', -1, 64)
	case time.Time:
		return x.Format("2006-01-02")
	case map[string]any:
		keys := make([]string, 0, len(x))
		for _, l := range w.langs {
			if _, ok := x[l]; ok {
				keys = append(keys, l)
			}
		}
		var rest []string
		for k := range x {
			if !slices.Contains(keys, k) {
				rest = append(rest, k)
			}
		}
		slices.Sort(rest)
		parts := make([]string, 0, len(x))
		for _, k := range append(keys, rest...) {
			parts = append(parts, bareOrQuoted(k)+" = "+w.value(x[k]))
		}
		return "{ " + strings.Join(parts, ", ") + " }"
	case []any:
		parts := make([]string, len(x))
		for i, e := range x {
			parts[i] = w.value(e)
		}
		return "[" + strings.Join(parts, ", ") + "]"
	}
	return profile.QuoteTOML(fmt.Sprint(v))
}

func bareOrQuoted(k string) string {
	if k == "" {
		return `""`
	}
	for _, r := range k {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' || r == '_') {
			return profile.QuoteTOML(k)
		}
	}
	return k
}
