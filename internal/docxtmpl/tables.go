package docxtmpl

import "bytes"

// dropEmptyTables removes the tables a template left without a row (every row removed by a
// block): Word refuses a table without a row ("unreadable content"). A table without rows
// holds no other table, so one pass finds them all, innermost first. A table that was the last
// thing in a cell gives way to an empty paragraph: a cell must end with one.
func dropEmptyTables(b []byte) []byte {
	if !bytes.Contains(b, []byte("<w:tbl")) {
		return b
	}
	var out []byte
	dropped := false
	prev, pos := 0, 0
	for {
		i := indexTag(b, pos, "<w:tbl")
		if i < 0 {
			break
		}
		j := bytes.Index(b[i:], []byte("</w:tbl>"))
		if j < 0 {
			break
		}
		end := i + j + len("</w:tbl>")
		inner := b[i+len("<w:tbl") : i+j]
		if indexTag(inner, 0, "<w:tr") >= 0 || indexTag(inner, 0, "<w:tbl") >= 0 {
			pos = i + 1
			continue
		}
		out = append(out, b[prev:i]...)
		if bytes.HasPrefix(b[end:], []byte("</w:tc>")) {
			out = append(out, "<w:p/>"...)
		}
		prev, pos, dropped = end, end, true
	}
	if !dropped {
		return b
	}
	return append(out, b[prev:]...)
}

// indexTag finds the start tag name (such as "<w:tr") from pos, not a longer name that begins
// with it (<w:trPr>, <w:tblPr>).
func indexTag(b []byte, pos int, name string) int {
	for pos < len(b) {
		i := bytes.Index(b[pos:], []byte(name))
		if i < 0 {
			return -1
		}
		i += pos
		if k := i + len(name); k < len(b) && (b[k] == '>' || b[k] == ' ' || b[k] == '/') {
			return i
		}
		pos = i + 1
	}
	return -1
}
