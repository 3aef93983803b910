package site

import (
	"bytes"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/shopspring/decimal"
)

func dec(s string) decimal.Decimal { return decimal.RequireFromString(s) }

// samplePage has a department with a name to escape and Chinese file names,
// a draft, and one whose files were not written.
func samplePage() Page {
	return Page{
		Title: "某市2025年部门预算公开", Publisher: "某市财政局",
		AsOf: time.Date(2025, 3, 1, 0, 0, 0, 0, time.UTC),
		Departments: []Department{
			{Code: "001", Name: "某市<教育>局 & 附属", Status: "可公开", Written: true,
				Total: dec("12345.675"), GeneralPublic: dec("10000.004"), ThreePublic: dec("12.3"),
				PDF: "教育 局#1.pdf", Workbook: "教育 局#1.xlsx", JSON: "教育 局#1.json", CSV: "教育 局#1.csv"},
			{Code: "002", Name: "某市卫生健康委员会", Status: "草稿", Written: true,
				Total: dec("0.005"), GeneralPublic: dec("0.001"), ThreePublic: dec("0"),
				PDF: "卫健委.pdf", Workbook: "卫健委.xlsx"},
			{Code: "003", Name: "某市交通运输局", Status: "有错误", Total: dec("999")},
		},
		CombinedCSV: "all-departments.csv", DataPackage: "datapackage.json",
		LicenceName: "CC-BY-4.0", LicenceURL: "https://creativecommons.org/licenses/by/4.0/",
	}
}

func TestIndex(t *testing.T) {
	page, err := Index(samplePage())
	if err != nil {
		t.Fatal(err)
	}
	s := string(page)
	for _, want := range []string{
		`<html lang="zh-CN">`, `<meta charset="utf-8">`, `<meta name="viewport"`,
		`某市&lt;教育&gt;局 &amp; 附属`,
		`href="./%E6%95%99%E8%82%B2%20%E5%B1%80%231.pdf"`, // 教育 局#1.pdf
		`<caption>`, `<th scope="col">部门名称</th>`, `<th scope="row">某市交通运输局</th>`,
		`<time datetime="2025-03-01">2025年3月1日</time>`,
		// totals of the written only, summed exactly then rounded: 12345.68, 10000.01 (not 10000.00), 12.30
		`<td class="num">12,345.68</td><td class="num">10,000.01</td><td class="num">12.30</td>`,
		`合计（可公开的 2 个部门）`,
		`href="./all-departments.csv"`, `href="https://creativecommons.org/licenses/by/4.0/"`,
	} {
		if !strings.Contains(s, want) {
			t.Errorf("index.html lacks %s", want)
		}
	}
	if strings.Contains(s, "<script") || strings.Contains(s, "某市<教育>") {
		t.Error("index.html has a script or an unescaped name")
	}
	if n := strings.Count(s, "<h1>"); n != 1 {
		t.Errorf("%d <h1>, want 1", n)
	}
	// Links: the files written, and no others; the department not written has none.
	links := regexp.MustCompile(`href="([^"]*)"`).FindAllStringSubmatch(s, -1)
	var got []string
	for _, l := range links {
		got = append(got, l[1])
	}
	want := []string{"./%E6%95%99%E8%82%B2%20%E5%B1%80%231.pdf", "./%E6%95%99%E8%82%B2%20%E5%B1%80%231.xlsx",
		"./%E6%95%99%E8%82%B2%20%E5%B1%80%231.csv", "./%E6%95%99%E8%82%B2%20%E5%B1%80%231.json",
		"./%E5%8D%AB%E5%81%A5%E5%A7%94.pdf", "./%E5%8D%AB%E5%81%A5%E5%A7%94.xlsx",
		"./all-departments.csv", "./datapackage.json", "https://creativecommons.org/licenses/by/4.0/"}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("links\n got %v\nwant %v", got, want)
	}
	_, row, _ := strings.Cut(s, `<th scope="row">某市交通运输局</th>`)
	row, _, _ = strings.Cut(row, "</tr>")
	if strings.Contains(row, "<a ") || strings.Contains(row, "999") || !strings.Contains(row, "有错误") {
		t.Errorf("the department not written: %s", row)
	}
	again, _ := Index(samplePage())
	if !bytes.Equal(page, again) {
		t.Error("the same page gave other bytes")
	}
}

func TestIndexNoOpenData(t *testing.T) {
	p := samplePage()
	p.CombinedCSV, p.DataPackage, p.Publisher = "", "", ""
	page, err := Index(p)
	if err != nil {
		t.Fatal(err)
	}
	if s := string(page); strings.Contains(s, "开放数据</h2>") || strings.Contains(s, "发布单位") {
		t.Error("open data or a publisher said without them")
	}
}

func TestTitle(t *testing.T) {
	if got := Title(2025); got != "2025年部门预算公开" {
		t.Error(got)
	}
	if got := Title(0); got != "部门预算公开" {
		t.Error(got)
	}
}

// A season of 决算s is titled as one: 2024年度部门决算公开; of 预算s, or of
// both, as a 预算's.
func TestTitleOfKind(t *testing.T) {
	for _, c := range []struct {
		layouts []string
		year    int
		want    string
	}{
		{nil, 2025, "2025年部门预算公开"},
		{[]string{"shanxi-13", "shanghai-9"}, 2025, "2025年部门预算公开"},
		{[]string{"final-9"}, 2024, "2024年度部门决算公开"},
		{[]string{"final-9"}, 0, "部门决算公开"},
		{[]string{"final-9", "shanxi-13"}, 2024, "2024年部门预算公开"},
	} {
		if got := TitleOf(c.year, KindOf(c.layouts)); got != c.want {
			t.Errorf("%v %d: %q, want %q", c.layouts, c.year, got, c.want)
		}
	}
}

// A department's HTML edition, when written, is linked first, as 网页版.
func TestIndexLinksHTMLEdition(t *testing.T) {
	p := samplePage()
	p.Departments[1].HTML = "卫健委.html"
	page, err := Index(p)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(page), `<td class="files"><a href="./%E5%8D%AB%E5%81%A5%E5%A7%94.html">网页版<span class="vh">（某市卫生健康委员会）</span></a><a href="./%E5%8D%AB%E5%81%A5%E5%A7%94.pdf">`) {
		t.Error("the HTML edition is not linked first")
	}
}
