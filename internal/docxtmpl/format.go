package docxtmpl

import (
	"fmt"
	"time"

	"github.com/tsdraft/tsdraft/internal/vocab"
)

// Format is how a language writes dates, numbers and lists. The engine knows no language: the
// caller passes the formats in Options (render passes the vocabulary's languages).
type Format interface {
	FormatDate(t time.Time, form string) (string, error) // form: long or short
	FormatNumber(f float64, decimals int) string         // decimals < 0: as many as needed
	ListSeparator() string
}

// format returns the Format of a language: from Options.Formats, or the built-in vocabulary
// when the caller gives none.
func (o Options) format(lang string) (Format, error) {
	if o.Formats != nil {
		if f, ok := o.Formats(lang); ok {
			return f, nil
		}
		return nil, fmt.Errorf("no date and number format for language %q", lang)
	}
	if l, ok := vocab.Builtin().Language(lang); ok {
		return l, nil
	}
	return nil, fmt.Errorf("no date and number format for language %q", lang)
}

func (o Options) formatDate(t time.Time, form string) (string, error) {
	f, err := o.format(o.Lang)
	if err != nil {
		return "", err
	}
	return f.FormatDate(t, form)
}

func (o Options) formatNumber(n float64, decimals int) (string, error) {
	f, err := o.format(o.Lang)
	if err != nil {
		return "", err
	}
	return f.FormatNumber(n, decimals), nil
}

// listSeparator joins list values printed as one text (", " for a language without a format:
// the missing format is reported where a date or number needs it).
func (o Options) listSeparator() string {
	if f, err := o.format(o.Lang); err == nil {
		return f.ListSeparator()
	}
	return ", "
}

// FormatDate formats a date in the long or short form of a built-in language. Thai uses the
// Buddhist-era year (Gregorian + 543), as Thai legal documents do.
func FormatDate(t time.Time, lang, form string) (string, error) {
	return Options{Lang: lang}.formatDate(t, form)
}

// FormatNumber groups thousands the way a built-in language writes them (1,234.5 or 1.234,5).
func FormatNumber(f float64, lang string, decimals int) string {
	s, err := Options{Lang: lang}.formatNumber(f, decimals)
	if err != nil {
		return fmt.Sprint(f)
	}
	return s
}
