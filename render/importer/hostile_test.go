package importer

import (
	"context"
	"errors"
	"fmt"
	"io"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/budgetpub/budgetpub/input"
	x "github.com/budgetpub/budgetpub/input/xlsxread/xlsxtest"
	"github.com/xuri/excelize/v2"
)

// allocated is how many bytes fn allocates.
func allocated(fn func()) uint64 {
	var a, b runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&a)
	fn()
	runtime.ReadMemStats(&b)
	return b.TotalAlloc - a.TotalAlloc
}

var (
	sampleOnce sync.Once
	sampled    rendered
)

// sample is the sample's publication and workbook, made once.
func sample(t *testing.T) rendered {
	sampleOnce.Do(func() { sampled = render1(t, input.SampleName, input.Sample) })
	return sampled
}

// withSheet is the sample's workbook with one more sheet, 附表.
func withSheet(t *testing.T, rows, merged func(w io.Writer)) []byte {
	t.Helper()
	return x.Add(sample(t).book, x.Book{Sheets: []x.Sheet{{Name: "附表", Write: x.Worksheet(rows, merged)}}})
}

// importCosts imports a workbook that must import like the sample, and
// says how many bytes more than the sample's own import it allocated.
func importCosts(t *testing.T, book []byte) uint64 {
	t.Helper()
	sample := sample(t).book
	base := allocated(func() { mustImport(t, "sample.xlsx", sample) })
	got := allocated(func() { mustImport(t, "book.xlsx", book) })
	t.Logf("the sample's import allocates %d MB, this one %d MB", base>>20, got>>20)
	if got < base {
		return 0
	}
	return got - base
}

// refused imports a workbook that must be refused, saying all of want.
func refused(t *testing.T, book []byte, want ...string) {
	t.Helper()
	_, err := Import("book.xlsx", book, Options{})
	if err == nil {
		t.Fatal("imported")
	}
	for _, w := range want {
		if !strings.Contains(err.Error(), w) {
			t.Errorf("error %q lacks %q", err, w)
		}
	}
	for _, bad := range []string{"unzip", "程序缺陷", "已损坏"} {
		if strings.Contains(err.Error(), bad) {
			t.Errorf("error %q says %q", err, bad)
		}
	}
}

// Issue 19.3: a sheet of 1 000 rows of one cell in column XFD (a 50 KB
// file) took 3.6 GB: every row was padded to 16 384 columns, then cut to 64.
// A cell right of column 64 is now skipped, never padded to.
func TestHostileFarRightColumn(t *testing.T) {
	book := withSheet(t, x.Repeat(1, 1000, x.FarRight), nil)
	if extra := importCosts(t, book); extra > 8<<20 {
		t.Errorf("the sheet of far-right cells cost %d MB", extra>>20)
	}
}

// Issue 19.5: a shared-string table of millions of one-letter strings (a
// few hundred KB of file) took 750 MB to 2.1 GB and minutes: it is refused
// at its count, its limit said.
func TestHostileSharedStrings(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: a big workbook (millions of shared strings)")
	}
	ref := func(w io.Writer) { io.WriteString(w, `<row r="1"><c r="A1" t="s"><v>0</v></c></row>`) }
	book := x.Add(sample(t).book, x.Book{
		Strings: x.StringTable(bookLimits.Strings+1, "x"),
		Sheets:  []x.Sheet{{Name: "附表", Write: x.Worksheet(ref, nil)}},
	})
	refused(t, book, "book.xlsx: ", fmt.Sprintf("共享字符串表超过 %d 项", bookLimits.Strings), "请删去")
}

// Issue 19.6: a part of zeros of hundreds of MB under the unzip limit took
// 1.2–1.5 GB. A part the import does not need (a picture) is never
// unzipped; a worksheet over the limit of one part is refused by its
// declared size, before it is read.
func TestHostileZeros(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: a big workbook (64 MB of zeros)")
	}
	book := x.Add(sample(t).book, x.Book{Extra: []x.Part{{Name: "xl/media/image1.png", Write: x.Zeros(64 << 20)}}})
	if extra := importCosts(t, book); extra > 8<<20 {
		t.Errorf("a picture of 64 MB of zeros cost %d MB", extra>>20)
	}
	book = withSheet(t, x.Zeros(bookLimits.Part+1), nil)
	var err error
	if a := allocated(func() { _, err = Import("book.xlsx", book, Options{}) }); a > 8<<20 {
		t.Errorf("refusing the sheet of zeros cost %d MB", a>>20)
	}
	if err == nil {
		t.Fatal("a sheet of zeros imported")
	}
}

// Issue 19.21: a workbook over the unzip limit said, in English, that it
// might be damaged. It is said in Chinese, with the limit.
func TestUnzipLimitSaid(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: big workbooks (sheets over the unzip limit)")
	}
	refused(t, withSheet(t, x.Zeros(bookLimits.Part+1), nil), "book.xlsx: 无法导入工作簿：工作表“附表”解压后超过 16 MB")
	big := x.Repeat(1, 300_000, func(w io.Writer, r int) {
		fmt.Fprintf(w, `<row r="%d"><c r="A%d"><v>1</v></c></row>`, r%50_000+1, r%50_000+1)
	})
	book := x.Add(sample(t).book, x.Book{Sheets: []x.Sheet{
		{Name: "附表一", Write: x.Worksheet(big, nil)}, {Name: "附表二", Write: x.Worksheet(big, nil)}, {Name: "附表三", Write: x.Worksheet(big, nil)},
	}})
	refused(t, book, "book.xlsx: 无法导入工作簿：工作簿的表格解压后超过 32 MB")
}

