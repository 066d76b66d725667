package translate_test

import (
	"io/fs"
	"testing"

	tsdraft "github.com/tsdraft/tsdraft"
	"github.com/tsdraft/tsdraft/internal/catalog"
	"github.com/tsdraft/tsdraft/internal/translate"
)

// TestShippedLocales is the acceptance test of the shipped texts: the embedded locales load
// strictly (as the renderer loads them) and `tsdraft locale check` finds no error in them.
// Warnings are logged for review.
func TestShippedLocales(t *testing.T) {
	sub, err := fs.Sub(tsdraft.Locales, "locales")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := catalog.Load(sub); err != nil {
		t.Fatal(err)
	}
	c, err := translate.Inspect(sub)
	if err != nil {
		t.Fatal(err)
	}
	if rows := c.Status(); rows[0].Entries == 0 {
		t.Fatal("no master (ja) texts are shipped")
	}
	for _, p := range c.Check() {
		if p.Level == catalog.Error {
			t.Error(p)
		} else {
			t.Log(p)
		}
	}
}
