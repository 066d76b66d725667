package docxtmpl

import (
	"bytes"
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/tsdraft/tsdraft/internal/docx"
)

// A loop copies whatever its body holds, ids included; Word then reports unreadable content
// (two drawings with one wp:docPr id) or silently merges things (two bookmarks of one name, two
// comment anchors of one comment). A block that is dropped may take a comment's reference with
// it and leave the comment and its range orphaned. fixIDs repairs both after execution:
//   - wp:docPr ids are made unique across the parts (a repeat gets the next free number);
//   - the k-th repeat of a bookmark gets a new id and the name NAME_k;
//   - the k-th repeat of a comment's anchors gets a new id and a copy of the comment;
//   - a comment whose reference is gone is removed with its range markers;
//   - a repeated content control id (w:sdtPr/w:id) gets the next free number, and the k-th
//     repeat of an editing-permission range (w:permStart … w:permEnd) a new id for both ends;
//   - the k-th repeat of a footnote or endnote reference gets a new id and a copy of the note
//     (two references to one note: LibreOffice numbers both and leaves the second note empty).

// The expressions are compiled on first use (lazyRegexp), not at package init: every tsdraft
// command links this package, and most templates need only some of them.
var (
	docPrRe   = lazyRegexp(`(<wp:docPr\b[^>]*?\bid=")(\d+)(")`)
	sdtIDRe   = lazyRegexp(`(<w:id w:val=")(-?\d+)("\s*/>)`)
	permRe    = lazyRegexp(`<w:perm(Start|End)\b[^>]*/>`)
	bmStartRe = lazyRegexp(`<w:bookmarkStart\b[^>]*/>`)
	bmEndRe   = lazyRegexp(`<w:bookmarkEnd\b[^>]*/>`)
	idAttrRe  = lazyRegexp(`\bw:id="(-?\d+)"`)
	nameRe    = lazyRegexp(`\bw:name="([^"]*)"`)
	cmtMarkRe = lazyRegexp(`<w:(commentRangeStart|commentRangeEnd|commentReference)\b[^>]*/>`)
	commentRe = lazyRegexp(`(?s)<w:comment\b[^>]*>.*?</w:comment>`)
	paraIDRe  = lazyRegexp(` w14:(paraId|textId)="[^"]*"`)
	cmtRunRe  = lazyRegexp(`<w:r>(?:<w:rPr>(?:(?:<w:rStyle [^>]*/>)|(?:<w:[a-zA-Z]+/>))*</w:rPr>)?</w:r>`)
	noteRefRe = map[string]func() *regexp.Regexp{
		"footnote": lazyRegexp(`<w:footnoteReference\b[^>]*/>`),
		"endnote":  lazyRegexp(`<w:endnoteReference\b[^>]*/>`),
	}
	noteRe = map[string]func() *regexp.Regexp{
		"footnote": lazyRegexp(`(?s)<w:footnote\b[^>]*>.*?</w:footnote>`),
		"endnote":  lazyRegexp(`(?s)<w:endnote\b[^>]*>.*?</w:endnote>`),
	}
)

// fixIDs works on the parts the execution wrote (changed) and reads the others for ids in use.
func fixIDs(out *docx.Package, changed []string) error {
	isChanged := map[string]bool{}
	for _, n := range changed {
		isChanged[n] = true
	}
	// drawings: ids unique across the parts that can hold them
	var parts []string
	for _, n := range changed {
		b, err := out.Read(n)
		if err != nil {
			return err
		}
		if bytes.Contains(b, []byte("<wp:docPr")) {
			parts = append(parts, n)
		}
	}
	used := map[int]bool{}
	if len(parts) > 0 {
		for _, n := range out.PartsMatching(TemplateParts) {
			if isChanged[n] {
				continue
			}
			b, err := out.Read(n)
			if err != nil {
				return err
			}
			for _, m := range docPrRe().FindAllSubmatch(b, -1) {
				id, _ := strconv.Atoi(string(m[2]))
				used[id] = true
			}
		}
	}
	next := func() int {
		n := 1
		for used[n] {
			n++
		}
		used[n] = true
		return n
	}
	for _, n := range parts {
		b, _ := out.Read(n)
		nb := docPrRe().ReplaceAllFunc(b, func(m []byte) []byte {
			sm := docPrRe().FindSubmatch(m)
			id, _ := strconv.Atoi(string(sm[2]))
			if !used[id] {
				used[id] = true
				return m
			}
			return []byte(string(sm[1]) + strconv.Itoa(next()) + string(sm[3]))
		})
		out.Set(n, nb)
	}
	for _, n := range changed {
		b, err := out.Read(n)
		if err != nil {
			return err
		}
		if bytes.Contains(b, []byte("<w:bookmarkStart")) {
			b = fixBookmarks(b)
			out.Set(n, b)
		}
		if bytes.Contains(b, []byte("<w:permStart")) {
			out.Set(n, fixPerms(b))
		}
	}
	if err := fixControlIDs(out, changed); err != nil {
		return err
	}
	if isChanged["word/document.xml"] {
		for _, kind := range []string{"footnote", "endnote"} {
			if err := fixNotes(out, kind); err != nil {
				return err
			}
		}
	}
	if isChanged["word/document.xml"] || isChanged["word/comments.xml"] {
		return fixComments(out)
	}
	return nil
}

