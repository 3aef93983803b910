package xlsx

// Tests of the presentation a layout declares on its profile and tables
// (render.Presentation, Profile.DeptLabel): Shanghai's tables print no label,
// 编制部门：, their own unit texts, amounts in whole 元 with separators,
// filler rows, a header printed once and three code columns. Each builds a
// table by hand from functionTable and changes what the feature declares.

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/budgetpub/budgetpub/render"
	"github.com/xuri/excelize/v2"
)

// presented is a one-table publication of tb.
func presented(tb *render.Table) *render.Publication {
	return &render.Publication{Year: 2025, Department: tb.Department, Unit: tb.Unit, Tables: []*render.Table{tb}}
}

// TestLabelRow: a table without a label (its profile's LabelFormat is "")
// has no row for one: the title is row 1, the department line row 2 and the
// header from row 3, and the panes and the printed title rows end one row
// higher; a labelled table keeps its label in row 1.
func TestLabelRow(t *testing.T) {
	tests := []struct {
		label            string
		cells            map[string]string
		ySplit           int
		titles, titleRef string
	}{
		{"预算公开表3", map[string]string{"A1": "预算公开表3", "A2": "2024年预算支出总表", "A3": "部门名称：测试部门", "A4": "项目", "B6": "合计"}, 5, "'表3'!$1:$5", "A2:E2"},
		{"", map[string]string{"A1": "2024年预算支出总表", "A2": "部门名称：测试部门", "E2": "单位：万元", "A3": "项目", "A4": "科目编码", "B5": "合计", "B9": "其他政府办公厅（室）及相关机构事务支出", "A10": render.NoteRounding}, 4, "'表3'!$1:$4", "A1:E1"},
	}
	for _, tc := range tests {
		t.Run("label="+tc.label, func(t *testing.T) {
			tb := functionTable()
			tb.Label = tc.label
			f := reopen(t, presented(tb))
			for ref, want := range tc.cells {
				if got := value(t, f, "表3", ref); got != want {
					t.Errorf("%s = %q, want %q", ref, got, want)
				}
			}
			p, err := f.GetPanes("表3")
			if err != nil {
				t.Fatal(err)
			}
			if p.YSplit != tc.ySplit {
				t.Errorf("frozen rows = %d, want %d", p.YSplit, tc.ySplit)
			}
			var titles string
			for _, dn := range f.GetDefinedName() {
				if dn.Name == printTitles {
					titles = dn.RefersTo
				}
			}
			if titles != tc.titles {
				t.Errorf("print titles = %q, want %q", titles, tc.titles)
			}
			mcs, err := f.GetMergeCells("表3")
			if err != nil {
				t.Fatal(err)
			}
			merged := false
			for _, mc := range mcs {
				merged = merged || mc.GetStartAxis()+":"+mc.GetEndAxis() == tc.titleRef && mc.GetCellValue() == tb.Title
			}
			if !merged {
				t.Errorf("the title is not merged over %s", tc.titleRef)
			}
		})
	}
}

