package docxtmpl

import (
	"bytes"
	"fmt"
	"image"
	_ "image/jpeg" // registers JPEG for image.DecodeConfig
	_ "image/png"  // registers PNG
	"path/filepath"
	"strconv"
	"strings"
)

// maxImage bounds an image file: a logo or a seal, not a photograph archive.
const maxImage = 20 << 20

const emuPerPixel = 9525 // at 96 dpi, Word's assumption for images without a resolution
const emuPerMM = 36000

// Image is a PNG or JPEG placed inline where its tag stands: {{ vars.logo | image }} at its
// natural size, {{ vars.logo | image "30mm" }} 30 mm wide (height by ratio), or
// {{ vars.seal | image "25mm" "25mm" }}. It works in the body, tables, headers and footers.
type Image struct {
	Name string // file name, shown in Word's alternative text
	Data []byte
	Ext  string // png or jpeg
	W, H int64  // size in EMU
}

// RunXML writes the drawing and adds the media part and its relationship.
func (im *Image) RunXML(ctx *PartContext) (string, error) {
	media := ctx.AddMedia(im.Ext, "image/"+im.Ext, im.Data)
	rid := ctx.Relate("http://schemas.openxmlformats.org/officeDocument/2006/relationships/image", media, false)
	id := ctx.DrawingID()
	name := xmlAttr(im.Name)
	return fmt.Sprintf(`<w:drawing><wp:inline xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" distT="0" distB="0" distL="0" distR="0">`+
		`<wp:extent cx="%d" cy="%d"/><wp:docPr id="%d" name="%s"/>`+
		`<wp:cNvGraphicFramePr><a:graphicFrameLocks xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" noChangeAspect="1"/></wp:cNvGraphicFramePr>`+
		`<a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture">`+
		`<pic:pic xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:nvPicPr><pic:cNvPr id="0" name="%s"/><pic:cNvPicPr/></pic:nvPicPr>`+
		`<pic:blipFill><a:blip xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:embed="%s"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>`+
		`<pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="%d" cy="%d"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr></pic:pic>`+
		`</a:graphicData></a:graphic></wp:inline></w:drawing>`, im.W, im.H, id, name, name, rid, im.W, im.H), nil
}

// imageFilter makes an Image from a file path (relative paths are resolved by Options.ReadFile)
// and optional sizes.
func (st *execState) imageFilter(v any, args []string) (any, error) {
	p, ok := v.(string)
	if !ok || strings.TrimSpace(p) == "" {
		return nil, fmt.Errorf("image: the value is %s, not the path of a PNG or JPEG file", describe(v))
	}
	if st.opts.ReadFile == nil {
		return nil, fmt.Errorf("image: images cannot be placed here")
	}
	if st.images == nil {
		st.images = map[string]*Image{}
	}
	base, ok := st.images[p]
	if !ok {
		data, err := st.opts.ReadFile(p)
		if err != nil {
			return nil, fmt.Errorf("image: %v", err)
		}
		if len(data) > maxImage {
			return nil, fmt.Errorf("image: %s is larger than %d MB; use a smaller PNG or JPEG", p, maxImage>>20)
		}
		cfg, format, err := image.DecodeConfig(bytes.NewReader(data))
		if err != nil || (format != "png" && format != "jpeg") || cfg.Width <= 0 || cfg.Height <= 0 {
			return nil, fmt.Errorf("image: %s is not a PNG or JPEG file", p)
		}
		base = &Image{Name: filepath.Base(p), Data: data, Ext: format, W: int64(cfg.Width) * emuPerPixel, H: int64(cfg.Height) * emuPerPixel}
		st.images[p] = base
	}
	im := *base
	switch len(args) {
	case 1:
		w, err := parseLength(args[0])
		if err != nil {
			return nil, err
		}
		im.H = im.H * w / im.W
		im.W = w
	case 2:
		w, err := parseLength(args[0])
		if err != nil {
			return nil, err
		}
		h, err := parseLength(args[1])
		if err != nil {
			return nil, err
		}
		im.W, im.H = w, h
	}
	return &im, nil
}

// parseLength reads "30mm", "3cm", "1.5in", "72pt" (a bare number is millimetres) into EMU.
func parseLength(s string) (int64, error) {
	s = strings.TrimSpace(strings.ToLower(s))
	units := []struct {
		suffix string
		emu    float64
	}{{"mm", emuPerMM}, {"cm", 10 * emuPerMM}, {"in", 914400}, {"pt", 12700}, {"", emuPerMM}}
	for _, u := range units {
		if !strings.HasSuffix(s, u.suffix) {
			continue
		}
		f, err := strconv.ParseFloat(strings.TrimSpace(strings.TrimSuffix(s, u.suffix)), 64)
		if err != nil || f <= 0 || f > 2000 {
			break
		}
		return int64(f * u.emu), nil
	}
	return 0, fmt.Errorf(`image: size %q is not a length; write e.g. "30mm", "3cm", "1.2in" or "72pt"`, s)
}
