package html

import (
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/budgetpub/budgetpub/render"
)

// TestPage: the page's frame — language, one <main>, landmarks, no
// script, every 目录 link to an id on the page, every chart an SVG image
// with its figures in words and a data table, the key facts as <data>,
// the open data linked as the Dataset's distributions.
func TestPage(t *testing.T) {
	for _, f := range fixtures(t) {
		t.Run(f.name, func(t *testing.T) {
			b, err := Bytes(f.pub, Options{JSON: "教育 局.json", CSV: "教育 局.csv"})
			if err != nil {
				t.Fatal(err)
			}
			s := string(b)
			for _, want := range []string{
				`<html lang="zh-CN">`, `<meta charset="utf-8">`, `<meta name="viewport"`, `<nav aria-labelledby="toc">`,
				`<header>`, `<footer>`, `itemtype="https://schema.org/Dataset"`,
				`<a href="./%E6%95%99%E8%82%B2%20%E5%B1%80.json" itemprop="contentUrl">`,
				`<a href="./%E6%95%99%E8%82%B2%20%E5%B1%80.csv" itemprop="contentUrl">`,
				`<th scope="col"`, `<th scope="row"`, `<td class="num">`,
			} {
				if !strings.Contains(s, want) {
					t.Errorf("the page lacks %s", want)
				}
			}
			// The key facts, machine-readable where they are shown.
			if sm := f.pub.Summary; sm == nil || !sm.Total.Set {
				t.Error("no summary's total to show")
			} else if want := `<dt itemprop="name">收支总计</dt><dd><data itemprop="value" value="` + render.Round(sm.Total.Value).StringFixed(2) + `">` + render.FormatAmount(sm.Total.Value) + `</data><meta itemprop="unitText" content="万元">`; !strings.Contains(s, want) {
				t.Errorf("the page lacks %s", want)
			}
			if !strings.Contains(s, `<meta itemprop="temporalCoverage" content="`+strconv.Itoa(f.pub.Year)+`">`) {
				t.Error("the Dataset has no year")
			}
			if strings.Count(s, "<main") != 1 || strings.Count(s, "<h1>") != 1 || strings.Contains(s, "<script") {
				t.Error("not one <main> and one <h1>, or a script")
			}
			ids := map[string]bool{}
			for _, m := range regexp.MustCompile(` id="([^"]+)"`).FindAllStringSubmatch(s, -1) {
				if ids[m[1]] {
					t.Errorf("id %s twice", m[1])
				}
				ids[m[1]] = true
			}
			links := regexp.MustCompile(`href="#([^"]+)"`).FindAllStringSubmatch(s, -1)
			if len(links) < 5 {
				t.Errorf("%d links in the 目录", len(links))
			}
			for _, m := range links {
				if !ids[m[1]] {
					t.Errorf("a link to #%s, which is no id", m[1])
				}
			}
			for _, tb := range printedTables(f.pub) {
				if !strings.Contains(s, tb.Title) {
					t.Errorf("no table titled %s", tb.Title)
				}
			}
			charts, forms := 0, 0
			for _, part := range f.pub.Parts {
				for _, sec := range part.Sections {
					for _, bl := range sec.Blocks {
						if bl.Chart != nil && len(bl.Chart.Slices) >= 2 {
							charts++
							for _, sl := range bl.Chart.Slices {
								if !strings.Contains(s, sl.Label+" "+render.FormatAmount(sl.Amount)+"，占"+sl.Share.StringFixed(2)+"%") {
									t.Errorf("chart %s: no words for %s", bl.Chart.Title, sl.Label)
								}
							}
						}
						if bl.Form != nil {
							forms++
						}
					}
				}
			}
			if n := strings.Count(s, `<svg class="pie"`); n != charts || strings.Count(s, `role="img"`) != charts {
				t.Errorf("%d pies, %d charts", n, charts)
			}
			if n := strings.Count(s, `<table class="legend">`); n != charts {
				t.Errorf("%d chart data tables, %d charts", n, charts)
			}
			if n := strings.Count(s, `<table class="form">`); n != forms {
				t.Errorf("%d form tables, %d forms", n, forms)
			}
			if f.name == "shanxi-13" && (charts == 0 || forms == 0) {
				t.Errorf("shanxi-13 has %d charts and %d forms", charts, forms)
			}
		})
	}
}

// TestDraftAndEscaping: a draft says so above its title, its tables'
// labels say so too; the input's text is escaped wherever it is.
func TestDraftAndEscaping(t *testing.T) {
	f := fixtures(t)[0]
	f.pub.Department = `某市<script>alert(1)</script>局 & "附属"`
	render.MarkDraft(f.pub, "草稿：勾稽核对发现错误，本文件不是正式公开文本")
	b, err := Bytes(f.pub, Options{JSON: `a"b<c>.json`})
	if err != nil {
		t.Fatal(err)
	}
	s := string(b)
	if strings.Contains(s, "<script") || !strings.Contains(s, "某市&lt;script&gt;alert(1)&lt;/script&gt;局 &amp; &#34;附属&#34;") {
		t.Error("the department is not escaped")
	}
	if !strings.Contains(s, `href="./a%22b%3Cc%3E.json"`) {
		t.Error("the file name is not escaped in its link")
	}
	head, _, _ := strings.Cut(s, "<h1>")
	if !strings.Contains(head, `<p class="draft">草稿：勾稽核对发现错误，本文件不是正式公开文本</p>`) {
		t.Error("no draft notice above the title")
	}
	// Printed, the notice heads every page (a page-margin box).
	if !strings.Contains(s, `<style>@page{@top-center{content:"草稿：勾稽核对发现错误，本文件不是正式公开文本";`) {
		t.Error("the printed pages do not say draft")
	}
	f.pub.Draft = `草稿"}</style><script>x</script>`
	b, err = Bytes(f.pub, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(b), "<script") || strings.Contains(string(b), `草稿"}`) {
		t.Error("the draft notice is not escaped in the style sheet")
	}
	if !strings.Contains(s, "（草稿）</h1>") || !strings.Contains(s, "（草稿：勾稽核对发现错误，本文件不是正式公开文本）</span>") {
		t.Error("the title or a table's label does not say draft")
	}
}