// TestDeptAndUnitLine: the line under the title prints the profile's
// DeptLabel before the department (部门名称： when it declares none) at the
// left and the table's UnitLabel before its unit (单位：) at the right, in
// the last column, which is wide enough for it; a one-column table puts
// both in its one cell.
func TestDeptAndUnitLine(t *testing.T) {
	tests := []struct {
		name                 string
		deptLabel, unitLabel string
		unit                 string
		oneColumn            bool
		left, right          string
	}{
		{"default", "", "", "万元", false, "部门名称：测试部门", "单位：万元"},
		{"shanghai", "编制部门：", "", "元", false, "编制部门：测试部门", "单位：元"},
		{"shanghai table 9", "编制部门：", "单位:", "万元", false, "编制部门：测试部门", "单位:万元"},
		{"单位预算", "编制单位：", "", "元", false, "编制单位：测试部门", "单位：元"},
		{"one column", "编制部门：", "单位:", "万元", true, "编制部门：测试部门    单位:万元", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			tb := functionTable()
			tb.Label = ""
			tb.DeptLabel, tb.UnitLabel, tb.Unit = tc.deptLabel, tc.unitLabel, tc.unit
			if tc.oneColumn {
				tb.Columns, tb.HeaderRows, tb.Header, tb.Rows = tb.Columns[1:2], 0, nil, nil
			}
			f := reopen(t, presented(tb))
			last, err := excelize.CoordinatesToCellName(len(tb.Columns), 2)
			if err != nil {
				t.Fatal(err)
			}
			if got := value(t, f, "表3", "A2"); got != tc.left {
				t.Errorf("A2 = %q, want %q", got, tc.left)
			}
			if tc.oneColumn {
				return
			}
			if got := value(t, f, "表3", last); got != tc.right {
				t.Errorf("%s = %q, want %q", last, got, tc.right)
			}
			if st := styleAt(t, f, "表3", last); st.Alignment == nil || st.Alignment.Horizontal != "right" {
				t.Errorf("%s is not right-aligned", last)
			}
			w, err := f.GetColWidth("表3", "E")
			if err != nil {
				t.Fatal(err)
			}
			if w < textWidth(tc.right) {
				t.Errorf("column E is %.1f wide, narrower than %q", w, tc.right)
			}
		})
	}
}

// amountsTable is functionTable with the amounts of a table in 元 (and a
// figure with cents, one that rounds up, a zero), in the number format.
func amountsTable(f *render.NumberFormat) *render.Table {
	tb := functionTable()
	tb.Unit = "元"
	amounts := [][]string{
		{"13241400.456", "12494500.456", "746900"},
		{"13241400.456", "12494500.456", "746900"},
		{"2.5", "2.495", "0.005"},
		{"12494500.5", "12494500.5", "0"},
		{"20", "0", "20"},
	}
	for i, r := range amounts {
		for j, a := range r {
			tb.Rows[i].Cells[2+j] = m(a)
		}
	}
	tb.NumberFormat = f
	tb.FormatAmounts()
	return tb
}

// TestNumberFormats: an amount stays a number — its figure, rounded once
// from the exact amount to the table's decimals — with a number format
// that shows what the PDF prints: the default 0.00;-0.00; (two decimals,
// zero blank), whole 元 with separators #,##0;-#,##0; , two decimals with
// separators, the shortest form a format per figure, a zero printed 0.
func TestNumberFormats(t *testing.T) {
	tests := []struct {
		name string
		f    *render.NumberFormat
		want map[string][2]string // cell → value, number format
	}{
		{"default", nil, map[string][2]string{
			"C6": {"13241400.46", "0.00;-0.00;"}, "D8": {"2.5", "0.00;-0.00;"}, "E8": {"0.01", "0.00;-0.00;"}, "E9": {"0", "0.00;-0.00;"}}},
		{"whole yuan", &render.NumberFormat{Separators: true}, map[string][2]string{
			"C6": {"13241400", "#,##0;-#,##0;"}, "D8": {"2", "#,##0;-#,##0;"}, "E8": {"0", "#,##0;-#,##0;"}, "C9": {"12494501", "#,##0;-#,##0;"}}},
		{"cents", &render.NumberFormat{Decimals: 2, Separators: true}, map[string][2]string{
			"C6": {"13241400.46", "#,##0.00;-#,##0.00;"}, "D8": {"2.5", "#,##0.00;-#,##0.00;"}, "E9": {"0", "#,##0.00;-#,##0.00;"}}},
		{"whole yuan, zero 0", &render.NumberFormat{Separators: true, Zero: "0"}, map[string][2]string{
			"C6": {"13241400", `#,##0;-#,##0;"0"`}, "E9": {"0", `#,##0;-#,##0;"0"`}}},
		{"shortest", &render.NumberFormat{Decimals: 2, Shortest: true, Zero: "0"}, map[string][2]string{
			"C6": {"13241400.46", `0.00;-0.00;"0"`}, "C8": {"2.5", `0.0;-0.0;"0"`}, "D8": {"2.5", `0.0;-0.0;"0"`}, "C10": {"20", `0;-0;"0"`}, "D10": {"0", `0;-0;"0"`}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f := reopen(t, presented(amountsTable(tc.f)))
			for ref, want := range tc.want {
				if got := value(t, f, "表3", ref); got != want[0] {
					t.Errorf("%s = %s, want %s", ref, got, want[0])
				}
				st := styleAt(t, f, "表3", ref)
				if st.CustomNumFmt == nil || *st.CustomNumFmt != want[1] {
					t.Errorf("%s's number format = %v, want %q", ref, st.CustomNumFmt, want[1])
				}
				if st.Alignment == nil || st.Alignment.Horizontal != "right" {
					t.Errorf("%s is not right-aligned", ref)
				}
			}
		})
	}
}

