// Package notes carries drafting notes — the commentary counsel reads beside a clause (why it
// is worded so, which statute or case it follows, what counsel must decide) — from the locale
// texts into a drafted document without letting them into the signed text: while the template
// engine runs, each note leaves a private mark after its clause; Apply then turns the marks
// into Word comments anchored on the clause's paragraph, or strips them and returns the notes
// for the companion memo. It knows DOCX parts, not profiles or locales.
package notes
