package translate

import (
	"fmt"
	"slices"
	"strings"

	"github.com/tsdraft/tsdraft/internal/docxtmpl"
)

// tagSpan is one {{ … }} found in a text.
type tagSpan struct {
	start, end int    // byte offsets of "{{" and just after "}}"
	raw        string // as written
	norm       string // normalised, see normalizeTag
}

// block kinds a tag can open or close.
func (t tagSpan) opens() (kind string, ok bool) {
	s := strings.TrimPrefix(t.norm, "{{")
	if !strings.HasPrefix(s, "#") {
		return "", false
	}
	word, _, _ := strings.Cut(strings.TrimSuffix(s[1:], "}}"), " ")
	return word, true
}

func (t tagSpan) closes() (kind string, ok bool) {
	s := strings.TrimPrefix(t.norm, "{{")
	if !strings.HasPrefix(s, "/") {
		return "", false
	}
	return strings.TrimSuffix(s[1:], "}}"), true
}

func (t tagSpan) isElse() bool { return t.norm == "{{else}}" }

// scanTags finds the tags of text. unterminated holds the offsets of "{{" with no "}}" (or
// with another "{{" before it), which the engine would reject.
func scanTags(text string) (tags []tagSpan, unterminated []int) {
	for i := 0; i < len(text); {
		open := strings.Index(text[i:], "{{")
		if open < 0 {
			break
		}
		open += i
		close := strings.Index(text[open+2:], "}}")
		if close < 0 {
			unterminated = append(unterminated, open)
			break
		}
		close += open + 2
		if next := strings.Index(text[open+2:close], "{{"); next >= 0 {
			unterminated = append(unterminated, open)
			i = open + 2 + next
			continue
		}
		raw := text[open : close+2]
		tags = append(tags, tagSpan{start: open, end: close + 2, raw: raw, norm: normalizeTag(raw[2 : len(raw)-2])})
		i = close + 2
	}
	return tags, unterminated
}

// normalizeTag gives the canonical spelling of a tag's inside: straight quotes, whitespace
// outside quoted strings collapsed to one space, none right after # or /. Block tags are
// written tight ({{#if x}}, {{/if}}, {{else}}), value tags with one space inside the braces
// ({{ company.name }}), the way the templates write them.
func normalizeTag(inner string) string {
	s := docxtmpl.NormalizeQuotes(inner)
	var b strings.Builder
	var quote rune
	space := false
	for _, r := range strings.TrimSpace(s) {
		switch {
		case quote != 0:
			b.WriteRune(r)
			if r == quote {
				quote = 0
			}
			continue
		case r == '"' || r == '\'':
			quote = r
		case r == ' ' || r == '\t' || r == '\n' || r == '\r':
			space = true
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(r)
	}
	c := b.String()
	if c != "" && (c[0] == '#' || c[0] == '/') {
		c = c[:1] + strings.TrimLeft(c[1:], " ")
		if strings.HasSuffix(c, "}") {
			// Tight, "{{#a}}}" would read back as the tag "{{#a}}" and a stray brace: keep
			// the space so the normal form reads back as itself.
			return "{{" + c + " }}"
		}
		return "{{" + c + "}}"
	}
	if c == "else" {
		return "{{else}}"
	}
	if c == "" {
		return "{{ }}"
	}
	return "{{ " + c + " }}"
}

// Tags returns the {{ … }} tags of a text, normalised (curly quotes made straight,
// whitespace collapsed) and sorted, with repeats kept: two texts carry the same tags exactly
// when their Tags are equal.
func Tags(text string) []string {
	spans, _ := scanTags(text)
	out := make([]string, len(spans))
	for i, t := range spans {
		out[i] = t.norm
	}
	slices.Sort(out)
	return out
}

// tagDiff lists the tags of want missing from got and the tags of got not in want (as
// multisets), for messages.
func tagDiff(want, got []string) (missing, extra []string) {
	count := map[string]int{}
	for _, t := range want {
		count[t]++
	}
	for _, t := range got {
		count[t]--
	}
	keys := make([]string, 0, len(count))
	for k := range count {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		for n := count[k]; n > 0; n-- {
			missing = append(missing, k)
		}
		for n := count[k]; n < 0; n++ {
			extra = append(extra, k)
		}
	}
	return missing, extra
}

// describeTagDiff is the message body for a tag mismatch.
func describeTagDiff(missing, extra []string) string {
	var parts []string
	if len(missing) > 0 {
		parts = append(parts, "missing "+strings.Join(missing, ", "))
	}
	if len(extra) > 0 {
		parts = append(parts, "not in the master "+strings.Join(extra, ", "))
	}
	return strings.Join(parts, "; ")
}

// finding is a problem at a byte offset of a text.
type finding struct {
	offset int
	msg    string
}

// blockKinds are the blocks the template engine knows.
var blockKinds = []string{"if", "unless", "each"}

// checkBlocks reports unterminated tags, unknown blocks and block tags that do not nest:
// {{#if}} … {{else}} … {{/if}}, {{#unless}} … {{/unless}}, {{#each}} … {{/each}}.
func checkBlocks(text string) []finding {
	spans, unterminated := scanTags(text)
	var out []finding
	for _, off := range unterminated {
		out = append(out, finding{off, fmt.Sprintf("%q opens a tag that is never closed with }}", excerpt(text[off:], 20))})
	}
	type open struct {
		kind    string
		span    tagSpan
		hasElse bool
	}
	var stack []open
	for _, t := range spans {
		if kind, ok := t.opens(); ok {
			if !slices.Contains(blockKinds, kind) {
				out = append(out, finding{t.start, fmt.Sprintf("unknown block %s (use #if, #unless or #each)", t.norm)})
				continue
			}
			stack = append(stack, open{kind: kind, span: t})
			continue
		}
		if kind, ok := t.closes(); ok {
			if !slices.Contains(blockKinds, kind) {
				out = append(out, finding{t.start, fmt.Sprintf("unknown closing tag %s (use /if, /unless or /each)", t.norm)})
				continue
			}
			if len(stack) == 0 {
				out = append(out, finding{t.start, fmt.Sprintf("%s closes no block", t.norm)})
				continue
			}
			top := stack[len(stack)-1]
			if top.kind != kind {
				out = append(out, finding{t.start, fmt.Sprintf("%s closes %s: close {{/%s}} first", t.norm, top.span.norm, top.kind)})
			}
			stack = stack[:len(stack)-1]
			continue
		}
		if t.isElse() {
			switch {
			case len(stack) == 0:
				out = append(out, finding{t.start, "{{else}} outside any {{#if}}, {{#unless}} or {{#each}} block"})
			case stack[len(stack)-1].hasElse:
				out = append(out, finding{t.start, "second {{else}} in the block opened by " + stack[len(stack)-1].span.norm})
			default:
				stack[len(stack)-1].hasElse = true
			}
		}
	}
	for _, o := range stack {
		out = append(out, finding{o.span.start, fmt.Sprintf("%s is never closed (add {{/%s}})", o.span.norm, o.kind)})
	}
	slices.SortStableFunc(out, func(a, b finding) int { return a.offset - b.offset })
	return out
}

// excerpt shortens s to at most n runes for messages.
func excerpt(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n]) + "…"
}
