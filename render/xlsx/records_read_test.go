package xlsx

import (
	"bytes"
	"reflect"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"
)

var readColumns = []RecordColumn{{Title: "名称"}, {Title: "个数", Kind: RecordInt}, {Title: "金额", Kind: RecordAmount}, {Title: "备注"}}

// TestReadRecordsRoundTrip: what WriteRecords writes, ReadRecords gives
// back cell for cell — texts, whole numbers, amounts to the cent, empty
// cells as nil (an empty text too) — with the properties.
func TestReadRecordsRoundTrip(t *testing.T) {
	d := decimal.RequireFromString
	rows := [][]any{
		{"部门甲", 3, d("5103.42"), nil},
		{"001.yaml", 0, d("-2065.57"), "“三公”经费"},
		{"123", nil, d("0"), nil},
		{"部门丁", 2147483647, d("999999999.99"), "第一行\n第二行"},
	}
	props := BookProps{Title: "标题", Description: "说明 1/2", Custom: map[string]string{"b": "2", "a": "甲"}}
	var buf bytes.Buffer
	if err := WriteRecords(&buf, props, []Records{{Name: "汇总", Columns: readColumns, Rows: rows}, {Name: "空表", Columns: readColumns}}); err != nil {
		t.Fatal(err)
	}
	got, gotProps, err := ReadRecords(buf.Bytes(), []Records{{Name: "汇总", Columns: readColumns}, {Name: "空表", Columns: readColumns}})
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(gotProps, props) {
		t.Errorf("properties %+v, want %+v", gotProps, props)
	}
	if len(got) != 2 || len(got[0].Rows) != len(rows) || len(got[1].Rows) != 0 {
		t.Fatalf("read %+v", got)
	}
	for r, row := range rows {
		for c, want := range row {
			v := got[0].Rows[r][c]
			if w, ok := want.(decimal.Decimal); ok {
				if g, ok := v.(decimal.Decimal); !ok || !g.Equal(w) {
					t.Errorf("row %d col %d = %#v, want %s", r, c, v, w)
				}
				continue
			}
			if !reflect.DeepEqual(v, want) {
				t.Errorf("row %d col %d = %#v, want %#v", r, c, v, want)
			}
		}
	}
	// Written again, what was read gives the same bytes.
	var again bytes.Buffer
	if err := WriteRecords(&again, gotProps, got); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(again.Bytes(), buf.Bytes()) {
		t.Error("the records read back write different bytes")
	}
}

// TestReadRecordsRefuses: a workbook that is not what WriteRecords wrote
// is refused with a message naming the sheet and the cell, never guessed
// at; a number Excel saved with binary noise is read to the cent.
func TestReadRecordsRefuses(t *testing.T) {
	want := []Records{{Name: "汇总", Columns: readColumns}}
	cases := []struct {
		name string
		edit func(f *excelize.File)
		msg  string // "" when the workbook is read
	}{
		{"as written", func(*excelize.File) {}, ""},
		{"excel's noise", func(f *excelize.File) { _ = f.SetCellValue("汇总", "C2", 1234.5000000000002) }, ""},
		{"no such sheet", func(f *excelize.File) { _ = f.SetSheetName("汇总", "别的") }, "没有工作表“汇总”"},
		{"header renamed", func(f *excelize.File) { _ = f.SetCellStr("汇总", "B1", "数量") }, "B1 应为“个数”，却是“数量”"},
		{"column added", func(f *excelize.File) { _ = f.SetCellStr("汇总", "E3", "批注") }, "E3 在表头之外"},
		{"text in a count", func(f *excelize.File) { _ = f.SetCellStr("汇总", "B2", "三") }, "B2（个数）应为整数，却是“三”"},
		{"fraction in a count", func(f *excelize.File) { _ = f.SetCellValue("汇总", "B2", 2.5) }, "B2（个数）应为整数"},
		{"text in an amount", func(f *excelize.File) { _ = f.SetCellStr("汇总", "C2", "一百") }, "C2（金额）应为金额"},
		{"huge amount", func(f *excelize.File) { _ = f.SetCellValue("汇总", "C2", 1e15) }, "过大"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var buf bytes.Buffer
			rows := [][]any{{"甲", 1, decimal.RequireFromString("1234.5"), nil}, {"乙", 2, decimal.RequireFromString("1"), nil}}
			if err := WriteRecords(&buf, BookProps{}, []Records{{Name: "汇总", Columns: readColumns, Rows: rows}}); err != nil {
				t.Fatal(err)
			}
			f, err := excelize.OpenReader(&buf)
			if err != nil {
				t.Fatal(err)
			}
			c.edit(f)
			edited, err := f.WriteToBuffer()
			if err != nil {
				t.Fatal(err)
			}
			got, _, err := ReadRecords(edited.Bytes(), want)
			if c.msg == "" {
				if err != nil {
					t.Fatal(err)
				}
				if a := got[0].Rows[0][2].(decimal.Decimal); !a.Equal(decimal.RequireFromString("1234.5")) || a.Exponent() != -2 {
					t.Errorf("C2 = %s, want 1234.50", a.String())
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), c.msg) {
				t.Errorf("error %v, want one saying %q", err, c.msg)
			}
		})
	}
	if _, _, err := ReadRecords([]byte("PK not a zip"), want); err == nil || !strings.Contains(err.Error(), "不是有效的 Excel 工作簿") {
		t.Errorf("a damaged file: %v", err)
	}
}

// TestRecordReaderBudget: the text held over every workbook one reader
// reads is bounded; past it the read is refused, not grown.
func TestRecordReaderBudget(t *testing.T) {
	rows := [][]any{{strings.Repeat("长", 100), 1, decimal.NewFromInt(1), nil}}
	var buf bytes.Buffer
	if err := WriteRecords(&buf, BookProps{}, []Records{{Name: "汇总", Columns: readColumns, Rows: rows}}); err != nil {
		t.Fatal(err)
	}
	want := []Records{{Name: "汇总", Columns: readColumns}}
	r := RecordReader{MaxText: 700} // 300 bytes a read: two fit, the third does not
	for i := 1; i <= 3; i++ {
		_, _, err := r.Read(buf.Bytes(), want)
		if i < 3 && err != nil {
			t.Fatalf("read %d: %v", i, err)
		}
		if i == 3 && (err == nil || !strings.Contains(err.Error(), "文字已超过")) {
			t.Errorf("read 3 over the budget: %v", err)
		}
	}
}