// fixControlIDs gives every repeat of a content control's id (w:sdtPr/w:id, which Word keeps
// unique in a document and macros and bindings look controls up by) the next number no part
// uses. The first occurrence keeps its id, so a template without loops is written unchanged.
func fixControlIDs(out *docx.Package, changed []string) error {
	var parts []string // the written parts that hold a control id
	for _, n := range changed {
		b, err := out.Read(n)
		if err != nil {
			return err
		}
		if bytes.Contains(b, []byte("<w:id ")) {
			parts = append(parts, n)
		}
	}
	if len(parts) == 0 {
		return nil // the usual case: nothing to read in the other parts
	}
	// Every id written anywhere is taken before any is renumbered: a control after the loop
	// keeps its id even when a repeat before it would have taken that number.
	used := map[int64]bool{}
	kept := map[int64]bool{}
	for _, n := range out.PartsMatching(TemplateParts) {
		b, err := out.Read(n)
		if err != nil {
			return err
		}
		written := slices.Contains(parts, n)
		for _, m := range sdtIDRe().FindAllSubmatch(b, -1) {
			v, _ := strconv.ParseInt(string(m[2]), 10, 64)
			used[v] = true
			if !written {
				kept[v] = true // an unchanged part's ids stay as they are
			}
		}
	}
	next := int64(1)
	for _, n := range parts {
		b, _ := out.Read(n)
		out.Set(n, sdtIDRe().ReplaceAllFunc(b, func(m []byte) []byte {
			sm := sdtIDRe().FindSubmatch(m)
			v, _ := strconv.ParseInt(string(sm[2]), 10, 64)
			if !kept[v] {
				kept[v] = true
				return m
			}
			for used[next] {
				next++
			}
			used[next] = true
			return []byte(string(sm[1]) + strconv.FormatInt(next, 10) + string(sm[3]))
		}))
	}
	return nil
}

// maxIDIn is the highest w:id attribute in b: ids for copies are taken above it, so they meet
// no bookmark, range, comment or note id of the part.
func maxIDIn(b []byte) int {
	maxID := 0
	for _, m := range idAttrRe().FindAllSubmatch(b, -1) {
		if n, _ := strconv.Atoi(string(m[1])); n > maxID {
			maxID = n
		}
	}
	return maxID
}

// fixPerms gives the k-th repeat of an editing-permission range a new id at both ends (the
// k-th start pairs with the k-th end of that id, as a loop copies them), so each copy is a
// range of its own instead of one range that Word cannot resolve.
func fixPerms(b []byte) []byte {
	maxID := maxIDIn(b)
	seen := map[string][2]int{} // id → starts and ends met so far
	newID := map[string][]string{}
	return permRe().ReplaceAllFunc(b, func(m []byte) []byte {
		id := idOf(m)
		c := seen[id]
		end := bytes.HasPrefix(m, []byte("<w:permEnd"))
		k := c[0]
		if end {
			k = c[1]
			c[1]++
		} else {
			c[0]++
		}
		seen[id] = c
		if k == 0 {
			return m
		}
		ids := newID[id]
		for len(ids) < k {
			maxID++
			ids = append(ids, strconv.Itoa(maxID))
		}
		newID[id] = ids
		return idAttrRe().ReplaceAll(m, []byte(`w:id="`+ids[k-1]+`"`))
	})
}

