package docxtmpl

import "github.com/tsdraft/tsdraft/internal/tplvalue"

// LangText is a text given per language, e.g. a company name written in Japanese and Thai.
// It resolves to the language being rendered; a missing language is an error naming the key.
// The engine takes any tplvalue.Localized; this is the common one (the profile's too).
type LangText = tplvalue.LangText

// Localized is a text that reads differently per language (tplvalue.Localized).
type Localized = tplvalue.Localized
