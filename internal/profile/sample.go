package profile

import (
	"bytes"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/tsdraft/tsdraft/internal/vocab"
)

// Sample returns a complete, commented sample profile for jurisdiction jur, with texts in langs
// (nil: the jurisdiction's default languages). It describes a fictional Japanese group's company
// in that country and is meant to pass `check` as written; the caller verifies that.
func Sample(jur string, langs []string) ([]byte, error) {
	j, ok := jurOf(jur)
	if !ok {
		return nil, fmt.Errorf("unknown jurisdiction %q; known: %s", jur, strings.Join(Jurisdictions, ", "))
	}
	if len(langs) == 0 {
		langs = j.Languages
	}
	if len(langs) > 2 {
		return nil, fmt.Errorf("give one or two languages, not %d", len(langs))
	}
	for i, l := range langs {
		if !IsLanguage(l) {
			msg := fmt.Sprintf("unknown language %q (languages: %s)", l, strings.Join(Languages, ", "))
			if s := suggest(l, Languages); s != "" {
				msg += fmt.Sprintf("; did you mean %q?", s)
			}
			return nil, fmt.Errorf("%s", msg)
		}
		if !slices.Contains(j.TextLanguages, l) {
			return nil, fmt.Errorf("the %s sample is written in %s; %q is not one of them (write that language's texts yourself after init)",
				jur, strings.Join(j.TextLanguages, ", "), l)
		}
		if slices.Contains(langs[:i], l) {
			return nil, fmt.Errorf("language %q is given twice", l)
		}
	}

	// Texts are written in every language the sample knows (the documents' languages first), so
	// that `build --lang local,en` works on the sample as well as the default local + ja.
	textLangs := slices.Clone(langs)
	jd, sj := j.Defaults, j.Sample
	shared, err := vocab.Active().Sample()
	if err != nil {
		return nil, err
	}
	for _, l := range j.TextLanguages {
		if !slices.Contains(textLangs, l) {
			textLangs = append(textLangs, l)
		}
	}
	w := &sampleWriter{langs: textLangs}
	w.comment("tsdraft profile for " + sj.Company.Name["en"] + " (" + jur + "), written by `tsdraft init`.")
	w.comment("Every value is a fictional example: replace it with the client's facts, then run")
	w.comment("`tsdraft check` on this file. A text is one plain string (the same in every language) or a")
	w.comment("table by language, e.g. { " + langs[0] + ` = "…" }. ` + "`tsdraft schema` prints the JSON Schema for editors.")
	w.comment("Every document is a draft to be reviewed by qualified counsel.")
	w.blank()
	w.kv("jurisdiction", QuoteTOML(jur), "JP CN TH VN ID DE UK EU")
	w.kv("languages", strArray(langs), "one, or two for bilingual documents: "+strings.Join(vocab.Active().LanguageCodes(), " "))
	w.kv("prevailing", QuoteTOML(langs[0]), "the language that governs if the two texts differ")
	w.kv("date", "2026-04-01", "date of the documents")
	w.kv("layout", QuoteTOML("interleave"), "interleave | columns | separate (two languages)")
	w.notes(sj, "languages")

	w.section("company", "The company whose secrets the documents protect.")
	w.party(sj.Company, true)
	if jur != "JP" {
		w.section("parent", "The head office in Japan (optional).")
		w.party(shared.Parent, false)
	}

	w.section("counterparty", "The other party of the partner NDA (nda-partner).")
	w.party(sj.Counterparty, false)
	w.kv("kind", QuoteTOML("supplier"), "customer supplier agent contractor joint-venture")
	w.kv("mutual", "true", "true: both disclose; false: only the company discloses")
	w.kv("purpose", w.text(shared.Purpose), "the purpose of disclosure, stated narrowly")
	w.kv("term_years", "3", "how long the NDA runs")
	w.kv("survival_years", "5", "how long confidentiality survives its end")

	w.section("employee", "The employee (nda-employee, labour-clause, noncompete, exit-pledge).")
	w.kv("name", w.text(sj.EmployeeName), "")
	w.kv("id", QuoteTOML("E-1024"), "staff number")
	w.kv("department", w.text(shared.Department), "")
	w.kv("position", w.text(shared.Position), "")
	if sj.EmployeeNationalID != "" {
		w.kv("national_id", QuoteTOML(sj.EmployeeNationalID), "ID card number (optional)")
	}
	w.kv("address", w.text(sj.EmployeeAddress), "optional")
	w.kv("hire_date", "2019-04-01", "")
	w.kv("exit_date", "2026-04-30", "last day of employment (exit-pledge)")
	w.comment("What the person handled: by register name or category, never the secret itself.")
	w.array("access", shared.Access)
	w.comment("What must be returned on leaving.")
	w.array("materials", shared.Materials)

	w.section("confidential", "Classification: levels, categories of information, and the register.")
	w.kv("document_level", QuoteTOML("L2"), "level printed in each document's header (the register prints its highest)")
	w.blank()
	w.comment("Levels: the commercial set of the legal reference (§9). Never use a state-secret grade")
	w.comment("(CN 绝密/机密/秘密, VN Tuyệt mật/Tối mật/Mật, TH ลับที่สุด/ลับมาก/ลับ, DE VS-grades).")
	for i := range 3 {
		w.line("[[confidential.levels]]")
		w.kv("id", QuoteTOML("L"+strconv.Itoa(i+1)), "")
		w.kv("label", w.text(levelColumn(i, levelLabel)), "")
		w.kv("criteria", w.text(levelColumn(i, levelCriteria)), "")
		w.kv("handling", w.text(levelColumn(i, levelHandling)), "")
		w.blank()
	}
	w.comment("Categories named in every definition clause (\"all information\" alone is weak everywhere).")
	for _, c := range shared.Categories {
		w.line("[[confidential.categories]]")
		w.kv("name", w.text(c.Name), "")
		w.kv("examples", w.text(c.Examples), "")
		w.kv("level", QuoteTOML(c.Level), "")
		w.blank()
	}
	w.comment("The register (secret-register): metadata only, never the secret itself.")
	for _, it := range shared.Items {
		w.line("[[confidential.items]]")
		w.kv("id", QuoteTOML(it.ID), "")
		w.kv("name", w.text(it.Name), "")
		w.kv("category", w.text(shared.Categories[it.Category].Name), "")
		w.kv("level", QuoteTOML(it.Level), "")
		w.kv("owner", w.text(it.Owner), "")
		w.kv("location", w.text(it.Location), "")
		w.kv("access", w.text(it.Access), "")
		w.kv("designated", it.Designated, "")
		w.kv("review", it.Review, "next review")
		w.blank()
	}

	w.section("noncompete", "Post-employment non-compete (noncompete; summarised in labour-clause and exit-pledge).")
	w.notes(sj, "noncompete")
	w.kv("enabled", "true", "")
	w.kv("months", strconv.Itoa(sj.NoncompeteMonths), "after employment ends")
	// An unpaid covenant (the English position) writes no compensation at all: the drafts then
	// carry no payment wording.
	if sj.NoncompetePercent > 0 {
		w.kv("compensation_percent", strconv.Itoa(sj.NoncompetePercent), compensationComment(j.Law))
	}
	w.kv("currency", QuoteTOML(jd.Currency), "")
	w.kv("territory", w.text(sj.Territory), "")
	w.kv("scope", w.text(shared.Scope), "the restricted activity, narrowly")
	w.array("roles", shared.Roles)

	if jur == "UK" {
		w.section("uk", "England and Wales only: garden leave and fresh consideration.")
		w.notes(sj, "uk")
		w.kv("garden_leave_months", strconv.Itoa(sj.GardenLeaveMonths), "longest garden leave during notice; 0: no garden-leave clause")
		w.kv("consideration_amount", strconv.Itoa(sj.ConsiderationAmount), "GBP paid for terms agreed after joining")
	}
	w.section("remedies", "Contractual penalty for disclosure or misuse (employee documents): TH, VN, ID, and DE or EU under German law (at most about one month's pay); refused in JP (労働基準法第16条), CN, UK and other EU law.")
	w.notes(sj, "remedies")
	w.kv("penalty", "false", "true adds the penalty clause")
	w.kv("penalty_months", "1", "per breach, months of gross monthly base salary")

	w.section("dispute", "Partner documents (B2B). The jurisdiction's usual institution (legal reference §9.6).")
	w.notes(sj, "dispute")
	w.kv("method", QuoteTOML("arbitration"), "court | arbitration")
	w.kv("institution", w.text(jd.Institution), "")
	w.kv("seat", w.text(jd.Seat), "")
	w.kv("governing_law", w.text(jd.GoverningLaw), "")
	w.blank()
	w.line("[dispute.employee]")
	w.comment("Employee documents.")
	w.notes(sj, "dispute.employee")
	w.kv("method", QuoteTOML(jd.EmployeeMethod), "court | labour-arbitration | arbitration")
	w.kv("forum", w.text(jd.EmployeeForum), "")

	w.section("signing", "Execution.")
	w.notes(sj, "signing")
	w.kv("place", w.text(sj.Place), "")
	w.kv("witnesses", strconv.Itoa(jd.Witnesses), "number of witness lines")
	w.blank()
	for _, s := range []struct {
		party       string
		name, title lt
	}{
		{"company", sj.Company.Representative, sj.Company.Title},
		{"employee", sj.EmployeeName, shared.Position},
		{"counterparty", sj.Counterparty.Representative, sj.Counterparty.Title},
	} {
		w.line("[[signing.signatories]]")
		w.kv("party", QuoteTOML(s.party), "company | employee | counterparty | parent")
		w.kv("name", w.text(s.name), "")
		w.kv("title", w.text(s.title), "")
		w.blank()
	}

	w.section("vars", "Your own values for your own templates: {{ vars.project }}.")
	w.kv("project", QuoteTOML("MS-2026"), "")
	return w.buf.Bytes(), nil
}

