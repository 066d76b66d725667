package profile_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/BurntSushi/toml"

	"github.com/tsdraft/tsdraft/internal/profile"
)

// The init sample of every jurisdiction passes every check of every document, as written.
func TestSamplesPassCheck(t *testing.T) {
	for _, j := range profile.Jurisdictions {
		src, err := profile.Sample(j, nil)
		if err != nil {
			t.Fatalf("%s: %v", j, err)
		}
		if ds := checkAll(j+".toml", src, nil, nil); len(ds) > 0 {
			t.Errorf("%s sample: %v", j, ds.Sorted())
		}
		p, _ := profile.Decode(j+".toml", src, nil)
		if !slices.Equal(p.Languages, profile.DefaultLanguages(j)) {
			t.Errorf("%s sample languages %v", j, p.Languages)
		}
		c := p.Confidential
		if len(c.Levels) != 3 || len(c.Categories) < 4 || len(c.Items) < 4 || len(p.Employee.Access) == 0 ||
			len(p.Employee.Materials) == 0 || !p.Noncompete.Enabled || len(p.Signing.Signatories) < 2 {
			t.Errorf("%s sample is not complete: %+v", j, p)
		}
		for _, l := range p.Languages {
			if s, ok := p.Company.Name.In(l); !ok || s == "" {
				t.Errorf("%s sample has no company name in %s", j, l)
			}
		}
	}
}

// Every language choice init accepts gives a sample that is clean, except where the law needs a
// language (ID: Indonesian; TH: Thai work rules), which init then refuses.
func TestSampleLanguageChoices(t *testing.T) {
	for _, j := range profile.Jurisdictions {
		tl := profile.SampleLanguages(j)
		var choices [][]string
		for _, a := range tl {
			choices = append(choices, []string{a})
			for _, b := range tl {
				if a != b {
					choices = append(choices, []string{a, b})
				}
			}
		}
		for _, langs := range choices {
			src, err := profile.Sample(j, langs)
			if err != nil {
				t.Fatalf("%s %v: %v", j, langs, err)
			}
			for _, d := range checkAll("p.toml", src, nil, nil) {
				switch d.Rule {
				case "ID-LANG-001", "TH-LANG-001", "ID-LANG-002", "CN-LANG-001", "CN-LANG-002", "DE-LANG-001", "VN-LANG-002":
				default:
					t.Errorf("%s %v: %v", j, langs, d)
				}
			}
		}
	}
	for _, c := range []struct {
		jur   string
		langs []string
		want  string
	}{
		{"XX", nil, `unknown jurisdiction "XX"`},
		{"CN", []string{"de"}, "not one of them"},
		{"CN", []string{"zh"}, `did you mean "zh-CN"?`},
		{"CN", []string{"zh-CN", "ja", "en"}, "one or two"},
		{"CN", []string{"ja", "ja"}, "twice"},
	} {
		if _, err := profile.Sample(c.jur, c.langs); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("Sample(%s, %v) error = %v, want %q", c.jur, c.langs, err, c.want)
		}
	}
}

func TestSampleDeterministic(t *testing.T) {
	a, _ := profile.Sample("TH", nil)
	b, _ := profile.Sample("TH", nil)
	if !bytes.Equal(a, b) {
		t.Error("two samples differ")
	}
}

// The JSON Schema is valid JSON, stable (golden file), and accepts every init sample.
func TestJSONSchema(t *testing.T) {
	got := profile.JSONSchema()
	if !bytes.Equal(got, profile.JSONSchema()) {
		t.Fatal("schema output is not stable")
	}
	const golden = "testdata/schema.json"
	if *update {
		if err := os.WriteFile(golden, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test -update)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("schema differs from %s; review the change and run go test -update", golden)
	}
	var schema map[string]any
	if err := json.Unmarshal(got, &schema); err != nil {
		t.Fatal(err)
	}
	if schema["$schema"] != "https://json-schema.org/draft/2020-12/schema" {
		t.Errorf("$schema = %v", schema["$schema"])
	}
	for _, j := range profile.Jurisdictions {
		for _, langs := range [][]string{nil, profile.SampleLanguages(j)[:1]} {
			src, _ := profile.Sample(j, langs)
			var doc map[string]any
			if _, err := toml.Decode(string(src), &doc); err != nil {
				t.Fatal(err)
			}
			v := &validator{root: schema}
			v.check(schema, jsonish(doc), "")
			for _, e := range v.errs {
				t.Errorf("%s %v: %s", j, langs, e)
			}
		}
	}
	// The validator rejects what the schema forbids.
	v := &validator{root: schema}
	v.check(schema, jsonish(map[string]any{
		"jurisdiction": "FR", "languages": []any{"ja", "ja"}, "colour": "red",
		"company":    map[string]any{"name": map[string]any{"jp": "x"}},
		"noncompete": map[string]any{"months": int64(200)},
	}), "")
	if len(v.errs) != 5 {
		t.Errorf("validator found %d problems, want 5: %q", len(v.errs), v.errs)
	}
}

// jsonish turns decoded TOML into what a JSON Schema sees: dates become strings.
func jsonish(v any) any {
	switch x := v.(type) {
	case map[string]any:
		out := map[string]any{}
		for k, e := range x {
			out[k] = jsonish(e)
		}
		return out
	case []map[string]any:
		out := []any{}
		for _, e := range x {
			out = append(out, jsonish(e))
		}
		return out
	case []any:
		out := []any{}
		for _, e := range x {
			out = append(out, jsonish(e))
		}
		return out
	case time.Time:
		return x.Format("2006-01-02")
	case int64:
		return float64(x)
	}
	return v
}

// validator is a small structural JSON Schema checker: the keywords the profile schema uses.
type validator struct {
	root map[string]any
	errs []string
}