// fixNotes gives each repeat of a footnote (or endnote) reference in the body a note of its
// own: a copy of the note, under the next free id, without Word's paragraph ids. A note whose
// reference a block removed is left in its part, where Word and LibreOffice ignore it.
func fixNotes(out *docx.Package, kind string) error {
	part := "word/" + kind + "s.xml"
	if !out.Has(part) {
		return nil
	}
	doc, err := out.Read("word/document.xml")
	if err != nil {
		return err
	}
	if !bytes.Contains(doc, []byte("<w:"+kind+"Reference")) {
		return nil
	}
	notes, err := out.Read(part)
	if err != nil {
		return err
	}
	byID := map[string]string{}
	maxID := 0
	for _, n := range noteRe[kind]().FindAll(notes, -1) {
		id := idOf(n[:bytes.IndexByte(n, '>')+1])
		byID[id] = string(n)
		if v, _ := strconv.Atoi(id); v > maxID {
			maxID = v
		}
	}
	seen := map[string]bool{}
	var added []string
	nd := noteRefRe[kind]().ReplaceAllFunc(doc, func(m []byte) []byte {
		id := idOf(m)
		if !seen[id] || byID[id] == "" {
			seen[id] = true
			return m
		}
		maxID++
		nid := strconv.Itoa(maxID)
		n := byID[id]
		open := n[:strings.IndexByte(n, '>')+1]
		n = strings.Replace(n, open, idAttrRe().ReplaceAllString(open, `w:id="`+nid+`"`), 1)
		added = append(added, paraIDRe().ReplaceAllString(n, ""))
		return idAttrRe().ReplaceAll(m, []byte(`w:id="`+nid+`"`))
	})
	if len(added) == 0 {
		return nil
	}
	end := bytes.LastIndex(notes, []byte("</w:"+kind+"s>"))
	if end < 0 {
		return fmt.Errorf("%s: no closing </w:%ss>", part, kind)
	}
	var b bytes.Buffer
	b.Write(notes[:end])
	b.WriteString(strings.Join(added, ""))
	b.Write(notes[end:])
	out.Set("word/document.xml", nd)
	out.Set(part, b.Bytes())
	return nil
}

// fixBookmarks renames the repeats of bookmarks and drops halves left without a partner.
func fixBookmarks(b []byte) []byte {
	maxID := maxIDIn(b)
	starts := map[string][][2]int{}
	ends := map[string][][2]int{}
	for _, loc := range bmStartRe().FindAllIndex(b, -1) {
		id := idOf(b[loc[0]:loc[1]])
		starts[id] = append(starts[id], [2]int{loc[0], loc[1]})
	}
	for _, loc := range bmEndRe().FindAllIndex(b, -1) {
		id := idOf(b[loc[0]:loc[1]])
		ends[id] = append(ends[id], [2]int{loc[0], loc[1]})
	}
	type edit struct {
		at  [2]int
		rep string
	}
	var edits []edit
	names := map[string]int{}
	for _, loc := range bmStartRe().FindAllIndex(b, -1) {
		if m := nameRe().FindSubmatch(b[loc[0]:loc[1]]); m != nil {
			names[string(m[1])]++
		}
	}
	for id, ss := range starts {
		es := ends[id]
		for k, s := range ss {
			tag := string(b[s[0]:s[1]])
			if k >= len(es) {
				edits = append(edits, edit{s, ""}) // a start without an end
				continue
			}
			if k == 0 {
				continue
			}
			maxID++
			nid := strconv.Itoa(maxID)
			tag = idAttrRe().ReplaceAllString(tag, `w:id="`+nid+`"`)
			if m := nameRe().FindStringSubmatch(tag); m != nil {
				name := m[1] + "_" + strconv.Itoa(k+1)
				for names[name] > 0 {
					name += "_"
				}
				names[name]++
				if len(name) > 40 { // Word's limit
					name = name[len(name)-40:]
				}
				tag = strings.Replace(tag, m[0], `w:name="`+name+`"`, 1)
			}
			edits = append(edits, edit{s, tag})
			e := es[k]
			edits = append(edits, edit{e, idAttrRe().ReplaceAllString(string(b[e[0]:e[1]]), `w:id="`+nid+`"`)})
		}
		for k := len(ss); k < len(es); k++ {
			edits = append(edits, edit{es[k], ""}) // an end without a start
		}
	}
	if len(edits) == 0 {
		return b
	}
	sort.Slice(edits, func(i, j int) bool { return edits[i].at[0] < edits[j].at[0] })
	var out bytes.Buffer
	prev := 0
	for _, e := range edits {
		out.Write(b[prev:e.at[0]])
		out.WriteString(e.rep)
		prev = e.at[1]
	}
	out.Write(b[prev:])
	return out.Bytes()
}

