package catalog

// Has reports whether key has a text for a language in a jurisdiction (its own or the general
// one), without the cost of the "did you mean" search a failed Text lookup makes: render asks
// it for every text it prints, to find the drafting notes that go with the text.
func (c *Catalog) Has(lang, jur, key string) bool {
	if jur != "" && c.entries[Ref{lang, jur, key}] != nil {
		return true
	}
	return c.entries[Ref{lang, "", key}] != nil
}
