package translate

import (
	"fmt"
	"strings"
	"unicode"

	"github.com/tsdraft/tsdraft/internal/catalog"
)

// OmegaT 3.6's built-in XLIFF filter (the one Debian ships; the Okapi filter is a plugin)
// translates the content of <target> and never shows <source>; a unit without a target is
// not shown at all, and the state attributes are written back untouched. So for OmegaT the
// export is a whole project: the XLIFF with a copy of the master in every target, the
// current translations in tm/auto/ (which OmegaT inserts as they are) and the stale ones in
// tm/ (shown as matches with the old master beside the new one, inserted only when the
// translator takes them). In a returned file a target that differs from the master is
// therefore always the translator's: import counts it as confirmed.
//
// OmegaT matches memories against its own view of a segment, in which each inline code is
// a shortcut: <c0/> for a placeholder, <i1>…</i1> for a pair, the letter being the first
// letter of the code's content (f when it has none) and the number counting the codes of
// the segment. omegatSegment writes that view.

// OmegaTDirs are the folders of an OmegaT project, created empty when missing.
var OmegaTDirs = []string{"source", "target", "tm", "tm/auto", "glossary", "dictionary", "omegat"}

// omegatShortcuts names each inline code of a master text as OmegaT does.
func omegatShortcuts(src []inline) map[string]string {
	names := map[string]string{}
	n := 0
	for _, p := range src {
		if p.code == "" || p.code == "ept" {
			continue
		}
		letter := "f"
		for _, r := range p.tag {
			if unicode.IsLetter(r) {
				letter = string(unicode.ToLower(r))
				break
			}
		}
		name := fmt.Sprintf("%s%d", letter, n)
		n++
		if p.code == "bpt" {
			names[codeKey("bpt", fmt.Sprint(p.id))] = "<" + name + ">"
			names[codeKey("ept", fmt.Sprint(p.id))] = "</" + name + ">"
		} else {
			names[codeKey("ph", fmt.Sprint(p.id))] = "<" + name + "/>"
		}
	}
	return names
}

// omegatSegment writes pieces as OmegaT sees them; ok is false when a code has no name in
// names (a translation whose tags differ from the master's: no memory entry for it).
func omegatSegment(pieces []inline, names map[string]string) (string, bool) {
	var b strings.Builder
	for _, p := range pieces {
		if p.code == "" {
			b.WriteString(p.text)
			continue
		}
		name, ok := names[codeKey(p.code, fmt.Sprint(p.id))]
		if !ok {
			return "", false
		}
		b.WriteString(name)
	}
	return b.String(), true
}

// ExportOmegaT returns the files of an OmegaT project (path → content) for opt.Lang:
// omegat.project, source/<lang>.xlf, the current translations in tm/auto/ and the stale
// ones in tm/. The translated file comes back in target/<lang>.xlf.
func (c *Tree) ExportOmegaT(opt ExportOptions) (map[string][]byte, error) {
	opt.Profile = ProfileOmegaT
	xlf, err := c.Export(opt)
	if err != nil {
		return nil, err
	}
	files, err := c.exportUnits(opt)
	if err != nil {
		return nil, err
	}
	var current, stale []tmxUnit
	for _, units := range files {
		for _, u := range units {
			if u.tr == nil {
				continue
			}
			src := toInline(u.m.Text)
			names := omegatShortcuts(src)
			seg, ok1 := omegatSegment(src, names)
			tr, ok2 := omegatSegment(alignInline(src, u.tr.Text), names)
			if !ok1 || !ok2 {
				continue
			}
			switch u.state {
			case StateCurrent:
				current = append(current, tmxUnit{u.m.ID(), seg, tr, ""})
			case StateStale:
				from := seg
				if u.old != "" {
					// The old master as OmegaT would have seen it, so that the match shows
					// what changed; its codes are named like the new master's where they match.
					old := toInline(u.old)
					if s, ok := omegatSegment(old, omegatShortcuts(old)); ok {
						from = s
					}
				}
				stale = append(stale, tmxUnit{u.m.ID(), from, tr, strings.Join(u.notes()[1:], " ")})
			}
		}
	}
	out := map[string][]byte{
		"omegat.project":              []byte(omegatProject(opt.Lang)),
		"source/" + opt.Lang + ".xlf": xlf,
	}
	if len(current) > 0 {
		out["tm/auto/tsdraft-current-"+opt.Lang+".tmx"] = tmx(opt.Lang, current)
	}
	if len(stale) > 0 {
		out["tm/tsdraft-stale-"+opt.Lang+".tmx"] = tmx(opt.Lang, stale)
	}
	return out, nil
}

// omegatProject is the project file: paragraph segmentation, because a unit is one text
// whose tags may span sentences and whose memory entries are whole units.
func omegatProject(lang string) string {
	return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<omegat>
    <project version="1.0">
        <source_dir>__DEFAULT__</source_dir>
        <target_dir>__DEFAULT__</target_dir>
        <tm_dir>__DEFAULT__</tm_dir>
        <glossary_dir>__DEFAULT__</glossary_dir>
        <glossary_file>__DEFAULT__</glossary_file>
        <dictionary_dir>__DEFAULT__</dictionary_dir>
        <source_lang>` + catalog.Master + `</source_lang>
        <target_lang>` + lang + `</target_lang>
        <sentence_seg>false</sentence_seg>
        <support_default_translations>true</support_default_translations>
        <remove_tags>false</remove_tags>
    </project>
</omegat>
`
}

type tmxUnit struct {
	id, source, target, note string
}

// tmx writes a TMX 1.4 memory. OmegaT reads a segment's text literally, shortcuts included.
func tmx(lang string, units []tmxUnit) []byte {
	var b strings.Builder
	b.WriteString("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<tmx version=\"1.4\">\n")
	fmt.Fprintf(&b, "  <header creationtool=\"tsdraft\" creationtoolversion=\"1\" segtype=\"paragraph\" o-tmf=\"tsdraft\" adminlang=\"en\" srclang=\"%s\" datatype=\"plaintext\"/>\n  <body>\n", catalog.Master)
	for _, u := range units {
		fmt.Fprintf(&b, "    <tu tuid=\"%s\">\n", xmlAttr(u.id))
		if u.note != "" {
			fmt.Fprintf(&b, "      <note>%s</note>\n", xmlText(u.note))
		}
		fmt.Fprintf(&b, "      <tuv xml:lang=\"%s\"><seg>%s</seg></tuv>\n", catalog.Master, xmlText(u.source))
		fmt.Fprintf(&b, "      <tuv xml:lang=\"%s\"><seg>%s</seg></tuv>\n", lang, xmlText(u.target))
		b.WriteString("    </tu>\n")
	}
	b.WriteString("  </body>\n</tmx>\n")
	return []byte(b.String())
}
