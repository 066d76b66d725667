package translate

import (
	"io/fs"

	"github.com/tsdraft/tsdraft/internal/catalog"
)

// historyFile holds the master texts translations were made from, by hash (see history.go).
const historyFile = catalog.Master + "/.history.toml"

// Tree is the locale tree as the translators' commands see it: the catalogue with every
// problem found while loading kept for Check, and the master history.
type Tree struct {
	*catalog.Catalog
	history  map[string]string
	problems []catalog.Problem // loading's and the history's
	words    Words             // how the face says its commands and options; see SetWords
}

// Inspect loads a tree as catalog.Inspect does (files that cannot be read become problems
// reported by Check, so that one bad file does not hide the state of all the others) and
// reads the master history of each layer. The error is only for an override directory that
// is missing.
func Inspect(fsys fs.FS, overrides ...string) (*Tree, error) {
	cat, err := catalog.Inspect(fsys, overrides...)
	if err != nil {
		return nil, err
	}
	c := &Tree{Catalog: cat, history: map[string]string{}, problems: cat.Problems()}
	for _, l := range cat.Layers() {
		c.problems = append(c.problems, c.loadHistory(l.FS, l.Root+"/"+historyFile)...)
	}
	catalog.SortProblems(c.problems)
	return c, nil
}
