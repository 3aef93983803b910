package publish

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/budgetpub/budgetpub/render"
	"github.com/budgetpub/budgetpub/render/opendata"
	"github.com/budgetpub/budgetpub/render/publish/deptfiles"
	"github.com/budgetpub/budgetpub/render/publish/pairwrite"
	"github.com/budgetpub/budgetpub/render/publish/review"
	"github.com/budgetpub/budgetpub/render/site"
	"github.com/shopspring/decimal"
)

// SiteOptions shape the publishing kit a batch writes (WriteSite).
type SiteOptions struct {
	Title     string           // the page's title; empty: site.Title of the departments' year
	Publisher string           // the publishing body; empty: the title
	Licence   opendata.Licence // the open data's licence
	AsOf      time.Time        // the date of the run
	OpenData  bool             // the batch wrote open data: add the combined CSV and datapackage.json
}

// SiteFile is the page of the publishing kit.
const SiteFile = "index.html"

// siteEntry is one department of the kit, from a batch's Row or a merged
// review's row.
type siteEntry struct {
	file, folder       string // the input file; the folder its files are in
	code, name, status string
	year               int
	layout             string
	done               bool
	total, gp, tp      decimal.Decimal
	outputs            string // the files written, joined by 、
}

// WriteSite writes the publishing kit of a batch's rows into dir, as one
// unit: index.html and, with open data, the departments' CSV files combined
// into one (all-departments.csv) and datapackage.json with the publisher's
// metadata and that file. A department is linked only when it is
// publishable (可公开): its files written and nothing in them an error or
// left to fill in — a --force draft is never put on the public page; the
// others are listed with their status. It returns the paths written.
func WriteSite(dir string, rows []Row, o SiteOptions) ([]string, error) {
	entries := make([]siteEntry, len(rows))
	for i, r := range rows {
		entries[i] = siteEntry{file: r.File, folder: dir, code: r.Code, name: r.Department, status: r.Status(), year: r.Year, layout: r.Layout,
			done: publishable(r.Status()), total: r.Total, gp: r.GeneralPublic, tp: r.ThreePublic, outputs: r.Outputs}
	}
	return writeSite(dir, entries, o)
}

// WriteMergedSite is WriteSite for a merged review: each department's files
// are found beside its shard's summary, which must lie in dir or below it
// (the page links them relative to itself).
func WriteMergedSite(dir string, m *Merged, o SiteOptions) ([]string, error) {
	var entries []siteEntry
	for i := range m.Departments {
		r := &m.Departments[i]
		e := siteEntry{file: m.Files[i], folder: m.Folders[i], code: r.Code, name: r.Name, status: r.Status, layout: r.Layout,
			total: r.Total.V, gp: r.GP.V, tp: r.ThreePublic.V, year: r.Year.V}
		if e.done = publishable(e.status); e.done {
			e.outputs = r.Outputs
		}
		entries = append(entries, e)
	}
	return writeSite(dir, entries, o)
}

