package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"
)

// refSide is one side of a reference table: the columns of the reference's
// text line that make a row's label, and the amount columns with the header
// text that heads the matching column of the workbook.
type refSide struct {
	label   []int
	amounts map[int]string
	// first and last workbook column (0-based) of this side
	from, to int
}

type refTable struct {
	sheet   string
	title   string // the title line as printed in the reference
	headers int    // header lines of the reference before the body
	sides   []refSide
}

var fiveCols = map[int]string{2: "合计", 3: "基本支出", 4: "项目支出"}

var refTables = []refTable{
	{"表1", "2024年预算收支总表", 2, []refSide{
		{label: []int{0}, amounts: map[int]string{1: "2024年"}, from: 0, to: 1},
		{label: []int{2}, amounts: map[int]string{3: "2024年合计", 4: "当年预算安排", 5: "上年结转安排"}, from: 2, to: 5},
	}},
	{"表2", "2024年预算收入总表", 2, []refSide{{label: []int{0, 1}, amounts: map[int]string{
		2: "合计", 3: "一般公共预算", 4: "政府性基金", 5: "国有资本经营预算", 6: "财政专户管理资金", 7: "单位资金", 8: "上年结转"}, from: 0, to: 8}}},
	{"表3", "2024年预算支出总表", 2, []refSide{{label: []int{0, 1}, amounts: fiveCols, from: 0, to: 4}}},
	{"表4", "2024年财政拨款收支总表", 3, []refSide{
		{label: []int{0}, amounts: map[int]string{1: "金额"}, from: 0, to: 1},
		{label: []int{2}, amounts: map[int]string{3: "小计", 4: "一般公共预算", 5: "政府性基金预算", 6: "国有资本经营预算"}, from: 2, to: 6},
	}},
	{"表5", "2024年一般公共预算支出预算表（不含上年结转）", 2, []refSide{{label: []int{0, 1}, amounts: fiveCols, from: 0, to: 4}}},
	{"表6", "2024年一般公共预算安排基本支出分经济科目表（不含上年结转）", 2, []refSide{{label: []int{0, 1}, amounts: map[int]string{2: "合计", 3: "人员经费", 4: "公用经费"}, from: 0, to: 4}}},
	{"表7", "2024年政府性基金预算收入表（不含上年结转）", 2, []refSide{{label: []int{0, 1}, amounts: map[int]string{2: "政府性基金收入预算"}, from: 0, to: 2}}},
	{"表8", "2024年政府性基金预算支出表（不含上年结转）", 1, []refSide{{label: []int{0, 1}, amounts: fiveCols, from: 0, to: 4}}},
	{"表9", "2024年国有资本经营预算收支预算表（不含上年结转）", 3, []refSide{
		{label: []int{0, 1}, amounts: map[int]string{2: "国有资本经营收入预算"}, from: 0, to: 2},
		{label: []int{3, 4}, amounts: map[int]string{5: "合计", 6: "基本支出", 7: "项目支出"}, from: 3, to: 7},
	}},
	{"表10", "2024年财政拨款安排“三公”经费支出预算表", 2, []refSide{{label: []int{0}, amounts: map[int]string{
		1: "合计", 2: "一般公共预算", 3: "政府性基金预算", 4: "国有资本经营预算"}, from: 0, to: 4}}},
	{"表11", "2024年财政拨款安排机关运行经费预算表", 2, []refSide{{label: []int{0}, amounts: map[int]string{
		1: "合计", 2: "一般公共预算", 3: "政府性基金预算", 4: "国有资本经营预算"}, from: 0, to: 4}}},
	{"表12", "2024年项目支出预算表（本年预算）", 3, []refSide{{label: []int{0}, amounts: map[int]string{
		1: "合计", 2: "一般公共预算", 3: "政府性基金预算", 4: "国有资本经营预算", 5: "财政专户管理资金", 6: "单位资金"}, from: 0, to: 6}}},
	{"表13", "2024年项目支出预算表（上年结转）", 3, []refSide{{label: []int{0}, amounts: map[int]string{
		1: "合计", 2: "一般公共预算", 3: "政府性基金预算", 4: "国有资本经营预算"}, from: 0, to: 4}}},
}

// knownTail lists the places where the reference's own figures are not the
// sums of its printed items (spec/tables.md): its table 6 subtotals were taken
// from unrounded 元 amounts. budgetpub prints the sums of what it shows.
var knownTail = map[string]struct{ reference, rendered string }{
	"表6|合计|合计":       {"241.18", "241.17"}, // 210.33 + 26.56 + 3.00 + 1.30 = 241.19 in the reference; items sum to 241.17
	"表6|合计|人员经费":     {"213.32", "213.31"}, // 210.31 + 3.00
	"表6|工资福利支出|合计":   {"210.33", "210.31"}, // its 14 printed items add up to 210.31
	"表6|工资福利支出|人员经费": {"210.33", "210.31"},
}

