// Package translate is the translators' tooling over the locale files: status, check (tags,
// numbers, number words, script, language detection), XLIFF and PO export and import, the
// OmegaT project, mark-current and the master history. It reads the files through
// internal/catalog, the catalogue the drafting uses at run time, and writes them back
// preserving their layout; the catalogue never imports this package.
//
// Layout (docs/design.md, "Locale files"): <lang>/<file>.toml holds general texts,
// <lang>/<JUR>/<file>.toml texts for one jurisdiction. A translation's source is the
// catalog.SourceHash of the master text it was made from.
package translate
