package profile

import (
	"errors"
	"fmt"
	"maps"
	"strconv"
	"strings"
	"time"

	"github.com/BurntSushi/toml"
)

// Overlay is one value laid over a profile as it was read: a --set argument, or a cell of a
// people sheet. It is written into the document before the checks, so it is checked exactly as
// a value of the file is (type, range, characters, language codes), and its problems point at
// where it came from instead of a line of the file.
type Overlay struct {
	// Path is the key, by segments; array elements by 0-based index (confidential.levels.0.label).
	// A plain text given one language (company.name.ja) becomes a text by language.
	Path []string
	// Value is a string, int64, float64, bool, a date (see Date), []any or map[string]any (a
	// text by language: {"ja": "…", "en": "…"}), as a TOML decoder gives them; int, []string
	// and map[string]string are taken too.
	Value any
	// Origin is where the value is written: "--set:N" line 1 at the value's column, or a
	// sheet's cell (the sheet's file, the row, the column number, A = 1).
	Origin Pos
	// Key is where the path is written: column 1 of a --set argument, a column's header cell.
	// A problem with a table the overlay created on its way (rather than with its value)
	// points here.
	Key Pos
}

// dateLocal is the location BurntSushi/toml gives a date without a time (2026-04-01); the
// checks take a date only in it. It is read from the decoder, so an overlay's date is the
// very value the same date in a file decodes to.
var dateLocal = func() *time.Location {
	var v map[string]any
	_, err := toml.Decode("d = 2000-01-01", &v)
	t, ok := v["d"].(time.Time)
	if err != nil || !ok || t.Location().String() != "date-local" {
		panic(fmt.Sprintf("profile: the TOML decoder reads a date as %#v (%v)", v["d"], err))
	}
	return t.Location()
}()

// Date is the value of a date (2026-04-01), as a profile holds one.
func Date(year int, month time.Month, day int) time.Time {
	return time.Date(year, month, day, 0, 0, 0, 0, dateLocal)
}

// SetOverlays parses --set arguments (see ParseSet) into overlays, the N-th placed at
// "--set:N". A bare number or date given for a code or text key (--set employee.id=0042) is
// kept as the text written. An argument that cannot be read is a diagnostic, and no overlay.
func SetOverlays(sets []string) ([]Overlay, Diagnostics) {
	var ovs []Overlay
	var ds Diagnostics
	for i, arg := range sets {
		file := "--set:" + strconv.Itoa(i+1)
		st, err := ParseSet(arg)
		if err != nil {
			var se *SetError
			col := 1
			msg := err.Error()
			if errors.As(err, &se) {
				col, msg = se.Col, se.Msg
			}
			ds = append(ds, Diagnostic{File: file, Line: 1, Col: col, Level: Error, Rule: "PROFILE-SET",
				Message: "cannot read " + strconv.Quote(shortArg(arg)) + ": " + msg,
				Hint:    `write path=value, e.g. noncompete.months=24 or company.name.ja="株式会社…"`})
			continue
		}
		if f := FieldAt(st.Path); f != nil && (f.Kind == KindString || f.Kind == KindText) {
			if _, isString := st.Value.(string); !isString && isScalar(st.Value) {
				st.Value = st.Raw
			}
		}
		ovs = append(ovs, Overlay{Path: st.Path, Value: st.Value,
			Origin: Pos{File: file, Line: 1, Col: st.ValueCol}, Key: Pos{File: file, Line: 1, Col: 1}})
	}
	return ovs, ds
}

// Base is a profile source parsed once (TOML and key positions), to which overlays are
// applied as often as needed: a batch reads its profile once, not once a row. A Base is never
// changed after Parse, so Apply may run on it from several goroutines at once.
type Base struct {
	name string
	raw  map[string]any // as parsed, before any check
	pos  *posIndex
}

// Parse reads profile source named name (used in diagnostics). It returns nil and the
// diagnostic when the source is too large or deep to read, or not TOML.
func Parse(name string, src []byte) (*Base, Diagnostics) {
	if le := checkShape(src); le != nil {
		return nil, Diagnostics{shapeDiag(name, le)}
	}
	var raw map[string]any
	if _, err := toml.Decode(string(src), &raw); err != nil {
		return nil, Diagnostics{syntaxDiag(name, src, err)}
	}
	if raw == nil {
		raw = map[string]any{}
	}
	raw = normalize(raw).(map[string]any)
	return &Base{name: name, raw: raw, pos: scanPositions(name, src)}, nil
}

// Without returns a copy of b named name, holding only the top-level keys keep accepts (all
// when keep is nil) and none of the paths drop: what a batch lays its rows over. The values
// kept keep their places in the file, under the new name.
func (b *Base) Without(name string, keep func(top string) bool, drop [][]string) *Base {
	raw := copyDoc(b.raw)
	for k := range raw {
		if keep != nil && !keep(k) {
			delete(raw, k)
			drop = append(drop, []string{k})
		}
	}
	pos := b.pos.clone()
	for _, p := range drop {
		remove(raw, p)
		pos.forget(p)
	}
	pos.rename(name)
	// A fresh map: a map keeps the size it once had, and every Apply copies this one.
	small := make(map[string]keyPos, len(pos.m))
	maps.Copy(small, pos.m)
	pos.m = small
	return &Base{name: name, raw: raw, pos: pos}
}

