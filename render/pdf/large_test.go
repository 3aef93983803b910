package pdf_test

import (
	"fmt"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"github.com/budgetpub/budgetpub/input"
	"github.com/budgetpub/budgetpub/layouts/shanxi13"
	"github.com/budgetpub/budgetpub/render"
	"github.com/shopspring/decimal"
)

// largeProjects is how many projects the large department has.
const largeProjects = 800

var (
	largeOnce sync.Once
	largeDoc  rendered
)

// largeInput is the input file of a department with three units and 800
// projects of table 12: varied names, every tenth one long enough (60+
// characters) to wrap in its cell, all amounts different, with two
// decimals, some with a 财政专户管理资金 part.
func largeInput() string {
	units := []string{"示范市大数据发展服务中心", "示范市政务服务管理局", "示范市公共资源交易中心"}
	kinds := []string{"institution", "administrative", "institution"}
	prefixes := []string{"J", "Z", "XM"}
	topics := []string{"电子政务办公及维护费", "调研会务工作经费", "档案整理费", "政府网站与政务新媒体监测服务费",
		"值班室视频点名系统运维服务费", "物业管理费", "水、电、气费", "12345政务服务便民热线受理业务外包服务费",
		"资料及印刷费", "驻村帮扶人员经费", "办公设备购置费", "信息安全等级保护测评费", "机房租赁服务费（含线路）"}
	long := "市级政务服务一体化平台建设及运行维护与网络安全等级保护测评、数据共享交换、电子证照归集应用和“一网通办”推进专项经费"

	var b strings.Builder
	b.WriteString("schema: 1\nyear: 2024\namount_unit: 万元\n")
	b.WriteString("department:\n  code: \"901\"\n  name: 示范市大数据发展服务中心[部门]\n  region: 示范市\n")
	b.WriteString("overview:\n  duties: 负责全市大数据发展的统筹服务工作。\n  organization: 内设科室8个。\n")
	b.WriteString("units:\n")
	for i, u := range units {
		fmt.Fprintf(&b, "  - {name: %s, kind: %s}\n", u, kinds[i])
	}
	var projects strings.Builder
	general, special := decimal.Zero, decimal.Zero
	for i := 0; i < largeProjects; i++ {
		// (i·37 mod 900, i mod 100) differ for every i < 900: all amounts differ.
		amt := decimal.New(int64(3+(i*37)%900)*100+int64(i%100), -2)
		name := fmt.Sprintf("%s%s第%d项", prefixes[(i/3)%len(prefixes)], topics[i%len(topics)], i+1)
		if i%10 == 3 {
			name = fmt.Sprintf("%s%s（第%d批）", prefixes[(i/3)%len(prefixes)], long, i+1)
		}
		unit := units[i%len(units)]
		if i%25 == 7 {
			extra := decimal.New(int64(100+i), -2)
			special = special.Add(extra)
			general = general.Add(amt)
			fmt.Fprintf(&projects, "  - {unit: %s, name: \"%s\", amounts: {general_public: %s, special_account: %s}, category: specific_goal}\n",
				unit, name, amt.StringFixed(2), extra.StringFixed(2))
			continue
		}
		general = general.Add(amt)
		fmt.Fprintf(&projects, "  - {unit: %s, name: \"%s\", amounts: %s, category: other_operating}\n", unit, name, amt.StringFixed(2))
	}
	fmt.Fprintf(&b, "expenditures:\n  - {code: \"2010399\", basic: 120.50, project: %s}\n  - {code: \"2010399\", source: special_account, project: %s}\n",
		general.StringFixed(2), special.StringFixed(2))
	b.WriteString("projects:\n")
	b.WriteString(projects.String())
	return b.String()
}

// largePDF is the large department's publication and PDF, rendered once.
func largePDF(t testing.TB) (*render.Publication, []byte) {
	t.Helper()
	if testing.Short() {
		t.Skip("-short: the department of 800 projects")
	}
	largeOnce.Do(func() { largeDoc = decodeAndRender("large.yaml", []byte(largeInput())) })
	if largeDoc.err != nil {
		t.Fatal(largeDoc.err)
	}
	return largeDoc.pub, largeDoc.pdf
}

