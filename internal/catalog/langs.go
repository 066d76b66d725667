package catalog

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
// Reading it at init is cheap (the built-in vocabulary is generated Go, vocab/doc.go), and
// every command that renders needs the vocabulary anyway.
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
