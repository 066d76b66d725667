package profile

import (
	"testing"
)

func TestScanPositions(t *testing.T) {
	src := `# comment with = and [brackets]
jurisdiction = "CN"   # trailing
a.b . "c.d" = 1
name = { zh-CN = "湊精工", ja = 'x' }
list = [
  "one", # a comment
  { k = "v" },
  [1, 2],
]
ml = """
[not.a.table]
x = 1"""
lit = '''
still = "string"'''

[company]
name = "湊精工（上海）有限公司"
  address = "上海"

[[confidential.levels]]
id = "L1"
label = { zh-CN = "核心商密", ja = "極秘" }

[[confidential.levels]]
id = "L2"

[confidential.levels.extra]
z = 1

[[a.arr]]
[[a.arr.sub]]
q = 1
[[a.arr]]
[[a.arr.sub]]
q = 2
"quoted key" = 3
`
	ix := scanPositions("p.toml", []byte(src))
	for _, c := range []struct {
		path     string
		line     int
		keyCol   int
		valueCol int // 0: not checked
	}{
		{"jurisdiction", 2, 1, 16},
		{"a.b.c.d", 3, 1, 15}, // the quoted segment "c.d" is one key; joined it reads a.b.c.d
		{"a", 3, 1, 0},
		{"name", 4, 1, 8},
		{"name.zh-CN", 4, 10, 18},
		{"name.ja", 4, 25, 30},
		{"list.0", 6, 3, 3},
		{"list.1", 7, 3, 3},
		{"list.1.k", 7, 5, 9},
		{"list.2.1", 8, 7, 7},
		{"ml", 10, 1, 6},
		{"lit", 13, 1, 7},
		{"company", 16, 1, 0},
		{"company.name", 17, 1, 8},
		{"company.address", 18, 3, 13},
		{"confidential", 20, 1, 0},
		{"confidential.levels.0", 20, 1, 0},
		{"confidential.levels.0.label.ja", 22, 27, 32},
		{"confidential.levels.1", 24, 1, 0},
		{"confidential.levels.1.id", 25, 1, 6},
		{"confidential.levels.1.extra.z", 28, 1, 5},
		{"a.arr.0.sub.0.q", 32, 1, 5},
		{"a.arr.1.sub.0.q", 35, 1, 5},
		{"a.arr.1.sub.0.quoted key", 36, 1, 16},
	} {
		kp, ok := ix.m[c.path]
		if !ok {
			t.Errorf("%s: not found", c.path)
			continue
		}
		if kp.Key.Line != c.line || kp.Key.Col != c.keyCol {
			t.Errorf("%s: key at %d:%d, want %d:%d", c.path, kp.Key.Line, kp.Key.Col, c.line, c.keyCol)
		}
		if c.valueCol != 0 && (kp.Val.Line != c.line || kp.Val.Col != c.valueCol) {
			t.Errorf("%s: value at %d:%d, want %d:%d", c.path, kp.Val.Line, kp.Val.Col, c.line, c.valueCol)
		}
	}
	for _, p := range []string{"not", "not.a.table", "x", "still"} {
		if _, ok := ix.m[p]; ok {
			t.Errorf("%s was found inside a multi-line string", p)
		}
	}
	// A key that is not written falls back to its nearest written ancestor, then the file top.
	if got := ix.at([]string{"company", "phone"}, true); got.Line != 16 || got.Col != 1 {
		t.Errorf("company.phone falls back to %v, want the [company] header", got)
	}
	if got := ix.at([]string{"signing", "place"}, false); got != (Pos{File: "p.toml", Line: 1, Col: 1}) {
		t.Errorf("signing.place falls back to %v, want p.toml:1:1", got)
	}
}

// Columns count characters, not bytes, so they match an editor on CJK and Thai lines.
func TestColumnsAreCharacters(t *testing.T) {
	src := "name = { th = \"บริษัท\", ja = \"株式会社\" }\n"
	ix := scanPositions("p.toml", []byte(src))
	if got := ix.m["name.ja"].Key.Col; got != 25 { // บริษัท is six characters
		t.Errorf("name.ja at column %d, want 25", got)
	}
	p, ds := Decode("p.toml", []byte("jurisdiction = \"JP\"\nx = \"株式会社\" y\n"), nil)
	if p != nil || len(ds) != 1 || ds[0].Line != 2 || ds[0].Col != 11 {
		t.Errorf("syntax error after CJK text: %v", ds)
	}
}

// Every key the init samples write is a key of the schema (so `check` and editors accept it).
func TestSampleKeysInSchema(t *testing.T) {
	for _, j := range Jurisdictions {
		src, err := Sample(j, nil)
		if err != nil {
			t.Fatal(err)
		}
		ix := scanPositions("s.toml", src)
		if len(ix.m) < 100 {
			t.Fatalf("%s: only %d keys scanned", j, len(ix.m))
		}
		for k := range ix.m {
			if FieldAt(splitPath(k)) == nil {
				t.Errorf("%s sample writes %s, which the schema lacks", j, k)
			}
		}
	}
}

// A Profile built by hand (not decoded) still gives places and data without panicking.
func TestZeroProfile(t *testing.T) {
	var p Profile
	if d := p.Diag(Error, "X", "a.b", "m", "h"); d.Line != 1 || d.Col != 1 {
		t.Errorf("diag = %+v", d)
	}
	if d := p.Data(); d["dispute"] == nil {
		t.Errorf("data = %v", d)
	}
	_ = p.CheckFor(nil, nil)
}