var amountText = regexp.MustCompile(`^[0-9]+\.[0-9]{2}$`)

// refBody returns the body lines (split into cells) of one reference table.
func refBody(t *testing.T, ref []string, rt refTable) [][]string {
	start := -1
	for i, l := range ref {
		if strings.TrimSpace(l) == rt.title {
			start = i
			break
		}
	}
	if start < 0 {
		t.Fatalf("%s: title %q not found in the reference", rt.sheet, rt.title)
	}
	var body [][]string
	headers := 0
	for _, l := range ref[start+1:] {
		s := strings.TrimSpace(l)
		if strings.HasPrefix(s, "2024年") && strings.HasSuffix(s, "表") || strings.HasSuffix(s, "）") && strings.HasPrefix(s, "2024年") || s == "第三部分 2024年度部门预算情况说明" {
			break
		}
		if !strings.Contains(l, "\t") {
			continue
		}
		if headers < rt.headers {
			headers++
			continue
		}
		body = append(body, strings.Split(l, "\t"))
	}
	return body
}

// sheetGrid reads a sheet: its rows as text, and the header text heading each column.
type sheetGrid struct {
	rows      [][]string
	colHeader []string // the lowest header text over each column
	bodyStart int
}

func readSheet(t *testing.T, f *excelize.File, sheet string) sheetGrid {
	rows, err := f.GetRows(sheet, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatalf("%s: %v", sheet, err)
	}
	g := sheetGrid{rows: rows}
	// The header grid starts on row 4 (label, title, 部门名称 above it) and
	// ends above the first row whose first cell is a total or an item.
	merged, err := f.GetMergeCells(sheet)
	if err != nil {
		t.Fatal(err)
	}
	covering := func(r, c int) string { // value of the merged range covering (r, c), if any
		for _, m := range merged {
			c1, r1, _ := excelize.CellNameToCoordinates(m.GetStartAxis())
			c2, r2, _ := excelize.CellNameToCoordinates(m.GetEndAxis())
			if r+1 >= r1 && r+1 <= r2 && c+1 >= c1 && c+1 <= c2 {
				return m.GetCellValue()
			}
		}
		return ""
	}
	g.bodyStart = -1
	for r := 3; r < len(rows); r++ {
		if hasAmount(f, sheet, r, rows[r]) || r+1 < len(rows) && len(rows[r]) > 0 && (rows[r][0] == "合计" || rows[r][0] == "1") {
			if len(rows[r]) > 0 && rows[r][0] == "1" { // the column-number row closes the header
				g.bodyStart = r + 1
			} else {
				g.bodyStart = r
			}
			break
		}
	}
	if g.bodyStart < 0 {
		t.Fatalf("%s: no body found", sheet)
	}
	width := 0
	for _, r := range rows {
		width = max(width, len(r))
	}
	g.colHeader = make([]string, width)
	for c := 0; c < width; c++ {
		for r := 3; r < g.bodyStart; r++ {
			v := ""
			if c < len(rows[r]) {
				v = rows[r][c]
			}
			if v == "" {
				v = covering(r, c)
			}
			if v != "" && !isDigitsOnly(v) {
				g.colHeader[c] = v
			}
		}
	}
	return g
}

func isDigitsOnly(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return s != ""
}

// hasAmount tells a row (0-based r) with an amount: a numeric cell (codes
// and the column numbers are text).
func hasAmount(f *excelize.File, sheet string, r int, row []string) bool {
	for c, v := range row {
		if v == "" {
			continue
		}
		if _, err := decimal.NewFromString(v); err != nil {
			continue
		}
		ref, _ := excelize.CoordinatesToCellName(c+1, r+1)
		if ty, _ := f.GetCellType(sheet, ref); ty == excelize.CellTypeUnset || ty == excelize.CellTypeNumber {
			return true
		}
	}
	return false
}

func cell(row []string, i int) string {
	if i < len(row) {
		return strings.TrimSpace(row[i])
	}
	return ""
}

