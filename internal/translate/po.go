package translate

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/tsdraft/tsdraft/internal/catalog"
)

// The gettext PO export is for the tools that read PO and nothing else well (Poedit,
// Weblate, Crowdin, translate-toolkit): one entry per master entry, msgctxt the entry ID,
// msgid the Japanese master with its tags as written, msgstr the translation. A stale
// translation is fuzzy, with the master it was made from as the previous msgid (#|), which
// Poedit and Weblate show as a diff; the notes are extracted comments (#.). A missing one
// has an empty msgstr and no fuzzy flag: gettext's msgattrib drops "fuzzy" on an empty
// msgstr and pocount then counts the entry as neither fuzzy nor untranslated.
//
// On import a fuzzy entry is skipped (gettext treats it as unfinished: msgfmt leaves it
// out); clearing the flag is the confirmation.

// ExportPO writes the master entries lang must translate as a PO file, filtered by state.
func (c *Tree) ExportPO(opt ExportOptions) ([]byte, error) {
	files, err := c.exportUnits(opt)
	if err != nil {
		return nil, err
	}
	var b strings.Builder
	fmt.Fprintf(&b, "# tsdraft locale texts: the Japanese master (msgid) and its %s translation (msgstr).\n", languageNames[opt.Lang])
	b.WriteString("# msgctxt is the entry's key. Keep every {{ … }} tag of the msgid, in an order that nests the same way.\n")
	b.WriteString("# A fuzzy entry is stale: compare the previous master (#|) with the msgid, then clear the flag.\n")
	b.WriteString("msgid \"\"\nmsgstr \"\"\n")
	for _, h := range []string{
		"Project-Id-Version: tsdraft locales",
		"Language: " + opt.Lang,
		"MIME-Version: 1.0",
		"Content-Type: text/plain; charset=UTF-8",
		"Content-Transfer-Encoding: 8bit",
		"X-Generator: tsdraft",
		"X-Tsdraft-Export: " + opt.Lang,
	} {
		fmt.Fprintf(&b, "%s\n", poQuote(h+"\n"))
	}
	for _, units := range files {
		for _, u := range units {
			b.WriteString("\n")
			for _, n := range u.notes() {
				for _, line := range strings.Split(n, "\n") {
					fmt.Fprintf(&b, "#. %s\n", line)
				}
			}
			fmt.Fprintf(&b, "#: %s:%d\n", u.m.File.Rel, u.m.Line)
			if u.state == StateStale {
				b.WriteString("#, fuzzy\n")
				if u.old != "" {
					for _, line := range strings.Split(poString("msgid", u.old), "\n") {
						fmt.Fprintf(&b, "#| %s\n", line)
					}
				}
			}
			fmt.Fprintf(&b, "%s\n", poString("msgctxt", u.m.ID()))
			fmt.Fprintf(&b, "%s\n", poString("msgid", u.m.Text))
			tr := ""
			if u.tr != nil {
				tr = u.tr.Text
			}
			fmt.Fprintf(&b, "%s\n", poString("msgstr", tr))
		}
	}
	return []byte(b.String()), nil
}

// poString writes keyword and s, a text of several lines as one quoted string per line.
func poString(keyword, s string) string {
	if !strings.Contains(strings.TrimSuffix(s, "\n"), "\n") {
		return keyword + " " + poQuote(s)
	}
	lines := strings.SplitAfter(s, "\n")
	var b strings.Builder
	b.WriteString(keyword + " \"\"")
	for _, l := range lines {
		if l != "" {
			b.WriteString("\n" + poQuote(l))
		}
	}
	return b.String()
}

