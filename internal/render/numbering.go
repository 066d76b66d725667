package render

import (
	"fmt"
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
		"ref": func(c *docxtmpl.Call) (string, error) {
			l, err := label(c, "ref")
			if err != nil || l == "" {
				return "", fmt.Errorf("ref takes the label of a place, e.g. {{ ref \"duty\" }}")
			}
			return docxtmpl.RefMark(c.Lang(), l), nil
		},
	}
}

// words are the numbering's words in the locale texts: numbering.para for a paragraph's
// label, numbering.cite_* for citations (cite_item_sole for an item of an article's only
// paragraph).
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

func (w words) Cite(lang string, nums docxtmpl.Numbers, lv docxtmpl.Level, sole bool) (string, error) {
	key := []string{"numbering.cite_article", "numbering.cite_para", "numbering.cite_item"}[lv]
	switch {
	case sole && lv == docxtmpl.Para:
		key = "numbering.cite_article"
	case sole && lv == docxtmpl.Item:
		key = "numbering.cite_item_sole"
	}
	return w.format(lang, key, nums)
}
