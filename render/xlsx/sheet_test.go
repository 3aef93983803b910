package xlsx

import (
	"archive/zip"
	"bytes"
	"io"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/xuri/excelize/v2"
)

func TestSheetNamesAndOrder(t *testing.T) {
	f := reopen(t, samplePublication())
	if got, want := f.GetSheetList(), []string{"表3", "表12"}; !slices.Equal(got, want) {
		t.Errorf("sheets = %v, want %v (no leftover Sheet1)", got, want)
	}
	if got := f.GetActiveSheetIndex(); got != 0 {
		t.Errorf("active sheet = %d, want 0", got)
	}
}

func TestMergedRanges(t *testing.T) {
	f := reopen(t, samplePublication())
	tests := []struct {
		sheet string
		want  []string // "A4:B4=项目"
	}{
		{"表3", []string{"A2:E2=2024年预算支出总表", "A4:B4=项目", "C4:E4=2024年预算数"}},
		{"表12", []string{"A2:D2=2024年项目支出预算表（本年预算）", "A4:A5=项目名称", "B4:B5=合计", "C4:D4=2024年财政拨款"}},
	}
	for _, tc := range tests {
		t.Run(tc.sheet, func(t *testing.T) {
			mcs, err := f.GetMergeCells(tc.sheet)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, mc := range mcs {
				got = append(got, mc.GetStartAxis()+":"+mc.GetEndAxis()+"="+mc.GetCellValue())
			}
			sort.Strings(got)
			if !slices.Equal(got, tc.want) {
				t.Errorf("merges = %v, want %v", got, tc.want)
			}
		})
	}
}

func TestCellValues(t *testing.T) {
	f := reopen(t, samplePublication())
	tests := []struct {
		sheet, ref, want string
	}{
		{"表3", "A1", "预算公开表3"},
		{"表3", "A2", "2024年预算支出总表"},
		{"表3", "A3", "部门名称：测试部门"},
		{"表3", "E3", "单位：万元"},
		{"表3", "A4", "项目"},
		{"表3", "C4", "2024年预算数"},
		{"表3", "A5", "科目编码"},
		{"表3", "E5", "项目支出"},
		{"表3", "B6", "合计"},
		{"表3", "A6", ""},
		{"表3", "C6", "1324.14"},
		{"表3", "E6", "74.69"},
		{"表3", "A9", "2010301"},
		{"表3", "B9", "行政运行"},
		{"表3", "E9", "0.00"},
		{"表3", "A11", "注：因四舍五入，分项之和与合计可能存在尾差。"},
		{"表3", "A12", ""},
		{"表12", "A1", "预算公开表12"},
		{"表12", "D3", "单位：万元"},
		{"表12", "A6", "1"},
		{"表12", "D6", "4"},
		{"表12", "A7", "测试部门"},
		{"表12", "B7", "-3.50"},
		{"表12", "A8", "注：本表无数据"},
	}
	for _, tc := range tests {
		if got := value(t, f, tc.sheet, tc.ref); !sameCell(got, tc.want) {
			t.Errorf("%s!%s = %q, want %q", tc.sheet, tc.ref, got, tc.want)
		}
	}
}

