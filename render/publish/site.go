package publish

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/budgetpub/budgetpub/render/opendata"
	"github.com/budgetpub/budgetpub/render/site"
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

// WriteSite writes the publishing kit of a batch's rows into dir, as one
// unit: index.html and, with open data, the departments' CSV files combined
// into one (CombinedName) and datapackage.json with the publisher's
// metadata and that file. A department is linked only when its files were
// written; the others are listed with their status. It returns the paths
// written.
func WriteSite(dir string, rows []Row, o SiteOptions) ([]string, error) {
	title := o.Title
	if title == "" {
		title = site.Title(commonYear(rows))
	}
	publisher := o.Publisher
	if publisher == "" {
		publisher = o.Title
	}
	page := site.Page{Title: title, Publisher: publisher, AsOf: o.AsOf}
	var resources []opendata.Resource
	var csvs [][]byte
	for _, r := range rows {
		d := site.Department{Code: r.Code, Name: r.Department, Status: r.Status(), Written: r.Done}
		if d.Name == "" {
			d.Name = Stem(r.File)
		}
		if r.Done {
			d.Total, d.GeneralPublic, d.ThreePublic = r.Total, r.GeneralPublic, r.ThreePublic
			d.PDF, d.Workbook = written(r, ".pdf"), written(r, ".xlsx")
			d.JSON, d.CSV = written(r, opendata.JSONExt), written(r, opendata.CSVExt)
		}
		if o.OpenData && r.Resource != nil && d.CSV != "" {
			data, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(r.Resource.Path)))
			if err != nil {
				return nil, fmt.Errorf("无法读取 %s：%s", r.Resource.Path, OSCause(err))
			}
			resources = append(resources, *r.Resource)
			csvs = append(csvs, data)
		}
		page.Departments = append(page.Departments, d)
	}
	var files []fileData
	if len(resources) > 0 {
		combined, err := opendata.Combine(csvs)
		if err != nil {
			return nil, err
		}
		name := CombinedName(rows)
		res := opendata.ResourceOf(name, "", commonYear(rows), combined)
		res.Title, res.Combined = title+"：全部部门的数据", true
		pkg, err := opendata.DataPackageWith(append(resources, res), opendata.Meta{
			Title: title, Publisher: publisher, Licence: o.Licence,
			Created: o.AsOf.UTC().Format(time.RFC3339),
		})
		if err != nil {
			return nil, fmt.Errorf("无法生成 %s：%w", opendata.PackageFile, err)
		}
		files = append(files, fileData{filepath.Join(dir, name), combined}, fileData{filepath.Join(dir, opendata.PackageFile), pkg})
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
	files = append([]fileData{{filepath.Join(dir, SiteFile), html}}, files...)
	if err := writePair(dir, files); err != nil {
		return nil, err
	}
	paths := make([]string, len(files))
	for i, f := range files {
		paths[i] = f.path
	}
	return paths, nil
}

// CombinedName is the combined CSV's name: all-departments.csv, unless a
// department's own files are called so, then all-departments-2.csv (-3 …).
func CombinedName(rows []Row) string {
	taken := map[string]bool{}
	for _, r := range rows {
		taken[strings.ToLower(Stem(r.File))] = true
	}
	name := "all-departments"
	for i := 2; taken[name]; i++ {
		name = fmt.Sprintf("all-departments-%d", i)
	}
	return name + opendata.CSVExt
}

// written is the row's file of that ending when the batch wrote it, else "".
func written(r Row, ext string) string {
	name := Stem(r.File) + ext
	if r.Done && strings.Contains("、"+r.Outputs+"、", "、"+name+"、") {
		return name
	}
	return ""
}

// commonYear is the year most of the rows' departments have (the earliest
// of a tie), 0 when none says.
func commonYear(rows []Row) int {
	count, best := map[int]int{}, 0
	for _, r := range rows {
		if r.Year == 0 {
			continue
		}
		count[r.Year]++
		if c := count[r.Year]; c > count[best] || c == count[best] && r.Year < best {
			best = r.Year
		}
	}
	return best
}
