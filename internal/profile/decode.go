package profile

import (
	"errors"
	"fmt"
	"os"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/BurntSushi/toml"
)

// Load reads and decodes the profile at path, applying --set values (see ApplySets). The error
// is for I/O only; everything wrong inside the profile is a Diagnostic. The profile is nil only
// when the TOML cannot be parsed.
func Load(path string, sets []string) (*Profile, Diagnostics, error) {
	if fi, err := os.Stat(path); err == nil && fi.Size() > MaxProfileSize {
		return nil, Diagnostics{shapeDiag(path, &limitError{1, 1, fmt.Sprintf("the profile is %d MiB; a profile is at most %d MiB", fi.Size()>>20, MaxProfileSize>>20)})}, nil
	}
	src, err := os.ReadFile(path)
	if err != nil {
		return nil, nil, fmt.Errorf("read profile: %w", err)
	}
	p, ds := Decode(path, src, sets)
	return p, ds, nil
}

// Decode decodes profile source named name (used in diagnostics), applies sets, checks every key
// against the schema, fills the jurisdiction's defaults and runs the checks that need no
// document (per-document checks: CheckFor; law rules: package law). It never panics. The
// profile is nil only when the TOML cannot be parsed; otherwise it holds every valid value.
// It is Parse, then Apply with the sets as overlays (SetOverlays).
func Decode(name string, src []byte, sets []string) (*Profile, Diagnostics) {
	ovs, sds := SetOverlays(sets)
	b, ds := Parse(name, src)
	if b == nil {
		// Report --set problems too: they are independent of the file (those of a path, as
		// laid over an empty profile).
		d := &decoder{pos: &posIndex{m: map[string]keyPos{}}}
		empty := map[string]any{}
		for _, ov := range ovs {
			d.overlay(empty, ov)
		}
		return nil, append(append(ds, sds...), d.ds...)
	}
	p, ads := b.Apply(ovs)
	return p, append(sds, ads...)
}

func syntaxDiag(name string, src []byte, err error) Diagnostic {
	d := Diagnostic{File: name, Line: 1, Col: 1, Level: Error, Rule: "TOML-SYNTAX",
		Message: err.Error(),
		Hint:    "fix the TOML syntax here: quotes around texts, '=' between key and value, brackets closed"}
	var pe toml.ParseError
	if errors.As(err, &pe) {
		d.Message = "TOML syntax: " + pe.Message
		d.Line, d.Col = pe.Position.Line, pe.Position.Col
		// The parser's column is in bytes and not always right; recompute from the offset.
		if pe.Position.Start >= 0 && pe.Position.Start <= len(src) {
			line := 1 + strings.Count(string(src[:pe.Position.Start]), "\n")
			if line == pe.Position.Line || pe.Position.Line == 0 {
				ls := strings.LastIndexByte(string(src[:pe.Position.Start]), '\n') + 1
				d.Line, d.Col = line, utf8.RuneCount(src[ls:pe.Position.Start])+1
			}
		}
		if d.Line < 1 {
			d.Line = 1
		}
		if d.Col < 1 {
			d.Col = 1
		}
		if u := firstLine(pe.Usage); u != "" {
			d.Hint = u
		}
	}
	return d
}

func firstLine(s string) string {
	for _, l := range strings.Split(s, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			return l
		}
	}
	return ""
}

func markWritten(v any, path []string, out map[string]bool) {
	markWrittenKey(v, pathKey(path), len(path) > 0, out)
}

// markWrittenKey is markWritten on the joined key, built once per node (a batch marks every
// path of the profile for each row; cloning and joining the path per node was a twentieth of
// a template batch's CPU).
func markWrittenKey(v any, key string, mark bool, out map[string]bool) {
	if mark {
		out[key] = true
	}
	prefix := key
	if mark {
		prefix += "."
	}
	switch x := v.(type) {
	case map[string]any:
		for k, e := range x {
			markWrittenKey(e, prefix+k, true, out)
		}
	case []any:
		for i, e := range x {
			markWrittenKey(e, prefix+itoa(i), true, out)
		}
	}
}

func itoa(i int) string { return strconv.Itoa(i) }

type decoder struct {
	pos     *posIndex
	written map[string]bool
	ds      Diagnostics
	badKey  map[string]bool // top-level keys reported as wrong already
	invalid map[string]bool // paths whose value was reported and dropped
}

func (d *decoder) drop(path []string) {
	if d.invalid == nil {
		d.invalid = map[string]bool{}
	}
	d.invalid[pathKey(path)] = true
}

