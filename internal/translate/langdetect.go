package translate

import (
	"fmt"
	"slices"
	"strings"
	"unicode"

	"github.com/tsdraft/tsdraft/internal/catalog"
)

// A translation in the wrong language passes every other check: its tags and numbers match
// the master. So import and check look at what a text is written in, cheaply: the script
// (Thai, Han, kana, Latin) and, for the languages written in Latin letters, the share of
// each language's commonest short words, plus Vietnamese's own letters. A text too short to
// tell (a title, a label) is never judged.

// stopWords are frequent words of each Latin-script language, chosen not to be words of
// the others.
var stopWords = map[string][]string{
	"en": strings.Fields("the of and to is that for be by with or are this any shall not its on which from at it has have such an as these other than"),
	"de": strings.Fields("der die das und ist nicht mit von zu den des dem ein eine einer oder auf für im sich werden wird bei durch nach auch sind zur zum wenn"),
	"id": strings.Fields("yang dan di ke dari untuk dengan dalam ini itu atau tidak pada oleh akan adalah sebagai setiap kepada wajib tersebut bahwa atas secara apabila sesuai telah bagi dapat harus"),
	"vi": strings.Fields("của và các là được cho trong này có không với người theo những khi đã về bị hoặc đến"),
}

// vietLetters are letters only Vietnamese uses among the languages here.
const vietLetters = "ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ"

var languageNames = map[string]string{
	"ja": "Japanese", "en": "English", "zh-CN": "Chinese", "th": "Thai", "vi": "Vietnamese", "id": "Indonesian", "de": "German",
}

// languageGuess is what detectLanguage found.
type languageGuess struct {
	lang   string         // "" when the text is too short or mixed to tell
	scores map[string]int // Latin-script languages: stop words found
	words  []string       // the stop words that decided it, for the message
}

func detectLanguage(text string) languageGuess {
	prose := withoutTags(text)
	var thai, han, kana, latin, viet, letters int
	for _, r := range prose {
		if !unicode.IsLetter(r) {
			continue
		}
		letters++
		switch {
		case unicode.Is(unicode.Thai, r):
			thai++
		case unicode.In(r, unicode.Hiragana, unicode.Katakana):
			kana++
		case unicode.Is(unicode.Han, r):
			han++
		case unicode.Is(unicode.Latin, r):
			latin++
			if strings.ContainsRune(vietLetters, unicode.ToLower(r)) {
				viet++
			}
		}
	}
	if letters < 12 {
		return languageGuess{}
	}
	switch {
	case kana*20 >= letters:
		return languageGuess{lang: "ja"}
	case han*2 >= letters:
		return languageGuess{lang: "zh-CN"}
	case thai*2 >= letters:
		return languageGuess{lang: "th"}
	case latin*2 < letters:
		return languageGuess{}
	}
	words := strings.FieldsFunc(strings.ToLower(prose), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.Is(unicode.Mn, r) })
	if len(words) < 6 {
		return languageGuess{}
	}
	g := languageGuess{scores: map[string]int{}}
	found := map[string][]string{}
	for _, w := range words {
		for lang, list := range stopWords {
			if slices.Contains(list, w) {
				g.scores[lang]++
				if !slices.Contains(found[lang], w) {
					found[lang] = append(found[lang], w)
				}
			}
		}
	}
	if viet*20 >= latin { // one letter in twenty: only Vietnamese writes so
		g.scores["vi"] += len(words)
	}
	best, second := "", 0
	for _, lang := range catalog.Languages {
		s, ok := g.scores[lang]
		if !ok {
			continue
		}
		if best == "" || s > g.scores[best] {
			if best != "" {
				second = max(second, g.scores[best])
			}
			best = lang
		} else {
			second = max(second, s)
		}
	}
	// Sure only with a clear lead: three stop words at least, twice the runner-up's.
	if best != "" && g.scores[best] >= 3 && g.scores[best] >= 2*second {
		g.lang = best
		g.words = found[best]
	}
	return g
}

// languageMismatch returns why text is not in lang, or "" when it is or cannot be told.
func languageMismatch(lang, text string) string {
	g := detectLanguage(text)
	if g.lang == "" || g.lang == lang {
		return ""
	}
	// A Latin-script language is contradicted only when its own words are all but absent.
	if g.scores != nil && g.scores[lang]*4 > g.scores[g.lang] {
		return ""
	}
	msg := fmt.Sprintf("the text is in %s, not %s (%s)", languageNames[g.lang], languageNames[lang], lang)
	if len(g.words) > 0 {
		msg = fmt.Sprintf("the text reads as %s (%s…), not %s (%s)", languageNames[g.lang], strings.Join(g.words[:min(4, len(g.words))], ", "), languageNames[lang], lang)
	}
	return msg
}
