package xlsx

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/budgetpub/budgetpub/render"
	"github.com/xuri/excelize/v2"
)

// structureChart is a five-slice chart like the reference's
// 一般公共预算当年拨款结构图.
func structureChart() *render.Chart {
	return &render.Chart{
		Title: "一般公共预算当年拨款结构图",
		Slices: []render.Slice{
			{Label: "一般公共服务支出", Amount: d("4256.93"), Share: d("83.41")},
			{Label: "文化旅游体育与传媒支出", Amount: d("64.45"), Share: d("1.26")},
			{Label: "社会保障和就业支出", Amount: d("448.57"), Share: d("8.79")},
			{Label: "卫生健康支出", Amount: d("108.57"), Share: d("2.13")},
			{Label: "住房保障支出", Amount: d("224.90"), Share: d("4.41")},
		},
		Total: d("5103.42"),
	}
}

// sentenceChart is a chart with a single slice, told in a sentence.
func sentenceChart() *render.Chart {
	return &render.Chart{
		Title:    "三公经费分布图",
		Slices:   []render.Slice{{Label: "公务接待费", Amount: d("3.20"), Share: d("100.00")}},
		Total:    d("3.20"),
		Sentence: "本部门2024年“三公”经费预算仅有公务接待费一项，3.20万元，占100.00%，故不绘制分布图。",
	}
}

// chartPublication is samplePublication with a part holding the two charts
// among other blocks.
func chartPublication() *render.Publication {
	p := samplePublication()
	p.Parts = []*render.Part{
		{Title: "第一部分 概况", Sections: []*render.Section{{Heading: "一、本部门职责", Paragraphs: []string{"　　职责。"}}}},
		{Title: "第三部分 2024年度部门预算情况说明", Sections: []*render.Section{{
			Heading: "五、一般公共预算当年拨款支出情况",
			Blocks: []render.Block{
				{Kind: render.BlockSubheading, Text: "（二）一般公共预算当年拨款结构情况"},
				{Kind: render.BlockParagraph, Text: "　　……"},
				{Kind: render.BlockChart, Chart: structureChart()},
				{Kind: render.BlockParagraph, Text: "　　……"},
				{Kind: render.BlockChart, Chart: sentenceChart()},
			},
		}}},
	}
	return p
}

// chartBlockRow finds the row of the chart sheet whose column A holds text.
func chartBlockRow(t *testing.T, f *excelize.File, text string) int {
	t.Helper()
	rows, err := f.GetRows(chartSheet)
	if err != nil {
		t.Fatal(err)
	}
	for i, r := range rows {
		if len(r) > 0 && r[0] == text {
			return i + 1
		}
	}
	t.Fatalf("%s: no row with %q in column A", chartSheet, text)
	return 0
}

// zipParts reads every part of a workbook.
func zipParts(t *testing.T, b []byte) map[string][]byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	parts := map[string][]byte{}
	for _, zf := range zr.File {
		rc, err := zf.Open()
		if err != nil {
			t.Fatal(err)
		}
		data, err := io.ReadAll(rc)
		_ = rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		parts[zf.Name] = data
	}
	return parts
}

// xmlTexts collects the text of every element with the given local name.
func xmlTexts(t *testing.T, data []byte, local string) []string {
	t.Helper()
	var out []string
	dec := xml.NewDecoder(bytes.NewReader(data))
	depth := 0 // >0 while inside a matching element
	var text strings.Builder
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return out
		}
		if err != nil {
			t.Fatal(err)
		}
		switch tk := tok.(type) {
		case xml.StartElement:
			if tk.Name.Local == local {
				if depth == 0 {
					text.Reset()
				}
				depth++
			}
		case xml.CharData:
			if depth > 0 {
				text.Write(tk)
			}
		case xml.EndElement:
			if tk.Name.Local == local {
				depth--
				if depth == 0 {
					out = append(out, text.String())
				}
			}
		}
	}
}

