package translate

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/tsdraft/tsdraft/internal/catalog"
)

// Export writes XLIFF 1.2, not 2.0: it is the version every tool here reads and writes back
// (OmegaT 3.6 reads no XLIFF 2.0 at all, nor does translate-toolkit 3.8's xliff2po; Weblate
// documents 1.2 only; Okapi, Trados and memoQ read both), so 2.0 would serve no one 1.2 does
// not. TRANSLATING.md says the same to translators.
//
// One <file> per locale file (original="common.toml", "CN/law.toml"), one <trans-unit> per
// master entry, id and resname the entry ID. Tags become inline codes the tools protect:
// a block's opening and closing tags a <bpt>/<ept> pair with one id (so tools keep them in
// order), every other tag a <ph>; each holds the tag as its native code and in equiv-text.
// Notes (from="developer", the one origin every tool shows) give the key and where it
// applies, the master's note, and for a stale entry the master text it was made from.
//
// No single file serves every tool, so the export has profiles (see Profiles): OmegaT's
// built-in filter translates <target>, not <source>; Okapi's filter never updates a state;
// the others follow the standard. Each <file> names tsdraft, the profile and the language
// in its tool-id, which import reads to judge what a returned unit means.

// Unit states for ExportOptions.Only.
const (
	StateMissing = "missing"
	StateStale   = "stale"
	StateCurrent = "current"
)

// ErrNothingToExport is returned when no entry matches the export's filter.
var ErrNothingToExport = errors.New("nothing to export")

// ExportOptions selects what Export writes.
type ExportOptions struct {
	Lang    string   // target language, not the master
	Only    []string // states to include (StateMissing, StateStale, StateCurrent); empty = all
	Profile string   // one of Profiles; "" is ProfileGeneric
}

const xliffNS = "urn:oasis:names:tc:xliff:document:1.2"

// inline is one piece of a text as XLIFF content: plain text, or a tag as an inline code.
type inline struct {
	text string
	code string // "", "ph", "bpt" or "ept"
	id   int
	tag  string // the tag as written
	norm string
}

// toInline splits text into inline pieces, numbering codes from 1 in order. A block's
// opening and closing tags share an id.
func toInline(text string) []inline {
	spans, _ := scanTags(text)
	roles := pairRoles(spans)
	var out []inline
	prev, next := 0, 1
	ids := map[int]int{} // span index of an opening tag → id
	for i, t := range spans {
		if t.start > prev {
			out = append(out, inline{text: text[prev:t.start]})
		}
		in := inline{code: "ph", tag: t.raw, norm: t.norm}
		switch r := roles[i]; {
		case r.open:
			in.code, in.id = "bpt", next
			ids[i] = next
			next++
		case r.partner >= 0:
			in.code, in.id = "ept", ids[r.partner]
		default:
			in.id = next
			next++
		}
		out = append(out, in)
		prev = t.end
	}
	if prev < len(text) {
		out = append(out, inline{text: text[prev:]})
	}
	return out
}

type role struct {
	open    bool
	partner int // for a closing tag, the index of its opening tag; -1 otherwise
}

// pairRoles matches opening and closing block tags that nest properly; unmatched ones are
// left as plain codes.
func pairRoles(spans []tagSpan) []role {
	roles := make([]role, len(spans))
	for i := range roles {
		roles[i].partner = -1
	}
	var stack []int
	for i, t := range spans {
		if _, ok := t.opens(); ok {
			stack = append(stack, i)
			continue
		}
		if kind, ok := t.closes(); ok && len(stack) > 0 {
			top := stack[len(stack)-1]
			if k, _ := spans[top].opens(); k == kind {
				stack = stack[:len(stack)-1]
				roles[top].open = true
				roles[i].partner = top
			}
		}
	}
	return roles
}

