package render

import "github.com/tsdraft/tsdraft/internal/vocab"

// Document describes one document of the shipped set.
type Document struct {
	ID, Name, Description string
}

// Documents is the shipped set, in the order they are built (vocab/documents.toml).
var Documents = documents()

func documents() []Document {
	var out []Document
	for _, d := range vocab.Builtin().Documents() {
		out = append(out, Document{d.ID, d.Name, d.Description})
	}
	return out
}

// IsDocument tells whether id is a shipped document.
func IsDocument(id string) bool { return vocab.Active().IsDocument(id) }