// xmlAttrs collects the val attribute of every element with the given local name.
func xmlAttrs(t *testing.T, data []byte, local, attr string) []string {
	t.Helper()
	var out []string
	dec := xml.NewDecoder(bytes.NewReader(data))
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return out
		}
		if err != nil {
			t.Fatal(err)
		}
		if se, ok := tok.(xml.StartElement); ok && se.Name.Local == local {
			for _, a := range se.Attr {
				if a.Name.Local == attr {
					out = append(out, a.Value)
				}
			}
		}
	}
}

func TestChartSheetOrder(t *testing.T) {
	f := reopen(t, chartPublication())
	got := f.GetSheetList()
	want := []string{"表3", "表12", chartSheet}
	if !slices.Equal(got, want) {
		t.Fatalf("sheets = %v, want %v", got, want)
	}
	if f.GetActiveSheetIndex() != 0 {
		t.Errorf("active sheet = %d, want 0", f.GetActiveSheetIndex())
	}
}

func TestChartSheetData(t *testing.T) {
	f := reopen(t, chartPublication())
	for _, c := range []*render.Chart{structureChart(), sentenceChart()} {
		t.Run(c.Title, func(t *testing.T) {
			top := chartBlockRow(t, f, c.Title)
			if st := styleAt(t, f, chartSheet, cell(1, top)); st.Font == nil || !st.Font.Bold {
				t.Errorf("title %s not bold", cell(1, top))
			}
			for col, want := range []string{"类别", "金额（万元）", "占比"} {
				if got := value(t, f, chartSheet, cell(col+1, top+1)); got != want {
					t.Errorf("header %s = %q, want %q", cell(col+1, top+1), got, want)
				}
			}
			check := func(r int, label string, amount, share string, bold bool) {
				t.Helper()
				if got := value(t, f, chartSheet, cell(1, r)); got != label {
					t.Errorf("A%d = %q, want %q", r, got, label)
				}
				for col, want := range map[int]string{2: amount, 3: share} {
					ref := cell(col, r)
					typ, err := f.GetCellType(chartSheet, ref)
					if err != nil {
						t.Fatal(err)
					}
					if typ != excelize.CellTypeUnset && typ != excelize.CellTypeNumber {
						t.Errorf("%s type = %v, want a number", ref, typ)
					}
					got := value(t, f, chartSheet, ref)
					if g, err := strconv.ParseFloat(got, 64); err != nil || !d(got).Equal(d(want)) {
						t.Errorf("%s = %q (%v), want %s", ref, got, g, want)
					}
					fmtWant := map[int]string{2: "#,##0.00", 3: "0.00%"}[col]
					st := styleAt(t, f, chartSheet, ref)
					if st.CustomNumFmt == nil || *st.CustomNumFmt != fmtWant {
						t.Errorf("%s format = %v, want %q", ref, st.CustomNumFmt, fmtWant)
					}
					if st.Font == nil || st.Font.Bold != bold {
						t.Errorf("%s bold = %v, want %v", ref, st.Font != nil && st.Font.Bold, bold)
					}
				}
			}
			for k, s := range c.Slices {
				check(top+2+k, s.Label, s.Amount.StringFixed(2), s.Share.Shift(-2).String(), false)
			}
			total := top + 2 + len(c.Slices)
			check(total, "合计", c.Total.StringFixed(2), "1", true)
			if c.Sentence != "" {
				if got := value(t, f, chartSheet, cell(1, total+1)); got != c.Sentence {
					t.Errorf("sentence A%d = %q, want %q", total+1, got, c.Sentence)
				}
			}
		})
	}
	// The shares are the model's: 0.8341 for 83.41%.
	top := chartBlockRow(t, f, structureChart().Title)
	if got := value(t, f, chartSheet, cell(3, top+2)); got != "0.8341" {
		t.Errorf("share of 一般公共服务支出 = %q, want 0.8341", got)
	}
	// The labels fit their column.
	w, err := f.GetColWidth(chartSheet, "A")
	if err != nil {
		t.Fatal(err)
	}
	if need := textWidth("文化旅游体育与传媒支出"); w < need {
		t.Errorf("column A width %.1f < %.1f for the longest label", w, need)
	}
}

