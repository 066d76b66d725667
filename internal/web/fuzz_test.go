package web

import (
	"github.com/tsdraft/tsdraft/internal/usecase"
	"net/url"
	"testing"

	"github.com/BurntSushi/toml"
)

// FuzzReadForm feeds arbitrary form posts through the form reader, the TOML writer and the
// checks: nothing panics, and whatever the browser sends, the file written is valid TOML
// (a bad value is a diagnostic at its field, never a file the CLI cannot read).
func FuzzReadForm(f *testing.F) {
	f.Add("v.jurisdiction=CN&v.noncompete.months=30")
	f.Add("v.company.name%40ja=%E6%B8%AF&v.company.name%40en=Minato&v.employee.access.3%40ja=x&v.employee.access.1%40ja=y")
	f.Add("v.vars=project+%3D+%22x%22%0A%5Bnested%5D%0Aa%3D1")
	f.Add("v.vars=%5B%5B%5B&v.date=2026-02-30&v.languages.0=th&v.languages.1=xx")
	f.Add("v.confidential.levels.0.label%40ja=%22%5C%0A%0D%09&v.confidential.levels.99999999999.id=L1&v.signing.witnesses=-1e400")
	f.Add("v.company.name%40de=%00%7F%EF%BF%BE&v.employee.hire_date=%E2%80%AE&v.noncompete.enabled=maybe")
	f.Fuzz(func(t *testing.T, q string) {
		form, err := url.ParseQuery(q)
		if err != nil {
			return
		}
		doc := readForm(form)
		c := checkDoc(usecase.Env{}, doc, nil, nil)
		var m map[string]any
		if _, err := toml.Decode(string(c.src), &m); err != nil {
			t.Fatalf("written profile is not TOML: %v\n%s", err, c.src)
		}
		_ = buildForm(doc, formLangs(doc))
	})
}
