// Package vocab is tsdraft's vocabulary as data: the documents it drafts, the languages it
// writes (names, script, fonts, date and number formats, number words, collation) and the
// jurisdictions it drafts for (languages, defaults, law table, sample profile data).
//
// Everything comes from TOML files a legal editor or translator can change: the built-in ones
// are embedded (vocab/ and locales/<lang>/language.toml at the top of the repository), and a
// user's locale directory layers its own language files over them, so adding a language is a
// folder of data, not a change to Go code. The package imports nothing of tsdraft but the
// embedded files; every other package asks it instead of keeping its own list.
package vocab