// anchor is where a drawing sits: 0-based column and row of its corners.
type anchor struct{ fromCol, fromRow, toCol, toRow int }

// drawingAnchors reads the two-cell anchors of a drawing part.
func drawingAnchors(t *testing.T, data []byte) []anchor {
	t.Helper()
	var dr struct {
		Anchors []struct {
			From struct {
				Col int `xml:"col"`
				Row int `xml:"row"`
			} `xml:"from"`
			To struct {
				Col int `xml:"col"`
				Row int `xml:"row"`
			} `xml:"to"`
		} `xml:"twoCellAnchor"`
	}
	if err := xml.Unmarshal(data, &dr); err != nil {
		t.Fatal(err)
	}
	var out []anchor
	for _, a := range dr.Anchors {
		out = append(out, anchor{a.From.Col, a.From.Row, a.To.Col, a.To.Row})
	}
	return out
}

func TestChartParts(t *testing.T) {
	p := chartPublication()
	b := written(t, p)
	parts := zipParts(t, b)
	f, err := excelize.OpenReader(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()

	var charts, drawings []string
	for name := range parts {
		if strings.HasPrefix(name, "xl/charts/") {
			charts = append(charts, name)
		}
		if strings.HasPrefix(name, "xl/drawings/") && strings.HasSuffix(name, ".xml") {
			drawings = append(drawings, name)
		}
	}
	slices.Sort(charts)
	slices.Sort(drawings)
	if !slices.Equal(charts, []string{"xl/charts/chart1.xml"}) {
		t.Fatalf("chart parts = %v, want only xl/charts/chart1.xml (no pie for the sentence chart)", charts)
	}
	if !slices.Equal(drawings, []string{"xl/drawings/drawing1.xml"}) {
		t.Fatalf("drawing parts = %v, want one", drawings)
	}

	chart := parts["xl/charts/chart1.xml"]
	if n := len(xmlTexts(t, chart, "pieChart")); n != 1 {
		t.Errorf("chart1.xml has %d c:pieChart, want 1", n)
	}
	top := chartBlockRow(t, f, structureChart().Title)
	first, last := top+2, top+6
	refs := xmlTexts(t, chart, "f")
	for _, want := range []string{
		fmt.Sprintf("'图表'!$A$%d:$A$%d", first, last),
		fmt.Sprintf("'图表'!$B$%d:$B$%d", first, last),
		fmt.Sprintf("'图表'!$A$%d", top),
	} {
		if !slices.Contains(refs, want) {
			t.Errorf("chart references %q, want one of them %q", refs, want)
		}
	}
	if got := strings.Join(xmlTexts(t, chart, "t"), ""); !strings.Contains(got, structureChart().Title) {
		t.Errorf("chart title text = %q", got)
	}
	if got := xmlAttrs(t, chart, "legendPos", "val"); !slices.Equal(got, []string{"r"}) {
		t.Errorf("legend position = %v, want [r]", got)
	}
	if got := xmlAttrs(t, chart, "showPercent", "val"); !slices.Contains(got, "1") {
		t.Errorf("showPercent = %v, want a 1", got)
	}
	if got := xmlAttrs(t, chart, "numFmt", "formatCode"); !slices.Contains(got, "0.00%") {
		t.Errorf("data label formats = %v, want 0.00%%", got)
	}

	// The drawing belongs to the chart sheet and the pie lies right of the
	// data table (column E on) and above the next block.
	sheetPath := "xl/worksheets/sheet3.xml"
	if !bytes.Contains(parts[sheetPath], []byte("<drawing ")) {
		t.Errorf("%s (图表) has no drawing", sheetPath)
	}
	for _, other := range []string{"xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml"} {
		if bytes.Contains(parts[other], []byte("<drawing ")) {
			t.Errorf("%s has a drawing", other)
		}
	}
	anchors := drawingAnchors(t, parts["xl/drawings/drawing1.xml"])
	if len(anchors) != 1 {
		t.Fatalf("anchors = %v, want one", anchors)
	}
	a := anchors[0]
	next := chartBlockRow(t, f, sentenceChart().Title)
	if a.fromCol != chartColPie-1 || a.fromRow != top-1 {
		t.Errorf("pie starts at col %d row %d (0-based), want col %d row %d", a.fromCol, a.fromRow, chartColPie-1, top-1)
	}
	if a.toRow >= next-1 {
		t.Errorf("pie ends on row %d (0-based), reaching the next block at row %d", a.toRow, next-1)
	}
	if a.toCol <= a.fromCol {
		t.Errorf("pie has no width: %+v", a)
	}
}

func TestChartSheetPrintSetup(t *testing.T) {
	f := reopen(t, chartPublication())
	pl, err := f.GetPageLayout(chartSheet)
	if err != nil {
		t.Fatal(err)
	}
	if pl.Size == nil || *pl.Size != paperA4 || pl.Orientation == nil || *pl.Orientation != "landscape" {
		t.Errorf("page layout = %+v, want A4 landscape", pl)
	}
	if pl.FitToWidth == nil || *pl.FitToWidth != 1 {
		t.Errorf("fit to width = %v, want 1", pl.FitToWidth)
	}
}

func TestChartsDeterministic(t *testing.T) {
	first := written(t, chartPublication())
	ct := zipParts(t, first)[contentTypes]
	for i := 0; i < 10; i++ {
		again := written(t, chartPublication())
		if !bytes.Equal(first, again) {
			t.Fatalf("write %d differs from the first (%d vs %d bytes); content types:\n%s\n%s",
				i+2, len(again), len(first), ct, zipParts(t, again)[contentTypes])
		}
	}
	other := chartPublication()
	other.Parts[1].Sections[0].Blocks[2].Chart.Slices[1].Amount = d("64.46")
	if bytes.Equal(first, written(t, other)) {
		t.Error("a different slice amount gave the same bytes")
	}
}

func TestNoChartsNoSheet(t *testing.T) {
	plain := written(t, samplePublication())
	withText := samplePublication()
	withText.Parts = []*render.Part{{Title: "第一部分 概况", Sections: []*render.Section{{
		Heading: "一、本部门职责",
		Blocks:  []render.Block{{Kind: render.BlockParagraph, Text: "　　职责。"}, {Kind: render.BlockChart}},
	}}}, {Title: "第三部分"}}
	b := written(t, withText)
	if !bytes.Equal(plain, b) {
		t.Error("parts without charts changed the workbook")
	}
	f, err := excelize.OpenReader(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if got := f.GetSheetList(); slices.Contains(got, chartSheet) {
		t.Errorf("sheets = %v, want no %s", got, chartSheet)
	}
	for name := range zipParts(t, b) {
		if strings.HasPrefix(name, "xl/charts/") || strings.HasPrefix(name, "xl/drawings/") {
			t.Errorf("workbook without charts has %s", name)
		}
	}
}

func TestChartSheetNameTaken(t *testing.T) {
	p := chartPublication()
	p.Tables[1].SheetName = chartSheet
	var buf bytes.Buffer
	if err := Write(&buf, p); err == nil || !strings.Contains(err.Error(), chartSheet) {
		t.Errorf("Write error = %v, want one naming %s", err, chartSheet)
	}
}

func TestGroupedAmount(t *testing.T) {
	for in, want := range map[string]string{
		"0": "0.00", "64.45": "64.45", "448.57": "448.57", "4256.93": "4,256.93",
		"1234567.8": "1,234,567.80", "-5103.42": "-5,103.42",
	} {
		if got := groupedAmount(d(in)); got != want {
			t.Errorf("groupedAmount(%s) = %q, want %q", in, got, want)
		}
	}
}
