package docxtmpl

import (
	"encoding/xml"
	"strconv"

	wx "github.com/tsdraft/tsdraft/internal/wordxml"
)

// numRef is the list a paragraph style numbers its paragraphs with.
type numRef struct{ numID, ilvl string }

type xmlVal struct {
	Val string `xml:"val,attr"`
}

// styleNumbering maps paragraph style ids to the list they number with: a style's own numPr
// (List Number), inherited through basedOn, or a level of a multi-level list linked to the
// style (heading 1, heading 2 … in numbering.xml). Paragraphs numbered this way carry no numId
// of their own, so the engine gives them one where a list must restart.
func styleNumbering(styles, numbering []byte) map[string]numRef {
	out := map[string]numRef{}
	var st struct {
		Styles []struct {
			Type    string  `xml:"type,attr"`
			ID      string  `xml:"styleId,attr"`
			BasedOn *xmlVal `xml:"basedOn"`
			PPr     *struct {
				NumPr *struct {
					Ilvl  *xmlVal `xml:"ilvl"`
					NumID *xmlVal `xml:"numId"`
				} `xml:"numPr"`
			} `xml:"pPr"`
		} `xml:"style"`
	}
	own := map[string]numRef{}
	based := map[string]string{}
	if len(styles) > 0 && xml.Unmarshal(styles, &st) == nil {
		for _, s := range st.Styles {
			if s.Type != "" && s.Type != "paragraph" {
				continue
			}
			if s.BasedOn != nil {
				based[s.ID] = s.BasedOn.Val
			}
			if s.PPr != nil && s.PPr.NumPr != nil && s.PPr.NumPr.NumID != nil {
				r := numRef{numID: s.PPr.NumPr.NumID.Val, ilvl: "0"}
				if s.PPr.NumPr.Ilvl != nil {
					r.ilvl = s.PPr.NumPr.Ilvl.Val
				}
				own[s.ID] = r
			}
		}
	}
	var nb struct {
		Abstract []struct {
			ID   string `xml:"abstractNumId,attr"`
			Lvls []struct {
				Ilvl   string  `xml:"ilvl,attr"`
				PStyle *xmlVal `xml:"pStyle"`
			} `xml:"lvl"`
		} `xml:"abstractNum"`
		Nums []struct {
			ID       string `xml:"numId,attr"`
			Abstract xmlVal `xml:"abstractNumId"`
		} `xml:"num"`
	}
	if len(numbering) > 0 && xml.Unmarshal(numbering, &nb) == nil {
		numOf := map[string]string{} // abstract id → lowest list id using it
		for _, n := range nb.Nums {
			if cur, ok := numOf[n.Abstract.Val]; !ok || atoi(n.ID) < atoi(cur) {
				numOf[n.Abstract.Val] = n.ID
			}
		}
		for _, a := range nb.Abstract {
			for _, l := range a.Lvls {
				if l.PStyle != nil && numOf[a.ID] != "" {
					if _, ok := own[l.PStyle.Val]; !ok {
						own[l.PStyle.Val] = numRef{numID: numOf[a.ID], ilvl: l.Ilvl}
					}
				}
			}
		}
	}
	for id := range based {
		if _, ok := own[id]; !ok {
			own[id] = numRef{} // make every style with a parent visit the chain below
		}
	}
	for id := range own {
		cur := id
		for depth := 0; depth < 20; depth++ {
			if r, ok := own[cur]; ok && r.numID != "" {
				if r.numID != "0" {
					out[id] = r
				}
				break
			}
			next, ok := based[cur]
			if !ok {
				break
			}
			cur = next
		}
	}
	return out
}

func atoi(s string) int {
	n, err := strconv.Atoi(s)
	if err != nil {
		return 1 << 30
	}
	return n
}

// beforeNumPr lists the pPr children that come before w:numPr in the schema.
var beforeNumPr = map[string]bool{"w:pStyle": true, "w:keepNext": true, "w:keepLines": true, "w:pageBreakBefore": true, "w:framePr": true, "w:widowControl": true}

// styleNumAnchor returns the pPr child after which a paragraph numbered through its style
// would take a numPr of its own, and the list; nil when the paragraph is not such a one.
func styleNumAnchor(p *wx.Node, styles map[string]numRef) (*wx.Node, numRef) {
	pPr := p.Child("w:pPr")
	if pPr == nil || len(styles) == 0 || pPr.Child("w:numPr") != nil {
		return nil, numRef{}
	}
	ps := pPr.Child("w:pStyle")
	if ps == nil {
		return nil, numRef{}
	}
	id, _ := ps.Attr("w:val")
	r, ok := styles[id]
	if !ok {
		return nil, numRef{}
	}
	var anchor *wx.Node
	for _, c := range pPr.Children {
		if c.Kind == wx.Elem && beforeNumPr[c.Name] {
			anchor = c
		}
	}
	if anchor == nil || len(anchor.Children) > 0 {
		return nil, numRef{}
	}
	return anchor, r
}

// StyleList is the list a paragraph style numbers its paragraphs with (see StyleLists).
type StyleList struct{ NumID, Ilvl string }

// StyleLists maps the paragraph styles of styles.xml that number their paragraphs (List
// Number, headings linked to a multi-level list) to their list, for the bilingual layouts:
// the second language's copies of such paragraphs need a list of their own.
func StyleLists(styles, numbering []byte) map[string]StyleList {
	out := map[string]StyleList{}
	for id, r := range styleNumbering(styles, numbering) {
		out[id] = StyleList{NumID: r.numID, Ilvl: r.ilvl}
	}
	return out
}
