package profile

import (
	"fmt"
	"github.com/tsdraft/tsdraft/internal/textdist"
	"sort"
	"strings"
	"time"
)

// normalize turns BurntSushi's arrays of tables ([]map[string]any) into []any, so the rest of
// the package sees one array type.
func normalize(v any) any {
	switch x := v.(type) {
	case map[string]any:
		for k, e := range x {
			x[k] = normalize(e)
		}
		return x
	case []map[string]any:
		out := make([]any, len(x))
		for i, e := range x {
			out[i] = normalize(e)
		}
		return out
	case []any:
		for i, e := range x {
			x[i] = normalize(e)
		}
		return x
	}
	return v
}

// tomlTypeName names a decoded value's TOML type, with an article, for messages.
func tomlTypeName(v any) string {
	switch x := v.(type) {
	case string:
		return "a string"
	case int64:
		return "an integer"
	case float64:
		return "a float"
	case bool:
		return "a boolean"
	case time.Time:
		switch x.Location().String() {
		case "date-local":
			return "a date"
		case "time-local":
			return "a time"
		}
		return "a date-time"
	case []any:
		return "an array"
	case map[string]any:
		return "a table"
	case nil:
		return "nothing"
	}
	return fmt.Sprintf("a %T", v)
}

// displayPath writes a key path for people: confidential.levels[0].label.
func displayPath(path []string) string {
	var b strings.Builder
	for i, seg := range path {
		switch {
		case isIndex(seg) && i > 0:
			b.WriteString("[" + seg + "]")
		case i > 0:
			b.WriteString("." + quoteKey(seg))
		default:
			b.WriteString(quoteKey(seg))
		}
	}
	return b.String()
}

func quoteKey(k string) string {
	for i := 0; i < len(k); i++ {
		if !isBare(k[i]) {
			return fmt.Sprintf("%q", k)
		}
	}
	if k == "" {
		return `""`
	}
	return k
}

// suggest returns the candidate closest to s: an exact case-insensitive match, a language code
// it abbreviates ("zh" → "zh-CN"), or the nearest by edit distance when near enough to be a
// typo and unambiguous (textdist.Nearest); "" if none.
func suggest(s string, candidates []string) string {
	for _, c := range candidates {
		if strings.EqualFold(c, s) {
			return c
		}
	}
	for _, c := range candidates { // "zh" → "zh-CN"
		if len(s) >= 2 && strings.HasPrefix(strings.ToLower(c), strings.ToLower(s)+"-") {
			return c
		}
	}
	return textdist.Nearest(s, candidates)
}

func sortedKeys(m map[string]any) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

func get(m map[string]any, path ...string) (any, bool) {
	var cur any = m
	for _, seg := range path {
		switch c := cur.(type) {
		case map[string]any:
			v, ok := c[seg]
			if !ok {
				return nil, false
			}
			cur = v
		case []any:
			var i int
			if _, err := fmt.Sscan(seg, &i); err != nil || i < 0 || i >= len(c) {
				return nil, false
			}
			cur = c[i]
		default:
			return nil, false
		}
	}
	return cur, true
}