// remove deletes the value at path, if it is there.
func remove(doc map[string]any, path []string) {
	cur := doc
	for i, seg := range path {
		if i == len(path)-1 {
			delete(cur, seg)
			return
		}
		next, ok := cur[seg].(map[string]any)
		if !ok {
			return
		}
		cur = next
	}
}

// Apply lays the overlays, in order, over a copy of the document, then checks every key
// against the schema, fills the jurisdiction's defaults and runs the checks that need no
// document, as Decode does. Problems with an overlay's value are placed at its Origin. The
// profile holds every valid value; it is never nil.
func (b *Base) Apply(ovs []Overlay) (*Profile, Diagnostics) {
	raw := copyDoc(b.raw)
	d := &decoder{pos: b.pos.clone(), written: map[string]bool{}}
	for _, ov := range ovs {
		d.overlay(raw, ov)
	}
	markWritten(raw, nil, d.written)

	d.table(Schema, raw, nil)
	if _, ok := raw["jurisdiction"]; !ok && !d.badKey["jurisdiction"] {
		d.add(Error, "PROFILE-REQUIRED", []string{"jurisdiction"}, false,
			"jurisdiction is required",
			`add jurisdiction = "CN" (one of `+strings.Join(Jurisdictions, ", ")+") at the top of the profile")
	}

	p := &Profile{File: b.name, doc: raw, pos: d.pos, written: d.written, invalid: d.invalid}
	jur, _ := raw["jurisdiction"].(string)
	fillDefaults(raw, jur)
	p.fill()
	d.crossChecks(p)
	return p, d.ds
}

// overlay writes one overlay into doc and records where its value came from.
func (d *decoder) overlay(doc map[string]any, ov Overlay) {
	fail := func(msg string) {
		d.ds = append(d.ds, Diagnostic{File: ov.Key.File, Line: ov.Key.Line, Col: ov.Key.Col, Level: Error, Rule: "PROFILE-SET",
			Message: "cannot set " + displayPath(ov.Path) + ": " + msg,
			Hint:    "check the key path against the profile (tsdraft schema lists every key)"})
	}
	if len(ov.Path) == 0 || len(ov.Path) > MaxKeySegments {
		fail(fmt.Sprintf("a key path has 1 to %d parts, not %d", MaxKeySegments, len(ov.Path)))
		return
	}
	v, err := overlayValue(ov.Value, 0)
	if err != nil {
		fail(err.Error())
		return
	}
	kept, err := assign(doc, ov.Path, v)
	if err != nil {
		fail(err.Error())
		return
	}
	at := keyPos{Key: ov.Key, Val: ov.Origin}
	d.pos.override(ov.Path[:kept+1], at)
	if kept+1 < len(ov.Path) { // tables created on the way: the value itself is here too
		d.pos.override(ov.Path, at)
	}
}

// overlayValue copies an overlay's value into the types a TOML decoder gives (so that the
// checks see what they would see in a file), refusing any other type. A copy, because the
// checks drop invalid parts of tables and the same overlay may be applied again.
func overlayValue(v any, depth int) (any, error) {
	if depth > MaxNesting {
		return nil, fmt.Errorf("the value is nested more than %d deep", MaxNesting)
	}
	switch x := v.(type) {
	case string, int64, float64, bool, time.Time:
		return v, nil
	case int:
		return int64(x), nil
	case []string:
		out := make([]any, len(x))
		for i, s := range x {
			out[i] = s
		}
		return out, nil
	case map[string]string:
		out := make(map[string]any, len(x))
		for k, s := range x {
			out[k] = s
		}
		return out, nil
	case []any:
		out := make([]any, len(x))
		for i, e := range x {
			c, err := overlayValue(e, depth+1)
			if err != nil {
				return nil, err
			}
			out[i] = c
		}
		return out, nil
	case map[string]any:
		out := make(map[string]any, len(x))
		for k, e := range x {
			c, err := overlayValue(e, depth+1)
			if err != nil {
				return nil, err
			}
			out[k] = c
		}
		return out, nil
	}
	return nil, fmt.Errorf("a value of Go type %T is not a profile value", v)
}

// copyDoc copies a decoded document deeply enough that checking and filling the copy leaves
// the original as it was: tables and arrays are copied, the other values are immutable.
func copyDoc(m map[string]any) map[string]any {
	out := make(map[string]any, len(m))
	for k, v := range m {
		out[k] = copyValue(v)
	}
	return out
}

func copyValue(v any) any {
	switch x := v.(type) {
	case map[string]any:
		return copyDoc(x)
	case []any:
		out := make([]any, len(x))
		for i, e := range x {
			out[i] = copyValue(e)
		}
		return out
	}
	return v
}

// clone copies the index, so that overlays placed on the copy leave the original as it was.
func (ix *posIndex) clone() *posIndex {
	return &posIndex{file: ix.file, m: maps.Clone(ix.m)}
}

// forget drops the places of path and everything below it (a value no longer in the document).
func (ix *posIndex) forget(path []string) {
	k := pathKey(path)
	for key := range ix.m {
		if key == k || strings.HasPrefix(key, k+".") {
			delete(ix.m, key)
		}
	}
}

// rename gives every place the file name name.
func (ix *posIndex) rename(name string) {
	ix.file = name
	for k, kp := range ix.m {
		if kp.Key.File != "" {
			kp.Key.File = name
		}
		if kp.Val.File != "" {
			kp.Val.File = name
		}
		ix.m[k] = kp
	}
}
