package web

import (
	"regexp"
	"slices"
	"strings"
	"sync"

	"github.com/tsdraft/tsdraft/internal/batch"
)

// A sheet's row problems come from batch with an English message for the CLI and, for the
// problems a leavers sheet can have, a key and arguments (batch.Msg…): the table says those in
// the UI language, from the UI text row.<key>, with the profile paths among the arguments named
// as the leavers sheet names the column in that language (社員番号 for employee.id) and
// document IDs by their names. Two messages of the output folder (a row changed since its
// pledge was issued, a pledge edited since) are recognised by their wording; any other message
// is shown as batch wrote it, never dropped or guessed at. TestRowMessagesInUILanguage checks
// both against what batch really writes.

type rowMsg struct {
	re  *regexp.Regexp
	key string
}

// The expressions are compiled when the HR page first needs them, not at package init (every
// tsdraft command links this package; see loadScreens).
var rowMsgs = sync.OnceValue(func() []rowMsg {
	return []rowMsg{
		{regexp.MustCompile(`^the row changed since (.+) was issued on (\S+); its pledge was kept as issued: `),
			"msg.changed"},
		{regexp.MustCompile(`^(.+) differs from the file issued on (\S+) \(edited since\?\); it is kept as it is$`),
			"msg.edited"},
	}
})

// columnPrefix is how some batch messages say where they are themselves; the table says it
// already.
var columnPrefix = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^column [A-Z]{1,3} (?:\([^)]*\)|"[^"]*")?:? ?`)
})

// pathArgs says which arguments of a key are profile paths, and docArgs which are lists of
// document IDs; the others are shown as they are (a cell's text, a number, a date).
var (
	pathArgs = map[string][]int{batch.MsgRequired: {0}, batch.MsgBlankInName: {0}}
	docArgs  = map[string][]int{batch.MsgRequired: {1}}
)

var headerWords = sync.OnceValues(func() (*batch.HeaderWords, error) { return batch.LoadHeaderWords(nil) })

// rowMessage is a row problem's message in the UI language where tsdraft knows it.
func rowMessage(lang string, p batch.Problem) string {
	if p.Key != "" {
		if _, ok := uiTexts()[lang]["row."+p.Key]; ok {
			args := make([]any, len(p.Args))
			for i, a := range p.Args {
				switch {
				case slices.Contains(pathArgs[p.Key], i):
					args[i] = pathName(lang, a)
				case slices.Contains(docArgs[p.Key], i):
					var names []string
					for _, d := range strings.Split(a, ",") {
						names = append(names, docName(lang, d))
					}
					sep := ", "
					if lang == "ja" || lang == "zh-CN" {
						sep = "、"
					}
					args[i] = strings.Join(names, sep)
				default:
					args[i] = a
				}
			}
			return T(lang, "row."+p.Key, args...)
		}
	}
	msg := p.Message
	if p.Column != "" {
		msg = columnPrefix().ReplaceAllString(msg, "")
	}
	for _, rm := range rowMsgs() {
		if m := rm.re.FindStringSubmatch(msg); m != nil {
			args := make([]any, len(m)-1)
			for i, s := range m[1:] {
				args[i] = s
			}
			return T(lang, rm.key, args...)
		}
	}
	return msg
}

// pathName is a profile path as the leavers sheet heads its column in lang (退職日 for
// employee.exit_date), else the form's label of its last key, else the path.
func pathName(lang, path string) string {
	if hw, err := headerWords(); err == nil {
		if w := hw.Word(lang, path); w != "" {
			return w
		}
	}
	last := path[strings.LastIndex(path, ".")+1:]
	if s, ok := uiTexts()[lang]["field."+last]; ok {
		return s
	}
	return path
}

// docName is a document's name in lang, else its ID.
func docName(lang, id string) string {
	if s, ok := uiTexts()[lang]["doc."+id]; ok {
		return s
	}
	return id
}

// rowMessageTranslated reports whether rowMessage has a UI text for a message batch writes
// without a key (the test checks batch's wordings with it).
func rowMessageTranslated(msg string) bool {
	for _, rm := range rowMsgs() {
		if rm.re.MatchString(msg) {
			return true
		}
	}
	return false
}
