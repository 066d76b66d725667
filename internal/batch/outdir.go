package batch

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/csv"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"time"

	"golang.org/x/text/unicode/norm"

	"github.com/tsdraft/tsdraft/internal/docx"
)

// The output folder: what tsdraft keeps there besides the documents.
//
//   - IssueLogName, an append-only record of every pledge issued: one line per file written,
//     synced before the file counts as written (lines finished together share one sync), so a
//     crash or power cut loses nothing already issued.
//     It is never rewritten; it says when each pledge was issued, for whom, from which input.
//   - ManifestName (CSV) and ManifestXLSXName: what is in the folder now, merged from this
//     run and the log (files of earlier runs and other sheets stay listed).
//   - LockName: held while a batch writes, so two runs cannot interleave.
//
// Anything at these names, or at a document's name, that is not a regular file (a symbolic
// link planted there, a FIFO, a directory) is refused, never followed.
const (
	IssueLogName     = "issue-log.csv"
	ManifestXLSXName = "manifest.xlsx"
	LockName         = ".tsdraft.lock"
)

var issueLogHeader = []string{"issued_at", "sheet", "row", "employee_id", "employee_name", "document", "file", "sha256", "input_sha256", "event"}

// logRecord is one line of the issue log.
type logRecord struct {
	IssuedAt string // RFC 3339, UTC
	Sheet    string
	Row      int
	ID, Name string
	Doc      string
	File     string
	SHA256   string
	InputSHA string
	Event    string // issued, reissued
}

func (l logRecord) fields() []string {
	return []string{l.IssuedAt, l.Sheet, strconv.Itoa(l.Row), l.ID, l.Name, l.Doc, l.File, l.SHA256, l.InputSHA, l.Event}
}

// issueLog appends to the log; last is each file's latest record (by nameKey).
//
// Appends are committed in groups: a record is on disk before append returns, but the records
// of every worker waiting at that moment share one write, one sync of the output folder (which
// makes their files' renames durable) and one sync of the log. Each pledge is still recorded
// durably before it is reported written; a batch just does not pay two syncs per pledge.
type issueLog struct {
	mu    sync.Mutex
	path  string
	dir   string // the output folder, synced before the records of its files are written
	f     *os.File
	last  map[string]logRecord
	order []string // nameKeys in the order their latest record was written

	cond     *sync.Cond       // signalled when a group has been committed
	pending  []byte           // lines waiting for the next group commit
	recs     []logRecord      // their records
	next     uint64           // the group the pending lines belong to
	flushed  uint64           // groups committed so far (groups are committed in order)
	flushing bool             // a worker is committing a group
	errs     map[uint64]error // groups that failed
}

