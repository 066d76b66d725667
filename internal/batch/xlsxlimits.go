package batch

import (
	"github.com/xuri/excelize/v2"

	"github.com/tsdraft/tsdraft/internal/docx"
)

// openWorkbook opens an XLSX file within docx.WorkbookLimits: the sizes its parts declare are
// checked before excelize inflates anything (a 1 MB workbook may unpack to gigabytes), and
// excelize is told the same total, which also covers what it reads from an encrypted workbook.
func openWorkbook(path, name string) (*excelize.File, error) {
	if err := docx.CheckZipFile(path, name, docx.WorkbookLimits); err != nil {
		return nil, err
	}
	return excelize.OpenFile(path, excelize.Options{UnzipSizeLimit: int64(docx.WorkbookLimits.Total)})
}
