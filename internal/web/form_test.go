package web

import (
	"net/url"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"

	"github.com/tsdraft/tsdraft/internal/profile"
	"github.com/tsdraft/tsdraft/internal/usecase"
)

// formValues is what a browser posts for the nodes as shown (no edits).
func formValues(nodes []*node) url.Values {
	v := url.Values{}
	var walk func(n *node)
	walk = func(n *node) {
		switch n.Kind {
		case "table", "tables", "texts":
			for _, c := range n.Children {
				walk(c)
			}
		case "text":
			for _, l := range n.Langs {
				v.Set("v."+n.Path+"@"+l, n.Texts[l])
			}
		case "strings":
			for i, s := range n.Slots {
				v.Set("v."+n.Path+"."+itoa(i), s)
			}
		default:
			v.Set("v."+n.Path, n.Value)
		}
	}
	for _, n := range nodes {
		walk(n)
	}
	return v
}

func itoa(i int) string { return strings.TrimSpace(strings.Repeat(" ", 0) + string(rune('0'+i))) }

func sampleDoc(t *testing.T, jur string) map[string]any { return sampleDocB(t, jur) }

func sampleDocB(t testing.TB, jur string) map[string]any {
	t.Helper()
	src, err := profile.Sample(jur, nil)
	if err != nil {
		t.Fatal(err)
	}
	var doc map[string]any
	if _, err := toml.Decode(string(src), &doc); err != nil {
		t.Fatal(err)
	}
	return normalizeDoc(doc)
}

// The form shows every value of every sample, and posting it back unchanged gives a profile
// with the same template data as the sample, with no problem: nothing is lost or changed on
// the way through the browser.
func TestFormRoundTripKeepsEverySample(t *testing.T) {
	for _, jur := range profile.Jurisdictions {
		t.Run(jur, func(t *testing.T) {
			src, _ := profile.Sample(jur, nil)
			want, wds := profile.Decode("sample.toml", src, nil)
			if wds.HasErrors() {
				t.Fatalf("sample has errors: %v", wds)
			}
			doc := sampleDoc(t, jur)
			nodes := buildForm(doc, formLangs(doc))
			back := readForm(formValues(nodes))
			c := checkDoc(usecase.Env{}, back, nil, nil)
			if c.errors > 0 {
				t.Fatalf("%d errors after the round trip:\n%s\n%s", c.errors, c.diags, c.src)
			}
			if !reflect.DeepEqual(want.Data(), c.p.Data()) {
				t.Errorf("data differs after the round trip\nsaved:\n%s", c.src)
			}
			// And the saved file is read by the CLI's decoder as it is.
			again, ds := profile.Decode("again.toml", c.src, nil)
			if ds.HasErrors() || !reflect.DeepEqual(want.Data(), again.Data()) {
				t.Errorf("saved file does not decode to the same profile: %v", ds)
			}
		})
	}
}

// A wrong value typed in the form is reported at that field, with the message `check` gives.
func TestProblemShownAtItsField(t *testing.T) {
	for _, tc := range []struct {
		jur, path, value, want string
	}{
		{"CN", "noncompete.months", "30", "exceeds the statutory maximum of 24 months"},
		{"CN", "noncompete.months", "twelve", "must be an integer"},
		{"TH", "jurisdiction", "XX", "XX"},
		{"DE", "employee.hire_date", "2026-02-30", "hire_date"},
		{"JP", "dispute.employee.method", "arbitration", "arbitration"},
		{"CN", "confidential.items.0.level", "L9", "L9"},
	} {
		t.Run(tc.jur+"/"+tc.path, func(t *testing.T) {
			doc := sampleDoc(t, tc.jur)
			form := formValues(buildForm(doc, formLangs(doc)))
			form.Set("v."+tc.path, tc.value)
			c := checkDoc(usecase.Env{}, readForm(form), nil, nil)
			if c.errors == 0 {
				t.Fatalf("no error for %s = %q", tc.path, tc.value)
			}
			got := c.byPath[tc.path]
			if strings.Count(tc.path, ".") == 3 { // an item field left empty: the item reports it
				got = append(got, c.byPath[tc.path[:strings.LastIndexByte(tc.path, '.')]]...)
			}
			var msgs []string
			for _, d := range got {
				msgs = append(msgs, d.Message)
			}
			if !strings.Contains(strings.Join(msgs, "\n"), tc.want) {
				t.Errorf("at %s: %q; want a message containing %q (general: %v; all: %v)", tc.path, msgs, tc.want, c.general, c.diags)
			}
		})
	}
}

// Items removed in the browser leave gaps in the numbering; the items that stay keep their
// order and the gaps close.
func TestRemovedItemsCloseUp(t *testing.T) {
	form := url.Values{}
	form.Set("v.employee.access.0@ja", "A")
	form.Set("v.employee.access.9001@ja", "C")
	form.Set("v.employee.access.2@ja", "B")
	form.Set("v.employee.access.5@ja", "  ")
	doc := readForm(form)
	got := doc["employee"].(map[string]any)["access"]
	if !reflect.DeepEqual(got, []any{"A", "B", "C"}) {
		t.Errorf("access = %v; want [A B C]", got)
	}
}

// A text edited in one language only becomes a table by language; the same text everywhere
// stays one plain string.
func TestTextPerLanguage(t *testing.T) {
	form := url.Values{}
	form.Set("v.company.name@ja", "港精工")
	form.Set("v.company.name@en", "Minato Seiko")
	form.Set("v.company.address@ja", "Tokyo")
	form.Set("v.company.address@en", "Tokyo")
	doc := readForm(form)
	co := doc["company"].(map[string]any)
	if !reflect.DeepEqual(co["name"], map[string]any{"ja": "港精工", "en": "Minato Seiko"}) || co["address"] != "Tokyo" {
		t.Errorf("company = %#v", co)
	}
}

// A hand-written file with a key the form cannot show is opened with a notice saying that key
// would not be kept, never silently dropped.
func TestOpenNamesValuesTheFormCannotShow(t *testing.T) {
	s := newTestServer(t, nil)
	c := login(t, s)
	src, _ := profile.Sample("CN", nil)
	src = append(src, []byte("\n[extra]\nnote = \"keep me\"\n")...)
	src = []byte(strings.Replace(string(src), "[company]\n", "[company]\nnickname = \"MS\"\n", 1))
	if err := os.WriteFile(filepath.Join(s.o.DataDir, "hand.toml"), src, 0o600); err != nil {
		t.Fatal(err)
	}
	body := c.get("/profile/open?name=hand").Body.String()
	for _, k := range []string{"extra is in the file", "company.nickname is in the file"} {
		if !strings.Contains(body, k) {
			t.Errorf("open does not say %q", k)
		}
	}
	if got := notInForm(sampleDoc(t, "TH")); len(got) != 0 {
		t.Errorf("a sample has values the form cannot show: %v", got)
	}
}

// Only texts' keys count as languages: a level's "id" is not Indonesian.
func TestFormLangsOnlyFromTexts(t *testing.T) {
	for _, jur := range profile.Jurisdictions {
		doc := sampleDoc(t, jur)
		got := formLangs(doc)
		want := profile.SampleLanguages(jur)
		if !reflect.DeepEqual(sorted(got), sorted(want)) {
			t.Errorf("%s: form languages %v, sample languages %v", jur, got, want)
		}
	}
}

func sorted(s []string) []string {
	out := append([]string(nil), s...)
	slices.Sort(out)
	return out
}
