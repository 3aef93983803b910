package pdf

import (
	"fmt"
	"math"
	"strings"
	"testing"

	"github.com/budgetpub/budgetpub/render"
)

// groupedForm is a form of groups of rows: a label spanning the group's
// rows in column 0, a label per row in column 1 and a value in column 2.
func groupedForm(groups, rowsPer int, value func(g, r int) string) *render.Form {
	fm := &render.Form{Title: "大同市市级预算部门（单位）项目支出绩效目标表", Subtitle: "(2024年度)", Weights: []float64{1.2, 1.5, 4}, Rows: groups * rowsPer}
	for g := 0; g < groups; g++ {
		fm.Cells = append(fm.Cells, render.FormCell{Row: g * rowsPer, Col: 0, RowSpan: rowsPer, ColSpan: 1, Text: fmt.Sprintf("第%d组", g+1), Label: true})
		for r := 0; r < rowsPer; r++ {
			fm.Cells = append(fm.Cells,
				render.FormCell{Row: g*rowsPer + r, Col: 1, RowSpan: 1, ColSpan: 1, Text: fmt.Sprintf("指标%d-%d", g+1, r+1), Label: true},
				render.FormCell{Row: g*rowsPer + r, Col: 2, RowSpan: 1, ColSpan: 1, Text: value(g, r)})
		}
	}
	return fm
}

// rect is a cell's box as drawn: four borders, on page index page.
type rect struct {
	page           int
	x0, y0, x1, y1 float64
}

// rects finds the boxes drawn by flow.box: four lines in a row, top,
// bottom, left, right.
func rects(pages []*page) []rect {
	var out []rect
	for pi, p := range pages {
		var ls []lineItem
		for _, it := range p.items {
			if l, ok := it.(lineItem); ok {
				ls = append(ls, l)
			} else {
				ls = ls[:0]
			}
			if len(ls) == 4 {
				t, b, l, r := ls[0], ls[1], ls[2], ls[3]
				if t.y1 == t.y2 && b.y1 == b.y2 && l.x1 == l.x2 && r.x1 == r.x2 && t.x1 == l.x1 && t.x2 == r.x1 && t.y1 == l.y1 && b.y1 == l.y2 {
					out = append(out, rect{pi, t.x1, t.y1, t.x2, b.y1})
				}
				ls = ls[:0]
			}
		}
	}
	return out
}

// placedText is a text item with its page and its box.
type placedText struct {
	page           int
	x0, y0, x1, y1 float64
	it             textItem
}

func placedTexts(f *flow) []placedText {
	var out []placedText
	for pi, p := range f.pages {
		for _, it := range p.items {
			if tx, ok := it.(textItem); ok {
				top := tx.y - baseline(tx.st)
				out = append(out, placedText{pi, tx.x, top, tx.x + f.m.width(tx.st, tx.text), top + tx.st.size, tx})
			}
		}
	}
	return out
}

// checkFormText checks that every text of the grid lies in a cell's box on
// its page, and every box inside the text area; title lines are skipped.
// It returns, for each text, the index of its box.
func checkFormText(t *testing.T, f *flow, fm *render.Form) (map[int]int, []rect, []placedText) {
	t.Helper()
	rs := rects(f.pages)
	for _, r := range rs {
		if r.y0 < marginTop-1e-6 || r.y1 > f.bottom()+1e-6 || r.x0 < f.left()-1e-6 || r.x1 > f.right()+1e-6 {
			t.Errorf("a box %+v is outside the text area", r)
		}
	}
	in := map[int]int{}
	bad := 0
	for k, pt := range placedTexts(f) {
		if pt.it.text == fm.Title || pt.it.text == fm.Subtitle {
			continue
		}
		found := -1
		for i, r := range rs {
			if r.page == pt.page && pt.x0 >= r.x0+padX-0.01 && pt.x1 <= r.x1-padX+0.01 && pt.y0 >= r.y0-0.01 && pt.y1 <= r.y1+0.01 {
				found = i
				break
			}
		}
		if found < 0 {
			if bad++; bad < 10 {
				t.Errorf("page %d: text %q at x %.1f–%.1f, y %.1f–%.1f is in no cell", pt.page+1, pt.it.text, pt.x0, pt.x1, pt.y0, pt.y1)
			}
			continue
		}
		in[k] = found
	}
	return in, rs, placedTexts(f)
}

