package translate

import (
	"fmt"
	"slices"
	"strings"

	"github.com/tsdraft/tsdraft/internal/catalog"
)

// Writing a locale file back must not disturb what a person wrote: comments, blank lines,
// the order of entries, the quoting of texts nobody changed. So edits are surgical: a
// changed text or source replaces exactly its value's bytes, a missing source line goes
// right under the text, a new entry goes before the next entry of the master's order (or at
// the end). Nothing changes when nothing is to change, byte for byte. Every edited file is
// decoded again and compared with what was meant before it is accepted.

// entryEdit is a change to one entry of a file.
type entryEdit struct {
	table  string
	text   *string // new text; nil keeps it
	source string  // new source hash; "" keeps it
}

// splice is one replacement of src[start:end]; seq orders insertions at the same offset.
type splice struct {
	start, end int
	with       string
	seq        int
}

// editFile applies edits to the locale file src (name for messages) and returns the new
// content. Entries not in the file are added, placed by masterOrder (the master file's
// tables in order).
func editFile(name, src string, edits []entryEdit, masterOrder []string) (string, error) {
	if src != "" {
		if _, problems := catalog.ParseFile(name, src); catalog.Errors(problems) > 0 {
			return "", fmt.Errorf("%s must be fixed first: %s", name, problems[0])
		}
	}
	before, _ := catalog.ParseFile(name, src)
	pos, err := catalog.ScanTOML(src)
	if err != nil {
		return "", fmt.Errorf("%s: cannot find its entries to edit (%v); write it as plain [table] sections", name, err)
	}
	var splices []splice
	var added []entryEdit
	seq := 0
	push := func(s splice) {
		seq++
		s.seq = seq
		splices = append(splices, s)
	}
	for _, ed := range edits {
		hi := -1
		for i, h := range pos.Headers {
			if !h.Array && len(h.Path) == 1 && h.Path[0] == ed.table {
				hi = i
			}
		}
		if hi < 0 {
			for _, kv := range pos.KVs {
				if kv.Path[0] == ed.table {
					return "", fmt.Errorf("%s:%d: [%s] is written as a dotted key or inline table; write it as a [%s] section with text = … so that it can be updated", name, kv.Line, ed.table, ed.table)
				}
			}
			if ed.text == nil {
				return "", fmt.Errorf("%s: has no [%s] to update", name, ed.table)
			}
			added = append(added, ed)
			continue
		}
		secStart := pos.Headers[hi].Start
		secEnd := len(src)
		if hi+1 < len(pos.Headers) {
			secEnd = pos.Headers[hi+1].Start
		}
		inSection := func(path []string) (catalog.ScanKV, bool) {
			for _, kv := range pos.KVs {
				if kv.ValStart >= secStart && kv.ValStart < secEnd && slices.Equal(kv.Path, path) && !kv.Dotted {
					return kv, true
				}
			}
			return catalog.ScanKV{}, false
		}
		textKV, ok := inSection([]string{ed.table, "text"})
		if !ok {
			return "", fmt.Errorf("%s:%d: [%s] has no text = … line of its own to update", name, pos.Headers[hi].Line, ed.table)
		}
		cur := findEntry(before, ed.table)
		if ed.text != nil && (cur == nil || cur.Text != *ed.text) {
			push(splice{textKV.ValStart, textKV.ValEnd, encodeLike(src[textKV.ValStart:textKV.ValEnd], *ed.text), 0})
		}
		if ed.source == "" || (cur != nil && cur.HasSource && cur.Source == ed.source) {
			continue
		}
		if srcKV, ok := inSection([]string{ed.table, "source"}); ok {
			if !srcKV.Str {
				return "", fmt.Errorf("%s:%d: source of [%s] is not a string", name, srcKV.Line, ed.table)
			}
			push(splice{srcKV.ValStart, srcKV.ValEnd, `"` + ed.source + `"`, 0})
			continue
		}
		line := "source = \"" + ed.source + "\"\n"
		if textKV.LineEnd == len(src) && !strings.HasSuffix(src, "\n") {
			line = "\n" + line
		}
		push(splice{textKV.LineEnd, textKV.LineEnd, line, 0})
	}

	// New entries: before the first existing entry that follows them in the master, so
	// that files keep the master's order; at the end otherwise.
	rank := func(table string) int {
		if i := slices.Index(masterOrder, table); i >= 0 {
			return i
		}
		return len(masterOrder) + 1
	}
	slices.SortStableFunc(added, func(a, b entryEdit) int { return rank(a.table) - rank(b.table) })
	var atEnd []string
	for _, ed := range added {
		block := "[" + catalog.EncodeKey(ed.table) + "]\ntext = " + catalog.EncodeString(*ed.text) + "\n"
		if ed.source != "" {
			block += "source = \"" + ed.source + "\"\n"
		}
		anchor := -1
		for i, h := range pos.Headers {
			if h.Array || len(h.Path) != 1 {
				continue
			}
			r := rank(h.Path[0])
			if r > rank(ed.table) && r < len(masterOrder) && (anchor < 0 || r < rank(pos.Headers[anchor].Path[0])) {
				anchor = i
			}
		}
		if anchor < 0 {
			atEnd = append(atEnd, block)
			continue
		}
		at := commentStart(src, pos.Headers[anchor].Start)
		push(splice{at, at, block + "\n", 0})
	}
	if len(atEnd) > 0 {
		tail := ""
		if src != "" && !strings.HasSuffix(src, "\n") {
			tail = "\n"
		}
		if src != "" && !strings.HasSuffix(src+tail, "\n\n") {
			tail += "\n"
		}
		push(splice{len(src), len(src), tail + strings.Join(atEnd, "\n"), 0})
	}

	slices.SortStableFunc(splices, func(a, b splice) int {
		if a.start != b.start {
			return b.start - a.start
		}
		return b.seq - a.seq
	})
	out := src
	for _, s := range splices {
		out = out[:s.start] + s.with + out[s.end:]
	}
	if err := verifyEdit(name, before, out, edits); err != nil {
		return "", err
	}
	return out, nil
}

