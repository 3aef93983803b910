package xlsx

import (
	"bytes"
	"fmt"
	"io"
	"runtime"
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	x "github.com/budgetpub/budgetpub/input/xlsxread/xlsxtest"
)

// records is a small Records workbook as WriteRecords writes it.
func records(t *testing.T) []byte {
	t.Helper()
	var buf bytes.Buffer
	rows := [][]any{{"甲", 1, decimal.RequireFromString("1234.5"), nil}}
	if err := WriteRecords(&buf, BookProps{Title: "t"}, []Records{{Name: "汇总", Columns: readColumns, Rows: rows}}); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// Issue 19.9: summary rows with an empty formula cell in column XFD
// (100 000 rows: 65 s to merge) were padded to 16 384 columns each. A cell
// right of the columns read is skipped; an empty one is no content.
func TestRecordsFarRightFormulas(t *testing.T) {
	book := x.Edit(records(t), "xl/worksheets/sheet1.xml", x.AppendRows(x.Repeat(10, 5_000, x.EmptyFormulaFarRight)))
	var a, b runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&a)
	got, _, err := ReadRecords(book, []Records{{Name: "汇总", Columns: readColumns}})
	runtime.ReadMemStats(&b)
	if err != nil {
		t.Fatal(err)
	}
	if len(got[0].Rows) != 1 {
		t.Errorf("%d rows", len(got[0].Rows))
	}
	if used := b.TotalAlloc - a.TotalAlloc; used > 16<<20 {
		t.Errorf("5 000 rows of an empty formula in XFD took %d MB", used>>20)
	}
	// A text there is still right of the header, and said so.
	text := x.Edit(records(t), "xl/worksheets/sheet1.xml", x.AppendRows(x.Repeat(10, 1, x.FarRight)))
	if _, _, err := ReadRecords(text, []Records{{Name: "汇总", Columns: readColumns}}); err == nil || !strings.Contains(err.Error(), "XFD10 在表头之外") {
		t.Errorf("a text in XFD10: %v", err)
	}
}

// Issue 19.5: a shared-string table of millions of strings added to a
// summary took 2 GB to merge. It is refused at its count; and its text
// counts against the reader's budget.
func TestRecordsSharedStrings(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: a big workbook (millions of shared strings)")
	}
	ref := x.Repeat(5, 1, func(w io.Writer, r int) {
		fmt.Fprintf(w, `<row r="%d"><c r="A%d" t="s"><v>0</v></c></row>`, r, r)
	})
	book := x.Add(x.Edit(records(t), "xl/worksheets/sheet1.xml", x.AppendRows(ref)), x.Book{Strings: x.StringTable(recordsLimits.Strings+1, "x")})
	want := []Records{{Name: "汇总", Columns: readColumns}}
	if _, _, err := ReadRecords(book, want); err == nil || !strings.Contains(err.Error(), fmt.Sprintf("共享字符串表超过 %d 项", recordsLimits.Strings)) {
		t.Errorf("%d shared strings: %v", recordsLimits.Strings+1, err)
	}
	book = x.Add(x.Edit(records(t), "xl/worksheets/sheet1.xml", x.AppendRows(ref)), x.Book{Strings: x.StringTable(1000, strings.Repeat("长", 100))})
	r := RecordReader{MaxText: 100_000} // the strings are 300 000 bytes
	if _, _, err := r.Read(book, want); err == nil || !strings.Contains(err.Error(), "共享字符串表的文字超过") {
		t.Errorf("shared strings over the budget: %v", err)
	}
	got, _, err := ReadRecords(book, want)
	if err != nil || len(got[0].Rows) != 2 || got[0].Rows[1][0] != strings.Repeat("长", 100) {
		t.Errorf("a shared string within the budget: %v %v", got, err)
	}
}