// textsInColumn joins, in drawing order, the texts drawn in boxes starting
// at x0.
func textsInColumn(in map[int]int, rs []rect, ts []placedText, x0 float64) string {
	var b strings.Builder
	for k, pt := range ts {
		if i, ok := in[k]; ok && math.Abs(rs[i].x0-x0) < 0.01 {
			b.WriteString(pt.it.text)
		}
	}
	return b.String()
}

// TestFormRowHeights: columns follow the weights over the text width; a
// row is as tall as its tallest single-row cell; a cell spanning rows that
// needs more grows the last of its rows; breaks are allowed only where no
// cell spans; label cells are bold and centred, values left-aligned.
func TestFormRowHeights(t *testing.T) {
	f := testFlow(t)
	long := strings.Repeat("通过信息化、专业化手段，搭建重点项目数字督办平台。", 6)
	fm := &render.Form{Weights: []float64{1, 3, 2}, Rows: 4, Cells: []render.FormCell{
		{Row: 0, Col: 0, RowSpan: 1, ColSpan: 1, Text: "项目名称", Label: true},
		{Row: 0, Col: 1, RowSpan: 1, ColSpan: 2, Text: long},
		{Row: 1, Col: 0, RowSpan: 3, ColSpan: 1, Text: strings.Repeat("绩效指标", 12), Label: true},
		{Row: 1, Col: 1, RowSpan: 1, ColSpan: 1, Text: "数量指标", Label: true},
		{Row: 1, Col: 2, RowSpan: 1, ColSpan: 1, Text: "≥90%"},
		{Row: 2, Col: 1, RowSpan: 1, ColSpan: 1, Text: "质量指标", Label: true},
		{Row: 2, Col: 2, RowSpan: 1, ColSpan: 1, Text: "清晰"},
		{Row: 3, Col: 1, RowSpan: 1, ColSpan: 1, Text: "时效指标", Label: true},
		{Row: 3, Col: 2, RowSpan: 1, ColSpan: 1, Text: "及时"},
	}}
	g := f.m.layoutForm(fm, f.textWidth())
	if math.Abs(sum(g.widths)-f.textWidth()) > 1e-6 || math.Abs(g.widths[1]-3*g.widths[0]) > 1e-6 {
		t.Errorf("column widths %v for weights 1:3:2 over %.2f", g.widths, f.textWidth())
	}
	one := g.minRow()
	valueLines := len(g.cells[1].cb.lines)
	if valueLines < 3 {
		t.Fatalf("the long value breaks into %d lines", valueLines)
	}
	if math.Abs(g.heights[0]-g.need(valueLines)) > 1e-6 {
		t.Errorf("row 0 is %.2f high, want %.2f for %d lines", g.heights[0], g.need(valueLines), valueLines)
	}
	labelLines := len(g.cells[2].cb.lines)
	if need := g.need(labelLines); need <= 3*one {
		t.Fatalf("the spanning label needs %.1f, no more than its rows: the case is void", need)
	} else {
		if g.heights[1] != one || g.heights[2] != one || math.Abs(g.heights[3]-(need-2*one)) > 1e-6 {
			t.Errorf("rows 1–3 are %v high; want %.2f, %.2f and the rest of %.2f", g.heights[1:], one, one, need)
		}
	}
	if want := []bool{true, true, false, false, true}; fmt.Sprint(g.breakOK) != fmt.Sprint(want) {
		t.Errorf("breaks allowed %v, want %v", g.breakOK, want)
	}
	f.form(fm)
	in, rs, ts := checkFormText(t, f, fm)
	for k, pt := range ts {
		i, ok := in[k]
		if !ok {
			continue
		}
		r := rs[i]
		switch pt.it.st {
		case stFormLabel:
			if l, rt := pt.x0-r.x0, r.x1-pt.x1; math.Abs(l-rt) > 0.01 {
				t.Errorf("label %q is not centred: %.2f left, %.2f right", pt.it.text, l, rt)
			}
		case stFormValue:
			if math.Abs(pt.x0-r.x0-padX) > 0.01 {
				t.Errorf("value %q is not left-aligned", pt.it.text)
			}
		default:
			t.Errorf("text %q in a cell has style %v", pt.it.text, pt.it.st)
		}
	}
	if len(rs) != len(fm.Cells) {
		t.Errorf("%d boxes for %d cells", len(rs), len(fm.Cells))
	}
}

