package locale

import (
	"slices"

	"github.com/tsdraft/tsdraft/internal/vocab"
)

// Master is the language every other language is translated from. It names the folder of the
// master history, so it is a constant; TestMasterIsTheVocabularys keeps it equal to the
// vocabulary's master.
const Master = "ja"

// Languages lists the built-in languages in the order tables and reports use (the vocabulary's
// order). A user's language files may add more: IsLanguage asks the active vocabulary.
var Languages = vocab.Builtin().LanguageCodes()

// Jurisdictions lists the jurisdictions in the order reports use.
var Jurisdictions = vocab.Builtin().JurisdictionCodes()

// JurLanguages returns the languages a jurisdiction's documents are built in: a translation
// of a `<JUR>/` master key is required only in these.
func JurLanguages(jur string) []string {
	if j, ok := vocab.Active().Jurisdiction(jur); ok {
		return slices.Clone(j.Required)
	}
	return nil
}

// IsLanguage reports whether code is a language of the active vocabulary (exact spelling).
func IsLanguage(code string) bool { return vocab.Active().IsLanguage(code) }

// IsJurisdiction reports whether code is a jurisdiction of the vocabulary.
func IsJurisdiction(code string) bool { return vocab.Active().IsJurisdiction(code) }

// ScreenFiles hold the texts of the web app's screens (ui.toml), not of documents. A language
// may lack such a file as a whole: the app offers a language once it has it (a translator who
// only translates documents owes no screens); a language that has the file must have all of it,
// as the app shows no screen half in another language. The renderers' catalogue (LoadLangs)
// leaves them out, so that a document's locale revision names only the texts that made it.
var ScreenFiles = []string{"ui"}

// requiredIn reports whether lang must translate the master entry m: required for its
// jurisdiction, and not in a screen file the language has not started.
func (c *Catalog) requiredIn(lang string, m *entry) bool {
	if !required(lang, m.Jur) {
		return false
	}
	if !slices.Contains(ScreenFiles, m.stem()) {
		return true
	}
	for _, f := range c.files {
		if f.lang == lang && f.jur == m.Jur && f.stem == m.stem() {
			return true
		}
	}
	return false
}

// required reports whether lang must translate a master key of jur ("" = general).
func required(lang, jur string) bool {
	if lang == Master {
		return false
	}
	if jur == "" {
		return true
	}
	return slices.Contains(JurLanguages(jur), lang)
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
