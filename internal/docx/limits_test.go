package docx

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// rawEntry is a zip entry written as given: declared sizes and checksum may lie.
type rawEntry struct {
	name        string
	data        []byte // content (deflated by the helper unless store)
	store       bool
	declareSize uint64 // 0: the real size
}

// zipRaw builds an archive of a minimal valid DOCX plus the given entries.
func zipRaw(t *testing.T, extra ...rawEntry) []byte {
	t.Helper()
	base := []rawEntry{
		{name: "[Content_Types].xml", data: []byte(ct)},
		{name: "_rels/.rels", data: []byte(`<Relationships xmlns="r"><Relationship Id="rId1" Type="t" Target="word/document.xml"/></Relationships>`)},
		{name: "word/document.xml", data: []byte(`<w:document xmlns:w="w"><w:body/></w:document>`)},
		{name: "word/_rels/document.xml.rels", data: []byte(`<Relationships xmlns="r"><Relationship Id="rId1" Type="t" Target="header1.xml"/></Relationships>`)},
		{name: "word/header1.xml", data: []byte(`<w:hdr xmlns:w="w"/>`)},
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, e := range append(base, extra...) {
		hdr := &zip.FileHeader{Name: e.name, Method: zip.Deflate, Modified: time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)}
		if e.store {
			hdr.Method = zip.Store
		}
		w, err := zw.CreateHeader(hdr)
		if err != nil {
			t.Fatal(err)
		}
		w.Write(e.data)
	}
	zw.Close()
	b := buf.Bytes()
	// Patch declared sizes afterwards (local header and central directory) where asked.
	for _, e := range extra {
		if e.declareSize == 0 {
			continue
		}
		b = patchSize(t, b, e.name, e.declareSize)
	}
	return b
}

// patchSize rewrites the uncompressed size of an entry in the central directory and in its
// local header (both 32-bit fields).
func patchSize(t *testing.T, b []byte, name string, size uint64) []byte {
	t.Helper()
	out := append([]byte(nil), b...)
	n := 0
	for i := 0; i+46 < len(out); i++ {
		switch {
		case bytes.Equal(out[i:i+4], []byte("PK\x03\x04")) && bytes.HasPrefix(out[i+30:], []byte(name)):
			putLE32(out[i+22:], uint32(size))
			n++
		case bytes.Equal(out[i:i+4], []byte("PK\x01\x02")) && bytes.HasPrefix(out[i+46:], []byte(name)):
			putLE32(out[i+24:], uint32(size))
			n++
		}
	}
	if n != 2 {
		t.Fatalf("patched %d headers of %s, want 2", n, name)
	}
	return out
}

func putLE32(b []byte, v uint32) {
	b[0], b[1], b[2], b[3] = byte(v), byte(v>>8), byte(v>>16), byte(v>>24)
}

func TestOpenRefusesHostileTemplates(t *testing.T) {
	zeros := make([]byte, 3*mib)
	cases := []struct {
		name  string
		entry rawEntry
		lim   Limits
		want  string
	}{
		{"zip slip", rawEntry{name: "../evil.xml", data: []byte("<a/>")}, TemplateLimits, `"../evil.xml" has a '..' segment`},
		{"zip slip inside", rawEntry{name: "word/../../evil.png", data: []byte("x")}, TemplateLimits, `'..' segment`},
		{"absolute", rawEntry{name: "/etc/cron.d/x", data: []byte("x")}, TemplateLimits, "is an absolute path"},
		{"backslash", rawEntry{name: `..\..\evil.png`, data: []byte("x")}, TemplateLimits, "backslash"},
		{"drive", rawEntry{name: `C:/evil.png`, data: []byte("x")}, TemplateLimits, "drive letter"},
		{"doctype", rawEntry{name: "word/footer1.xml", data: []byte(`<!DOCTYPE x [<!ENTITY a "b">]><w:ftr xmlns:w="w"/>`)}, TemplateLimits, "word/footer1.xml is not well-formed XML: line 1: DOCTYPE declaration"},
		{"doctype in main part", rawEntry{}, TemplateLimits, "word/document.xml is not well-formed XML: line 1: DOCTYPE"},
		{"part size", rawEntry{name: "word/media/big.png", data: zeros[:2*mib]}, Limits{Part: 1 * mib, Total: 100 * mib, Ratio: 2000, RatioFrom: mib}, "part word/media/big.png unpacks to 2 MiB, more than the 1 MiB allowed for one part"},
		{"total size", rawEntry{name: "word/media/big.png", data: zeros[:2*mib]}, Limits{Part: 4 * mib, Total: 2 * mib, Ratio: 2000, RatioFrom: mib}, "unpacks to more than the 2 MiB allowed in all"},
		{"ratio", rawEntry{name: "word/media/zeros.bin", data: zeros}, Limits{Part: 4 * mib, Total: 100 * mib, Ratio: 200, RatioFrom: mib}, "KiB to 3 MiB (more than 200 times; a zip bomb"},
		{"default ratio", rawEntry{name: "word/media/zeros.bin", data: make([]byte, 17*mib)}, TemplateLimits, "KiB to 17 MiB (more than 100 times; a zip bomb"},
		{"claims 1 GiB", rawEntry{name: "word/media/a.png", data: []byte("x"), store: true, declareSize: 1 << 30}, TemplateLimits, "unpacks to 1024 MiB, more than the 64 MiB allowed"},
		{"lies about its size", rawEntry{name: "word/media/a.png", data: []byte("0123456789"), store: true, declareSize: 4}, TemplateLimits, "part word/media/a.png is damaged"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var data []byte
			if c.entry.name == "" {
				data = zipOf(t, map[string]string{
					"[Content_Types].xml": ct, "word/header1.xml": `<w:hdr xmlns:w="w"/>`, "word/_rels/document.xml.rels": `<Relationships xmlns="r"/>`,
					"word/document.xml": `<?xml version="1.0"?><!DOCTYPE lol [<!ENTITY l "lol"><!ENTITY l2 "&l;&l;">]><w:document xmlns:w="w"><w:body>&l2;</w:body></w:document>`,
				}, "[Content_Types].xml", "word/document.xml", "word/_rels/document.xml.rels", "word/header1.xml")
			} else {
				data = zipRaw(t, c.entry)
			}
			_, err := OpenWithLimits("t.docx", data, c.lim)
			if err == nil || !strings.Contains(err.Error(), c.want) || !strings.HasPrefix(err.Error(), "t.docx: ") {
				t.Fatalf("want an error with %q, got %v", c.want, err)
			}
		})
	}
}

