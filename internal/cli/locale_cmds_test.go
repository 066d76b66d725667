package cli

import (
	"bytes"
	"reflect"
	"testing"
)

// These tests check flag parsing only (runF stands in for the core); the commands' behaviour
// is tested by running the binary in internal/translate/cli_test.go.

func TestLocaleExportFlags(t *testing.T) {
	ios := &IO{Out: &bytes.Buffer{}, Err: &bytes.Buffer{}}
	var got *localeExportOptions
	cmd := newLocaleExportCmd(ios, func(o *localeExportOptions) error { got = o; return nil })
	cmd.SetArgs([]string{"--lang", "de", "--only", "missing,stale", "-o", "de.xlf", "--locales", "a", "--locales", "b", "--no-embedded", "--force"})
	if err := cmd.Execute(); err != nil {
		t.Fatal(err)
	}
	want := localeExportOptions{IO: ios, Source: localeSource{Dirs: []string{"a", "b"}, NoEmbedded: true},
		Lang: "de", Format: "xliff", Profile: "generic", Only: []string{"missing", "stale"}, Output: "de.xlf", Force: true}
	if !reflect.DeepEqual(*got, want) {
		t.Errorf("options = %+v\nwant %+v", *got, want)
	}
}

func TestLocaleImportAndMarkCurrentFlags(t *testing.T) {
	ios := &IO{Out: &bytes.Buffer{}, Err: &bytes.Buffer{}}
	var imp *localeImportOptions
	cmd := newLocaleImportCmd(ios, func(o *localeImportOptions) error { imp = o; return nil })
	cmd.SetArgs([]string{"de.xlf"})
	if err := cmd.Execute(); err != nil {
		t.Fatal(err)
	}
	if imp.File != "de.xlf" || imp.Dir != "locales" || imp.DryRun || imp.NoEmbedded {
		t.Errorf("import defaults: %+v", imp)
	}

	var mc *localeMarkCurrentOptions
	cmd = newLocaleMarkCurrentCmd(ios, func(o *localeMarkCurrentOptions) error { mc = o; return nil })
	cmd.SetArgs([]string{"--lang", "th", "--locales", "x", "common.prevailing", "CN/law.ts_act"})
	if err := cmd.Execute(); err != nil {
		t.Fatal(err)
	}
	if mc.Lang != "th" || mc.Dir != "x" || mc.All || !reflect.DeepEqual(mc.Keys, []string{"common.prevailing", "CN/law.ts_act"}) {
		t.Errorf("mark-current options: %+v", mc)
	}
}

func TestLocaleCommandTree(t *testing.T) {
	root := NewRootCmd(&IO{Out: &bytes.Buffer{}, Err: &bytes.Buffer{}})
	for _, name := range []string{"status", "check", "export", "import", "mark-current"} {
		c, _, err := root.Find([]string{"locale", name})
		if err != nil || c.Name() != name {
			t.Errorf("tsdraft locale %s: not found (%v)", name, err)
		}
	}
}
