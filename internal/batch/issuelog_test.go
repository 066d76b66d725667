package batch

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

// Group commit must keep the log's promise: when append returns, that record is in the file
// (and nothing is recorded twice or lost), however many workers append at once.
func TestIssueLogGroupCommit(t *testing.T) {
	dir := t.TempDir()
	l, err := openIssueLog(dir)
	if err != nil {
		t.Fatal(err)
	}
	const n = 200
	var wg sync.WaitGroup
	errs := make(chan error, n)
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			file := fmt.Sprintf("pledge-%03d.docx", i)
			if err := l.append(logRecord{IssuedAt: "2026-12-05T10:00:00Z", Sheet: "s.csv", Row: i + 2, ID: fmt.Sprint(i), Name: "N", Doc: "exit-pledge", File: file, Event: "issued"}); err != nil {
				errs <- err
				return
			}
			b, err := os.ReadFile(filepath.Join(dir, IssueLogName))
			if err != nil {
				errs <- err
				return
			}
			if !strings.Contains(string(b), ","+file+",") {
				errs <- fmt.Errorf("append of %s returned before its line was written", file)
			}
			if _, ok := l.lookup(file); !ok {
				errs <- fmt.Errorf("append of %s returned before the record was remembered", file)
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	if err := l.close(); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(filepath.Join(dir, IssueLogName))
	if err != nil {
		t.Fatal(err)
	}
	recs, err := parseIssueLog(IssueLogName, b)
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]int{}
	for _, r := range recs {
		seen[r.File]++
	}
	if len(recs) != n || len(seen) != n {
		t.Fatalf("the log holds %d records for %d files, want %d each", len(recs), len(seen), n)
	}
}

// A failed commit is reported to every worker whose record was in it, never swallowed.
func TestIssueLogCommitFailureReachesTheWriter(t *testing.T) {
	dir := t.TempDir()
	l, err := openIssueLog(dir)
	if err != nil {
		t.Fatal(err)
	}
	l.f.Close() // the disk goes away
	err = l.append(logRecord{File: "a.docx", Event: "issued"})
	if err == nil {
		t.Fatal("append to a closed log returned nil")
	}
	if _, ok := l.lookup("a.docx"); ok {
		t.Error("a record that was not written is remembered as issued")
	}
}