// TestCellTypes checks that amounts are numbers and codes are strings, both
// through excelize and in the sheet XML itself.
func TestCellTypes(t *testing.T) {
	b := written(t, samplePublication())
	f, err := excelize.OpenReader(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sheetXML := zipEntry(t, b, "xl/worksheets/sheet1.xml")
	for _, ref := range []string{"C6", "E6", "E9", "D10"} {
		typ, err := f.GetCellType("表3", ref)
		if err != nil {
			t.Fatal(err)
		}
		if typ != excelize.CellTypeUnset && typ != excelize.CellTypeNumber {
			t.Errorf("表3!%s type = %v, want a number", ref, typ)
		}
		// A numeric cell is <c r="E6" s="N"><v>74.69</v></c>: no t attribute.
		re := regexp.MustCompile(`<c r="` + ref + `"[^>]*>`)
		tag := re.Find(sheetXML)
		if tag == nil || bytes.Contains(tag, []byte(` t=`)) {
			t.Errorf("表3!%s XML tag %q, want a numeric cell without t=", ref, tag)
		}
	}
	for _, ref := range []string{"A7", "A8", "A9", "A10", "B9"} {
		typ, err := f.GetCellType("表3", ref)
		if err != nil {
			t.Fatal(err)
		}
		if typ != excelize.CellTypeSharedString && typ != excelize.CellTypeInlineString {
			t.Errorf("表3!%s type = %v, want a string", ref, typ)
		}
	}
}

// zipEntry reads one entry of an archive.
func zipEntry(t *testing.T, b []byte, name string) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	rc, err := zr.Open(name)
	if err != nil {
		t.Fatalf("open %s: %v", name, err)
	}
	defer rc.Close()
	data, err := io.ReadAll(rc)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func TestStyles(t *testing.T) {
	f := reopen(t, samplePublication())
	type want struct {
		bold       bool
		horizontal string
		indent     int
		numFmt     string // custom format, "" for none
		builtinFmt int
		border     bool
		family     string
		size       float64
	}
	tests := []struct {
		ref  string
		want want
	}{
		{"A1", want{horizontal: "left", family: "宋体", size: 11}},
		{"A2", want{bold: true, horizontal: "center", family: "黑体", size: 16}},
		{"A3", want{horizontal: "left", family: "宋体", size: 11}},
		{"E3", want{horizontal: "right", family: "宋体", size: 11}},
		{"A4", want{bold: true, horizontal: "center", border: true, family: "宋体", size: 11}},
		{"B4", want{bold: true, horizontal: "center", border: true, family: "宋体", size: 11}}, // inside a merge
		{"E5", want{bold: true, horizontal: "center", border: true, family: "宋体", size: 11}},
		{"B6", want{bold: true, horizontal: "left", border: true, family: "宋体", size: 11}},                     // 合计
		{"C6", want{bold: true, horizontal: "right", numFmt: amountFmt, border: true, family: "宋体", size: 11}}, // total amount
		{"B7", want{bold: true, horizontal: "left", border: true, family: "宋体", size: 11}},                     // 类 subtotal
		{"B8", want{bold: true, horizontal: "left", indent: 1, border: true, family: "宋体", size: 11}},          // 款 subtotal
		{"A9", want{horizontal: "left", builtinFmt: textNumFmt, border: true, family: "宋体", size: 11}},         // code
		{"B9", want{horizontal: "left", indent: 2, border: true, family: "宋体", size: 11}},                      // 项 item
		{"E9", want{horizontal: "right", numFmt: amountFmt, border: true, family: "宋体", size: 11}},             // zero amount
		{"A11", want{horizontal: "left", family: "宋体", size: 11}},                                              // note
	}
	for _, tc := range tests {
		st := styleAt(t, f, "表3", tc.ref)
		var got want
		if st.Font != nil {
			got.bold, got.family, got.size = st.Font.Bold, st.Font.Family, st.Font.Size
		}
		if st.Alignment != nil {
			got.horizontal, got.indent = st.Alignment.Horizontal, st.Alignment.Indent
		}
		if st.CustomNumFmt != nil {
			got.numFmt = *st.CustomNumFmt
		}
		got.builtinFmt = st.NumFmt
		if got.numFmt != "" {
			got.builtinFmt = 0
		}
		got.border = len(st.Border) == 4
		for _, b := range st.Border {
			if b.Style != 1 {
				got.border = false
			}
		}
		if got != tc.want {
			t.Errorf("表3!%s style = %+v, want %+v", tc.ref, got, tc.want)
		}
	}
}

func TestHeaderWrapAndBorderWholeGrid(t *testing.T) {
	f := reopen(t, samplePublication())
	for _, ref := range []string{"A4", "A5", "B4", "B5", "C4", "D4", "A6", "B6"} {
		st := styleAt(t, f, "表12", ref)
		if len(st.Border) != 4 {
			t.Errorf("表12!%s has %d borders, want 4", ref, len(st.Border))
		}
	}
	if st := styleAt(t, f, "表12", "C4"); st.Alignment == nil || !st.Alignment.WrapText || st.Alignment.Vertical != "center" {
		t.Errorf("表12!C4 alignment = %+v, want wrapped and centred vertically", st.Alignment)
	}
}

func TestColumnWidthsAndRowHeights(t *testing.T) {
	f := reopen(t, samplePublication())
	widths := map[string]float64{}
	for _, col := range []string{"A", "B", "C", "D", "E"} {
		w, err := f.GetColWidth("表3", col)
		if err != nil {
			t.Fatal(err)
		}
		widths[col] = w
	}
	// 其他政府办公厅（室）及相关机构事务支出 is 19 Chinese characters plus two levels of indent.
	if w := widths["B"]; w < 19*2+2*indentWidth || w > maxColWidth {
		t.Errorf("width of B = %v, want room for 19 Chinese characters and two indents", w)
	}
	// The code column holds 7 digits and 科目编码: 4 Chinese characters = 8 units.
	if w := widths["A"]; w < 8 || w > 12 {
		t.Errorf("width of A = %v, want about 10", w)
	}
	// 2024年预算数 spans C..E and must not widen C alone.
	if widths["C"] != widths["D"] || widths["C"] > 12 {
		t.Errorf("widths C, D = %v, %v: want equal and narrow", widths["C"], widths["D"])
	}
	h, err := f.GetRowHeight("表3", rowsOf(functionTable()).title)
	if err != nil {
		t.Fatal(err)
	}
	if h < titleHeight {
		t.Errorf("title row height = %v, want at least %v", h, titleHeight)
	}
}

func TestLongTextWrapsAndRowGrows(t *testing.T) {
	p := samplePublication()
	long := "这是一个非常长的项目名称用于检查自动换行以及行高是否随之增加而不是被截断显示出来的情况"
	p.Tables[1].Rows[0].Cells[0].Text = long // 42 characters: 84 units, more than the cap
	f := reopen(t, p)
	w, err := f.GetColWidth("表12", "A")
	if err != nil {
		t.Fatal(err)
	}
	if w != maxColWidth {
		t.Errorf("width of A = %v, want the cap %v", w, maxColWidth)
	}
	h, err := f.GetRowHeight("表12", 7)
	if err != nil {
		t.Fatal(err)
	}
	if h < 2*lineHeight {
		t.Errorf("height of the wrapped row = %v, want at least two lines", h)
	}
	if st := styleAt(t, f, "表12", "A7"); st.Alignment == nil || !st.Alignment.WrapText {
		t.Errorf("long text cell does not wrap")
	}
}

func TestDimension(t *testing.T) {
	f := reopen(t, samplePublication())
	for sheet, want := range map[string]string{"表3": "A1:E11", "表12": "A1:D8"} {
		got, err := f.GetSheetDimension(sheet)
		if err != nil {
			t.Fatal(err)
		}
		if got != want {
			t.Errorf("%s dimension = %s, want %s", sheet, got, want)
		}
	}
}

// sameCell compares a cell's raw value with the one wanted: amounts as
// numbers (a numeric cell holds 0, shown as 0.00 by its format), the rest
// as text.
func sameCell(got, want string) bool {
	if got == want {
		return true
	}
	g, err1 := decimal.NewFromString(got)
	w, err2 := decimal.NewFromString(want)
	return err1 == nil && err2 == nil && g.Equal(w) && strings.Contains(want, ".")
}
