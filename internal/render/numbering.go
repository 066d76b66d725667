package render

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/tsdraft/tsdraft/internal/docxtmpl"
)

// numberFuncs are the template functions that number a document: article (the heading
// label, common.article_format), para and item (labels from numbering.para / numbering.item),
// each with an optional label naming the place, and ref "label", which cites a labelled place
// in the words of numbering.cite_* once the whole document is written.
func (r *Renderer) numberFuncs(jur string, num *docxtmpl.Numbering) map[string]docxtmpl.Func {
	label := func(c *docxtmpl.Call, fn string) (string, error) {
		switch len(c.Args) {
		case 0:
			return "", nil
		case 1:
			s, ok := c.Args[0].(string)
			if !ok {
				return "", fmt.Errorf("%s takes a label in quotes, e.g. {{ %s \"duty\" }}", fn, fn)
			}
			return s, nil
		}
		return "", fmt.Errorf("%s takes at most one label", fn)
	}
	counter := func(fn string, lv docxtmpl.Level, key string) docxtmpl.Func {
		return func(c *docxtmpl.Call) (string, error) {
			l, err := label(c, fn)
			if err != nil {
				return "", err
			}
			nums, err := num.Next(c.Lang(), lv, l)
			if err != nil {
				return "", fmt.Errorf("%s: %w", fn, err)
			}
			format, err := r.Catalog.Text(c.Lang(), jur, key)
			if err != nil {
				return "", err
			}
			switch lv {
			case docxtmpl.Article:
				// "第%d条" or a numbering format such as "第{a:k}条" (Chinese numerals: 第一条).
				if strings.Contains(format, "{") {
					return docxtmpl.FormatNumbers(format, nums)
				}
				return strings.Replace(format, "%d", fmt.Sprint(nums[docxtmpl.Article]), 1), nil
			case docxtmpl.Para:
				// Printed once the document is written: an article's only paragraph has no number.
				return docxtmpl.ParaMark(c.Lang(), nums), nil
			}
			return docxtmpl.FormatNumbers(format, nums)
		}
	}
	return map[string]docxtmpl.Func{
		"article": counter("article", docxtmpl.Article, "common.article_format"),
		"para":    counter("para", docxtmpl.Para, "numbering.para"),
		"item":    counter("item", docxtmpl.Item, "numbering.item"),
		// ref "a" cites one place; ref "a" "b" two paragraphs of one article together
		// (第1項及び第2項, 前2項, Absätze … Absatz 1 und 2), as natives cite them.
		"ref": func(c *docxtmpl.Call) (string, error) {
			usage := fmt.Errorf(`ref takes the label of a place, or of two paragraphs of one article, e.g. {{ ref "duty" }}, {{ ref "duty" "scope" }}`)
			if len(c.Args) < 1 || len(c.Args) > 2 {
				return "", usage
			}
			var labels []string
			for _, a := range c.Args {
				s, ok := a.(string)
				if !ok || s == "" || strings.ContainsAny(s, ",|") {
					return "", usage
				}
				labels = append(labels, s)
			}
			return docxtmpl.RefMark(c.Lang(), labels, num.At(c.Lang())), nil
		},
	}
}

// words are the numbering's words in the locale texts: numbering.para for a paragraph's
// label, numbering.cite_* for citations (cite_item_sole for an item of an article's only
// paragraph; cite_para_here, cite_para_prev, cite_item_here and cite_item_sole_here for a
// place cited from inside its own article, which natives cite without the article: 前項,
// 第2項第1号, 本条第一款, วรรคหนึ่ง, khoản 1 Điều này, ayat (1), Absatz 1).
type words struct {
	r   *Renderer
	jur string
}

func (r *Renderer) words(jur string) docxtmpl.Words { return words{r, jur} }

func (w words) format(lang, key string, nums docxtmpl.Numbers) (string, error) {
	format, err := w.r.Catalog.Text(lang, w.jur, key)
	if err != nil {
		return "", err
	}
	return docxtmpl.FormatNumbers(format, nums)
}

func (w words) Label(lang string, nums docxtmpl.Numbers) (string, error) {
	return w.format(lang, "numbering.para", nums)
}

func (w words) Cite(lang string, c docxtmpl.Citation) (string, error) {
	return w.format(lang, citeKey(c), c.Nums)
}

// CitePair cites two paragraphs of one article: numbering.cite_paras (from another article),
// cite_paras_here (from the same article) or cite_paras_prev (the two right before: 前2項),
// where {q} is the second paragraph's number and {n} the count of paragraphs cited (2), both
// written like {p}.
func (w words) CitePair(lang string, first, second docxtmpl.Citation) (string, error) {
	key := "numbering.cite_paras"
	switch {
	case docxtmpl.PrecedingPair(first, second):
		key = "numbering.cite_paras_prev"
	case first.SameArticle():
		key = "numbering.cite_paras_here"
	}
	format, err := w.r.Catalog.Text(lang, w.jur, key)
	if err != nil {
		return "", err
	}
	format = pairRe.ReplaceAllStringFunc(format, func(m string) string {
		nums := second.Nums
		if m[1] == 'n' {
			nums = docxtmpl.Numbers{0, 2, 0} // the count of places cited: 前2項
		}
		s, e := docxtmpl.FormatNumbers("{p"+m[2:], nums)
		if e != nil {
			err = e
		}
		return s
	})
	if err != nil {
		return "", fmt.Errorf("%s: %w", key, err)
	}
	return docxtmpl.FormatNumbers(format, first.Nums)
}

// pairRe finds {q}, {n} and their styled forms ({q:k}).
var pairRe = regexp.MustCompile(`\{[qn](:[a-z]+)?\}`)

// citeKey is the locale key that cites c. An article's only paragraph is cited as the article,
// also from inside it (本条 would need a word of its own for a case no text has).
func citeKey(c docxtmpl.Citation) string {
	here := c.SameArticle()
	switch {
	case c.Level == docxtmpl.Article, c.Sole && c.Level == docxtmpl.Para:
		return "numbering.cite_article"
	case c.Preceding():
		return "numbering.cite_para_prev"
	case c.Level == docxtmpl.Para && here:
		return "numbering.cite_para_here"
	case c.Level == docxtmpl.Para:
		return "numbering.cite_para"
	case c.Sole && here:
		return "numbering.cite_item_sole_here"
	case c.Sole:
		return "numbering.cite_item_sole"
	case here:
		return "numbering.cite_item_here"
	}
	return "numbering.cite_item"
}
