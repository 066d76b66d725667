// Package wordxml is a minimal XML tree for WordprocessingML parts: it parses a part into nodes
// that keep namespace prefixes exactly as written and serializes them back. encoding/xml's own
// marshalling rewrites prefixes, which Word does not accept, so only its tokenizer is used.
package wordxml