// TestOpenFindsDamagedParts: a checksum error in any part, not only the ones with tags, is
// found when the template is opened, so `template check` and `render` agree.
func TestOpenFindsDamagedParts(t *testing.T) {
	for _, part := range []string{"word/styles.xml", "word/media/image1.png", "word/document.xml"} {
		content := []byte(`<w:styles xmlns:w="w"><w:style w:styleId="Normal"/></w:styles>`)
		var extra []rawEntry
		if part != "word/document.xml" {
			extra = append(extra, rawEntry{name: part, data: content, store: true})
		}
		data := zipRaw(t, extra...)
		if part == "word/document.xml" {
			data = storeMain(t)
			content = []byte(`<w:body/>`)
		}
		if _, err := Open("t.docx", data); err != nil {
			t.Fatalf("%s: intact archive refused: %v", part, err)
		}
		i := bytes.Index(data, content)
		if i < 0 {
			t.Fatalf("%s: content not found in the archive", part)
		}
		bad := append([]byte(nil), data...)
		bad[i+len(content)-3] ^= 0x20 // one bit: same length, wrong checksum
		_, err := Open("t.docx", bad)
		if err == nil || !strings.Contains(err.Error(), part) || !strings.Contains(err.Error(), "checksum") {
			t.Errorf("%s: want a checksum error naming the part, got %v", part, err)
		}
	}
}

// storeMain is a minimal package whose main part is stored, not deflated.
func storeMain(t *testing.T) []byte {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, e := range []struct {
		n, s  string
		store bool
	}{{"[Content_Types].xml", ct, false}, {"word/_rels/document.xml.rels", `<Relationships xmlns="r"/>`, false}, {"word/document.xml", `<w:document xmlns:w="w"><w:body/></w:document>`, true}, {"word/header1.xml", `<w:hdr xmlns:w="w"/>`, false}} {
		m := zip.Deflate
		if e.store {
			m = zip.Store
		}
		w, _ := zw.CreateHeader(&zip.FileHeader{Name: e.n, Method: m})
		w.Write([]byte(e.s))
	}
	zw.Close()
	return buf.Bytes()
}

func TestDeflatedBombMeasured(t *testing.T) {
	// A real deflated bomb: 64 MiB + 1 of zeros is about 64 KiB compressed. It is refused from
	// the declared sizes, before it is inflated.
	var comp bytes.Buffer
	fw, _ := flate.NewWriter(&comp, flate.BestCompression)
	chunk := make([]byte, mib)
	for i := 0; i < 65; i++ {
		fw.Write(chunk)
	}
	fw.Close()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, n := range []string{"[Content_Types].xml", "word/_rels/document.xml.rels", "word/document.xml"} {
		w, _ := zw.Create(n)
		w.Write([]byte(map[string]string{"[Content_Types].xml": ct, "word/_rels/document.xml.rels": `<Relationships xmlns="r"/>`, "word/document.xml": `<w:document xmlns:w="w"/>`}[n]))
	}
	w, err := zw.CreateRaw(&zip.FileHeader{Name: "word/document2.xml", Method: zip.Deflate,
		CompressedSize64: uint64(comp.Len()), UncompressedSize64: 65 * mib, CRC32: 0})
	if err != nil {
		t.Fatal(err)
	}
	w.Write(comp.Bytes())
	zw.Close()
	start := time.Now()
	_, err = Open("bomb.docx", buf.Bytes())
	if err == nil || !strings.Contains(err.Error(), "word/document2.xml unpacks to 65 MiB, more than the 64 MiB allowed") {
		t.Fatalf("want a size error, got %v", err)
	}
	if d := time.Since(start); d > 2*time.Second {
		t.Errorf("refusing the bomb took %v: it was inflated", d)
	}
}