// alignInline numbers the codes of a translation after those of its master, so that a CAT
// tool sees the same codes in source and target: a pair by its opening and closing tags, a
// placeholder by its tag. Tags the master lacks get ids after the master's.
func alignInline(master []inline, text string) []inline {
	out := toInline(text)
	used := map[int]bool{}
	next := 1
	for _, m := range master {
		next = max(next, m.id+1)
	}
	find := func(code, norm string) int {
		for _, m := range master {
			if m.code == code && m.norm == norm && !used[m.id] {
				used[m.id] = true
				return m.id
			}
		}
		return 0
	}
	// closing norm of each master pair, to match pairs as wholes
	closing := map[int]string{}
	for _, m := range master {
		if m.code == "ept" {
			closing[m.id] = m.norm
		}
	}
	renum := map[int]int{} // target pair id → master pair id
	for i, in := range out {
		switch in.code {
		case "bpt":
			var closeNorm string
			for _, x := range out[i+1:] {
				if x.code == "ept" && x.id == in.id {
					closeNorm = x.norm
					break
				}
			}
			id := 0
			for _, m := range master {
				if m.code == "bpt" && m.norm == in.norm && closing[m.id] == closeNorm && !used[m.id] {
					id = m.id
					used[id] = true
					break
				}
			}
			if id == 0 {
				id = next
				next++
			}
			renum[in.id] = id
			out[i].id = id
		case "ept":
			out[i].id = renum[in.id]
		case "ph":
			if id := find("ph", in.norm); id != 0 {
				out[i].id = id
			} else {
				out[i].id = next
				next++
			}
		}
	}
	return out
}

func writeInline(b *strings.Builder, pieces []inline) {
	for _, p := range pieces {
		if p.code == "" {
			b.WriteString(xmlText(p.text))
			continue
		}
		fmt.Fprintf(b, `<%s id="%d" equiv-text="%s">%s</%s>`, p.code, p.id, xmlAttr(p.tag), xmlText(p.tag), p.code)
	}
}

// xmlText escapes character data; line breaks and tabs stay as they are (the units are
// xml:space="preserve"), a carriage return is written as a reference so it survives.
func xmlText(s string) string {
	r := strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", "\r", "&#13;")
	return r.Replace(s)
}

func xmlAttr(s string) string {
	r := strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;", "\r", "&#13;", "\n", "&#10;", "\t", "&#9;")
	return r.Replace(s)
}

// xmlInvalid returns the first character XML 1.0 cannot carry, or -1.
func xmlInvalid(s string) rune {
	for _, r := range s {
		if !(r == 0x9 || r == 0xA || r == 0xD || (r >= 0x20 && r <= 0xD7FF) || (r >= 0xE000 && r <= 0xFFFD) || (r >= 0x10000 && r <= 0x10FFFF)) {
			return r
		}
	}
	return -1
}

// unitState tells where a translation stands against its master.
func (c *Tree) unitState(m *catalog.Entry, lang string) (string, *catalog.Entry) {
	e := c.Entry(catalog.Ref{Lang: lang, Jur: m.Jur, Key: m.Key})
	switch {
	case e == nil:
		return StateMissing, nil
	case e.HasSource && e.Source == catalog.SourceHash(m.Text):
		return StateCurrent, e
	}
	return StateStale, e
}

// Export profiles: how the one export meets each tool's XLIFF filter (TRANSLATING.md).
const (
	// ProfileGeneric is standard XLIFF 1.2 as Trados, memoQ, Weblate and translate-toolkit
	// read it: the current translation as target, approved="yes" when it is current, the
	// stale one with state="needs-review-translation"; confirmation comes back as a state or
	// as approved="yes".
	ProfileGeneric = "generic"
	// ProfileOkapi is for Okapi's XLIFF filter (Rainbow, OmegaT's Okapi plugin), which never
	// updates a state when it writes a target back: a stale unit is exported without a
	// target (its old translation in a note and an <alt-trans>), so a target that comes back
	// is the translator's decision.
	ProfileOkapi = "okapi"
	// ProfileOmegaT is for OmegaT's built-in XLIFF filter, which translates the content of
	// <target> and ignores <source>: every target holds a copy of the master, and the
	// existing translations travel as translation memories of an OmegaT project.
	ProfileOmegaT = "omegat"
)