// printedByLibreOffice writes p, prints it with LibreOffice and reads the
// pages back with pdftotext -layout; it skips with -short or without the
// tools (failing instead when BUDGETPUB_REQUIRE_TOOLS=1). The workbook and
// its PDF are kept in $BUDGETPUB_XLSX_OUT (name.xlsx, name.pdf) when that is
// set, to look at.
func printedByLibreOffice(t *testing.T, p *render.Publication, name string) []string {
	t.Helper()
	if testing.Short() {
		t.Skip("-short: prints the workbook with LibreOffice")
	}
	for _, tool := range []string{"soffice", "pdftotext"} {
		if _, err := exec.LookPath(tool); err != nil {
			if os.Getenv("BUDGETPUB_REQUIRE_TOOLS") == "1" {
				t.Fatalf("%s is not installed (BUDGETPUB_REQUIRE_TOOLS=1)", tool)
			}
			t.Skipf("%s is not installed", tool)
		}
	}
	dir := t.TempDir()
	book := filepath.Join(dir, name+".xlsx")
	if err := os.WriteFile(book, written(t, p), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("soffice", "--headless", "-env:UserInstallation=file://"+filepath.Join(dir, "profile"), "--convert-to", "pdf", "--outdir", dir, book)
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, b)
	}
	pdf := filepath.Join(dir, name+".pdf")
	if keep := os.Getenv("BUDGETPUB_XLSX_OUT"); keep != "" {
		for _, f := range []string{book, pdf} {
			b, err := os.ReadFile(f)
			if err == nil {
				err = os.WriteFile(filepath.Join(keep, filepath.Base(f)), b, 0o644)
			}
			if err != nil {
				t.Fatal(err)
			}
		}
	}
	out, err := exec.Command("pdftotext", "-layout", "-enc", "UTF-8", pdf, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	pages := strings.Split(string(out), "\f")
	if len(pages) > 0 && strings.TrimSpace(pages[len(pages)-1]) == "" {
		pages = pages[:len(pages)-1]
	}
	return pages
}

// fields are the texts of a line of pdftotext -layout, split at runs of
// spaces.
func fields(line string) []string { return strings.Fields(line) }

// lineWith is the first line of the pages holding every one of the texts
// as a field, in order.
func lineWith(pages []string, texts ...string) (string, bool) {
	for _, p := range pages {
		for _, ln := range strings.Split(p, "\n") {
			fs, k := fields(ln), 0
			for _, f := range fs {
				if k < len(texts) && f == texts[k] {
					k++
				}
			}
			if k == len(texts) {
				return ln, true
			}
		}
	}
	return "", false
}

// TestLibreOfficeShowsTheNumberFormats: LibreOffice, printing the
// workbook, shows each amount as the PDF prints it (render.Cell.Printed):
// a sheet per format, each row's figures as their printed texts.
func TestLibreOfficeShowsTheNumberFormats(t *testing.T) {
	formats := []*render.NumberFormat{nil, {Separators: true}, {Decimals: 2, Separators: true}, {Separators: true, Zero: "0"}, {Decimals: 2, Shortest: true, Zero: "0"}}
	p := &render.Publication{Year: 2025, Department: "测试部门"}
	for i, f := range formats {
		tb := amountsTable(f)
		tb.SheetName, tb.Title, tb.Label = fmt.Sprintf("表%d", i+1), fmt.Sprintf("格式%d", i+1), ""
		p.Tables = append(p.Tables, tb)
	}
	pages := printedByLibreOffice(t, p, "formats")
	if len(pages) != len(formats) {
		t.Fatalf("LibreOffice printed %d pages, want %d", len(pages), len(formats))
	}
	for i, tb := range p.Tables {
		for _, r := range tb.Rows {
			want := []string{}
			for _, c := range r.Cells[2:] {
				if s := c.Printed(); s != "" {
					want = append(want, s)
				}
			}
			name := r.Cells[1].Text
			if ln, ok := lineWith(pages[i:i+1], append([]string{name}, want...)...); !ok || len(fields(ln)) != 1+len(want)+min(len(r.Cells[0].Text), 1) {
				t.Errorf("sheet %s, row %s: LibreOffice shows %q, want the figures %q", tb.SheetName, name, ln, want)
			}
		}
	}
}

