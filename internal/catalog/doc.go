// Package catalog is the catalogue of locale texts the drafting reads at run time: the
// Japanese master and its translations, loaded from the embedded tree with override
// directories layered key by key, a text looked up with its jurisdiction's override, and the
// revision hash a document records. The translators' tooling over the same files (status,
// check, XLIFF and PO, import, mark-current) is internal/translate, which imports this
// package, never the reverse.
//
// Layout (docs/design.md, "Locale files"): <lang>/<file>.toml holds general texts,
// <lang>/<JUR>/<file>.toml texts for one jurisdiction. A key is <file stem>.<table>; an entry
// is a table with text, an optional note (master) and source (translations: SourceHash of
// the master text the translation was made from).
package catalog