// pollCounter is a context that is cancelled after its Err has been asked
// n times.
type pollCounter struct {
	context.Context
	polls, n int64
}

func (c *pollCounter) Err() error {
	if atomic.AddInt64(&c.polls, 1) > c.n {
		return context.Canceled
	}
	return nil
}

// Issue 19.7: rows without r= took time in the square of their number
// (150 000: a minute) and a workbench import could not be stopped. They
// are numbered from the row before, and the import polls its context.
func TestHostileUnnumberedRows(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: a big workbook (40 000 rows)")
	}
	book := withSheet(t, x.Repeat(1, 40_000, x.Unnumbered), nil)
	grids, err := readBook(context.Background(), book)
	if err != nil {
		t.Fatal(err)
	}
	g := grids[len(grids)-1]
	if len(g.cells) != 40_000 || g.at(39_999, 0) != "行40000" || g.at(39_999, 1) != "40000" || g.at(0, 0) != "行1" {
		t.Errorf("%d rows, the last %q", len(g.cells), g.cells[len(g.cells)-1])
	}
	ctx := &pollCounter{Context: context.Background(), n: 3}
	_, err = Import("book.xlsx", book, Options{Context: ctx})
	if !errors.Is(err, context.Canceled) || err.Error() != "book.xlsx: 导入已停止（页面已关闭，或批量处理已停止）" {
		t.Errorf("cancelled import: %v", err)
	}
	if ctx.polls < 4 {
		t.Errorf("the context was polled %d times", ctx.polls)
	}
}

// Issue 19.8: merged ranges took time in the square of their number
// (40 000: 13 s, 100 000: over a minute). They take linear time, and more
// than the limit are refused.
func TestHostileMergedRanges(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: a big workbook (40 000 merged ranges)")
	}
	one := x.Grid([]string{"a"})
	if extra := importCosts(t, withSheet(t, one, x.Merges(40_000))); extra > 32<<20 {
		t.Errorf("40 000 merged ranges cost %d MB", extra>>20)
	}
	refused(t, withSheet(t, one, x.Merges(bookLimits.Merged+1)), fmt.Sprintf("合并单元格超过 %d 处（读到工作表“附表”时）", bookLimits.Merged))
}

// editSheets sets cells of the sample's workbook.
func editSheets(t *testing.T, edit func(f *excelize.File)) []byte {
	t.Helper()
	f := openBook(t, sample(t).book)
	edit(f)
	return saveBook(t, f)
}

// Issue 19.22: a department name of 32 000 characters, or a name starting
// as a formula, was refused as a program fault at a line of a file that
// does not exist. It is refused at its cell, with the input's limit.
func TestNamesAtTheirCells(t *testing.T) {
	long := editSheets(t, func(f *excelize.File) {
		for _, s := range f.GetSheetList() {
			if v, _ := f.GetCellValue(s, "A3"); strings.HasPrefix(v, "部门名称") {
				_ = f.SetCellStr(s, "A3", "部门名称："+strings.Repeat("长", 32_000))
			}
		}
	})
	refused(t, long, "book.xlsx:表1!A3: 部门名称过长（32000 字，主输入文件每段文字最多 30000 字）")
	formula := editSheets(t, func(f *excelize.File) { _ = f.SetCellStr("表12", "A9", "=HYPERLINK(\"x\")") })
	refused(t, formula, "book.xlsx:表12!A9: 名称“=HYPERLINK(\"x\")”以“=”开头")
	code := editSheets(t, func(f *excelize.File) { _ = f.SetCellStr("表3", "B7", "@一般公共服务支出") })
	refused(t, code, "book.xlsx:表3!B7: 科目名称“@一般公共服务支出”以“@”开头")
}

// Issue 19.23: -0 in an amount cell refused the workbook as negative.
func TestNegativeZero(t *testing.T) {
	d := sample(t)
	for _, v := range []string{"-0", "-0.00", "(0.00)"} {
		book := editSheets(t, func(f *excelize.File) { _ = f.SetCellStr("表1", "F6", v) }) // 上年结转安排 of 一般公共服务支出: 0.00
		r := mustImport(t, "book.xlsx", book)
		if got, want := string(r.Text), string(mustImport(t, "book.xlsx", d.book).Text); got != want {
			t.Errorf("%s: the imported file differs", v)
		}
	}
	refused(t, editSheets(t, func(f *excelize.File) { _ = f.SetCellStr("表1", "F6", "-0.01") }), "金额不能为负数")
}

// A figure or a list the master input cannot hold was refused as a program
// fault, at a line of a file that does not exist: an amount of 10 万亿元 or
// more is refused at its cell, a list over 10 000 lines naming its tables.
func TestInputLimitsAtImport(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: a big workbook (10 000 lines)")
	}
	huge := editSheets(t, func(f *excelize.File) { _ = f.SetCellStr("表5", "D9", "1000000000") })
	refused(t, huge, "book.xlsx:表5!D9: 金额 1000000000 过大：主输入文件每个金额最多 999999999.99 万元")
	many := editSheets(t, func(f *excelize.File) {
		rows, _ := f.GetRows("表12")
		last := len(rows) + 1
		for i := 0; i < input.MaxLines; i++ {
			r := last + i
			_ = f.SetCellStr("表12", fmt.Sprintf("A%d", r), fmt.Sprintf("零项目%d", i))
			for c := 'B'; c <= 'G'; c++ {
				_ = f.SetCellStr("表12", fmt.Sprintf("%c%d", c, r), "0.00")
			}
		}
	})
	refused(t, many, "book.xlsx: 表12、表13的项目过多：共 10045 项，主输入文件每个列表最多 10000 项")
}
