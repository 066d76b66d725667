package web

import (
	"fmt"
	"regexp"
	"time"

	"github.com/tsdraft/tsdraft/internal/batch"
)

// Package batch writes its row messages in English. The messages HR meets most often are
// recognised here by their wording and said in the UI language; any other message is shown as
// batch wrote it (English), never dropped or guessed at. TestRowMessagesInUILanguage checks
// that the patterns still match what batch writes.

type rowMsg struct {
	re  *regexp.Regexp
	key string
	// args turns the submatches into the arguments of the UI text.
	args func(lang string, m []string) []any
}

func plain(_ string, m []string) []any {
	out := make([]any, len(m)-1)
	for i, s := range m[1:] {
		out[i] = s
	}
	return out
}

var rowMsgs = []rowMsg{
	{regexp.MustCompile(`^the row changed since (.+) was issued on (\S+); its pledge was kept as issued: run again with --update to redraft it, or restore the row$`),
		"msg.changed", plain},
	{regexp.MustCompile(`^this is the example row of the leavers sheet \(employee number (\S+)\); delete it, and fill in one row per leaver$`),
		"msg.example_row", plain},
	{regexp.MustCompile(`^("[^"]*") is not a date: there is no ([A-Z][a-z]+) (\d+) in (\d+); check the month and the day$`),
		"msg.no_such_day", func(lang string, m []string) []any {
			mo, err := time.Parse("January", m[2])
			month := m[2]
			if err == nil && lang == "ja" {
				month = fmt.Sprint(int(mo.Month()))
			}
			return []any{m[1], m[4], month, m[3]}
		}},
	{regexp.MustCompile(`^(.+) differs from the file issued on (\S+) \(edited since\?\); it is kept as it is$`),
		"msg.edited", plain},
	{regexp.MustCompile(`^("[^"]*") has a Buddhist-era year \((\d+) = (\d+) in the Gregorian calendar\); write the Gregorian year \d+ \(Thai documents show the Buddhist-era year themselves\)$`),
		"msg.buddhist_year", plain},
	{regexp.MustCompile(`^("[^"]*") is ambiguous: day and month can be read either way; write it as YYYY-MM-DD, e\.g\. 2026-03-31 \(or format the cell as a date\)$`),
		"msg.ambiguous_date", plain},
	{regexp.MustCompile(`^("[^"]*") is not a date; format the cell as a date, or write it as YYYY-MM-DD$`),
		"msg.not_a_date", plain},
}

// columnPrefix is how some batch messages say where they are themselves; the table says it
// already.
var columnPrefix = regexp.MustCompile(`^column [A-Z]{1,3} (?:\([^)]*\)|"[^"]*")?:? ?`)

// rowMessage is a row problem's message in the UI language where tsdraft knows it.
func rowMessage(lang string, p batch.Problem) string {
	msg := p.Message
	if p.Column != "" {
		msg = columnPrefix.ReplaceAllString(msg, "")
	}
	for _, rm := range rowMsgs {
		if m := rm.re.FindStringSubmatch(msg); m != nil {
			return T(lang, rm.key, rm.args(lang, m)...)
		}
	}
	return msg
}

// rowMessageTranslated reports whether rowMessage has a UI text for the message (the test
// checks batch's wordings with it).
func rowMessageTranslated(msg string) bool {
	for _, rm := range rowMsgs {
		if rm.re.MatchString(msg) {
			return true
		}
	}
	return false
}
