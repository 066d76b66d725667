package locale

import (
	"fmt"
	"github.com/tsdraft/tsdraft/internal/vocab"
	"slices"
	"strings"
)

// Check reports every problem of the catalogue, sorted by file and line: the problems
// found while loading, then per entry the checks of docs/design.md and TRANSLATING.md.
//
// Errors: invalid TOML or entry [toml, entry, layout], a translation missing [missing],
// stale [stale] or without source [no-source], tags different from the master [tags],
// block tags that do not nest [blocks], a key the master lacks [unknown-key], a text in
// another language than its file's [language].
// Warnings: same text as the master in another script [same-as-master], numbers of the
// master missing [numbers], punctuation of the wrong script [punctuation], stray spaces
// [spaces], control or invisible characters [invisible], a source on a master entry
// [master-source], a damaged master history [history].
func (c *Catalog) Check() []Problem {
	ps := slices.Clone(c.problems)
	for _, e := range c.sortedEntries() {
		ps = append(ps, c.checkEntry(e)...)
	}
	ps = append(ps, c.checkMissing()...)
	sortProblems(ps)
	return ps
}

// Errors counts the problems of severity Error.
func Errors(ps []Problem) int {
	n := 0
	for _, p := range ps {
		if p.Severity == Error {
			n++
		}
	}
	return n
}

func (c *Catalog) checkEntry(e *entry) []Problem {
	var ps []Problem
	add := func(line int, sev Severity, id, format string, args ...any) {
		ps = append(ps, Problem{File: e.file.path, Line: line, Severity: sev, ID: id, Msg: e.ID() + ": " + fmt.Sprintf(format, args...)})
	}
	at := func(fs []finding, sev Severity, id string) {
		for _, f := range fs {
			add(e.lineOf(f.offset), sev, id, "%s", f.msg)
		}
	}
	at(checkBlocks(e.text), Error, "blocks")
	at(checkSpaces(e.text), Warning, "spaces")
	at(checkInvisible(e.text), Warning, "invisible")
	at(checkPunctuation(e.Lang, e.text), Warning, "punctuation")
	if e.Lang == Master {
		if e.hasSource {
			add(e.line, Warning, "master-source", "source is for translations; the master needs none: delete it")
		}
		return ps
	}
	m := c.entries[e.master()]
	if m == nil {
		add(e.line, Error, "unknown-key", "%s", c.unknownKeyMessage(e))
		return ps
	}
	want := SourceHash(m.text)
	switch {
	case !e.hasSource || e.source == "":
		add(e.line, Error, "no-source", "no source hash, so nobody can tell which master text it translates; if it fits the master %q, run: tsdraft locale mark-current%s --lang %s %s",
			m.text, c.writeFlags, e.Lang, e.ID())
	case e.source != want:
		then := "not recorded"
		if old, ok := c.history[e.source]; ok {
			then = fmt.Sprintf("%q", old)
		}
		add(e.line, Error, "stale", "stale: the master changed after this was translated; master now: %q; master then: %s; update the translation, or if it still fits run: tsdraft locale mark-current%s --lang %s %s",
			m.text, then, c.writeFlags, e.Lang, e.ID())
	}
	if missing, extra := tagDiff(Tags(m.text), Tags(e.text)); len(missing)+len(extra) > 0 {
		add(e.textLine, Error, "tags", "tags differ from the master: %s", describeTagDiff(missing, extra))
	}
	if msg := languageMismatch(e.Lang, e.text); msg != "" && !sameAsMaster(e.Lang, m.text, e.text) {
		add(e.textLine, Error, "language", "%s", msg)
	}
	if sameAsMaster(e.Lang, m.text, e.text) {
		add(e.textLine, Warning, "same-as-master", "text is identical to the master (%s): not translated yet?", Master)
	}
	if nums := missingNumbers(e.Lang, m.text, e.text); len(nums) > 0 {
		add(e.textLine, Warning, "numbers", "number(s) of the master missing: %s (master: %q)", strings.Join(nums, ", "), m.text)
	}
	return ps
}

func (c *Catalog) unknownKeyMessage(e *entry) string {
	var candidates []string
	for r := range c.entries {
		if r.Lang == Master && r.Jur == e.Jur {
			candidates = append(candidates, r.Key)
		}
	}
	slices.Sort(candidates)
	hint := ""
	if m := closest(e.Key, candidates); m != "" {
		hint = fmt.Sprintf(" (did you mean %s?)", m)
	}
	where := Master + "/" + e.master().relFile()[len(Master)+1:]
	msg := fmt.Sprintf("not in the master: %s/%s has no [%s]%s; rename it, delete it, or add it to the master first", EmbeddedRoot, where, e.table(), hint)
	if e.Jur != "" && c.entries[Ref{Master, "", e.Key}] != nil {
		msg += fmt.Sprintf("; an override for %s needs its own master in %s/%s/%s/", e.Jur, EmbeddedRoot, Master, e.Jur)
	}
	return msg
}

// checkMissing reports each master entry a required language lacks, at the file where the
// translation belongs.
func (c *Catalog) checkMissing() []Problem {
	var ps []Problem
	langs := vocab.Active().LanguageCodes() // a language added as data is checked too
	for _, m := range c.masterEntries() {
		for _, lang := range langs {
			if !c.requiredIn(lang, m) {
				continue
			}
			r := Ref{lang, m.Jur, m.Key}
			if c.entries[r] != nil {
				continue
			}
			ps = append(ps, Problem{File: c.fileFor(r), Line: 1, Severity: Error, ID: "missing",
				Msg: fmt.Sprintf("%s: missing: translate [%s] of the master (%s:%d)", r.ID(), r.table(), m.file.path, m.line)})
		}
	}
	return ps
}

// SetWriteFlags sets the flags the advice of Check puts into the commands it suggests
// (mark-current), e.g. " --locales DIR --no-embedded", so that the command runs on the
// same files as the check that printed it.
func (c *Catalog) SetWriteFlags(flags string) { c.writeFlags = flags }
