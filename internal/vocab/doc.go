// Package vocab is tsdraft's vocabulary as data: the documents it drafts, the languages it
// writes (names, script, fonts, date and number formats, number words, collation) and the
// jurisdictions it drafts for (languages, defaults, law table, sample profile data).
//
// Everything comes from TOML files a legal editor or translator can change: the built-in ones
// are embedded (vocab/ and locales/<lang>/language.toml at the top of the repository), and a
// user's locale directory layers its own language files over them, so adding a language is a
// folder of data, not a change to Go code. The package imports nothing of tsdraft but the
// embedded files; every other package asks it instead of keeping its own list.
//
// The built-in vocabulary is also kept as Go (builtin_gen.go), so that a process does not
// decode its TOML at start-up; the TOML stays the source. Builtin uses the Go form only while
// the embedded files hash to the digest it was made from, and decodes the TOML otherwise, so
// an edited file is never shadowed by a stale Go form; TestGeneratedBuiltinIsTheTOML fails
// until `go test ./internal/vocab/ -run TestGeneratedBuiltinIsTheTOML -update` regenerates it.
package vocab
