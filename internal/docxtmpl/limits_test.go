package docxtmpl

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

// TestTagsPerParagraph: 100,000 tags in one paragraph are refused at once, with the place;
// the limit itself still renders.
func TestTagsPerParagraph(t *testing.T) {
	start := time.Now()
	pkg := buildDocx(t, p(strings.Repeat("{{ company.name }}", 100000)), nil)
	_, err := Parse("big.docx", pkg, testFuncs)
	if err == nil || !strings.Contains(err.Error(), `word/document.xml: paragraph "{{ company.name }}`) ||
		!strings.Contains(err.Error(), "100000 tags in one paragraph, more than the 1000 allowed; split the paragraph") {
		t.Fatalf("want a limit error with the place, got %.300v", err)
	}
	if d := time.Since(start); d > 10*time.Second {
		t.Errorf("refusing took %v", d)
	}
	got, err := run(t, p(strings.Repeat("{{ company.name }}", MaxTagsPerParagraph)), testData(), "ja")
	if err != nil {
		t.Fatalf("%d tags refused: %v", MaxTagsPerParagraph, err)
	}
	if n := strings.Count(got, "株式会社"); n != MaxTagsPerParagraph {
		t.Errorf("%d values written, want %d", n, MaxTagsPerParagraph)
	}
}

// TestTagsPerPart: many small paragraphs add up.
func TestTagsPerPart(t *testing.T) {
	var b strings.Builder
	for i := 0; i <= MaxTagsPerPart/10; i++ {
		b.WriteString(p(strings.Repeat("{{ company.name }}", 10)))
	}
	_, err := Parse("big.docx", buildDocx(t, b.String(), nil), testFuncs)
	if err == nil || !strings.Contains(err.Error(), "word/document.xml: 20010 tags, more than the 20000 allowed in one part") {
		t.Fatalf("want a part limit error, got %.300v", err)
	}
}

// TestTextExpansionIsBounded: texts that each call the next ten times would render 10^8
// copies within the depth cap of 8; the budget stops them.
func TestTextExpansionIsBounded(t *testing.T) {
	texts := map[string]string{"w8": "0123456789"}
	for i := 7; i >= 0; i-- {
		texts[fmt.Sprintf("w%d", i)] = strings.Repeat(fmt.Sprintf(`{{ t "w%d" }}`, i+1), 10)
	}
	texts["small"] = `{{ t "w5" }}` // 10^3 copies: fine
	tfunc := func(c *Call) (string, error) {
		key, _ := c.Args[0].(string)
		return c.Render(texts[key])
	}
	exec := func(body string) (string, error) {
		tpl, err := Parse("t.docx", buildDocx(t, body, nil), testFuncs)
		if err != nil {
			return "", err
		}
		out, err := tpl.Execute(testData(), Options{Lang: "ja", Funcs: map[string]Func{"t": tfunc}})
		if err != nil {
			return "", err
		}
		b, err := out.Read("word/document.xml")
		return string(b), err
	}
	got, err := exec(p(`{{ t "small" }}`))
	if err != nil || strings.Count(got, "0123456789") != 1000 {
		t.Fatalf("small expansion: %v", err)
	}
	start := time.Now()
	_, err = exec(p(`{{ t "w0" }}`))
	if err == nil || !strings.Contains(err.Error(), `{{ t "w0" }}`) || !strings.Contains(err.Error(), "expand to more than 16 MiB") {
		t.Fatalf("want an expansion error naming the tag, got %.400v", err)
	}
	if d := time.Since(start); d > 10*time.Second {
		t.Errorf("stopping the expansion took %v", d)
	}
}

func TestTagsPerText(t *testing.T) {
	tfunc := func(c *Call) (string, error) {
		return c.Render(strings.Repeat("{{ company.name }}", MaxTagsPerParagraph+1))
	}
	tpl, err := Parse("t.docx", buildDocx(t, p(`{{ t "x" }}`), nil), testFuncs)
	if err != nil {
		t.Fatal(err)
	}
	_, err = tpl.Execute(testData(), Options{Lang: "ja", Funcs: map[string]Func{"t": tfunc}})
	if err == nil || !strings.Contains(err.Error(), "1001 tags in one text, more than the 1000 allowed") {
		t.Fatalf("want a text limit error, got %.300v", err)
	}
}