// TestFormPagination runs forms over pages: each cell's text is drawn once,
// whole, inside its box; boxes stay in the text area; groups of rows held
// by a spanning cell stay on one page when they fit on one; a group taller
// than a page breaks between its rows, its spanning cell drawn in part on
// every page with its text going on; a row taller than a page is split.
func TestFormPagination(t *testing.T) {
	values := func(g, r int) string {
		return fmt.Sprintf("第%d组第%d行：", g+1, r+1) + strings.Repeat("保障政府网站与政务新媒体规范运行，", 1+(g*5+r*3)%9)
	}
	for _, tc := range []struct {
		name              string
		form              *render.Form
		startY            float64
		groupPages        bool // every group's label on one page
		minPages          int
		splitCol          int // a column whose one cell must run over pages: 0 the group label, 2 a value; -1 none
		labelPartsAtLeast int
	}{
		{"60 rows in groups of 4", groupedForm(15, 4, values), marginTop, true, 2, -1, 15},
		{"60 rows starting low", groupedForm(15, 4, values), 600, true, 2, -1, 15},
		{"one group of 60 rows", groupedForm(1, 60, values), 300, false, 2, 0, 2},
		{"a label taller than its group", func() *render.Form {
			fm := groupedForm(3, 2, values)
			fm.Cells[5].Text = strings.Repeat("很长的组标签文字", 150) // group 2's label, 1.2/6.7 of the width
			return fm
		}(), 200, false, 2, 0, 3},
		{"a row taller than a page", func() *render.Form {
			fm := groupedForm(4, 3, values)
			fm.Cells[7+2].Text = strings.Repeat("超长指标值用于测试跨页拆分的表格行，", 160)
			return fm
		}(), 400, false, 3, 2, 4},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := testFlow(t)
			f.y = tc.startY
			f.form(tc.form)
			if len(f.pages) < tc.minPages {
				t.Errorf("the form takes %d pages, want at least %d", len(f.pages), tc.minPages)
			}
			in, rs, ts := checkFormText(t, f, tc.form)
			all := ""
			for k, pt := range ts {
				if _, ok := in[k]; ok {
					all += pt.it.text
				}
			}
			want := 0
			for _, c := range tc.form.Cells {
				want += len(c.Text)
				if tc.splitCol != c.Col || len(c.Text) < 1000 {
					if !strings.Contains(all, c.Text) {
						t.Errorf("cell (%d,%d) %.30q… is not drawn whole", c.Row, c.Col, c.Text)
					}
				}
			}
			if len(all) != want {
				t.Errorf("the cells' texts are %d bytes, the drawn ones %d", want, len(all))
			}
			g := f.m.layoutForm(tc.form, f.textWidth())
			col0 := f.left()
			col2 := f.left() + g.widths[0] + g.widths[1]
			labelParts := 0
			for _, r := range rs {
				if math.Abs(r.x0-col0) < 0.01 {
					labelParts++
				}
			}
			if tc.groupPages && labelParts != tc.labelPartsAtLeast {
				t.Errorf("%d boxes of group labels for %d groups: a group is broken across pages", labelParts, tc.labelPartsAtLeast)
			}
			if !tc.groupPages && labelParts < tc.labelPartsAtLeast {
				t.Errorf("%d boxes of group labels, want at least %d (a label in parts)", labelParts, tc.labelPartsAtLeast)
			}
			switch tc.splitCol {
			case 0:
				var long string
				for _, c := range tc.form.Cells {
					if c.Col == 0 && len(c.Text) > len(long) {
						long = c.Text
					}
				}
				if got := textsInColumn(in, rs, ts, col0); !strings.Contains(got, long) {
					t.Errorf("the long label is not drawn in order over its parts")
				}
			case 2:
				var long string
				for _, c := range tc.form.Cells {
					if c.Col == 2 && len(c.Text) > len(long) {
						long = c.Text
					}
				}
				pages := map[int]bool{}
				for k, pt := range ts {
					if i, ok := in[k]; ok && math.Abs(rs[i].x0-col2) < 0.01 && strings.Contains(long, pt.it.text) && len(pt.it.text) > 30 {
						pages[pt.page] = true
					}
				}
				if len(pages) < 2 {
					t.Errorf("the long value is on %d page(s), want it split", len(pages))
				}
				if got := textsInColumn(in, rs, ts, col2); !strings.Contains(got, long) {
					t.Errorf("the long value is not drawn in order over its pieces")
				}
			}
			if f.y > f.bottom() {
				t.Errorf("the form ends at y=%.1f, below the text area", f.y)
			}
		})
	}
}

