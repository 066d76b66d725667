// Package web is `tsdraft serve`: a local web app over the same use cases as the command line
// (check, build, batch), for legal experts who keep company profiles and for HR staff who draft
// exit pledges from a spreadsheet, without a terminal. It adds no drafting logic of its own:
// profiles are checked by package profile and law, documents drafted by package render, sheets
// by package batch (batch.RunSheet straight into pledges/<company>/ in the data folder, so the
// batch's issue log, manifest, lock and row hashes decide what is new, kept or changed, as on
// the command line; drafter.go is the one file that calls it, behind the Drafter interface).
//
// Its screen texts are locale texts, locales/<lang>/ui.toml (i18n.go), offered in each
// language whose file is complete; a sheet's row problems are said in the screen's language
// from the message keys batch gives them (rowmsg.go).
//
// Security model (Syncthing and `go tool pprof -http` style): loopback by default, a one-time
// token in the printed URL exchanged for a session cookie, a CSRF token on every form, a
// Host-header check against DNS rebinding, size and row limits on uploads, no file path ever
// taken from the browser, every asset embedded.
package web
