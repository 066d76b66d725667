package profile

import (
	"time"
)

// fill sets the typed fields from the (validated, defaulted) document.
func (p *Profile) fill() {
	m := p.doc
	p.Jurisdiction = str(m, "jurisdiction")
	p.Languages = strs(m["languages"])
	p.Prevailing = str(m, "prevailing")
	p.Date = date(m["date"])
	p.Layout = str(m, "layout")
	p.Company = party(tbl(m, "company"))
	if pm, ok := m["parent"].(map[string]any); ok {
		p.Parent, p.HasParent = party(pm), true
	}
	cp := tbl(m, "counterparty")
	p.Counterparty = Counterparty{Party: party(cp), Kind: str(cp, "kind"), Mutual: boolean(cp, "mutual"),
		Purpose: text(cp, "purpose"), TermYears: integer(cp, "term_years"), SurvivalYears: integer(cp, "survival_years")}
	e := tbl(m, "employee")
	p.Employee = Employee{Name: text(e, "name"), ID: str(e, "id"), Department: text(e, "department"),
		Position: text(e, "position"), NationalID: str(e, "national_id"), Address: text(e, "address"),
		HireDate: date(e["hire_date"]), ExitDate: date(e["exit_date"]),
		Access: texts(e["access"]), Materials: texts(e["materials"])}
	c := tbl(m, "confidential")
	p.Confidential = Confidential{DocumentLevel: str(c, "document_level")}
	for _, l := range tables(c["levels"]) {
		p.Confidential.Levels = append(p.Confidential.Levels, Level{ID: str(l, "id"), Label: text(l, "label"),
			Criteria: text(l, "criteria"), Handling: text(l, "handling")})
	}
	for _, x := range tables(c["categories"]) {
		p.Confidential.Categories = append(p.Confidential.Categories, Category{Name: text(x, "name"),
			Examples: text(x, "examples"), Level: str(x, "level")})
	}
	for _, x := range tables(c["items"]) {
		p.Confidential.Items = append(p.Confidential.Items, Item{ID: str(x, "id"), Name: text(x, "name"),
			Category: text(x, "category"), Level: str(x, "level"), Owner: text(x, "owner"),
			Custodian: text(x, "custodian"), Location: text(x, "location"), Access: text(x, "access"),
			Designated: date(x["designated"]), Review: date(x["review"]), Period: text(x, "period"),
			DisclosedTo: text(x, "disclosed_to"), Notes: text(x, "notes"), Status: str(x, "status")})
	}
	n := tbl(m, "noncompete")
	p.Noncompete = Noncompete{Enabled: boolean(n, "enabled"), Months: integer(n, "months"),
		CompensationPercent: number(n, "compensation_percent"), CompensationAmount: number(n, "compensation_amount"),
		Currency: str(n, "currency"), Territory: text(n, "territory"), Scope: text(n, "scope"), Roles: texts(n["roles"])}
	u := tbl(m, "uk")
	p.UK = UKTerms{GardenLeaveMonths: integer(u, "garden_leave_months"), ConsiderationAmount: number(u, "consideration_amount")}
	r := tbl(m, "remedies")
	p.Remedies = Remedies{Penalty: boolean(r, "penalty")}
	if pm := number(r, "penalty_months"); pm != nil {
		p.Remedies.PenaltyMonths = *pm
	}
	d := tbl(m, "dispute")
	de := tbl(d, "employee")
	p.Dispute = Dispute{Method: str(d, "method"), Institution: text(d, "institution"), Seat: text(d, "seat"),
		GoverningLaw: text(d, "governing_law"), Employee: EmployeeForum{Method: str(de, "method"), Forum: text(de, "forum")}}
	s := tbl(m, "signing")
	p.Signing = Signing{Place: text(s, "place"), Witnesses: integer(s, "witnesses")}
	for _, x := range tables(s["signatories"]) {
		p.Signing.Signatories = append(p.Signing.Signatories, Signatory{Party: str(x, "party"),
			Name: text(x, "name"), Title: text(x, "title")})
	}
	p.fillDocuments(tbl(m, "documents"))
	p.Accepted = strs(tbl(m, "counsel")["accepted"])
	if v, ok := m["vars"].(map[string]any); ok {
		p.Vars = dataValue(nil, v).(map[string]any)
	}
}

func party(m map[string]any) Party {
	return Party{Name: text(m, "name"), Address: text(m, "address"), Representative: text(m, "representative"),
		RepresentativeTitle: text(m, "representative_title"), RegistrationNo: str(m, "registration_no"),
		Phone: str(m, "phone"), Email: str(m, "email")}
}

func tbl(m map[string]any, k string) map[string]any {
	t, _ := m[k].(map[string]any)
	return t
}

func str(m map[string]any, k string) string {
	s, _ := m[k].(string)
	return s
}

func boolean(m map[string]any, k string) bool {
	b, _ := m[k].(bool)
	return b
}

func integer(m map[string]any, k string) int {
	n, _ := m[k].(int64)
	return int(n)
}

func number(m map[string]any, k string) *float64 {
	switch n := m[k].(type) {
	case int64:
		f := float64(n)
		return &f
	case float64:
		return &n
	}
	return nil
}

func text(m map[string]any, k string) Text {
	t, _ := toText(m[k])
	return t
}

func texts(v any) []Text {
	arr, _ := v.([]any)
	var out []Text
	for _, e := range arr {
		if t, ok := toText(e); ok {
			out = append(out, t)
		}
	}
	return out
}

func strs(v any) []string {
	arr, _ := v.([]any)
	var out []string
	for _, e := range arr {
		if s, ok := e.(string); ok {
			out = append(out, s)
		}
	}
	return out
}

func tables(v any) []map[string]any {
	arr, _ := v.([]any)
	var out []map[string]any
	for _, e := range arr {
		if m, ok := e.(map[string]any); ok {
			out = append(out, m)
		}
	}
	return out
}

// date turns a TOML local date into UTC midnight of that day (zero if v is not a date).
func date(v any) time.Time {
	t, ok := v.(time.Time)
	if !ok {
		return time.Time{}
	}
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
}
