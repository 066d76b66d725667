package tsdraft

import "embed"

// Templates holds templates/*.docx (and their sources under templates/src).
//
//go:embed all:templates
var Templates embed.FS

// Locales holds locales/<lang>/… and locales/<lang>/<JUR>/….
//
//go:embed all:locales
var Locales embed.FS

// Vocab holds vocab/: the documents, the jurisdictions (defaults and sample data) and the
// shared sample texts. The languages are in Locales, as locales/<lang>/language.toml.
//
//go:embed all:vocab
var Vocab embed.FS
