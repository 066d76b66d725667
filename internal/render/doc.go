// Package render drafts one document in one or two languages: it picks the template, builds
// the data from the profile, lays out bilingual documents, runs the template engine with the
// locale texts and records provenance in the document properties.
package render