func poQuote(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch r {
		case '"':
			b.WriteString(`\"`)
		case '\\':
			b.WriteString(`\\`)
		case '\n':
			b.WriteString(`\n`)
		case '\t':
			b.WriteString(`\t`)
		case '\r':
			b.WriteString(`\r`)
		default:
			if r < 0x20 || r == 0x7f {
				fmt.Fprintf(&b, `\%03o`, r)
				continue
			}
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// poEntry is one entry of a PO file.
type poEntry struct {
	line    int // line of the entry's first keyword
	ctxt    string
	hasCtxt bool
	id      string
	str     string
	plural  bool
	fuzzy   bool
	refs    []string
}

// IsPO tells a PO file from an XLIFF one by its first significant line.
func IsPO(data []byte) bool { return looksLikePO(data) }

func looksLikePO(data []byte) bool {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	for _, line := range bytes.Split(data, []byte("\n")) {
		line = bytes.TrimSpace(line)
		if len(line) == 0 {
			continue
		}
		return line[0] == '#' || bytes.HasPrefix(line, []byte("msgid")) || bytes.HasPrefix(line, []byte("msgctxt"))
	}
	return false
}

// readPO parses a PO file. Obsolete entries (#~) are left out; the header is the entry
// with an empty msgid and no context. name is used in messages.
func readPO(name string, data []byte) (header map[string]string, entries []*poEntry, err error) {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if !utf8.Valid(data) {
		off := 0
		for off < len(data) {
			r, size := utf8.DecodeRune(data[off:])
			if r == utf8.RuneError && size == 1 {
				break
			}
			off += size
		}
		return nil, nil, fmt.Errorf("%s:%d: invalid UTF-8 (byte 0x%02x): save the PO file as UTF-8", name, 1+bytes.Count(data[:off], []byte("\n")), data[off])
	}
	var cur *poEntry
	var field *string // the string continuation lines append to
	var state string  // last keyword: msgctxt, msgid, msgid_plural, msgstr
	var flags []string
	var refs []string
	flush := func() {
		if cur != nil && state != "" {
			if state == "msgctxt" || state == "msgid" || state == "msgid_plural" {
				// An entry needs its msgstr; a dangling msgid is an error found below.
				return
			}
			for _, f := range flags {
				if strings.TrimSpace(f) == "fuzzy" {
					cur.fuzzy = true
				}
			}
			cur.refs = refs
			entries = append(entries, cur)
		}
		cur, field, state, flags, refs = nil, nil, "", nil, nil
	}
	lines := strings.Split(string(data), "\n")
	for i, raw := range lines {
		n := i + 1
		line := strings.TrimSpace(strings.TrimSuffix(raw, "\r"))
		fail := func(format string, args ...any) error {
			return fmt.Errorf("%s:%d: %s", name, n, fmt.Sprintf(format, args...))
		}
		switch {
		case line == "":
			if cur != nil && state != "msgstr" {
				return nil, nil, fail("entry without msgstr (started at line %d)", cur.line)
			}
			flush()
			continue
		case strings.HasPrefix(line, "#~"):
			continue // obsolete
		case strings.HasPrefix(line, "#"):
			if cur != nil && state == "msgstr" {
				flush()
			}
			switch {
			case strings.HasPrefix(line, "#,"):
				flags = append(flags, strings.Split(line[2:], ",")...)
			case strings.HasPrefix(line, "#:"):
				refs = append(refs, strings.Fields(line[2:])...)
			}
			continue
		case strings.HasPrefix(line, `"`):
			if field == nil {
				return nil, nil, fail("a string continues nothing: put it after msgid, msgstr or msgctxt")
			}
			s, err := poUnquote(line)
			if err != nil {
				return nil, nil, fail("%v", err)
			}
			*field += s
			continue
		}
		keyword, rest, _ := strings.Cut(line, " ")
		rest = strings.TrimSpace(rest)
		s, err := poUnquote(rest)
		if err != nil {
			return nil, nil, fail("%s: %v", keyword, err)
		}
		switch {
		case keyword == "msgctxt":
			if cur != nil && state == "msgstr" {
				flush()
			}
			if cur != nil {
				return nil, nil, fail("msgctxt after msgid: the context comes first")
			}
			cur = &poEntry{line: n, ctxt: s, hasCtxt: true}
			field, state = &cur.ctxt, keyword
		case keyword == "msgid":
			if cur != nil && state == "msgstr" {
				flush()
			}
			if cur == nil {
				cur = &poEntry{line: n}
			} else if state != "msgctxt" {
				return nil, nil, fail("msgid twice in one entry (started at line %d)", cur.line)
			}
			cur.id = s
			field, state = &cur.id, keyword
		case keyword == "msgid_plural":
			if cur == nil || state != "msgid" {
				return nil, nil, fail("msgid_plural without msgid")
			}
			cur.plural = true
			plural := s
			field, state = &plural, keyword
		case keyword == "msgstr" || strings.HasPrefix(keyword, "msgstr["):
			if cur == nil || (state != "msgid" && state != "msgid_plural" && !(state == "msgstr" && cur.plural)) {
				return nil, nil, fail("%s without msgid", keyword)
			}
			if keyword == "msgstr" || keyword == "msgstr[0]" {
				cur.str = s
				field = &cur.str
			} else {
				other := s
				field = &other
			}
			state = "msgstr"
		default:
			return nil, nil, fail("unknown keyword %q: a PO entry has msgctxt, msgid and msgstr lines and # comments", keyword)
		}
	}
	if cur != nil && state != "msgstr" {
		return nil, nil, fmt.Errorf("%s:%d: entry without msgstr at the end of the file", name, cur.line)
	}
	flush()
	header = map[string]string{}
	out := entries[:0]
	for _, e := range entries {
		if e.id == "" && !e.hasCtxt {
			for _, l := range strings.Split(e.str, "\n") {
				if k, v, ok := strings.Cut(l, ":"); ok {
					header[strings.TrimSpace(k)] = strings.TrimSpace(v)
				}
			}
			continue
		}
		out = append(out, e)
	}
	return header, out, nil
}

// poUnquote reads one C-style quoted string of a PO file.
func poUnquote(s string) (string, error) {
	if len(s) < 2 || s[0] != '"' || s[len(s)-1] != '"' {
		return "", fmt.Errorf("expected a quoted string, found %q", s)
	}
	body := s[1 : len(s)-1]
	var b strings.Builder
	for i := 0; i < len(body); i++ {
		c := body[i]
		if c == '"' {
			return "", fmt.Errorf("unescaped \" inside a string: write \\\"")
		}
		if c != '\\' {
			b.WriteByte(c)
			continue
		}
		i++
		if i >= len(body) {
			return "", fmt.Errorf("string ends with a lone backslash")
		}
		switch e := body[i]; e {
		case 'n':
			b.WriteByte('\n')
		case 't':
			b.WriteByte('\t')
		case 'r':
			b.WriteByte('\r')
		case 'a':
			b.WriteByte('\a')
		case 'b':
			b.WriteByte('\b')
		case 'f':
			b.WriteByte('\f')
		case 'v':
			b.WriteByte('\v')
		case '\\', '"', '\'', '?':
			b.WriteByte(e)
		case '0', '1', '2', '3', '4', '5', '6', '7':
			j := i
			for j < len(body) && j < i+3 && body[j] >= '0' && body[j] <= '7' {
				j++
			}
			v, _ := strconv.ParseUint(body[i:j], 8, 8)
			b.WriteByte(byte(v))
			i = j - 1
		case 'x':
			j := i + 1
			for j < len(body) && j < i+3 && strings.IndexByte("0123456789abcdefABCDEF", body[j]) >= 0 {
				j++
			}
			if j == i+1 {
				return "", fmt.Errorf(`\x without hex digits`)
			}
			v, _ := strconv.ParseUint(body[i+1:j], 16, 8)
			b.WriteByte(byte(v))
			i = j - 1
		default:
			return "", fmt.Errorf("unknown escape \\%c", e)
		}
	}
	if !utf8.ValidString(b.String()) {
		return "", fmt.Errorf("an escape makes invalid UTF-8")
	}
	return b.String(), nil
}

// PlanImportPO plans writing the translations of a PO file (from ExportPO, or from
// translate-toolkit's xliff2po, whose entries carry the key as their only #: reference).
// lang, when not "", is the language the user says the file is in; the file's Language
// header must agree with it, and one of the two must be there.
func (c *Tree) PlanImportPO(name string, data []byte, lang string) (*Plan, error) {
	p, err := c.newPlanner()
	if err != nil {
		return nil, err
	}
	header, entries, err := readPO(name, data)
	if err != nil {
		return nil, err
	}
	fileLang := header["Language"]
	switch {
	case fileLang == "" && lang == "":
		return nil, fmt.Errorf("%s:1: the PO file does not say its language (no Language: header): pass %s (%s)", name, c.opt(OptLang), strings.Join(catalog.Languages[1:], " "))
	case fileLang != "":
		l, ok := canonicalLanguage(fileLang)
		if !ok {
			return nil, fmt.Errorf("%s:1: Language: %q is not one of %s", name, fileLang, strings.Join(catalog.Languages[1:], " "))
		}
		if lang != "" && lang != l {
			return nil, fmt.Errorf("%s:1: the file says Language: %s, not %s: import it as %s", name, fileLang, lang, l)
		}
		lang = l
	}
	if !catalog.IsLanguage(lang) {
		return nil, fmt.Errorf("unknown language %q (one of %s)", lang, strings.Join(catalog.Languages[1:], " "))
	}
	if lang == catalog.Master {
		return nil, fmt.Errorf("%s: the language is %s, the master: edit %s/%s/ directly instead", name, catalog.Master, p.plan.Root, catalog.Master)
	}
	if exported := header["X-Tsdraft-Export"]; exported != "" && exported != lang {
		return nil, fmt.Errorf("%s:1: the file says Language: %s but was exported for %s: import it as %s, or export again with %s %s", name, lang, exported, exported, c.opt(OptLang), lang)
	}
	seen := map[catalog.Ref]int{}
	for _, e := range entries {
		in := inUnit{line: e.line, id: e.ctxt, src: e.id, text: e.str, hasTarget: e.str != "", confirmed: !e.fuzzy}
		if !e.hasCtxt {
			// xliff2po writes the XLIFF unit's id as the entry's only reference.
			if len(e.refs) == 1 {
				in.id = e.refs[0]
			} else {
				in.id = strings.Join(e.refs, " ")
			}
		}
		if e.fuzzy {
			in.draft = "still marked fuzzy; review it and clear the flag (in Poedit: Needs Work off)"
		}
		if e.plural {
			p.plan.Problems = append(p.plan.Problems, catalog.Problem{File: name, Line: e.line, Level: catalog.Error, Rule: "unit", Message: in.id + ": plural forms (msgid_plural): tsdraft texts have none"})
			p.note(catalog.Ref{Lang: lang, Key: in.id}, "refused", "plural forms")
			continue
		}
		p.importUnit(name, lang, in, seen)
	}
	return p.finish()
}
