package translate

import (
	"slices"

	"github.com/tsdraft/tsdraft/internal/catalog"
	"github.com/tsdraft/tsdraft/internal/vocab"
)

// requiredIn reports whether lang must translate the master entry m: required for its
// jurisdiction, and not in a screen file the language has not started.
func (c *Tree) requiredIn(lang string, m *catalog.Entry) bool {
	if !required(lang, m.Jur) {
		return false
	}
	if !slices.Contains(catalog.ScreenFiles, m.Stem()) {
		return true
	}
	for _, f := range c.Files() {
		if f.Lang == lang && f.Jur == m.Jur && f.Stem == m.Stem() {
			return true
		}
	}
	return false
}

// required reports whether lang must translate a master key of jur ("" = general).
func required(lang, jur string) bool {
	if lang == catalog.Master {
		return false
	}
	if jur == "" {
		return true
	}
	return slices.Contains(catalog.JurLanguages(jur), lang)
}

// scriptOf returns the writing system of a language, for the checks that depend on it
// (vocab.ScriptCJK, …; unknown languages count as Latin).
func scriptOf(lang string) string {
	if l, ok := vocab.Active().Language(lang); ok {
		return l.Script
	}
	return vocab.ScriptLatin
}

// canonicalLanguage maps a language tag as CAT tools write it (en-US, zh-Hans-CN, DE-de) to
// a language code; ok is false when it names none of them.
func canonicalLanguage(tag string) (string, bool) { return vocab.Active().CanonicalLanguage(tag) }
