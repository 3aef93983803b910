package importer

import (
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/budgetpub/budgetpub/render"
)

var (
	yearRe       = regexp.MustCompile(`(19|20)[0-9]{2}`)
	labelRe      = regexp.MustCompile(`^(预算公开表|部门预算公开表|部门公开表|公开表|表)([0-9]{1,2}|[一二三四五六七八九十]{1,3})`)
	yearPrefixRe = regexp.MustCompile(`^\{year\}年度?`)
	parenRe      = regexp.MustCompile(`\([^()]*\)`)
	titleYearRe  = regexp.MustCompile(`((?:19|20)[0-9]{2})\s*年`)
)

// located is a declared table found on a sheet.
type located struct {
	decl  *render.TableDecl
	g     *grid
	title int   // row of the title
	first int   // first row of the body
	cols  []int // the sheet column of each declared column; -1 when absent
	// optional is the sheet column of the declaration's optional column
	// (TableImport.Optional); -1 when absent.
	optional int
	yuan     bool // the table's 单位 line says 元
	dept     string
	deptRef  string // the cell of the department's name
	year     int
	labels   []string // the texts before the department's name (deptLabels)
}

// ref is the reference of a body cell of declared column k on row r.
func (l *located) ref(r, k int) string {
	c := 0
	if k >= 0 && k < len(l.cols) && l.cols[k] >= 0 {
		c = l.cols[k]
	}
	return l.g.ref(r, c)
}

// titleText is a cell's text as a title: normalized, without a leading
// label (预算公开表3, 表三) or year (2024年, 2024年度).
func titleText(s string) string {
	t := norm(s)
	t = labelRe.ReplaceAllString(t, "")
	return yearPrefixRe.ReplaceAllString(t, "")
}

// title is a text as a title, normalized, and without its bracketed parts.
type title struct{ full, loose string }

func newTitle(t string) title { return title{t, parenRe.ReplaceAllString(t, "")} }

// titleScore says how well a sheet's title cell names a declared table
// (want, its normalized title): 2 when the texts are the same, 1 when they
// are with bracketed parts left out (一般公共预算支出预算表 for
// …（不含上年结转）), else 0.
func titleScore(cell, want title) int {
	switch {
	case cell.full == "":
		return 0
	case cell.full == want.full:
		return 2
	case cell.loose == want.loose && cell.loose != "":
		return 1
	}
	return 0
}

// locate finds every table of the set in the workbook: for each sheet, the
// declaration its title names best (a title matching with its brackets
// beats one matching without them; among equals the sheet name decides).
// It returns the tables found, by id, and the ids it could not find.
func locate(grids []*grid, set *render.Profile) (map[render.TableID]*located, []render.TableID, []error) {
	type candidate struct {
		g     *grid
		row   int
		decl  *render.TableDecl
		score int
	}
	var cands []candidate
	wants := make([]title, len(set.Tables))
	for i, d := range set.Tables {
		wants[i] = newTitle(norm(d.Title))
	}
	// Each text is made a title once, however many cells hold it (a
	// workbook of a thousand sheets of one repeated text took minutes).
	titles := map[string]title{}
	for _, g := range grids {
		best := candidate{}
		number := sheetNumber(g.name)
		for r := 0; r < len(g.cells) && r < 20; r++ {
			for _, text := range g.cells[r] {
				if text == "" {
					continue
				}
				cell, ok := titles[text]
				if !ok {
					cell = newTitle(titleText(text))
					titles[text] = cell
				}
				for i, d := range set.Tables {
					s := titleScore(cell, wants[i]) * 10
					if s == 0 {
						continue
					}
					if number == d.Number {
						s++
					}
					if s > best.score {
						best = candidate{g, r, d, s}
					}
				}
			}
			if best.score >= 20 {
				break
			}
		}
		if best.decl != nil {
			cands = append(cands, best)
		}
	}
	sort.SliceStable(cands, func(i, j int) bool { return cands[i].score > cands[j].score })
	out := map[render.TableID]*located{}
	var errs []error
	for _, c := range cands {
		if prev, dup := out[c.decl.ID]; dup {
			errs = append(errs, fmt.Errorf("工作表“%s”和“%s”都是%s，只能有一张", prev.g.name, c.g.name, tableName(c.decl)))
			continue
		}
		l, err := header(c.g, c.row, c.decl, deptLabels(set))
		if err != nil {
			errs = append(errs, err)
			continue
		}
		out[c.decl.ID] = l
	}
	var missing []render.TableID
	for _, d := range set.Tables {
		if out[d.ID] == nil {
			missing = append(missing, d.ID)
		}
	}
	return out, missing, errs
}

