package translate

import (
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"slices"
	"strings"

	"github.com/BurntSushi/toml"
	"github.com/tsdraft/tsdraft/internal/catalog"
)

// The master history (locales/ja/.history.toml) maps each source hash that import or
// mark-current has written to the master text it stands for. A source hash alone says that
// the master changed, not how; with the history, check and export can show the translator
// the old master text next to the new one, which is what a translator needs to update a
// translation rather than redo it.
//
// Why a history file rather than the alternatives:
//   - git knows old master texts, but the tool runs on released binaries and in CAT
//     workflows without a repository, and digging through git log is slow and fragile;
//   - a source_text field in every translation would copy each master text into six files,
//     in a script those files' translators may not read, and invite edits to a field that
//     must never be edited;
//   - one content-addressed file written only by the tool costs one entry per distinct
//     master text (not per language), is append-only (old entries never change, so merges
//     rarely conflict), and is safe to prune: an entry no translation's source points at is
//     never read.
//
// It is a hidden file so that the loader never mistakes it for texts.

const historyHeader = "# Master texts that translations were made from, by source hash.\n" +
	"# Written by `tsdraft locale import` and `mark-current`; do not edit by hand.\n" +
	"# An entry no translation's source points at may be deleted.\n\n"

func (c *Tree) loadHistory(fsys fs.FS, shown string) []catalog.Problem {
	data, err := fs.ReadFile(fsys, historyFile)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return []catalog.Problem{{File: shown, Line: 1, Level: catalog.Warning, Rule: "history", Message: fmt.Sprintf("cannot read the master history: %v", err)}}
	}
	h, problems := parseHistory(shown, string(data))
	for k, v := range h {
		c.history[k] = v
	}
	return problems
}

// parseHistory reads a history file; a damaged one only costs the old texts it held, so
// its problems are warnings.
func parseHistory(shown, src string) (map[string]string, []catalog.Problem) {
	var raw map[string]any
	out := map[string]string{}
	if _, err := toml.Decode(src, &raw); err != nil {
		line := 1
		var pe toml.ParseError
		if errors.As(err, &pe) {
			line = pe.Position.Line
		}
		return out, []catalog.Problem{{File: shown, Line: line, Level: catalog.Warning, Rule: "history", Message: "the master history is not valid TOML; old master texts cannot be shown: " + catalog.FirstLine(err.Error())}}
	}
	pos, _ := catalog.ScanTOML(src)
	var problems []catalog.Problem
	for _, k := range slices.Sorted(maps.Keys(raw)) {
		s, ok := raw[k].(string)
		if !ok || catalog.SourceHash(s) != k {
			problems = append(problems, catalog.Problem{File: shown, Line: pos.KeyLine([]string{k}, 1), Level: catalog.Warning, Rule: "history",
				Message: fmt.Sprintf("entry %s does not hold the master text of that hash; delete it", k)})
			continue
		}
		out[k] = s
	}
	return out, problems
}

// formatHistory writes a history canonically: sorted by hash.
func formatHistory(h map[string]string) []byte {
	var b strings.Builder
	b.WriteString(historyHeader)
	for _, k := range slices.Sorted(maps.Keys(h)) {
		fmt.Fprintf(&b, "%s = %s\n", catalog.EncodeKey(k), catalog.EncodeString(h[k]))
	}
	return []byte(b.String())
}
