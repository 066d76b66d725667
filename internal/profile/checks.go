package profile

import (
	"fmt"
	"slices"
	"strings"
)

// crossChecks are the checks that relate keys to each other and need no document.
func (d *decoder) crossChecks(p *Profile) {
	// languages: no duplicates; prevailing is one of them.
	seen := map[string]bool{}
	for i, l := range p.Languages {
		if seen[l] {
			d.add(Error, "PROFILE-LANGUAGES", []string{"languages", itoa(i)}, true,
				fmt.Sprintf("language %q is listed twice in languages", l),
				"list each language once; two different languages make a bilingual document")
		}
		seen[l] = true
	}
	if p.Prevailing != "" && len(p.Languages) > 0 && !slices.Contains(p.Languages, p.Prevailing) {
		d.add(Error, "PROFILE-PREVAILING", []string{"prevailing"}, true,
			fmt.Sprintf("prevailing = %q is not one of languages (%s)", p.Prevailing, strings.Join(p.Languages, ", ")),
			fmt.Sprintf("set prevailing to one of %s, or add %q to languages", strings.Join(p.Languages, ", "), p.Prevailing))
	}

	// level ids unique; every reference to a level names one.
	c := p.Confidential
	ids := map[string]bool{}
	for i, l := range c.Levels {
		if l.ID == "" {
			continue
		}
		if ids[l.ID] {
			d.add(Error, "PROFILE-DUPLICATE", []string{"confidential", "levels", itoa(i), "id"}, true,
				fmt.Sprintf("level id %q is used twice", l.ID), "give each level its own id (L1, L2, L3)")
		}
		ids[l.ID] = true
	}
	levelIDs := make([]string, 0, len(c.Levels))
	for _, l := range c.Levels {
		levelIDs = append(levelIDs, l.ID)
	}
	checkRef := func(id string, path []string) {
		if id == "" || ids[id] {
			return
		}
		msg := fmt.Sprintf("%s = %q is not a level id (levels: %s)", displayPath(path), id, strings.Join(levelIDs, ", "))
		hint := "use one of the ids in [[confidential.levels]]"
		if s := suggest(id, levelIDs); s != "" {
			msg += fmt.Sprintf(" (did you mean %q?)", s)
			hint = fmt.Sprintf("write %q", s)
		}
		d.add(Error, "PROFILE-REF", path, true, msg, hint)
	}
	if len(c.Levels) > 0 && !p.Written("confidential.document_level") && !ids[c.DocumentLevel] {
		d.add(Error, "PROFILE-REF", []string{"confidential", "document_level"}, true,
			fmt.Sprintf("the default confidential.document_level %q is not one of your level ids (%s)", c.DocumentLevel, strings.Join(levelIDs, ", ")),
			"set document_level under [confidential] to the level printed in each document's header")
	} else if len(c.Levels) > 0 {
		checkRef(c.DocumentLevel, []string{"confidential", "document_level"})
	}
	for i, x := range c.Categories {
		checkRef(x.Level, []string{"confidential", "categories", itoa(i), "level"})
	}
	itemIDs := map[string]bool{}
	for i, x := range c.Items {
		checkRef(x.Level, []string{"confidential", "items", itoa(i), "level"})
		if x.ID != "" {
			if itemIDs[x.ID] {
				d.add(Error, "PROFILE-DUPLICATE", []string{"confidential", "items", itoa(i), "id"}, true,
					fmt.Sprintf("register id %q is used twice", x.ID), "give each register item its own id (TS-001, TS-002 …)")
			}
			itemIDs[x.ID] = true
		}
		if !x.Category.IsZero() && len(c.Categories) > 0 && !categoryKnown(x.Category, c.Categories) {
			d.add(Warning, "PROFILE-REF", []string{"confidential", "items", itoa(i), "category"}, true,
				fmt.Sprintf("confidential.items[%d].category %q is not the name of any of confidential.categories", i, x.Category.String()),
				"use a category name exactly as written in [[confidential.categories]], so the register and the definitions agree")
		}
		if !x.Designated.IsZero() && !x.Review.IsZero() && x.Review.Before(x.Designated) {
			d.add(Warning, "PROFILE-DATE-ORDER", []string{"confidential", "items", itoa(i), "review"}, true,
				fmt.Sprintf("confidential.items[%d].review (%s) is before designated (%s)", i, x.Review.Format("2006-01-02"), x.Designated.Format("2006-01-02")),
				"set the next review date after the date of designation")
		}
	}

	e := p.Employee
	if !e.HireDate.IsZero() && !e.ExitDate.IsZero() && e.ExitDate.Before(e.HireDate) {
		d.add(Error, "PROFILE-DATE-ORDER", []string{"employee", "exit_date"}, true,
			fmt.Sprintf("employee.exit_date (%s) is before employee.hire_date (%s)", e.ExitDate.Format("2006-01-02"), e.HireDate.Format("2006-01-02")),
			"check both dates")
	}

	n := p.Noncompete
	if n.Enabled && n.Months == 0 && p.Written("noncompete.months") && !p.Invalid("noncompete.months") {
		d.add(Error, "PROFILE-RANGE", []string{"noncompete", "months"}, true,
			"noncompete.months = 0 while noncompete.enabled = true",
			"give the length of the restraint in months, or set enabled = false")
	}
}