func (d *decoder) add(level Severity, rule string, path []string, value bool, msg, hint string, docs ...string) {
	at := d.pos.at(path, value)
	d.ds = append(d.ds, Diagnostic{File: at.File, Line: at.Line, Col: at.Col, Level: level, Rule: rule,
		Message: msg, Hint: hint, Docs: docs})
}

func child(path []string, seg string) []string { return append(slices.Clone(path), seg) }

// table checks a table's keys against f and removes what is unknown or invalid, so the profile
// holds valid values only.
func (d *decoder) table(f *Field, m map[string]any, path []string) {
	for _, k := range sortedKeys(m) {
		c := f.Child(k)
		kp := child(path, k)
		if c == nil {
			d.unknownKey(f, k, path)
			d.drop(kp)
			delete(m, k)
			if len(path) == 0 {
				if d.badKey == nil {
					d.badKey = map[string]bool{}
				}
				d.badKey[k] = true
			}
			continue
		}
		nv, ok := d.value(c, m[k], kp)
		if ok {
			m[k] = nv
		} else {
			d.drop(kp)
			delete(m, k)
			if len(path) == 0 {
				if d.badKey == nil {
					d.badKey = map[string]bool{}
				}
				d.badKey[k] = true
			}
		}
	}
}

func (d *decoder) unknownKey(f *Field, k string, path []string) {
	where := ""
	if len(path) > 0 {
		where = " in [" + displayPath(path) + "]"
	}
	names := f.names()
	msg := fmt.Sprintf("unknown key %q%s", k, where)
	var hint string
	if s := suggest(k, names); s != "" {
		msg += fmt.Sprintf(" (did you mean %q?)", s)
		hint = fmt.Sprintf("rename it to %s", s)
	} else if full := elsewhere(k); full != "" {
		msg += fmt.Sprintf(" (did you mean %s?)", full)
		hint = fmt.Sprintf("move it to %s", full)
	} else {
		hint = "keys here: " + strings.Join(names, ", ")
		if len(path) == 0 {
			hint += "; put your own values under [vars]"
		}
	}
	d.add(Error, "PROFILE-UNKNOWN-KEY", child(path, k), false, msg, hint)
}

// elsewhere finds a key of the same name in another table of the schema (a key written in the
// wrong table), returned as a full path.
func elsewhere(k string) string {
	var found []string
	var walk func(f *Field, path []string)
	walk = func(f *Field, path []string) {
		for _, c := range f.Fields {
			p := child(path, c.Name)
			if c.Name == k && len(path) > 0 {
				found = append(found, displayPath(p))
			}
			if c.Kind == KindTable {
				walk(c, p)
			}
		}
	}
	walk(Schema, nil)
	if len(found) == 1 {
		return found[0]
	}
	return ""
}

var kindNames = map[Kind]string{
	KindString: "a string", KindText: `a text (a string, or a table by language like { ja = "…", en = "…" })`,
	KindBool: "true or false", KindInt: "an integer", KindNumber: "a number", KindDate: "a date like 2026-04-01",
	KindStrings: "an array of strings", KindTexts: "an array of texts", KindTable: "a table",
	KindTables: "an array of tables ([[…]])", KindAny: "a value",
}

var kindExamples = map[Kind]string{
	KindString: `"…"`, KindText: `"…"`, KindBool: `true`, KindInt: `12`, KindNumber: `50`,
	KindDate: `2026-04-01`, KindStrings: `["…", "…"]`, KindTexts: `["…", "…"]`,
}

func (d *decoder) typeErr(f *Field, v any, path []string) {
	name := displayPath(path)
	hint := "write it as " + kindNames[f.Kind]
	if ex, ok := kindExamples[f.Kind]; ok && len(path) > 0 {
		last := path[len(path)-1]
		if isIndex(last) {
			hint = "write each element as " + kindNames[f.Kind]
		} else {
			hint = fmt.Sprintf("write it like %s = %s", quoteKey(last), ex)
		}
		if f.Kind == KindInt || f.Kind == KindNumber || f.Kind == KindBool {
			hint += " (no quotes)"
		}
	}
	if f.Kind == KindTable || f.Kind == KindTables {
		hint = fmt.Sprintf("write it as a table: [%s]", name)
		if f.Kind == KindTables {
			hint = fmt.Sprintf("write each entry as [[%s]]", name)
		} else if len(path) > 0 && isIndex(path[len(path)-1]) {
			hint = fmt.Sprintf("write each entry as [[%s]]", displayPath(path[:len(path)-1]))
		}
	}
	d.add(Error, "PROFILE-TYPE", path, true,
		fmt.Sprintf("%s must be %s, not %s", name, kindNames[f.Kind], tomlTypeName(v)), hint)
}

