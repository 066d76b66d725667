package wordxml

import (
	"encoding/xml"
	"fmt"
)

// MaxDepth bounds how deeply elements may nest in a part. Word's own documents stay far below
// it (a table in a table in a text box is a few dozen levels); the code that walks a tree
// recurses, so a part nested thousands deep must be refused before it is walked.
const MaxDepth = 512

func depthError(d *xml.Decoder) error {
	line, _ := d.InputPos()
	return fmt.Errorf("line %d: elements nested more than %d deep; no document Word writes is, so tsdraft refuses it", line, MaxDepth)
}
