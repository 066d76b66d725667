package batch

import (
	"errors"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzNamePattern: any --name pattern is parsed or refused with a message naming it; any
// value a placeholder takes becomes a file name that stays in the output folder, is not
// hidden and is never read as an option (no leading '.' or '-').
func FuzzNamePattern(f *testing.F) {
	for _, s := range []string{DefaultName, "{employee.id}", "{doc}_{lang}_{row}", "{", "}", "{}", "{ employee.name }", "{vars.x}", "{employee.access}", "a{doc}b{", "{nope}"} {
		f.Add(s, hostileID, "../..\\CON.txt")
	}
	f.Fuzz(func(t *testing.T, pattern, id, name string) {
		p, err := parseName(pattern)
		if err != nil {
			var ne *NameError
			if !errors.As(err, &ne) || ne.Pattern != pattern && pattern != "" || strings.Contains(err.Error(), "--") {
				t.Fatalf("not a NameError naming the pattern, or naming a flag (the CLI words that): %v", err)
			}
			return
		}
		v := &nameValues{row: 2, doc: "exit-pledge", langs: []string{"ja"}, base: map[string]any{
			"employee": map[string]any{"id": id, "name": name}, "vars": map[string]any{"x": name},
		}}
		s, err := p.expand(v)
		if err != nil {
			return // a blank value: reported to the user
		}
		out := safeName(s)
		if out == "" {
			return
		}
		if strings.HasPrefix(out, "-") || strings.HasPrefix(out, ".") || strings.ContainsAny(out, `/\`) ||
			strings.Contains(out, "..") || !utf8.ValidString(out) || len(out) > maxNameBytes {
			t.Fatalf("unsafe file name %q from %q", out, s)
		}
		if !inside("out", filepath.Join("out", out+".docx")) {
			t.Fatalf("%q leaves the output folder", out)
		}
	})
}
