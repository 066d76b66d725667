// Package batch drafts documents for many people at once from a spreadsheet (CSV or XLSX):
// each row overrides the profile for one person, is checked like a profile, and is drafted
// under a safe, unique file name; a manifest records what was written.
package batch