func idOf(tag []byte) string {
	if m := idAttrRe().FindSubmatch(tag); m != nil {
		return string(m[1])
	}
	return ""
}

// fixComments gives each repeat of a comment's anchors in the body its own comment, and
// removes comments (and their range markers) whose reference is gone.
func fixComments(out *docx.Package) error {
	if !out.Has("word/comments.xml") {
		return nil
	}
	doc, err := out.Read("word/document.xml")
	if err != nil {
		return err
	}
	cm, err := out.Read("word/comments.xml")
	if err != nil {
		return err
	}
	comments := map[string]string{} // id → the <w:comment> element
	maxID := 0
	for _, c := range commentRe().FindAll(cm, -1) {
		open := c[:bytes.IndexByte(c, '>')+1]
		id := idOf(open)
		comments[id] = string(c)
		if n, _ := strconv.Atoi(id); n > maxID {
			maxID = n
		}
	}
	// count the references of each id, and number each marker's occurrence per kind and id
	refs := map[string]int{}
	for _, m := range cmtMarkRe().FindAllSubmatch(doc, -1) {
		if string(m[1]) == "commentReference" {
			refs[idOf(m[0])]++
		}
	}
	seen := map[string]int{}
	dropped := false
	newID := map[string][]string{} // id → the id of its k-th repeat (k ≥ 1)
	var added []string
	nd := cmtMarkRe().ReplaceAllFunc(doc, func(m []byte) []byte {
		kind := string(cmtMarkRe().FindSubmatch(m)[1])
		id := idOf(m)
		if refs[id] == 0 || comments[id] == "" {
			dropped = true
			return nil // the comment lost its reference (or never had a comment): drop the marker
		}
		k := seen[kind+id]
		seen[kind+id]++
		if k == 0 {
			return m
		}
		for len(newID[id]) < k {
			maxID++
			nid := strconv.Itoa(maxID)
			newID[id] = append(newID[id], nid)
			c := comments[id]
			open := c[:strings.IndexByte(c, '>')+1]
			c = strings.Replace(c, open, idAttrRe().ReplaceAllString(open, `w:id="`+nid+`"`), 1)
			added = append(added, paraIDRe().ReplaceAllString(c, ""))
		}
		return idAttrRe().ReplaceAll(m, []byte(`w:id="`+newID[id][k-1]+`"`))
	})
	// a reference run emptied by a dropped reference goes too
	if dropped {
		nd = cmtRunRe().ReplaceAll(nd, nil)
	}
	var kept []string
	changed := len(added) > 0
	for _, c := range commentRe().FindAll(cm, -1) {
		open := c[:bytes.IndexByte(c, '>')+1]
		if refs[idOf(open)] == 0 {
			changed = true
			continue
		}
		kept = append(kept, string(c))
	}
	if !bytes.Equal(nd, doc) {
		out.Set("word/document.xml", nd)
	}
	if changed {
		first := commentRe().FindIndex(cm)
		lastAll := commentRe().FindAllIndex(cm, -1)
		var b bytes.Buffer
		if first == nil {
			i := bytes.LastIndex(cm, []byte("</w:comments>"))
			if i < 0 {
				return nil
			}
			b.Write(cm[:i])
			b.WriteString(strings.Join(added, ""))
			b.Write(cm[i:])
		} else {
			b.Write(cm[:first[0]])
			b.WriteString(strings.Join(kept, ""))
			b.WriteString(strings.Join(added, ""))
			b.Write(cm[lastAll[len(lastAll)-1][1]:])
		}
		out.Set("word/comments.xml", b.Bytes())
	}
	return nil
}