// Profiles lists the export profiles, default first.
var Profiles = []string{ProfileGeneric, ProfileOkapi, ProfileOmegaT}

// toolID names tsdraft, the profile and the language in the <tool> and <file tool-id> of an
// export, so that import knows what a returned file was made for.
func toolID(profile, lang string) string { return "tsdraft-" + profile + "-" + lang }

// parseToolID reads toolID back; ok is false for files tsdraft did not make.
func parseToolID(id string) (profile, lang string, ok bool) {
	rest, found := strings.CutPrefix(id, "tsdraft-")
	if !found {
		return "", "", false
	}
	profile, lang, ok = strings.Cut(rest, "-")
	if !ok || !slices.Contains(Profiles, profile) {
		return "", "", false
	}
	return profile, lang, true
}

// exportUnit is one master entry with where its translation stands.
type exportUnit struct {
	m     *catalog.Entry
	state string
	tr    *catalog.Entry
	old   string // the master the stale translation was made from, when recorded
}

// exportUnits selects the units of an export, grouped by master file.
func (c *Tree) exportUnits(opt ExportOptions) ([][]exportUnit, error) {
	if !catalog.IsLanguage(opt.Lang) {
		return nil, fmt.Errorf("unknown language %q (one of %s)", opt.Lang, strings.Join(catalog.Languages[1:], " "))
	}
	if opt.Lang == catalog.Master {
		return nil, fmt.Errorf("%s is the master: it is translated from, not into", catalog.Master)
	}
	for _, s := range opt.Only {
		if !slices.Contains([]string{StateMissing, StateStale, StateCurrent}, s) {
			return nil, fmt.Errorf("%s %q: use missing, stale or current (comma-separated)", c.opt(OptOnly), s)
		}
	}
	var files [][]exportUnit
	var last string
	for _, m := range c.MasterEntries() {
		if !required(opt.Lang, m.Jur) {
			continue
		}
		state, tr := c.unitState(m, opt.Lang)
		if len(opt.Only) > 0 && !slices.Contains(opt.Only, state) {
			continue
		}
		for _, t := range []*catalog.Entry{m, tr} {
			if t == nil {
				continue
			}
			if r := xmlInvalid(t.Text); r >= 0 {
				return nil, fmt.Errorf("%s:%d: %s: the text holds U+%04X, which XLIFF (XML) cannot carry: remove it first (tsdraft locale check lists such characters)", t.File.Path, t.LineOf(strings.IndexRune(t.Text, r)), t.ID(), r)
			}
		}
		file := m.Ref.RelFile()
		if file != last || len(files) == 0 {
			files = append(files, nil)
			last = file
		}
		u := exportUnit{m: m, state: state, tr: tr}
		if state == StateStale && tr.HasSource {
			u.old = c.history[tr.Source]
		}
		files[len(files)-1] = append(files[len(files)-1], u)
	}
	if len(files) == 0 {
		what := "entries"
		if len(opt.Only) > 0 {
			what = strings.Join(opt.Only, " or ") + " entries"
		}
		return nil, fmt.Errorf("%w: %s has no %s", ErrNothingToExport, opt.Lang, what)
	}
	return files, nil
}

// notes returns the notes of a unit for the translator: where the entry is used, the
// master's note, and for a stale translation what changed.
func (u exportUnit) notes() []string {
	where := "general text, used in every jurisdiction"
	if u.m.Jur != "" {
		where = "used only in jurisdiction " + u.m.Jur
	}
	out := []string{u.m.ID() + " · " + where}
	if u.m.Note != "" {
		out = append(out, u.m.Note)
	}
	if u.state == StateStale {
		switch {
		case !u.tr.HasSource || u.tr.Source == "":
			out = append(out, "This translation was never checked against the master (it has no source hash). Review it against the source.")
		case u.old != "":
			out = append(out, "The master changed after this translation was made. The master it was translated from: "+u.old)
		default:
			out = append(out, "The master changed after this translation was made; the old master text was not recorded. Review the translation against the source.")
		}
	}
	return out
}

