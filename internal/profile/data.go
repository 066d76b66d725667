package profile

import (
	"time"

	"github.com/tsdraft/tsdraft/internal/tplvalue"
)

// Data returns the template data: every key path as written in the profile (defaults filled),
// with texts given per language as tplvalue.LangText, plain texts as string, dates as time.Time
// at UTC midnight, integers as int64, floats as float64, arrays as []any and tables as
// map[string]any, plus the computed keys noncompete.paid, remedies.penalty_one, dispute.is_arbitration,
// dispute.institution_is.<ABBR> (InstitutionIs), dispute.employee.is_court and
// dispute.employee.is_labour_arbitration. Keys the profile leaves out and that have no default
// are absent. Each call returns a fresh map the caller may change.
func (p *Profile) Data() map[string]any {
	out, _ := dataValue(Schema, p.doc).(map[string]any)
	if out == nil {
		out = map[string]any{}
	}
	d, _ := out["dispute"].(map[string]any)
	if d == nil {
		d = map[string]any{}
		out["dispute"] = d
	}
	d["is_arbitration"] = p.Dispute.Method == "arbitration"
	d["institution_is"] = InstitutionIs(p.Dispute.Institution)
	de, _ := d["employee"].(map[string]any)
	if de == nil {
		de = map[string]any{}
		d["employee"] = de
	}
	// noncompete.paid: whether compensation is promised; an unpaid covenant (the normal English
	// position) is drafted without any payment wording.
	if n, ok := out["noncompete"].(map[string]any); ok {
		n["paid"] = p.Noncompete.Compensated()
	}
	// remedies.penalty_one: the penalty is one month's salary, which the texts write as a noun
	// ("einer Bruttomonatsvergütung") rather than a number of months.
	if r, ok := out["remedies"].(map[string]any); ok {
		r["penalty_one"] = p.Remedies.PenaltyMonths == 1
	}
	de["is_court"] = p.Dispute.Employee.Method == "court"
	de["is_labour_arbitration"] = p.Dispute.Employee.Method == "labour-arbitration"
	return out
}

// dataValue converts a document value for templates, guided by its field (nil: free-form).
func dataValue(f *Field, v any) any {
	if f != nil {
		switch f.Kind {
		case KindText:
			t, _ := toText(v)
			return t.Value()
		case KindTexts:
			arr, _ := v.([]any)
			out := make([]any, 0, len(arr))
			for _, e := range arr {
				t, _ := toText(e)
				out = append(out, t.Value())
			}
			return out
		case KindTable:
			m, _ := v.(map[string]any)
			out := make(map[string]any, len(m))
			for k, e := range m {
				out[k] = dataValue(f.Child(k), e)
			}
			return out
		case KindTables:
			arr, _ := v.([]any)
			el := &Field{Kind: KindTable, Fields: f.Fields}
			out := make([]any, 0, len(arr))
			for _, e := range arr {
				out = append(out, dataValue(el, e))
			}
			return out
		}
	}
	switch x := v.(type) {
	case map[string]any:
		if lt, ok := langTable(x); ok {
			return lt
		}
		out := make(map[string]any, len(x))
		for k, e := range x {
			out[k] = dataValue(nil, e)
		}
		return out
	case []any:
		out := make([]any, len(x))
		for i, e := range x {
			out[i] = dataValue(nil, e)
		}
		return out
	case time.Time:
		if x.Location().String() == "date-local" {
			return date(x)
		}
		return x
	}
	return v
}

// langTable reads a free-form table as a text by language when every key is a language code
// and every value a string ([vars] may hold such texts).
func langTable(m map[string]any) (tplvalue.LangText, bool) {
	if len(m) == 0 {
		return nil, false
	}
	out := tplvalue.LangText{}
	for k, e := range m {
		s, ok := e.(string)
		if !ok || !IsLanguage(k) {
			return nil, false
		}
		out[k] = s
	}
	return out, true
}
