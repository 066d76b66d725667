package tplvalue

import (
	"maps"
	"slices"
	"time"
)

// Localized is a text that reads differently per language, e.g. a company name written in
// Japanese and Thai. The engine resolves it to the language being rendered; a language it is
// not given in is an error naming the key.
type Localized interface {
	// Text returns the text in lang and whether it is given in lang.
	Text(lang string) (string, bool)
	// Langs returns the languages it is given in, sorted.
	Langs() []string
}

// LangText is the Localized of template data: a text by language code.
type LangText map[string]string

// Text returns the text in lang and whether it is given in lang.
func (t LangText) Text(lang string) (string, bool) {
	s, ok := t[lang]
	return s, ok
}

// Langs returns the languages it is given in, sorted.
func (t LangText) Langs() []string { return slices.Sorted(maps.Keys(t)) }

// Truthy is {{#if}}'s notion of true: a value that is not false, zero, empty or absent. What a
// template requires of a profile is read with the same rule (profile.needs).
func Truthy(v any) bool {
	switch x := v.(type) {
	case nil:
		return false
	case bool:
		return x
	case string:
		return x != ""
	case int:
		return x != 0
	case int64:
		return x != 0
	case float64:
		return x != 0
	case time.Time:
		return !x.IsZero()
	case Localized:
		return len(x.Langs()) > 0
	case []any:
		return len(x) > 0
	case []string:
		return len(x) > 0
	case map[string]any:
		return len(x) > 0
	}
	return true
}
