package render

import (
	"encoding/xml"
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/tsdraft/tsdraft/internal/docxtmpl"
	wx "github.com/tsdraft/tsdraft/internal/wordxml"
)

// ownLists gives the second language's copies of numbered list paragraphs a list of their
// own. The interleave and columns layouts follow (or face) each paragraph with its copy in the
// second language; numbered by the same list, the pair counted twice: (1) a rule in German,
// (2) its Japanese version, (3) the next rule. With a list per language each counts its own
// paragraphs, so both versions of a rule show the same number.
type ownLists struct {
	styles   map[string]docxtmpl.StyleList
	abstract map[string]string // list id → its abstract numbering
	next     int               // the next free list id
	made     map[string]string // the template's list id → the second language's
	order    []string          // the template's list ids, in the order their twins were made
}

// newOwnLists reads the lists of a template; nil when it has no numbering part.
func newOwnLists(styles, numbering []byte) *ownLists {
	if len(numbering) == 0 {
		return nil
	}
	var nb struct {
		Nums []struct {
			ID       string `xml:"numId,attr"`
			Abstract struct {
				Val string `xml:"val,attr"`
			} `xml:"abstractNumId"`
		} `xml:"num"`
	}
	if xml.Unmarshal(numbering, &nb) != nil {
		return nil
	}
	o := &ownLists{styles: docxtmpl.StyleLists(styles, numbering), abstract: map[string]string{}, made: map[string]string{}, next: 1}
	for _, n := range nb.Nums {
		o.abstract[n.ID] = n.Abstract.Val
		if id, err := strconv.Atoi(n.ID); err == nil && id >= o.next {
			o.next = id + 1
		}
	}
	return o
}

// mark moves a second-language copy to its language's list, if the paragraph is numbered
// (by a numPr of its own or through its style).
func (o *ownLists) mark(p *wx.Node) {
	if o == nil {
		return
	}
	pPr := p.Child("w:pPr")
	if pPr == nil {
		return
	}
	if numPr := pPr.Child("w:numPr"); numPr != nil {
		if id := numPr.Child("w:numId"); id != nil {
			if v, _ := id.Attr("w:val"); v != "" && v != "0" && o.abstract[v] != "" {
				id.SetAttr("w:val", o.twin(v))
			}
		}
		return
	}
	st := pPr.Child("w:pStyle")
	if st == nil {
		return
	}
	name, _ := st.Attr("w:val")
	l, ok := o.styles[name]
	if !ok || o.abstract[l.NumID] == "" {
		return
	}
	ilvl := &wx.Node{Kind: wx.Elem, Name: "w:ilvl"}
	ilvl.SetAttr("w:val", l.Ilvl)
	numID := &wx.Node{Kind: wx.Elem, Name: "w:numId"}
	numID.SetAttr("w:val", o.twin(l.NumID))
	numPr := &wx.Node{Kind: wx.Elem, Name: "w:numPr", Children: []*wx.Node{ilvl, numID}}
	ilvl.Parent, numID.Parent = numPr, numPr
	// numPr comes after these in a pPr (the schema's order).
	at := 0
	for at < len(pPr.Children) {
		c := pPr.Children[at]
		if c.Kind == wx.Elem && !strings.Contains(" w:pStyle w:keepNext w:keepLines w:pageBreakBefore w:framePr w:widowControl ", " "+c.Name+" ") {
			break
		}
		at++
	}
	numPr.Parent = pPr
	pPr.Children = append(pPr.Children[:at], append([]*wx.Node{numPr}, pPr.Children[at:]...)...)
}

// twin is the second language's list for the template's list id.
func (o *ownLists) twin(id string) string {
	if t, ok := o.made[id]; ok {
		return t
	}
	t := strconv.Itoa(o.next)
	o.next++
	o.made[id] = t
	o.order = append(o.order, id)
	return t
}

// apply adds the lists mark made to numbering.xml. Each is a copy of its template list's
// abstract numbering under a new id: LibreOffice counts every list that shares an abstract
// numbering as one, even with a restart override, so a second instance alone would not do.
// The copy drops the identifiers and style links that must stay unique to the original.
func (o *ownLists) apply(numbering []byte) []byte {
	if o == nil || len(o.order) == 0 {
		return numbering
	}
	s := string(numbering)
	nextAbs := 0
	for _, a := range absIDRe.FindAllStringSubmatch(s, -1) {
		if n, err := strconv.Atoi(a[1]); err == nil && n >= nextAbs {
			nextAbs = n + 1
		}
	}
	var abs, nums strings.Builder
	for _, id := range o.order {
		def := abstractDef(s, o.abstract[id])
		if def == "" {
			// No definition to copy (the list names an abstract numbering the part lacks): a
			// restarted instance of it still gives the copies' numId a list, so no paragraph
			// points at a list that does not exist.
			fmt.Fprintf(&nums, `<w:num w:numId="%s"><w:abstractNumId w:val="%s"/>`, o.made[id], o.abstract[id])
			for lvl := 0; lvl < 9; lvl++ {
				fmt.Fprintf(&nums, `<w:lvlOverride w:ilvl="%d"><w:startOverride w:val="1"/></w:lvlOverride>`, lvl)
			}
			nums.WriteString(`</w:num>`)
			continue
		}
		newAbs := strconv.Itoa(nextAbs)
		nextAbs++
		def = absIDAttr.ReplaceAllLiteralString(def[:strings.IndexByte(def, '>')+1], `w:abstractNumId="`+newAbs+`"`) + def[strings.IndexByte(def, '>')+1:]
		def = dropInCopy.ReplaceAllString(def, "")
		abs.WriteString(def)
		fmt.Fprintf(&nums, `<w:num w:numId="%s"><w:abstractNumId w:val="%s"/></w:num>`, o.made[id], newAbs)
	}
	// Abstract numberings come before every list in the part (the schema's order).
	if i := strings.Index(s, "<w:num "); i >= 0 {
		s = s[:i] + abs.String() + s[i:]
	} else {
		s = string(wx.InsertBeforeLast([]byte(s), "</w:numbering>", abs.String()))
	}
	return wx.InsertBeforeLast([]byte(s), "</w:numbering>", nums.String())
}

var (
	// An abstract numbering's opening tag, its id wherever Word put it among the attributes.
	absIDRe   = regexp.MustCompile(`<w:abstractNum\b[^>]*?\bw:abstractNumId="([0-9]+)"[^>]*>`)
	absIDAttr = regexp.MustCompile(`\bw:abstractNumId="[0-9]+"`)
	// w:nsid and w:tmpl identify the original list; w:pStyle and w:styleLink tie a style to
	// it; the copy is numbered by its numPr only.
	dropInCopy = regexp.MustCompile(`<w:(?:nsid|tmpl|pStyle|styleLink|numStyleLink) [^>]*/>`)
)

// abstractDef is the <w:abstractNum> element with id in numbering, or "".
func abstractDef(s, id string) string {
	for _, m := range absIDRe.FindAllStringSubmatchIndex(s, -1) {
		if s[m[2]:m[3]] != id {
			continue
		}
		j := strings.Index(s[m[0]:], "</w:abstractNum>")
		if j < 0 {
			return ""
		}
		return s[m[0] : m[0]+j+len("</w:abstractNum>")]
	}
	return ""
}
