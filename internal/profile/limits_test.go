package profile

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestProfileShapeLimits(t *testing.T) {
	cases := []struct {
		name, src string
		line, col int
		want      string
	}{
		{"nested arrays", "jurisdiction = \"JP\"\n[vars]\nx = " + strings.Repeat("[", 100000) + strings.Repeat("]", 100000), 3, 5 + MaxNesting, "arrays or tables nested more than 32 deep"},
		{"nested inline tables", "x = " + strings.Repeat("{a = ", 40) + "1" + strings.Repeat("}", 40), 1, 5 + 5*MaxNesting, "nested more than 32 deep"},
		{"dotted key", strings.Repeat("a.", 100000) + "b = 1", 1, 2 * MaxKeySegments, "a dotted key of more than 32 parts"},
		{"quoted segments", strings.Repeat(`"a".`, 40) + "b = 1", 1, 4 * MaxKeySegments, "a dotted key of more than 32 parts"},
		{"table header", "[" + strings.Repeat("a.", 40) + "b]", 1, 1 + 2*MaxKeySegments, "a dotted key"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			start := time.Now()
			p, ds := Decode("p.toml", []byte(c.src), nil)
			if d := time.Since(start); d > 2*time.Second {
				t.Errorf("took %v", d)
			}
			if p != nil || len(ds) != 1 || ds[0].Rule != "PROFILE-LIMIT" || !strings.Contains(ds[0].Message, c.want) {
				t.Fatalf("want one PROFILE-LIMIT diagnostic %q, got %v", c.want, ds)
			}
			if ds[0].Line != c.line || ds[0].Col != c.col {
				t.Errorf("at %d:%d, want %d:%d", ds[0].Line, ds[0].Col, c.line, c.col)
			}
		})
	}
}

// Brackets and dots inside strings and comments are text, not structure.
func TestProfileShapeIgnoresStringsAndComments(t *testing.T) {
	deep := strings.Repeat("[", 100) + strings.Repeat(".", 100)
	src := "x = \"" + deep + "\"\ny = '" + deep + "'\nz = \"\"\"\n" + deep + "\n\"\"\"\nw = '''" + deep + "'''\n# " + deep + "\nv = \"a\\\"" + deep + "\"\nu = 1.5\n"
	if le := checkShape([]byte(src)); le != nil {
		t.Fatalf("refused: %+v", le)
	}
	// a profile as tsdraft writes it passes
	for _, jur := range Jurisdictions {
		src, err := Sample(jur, nil)
		if err != nil {
			t.Fatal(err)
		}
		if le := checkShape(src); le != nil {
			t.Errorf("%s sample refused: %+v", jur, le)
		}
	}
}

func TestSetLimits(t *testing.T) {
	_, err := ParseSet(strings.Repeat("a.", 40) + "b=1")
	if err == nil || !strings.Contains(err.Error(), "a key path of 41 parts; at most 32") {
		t.Errorf("long path: %v", err)
	}
	_, err = ParseSet("vars.x=" + strings.Repeat("[", 100000) + strings.Repeat("]", 100000))
	if err == nil || !strings.Contains(err.Error(), "column 40: arrays or tables nested more than 32 deep") {
		t.Errorf("deep value: %v", err)
	}
	if st, err := ParseSet("vars.note=Wait" + strings.Repeat(".", 50)); err != nil || st.Value != "Wait"+strings.Repeat(".", 50) {
		t.Errorf("an unquoted text with many dots is a text: %v %v", st.Value, err)
	}
	if _, err := ParseSet("confidential.levels.0.label.ja=\"極秘\""); err != nil {
		t.Error(err)
	}
}

func TestSetErrorsQuoteLongArgumentsShort(t *testing.T) {
	arg := "vars.x=" + strings.Repeat("[", 100000) + strings.Repeat("]", 100000)
	_, ds := SetOverlays([]string{arg})
	if len(ds) != 1 || len(ds[0].Message) > 300 || ds[0].Col != 40 || !strings.Contains(ds[0].Message, "arrays or tables nested more than 32 deep") {
		t.Errorf("want a short message, got %.400v", ds)
	}
}

func TestLoadRefusesHugeProfile(t *testing.T) {
	p := filepath.Join(t.TempDir(), "p.toml")
	f, _ := os.Create(p)
	f.Truncate(MaxProfileSize + 1)
	f.Close()
	_, ds, err := Load(p, nil)
	if err != nil || len(ds) != 1 || !strings.Contains(ds[0].Message, "a profile is at most 8 MiB") {
		t.Errorf("want a size diagnostic, got %v %v", ds, err)
	}
}
