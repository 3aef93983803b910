package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
)

// needTool skips a test with -short (which needs no external program), or
// when an external program is missing, unless BUDGETPUB_REQUIRE_TOOLS=1
// (CI), where a missing tool fails it.
func needTool(t *testing.T, name string) {
	t.Helper()
	if testing.Short() {
		t.Skipf("-short: needs %s", name)
	}
	if _, err := exec.LookPath(name); err == nil {
		return
	}
	if os.Getenv("BUDGETPUB_REQUIRE_TOOLS") == "1" {
		t.Fatalf("%s is not installed (BUDGETPUB_REQUIRE_TOOLS=1)", name)
	}
	t.Skipf("%s is not installed", name)
}

// pdfPages renders the sample and returns the text of each PDF page.
func pdfPages(t *testing.T) []string {
	needTool(t, "pdftotext")
	dir := t.TempDir()
	if code, _, stderr := runCmd("render", "-o", dir); code != 0 {
		t.Fatalf("render: %s", stderr)
	}
	out, err := exec.Command("pdftotext", "-layout", filepath.Join(dir, "datong-gov-office-2024.pdf"), "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	return strings.Split(string(out), "\f")
}

var numberRe = regexp.MustCompile(`[0-9][0-9,]*\.[0-9]{2}`)

// tablePage is the text of the first page of table n (its label line).
func tablePage(t *testing.T, pages []string, n int) string {
	label := regexp.MustCompile(`(?m)^\s*预算公开表` + decimal.NewFromInt(int64(n)).String() + `\s*$`)
	for _, p := range pages {
		if label.MatchString(p) {
			return p
		}
	}
	t.Fatalf("no page of table %d", n)
	return ""
}

// tablePages is the text of every page of table n: from its label to the
// next table's.
func tablePages(t *testing.T, pages []string, n int) string {
	first := tablePage(t, pages, n)
	next := regexp.MustCompile(`(?m)^\s*预算公开表` + decimal.NewFromInt(int64(n+1)).String() + `\s*$`)
	var b strings.Builder
	in := false
	for _, p := range pages {
		if p == first {
			in = true
		} else if next.MatchString(p) {
			break
		}
		if in {
			b.WriteString(p)
		}
	}
	return b.String()
}

// rowFigures are the amounts printed on a table page's row whose label
// (the text before its first figure) is exactly label.
func rowFigures(t *testing.T, page, label string) []string {
	for _, line := range strings.Split(page, "\n") {
		loc := numberRe.FindStringIndex(line)
		if loc == nil {
			continue
		}
		fields := strings.Fields(line[:loc[0]])
		if strings.Join(fields, "") == label || len(fields) > 0 && fields[len(fields)-1] == label {
			return numberRe.FindAllString(line[loc[0]:], -1)
		}
	}
	t.Fatalf("no row %q on the page:\n%s", label, page)
	return nil
}

// part3Text is 第三部分's text with every layout break removed.
func part3Text(pages []string) string {
	var b strings.Builder
	in := false
	for _, p := range pages {
		if strings.Contains(p, "第三部分 2024年度部门预算情况说明") && !strings.Contains(p, "......") { // not a 目录 page
			in = true
		}
		if strings.Contains(p, "第四部分 名词解释") && in && !strings.Contains(p, "......") {
			break
		}
		if in {
			b.WriteString(p)
		}
	}
	return strings.Join(strings.Fields(b.String()), "")
}

// sentenceFigure finds the amount after a phrase of 第三部分.
func sentenceFigure(t *testing.T, text, phrase string) string {
	re := regexp.MustCompile(regexp.QuoteMeta(phrase) + `([0-9][0-9,]*(\.[0-9]{2})?)万元`)
	m := re.FindStringSubmatch(text)
	if m == nil {
		t.Fatalf("第三部分 has no %q", phrase)
	}
	return m[1]
}

func sameFigure(a, b string) bool {
	x, err1 := decimal.NewFromString(strings.ReplaceAll(a, ",", ""))
	y, err2 := decimal.NewFromString(strings.ReplaceAll(b, ",", ""))
	return err1 == nil && err2 == nil && x.Equal(y)
}

// TestPart3FiguresEqualTheTables reads the rendered PDF: every figure a
// sentence of 第三部分 quotes equals the figure of the table it comes from,
// both as printed.
func TestPart3FiguresEqualTheTables(t *testing.T) {
	pages := pdfPages(t)
	text := part3Text(pages)
	if text == "" {
		t.Fatal("no 第三部分 in the PDF")
	}
	t3, t4 := tablePage(t, pages, 3), tablePages(t, pages, 4)
	t5, t6, t10 := tablePage(t, pages, 5), tablePage(t, pages, 6), tablePage(t, pages, 10)
	t11, t12 := tablePage(t, pages, 11), tablePage(t, pages, 12)
	checks := []struct {
		what, phrase, table string
	}{
		{"收入总计 = 表1 收入总计", "预算收入总计", rowFigures(t, pages[indexOfTable1Total(t, pages)], "收入总计")[0]},
		{"基本支出 = 表3 合计 基本支出", "其中：基本支出", rowFigures(t, t3, "合计")[1]},
		{"项目支出 = 表3 合计 项目支出", "；项目支出", rowFigures(t, t3, "合计")[2]},
		{"财政拨款 = 表4 支出总计", "财政拨款收支总预算", lastRowFigure(t, pages, 4, "支出总计")},
		{"一般公共预算当年支出 = 表5 合计", "一般公共预算当年支出", rowFigures(t, t5, "合计")[0]},
		{"基本支出 = 表6 合计", "一般公共预算安排基本支出", rowFigures(t, t6, "合计")[0]},
		{"人员经费 = 表6 合计 人员经费", "人员经费", rowFigures(t, t6, "合计")[1]},
		{"公用经费 = 表6 合计 公用经费", "公用经费", rowFigures(t, t6, "合计")[2]},
		{"“三公”经费 = 表10 合计", "“三公”经费预算", rowFigures(t, t10, "合计")[0]},
		{"机关运行经费 = 表11 部门合计", "机关运行经费财政拨款预算", rowFigures(t, t11, "部门合计")[0]},
		{"项目金额 = 表12 合计", "共计金额", rowFigures(t, t12, "大同市人民政府办公室[部门]")[0]},
	}
	for _, c := range checks {
		if got := sentenceFigure(t, text, c.phrase); !sameFigure(got, c.table) {
			t.Errorf("%s: sentence %s, table %s", c.what, got, c.table)
		}
	}
	// 四 and 五 list the categories: each figure equals its 表4 / 表5 row.
	for _, cat := range []string{"一般公共服务支出", "文化旅游体育与传媒支出", "社会保障和就业支出", "卫生健康支出", "住房保障支出"} {
		four := regexp.MustCompile(`支出包括：.*?` + cat + `([0-9,]+\.[0-9]{2})万元`).FindStringSubmatch(text)
		five := regexp.MustCompile(`主要用于以下方面：.*?` + cat + `([0-9,]+\.[0-9]{2})万元`).FindStringSubmatch(text)
		if four == nil || five == nil {
			t.Errorf("%s missing from 四 or 五", cat)
			continue
		}
		if row := categoryRow(t, t4, cat); !sameFigure(four[1], row) {
			t.Errorf("四 %s: %s, 表4 %s", cat, four[1], row)
		}
		if row := rowFigures(t, t5, cat)[0]; !sameFigure(five[1], row) {
			t.Errorf("五 %s: %s, 表5 %s", cat, five[1], row)
		}
	}
}

// categoryRow is the first figure after a category label (一、一般公共服务支出 …) on a page.
func categoryRow(t *testing.T, page, cat string) string {
	for _, line := range strings.Split(page, "\n") {
		if i := strings.Index(line, "、"+cat); i >= 0 {
			if m := numberRe.FindString(line[i:]); m != "" {
				return m
			}
		}
	}
	t.Fatalf("no row %s", cat)
	return ""
}

// indexOfTable1Total is the page of table 1 that holds its 收入总计 row.
func indexOfTable1Total(t *testing.T, pages []string) int {
	for i, p := range pages {
		if strings.Contains(p, "收入总计") && strings.Contains(p, "支出总计") && strings.Contains(p, "年终结转") && !strings.Contains(p, "上年财政拨款结转") {
			return i
		}
	}
	t.Fatal("no 收入总计 of table 1")
	return 0
}

// lastRowFigure finds a row on the pages of table n (which may run over pages).
func lastRowFigure(t *testing.T, pages []string, n int, label string) string {
	for _, p := range pages {
		if strings.Contains(p, "上年财政拨款结转") && strings.Contains(p, label) {
			figures := rowFiguresAfter(p, label)
			if len(figures) > 0 {
				return figures[0]
			}
		}
	}
	t.Fatalf("table %d: no %s", n, label)
	return ""
}

func rowFiguresAfter(page, label string) []string {
	for _, line := range strings.Split(page, "\n") {
		if i := strings.Index(line, label); i >= 0 {
			return numberRe.FindAllString(line[i:], -1)
		}
	}
	return nil
}