// TestFormTitleKeptWithRows: a form starting low on a page takes its title
// to the next page with its first rows: a title is never left with fewer
// than eight rows (whole groups of rows covering eight, or the whole of a
// shorter form).
func TestFormTitleKeptWithRows(t *testing.T) {
	one := func(g, r int) string { return "值" }
	for _, tc := range []struct {
		name string
		form *render.Form
		rows float64 // rows' worth of room under the title
		move bool
		keep int // rows under the title on its page when it stays
	}{
		{"no room", groupedForm(2, 3, one), 0.5, true, 0},
		{"a short form, room for all but a row", groupedForm(2, 3, one), 5.5, true, 0},
		{"a short form, room for it", groupedForm(2, 3, one), 6.5, false, 6},
		{"single rows, room for seven", groupedForm(12, 1, one), 7.5, true, 0},
		{"single rows, room for eight", groupedForm(12, 1, one), 8.5, false, 8},
		{"groups of three, room for eight rows", groupedForm(4, 3, one), 8.5, true, 0},
		{"groups of three, room for nine rows", groupedForm(4, 3, one), 9.5, false, 9},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := testFlow(t)
			g := f.m.layoutForm(tc.form, f.textWidth())
			head := stFormTitle.size*1.6 + stFormSubtitle.size*1.6 + 4 + 6
			f.y = f.bottom() - head - tc.rows*g.minRow()
			f.form(tc.form)
			moved := len(f.pages[0].items) == 0
			if moved != tc.move {
				t.Errorf("with room for %.1f rows under the title the form moved: %v, want %v", tc.rows, moved, tc.move)
			}
			if !moved {
				n := 0
				for _, r := range rects(f.pages) {
					if r.page == 0 && r.x0 > f.left()+1 {
						n++
					}
				}
				if n/2 != tc.keep {
					t.Errorf("%d rows under the title on its page, want %d", n/2, tc.keep)
				}
			}
		})
	}
}

// titlePage is the index of the page a form's title is on, or -1.
func titlePage(f *flow, fm *render.Form) int {
	for _, pt := range placedTexts(f) {
		if pt.it.text == fm.Title {
			return pt.page
		}
	}
	return -1
}