// TestFillerRows: a table padded to its block (render.Table.PadTo) writes
// each filler row as a row of empty cells, bordered and styled as their
// columns' cells (an amount column's number format the table's), one line
// high, between its last rows; the notes follow the last row; a filler
// row heads nothing, so no page break moves before one.
func TestFillerRows(t *testing.T) {
	tests := []struct {
		name   string
		f      *render.NumberFormat
		bands  int
		numFmt string
	}{
		{"default", nil, 17, "0.00;-0.00;"},
		{"whole yuan, zero 0", &render.NumberFormat{Separators: true, Zero: "0"}, 17, `#,##0;-#,##0;"0"`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			tb := amountsTable(tc.f)
			tb.Label = ""
			tb.PadTo(tc.bands)
			f := reopen(t, presented(tb))
			top := frozenRows(tb) + 1
			for i, r := range tb.Rows {
				row := top + i
				if r.Kind != render.RowFiller {
					continue
				}
				for c, col := range tb.Columns {
					ref, _ := excelize.CoordinatesToCellName(c+1, row)
					if v := value(t, f, "表3", ref); v != "" {
						t.Errorf("filler %s = %q, want nothing", ref, v)
					}
					st := styleAt(t, f, "表3", ref)
					if len(st.Border) != 4 {
						t.Errorf("filler %s has %d borders, want 4", ref, len(st.Border))
					}
					if col.Kind == render.KindAmount && (st.CustomNumFmt == nil || *st.CustomNumFmt != tc.numFmt) {
						t.Errorf("filler %s's number format %v, want %q", ref, st.CustomNumFmt, tc.numFmt)
					}
				}
				if h, err := f.GetRowHeight("表3", row); err != nil || h != rowHeight {
					t.Errorf("filler row %d is %.1f high, want %.1f (%v)", row, h, rowHeight, err)
				}
			}
			last := top + len(tb.Rows) - 1
			if got, want := value(t, f, "表3", fmt.Sprintf("B%d", last)), tb.Rows[len(tb.Rows)-1].Cells[1].Text; got != want {
				t.Errorf("B%d = %q, want the last row's %q", last, got, want)
			}
			if got := value(t, f, "表3", fmt.Sprintf("A%d", last+1)); got != render.NoteRounding {
				t.Errorf("A%d = %q, want the note", last+1, got)
			}
			// Two rows a page: the breaks are those of the table whose
			// filler rows are 项 rows like the last (heading nothing), not
			// moved up as before a row that heads the last.
			tall := make([]float64, len(tb.Rows))
			for i := range tall {
				tall[i] = 300
			}
			breaks := pageBreaks(tb, 1, false, []float64{rowHeight}, tall)
			items := *tb
			items.Rows = append([]render.Row(nil), tb.Rows...)
			for i := range items.Rows {
				if items.Rows[i].Kind == render.RowFiller {
					items.Rows[i].Kind, items.Rows[i].Level = render.RowItem, 3
				}
			}
			if want := pageBreaks(&items, 1, false, []float64{rowHeight}, tall); fmt.Sprint(breaks) != fmt.Sprint(want) {
				t.Errorf("breaks %v, want %v", breaks, want)
			}
		})
	}
}