func categoryKnown(t Text, cats []Category) bool {
	for _, c := range cats {
		for _, a := range c.Name.Variants() {
			for _, b := range t.Variants() {
				if strings.TrimSpace(a) == strings.TrimSpace(b) {
					return true
				}
			}
		}
	}
	return false
}

// requirement is a key a document needs.
type requirement struct {
	path string // dotted; "*" stands for every element of an array of tables
	docs []string
	when func(p *Profile) bool // nil: always
}

func ncEnabled(p *Profile) bool { return p.Noncompete.Enabled }

// jurKnown: keys with jurisdiction defaults are only missing once the jurisdiction is known.
func jurKnown(p *Profile) bool { return IsJurisdiction(p.Jurisdiction) }

var allDocs = Documents

var requirements = []requirement{
	{path: "date", docs: allDocs},
	{path: "company.name", docs: allDocs},
	{path: "company.address", docs: allDocs},
	{path: "company.representative", docs: []string{"nda-employee", "nda-partner", "labour-clause", "noncompete", "regulations"}},
	{path: "confidential.levels", docs: allDocs, when: jurKnown},
	{path: "confidential.levels.*.label", docs: allDocs},
	{path: "confidential.levels.*.criteria", docs: []string{"regulations", "classification-guide"}},
	{path: "confidential.levels.*.handling", docs: []string{"regulations", "classification-guide"}},
	{path: "confidential.categories", docs: []string{"nda-employee", "nda-partner", "labour-clause", "exit-pledge", "regulations", "classification-guide"}},
	{path: "confidential.categories.*.name", docs: allDocs},
	{path: "confidential.items", docs: []string{"secret-register"}},
	{path: "confidential.items.*.id", docs: []string{"secret-register"}},
	{path: "confidential.items.*.name", docs: []string{"secret-register"}},
	{path: "confidential.items.*.level", docs: []string{"secret-register"}},
	{path: "confidential.items.*.owner", docs: []string{"secret-register"}},
	{path: "employee.name", docs: EmployeeDocs},
	// Every employee document names the person by number; those signed on joining or during
	// employment also by department, position and hire date. An exit pledge needs only name,
	// number and exit date (HR's leavers sheets often have no more): it prints the other
	// details, and the lists of what was accessed and returned, when they are given.
	{path: "employee.id", docs: EmployeeDocs},
	{path: "employee.department", docs: []string{"nda-employee", "labour-clause", "noncompete"}},
	{path: "employee.position", docs: []string{"nda-employee", "labour-clause", "noncompete"}},
	{path: "employee.hire_date", docs: []string{"nda-employee", "labour-clause", "noncompete"}},
	{path: "employee.exit_date", docs: []string{"exit-pledge"}},
	{path: "noncompete.months", docs: []string{"noncompete"}, when: ncEnabled},
	{path: "noncompete.territory", docs: []string{"noncompete"}, when: ncEnabled},
	{path: "noncompete.scope", docs: []string{"noncompete"}, when: ncEnabled},
	{path: "counterparty.name", docs: []string{"nda-partner"}},
	{path: "counterparty.address", docs: []string{"nda-partner"}},
	{path: "counterparty.representative", docs: []string{"nda-partner"}},
	{path: "counterparty.kind", docs: []string{"nda-partner"}},
	{path: "counterparty.purpose", docs: []string{"nda-partner"}},
	{path: "signing.signatories.*.name", docs: allDocs},
}

// textUse says which documents print the texts below a path (longest prefix wins).
var textUse = []struct {
	prefix string
	docs   []string
}{
	{"company", allDocs},
	{"parent", allDocs},
	{"confidential.levels", allDocs},
	{"confidential.categories", allDocs},
	{"confidential.items", []string{"secret-register"}},
	{"employee", EmployeeDocs},
	{"counterparty", []string{"nda-partner"}},
	{"dispute", []string{"nda-partner"}},
	{"dispute.governing_law", allDocs},
	{"dispute.employee", EmployeeDocs},
	{"signing", allDocs},
}

func docsUsing(path string, nc bool) []string {
	if strings.HasPrefix(path, "noncompete.") {
		if nc {
			return []string{"labour-clause", "noncompete", "exit-pledge"}
		}
		return []string{"noncompete"}
	}
	best, docs := -1, []string(nil)
	for _, u := range textUse {
		if (path == u.prefix || strings.HasPrefix(path, u.prefix+".")) && len(u.prefix) > best {
			best, docs = len(u.prefix), u.docs
		}
	}
	return docs
}

// intersect returns the documents in both lists, in the canonical order of Documents.
func intersect(a, b []string) []string {
	var out []string
	for _, x := range Documents {
		if slices.Contains(a, x) && slices.Contains(b, x) {
			out = append(out, x)
		}
	}
	return out
}