// TestLargeProjectTable guards a long table: with 800 projects, table 12
// runs over at least 15 pages; every one of them repeats the header rows
// (项目名称, 一般公共预算, 政府性基金预算, 财政专户管理资金 and the
// column-number row 1 … 7); every project's amount, and every other
// figure, code and name of the table (long names wrapped in their cell),
// is printed on the table's pages as often as the model has it.
func TestLargeProjectTable(t *testing.T) {
	pub, b := largePDF(t)
	t12 := pub.Table(shanxi13.T12)
	projects, long := 0, 0
	for _, r := range t12.Rows {
		if r.Kind == render.RowItem {
			projects++
			if utf8.RuneCountInString(t12.Text(r.Key, render.ColItem)) >= 60 {
				long++
			}
		}
	}
	if projects != largeProjects || long == 0 {
		t.Fatalf("table 12 has %d project rows (%d of 60+ characters), want %d with some long names", projects, long, largeProjects)
	}

	e := extract(t, b)
	var sp tableSpan
	for _, s := range tableSpans(t, e, pub) {
		if s.table == t12 {
			sp = s
		}
	}
	if n := sp.end - sp.first; n < 15 {
		t.Errorf("table 12 with %d projects runs over %d pages (PDF pages %d–%d), want at least 15", largeProjects, n, sp.first+1, sp.end)
	}
	bad := 0
	for i := sp.first; i < sp.end; i++ {
		page := strip(e.raw[i])
		for _, h := range []string{"项目名称", "一般公共预算", "政府性基金预算", "财政专户管理资金"} {
			if !strings.Contains(page, h) {
				if bad++; bad <= 10 {
					t.Errorf("table 12, PDF page %d: header %q missing", i+1, h)
				}
			}
		}
	}
	if bad > 10 {
		t.Errorf("table 12: %d header texts missing in all", bad)
	}
	words := map[string]bool{}
	for i := sp.first; i < sp.end; i++ {
		for _, w := range e.bbox[i].Words() {
			words[w.Text] = true
		}
	}
	missing := 0
	for _, r := range t12.Rows {
		if r.Kind != render.RowItem {
			continue
		}
		if s := r.Cells[1].Printed(); !words[s] {
			missing++
			if missing <= 10 {
				t.Errorf("table 12: the amount %s of project %q is printed on none of its pages", s, r.Cells[0].Text)
			}
		}
	}
	if missing > 10 {
		t.Errorf("table 12: %d project amounts missing in all", missing)
	}
	checkTableText(t, e, sp)
}

// TestLargeInsidePage guards the margins and overlaps of TestPopplerInsidePage
// on the large department's PDF: long tables, wrapped names, many pages.
func TestLargeInsidePage(t *testing.T) {
	_, b := largePDF(t)
	checkInside(t, extract(t, b), 20)
}

var (
	splitOnce sync.Once
	splitDoc  rendered
)

// splitName is a project name too long for one page even in its wrapped
// cell: 200 times an 18-character phrase.
var splitName = "Z" + strings.Repeat("超长项目名称用于测试跨页拆分的表格行", 200)

// TestLargeSplitRow guards a row taller than a page: the sample with one
// more project whose name needs several pages. The row is split between
// pages, under the repeated header, and still every figure, code and name
// of table 12 — the long name included, in pieces on consecutive pages,
// and in full — is printed; every word stays on the page and overlaps no
// other.
func TestLargeSplitRow(t *testing.T) {
	splitOnce.Do(func() {
		in := string(input.Sample)
		at := strings.Index(in, "\nthree_public:")
		if at < 0 {
			splitDoc.err = fmt.Errorf("no three_public: in the sample")
			return
		}
		line := fmt.Sprintf("\n  - {unit: 大同市人民政府办公室, name: %s, amounts: 12.34, category: other_operating}\n", splitName)
		in = in[:at] + line + in[at:]
		splitDoc = decodeAndRender("split.yaml", []byte(in))
	})
	if splitDoc.err != nil {
		t.Fatal(splitDoc.err)
	}
	pub, b := splitDoc.pub, splitDoc.pdf
	e := extract(t, b)
	var sp tableSpan
	for _, s := range tableSpans(t, e, pub) {
		if s.table.Number == 12 {
			sp = s
		}
	}
	var raws []string
	for i := sp.first; i < sp.end; i++ {
		raws = append(raws, strip(withoutFooter(e.raw[i])))
		if strings.Contains(raws[len(raws)-1], splitName) {
			t.Fatalf("the long name is whole on PDF page %d: no row is split, the case is void", i+1)
		}
	}
	if !splitAcross(raws, splitName) {
		t.Errorf("the long name is not printed in pieces over consecutive pages of table 12 (PDF pages %d–%d)", sp.first+1, sp.end)
	}
	checkTableText(t, e, sp)
	checkInside(t, e, 20)
}