// longTable is functionTable with n more 项 rows: it runs over printed
// pages.
func longTable(n int) *render.Table {
	tb := functionTable()
	last := tb.Rows[len(tb.Rows)-1]
	for i := 0; i < n; i++ {
		r := last
		r.Cells = append([]render.Cell(nil), last.Cells...)
		r.Cells[0], r.Cells[1] = render.CodeCell(fmt.Sprintf("20103%02d", 50+i)), render.Str(fmt.Sprintf("第%d项支出", i+1))
		tb.Rows = append(tb.Rows, r)
	}
	return tb
}

// TestHeaderOnce: by default the rows above the body (title, department
// line, header) are the print titles, repeated on every printed page, and
// the page breaks leave room for them; a table that declares HeaderOnce
// has no print titles, and its continuation pages hold more rows. The
// panes stay frozen under the header on screen either way.
func TestHeaderOnce(t *testing.T) {
	for _, once := range []bool{false, true} {
		t.Run(fmt.Sprintf("HeaderOnce=%v", once), func(t *testing.T) {
			tb := longTable(150)
			tb.Label, tb.HeaderOnce = "", once
			f := reopen(t, presented(tb))
			var titles []string
			for _, dn := range f.GetDefinedName() {
				if dn.Name == printTitles {
					titles = append(titles, dn.RefersTo)
				}
			}
			if want := !once; (len(titles) == 1) != want || len(titles) > 1 {
				t.Errorf("print titles %v, want them: %v", titles, want)
			}
			if p, err := f.GetPanes("表3"); err != nil || p.YSplit != frozenRows(tb) {
				t.Errorf("panes %+v (%v), want frozen under row %d", p, err, frozenRows(tb))
			}
			heights := make([]float64, len(tb.Rows))
			for i := range heights {
				heights[i] = rowHeight
			}
			top := []float64{titleHeight, rowHeight, rowHeight, rowHeight}
			breaks := pageBreaks(tb, 1, false, top, heights)
			if len(breaks) < 2 {
				t.Fatalf("breaks %v: the case does not run over three pages", breaks)
			}
			first, second := breaks[0], breaks[1]-breaks[0]
			if once && second <= first || !once && second != first {
				t.Errorf("the first page holds %d rows, the second %d: the header is repeated: %v", first, second, !once)
			}
		})
	}
}

// TestLibreOfficeHeaderOnce: LibreOffice prints the header of a table
// that declares HeaderOnce on its first page only, and repeats it on
// every page of one that does not.
func TestLibreOfficeHeaderOnce(t *testing.T) {
	p := &render.Publication{Year: 2025, Department: "测试部门"}
	for i, once := range []bool{false, true} {
		tb := longTable(150)
		tb.Label, tb.HeaderOnce = "", once
		tb.SheetName, tb.Title = fmt.Sprintf("表%d", i+1), fmt.Sprintf("表头%v", []string{"每页", "一次"}[i])
		p.Tables = append(p.Tables, tb)
	}
	pages := printedByLibreOffice(t, p, "header-once")
	counts := map[string][]int{} // title → the headers printed on each of its pages
	title := ""
	for _, pg := range pages {
		for _, tb := range p.Tables {
			if strings.Contains(pg, tb.Title) {
				title = tb.Title
			}
		}
		n := 0
		if _, ok := lineWith([]string{pg}, "科目编码", "科目名称", "合计", "基本支出", "项目支出"); ok {
			n = 1
		}
		counts[title] = append(counts[title], n)
	}
	for _, tb := range p.Tables {
		got := counts[tb.Title]
		if len(got) < 3 {
			t.Fatalf("%s: %d pages, want three or more", tb.Title, len(got))
		}
		for i, n := range got {
			want := 1
			if tb.HeaderOnce && i > 0 {
				want = 0
			}
			if n != want {
				t.Errorf("%s page %d: header printed %d times, want %d", tb.Title, i+1, n, want)
			}
		}
	}
}