// regularOrAbsent refuses anything at path that is not a regular file: a planted symbolic link
// would make tsdraft read (and record, and convert) whatever it points to.
func regularOrAbsent(path string) (exists bool, err error) {
	fi, err := os.Lstat(path)
	if errors.Is(err, fs.ErrNotExist) {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	if !fi.Mode().IsRegular() {
		return true, fmt.Errorf("%s is %s, not a file tsdraft wrote; remove it (tsdraft never follows links in its output folder)", path, describeMode(fi.Mode()))
	}
	return true, nil
}

func describeMode(m fs.FileMode) string {
	switch {
	case m&fs.ModeSymlink != 0:
		return "a symbolic link"
	case m.IsDir():
		return "a folder"
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeDevice != 0:
		return "a device"
	}
	return "not a regular file"
}

// openIssueLog reads the log in dir (if any) and opens it for appending.
func openIssueLog(dir string) (*issueLog, error) {
	l := &issueLog{path: filepath.Join(dir, IssueLogName), dir: dir, last: map[string]logRecord{}, errs: map[uint64]error{}}
	l.cond = sync.NewCond(&l.mu)
	exists, err := regularOrAbsent(l.path)
	if err != nil {
		return nil, err
	}
	if exists {
		b, err := os.ReadFile(l.path)
		if err != nil {
			return nil, fmt.Errorf("reading %s: %w", l.path, err)
		}
		recs, err := parseIssueLog(l.path, b)
		if err != nil {
			return nil, err
		}
		for _, r := range recs {
			l.remember(r)
		}
	}
	f, err := os.OpenFile(l.path, os.O_WRONLY|os.O_APPEND|os.O_CREATE|openNoFollow, 0o644)
	if err != nil {
		return nil, fmt.Errorf("opening %s: %w", l.path, err)
	}
	l.f = f
	if !exists {
		var buf bytes.Buffer
		buf.WriteString("\uFEFF")
		writeCSVLine(&buf, issueLogHeader)
		if err := l.write(buf.Bytes()); err != nil {
			f.Close()
			return nil, err
		}
	}
	return l, nil
}

// parseIssueLog reads the log. A last line cut short (a crash while appending) is ignored;
// anything else that does not parse is an error: the log is the record and is not guessed at.
func parseIssueLog(path string, b []byte) ([]logRecord, error) {
	b = bytes.TrimPrefix(b, []byte("\uFEFF"))
	if i := bytes.LastIndexByte(b, '\n'); i >= 0 && i < len(b)-1 {
		b = b[:i+1] // an unfinished last line
	}
	r := csv.NewReader(bytes.NewReader(b))
	r.FieldsPerRecord = -1
	head, err := r.Read()
	if err == io.EOF {
		return nil, nil
	}
	if err != nil || strings.Join(head, ",") != strings.Join(issueLogHeader, ",") {
		return nil, fmt.Errorf("%s is not tsdraft's issue log; move it away (tsdraft only appends to its own log)", path)
	}
	var out []logRecord
	for {
		rec, err := r.Read()
		if err == io.EOF {
			return out, nil
		}
		line, _ := r.FieldPos(0)
		if err != nil || len(rec) != len(issueLogHeader) {
			return nil, fmt.Errorf("%s:%d: not a line tsdraft wrote; the log must not be edited (restore it from a backup)", path, line)
		}
		for i := range rec {
			rec[i] = unneutralise(rec[i])
		}
		row, _ := strconv.Atoi(rec[2])
		out = append(out, logRecord{IssuedAt: rec[0], Sheet: rec[1], Row: row, ID: rec[3], Name: rec[4], Doc: rec[5],
			File: rec[6], SHA256: rec[7], InputSHA: rec[8], Event: rec[9]})
	}
}

func (l *issueLog) remember(r logRecord) {
	k := nameKey(r.File)
	if _, ok := l.last[k]; !ok {
		l.order = append(l.order, k)
	}
	l.last[k] = r
}

// lookup returns the latest record of a file.
func (l *issueLog) lookup(file string) (logRecord, bool) {
	l.mu.Lock()
	defer l.mu.Unlock()
	r, ok := l.last[nameKey(file)]
	return r, ok
}

// append records one written file: when it returns nil, the file's rename and its record are
// on disk. The first worker to find no commit under way commits every line pending by then
// (its own and those of the workers waiting); the others wait for the group holding theirs.
func (l *issueLog) append(r logRecord) error {
	var buf bytes.Buffer
	writeCSVLine(&buf, r.fields())
	l.mu.Lock()
	defer l.mu.Unlock()
	l.pending = append(l.pending, buf.Bytes()...)
	l.recs = append(l.recs, r)
	group := l.next
	for l.flushed <= group {
		if l.flushing {
			l.cond.Wait()
			continue
		}
		l.flushing = true
		data, recs, id := l.pending, l.recs, l.next
		l.pending, l.recs = nil, nil
		l.next++
		l.mu.Unlock()
		// The folder first: a record must never name a file whose rename could still be lost.
		err := docx.SyncDir(l.dir)
		if err == nil {
			err = l.write(data)
		}
		l.mu.Lock()
		if err != nil {
			l.errs[id] = err
		} else {
			for _, rec := range recs {
				l.remember(rec)
			}
		}
		l.flushed = id + 1
		l.flushing = false
		l.cond.Broadcast()
	}
	return l.errs[group]
}

func (l *issueLog) write(b []byte) error {
	if _, err := l.f.Write(b); err != nil {
		return fmt.Errorf("writing %s: %w", l.path, err)
	}
	if err := l.f.Sync(); err != nil {
		return fmt.Errorf("syncing %s: %w", l.path, err)
	}
	return nil
}

func (l *issueLog) close() error {
	if l == nil || l.f == nil {
		return nil
	}
	return l.f.Close()
}

// writeCSVLine writes one CSV line (CRLF), each cell neutralised against formula injection.
func writeCSVLine(buf *bytes.Buffer, cells []string) {
	w := csv.NewWriter(buf)
	w.UseCRLF = true
	out := make([]string, len(cells))
	for i, c := range cells {
		out[i] = neutralise(c)
	}
	_ = w.Write(out) // a bytes.Buffer does not fail
	w.Flush()
}

// neutralise makes a cell safe to open in a spreadsheet: a cell beginning with = + - @, a tab
// or a carriage return would be read as a formula (a name such as =HYPERLINK(…) runs when
// HR opens the manifest), so it gets a leading single quote, as the OWASP guidance on CSV
// injection recommends. A cell that begins with a quote gets one more, so that unneutralise
// gives back exactly what was written.
func neutralise(s string) string {
	if s == "" {
		return s
	}
	switch s[0] {
	case '=', '+', '-', '@', '\t', '\r', '\'':
		return "'" + s
	}
	return s
}

func unneutralise(s string) string { return strings.TrimPrefix(s, "'") }

// rowHash is the hash of a row's input: the values its cells give, as --set arguments (so a
// date typed 2026/3/31 or 2026-03-31 is the same input), in NFC (a name typed on a Mac in
// decomposed form is the same name).
func rowHash(sets []string) string {
	h := sha256.New()
	for _, s := range sets {
		h.Write([]byte(norm.NFC.String(s)))
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil))
}

// samePerson compares who a file was issued to, as people and file systems see names: in NFC,
// ignoring case and surrounding spaces.
func samePerson(id1, name1, id2, name2 string) bool {
	f := func(s string) string { return strings.ToLower(norm.NFC.String(strings.TrimSpace(s))) }
	return f(id1) == f(id2) && f(name1) == f(name2)
}

func nowUTC() string { return time.Now().UTC().Format(time.RFC3339) }

// readLines is a small helper for tests and the manifest reader: the lines of a CSV file as
// written by writeCSVLine, unneutralised.
func readCSV(r io.Reader) ([][]string, error) {
	br := bufio.NewReader(r)
	if b, _ := br.Peek(3); bytes.Equal(b, []byte{0xEF, 0xBB, 0xBF}) {
		br.Discard(3)
	}
	cr := csv.NewReader(br)
	cr.FieldsPerRecord = -1
	recs, err := cr.ReadAll()
	for _, rec := range recs {
		for i := range rec {
			rec[i] = unneutralise(rec[i])
		}
	}
	return recs, err
}