// commentStart moves an insertion point above the comment lines directly over a header,
// which belong to that header's entry.
func commentStart(src string, lineStart int) int {
	at := lineStart
	for at > 0 {
		prev := strings.LastIndexByte(src[:at-1], '\n') + 1
		if !strings.HasPrefix(strings.TrimLeft(src[prev:at], " \t"), "#") {
			break
		}
		at = prev
	}
	return at
}

func findEntry(entries []*catalog.FileEntry, table string) *catalog.FileEntry {
	for _, e := range entries {
		if e.Name == table {
			return e
		}
	}
	return nil
}

// verifyEdit decodes the edited file and checks that it holds exactly the intended
// entries: the safety net under the splicing above.
func verifyEdit(name string, before []*catalog.FileEntry, out string, edits []entryEdit) error {
	after, problems := catalog.ParseFile(name, out)
	if catalog.Errors(problems) > 0 {
		return fmt.Errorf("%s: internal error: the edited file does not decode (%s); nothing was written", name, problems[0])
	}
	want := map[string]catalog.FileEntry{}
	for _, e := range before {
		want[e.Name] = *e
	}
	for _, ed := range edits {
		e := want[ed.table]
		e.Name = ed.table
		if ed.text != nil {
			e.Text = *ed.text
		}
		if ed.source != "" {
			e.Source, e.HasSource = ed.source, true
		}
		want[ed.table] = e
	}
	if len(after) != len(want) {
		return fmt.Errorf("%s: internal error: the edited file has %d entries, want %d; nothing was written", name, len(after), len(want))
	}
	for _, got := range after {
		w, ok := want[got.Name]
		if !ok || w.Text != got.Text || w.Note != got.Note || w.Source != got.Source || w.HasSource != got.HasSource {
			return fmt.Errorf("%s: internal error: entry [%s] did not come out as intended; nothing was written", name, got.Name)
		}
	}
	return nil
}

// encodeLike encodes s as a TOML string in the quoting of old, the value it replaces, when
// that quoting can carry s: a translator who wrote ”'…”' (no escapes, quotes as they are)
// keeps it. Otherwise, or when old is not a string, it falls back to encodeString.
func encodeLike(old, s string) string {
	switch {
	case strings.HasPrefix(old, "'''"):
		// A multi-line literal has no escapes: no ''' inside, no control character but tab
		// and line feed, no ' at the end (it would run into the delimiter). A line break
		// right after the opening delimiter is dropped by the decoder, so one is written
		// when the old value had it or when s itself starts with a line break.
		ok := !strings.Contains(s, "'''") && !strings.HasSuffix(s, "'")
		for _, r := range s {
			if r == '\r' || (r != '\n' && catalog.IsTOMLControl(r)) {
				ok = false
			}
		}
		if ok {
			lead := ""
			if strings.HasPrefix(old, "'''\n") || strings.HasPrefix(old, "'''\r\n") || strings.HasPrefix(s, "\n") {
				lead = "\n"
			}
			return "'''" + lead + s + "'''"
		}
	case strings.HasPrefix(old, "'"):
		if catalog.CanLiteral(s) {
			return "'" + s + "'"
		}
	case strings.HasPrefix(old, `"""`):
		if !strings.Contains(s, "\n") {
			return `"""` + catalog.EscapeBasic(s, true) + `"""`
		}
	case strings.HasPrefix(old, `"`):
		if !strings.Contains(s, "\n") {
			return `"` + catalog.EscapeBasic(s, false) + `"`
		}
	}
	return catalog.EncodeString(s)
}