func (v *validator) fail(path, format string, args ...any) {
	v.errs = append(v.errs, path+": "+fmt.Sprintf(format, args...))
}

func (v *validator) check(s map[string]any, x any, path string) {
	if ref, ok := s["$ref"].(string); ok {
		name := strings.TrimPrefix(ref, "#/$defs/")
		v.check(v.root["$defs"].(map[string]any)[name].(map[string]any), x, path)
	}
	if one, ok := s["oneOf"].([]any); ok {
		n := 0
		for _, alt := range one {
			sub := &validator{root: v.root}
			sub.check(alt.(map[string]any), x, path)
			if len(sub.errs) == 0 {
				n++
			}
		}
		if n != 1 {
			v.fail(path, "matches %d of oneOf", n)
		}
	}
	if enum, ok := s["enum"].([]any); ok && !slices.Contains(enum, x) {
		v.fail(path, "%v not in enum", x)
	}
	switch s["type"] {
	case "object":
		m, ok := x.(map[string]any)
		if !ok {
			v.fail(path, "not an object")
			return
		}
		props, _ := s["properties"].(map[string]any)
		for k, e := range m {
			if ps, ok := props[k].(map[string]any); ok {
				v.check(ps, e, path+"."+k)
			} else if s["additionalProperties"] == false {
				v.fail(path, "unknown key %q", k)
			}
		}
		if min, ok := s["minProperties"].(float64); ok && float64(len(m)) < min {
			v.fail(path, "too few keys")
		}
	case "array":
		a, ok := x.([]any)
		if !ok {
			v.fail(path, "not an array")
			return
		}
		if items, ok := s["items"].(map[string]any); ok {
			for i, e := range a {
				v.check(items, e, fmt.Sprintf("%s[%d]", path, i))
			}
		}
		if max, ok := s["maxItems"].(float64); ok && float64(len(a)) > max {
			v.fail(path, "too many items")
		}
		if s["uniqueItems"] == true {
			for i := range a {
				if slices.Contains(a[:i], a[i]) {
					v.fail(path, "duplicate item %v", a[i])
				}
			}
		}
	case "string":
		str, ok := x.(string)
		if !ok {
			v.fail(path, "not a string")
			return
		}
		if p, ok := s["pattern"].(string); ok && !regexp.MustCompile(p).MatchString(str) {
			v.fail(path, "does not match %s", p)
		}
		if s["format"] == "date" {
			if _, err := time.Parse("2006-01-02", str); err != nil {
				v.fail(path, "not a date")
			}
		}
	case "integer", "number":
		n, ok := x.(float64)
		if !ok || s["type"] == "integer" && n != float64(int64(n)) {
			v.fail(path, "not a %s", s["type"])
			return
		}
		if min, ok := s["minimum"].(float64); ok && n < min {
			v.fail(path, "below minimum")
		}
		if max, ok := s["maximum"].(float64); ok && n > max {
			v.fail(path, "above maximum")
		}
	case "boolean":
		if _, ok := x.(bool); !ok {
			v.fail(path, "not a boolean")
		}
	}
}

// The comment on noncompete.compensation_percent states what the jurisdiction's drafts pay a
// share of and the floor its law sets (practitioner audit DE+EU): DE/EU a share of the last
// contractual remuneration per year of restraint, at least half (§ 74 (2) HGB); CN at least 30 %
// and the local minimum wage; elsewhere no statutory rate. The UK sample is unpaid (no key).
func TestSampleCompensationComment(t *testing.T) {
	line := regexp.MustCompile(`(?m)^compensation_percent = (\d+)  # (.*)$`)
	for _, c := range []struct {
		jur          string
		want, wantNo []string
	}{
		{"DE", []string{"contractual remuneration last received", "for each year of the restraint", "at least 50", "§ 74 (2) HGB"}, []string{"average monthly wage", "no statutory rate"}},
		{"EU", []string{"contractual remuneration last received", "at least 50", "§ 74 (2) HGB"}, []string{"average monthly wage"}},
		{"CN", []string{"average monthly wage of the last 12 months", "where none is agreed the employee may claim 30", "local minimum wage", "Art. 36"}, []string{"no statutory rate"}},
		{"JP", []string{"average monthly wage", "no statutory rate", "代償措置"}, []string{"HGB", "at least"}},
		{"TH", []string{"no statutory rate", "s.5"}, []string{"HGB", "at least"}},
		{"VN", []string{"no statutory rate"}, []string{"HGB", "at least"}},
		{"ID", []string{"no statutory rate"}, []string{"HGB", "at least"}},
	} {
		src, err := profile.Sample(c.jur, nil)
		if err != nil {
			t.Fatal(err)
		}
		m := line.FindStringSubmatch(string(src))
		if m == nil {
			t.Errorf("%s sample: no commented compensation_percent line", c.jur)
			continue
		}
		for _, s := range c.want {
			if !strings.Contains(m[2], s) {
				t.Errorf("%s: comment %q lacks %q", c.jur, m[2], s)
			}
		}
		for _, s := range c.wantNo {
			if strings.Contains(m[2], s) {
				t.Errorf("%s: comment %q says %q", c.jur, m[2], s)
			}
		}
		// The sample's own rate meets the floor its comment states.
		rate, _ := strconv.Atoi(m[1])
		if (c.jur == "DE" || c.jur == "EU") && rate < 50 || c.jur == "CN" && rate < 30 {
			t.Errorf("%s: sample rate %s is below the floor its comment states", c.jur, m[1])
		}
	}
	src, err := profile.Sample("UK", nil)
	if err != nil {
		t.Fatal(err)
	}
	if line.Match(src) {
		t.Error("UK sample writes a compensation rate; English law asks for none")
	}
}
