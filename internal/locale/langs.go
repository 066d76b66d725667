package locale

import (
	"slices"
	"strings"
)

// Master is the language every other language is translated from.
const Master = "ja"

// Languages lists the supported languages in the order tables and reports use.
var Languages = []string{"ja", "en", "zh-CN", "th", "vi", "id", "de"}

// Jurisdictions lists the jurisdictions in the order reports use.
var Jurisdictions = []string{"JP", "CN", "TH", "VN", "ID", "DE", "UK", "EU"}

// jurLanguages gives, per jurisdiction, the languages its documents are built in; a
// translation of a `<JUR>/` master key is required only in these (docs/design.md).
var jurLanguages = map[string][]string{
	"JP": {"ja", "en"},
	"CN": {"zh-CN", "ja", "en"},
	"TH": {"th", "ja", "en"},
	"VN": {"vi", "ja", "en"},
	"ID": {"id", "ja", "en"},
	"DE": {"de", "ja", "en"},
	"UK": {"en", "ja"},
	"EU": {"en", "ja", "de"},
}

// JurLanguages returns the languages a jurisdiction's documents are built in.
func JurLanguages(jur string) []string { return slices.Clone(jurLanguages[jur]) }

// IsLanguage reports whether code is one of Languages (exact spelling).
func IsLanguage(code string) bool { return slices.Contains(Languages, code) }

// IsJurisdiction reports whether code is one of Jurisdictions.
func IsJurisdiction(code string) bool { return slices.Contains(Jurisdictions, code) }

// required reports whether lang must translate a master key of jur ("" = general).
func required(lang, jur string) bool {
	if lang == Master {
		return false
	}
	if jur == "" {
		return true
	}
	return slices.Contains(jurLanguages[jur], lang)
}

// script groups languages by writing system, for the checks that depend on it.
type script int

const (
	scriptCJK script = iota
	scriptLatin
	scriptThai
)

func scriptOf(lang string) script {
	switch lang {
	case "ja", "zh-CN":
		return scriptCJK
	case "th":
		return scriptThai
	}
	return scriptLatin
}

var iso639_3 = map[string]string{
	"jpn": "ja", "eng": "en", "zho": "zh", "chi": "zh", "tha": "th", "vie": "vi", "ind": "id", "deu": "de", "ger": "de",
}

// canonicalLanguage maps a language tag as CAT tools write it (en-US, zh-Hans-CN, DE-de) to
// one of Languages; ok is false when it names none of them.
func canonicalLanguage(tag string) (string, bool) {
	t := strings.ToLower(strings.ReplaceAll(strings.TrimSpace(tag), "_", "-"))
	for _, l := range Languages {
		if t == strings.ToLower(l) {
			return l, true
		}
	}
	primary, rest, _ := strings.Cut(t, "-")
	// Some tools write three-letter ISO 639-2/3 codes.
	if two, ok := iso639_3[primary]; ok {
		primary = two
	}
	if primary == "zh" {
		// Only Simplified Chinese as used in the PRC: zh-TW / zh-Hant are a different locale.
		switch rest {
		case "", "cn", "hans", "hans-cn", "sg", "hans-sg":
			return "zh-CN", true
		}
		return "", false
	}
	if primary == "in" { // the withdrawn code for Indonesian, still written by older tools
		primary = "id"
	}
	for _, l := range Languages {
		if l == primary {
			return l, true
		}
	}
	return "", false
}
