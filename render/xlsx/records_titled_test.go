package xlsx

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"
)

// TestReadTitled: a sheet of another layout is read by its titles — a
// column by its title or a former one, a column the sheet lacks blank —,
// and every other column, titled or not, is kept after want's as text.
func TestReadTitled(t *testing.T) {
	f := excelize.NewFile()
	sheet := f.GetSheetName(0)
	_ = f.SetSheetName(sheet, "汇总")
	for _, c := range []struct {
		ref string
		v   any
	}{
		{"A1", "金额（旧）"}, {"B1", "名称"}, {"C1", "审核"}, {"E1", " "},
		{"A2", 12.5}, {"B2", "甲"}, {"C2", "通过"},
		{"A3", 3}, {"B3", "乙"}, {"D3", "无题的一格"},
	} {
		if err := f.SetCellValue("汇总", c.ref, c.v); err != nil {
			t.Fatal(err)
		}
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	cols := []RecordColumn{{Title: "名称"}, {Title: "个数", Kind: RecordInt}, {Title: "金额", Kind: RecordAmount, Former: []string{"金额（旧）"}}}
	want := []Records{{Name: "汇总", Columns: cols}}
	var rd RecordReader
	if _, _, err := rd.Read(buf.Bytes(), want); !errors.As(err, new(*HeaderError)) {
		t.Fatalf("Read of another layout: %v, want a HeaderError", err)
	}
	got, _, err := rd.ReadTitled(buf.Bytes(), want)
	if err != nil {
		t.Fatal(err)
	}
	var titles []string
	for _, c := range got[0].Columns {
		titles = append(titles, c.Title)
	}
	if fmt.Sprint(titles) != "[名称 个数 金额 审核 （D列）]" {
		t.Errorf("columns %v", titles)
	}
	d := decimal.RequireFromString
	rows := fmt.Sprint(got[0].Rows)
	if w := fmt.Sprint([][]any{{"甲", nil, d("12.5"), "通过", nil}, {"乙", nil, d("3"), nil, "无题的一格"}}); rows != w {
		t.Errorf("rows %s, want %s", rows, w)
	}
}

// TestRecordsFooter: the footer is written after the records, bold and
// outside the filter, and read back as the last row.
func TestRecordsFooter(t *testing.T) {
	d := decimal.RequireFromString
	s := Records{Name: "汇总", Columns: readColumns, Rows: [][]any{{"甲", 1, d("1.10"), nil}, {"乙", 2, d("2.20"), nil}},
		Footer: []any{"合计", 3, d("3.30"), nil}}
	var buf bytes.Buffer
	if err := WriteRecords(&buf, BookProps{}, []Records{s}); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	if v, _ := f.GetCellValue("汇总", "A4"); v != "合计" {
		t.Errorf("A4 = %q, want the footer", v)
	}
	id, _ := f.GetCellStyle("汇总", "C4")
	st, err := f.GetStyle(id)
	if err != nil || st.Font == nil || !st.Font.Bold {
		t.Errorf("the footer's amount is not bold: %+v %v", st, err)
	}
	zr, err := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		t.Fatal(err)
	}
	rc, err := zr.Open("xl/worksheets/sheet1.xml")
	if err != nil {
		t.Fatal(err)
	}
	xml, _ := io.ReadAll(rc)
	if !bytes.Contains(xml, []byte(`<autoFilter ref="$A$1:$D$3"`)) {
		t.Errorf("the filter is not A1:D3 (the footer outside): %s", xml)
	}
	got, _, err := ReadRecords(buf.Bytes(), []Records{{Name: "汇总", Columns: readColumns}})
	if err != nil {
		t.Fatal(err)
	}
	if len(got[0].Rows) != 3 || got[0].Rows[2][0] != "合计" {
		t.Errorf("read back %v", got[0].Rows)
	}
}