// TestNotesVerbatim: a table's notes are written as given, one a row under
// its last row (after any filler rows), nothing added before them: an
// empty table of 12 filler rows and 合计 and Shanghai's note with its
// ASCII colon; two notes.
func TestNotesVerbatim(t *testing.T) {
	empty := "注:本部门2025年无政府性基金预算财政拨款安排的预算，故本表为空表。"
	tests := []struct {
		name  string
		empty bool
		bands int
		notes []string
	}{
		{"Shanghai's empty table 6", true, 2 + 12 + 1, []string{empty}},
		{"two notes", false, 0, []string{render.NoteEmpty, render.NoteRounding}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			tb := functionTable()
			tb.Label = ""
			if tc.empty {
				tb.Rows = tb.Rows[:1] // the 合计 alone
				tb.Rows[0].Cells = []render.Cell{render.CodeCell(""), render.Str("合计"), m("0"), m("0"), m("0")}
			}
			tb.PadTo(tc.bands)
			tb.Notes = tc.notes
			f := reopen(t, presented(tb))
			last := frozenRows(tb) + len(tb.Rows)
			if got := value(t, f, "表3", fmt.Sprintf("B%d", last)); got != "合计" && tc.empty {
				t.Errorf("B%d = %q, want 合计", last, got)
			}
			for i, note := range tc.notes {
				ref := fmt.Sprintf("A%d", last+1+i)
				if got := value(t, f, "表3", ref); got != note {
					t.Errorf("%s = %q, want %q", ref, got, note)
				}
			}
			if got := value(t, f, "表3", fmt.Sprintf("A%d", last+1+len(tc.notes))); got != "" {
				t.Errorf("a row after the notes holds %q", got)
			}
		})
	}
}

// codesTable is shaped like Shanghai's table 5 (classes 3: 类 | 款 | 项
// under 功能分类科目编码) or table 8 (classes 2: 类 | 款 under
// 部门预算经济分类科目编码): the code columns, the name, three amounts; a 类
// row, a 款 row and two 项 rows (in table 8 a 类 and two 款), 合计 last.
func codesTable(classes int) *render.Table {
	keys := []render.ColKey{render.ColCodeClass, render.ColCodeSection, render.ColCodeItem}[:classes]
	heading := map[int]string{3: "功能分类科目编码", 2: "部门预算经济分类科目编码"}[classes]
	amount := render.Column{Kind: render.KindAmount}
	tb := &render.Table{Number: 5, Title: "2025年部门一般公共预算支出功能分类预算表", Department: "测试部门", Unit: "元",
		Presentation: render.Presentation{SheetName: "表5"}, HeaderRows: 3}
	for i, k := range keys {
		tb.Columns = append(tb.Columns, render.Column{Key: k, Kind: render.KindCode})
		tb.Header = append(tb.Header, render.HeaderCell{Row: 2, Col: i, Text: []string{"类", "款", "项"}[i]})
	}
	tb.Columns = append(tb.Columns, render.Column{Key: render.ColName, Kind: render.KindText}, amount, amount, amount)
	tb.Header = append(tb.Header,
		render.HeaderCell{Row: 0, Col: 0, ColSpan: classes + 1, Text: "项目"},
		render.HeaderCell{Row: 0, Col: classes + 1, ColSpan: 3, Text: "一般公共预算支出"},
		render.HeaderCell{Row: 1, Col: 0, ColSpan: classes, Text: heading},
		render.HeaderCell{Row: 1, Col: classes, RowSpan: 2, Text: "功能分类科目名称"},
		render.HeaderCell{Row: 1, Col: classes + 1, RowSpan: 2, Text: "合计"},
		render.HeaderCell{Row: 1, Col: classes + 2, RowSpan: 2, Text: "基本支出"},
		render.HeaderCell{Row: 1, Col: classes + 3, RowSpan: 2, Text: "项目支出"})
	codes := [][]string{{"208"}, {"208", "05"}, {"208", "05", "05"}, {"208", "05", "06"}}
	names := []string{"社会保障和就业支出", "行政事业单位养老支出", "机关事业单位基本养老保险缴费支出", "机关事业单位职业年金缴费支出"}
	if classes == 2 {
		codes = [][]string{{"301"}, {"301", "01"}, {"301", "08"}}
		names = []string{"工资福利支出", "基本工资", "机关事业单位基本养老保险缴费"}
	}
	for i, c := range codes {
		var cells []render.Cell
		for k := 0; k < classes; k++ {
			s := ""
			if k < len(c) {
				s = c[k]
			}
			cells = append(cells, render.CodeCell(s))
		}
		kind := render.RowSubtotal
		if len(c) == classes {
			kind = render.RowItem
		}
		tb.Rows = append(tb.Rows, render.Row{Kind: kind, Level: len(c), Cells: append(cells, render.Str(names[i]), m("1234567"), m("1234567"), m("0"))})
	}
	total := render.Row{Kind: render.RowTotal, Cells: make([]render.Cell, classes)}
	for k := range total.Cells {
		total.Cells[k] = render.CodeCell("")
	}
	total.Cells = append(total.Cells, render.Str("合计"), m("1234567"), m("1234567"), m("0"))
	tb.Rows = append(tb.Rows, total)
	tb.NumberFormat = &render.NumberFormat{Separators: true}
	tb.FormatAmounts()
	return tb
}