// value checks one value against its field and returns what to keep of it (arrays lose their
// invalid elements); false means the value is invalid and must be dropped.
func (d *decoder) value(f *Field, v any, path []string) (any, bool) {
	switch f.Kind {
	case KindTable:
		m, ok := v.(map[string]any)
		if !ok {
			d.typeErr(f, v, path)
			return nil, false
		}
		d.table(f, m, path)
		return m, true
	case KindTables:
		arr, ok := v.([]any)
		if !ok {
			d.typeErr(f, v, path)
			return nil, false
		}
		el := &Field{Kind: KindTable, Fields: f.Fields}
		var keep []any
		for i, e := range arr {
			ep := child(path, itoa(i))
			m, ok := e.(map[string]any)
			if !ok {
				d.typeErr(el, e, ep)
				d.drop(ep)
				continue
			}
			d.table(el, m, ep)
			keep = append(keep, m)
		}
		return keep, true
	case KindTexts:
		arr, ok := v.([]any)
		if !ok {
			d.typeErr(f, v, path)
			return nil, false
		}
		var keep []any
		for i, e := range arr {
			if d.text(e, child(path, itoa(i))) {
				keep = append(keep, e)
			} else {
				d.drop(child(path, itoa(i)))
			}
		}
		return keep, true
	case KindStrings:
		arr, ok := v.([]any)
		if !ok {
			d.typeErr(f, v, path)
			return nil, false
		}
		var keep []any
		el := &Field{Kind: KindString, Enum: f.Enum, Known: f.Known}
		for i, e := range arr {
			if _, ok := d.value(el, e, child(path, itoa(i))); ok {
				keep = append(keep, e)
			}
		}
		if n := len(arr); n < f.MinItems || f.MaxItems > 0 && n > f.MaxItems {
			d.add(Error, "PROFILE-RANGE", path, true,
				fmt.Sprintf("%s has %d entries; it must have %s", displayPath(path), n, itemsRange(f)),
				itemsHint(f, path))
			return nil, false
		}
		if len(keep) < len(arr) {
			return nil, false
		}
		return keep, true
	case KindText:
		return v, d.text(v, path) && d.notEmpty(v, path)
	case KindString:
		s, ok := v.(string)
		if !ok {
			d.typeErr(f, v, path)
			return nil, false
		}
		return v, d.chars(s, path) && d.enum(f, s, path) && d.notEmpty(v, path)
	case KindBool:
		if _, ok := v.(bool); !ok {
			d.typeErr(f, v, path)
			return nil, false
		}
		return v, true
	case KindInt:
		n, ok := v.(int64)
		if !ok {
			d.typeErr(f, v, path)
			return nil, false
		}
		return v, d.inRange(f, float64(n), path)
	case KindNumber:
		switch n := v.(type) {
		case int64:
			return v, d.inRange(f, float64(n), path) && d.plausibleAmount(float64(n), path)
		case float64:
			return v, d.finite(n, path) && d.inRange(f, n, path) && d.plausibleAmount(n, path)
		}
		d.typeErr(f, v, path)
		return nil, false
	case KindDate:
		t, ok := v.(time.Time)
		if !ok || t.Location().String() != "date-local" {
			d.typeErr(f, v, path)
			return nil, false
		}
		return v, d.plausibleYear(t, path)
	case KindAny:
		d.anyChars(v, path)
		return v, true
	}
	return v, true
}

func itemsRange(f *Field) string {
	switch {
	case f.MaxItems == 0:
		return fmt.Sprintf("at least %d", f.MinItems)
	case f.MinItems == f.MaxItems:
		return strconv.Itoa(f.MinItems)
	case f.MaxItems == f.MinItems+1:
		return fmt.Sprintf("%d or %d", f.MinItems, f.MaxItems)
	}
	return fmt.Sprintf("%d to %d", f.MinItems, f.MaxItems)
}

func itemsHint(f *Field, path []string) string {
	if pathKey(path) == "languages" {
		return `give one language, or two for bilingual documents: languages = ["zh-CN", "ja"]`
	}
	return "give " + itemsRange(f) + " entries"
}

func (d *decoder) inRange(f *Field, n float64, path []string) bool {
	lo, hi := f.Min != nil && n < *f.Min, f.Max != nil && n > *f.Max
	if !lo && !hi {
		return true
	}
	var want string
	switch {
	case f.Min != nil && f.Max != nil:
		want = fmt.Sprintf("from %s to %s", fmtNum(*f.Min), fmtNum(*f.Max))
	case f.Min != nil:
		want = "at least " + fmtNum(*f.Min)
	default:
		want = "at most " + fmtNum(*f.Max)
	}
	d.add(Error, "PROFILE-RANGE", path, true,
		fmt.Sprintf("%s = %s is out of range: it must be %s", displayPath(path), fmtNum(n), want),
		"use a value "+want)
	return false
}

