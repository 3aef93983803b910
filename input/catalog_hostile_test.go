package input

import (
	"runtime"
	"strings"
	"testing"

	x "github.com/budgetpub/budgetpub/input/xlsxread/xlsxtest"
)

// Issue 19.4: a --catalog workbook was opened with excelize's default
// unzip limit of 16 GB, so a catalog of 1.5 MB took 4.6 GB. A part the
// catalog does not need is never unzipped, and a worksheet over the limit
// is refused by its declared size, in Chinese.
func TestCatalogWorkbookBounded(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: a big workbook (a 128 MB picture)")
	}
	sheet := x.Sheet{Name: "Sheet1", Write: x.Worksheet(x.Grid([]string{"编码", "名称"}, []string{"2130135", "农田建设"}), nil)}
	picture := x.Book{Sheets: []x.Sheet{sheet}, Extra: []x.Part{{Name: "xl/media/image1.png", Write: x.Zeros(128 << 20)}}}.Bytes()
	var a, b runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&a)
	c, err := parseWorkbookCatalog("目录.xlsx", picture, DefaultCatalog(), "目录.xlsx")
	runtime.ReadMemStats(&b)
	if err != nil {
		t.Fatal(err)
	}
	if n, _ := c.Name("2130135"); n != "农田建设" {
		t.Errorf("2130135: %q", n)
	}
	if used := b.TotalAlloc - a.TotalAlloc; used > 8<<20 {
		t.Errorf("a catalog with a picture of 128 MB of zeros took %d MB", used>>20)
	}
	zeros := x.Book{Sheets: []x.Sheet{{Name: "附表", Write: x.Zeros(catalogLimits.Part + 1)}, sheet}}.Bytes()
	_, err = parseWorkbookCatalog("目录.xlsx", zeros, DefaultCatalog(), "目录.xlsx")
	if err == nil || !strings.Contains(err.Error(), "目录.xlsx: 无法读取分类目录：工作表“附表”解压后超过 32 MB") {
		t.Errorf("a sheet over the limit: %v", err)
	}
}