// TestCodeColumns: a code printed in several columns (类 | 款 | 项, or 类
// | 款): each code a text cell (05 keeps its zero), formatted as text and
// left-aligned as the code column is; 类, 款 and 项 centred in the header;
// the columns narrow, but together wide enough for the heading over them on
// one line; a 类 row fills 类 only, a 款 row 类 and 款. The default
// layout has no heading over code columns only, so its widths stay.
func TestCodeColumns(t *testing.T) {
	for _, classes := range []int{3, 2} {
		t.Run(fmt.Sprintf("%d code columns", classes), func(t *testing.T) {
			tb := codesTable(classes)
			tb.Label = ""
			f := reopen(t, presented(tb))
			top := frozenRows(tb) + 1
			for i, r := range tb.Rows {
				for c := 0; c < classes; c++ {
					ref, _ := excelize.CoordinatesToCellName(c+1, top+i)
					if got := value(t, f, "表5", ref); got != r.Cells[c].Text {
						t.Errorf("%s = %q, want %q", ref, got, r.Cells[c].Text)
					}
					if r.Cells[c].Text == "" {
						continue
					}
					if typ, err := f.GetCellType("表5", ref); err != nil || typ == excelize.CellTypeNumber {
						t.Errorf("%s is a number (%v), want text", ref, err)
					}
					st := styleAt(t, f, "表5", ref)
					if st.NumFmt != textNumFmt || st.Alignment == nil || st.Alignment.Horizontal != "left" || len(st.Border) != 4 {
						t.Errorf("%s: number format %d, alignment %+v, %d borders; want text, left, bordered", ref, st.NumFmt, st.Alignment, len(st.Border))
					}
				}
			}
			widths := columnWidths(tb)
			heading := tb.Header[len(tb.Header)-5]
			if wrapLines(heading.Text, spanWidth(widths, 0, classes)-cellMargin) != 1 {
				t.Errorf("%q wraps over code columns %v wide", heading.Text, widths[:classes])
			}
			for c := 0; c < classes; c++ {
				if widths[c] > 14 {
					t.Errorf("code column %d is %.0f wide: not narrow", c, widths[c])
				}
				got, err := f.GetColWidth("表5", string(rune('A'+c)))
				if err != nil || got != widths[c] {
					t.Errorf("column %c is %.1f wide (%v), want %.1f", 'A'+c, got, err, widths[c])
				}
				ref, _ := excelize.CoordinatesToCellName(c+1, top-1)
				if st := styleAt(t, f, "表5", ref); st.Alignment == nil || st.Alignment.Horizontal != "center" {
					t.Errorf("the header %s is not centred", ref)
				}
			}
			if hs := headerHeights(tb, widths); hs[1] != rowHeight {
				t.Errorf("the header row of %q is %.1f high, want one line (%.1f)", heading.Text, hs[1], rowHeight)
			}
		})
	}
	for _, tb := range bigPublication(t, 1, 10).Tables {
		for _, h := range tb.Header {
			if overCodes(tb, h) {
				t.Errorf("表%d of the default layout: %q spans code columns only", tb.Number, h.Text)
			}
		}
	}
}
