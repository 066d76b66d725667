package docxtmpl

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"io/fs"
	"regexp"
	"strings"
	"testing"

	"github.com/tsdraft/tsdraft/internal/docx"
)

func testPNG(t testing.TB, w, h int) []byte {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for x := 0; x < w; x++ {
		img.Set(x, h/2, color.RGBA{200, 0, 0, 255})
	}
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func renderImages(t *testing.T, body, header string, files map[string][]byte) (*docx.Package, error) {
	return renderImagesWith(t, body, header, files, map[string]string{})
}

func renderImagesWith(t *testing.T, body, header string, files map[string][]byte, extra map[string]string) (*docx.Package, error) {
	t.Helper()
	if header != "" {
		extra["word/header1.xml"] = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:hdr ` + wNS + `>` + header + `</w:hdr>`
	}
	tpl, err := Parse("t.docx", buildDocx(t, body, extra), nil)
	if err != nil {
		return nil, err
	}
	data := testData()
	data["vars"].(map[string]any)["logo"] = "img/logo.png"
	data["vars"].(map[string]any)["text"] = "img/notes.txt"
	return tpl.Execute(data, Options{Lang: "ja", ReadFile: func(p string) ([]byte, error) {
		if b, ok := files[p]; ok {
			return b, nil
		}
		return nil, fmt.Errorf("%s: %w", p, fs.ErrNotExist)
	}})
}

func TestImages(t *testing.T) {
	files := map[string][]byte{"img/logo.png": testPNG(t, 40, 20), "img/notes.txt": []byte("not an image")}
	body := p("Logo: {{ vars.logo | image }} end") + p("{{#each items}}") + p(`{{ image vars.logo "10mm" }}`) + p("{{/each}}")
	out, err := renderImages(t, body, p(`{{ vars.logo | image "20mm" "5mm" }}`), files)
	if err != nil {
		t.Fatal(err)
	}
	doc, _ := out.Read("word/document.xml")
	hdr, _ := out.Read("word/header1.xml")
	// natural size at 96 dpi; a width keeps the ratio; width and height as given
	if !strings.Contains(string(doc), `<wp:extent cx="381000" cy="190500"/>`) || strings.Count(string(doc), `<wp:extent cx="360000" cy="180000"/>`) != 2 {
		t.Errorf("body image sizes: %s", doc)
	}
	if !strings.Contains(string(hdr), `<wp:extent cx="720000" cy="180000"/>`) {
		t.Errorf("header image size: %s", hdr)
	}
	if txt := textDump(bodyOf(string(doc))); !strings.HasPrefix(txt, "Logo:  end") {
		t.Errorf("text around the image: %q", txt)
	}
	// one media part for one content, a relationship from each part that shows it
	var media []string
	for _, n := range out.Names() {
		if strings.HasPrefix(n, "word/media/") {
			media = append(media, n)
		}
	}
	if len(media) != 1 || !strings.HasSuffix(media[0], ".png") {
		t.Fatalf("media parts %v", media)
	}
	for _, rels := range []string{"word/_rels/document.xml.rels", "word/_rels/header1.xml.rels"} {
		b, err := out.Read(rels)
		if err != nil || strings.Count(string(b), `relationships/image" Target="media/`) != 1 {
			t.Errorf("%s: %s %v", rels, b, err)
		}
	}
	ct, _ := out.Read("[Content_Types].xml")
	if !strings.Contains(string(ct), `<Default Extension="png" ContentType="image/png"/>`) {
		t.Errorf("content type: %s", ct)
	}
	ids := map[string]bool{}
	for _, m := range regexp.MustCompile(`<wp:docPr id="(\d+)"`).FindAllStringSubmatch(string(doc)+string(hdr), -1) {
		if ids[m[1]] {
			t.Errorf("drawing id %s twice", m[1])
		}
		ids[m[1]] = true
	}
	if err := out.Check(); err != nil {
		t.Errorf("package does not verify: %v", err)
	}
	// problems say what to do
	for _, c := range []struct{ body, want string }{
		{p("{{ vars.text | image }}"), "img/notes.txt is not a PNG or JPEG file"},
		{p("{{ vars.client | image }}"), "A&B <Co>: file does not exist"},
		{p(`{{ vars.logo | image "wide" }}`), `size "wide" is not a length`},
		{p(`{{ company.name | image }}`), "not exist"},
	} {
		_, err := renderImages(t, c.body, "", files)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: want %q, got %v", c.body, c.want, err)
		}
	}
	tpl, _ := Parse("t.docx", buildDocx(t, p("{{ vars.logo | image }}"), nil), nil)
	data := testData()
	data["vars"].(map[string]any)["logo"] = "img/logo.png"
	if _, err := tpl.Execute(data, Options{Lang: "ja"}); err == nil || !strings.Contains(err.Error(), "images cannot be placed here") {
		t.Errorf("without ReadFile: %v", err)
	}
}