// tableName is 表3（预算支出总表）.
func tableName(d *render.TableDecl) string {
	return fmt.Sprintf("表%d（%s）", d.Number, d.Title)
}

// sheetNumber reads a table number out of a sheet name: 表3, 表三, 预算公开表3; 0 if none.
func sheetNumber(name string) int {
	m := labelRe.FindStringSubmatch(norm(name))
	if m == nil {
		return 0
	}
	if n, err := strconv.Atoi(m[2]); err == nil {
		return n
	}
	return chineseNumber(m[2])
}

func chineseNumber(s string) int {
	digits := map[rune]int{'一': 1, '二': 2, '三': 3, '四': 4, '五': 5, '六': 6, '七': 7, '八': 8, '九': 9}
	n, cur := 0, 0
	for _, r := range s {
		if r == '十' {
			if cur == 0 {
				cur = 1
			}
			n += cur * 10
			cur = 0
			continue
		}
		cur = digits[r]
	}
	return n + cur
}

// synonyms are header texts other exports print for the declared ones.
var synonyms = map[string]string{
	"科目代码": "科目编码", "功能科目编码": "科目编码", "功能分类科目编码": "科目编码", "支出功能分类科目编码": "科目编码",
	"功能科目名称": "科目名称", "功能分类科目名称": "科目名称",
	"收入科目代码": "收入科目编码", "单位": "单位名称", "预算单位": "单位名称", "项目": "项目",
}

// headerTexts are the normalized texts of a declaration's header, each as
// a sheet's header word is compared with it (headerWord: 功能分类科目编码
// is 科目编码).
func headerTexts(d *render.TableDecl) map[string]bool {
	out := map[string]bool{}
	for _, h := range d.Header {
		out[norm(h.Text)] = true
		out[headerWord(h.Text)] = true
	}
	return out
}

// deptLabels are the texts before the department's name on a line above a
// profile's tables, normalized: its DeptLabel (编制部门：) and the default
// (部门名称：), which any export may print.
func deptLabels(p *render.Profile) []string {
	out := []string{norm(render.DefaultDeptLabel)}
	if p.DeptLabel != "" && norm(p.DeptLabel) != out[0] {
		out = append(out, norm(p.DeptLabel))
	}
	return out
}

func headerWord(s string) string {
	t := norm(s)
	if w, ok := synonyms[t]; ok {
		return w
	}
	return t
}

// isNumberRow tells the row of column numbers under some headers: 1 2 3 …
func isNumberRow(row []string) bool {
	n := 0
	for _, v := range row {
		v = strings.TrimSpace(v)
		if v == "" {
			continue
		}
		if v != strconv.Itoa(n+1) {
			return false
		}
		n++
	}
	return n >= 2
}

// header finds the header rows of a table whose title is on row t, and the
// sheet column of each declared column, by the header texts.
func header(g *grid, t int, d *render.TableDecl, labels []string) (*located, error) {
	// A table declared in 元 is read in 元 unless its 单位 line says
	// otherwise.
	l := &located{decl: d, g: g, title: t, optional: -1, yuan: d.PrintUnit() == "元", labels: labels}
	if m := titleYearRe.FindStringSubmatch(strings.Join(g.cells[t], "")); m != nil {
		l.year, _ = strconv.Atoi(m[1])
	}
	known := headerTexts(d)
	optional := norm(d.Import.Optional)
	if optional != "" {
		known[optional] = true
	}
	isHeader := func(row []string) bool {
		any := false
		for _, v := range row {
			if strings.TrimSpace(v) == "" {
				continue
			}
			if !known[headerWord(v)] {
				return false
			}
			any = true
		}
		return any
	}
	top := -1
	for r := t + 1; r < len(g.cells) && r < t+12; r++ {
		row := g.cells[r]
		l.readLine(r, row)
		if isHeader(row) {
			top = r
			break
		}
	}
	if top < 0 {
		return nil, fmt.Errorf("%s：工作表“%s”中找不到%s的表头（%s）", g.ref(t, 0), g.name, tableName(d), strings.Join(leafTexts(d), "、"))
	}
	bottom := top
	for r := top + 1; r < len(g.cells) && (isHeader(g.cells[r]) || isNumberRow(g.cells[r])); r++ {
		bottom = r
	}
	l.first = bottom + 1
	// Each sheet column's header path, top to bottom.
	width := 0
	for r := top; r <= bottom; r++ {
		width = max(width, len(g.cells[r]))
	}
	paths := make([][]string, width)
	for c := 0; c < width; c++ {
		for r := top; r <= bottom; r++ {
			v := g.at(r, c)
			if strings.TrimSpace(v) == "" || isNumberRow(g.cells[r]) {
				continue
			}
			w := headerWord(v)
			if len(paths[c]) == 0 || paths[c][len(paths[c])-1] != w {
				paths[c] = append(paths[c], w)
			}
		}
	}
	l.cols = matchColumns(d, paths)
	var missing []string
	for k, c := range l.cols {
		if c < 0 {
			missing = append(missing, declaredPath(d, k)[len(declaredPath(d, k))-1])
		}
	}
	if len(missing) > 0 {
		return nil, fmt.Errorf("%s：%s缺少这些列：%s", g.ref(top, 0), tableName(d), strings.Join(missing, "、"))
	}
	used := map[int]bool{}
	for _, c := range l.cols {
		used[c] = true
	}
	if optional != "" {
		for c, p := range paths {
			if len(p) > 0 && p[len(p)-1] == optional && !used[c] {
				l.optional = c
				break
			}
		}
	}
	return l, nil
}