type sampleWriter struct {
	buf   bytes.Buffer
	langs []string
}

func (w *sampleWriter) line(s string) { w.buf.WriteString(s + "\n") }
func (w *sampleWriter) blank()        { w.buf.WriteString("\n") }
func (w *sampleWriter) comment(s string) {
	w.line("# " + s)
}

func (w *sampleWriter) section(name, about string) {
	if !bytes.HasSuffix(w.buf.Bytes(), []byte("\n\n")) {
		w.blank()
	}
	w.line("[" + name + "]")
	w.comment(about)
}

func (w *sampleWriter) notes(sj vocab.Sample, section string) {
	for _, l := range sj.Notes[section] {
		w.comment(l)
	}
}

func (w *sampleWriter) kv(key, value, comment string) {
	if comment != "" {
		w.line(key + " = " + value + "  # " + comment)
		return
	}
	w.line(key + " = " + value)
}

func (w *sampleWriter) array(key string, items []lt) {
	w.line(key + " = [")
	for _, it := range items {
		w.line("  " + w.text(it) + ",")
	}
	w.line("]")
}

func (w *sampleWriter) party(p vocab.Party, contact bool) {
	w.kv("name", w.text(p.Name), "")
	w.kv("address", w.text(p.Address), "")
	w.kv("representative", w.text(p.Representative), "")
	w.kv("representative_title", w.text(p.Title), "")
	w.kv("registration_no", QuoteTOML(p.Registration), "")
	if contact && p.Phone != "" {
		w.kv("phone", QuoteTOML(p.Phone), "optional")
		w.kv("email", QuoteTOML(p.Email), "optional")
	}
}