func writeSite(dir string, entries []siteEntry, o SiteOptions) ([]string, error) {
	entries = slices.Clone(entries) // in the review's order
	slices.SortStableFunc(entries, func(a, b siteEntry) int { return review.Compare(a.code, a.name, a.file, b.code, b.name, b.file) })
	year := commonYear(entries)
	title := o.Title
	if title == "" {
		var layouts []string
		for _, e := range entries {
			if e.layout != "" {
				layouts = append(layouts, e.layout)
			}
		}
		title = site.TitleOf(year, site.KindOf(layouts))
	}
	publisher := o.Publisher
	if publisher == "" {
		publisher = o.Title
	}
	page := site.Page{Title: title, Publisher: publisher, AsOf: o.AsOf}
	var resources []opendata.Resource
	var csvs [][]byte
	for _, e := range entries {
		d := site.Department{Code: e.code, Name: e.name, Status: e.status, Written: e.done}
		if d.Name == "" {
			d.Name = Stem(e.file)
		}
		if e.done {
			rel, err := filepath.Rel(dir, e.folder)
			if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) || filepath.IsAbs(rel) {
				return nil, fmt.Errorf("%s 的文件在 %s，不在输出目录 %s 之中：网页只能链接它所在目录里的文件，请把各分片的输出放在 %s（或其子目录）中", e.file, e.folder, dir, dir)
			}
			link := func(k deptfiles.Kind) string {
				name := deptfiles.Find(e.outputs, k)
				if name == "" {
					return ""
				}
				return path.Join(filepath.ToSlash(rel), name)
			}
			d.Total, d.GeneralPublic, d.ThreePublic = e.total, e.gp, e.tp
			d.PDF, d.Workbook, d.JSON, d.CSV = link(deptfiles.PDF), link(deptfiles.Workbook), link(deptfiles.JSON), link(deptfiles.CSV)
			if d.HTML = link(deptfiles.HTML); strings.EqualFold(d.HTML, SiteFile) {
				return nil, fmt.Errorf("%s 的网页版 %s 与公开专栏的网页同名：请给这个输入文件换一个名字（不叫 index）", e.file, d.HTML)
			}
		}
		if o.OpenData && d.CSV != "" {
			data, err := ReadFile(filepath.Join(dir, filepath.FromSlash(d.CSV)), review.MaxCSVSize)
			if err != nil {
				return nil, fmt.Errorf("%s: 无法读取：%v", filepath.Join(dir, filepath.FromSlash(d.CSV)), firstErr(err))
			}
			resources = append(resources, opendata.ResourceOf(d.CSV, e.name, e.year, data))
			csvs = append(csvs, data)
		}
		page.Departments = append(page.Departments, d)
	}
	var files []pairwrite.File
	if len(resources) > 0 {
		combined, err := opendata.Combine(csvs)
		if err != nil {
			return nil, err
		}
		name := combinedName(entries)
		res := opendata.ResourceOf(name, "", year, combined)
		res.Title, res.Combined = title+"：全部部门的数据", true
		pkg, err := opendata.DataPackageWith(append(resources, res), opendata.Meta{
			Title: title, Publisher: publisher, Licence: o.Licence,
			Created: o.AsOf.UTC().Format(time.RFC3339),
		})
		if err != nil {
			return nil, fmt.Errorf("无法生成 %s：%w", opendata.PackageFile, err)
		}
		files = append(files, pairwrite.File{Path: filepath.Join(dir, name), Data: combined}, pairwrite.File{Path: filepath.Join(dir, opendata.PackageFile), Data: pkg})
		page.CombinedCSV, page.DataPackage = name, opendata.PackageFile
		page.LicenceName, page.LicenceURL = o.Licence.Name, o.Licence.Path
		if page.LicenceName == "" {
			page.LicenceName = o.Licence.Path
		}
	}
	html, err := site.Index(page)
	if err != nil {
		return nil, err
	}
	files = append([]pairwrite.File{{Path: filepath.Join(dir, SiteFile), Data: html}}, files...)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("%s: 无法创建输出目录：%s", dir, pairwrite.OSCause(err))
	}
	if err := pairwrite.Write(dir, files); err != nil {
		return nil, err
	}
	paths := make([]string, len(files))
	for i, f := range files {
		paths[i] = f.Path
	}
	return paths, nil
}

// combinedName is the combined CSV's name: all-departments.csv, unless a
// department's own files are called so, then all-departments-2.csv (-3 …).
func combinedName(entries []siteEntry) string {
	taken := map[string]bool{}
	for _, e := range entries {
		taken[strings.ToLower(Stem(e.file))] = true
		for _, f := range strings.Split(e.outputs, deptfiles.Sep) {
			taken[strings.ToLower(strings.TrimSuffix(f, path.Ext(f)))] = true
		}
	}
	name := "all-departments"
	for i := 2; taken[name]; i++ {
		name = fmt.Sprintf("all-departments-%d", i)
	}
	return name + opendata.CSVExt
}

// commonYear is the year most of the rows' departments have (the earliest
// of a tie), 0 when none says.
func commonYear(entries []siteEntry) int {
	count, best := map[int]int{}, 0
	for _, e := range entries {
		if e.year == 0 {
			continue
		}
		count[e.year]++
		if c := count[e.year]; c > count[best] || c == count[best] && e.year < best {
			best = e.year
		}
	}
	return best
}

// publishable tells whether a review's status is of a department that may
// go on the public page.
func publishable(status string) bool { return status == string(render.StatusPublishable) }

// firstErr is the innermost error of a file operation (its text without
// the path, which the message names already).
func firstErr(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