// TestWorkbookMatchesReference renders the sample and finds every figure of
// every table of the reference publication in the workbook, by row label and
// column header.
func TestWorkbookMatchesReference(t *testing.T) {
	refText, err := os.ReadFile("testdata/reference.txt")
	if err != nil {
		t.Fatal(err)
	}
	ref := strings.Split(string(refText), "\n")
	dir := t.TempDir()
	if code := run([]string{"render", "-o", dir}, ioDiscard{}, ioDiscard{}); code != 0 {
		t.Fatalf("render exited %d", code)
	}
	f, err := excelize.OpenFile(filepath.Join(dir, "datong-gov-office-2024.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	figures, printed, tails := 0, 0, map[string]bool{}
	for _, rt := range refTables {
		g := readSheet(t, f, rt.sheet)
		body := refBody(t, ref, rt)
		for _, rl := range body {
			for _, c := range rl {
				if amountText.MatchString(strings.TrimSpace(c)) {
					printed++
				}
			}
		}
		if refHasEmptyNote(ref, rt) != sheetHasText(g, "注：本表无数据") {
			t.Errorf("%s: reference has the no-data note: %v, workbook: %v", rt.sheet, refHasEmptyNote(ref, rt), sheetHasText(g, "注：本表无数据"))
		}
		for _, side := range rt.sides {
			used := map[int]bool{}
			for _, rl := range body {
				var label []string
				for _, i := range side.label {
					label = append(label, cell(rl, i))
				}
				if strings.Join(label, "") == "" {
					continue
				}
				r := findRow(g, side, label, used)
				if r < 0 {
					t.Errorf("%s: row %q of the reference not found in the workbook", rt.sheet, label)
					continue
				}
				used[r] = true
				for i, header := range side.amounts {
					want := cell(rl, i)
					c := findCol(g, side, header)
					if c < 0 {
						t.Errorf("%s: column %q not found", rt.sheet, header)
						continue
					}
					got := cell(g.rows[r], c)
					if want != "" && !amountText.MatchString(want) {
						t.Errorf("%s: reference cell %q of row %q is not an amount", rt.sheet, want, label)
						continue
					}
					key := rt.sheet + "|" + strings.Join(nonEmpty(label), "") + "|" + header
					if kt, ok := knownTail[key]; ok {
						tails[key] = true
						if want != kt.reference || !sameAmount(got, kt.rendered) {
							t.Errorf("%s: known tail difference changed: reference %s (want %s), workbook %q (want %s)", key, want, kt.reference, got, kt.rendered)
						}
						continue
					}
					if !sameAmount(got, want) {
						t.Errorf("%s row %q column %s: workbook %q, reference %q", rt.sheet, label, header, got, want)
					}
					if want != "" {
						figures++
					}
				}
			}
		}
	}
	for k := range knownTail {
		if !tails[k] {
			t.Errorf("known tail difference %s was not met", k)
		}
	}
	if figures+len(tails) != printed {
		t.Errorf("%d figures compared and %d known tail differences, but the reference's tables print %d", figures, len(tails), printed)
	}
	t.Logf("%d figures of the reference equal the workbook; %d known tail differences", figures, len(tails))
}

// refHasEmptyNote tells whether the reference prints 注：本表无数据 under a table.
func refHasEmptyNote(ref []string, rt refTable) bool {
	for i, l := range ref {
		if strings.TrimSpace(l) == rt.title {
			for _, m := range ref[i+1:] {
				s := strings.TrimSpace(m)
				if s == "注：本表无数据" {
					return true
				}
				if strings.HasPrefix(s, "2024年") || strings.HasPrefix(s, "第三部分") {
					return false
				}
			}
		}
	}
	return false
}

func sheetHasText(g sheetGrid, text string) bool {
	for _, r := range g.rows {
		for _, c := range r {
			if c == text {
				return true
			}
		}
	}
	return false
}

func nonEmpty(ss []string) []string {
	var out []string
	for _, s := range ss {
		if s != "" {
			out = append(out, s)
		}
	}
	return out
}

// sameAmount compares a workbook cell (raw numeric text, or empty) with a
// reference figure (empty for zero).
func sameAmount(got, want string) bool {
	g, w := decimal.Zero, decimal.Zero
	if got != "" {
		d, err := decimal.NewFromString(got)
		if err != nil {
			return false
		}
		g = d
	}
	if want != "" {
		w = decimal.RequireFromString(want)
	}
	return g.Equal(w)
}

func findRow(g sheetGrid, side refSide, label []string, used map[int]bool) int {
	for r := g.bodyStart; r < len(g.rows); r++ {
		if used[r] {
			continue
		}
		ok := true
		for k := range label {
			if cell(g.rows[r], side.from+k) != label[k] {
				ok = false
				break
			}
		}
		if ok {
			return r
		}
	}
	return -1
}

func findCol(g sheetGrid, side refSide, header string) int {
	for c := side.from; c <= side.to && c < len(g.colHeader); c++ {
		if g.colHeader[c] == header {
			return c
		}
	}
	return -1
}

type ioDiscard struct{}

func (ioDiscard) Write(p []byte) (int, error) { return len(p), nil }
