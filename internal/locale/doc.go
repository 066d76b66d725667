// Package locale is the catalogue of locale texts: the Japanese master and its translations,
// loaded from the embedded tree with override directories layered key by key, and the
// translator's operations on it: status, check, XLIFF export and import, mark-current.
//
// Layout (docs/design.md, "Locale files"): <lang>/<file>.toml holds general texts,
// <lang>/<JUR>/<file>.toml texts for one jurisdiction. A key is <file stem>.<table>; an entry
// is a table with text, an optional note (master) and source (translations: SourceHash of
// the master text the translation was made from).
package locale