func fmtNum(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }

func (d *decoder) enum(f *Field, s string, path []string) bool {
	if f.Pattern != "" && !regexp.MustCompile(f.Pattern).MatchString(s) {
		d.add(Error, "PROFILE-ENUM", path, true,
			fmt.Sprintf("%s = %q is not valid: it must match %s", displayPath(path), s, f.Pattern),
			"use a three-letter ISO 4217 currency code in capitals, e.g. CNY, JPY, EUR")
		return false
	}
	if len(f.Enum) == 0 || slices.Contains(f.Enum, s) || f.Known != nil && f.Known(s) {
		return true
	}
	name := displayPath(path)
	rule := "PROFILE-ENUM"
	var msg string
	switch {
	case slices.Equal(f.Enum, Languages):
		rule = "PROFILE-LANG-CODE"
		msg = fmt.Sprintf("unknown language code %q in %s", s, name)
	case slices.Equal(f.Enum, Jurisdictions):
		rule = "PROFILE-JURISDICTION"
		msg = fmt.Sprintf("unknown jurisdiction %q", s)
	default:
		msg = fmt.Sprintf("%s = %q is not one of %s", name, s, strings.Join(f.Enum, ", "))
	}
	hint := "use one of " + strings.Join(f.Enum, ", ")
	if sug := suggest(s, f.Enum); sug != "" {
		msg += fmt.Sprintf(" (did you mean %q?)", sug)
		hint = fmt.Sprintf("write %q", sug)
	}
	d.add(Error, rule, path, true, msg, hint)
	return false
}

// text checks a text: a string, or a non-empty table whose keys are language codes.
func (d *decoder) text(v any, path []string) bool {
	switch x := v.(type) {
	case string:
		return d.chars(x, path)
	case map[string]any:
		if len(x) == 0 {
			d.add(Error, "PROFILE-TYPE", path, true,
				fmt.Sprintf("%s is an empty table; give at least one language", displayPath(path)),
				`write it like { ja = "…", en = "…" }, or as one plain string`)
			return false
		}
		good := true
		for _, k := range sortedKeys(x) {
			kp := child(path, k)
			if !IsLanguage(k) {
				msg := fmt.Sprintf("unknown language code %q in %s", k, displayPath(path))
				hint := "texts by language use the codes " + strings.Join(Languages, ", ")
				if s := suggest(k, Languages); s != "" {
					msg += fmt.Sprintf(" (did you mean %q?)", s)
					hint = fmt.Sprintf("write %s = \"…\"", quoteKey(s))
				}
				d.add(Error, "PROFILE-LANG-CODE", kp, false, msg, hint)
				good = false
				continue
			}
			s, ok := x[k].(string)
			if !ok {
				d.typeErr(langField, x[k], kp)
				good = false
				continue
			}
			if !d.chars(s, kp) {
				good = false
			}
		}
		return good
	}
	d.typeErr(textField, v, path)
	return false
}

// badRune returns the first character XML 1.0 cannot carry (so no DOCX can hold it).
func badRune(s string) (rune, bool) {
	if !utf8.ValidString(s) {
		return utf8.RuneError, true
	}
	for _, r := range s {
		if r < 0x20 && r != '\t' && r != '\n' && r != '\r' || r == 0xFFFE || r == 0xFFFF || r >= 0xD800 && r <= 0xDFFF {
			return r, true
		}
	}
	return 0, false
}

func (d *decoder) chars(s string, path []string) bool {
	r, bad := badRune(s)
	if !bad {
		return true
	}
	what := fmt.Sprintf("the control character U+%04X", r)
	if r == utf8.RuneError {
		what = "bytes that are not UTF-8"
	}
	d.add(Error, "PROFILE-XML-CHAR", path, true,
		fmt.Sprintf("%s contains %s, which a DOCX (XML 1.0) cannot hold", displayPath(path), what),
		"remove it (tabs and line breaks are fine; write a line break as \\n)")
	return false
}

func (d *decoder) anyChars(v any, path []string) {
	switch x := v.(type) {
	case string:
		d.chars(x, path)
	case map[string]any:
		for _, k := range sortedKeys(x) {
			d.chars(k, child(path, k))
			d.anyChars(x[k], child(path, k))
		}
	case []any:
		for i, e := range x {
			d.anyChars(e, child(path, itoa(i)))
		}
	}
}