// rowsWithTitle counts the rows of fm drawn whole on the page of its title:
// from the top of the form's first box there, the rows (of the heights
// layoutForm gives them) that end above the lowest box of that page.
func rowsWithTitle(t *testing.T, f *flow, fm *render.Form, heights []float64) int {
	t.Helper()
	tp := titlePage(f, fm)
	if tp < 0 {
		t.Fatalf("the title %q is not printed", fm.Title)
	}
	top, bottom := math.Inf(1), math.Inf(-1)
	for _, r := range rects(f.pages) {
		if r.page == tp {
			top, bottom = math.Min(top, r.y0), math.Max(bottom, r.y1)
		}
	}
	n := 0
	y := top
	for _, h := range heights {
		if y += h; y > bottom+1e-6 {
			break
		}
		n++
	}
	return n
}

// TestFormKeptWithEightRows places forms at many heights — after a
// paragraph of 1 to 70 phrases, and at every 5 pt of a page — and checks
// that no page ends with a form's title and subtitle followed by fewer
// than eight of its rows: the form then starts on a new page. A shorter
// form goes whole with its title; a form whose first rows are taller than
// an empty page holds goes with as many as the page holds. The forms: the
// sample's 项目支出绩效目标表, and made-up ones of single rows, of groups
// of four, a short one and one with a row taller than a page.
func TestFormKeptWithEightRows(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: forms at every 5 pt of a page")
	}
	pub := samplePublication(t)
	type namedForm struct {
		name string
		form *render.Form
	}
	var forms []namedForm
	for _, p := range pub.Parts {
		for _, s := range p.Sections {
			for _, b := range s.Blocks {
				if b.Kind == render.BlockForm && b.Form != nil {
					forms = append(forms, namedForm{fmt.Sprintf("sample form %d", len(forms)+1), b.Form})
				}
			}
		}
	}
	if len(forms) == 0 {
		t.Fatal("the sample has no goal form")
	}
	values := func(g, r int) string {
		return fmt.Sprintf("第%d组第%d行：", g+1, r+1) + strings.Repeat("保障政府网站与政务新媒体规范运行，", 1+(g*5+r*3)%4)
	}
	tall := groupedForm(4, 3, values)
	tall.Cells[7+2].Text = strings.Repeat("超长指标值用于测试跨页拆分的表格行，", 160) // row 3
	forms = append(forms,
		namedForm{"single rows", groupedForm(20, 1, values)},
		namedForm{"groups of four", groupedForm(6, 4, values)},
		namedForm{"five rows", groupedForm(1, 5, values)},
		namedForm{"a row taller than a page", tall})
	phrase := "本部门严格按照预算管理有关规定编制预算，"
	m := testMetrics(t) // shared: its widths are measured once
	newFlow := func() *flow {
		f := &flow{m: m}
		f.newPage(false)
		return f
	}
	for _, nf := range forms {
		t.Run(nf.name, func(t *testing.T) {
			fm := nf.form
			// What goes with the title at best: the rows an empty page holds.
			f := newFlow()
			heights := f.m.layoutForm(fm, f.textWidth()).heights
			f.form(fm)
			want := min(8, len(heights), rowsWithTitle(t, f, fm, heights))
			if want == 0 {
				t.Fatalf("not one row of the form fits on an empty page under its title")
			}
			bad := 0
			check := func(where string, f *flow) {
				if got := rowsWithTitle(t, f, fm, heights); got < want {
					if bad++; bad <= 5 {
						t.Errorf("%s: the title on page %d is followed by %d rows there, want %d", where, titlePage(f, fm)+1, got, want)
					}
				}
			}
			for k := 1; k <= 70; k++ {
				f := newFlow()
				f.paragraph(stBody, strings.Repeat(phrase, k), true)
				f.form(fm)
				check(fmt.Sprintf("after %d phrases", k), f)
			}
			for y := marginTop; y < a4H-marginBottom; y += 5 {
				f := newFlow()
				f.y = y
				f.form(fm)
				check(fmt.Sprintf("at y=%.0f", y), f)
			}
			if bad > 5 {
				t.Errorf("%d placings in all leave the title with too few rows", bad)
			}
		})
	}
}
