package translate

import (
	"fmt"
	"slices"
	"strings"

	"github.com/tsdraft/tsdraft/internal/catalog"
	"github.com/tsdraft/tsdraft/internal/vocab"
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
func (c *Tree) Check() []catalog.Problem {
	ps := slices.Clone(c.problems)
	for _, e := range c.SortedEntries() {
		ps = append(ps, c.checkEntry(e)...)
	}
	ps = append(ps, c.checkMissing()...)
	catalog.SortProblems(ps)
	return ps
}

func (c *Tree) checkEntry(e *catalog.Entry) []catalog.Problem {
	var ps []catalog.Problem
	add := func(line int, sev catalog.Severity, id, format string, args ...any) {
		ps = append(ps, catalog.Problem{File: e.File.Path, Line: line, Level: sev, Rule: id, Message: e.ID() + ": " + fmt.Sprintf(format, args...)})
	}
	at := func(fs []finding, sev catalog.Severity, id string) {
		for _, f := range fs {
			add(e.LineOf(f.offset), sev, id, "%s", f.msg)
		}
	}
	at(checkBlocks(e.Text), catalog.Error, "blocks")
	at(checkSpaces(e.Text), catalog.Warning, "spaces")
	at(checkInvisible(e.Text), catalog.Warning, "invisible")
	at(checkPunctuation(e.Lang, e.Text), catalog.Warning, "punctuation")
	if e.Lang == catalog.Master {
		if e.HasSource {
			add(e.Line, catalog.Warning, "master-source", "source is for translations; the master needs none: delete it")
		}
		return ps
	}
	m := c.Entry(e.Master())
	if m == nil {
		add(e.Line, catalog.Error, "unknown-key", "%s", c.unknownKeyMessage(e))
		return ps
	}
	want := catalog.SourceHash(m.Text)
	switch {
	case !e.HasSource || e.Source == "":
		add(e.Line, catalog.Error, "no-source", "no source hash, so nobody can tell which master text it translates; if it fits the master %q, %s",
			m.Text, c.markCurrent(e.Lang, e.ID()))
	case e.Source != want:
		then := "not recorded"
		if old, ok := c.history[e.Source]; ok {
			then = fmt.Sprintf("%q", old)
		}
		add(e.Line, catalog.Error, "stale", "stale: the master changed after this was translated; master now: %q; master then: %s; update the translation, or if it still fits %s",
			m.Text, then, c.markCurrent(e.Lang, e.ID()))
	}
	if missing, extra := tagDiff(Tags(m.Text), Tags(e.Text)); len(missing)+len(extra) > 0 {
		add(e.TextLine, catalog.Error, "tags", "tags differ from the master: %s", describeTagDiff(missing, extra))
	}
	if msg := languageMismatch(e.Lang, e.Text); msg != "" && !sameAsMaster(e.Lang, m.Text, e.Text) {
		add(e.TextLine, catalog.Error, "language", "%s", msg)
	}
	if sameAsMaster(e.Lang, m.Text, e.Text) {
		add(e.TextLine, catalog.Warning, "same-as-master", "text is identical to the master (%s): not translated yet?", catalog.Master)
	}
	if nums := missingNumbers(e.Lang, m.Text, e.Text); len(nums) > 0 {
		add(e.TextLine, catalog.Warning, "numbers", "number(s) of the master missing: %s (master: %q)", strings.Join(nums, ", "), m.Text)
	}
	return ps
}

func (c *Tree) unknownKeyMessage(e *catalog.Entry) string {
	var candidates []string
	for r := range c.All() {
		if r.Lang == catalog.Master && r.Jur == e.Jur {
			candidates = append(candidates, r.Key)
		}
	}
	slices.Sort(candidates)
	hint := ""
	if m := catalog.Closest(e.Key, candidates); m != "" {
		hint = fmt.Sprintf(" (did you mean %s?)", m)
	}
	where := catalog.Master + "/" + e.Master().RelFile()[len(catalog.Master)+1:]
	msg := fmt.Sprintf("not in the master: %s/%s has no [%s]%s; rename it, delete it, or add it to the master first", catalog.EmbeddedRoot, where, e.Table(), hint)
	if e.Jur != "" && c.Entry(catalog.Ref{Lang: catalog.Master, Jur: "", Key: e.Key}) != nil {
		msg += fmt.Sprintf("; an override for %s needs its own master in %s/%s/%s/", e.Jur, catalog.EmbeddedRoot, catalog.Master, e.Jur)
	}
	return msg
}

// checkMissing reports each master entry a required language lacks, at the file where the
// translation belongs.
func (c *Tree) checkMissing() []catalog.Problem {
	var ps []catalog.Problem
	langs := vocab.Active().LanguageCodes() // a language added as data is checked too
	for _, m := range c.MasterEntries() {
		for _, lang := range langs {
			if !c.requiredIn(lang, m) {
				continue
			}
			r := catalog.Ref{Lang: lang, Jur: m.Jur, Key: m.Key}
			if c.Entry(r) != nil {
				continue
			}
			ps = append(ps, catalog.Problem{File: c.FileFor(r), Line: 1, Level: catalog.Error, Rule: "missing",
				Message: fmt.Sprintf("%s: missing: translate [%s] of the master (%s:%d)", r.ID(), r.Table(), m.File.Path, m.Line)})
		}
	}
	return ps
}

// Words is how the face calling the tooling says the remedies that are its own commands and
// options: the CLI by its commands and flags. The tooling names none itself.
type Words struct {
	// MarkCurrent is the advice to record a translation of lang as made from the master now,
	// e.g. "run: tsdraft locale mark-current --lang th common.purpose" (with the flags that
	// make it run on the same files as the check that printed it).
	MarkCurrent func(lang, id string) string
	// Option names one of the options (OptLang …) as the face offers it ("--lang").
	Option func(name string) string
}

// The options the tooling's advice can name.
const (
	OptLang    = "Lang"    // the language of an import or export
	OptLocales = "Locales" // the directory writes go to
	OptAll     = "All"     // mark every entry of a language
	OptOnly    = "Only"    // export only entries in these states
	OptProfile = "Profile" // the export's CAT-tool profile
)

var plainOption = map[string]string{
	OptLang: "the language", OptLocales: "a locales directory", OptAll: "all entries",
	OptOnly: "the states to export", OptProfile: "the export profile",
}

// SetWords sets how Check's and the imports' advice name the face's commands and options.
func (c *Tree) SetWords(w Words) { c.words = w }

func (c *Tree) markCurrent(lang, id string) string {
	if c.words.MarkCurrent != nil {
		return c.words.MarkCurrent(lang, id)
	}
	return fmt.Sprintf("mark %s of %s current", id, lang)
}

func (c *Tree) opt(name string) string {
	if c.words.Option != nil {
		if s := c.words.Option(name); s != "" {
			return s
		}
	}
	return plainOption[name]
}
