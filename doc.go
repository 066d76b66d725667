// Package tsdraft embeds the shipped templates and locales, so that one binary works anywhere.
// Commands layer a user's directory over these (file by file for templates, key by key for
// locales).
package tsdraft
