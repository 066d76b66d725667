package batch

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"slices"
	"strconv"

	"github.com/tsdraft/tsdraft/internal/docx"
)

// ManifestName is the record of a batch, written in the output directory.
const ManifestName = "manifest.csv"

// Statuses of a manifest entry.
const (
	StatusWritten = "written"
	StatusSkipped = "skipped-exists"
	StatusFailed  = "failed"
)

var manifestHeader = []string{"row", "employee_id", "employee_name", "document", "file", "sha256", "status", "error"}

// Entry is one line of the manifest: one file of one person, or why there is none.
type Entry struct {
	Row    int
	ID     string
	Name   string
	Doc    string
	File   string // name inside the output directory; "" when the row failed
	SHA256 string // of the file as it is in the directory
	Status string
	Error  string

	order [3]int // output index within the row, then 0 for DOCX and 1 for its PDF
}

// sortEntries orders the manifest by row, then document, then file.
func sortEntries(es []Entry) {
	slices.SortStableFunc(es, func(a, b Entry) int {
		if a.Row != b.Row {
			return a.Row - b.Row
		}
		for i := range a.order {
			if a.order[i] != b.order[i] {
				return a.order[i] - b.order[i]
			}
		}
		return 0
	})
}

// encodeManifest writes the manifest as Excel opens it without asking: UTF-8 with a BOM (so
// Thai and Japanese names show), CRLF line ends.
func encodeManifest(es []Entry) ([]byte, error) {
	var buf bytes.Buffer
	buf.WriteString("\uFEFF")
	w := csv.NewWriter(&buf)
	w.UseCRLF = true
	if err := w.Write(manifestHeader); err != nil {
		return nil, err
	}
	for _, e := range es {
		if err := w.Write([]string{strconv.Itoa(e.Row), e.ID, e.Name, e.Doc, e.File, e.SHA256, e.Status, e.Error}); err != nil {
			return nil, err
		}
	}
	w.Flush()
	return buf.Bytes(), w.Error()
}

// writeManifest replaces the manifest atomically: a reader sees the old one or the new one.
func writeManifest(path string, es []Entry) error {
	b, err := encodeManifest(es)
	if err != nil {
		return err
	}
	return docx.WriteFile(path, b, true, nil)
}

// priorEntry is what an earlier run's manifest says a file was written for.
type priorEntry struct{ id, name string }

// readManifest reads an earlier run's manifest: file → whom it was written for. ok is false
// when path exists but is not a tsdraft manifest (then it is the user's file).
func readManifest(path string) (m map[string]priorEntry, exists, ok bool, err error) {
	f, err := os.Open(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, false, true, nil
	}
	if err != nil {
		return nil, true, false, err
	}
	defer f.Close()
	br := bufio.NewReader(f)
	if b, _ := br.Peek(3); bytes.Equal(b, []byte{0xEF, 0xBB, 0xBF}) {
		br.Discard(3)
	}
	r := csv.NewReader(br)
	r.FieldsPerRecord = -1
	head, err := r.Read()
	if err != nil || !slices.Equal(head, manifestHeader) {
		return nil, true, false, nil
	}
	m = map[string]priorEntry{}
	for {
		rec, err := r.Read()
		if err == io.EOF {
			return m, true, true, nil
		}
		if err != nil || len(rec) != len(manifestHeader) {
			return nil, true, false, nil
		}
		if rec[4] != "" {
			m[rec[4]] = priorEntry{id: rec[1], name: rec[2]}
		}
	}
}

func (p priorEntry) String() string {
	switch {
	case p.id != "" && p.name != "":
		return fmt.Sprintf("%s (%s)", p.name, p.id)
	case p.name != "":
		return p.name
	}
	return p.id
}
