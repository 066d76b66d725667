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
	d.documentChecks(p, checkRef)
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
	// A penalty of nothing would print "0 months' salary": refuse it rather than draft it.
	if r := p.Remedies; r.Penalty && r.PenaltyMonths == 0 && !p.Invalid("remedies.penalty_months") {
		d.add(Error, "PROFILE-RANGE", []string{"remedies", "penalty_months"}, true,
			"remedies.penalty_months = 0 while remedies.penalty = true",
			"give the penalty in months of gross monthly salary (e.g. 1), or set penalty = false")
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

// CheckFor reports what the documents docs need and the profile lacks: required keys (those
// the shipped templates print, see ShippedNeeds), and texts given per language that lack a
// language in langs (a plain text serves every language). Nil docs means every document; nil
// langs means the profile's languages. Each diagnostic names the documents it concerns in Docs.
func (p *Profile) CheckFor(docs []string, langs []string) Diagnostics {
	var needs []Need
	var ds Diagnostics
	if ShippedNeeds != nil {
		n, err := ShippedNeeds(orAll(docs), p.TextJurisdiction(), p.langsOr(langs))
		if err != nil {
			ds = append(ds, p.Diag(Error, "PROFILE-TEMPLATE", "", "cannot read what the templates need: "+err.Error(), "report this: the built-in templates or texts are broken"))
		}
		needs = n
	}
	return append(ds, p.CheckWith(needs, docs, langs)...)
}

func orAll(docs []string) []string {
	if len(docs) == 0 {
		return Documents
	}
	return docs
}

func (p *Profile) langsOr(langs []string) []string {
	if len(langs) == 0 {
		return p.Languages
	}
	return langs
}

// CheckWith is CheckFor with the needs of the templates at hand (the user's template and
// locale directories layered over the shipped ones).
func (p *Profile) CheckWith(needs []Need, docs []string, langs []string) Diagnostics {
	explicit := len(docs) > 0
	docs = orAll(docs)
	langs = p.langsOr(langs)
	var ds Diagnostics
	// One diagnostic per missing key, naming every document that prints it, in the order the
	// templates first use the keys.
	var order []string
	byPath := map[string][]string{}
	each := map[string]bool{}
	needsByPath := map[string][]Need{}
	for _, n := range needs {
		needsByPath[n.Path] = append(needsByPath[n.Path], n)
	}
	for _, n := range needs {
		if n.Optional || !slices.Contains(docs, n.Doc) || slices.ContainsFunc(n.Guards, func(g Guard) bool { return !p.holds(g, n.Doc, langs) }) {
			continue
		}
		if _, ok := byPath[n.Path]; !ok {
			order = append(order, n.Path)
		}
		if !slices.Contains(byPath[n.Path], n.Doc) {
			byPath[n.Path] = append(byPath[n.Path], n.Doc)
		}
		each[n.Path] = each[n.Path] || n.Each
	}
	for _, rpath := range order {
		need := intersect(docs, byPath[rpath])
		for _, path := range p.expand(rpath) {
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
			if f := FieldAt(splitPath(path)); f != nil && (f.Kind == KindTexts || f.Kind == KindStrings) {
				hint = "add " + lastKey(path) + ` = ["…", "…"] under [` + parentTable(path) + "]"
			}
			if each[rpath] {
				if f := FieldAt(splitPath(path)); f != nil && f.Kind == KindTables {
					hint = "add at least one [[" + path + "]] entry"
				}
			}
			ds = append(ds, p.Diag(Error, "PROFILE-REQUIRED", path, msg, hint, need...))
		}
	}
	if explicit && slices.Contains(docs, "noncompete") && !p.Noncompete.Enabled {
		// A disabled non-compete is never drafted (review 2026-12 A.1): asking for it is an error,
		// not a document that silently binds the employee to what the client chose against.
		ds = append(ds, p.Diag(Error, "PROFILE-NC-DISABLED", "noncompete.enabled",
			"the noncompete document is asked for, but noncompete.enabled = false: there is no non-compete to draft",
			"set enabled = true with months, territory, scope and compensation to draft a non-compete, or leave the noncompete document out (the labour clauses and the exit pledge then state that no non-compete applies)",
			"noncompete"))
	}
	for _, pt := range p.Texts() {
		if pt.Text.ByLang == nil || p.Invalid(pt.Path) {
			continue
		}
		need := intersect(docs, p.printedBy(pt.Path, needsByPath, docs, langs))
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