// text writes a text for the chosen languages: one plain string when they are all the same,
// else a table by language in the order of languages.
func (w *sampleWriter) text(t lt) string {
	first := t[w.langs[0]]
	same := true
	for _, l := range w.langs[1:] {
		if t[l] != first {
			same = false
		}
	}
	if same {
		return QuoteTOML(first)
	}
	parts := make([]string, 0, len(w.langs))
	for _, l := range w.langs {
		parts = append(parts, l+" = "+QuoteTOML(t[l]))
	}
	return "{ " + strings.Join(parts, ", ") + " }"
}

func strArray(ss []string) string {
	parts := make([]string, len(ss))
	for i, s := range ss {
		parts[i] = QuoteTOML(s)
	}
	return "[" + strings.Join(parts, ", ") + "]"
}

// QuoteTOML quotes s as a TOML basic string (the sample writer and the web app's profile writer
// share it).
func QuoteTOML(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"':
			b.WriteString(`\"`)
		case r == '\\':
			b.WriteString(`\\`)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\t':
			b.WriteString(`\t`)
		case r < 0x20 || r == 0x7f:
			fmt.Fprintf(&b, `\u%04X`, r)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// compensationComment says what noncompete.compensation_percent is a share of, as the law
// table's drafts word it, and the floor the law sets, if any (legal reference §§ 3, 7.2; only
// what it marks verified or probable). The DE drafts pay a share of the last contractual
// remuneration for each year of the restraint, not of an average monthly wage.
func compensationComment(law string) string {
	switch law {
	case "DE", "EU":
		// The EU sample is under German law and its drafts promise at least one half.
		return "% of the contractual remuneration last received, for each year of the restraint, paid monthly; at least 50, or the covenant does not bind the employee (§ 74 (2) HGB, via § 110 GewO)"
	case "CN":
		return "monthly, % of the average monthly wage of the last 12 months; where none is agreed the employee may claim 30, never below the local minimum wage (法释〔2020〕26号 Art. 36): agree at least that"
	case "JP":
		return "monthly, % of the average monthly wage of the last 12 months; no statutory rate, but the compensation (代償措置) weighs in the covenant's validity (METI handbook, 参考資料5)"
	case "TH":
		return "monthly, % of the average monthly wage of the last 12 months; no statutory rate (the restraint need only be fair and reasonable: Unfair Contract Terms Act B.E. 2540 s.5)"
	default:
		// VN, ID: non-competes are not regulated; the reference's advice is a short, paid covenant.
		// (The UK sample writes no compensation: English law asks for none.)
		return "monthly, % of the average monthly wage of the last 12 months; no statutory rate (non-competes are not regulated: keep them short and paid)"
	}
}