func TestCheckZipFile(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "book.xlsx")
	os.WriteFile(p, zipRaw(t, rawEntry{name: "xl/worksheets/sheet1.xml", data: make([]byte, 17*mib)}), 0o644)
	err := CheckZipFile(p, "book.xlsx", WorkbookLimits)
	if err == nil || !strings.Contains(err.Error(), "book.xlsx: part xl/worksheets/sheet1.xml unpacks from") {
		t.Errorf("want a ratio error, got %v", err)
	}
	os.WriteFile(p, []byte("a,b\n1,2\n"), 0o644)
	if err := CheckZipFile(p, "book.xlsx", WorkbookLimits); err != nil {
		t.Errorf("a file that is not a zip is for its reader to refuse: %v", err)
	}
}

func TestWriteFileSyncsBeforeRename(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "out.docx")
	var synced []string
	orig := syncFile
	syncFile = func(f *os.File) error {
		if _, err := os.Lstat(p); err == nil {
			t.Errorf("%s synced after the destination appeared", f.Name())
		}
		// Read through the handle: a file written through createUnnamed has no name yet.
		b := make([]byte, 64)
		n, _ := f.ReadAt(b, 0)
		synced = append(synced, string(b[:n]))
		return f.Sync()
	}
	defer func() { syncFile = orig }()
	if err := WriteFile(p, []byte("one"), false, nil); err != nil {
		t.Fatal(err)
	}
	os.Remove(p)
	if err := WriteFile(p, []byte("two"), true, nil); err != nil {
		t.Fatal(err)
	}
	os.Remove(p)
	src := filepath.Join(dir, "lo.pdf")
	os.WriteFile(src, []byte("three"), 0o644)
	if err := MoveInto(src, p); err != nil {
		t.Fatal(err)
	}
	if strings.Join(synced, ",") != "one,two,three" {
		t.Errorf("synced %q, want every file's whole content synced before its rename", synced)
	}
	syncFile = func(*os.File) error { return errors.New("disk on fire") }
	os.Remove(p)
	if err := WriteFile(p, []byte("four"), false, nil); err == nil || !strings.Contains(err.Error(), "disk on fire") {
		t.Errorf("a failed sync must fail the write, got %v", err)
	}
	if _, err := os.Lstat(p); err == nil {
		t.Error("a file whose sync failed was moved into place")
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("left behind: %v", entries)
	}
}

func TestWriteFileRefusesFolders(t *testing.T) {
	dir := t.TempDir()
	for _, force := range []bool{false, true} {
		err := WriteFile(dir, []byte("x"), force, nil)
		var nf *ErrNotFile
		if !errors.As(err, &nf) || strings.Contains(err.Error(), "--force") || !strings.Contains(err.Error(), "is a folder") {
			t.Errorf("force=%v: want a folder error without --force advice, got %v", force, err)
		}
	}
}

func TestOpenRefusesDeepParts(t *testing.T) {
	deep := func(n int) string {
		return `<w:document xmlns:w="w"><w:body>` + strings.Repeat("<w:sdt><w:sdtContent>", n) + strings.Repeat("</w:sdtContent></w:sdt>", n) + `</w:body></w:document>`
	}
	mk := func(doc string) []byte {
		return zipOf(t, map[string]string{"[Content_Types].xml": ct, "word/_rels/document.xml.rels": `<Relationships xmlns="r"/>`, "word/document.xml": doc, "word/header1.xml": `<w:hdr xmlns:w="w"/>`},
			"[Content_Types].xml", "word/_rels/document.xml.rels", "word/document.xml", "word/header1.xml")
	}
	if _, err := Open("ok.docx", mk(deep(100))); err != nil {
		t.Fatalf("200 levels refused: %v", err)
	}
	_, err := Open("deep.docx", mk(deep(700)))
	if !errors.Is(err, ErrTooDeep) || !strings.Contains(err.Error(), "deep.docx: part word/document.xml: line 1: elements nested deeper") || !strings.Contains(err.Error(), "(more than 256)") {
		t.Fatalf("want a depth error naming the part, got %v", err)
	}
	if err := WellFormed([]byte(deep(200))); err != nil {
		t.Errorf("outputs may nest to %d: %v", MaxDepth, err)
	}
	if err := WellFormed([]byte(deep(600))); !errors.Is(err, ErrTooDeep) {
		t.Errorf("want ErrTooDeep, got %v", err)
	}
}
