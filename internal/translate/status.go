package translate

import (
	"fmt"
	"io"

	"github.com/tsdraft/tsdraft/internal/catalog"
	"github.com/tsdraft/tsdraft/internal/vocab"
)

// StatusRow is one language's state against the master.
type StatusRow struct {
	Lang       string
	Entries    int // master entries this language must translate (for ja: its own entries)
	Translated int // present, and made from the current master text
	Missing    int // absent
	Stale      int // present, but made from an older master text or without source
	Same       int // present and identical to a master text that has words (maybe not translated)
}

// Percent is the share of entries translated and current, rounded down so that 100 means
// done.
func (r StatusRow) Percent() int {
	if r.Entries == 0 {
		return 100
	}
	return r.Translated * 100 / r.Entries
}

// Status returns one row per language of the active vocabulary (a language added as data
// included), in the vocabulary's order.
func (c *Tree) Status() []StatusRow {
	masters := c.MasterEntries()
	langs := vocab.Active().LanguageCodes()
	rows := make([]StatusRow, 0, len(langs))
	for _, lang := range langs {
		row := StatusRow{Lang: lang}
		for _, m := range masters {
			if lang == catalog.Master {
				row.Entries++
				row.Translated++
				continue
			}
			if !c.requiredIn(lang, m) {
				continue
			}
			row.Entries++
			e := c.Entry(catalog.Ref{Lang: lang, Jur: m.Jur, Key: m.Key})
			switch {
			case e == nil:
				row.Missing++
				continue
			case e.HasSource && e.Source == catalog.SourceHash(m.Text):
				row.Translated++
			default:
				row.Stale++
			}
			if e.Text == m.Text && hasLetters(m.Text) {
				row.Same++
			}
		}
		rows = append(rows, row)
	}
	return rows
}

// WriteStatus prints rows as a table: language left, counts right-aligned under their
// headings.
func WriteStatus(w io.Writer, rows []StatusRow) error {
	heads := []string{"ENTRIES", "TRANSLATED", "MISSING", "STALE", "SAME-AS-MASTER", "COMPLETE"}
	langW := len("LANGUAGE")
	for _, r := range rows {
		langW = max(langW, len(r.Lang))
	}
	line := func(first string, cells []string) string {
		s := fmt.Sprintf("%-*s", langW, first)
		for i, c := range cells {
			s += fmt.Sprintf("  %*s", len(heads[i]), c)
		}
		return s + "\n"
	}
	out := line("LANGUAGE", heads)
	for _, r := range rows {
		out += line(r.Lang, []string{
			fmt.Sprint(r.Entries), fmt.Sprint(r.Translated), fmt.Sprint(r.Missing),
			fmt.Sprint(r.Stale), fmt.Sprint(r.Same), fmt.Sprintf("%d%%", r.Percent()),
		})
	}
	_, err := io.WriteString(w, out)
	return err
}