// readLine takes the department and the unit from a line above the header:
// 部门名称：… (or the profile's DeptLabel: 编制部门：…) and 单位：万元.
func (l *located) readLine(r int, row []string) {
	for i, v := range row {
		t := strings.TrimSpace(strings.ReplaceAll(v, "：", ":"))
		for _, label := range l.labels {
			if name, ok := strings.CutPrefix(t, label); ok {
				name = strings.TrimSpace(name)
				l.deptRef = l.g.ref(r, i)
				if name == "" && i+1 < len(row) {
					name = strings.TrimSpace(row[i+1])
					l.deptRef = l.g.ref(r, i+1)
				}
				l.dept = name
			}
		}
		for _, p := range []string{"单位:", "金额单位:"} {
			if u, ok := strings.CutPrefix(t, p); ok {
				l.yuan = strings.TrimSpace(u) == "元"
			}
		}
	}
}

// declaredPath is the header texts over declared column k, top to bottom,
// without the row of column numbers.
func declaredPath(d *render.TableDecl, k int) []string {
	var cells []render.HeaderCell
	for _, h := range d.Header {
		span := max(h.ColSpan, 1)
		if k >= h.Col && k < h.Col+span && !isNumber(h.Text) {
			cells = append(cells, h)
		}
	}
	sort.Slice(cells, func(i, j int) bool { return cells[i].Row < cells[j].Row })
	var out []string
	for _, h := range cells {
		out = append(out, norm(h.Text))
	}
	return out
}

func isNumber(s string) bool { _, err := strconv.Atoi(s); return err == nil }

func leafTexts(d *render.TableDecl) []string {
	var out []string
	for k := range d.Columns {
		p := declaredPath(d, k)
		out = append(out, p[len(p)-1])
	}
	return out
}

// matchColumns maps each declared column to a sheet column, left to right:
// the first column after the previous match whose header ends with the
// declared column's own text and holds its group texts (本年收入 over 合计);
// failing that, one whose header ends with the text alone. A table whose
// code and name share one column (科目编码 over 2010301 行政运行) maps both
// to it.
func matchColumns(d *render.TableDecl, paths [][]string) []int {
	out := make([]int, len(d.Columns))
	contains := func(path []string, w string) bool {
		for _, p := range path {
			if p == w {
				return true
			}
		}
		return false
	}
	next := 0
	for k := range d.Columns {
		want := declaredPath(d, k)
		for i, w := range want {
			want[i] = headerWord(w)
		}
		leaf := want[len(want)-1]
		out[k] = -1
		for pass := 0; pass < 2 && out[k] < 0; pass++ {
			for c := next; c < len(paths); c++ {
				p := paths[c]
				if len(p) == 0 || p[len(p)-1] != leaf {
					continue
				}
				ok := true
				for _, a := range want[:len(want)-1] {
					if pass == 0 && !contains(p, a) {
						ok = false
					}
				}
				if ok {
					out[k] = c
					next = c + 1
					break
				}
			}
		}
	}
	// 科目编码 and 科目名称 in one column.
	for _, pair := range [][2]render.ColKey{{render.ColCode, render.ColName}, {render.ColRevenueCode, render.ColRevenueName}} {
		ci, ni := colIndex(d, pair[0]), colIndex(d, pair[1])
		if ci >= 0 && ni >= 0 {
			switch {
			case out[ci] < 0 && out[ni] >= 0:
				out[ci] = out[ni]
			case out[ni] < 0 && out[ci] >= 0:
				out[ni] = out[ci]
			}
		}
	}
	return out
}

func colIndex(d *render.TableDecl, key render.ColKey) int {
	for i, c := range d.Columns {
		if c.Key == key {
			return i
		}
	}
	return -1
}