// Export writes the master entries lang must translate as XLIFF 1.2 in the given profile
// (generic when empty), filtered by state. The output depends only on the catalogue and the
// options. For ProfileOmegaT it is the project's source file; ExportOmegaT writes the whole
// project.
func (c *Tree) Export(opt ExportOptions) ([]byte, error) {
	profile := opt.Profile
	if profile == "" {
		profile = ProfileGeneric
	}
	if !slices.Contains(Profiles, profile) {
		return nil, fmt.Errorf("%s %q: use %s", c.opt(OptProfile), profile, strings.Join(Profiles, ", "))
	}
	files, err := c.exportUnits(opt)
	if err != nil {
		return nil, err
	}
	tool := toolID(profile, opt.Lang)
	var b strings.Builder
	b.WriteString("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
	fmt.Fprintf(&b, "<xliff version=\"1.2\" xmlns=\"%s\">\n", xliffNS)
	for _, units := range files {
		original := strings.TrimPrefix(units[0].m.RelFile(), catalog.Master+"/")
		fmt.Fprintf(&b, " <file original=\"%s\" source-language=\"%s\" target-language=\"%s\" datatype=\"plaintext\" tool-id=\"%s\">\n", xmlAttr(original), catalog.Master, opt.Lang, tool)
		fmt.Fprintf(&b, "  <header>\n   <tool tool-id=\"%s\" tool-name=\"tsdraft\" tool-version=\"export profile %s, language %s\"/>\n", tool, profile, opt.Lang)
		b.WriteString("   <note>Translate each target from the source. The inline codes are template tags: keep every one, in an order that nests like the source's; never type a tag by hand.</note>\n")
		b.WriteString("  </header>\n  <body>\n")
		for _, u := range units {
			id := xmlAttr(u.m.ID())
			approved := ""
			if u.state == StateCurrent && profile != ProfileOmegaT {
				approved = ` approved="yes"`
			}
			fmt.Fprintf(&b, "   <trans-unit id=\"%s\" resname=\"%s\"%s xml:space=\"preserve\">\n", id, id, approved)
			src := toInline(u.m.Text)
			b.WriteString("    <source>")
			writeInline(&b, src)
			b.WriteString("</source>\n")
			switch {
			case profile == ProfileOmegaT:
				// The built-in filter translates the target: give it the master.
				b.WriteString("    <target state=\"needs-translation\">")
				writeInline(&b, src)
				b.WriteString("</target>\n")
			case u.tr == nil, u.state == StateStale && profile == ProfileOkapi:
			default:
				state := "translated"
				if u.state == StateStale {
					state = "needs-review-translation"
				}
				fmt.Fprintf(&b, "    <target state=\"%s\">", state)
				writeInline(&b, alignInline(src, u.tr.Text))
				b.WriteString("</target>\n")
			}
			// from="developer": translate-toolkit passes only developer and translator
			// notes on (as #. comments); the other tools show every note.
			for _, n := range u.notes() {
				fmt.Fprintf(&b, "    <note from=\"developer\">%s</note>\n", xmlText(n))
			}
			if u.state == StateStale && profile == ProfileOkapi {
				fmt.Fprintf(&b, "    <note from=\"developer\">Translation before the master changed (copy it into the target if it still fits): %s</note>\n", xmlText(u.tr.Text))
				b.WriteString("    <alt-trans>\n     <source>")
				if u.old != "" {
					writeInline(&b, toInline(u.old))
				} else {
					writeInline(&b, src)
				}
				b.WriteString("</source>\n     <target>")
				writeInline(&b, alignInline(src, u.tr.Text))
				b.WriteString("</target>\n    </alt-trans>\n")
			}
			b.WriteString("   </trans-unit>\n")
		}
		b.WriteString("  </body>\n </file>\n")
	}
	b.WriteString("</xliff>\n")
	return []byte(b.String()), nil
}
