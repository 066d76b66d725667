package docxtmpl

// LangText is a text given per language, e.g. a company name written in Japanese and Thai.
// It resolves to the language being rendered; a missing language is an error naming the key.
type LangText map[string]string
