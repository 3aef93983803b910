package main

import (
	"fmt"
	"strings"
	"time"

	"github.com/budgetpub/budgetpub/render/opendata"
	"github.com/budgetpub/budgetpub/render/publish"
)

// siteOptions are batch's flags of the publishing kit (--site).
type siteOptions struct {
	site                      *bool
	title, publisher, licence *string
	asOf                      *dateValue
}

func siteFlags(fs *flagSet) siteOptions {
	return siteOptions{
		site:      fs.Bool("site", false, "另写公开专栏的静态网页 index.html：各部门的编码、名称、主要数据、状态和文件链接，及合计；加 --open-data 时另写合并全部部门的 all-departments.csv，datapackage.json 加上标题、许可、发布单位和日期"),
		title:     fs.String("title", "", "网页、开放数据和审核汇总表打印页眉的`标题`（如 某市2025年部门预算公开）；默认按部门的年度写作 2025年部门预算公开"),
		publisher: fs.String("publisher", "", "发布`单位`（如 某市财政局）；默认同 --title"),
		licence:   fs.String("licence", opendata.DefaultLicence.Name, "开放数据的`许可`：CC-BY-4.0（署名，https://creativecommons.org/licenses/by/4.0/）、CC0-1.0、ODC-BY-1.0、ODC-PDDL-1.0，或许可文本的 https 网址"),
		asOf:      &dateValue{},
	}
}

func (s siteOptions) defineAsOf(fs *flagSet) {
	fs.Var(s.asOf, "as-of", "网页、开放数据和审核汇总表写的生成`日期`（如 2025-03-01）；默认今天。给定时同样的输入每次生成完全相同的文件")
}

// options checks the flags and makes publish's options of them.
func (s siteOptions) options(openData bool) (publish.SiteOptions, error) {
	lic, ok := opendata.Licences[*s.licence]
	if !ok {
		if !strings.HasPrefix(*s.licence, "https://") && !strings.HasPrefix(*s.licence, "http://") {
			return publish.SiteOptions{}, fmt.Errorf("--licence %s：请写 CC-BY-4.0、CC0-1.0、ODC-BY-1.0、ODC-PDDL-1.0 之一，或许可文本的网址", *s.licence)
		}
		lic = opendata.Licence{Path: *s.licence}
	}
	asOf := s.asOf.t
	if !s.asOf.set {
		now := time.Now()
		asOf = time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, time.UTC)
	}
	return publish.SiteOptions{Title: strings.TrimSpace(*s.title), Publisher: strings.TrimSpace(*s.publisher), Licence: lic, AsOf: asOf, OpenData: openData}, nil
}

// heading is the review's printed title: --title and the date (--as-of,
// today without it), as the site's.
func (s siteOptions) heading() publish.Heading {
	asOf := s.asOf.t
	if !s.asOf.set {
		now := time.Now()
		asOf = time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, time.UTC)
	}
	return publish.Heading{Title: strings.TrimSpace(*s.title), AsOf: asOf}
}

// write writes the publishing kit into out (with publish.WriteSite or
// WriteMergedSite) and says where.
func (s siteOptions) write(e *env, out string, write func(string, publish.SiteOptions) ([]string, error), o publish.SiteOptions) error {
	paths, err := write(out, o)
	if err != nil {
		fmt.Fprintln(e.stderr, err)
		return err
	}
	fmt.Fprintf(e.stdout, "公开专栏网页见 %s\n", paths[0])
	for _, p := range paths[1:] {
		if strings.HasSuffix(p, opendata.PackageFile) {
			fmt.Fprintf(e.stdout, "开放数据说明见 %s\n", p)
		} else {
			fmt.Fprintf(e.stdout, "全部部门的开放数据见 %s\n", p)
		}
	}
	return nil
}

// dateValue is a flag holding a date, 2025-03-01.
type dateValue struct {
	t   time.Time
	set bool
}

func (v *dateValue) String() string {
	if v == nil || !v.set {
		return ""
	}
	return v.t.Format(time.DateOnly)
}

func (v *dateValue) Set(s string) error {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return fmt.Errorf("应写作 年-月-日，如 2025-03-01")
	}
	v.t, v.set = t, true
	return nil
}