// CheckFor reports what the documents docs need and the profile lacks: required keys, and texts
// given per language that lack a language in langs (a plain text serves every language). Nil
// docs means every document; nil langs means the profile's languages. Each diagnostic names the
// documents it concerns in Docs.
func (p *Profile) CheckFor(docs []string, langs []string) Diagnostics {
	explicit := len(docs) > 0
	if len(docs) == 0 {
		docs = Documents
	}
	if len(langs) == 0 {
		langs = p.Languages
	}
	var ds Diagnostics
	for _, r := range requirements {
		need := intersect(docs, r.docs)
		if len(need) == 0 || r.when != nil && !r.when(p) {
			continue
		}
		for _, path := range p.expand(r.path) {
			if p.present(path) || p.Invalid(path) {
				continue
			}
			msg := fmt.Sprintf("%s is required for %s", displayPath(splitPath(path)), docList(need))
			hint := "add " + lastKey(path) + " = … under [" + parentTable(path) + "]"
			if strings.Contains(path, ".") && slices.ContainsFunc(splitPath(path), isIndex) {
				hint = "add " + lastKey(path) + " = … to that [[" + parentTable(path) + "]] entry"
			} else if parentTable(path) == "" {
				hint = "add " + lastKey(path) + " = … at the top of the profile"
			}
			if strings.HasSuffix(path, "access") || strings.HasSuffix(path, "materials") {
				hint = "add " + lastKey(path) + ` = ["…", "…"] under [` + parentTable(path) + "]"
			}
			if r.path == "confidential.items" || r.path == "confidential.categories" {
				hint = "add at least one [[" + path + "]] entry"
			}
			ds = append(ds, p.Diag(Error, "PROFILE-REQUIRED", path, msg, hint, need...))
		}
	}
	if explicit && slices.Contains(docs, "noncompete") && !p.Noncompete.Enabled {
		ds = append(ds, p.Diag(Warning, "PROFILE-NC-DISABLED", "noncompete.enabled",
			"noncompete.enabled is false, so the noncompete document states that no non-compete applies",
			"set enabled = true with months, territory, scope and compensation to draft a non-compete, or leave noncompete out of the build",
			"noncompete"))
	}
	for _, pt := range p.Texts() {
		if pt.Text.ByLang == nil || p.Invalid(pt.Path) {
			continue
		}
		need := intersect(docs, docsUsing(pt.Path, p.Noncompete.Enabled))
		if len(need) == 0 {
			continue
		}
		var missing []string
		for _, l := range langs {
			if s, ok := pt.Text.ByLang[l]; !ok || strings.TrimSpace(s) == "" {
				missing = append(missing, l)
			}
		}
		if len(missing) == 0 {
			continue
		}
		given := strings.Join(slices.Sorted(mapsKeys(pt.Text.ByLang)), ", ")
		name := displayPath(splitPath(pt.Path))
		msg := fmt.Sprintf("%s has no %s text (it has %s); needed for %s", name, strings.Join(missing, ", "), given, docList(need))
		hint := fmt.Sprintf("add %s = \"…\" to %s, or write it as one plain string for every language", quoteKey(missing[0]), name)
		if !p.Written(pt.Path) {
			msg = "default " + msg
			hint = fmt.Sprintf("the default exists in %s only; write %s yourself with a %s text", given, name, missing[0])
		}
		ds = append(ds, p.Diag(Error, "PROFILE-LANG-MISSING", pt.Path, msg, hint, need...))
	}
	return ds
}

// docList names documents for a message: "every document" when all are concerned.
func docList(docs []string) string {
	if len(docs) == len(Documents) {
		return "every document"
	}
	return strings.Join(docs, ", ")
}

func mapsKeys(m map[string]string) func(func(string) bool) {
	return func(yield func(string) bool) {
		for k := range m {
			if !yield(k) {
				return
			}
		}
	}
}

// expand turns a requirement path with "*" into the paths of every existing element.
func (p *Profile) expand(path string) []string {
	star := strings.Index(path, ".*")
	if star < 0 {
		return []string{path}
	}
	arr, _ := get(p.doc, splitPath(path[:star])...)
	n := 0
	if a, ok := arr.([]any); ok {
		n = len(a)
	}
	var out []string
	for i := range n {
		out = append(out, p.expand(path[:star]+"."+itoa(i)+path[star+2:])...)
	}
	return out
}

// present reports whether path has a non-empty value.
func (p *Profile) present(path string) bool {
	v, ok := get(p.doc, splitPath(path)...)
	if !ok {
		return false
	}
	switch x := v.(type) {
	case string:
		return strings.TrimSpace(x) != ""
	case []any:
		return len(x) > 0
	case map[string]any:
		t, _ := toText(x)
		return len(x) > 0 && (FieldAt(splitPath(path)) == nil || FieldAt(splitPath(path)).Kind != KindText || !t.IsZero())
	}
	return true
}

func lastKey(path string) string {
	parts := splitPath(path)
	return parts[len(parts)-1]
}

// parentTable names the table a key belongs in, as written in a header.
func parentTable(path string) string {
	parts := splitPath(path)
	parts = parts[:len(parts)-1]
	var keep []string
	for _, s := range parts {
		if !isIndex(s) {
			keep = append(keep, s)
		}
	}
	return strings.Join(keep, ".")
}
