package opendata

import (
	"bytes"
	"crypto/sha256"
	"encoding/csv"
	"encoding/hex"
	"errors"
	"fmt"
	"path"
	"regexp"
	"strings"

	"github.com/budgetpub/budgetpub/input"
)

// Encoding is the encoding the data package declares for the CSV files.
// The Data Package specification asks for an IANA name, so it is utf-8;
// the byte-order mark is part of UTF-8 and the Frictionless readers skip it
// (frictionless-py reads a UTF-8 file that starts with one as utf-8-sig).
const Encoding = "utf-8"

// Resource is one department's CSV file in a data package.
type Resource struct {
	// Path is the file's path relative to datapackage.json, with forward
	// slashes: 大同市人民政府办公室.csv, or out/x.csv.
	Path string
	// Name is the resource's name: lower-case letters, digits, "-", "_"
	// and "."; empty: made from Path (and made unique in the package).
	Name string
	// Title is the resource's Chinese title; empty: made from Department
	// and Year, e.g. 大同市人民政府办公室2024年部门预算公开数据.
	Title      string
	Department string
	Year       int
	// Rows counts the data rows (not the header); Bytes is the file's size;
	// Hash is "sha256:" and its hex digest. Zero or empty: not said.
	Rows  int
	Bytes int
	Hash  string
	// Combined: the file is the departments' CSVs in one (Combine), not
	// one department's.
	Combined bool
	// tables are the tables its rows name: its schema lists the layouts
	// they belong to (csvTables).
	tables map[string]bool
}

// NewResource describes one department's CSV (as CSV wrote it) at path.
func NewResource(path string, doc *input.Document, data []byte) Resource {
	if doc == nil {
		return ResourceOf(path, "", 0, data)
	}
	return ResourceOf(path, doc.Department.Name.Value, doc.Year, data)
}

// ResourceOf is the resource of the CSV data at path of the department of
// that name and year (a batch's merged review knows them without the
// input).
func ResourceOf(path, department string, year int, data []byte) Resource {
	sum := sha256.Sum256(data)
	r := Resource{Path: path, Bytes: len(data), Hash: "sha256:" + hex.EncodeToString(sum[:]), Department: department, Year: year}
	recs, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(data, []byte(BOM)))).ReadAll()
	if err == nil && len(recs) > 0 {
		r.Rows = len(recs) - 1
		r.tables = map[string]bool{}
		for _, rec := range recs[1:] {
			if colTable < len(rec) {
				r.tables[rec[colTable]] = true
			}
		}
	}
	return r
}

// DepartmentPackage is the data package of one department's CSV at path.
func DepartmentPackage(path string, doc *input.Document, data []byte) ([]byte, error) {
	return DataPackage([]Resource{NewResource(path, doc, data)})
}

var nameRe = regexp.MustCompile(`^[a-z0-9._-]+$`)

// DataPackage writes datapackage.json: a Frictionless tabular data package
// with one resource per CSV file, in the order given, each with the table
// schema of the CSV (codes as strings, amounts as numbers), its dialect
// and encoding. The same resources give the same bytes.
func DataPackage(resources []Resource) ([]byte, error) {
	return DataPackageWith(resources, Meta{})
}

// DataPackageWith is DataPackage with the publisher's metadata: a title in
// place of the one made from the year, the licence, the publisher and the
// creation date, each left out when empty. Meta{} gives DataPackage's bytes.
func DataPackageWith(resources []Resource, meta Meta) ([]byte, error) {
	if len(resources) == 0 {
		return nil, errors.New("opendata: a data package needs at least one CSV file")
	}
	paths, names := map[string]bool{}, map[string]bool{}
	for _, r := range resources {
		if err := checkPath(r.Path); err != nil {
			return nil, err
		}
		if paths[r.Path] {
			return nil, fmt.Errorf("opendata: %s is named twice in the data package", r.Path)
		}
		paths[r.Path] = true
		if r.Name != "" {
			if !nameRe.MatchString(r.Name) {
				return nil, fmt.Errorf("opendata: resource name %q: only lower-case letters, digits, - _ and . are allowed", r.Name)
			}
			if names[r.Name] {
				return nil, fmt.Errorf("opendata: resource name %q is used twice", r.Name)
			}
			names[r.Name] = true
		}
	}
	years := map[int]bool{}
	var list []object
	departments := 0
	for i, r := range resources {
		years[r.Year] = true
		if !r.Combined {
			departments++
		}
		name := r.Name
		if name == "" {
			name = uniqueName(slug(r.Path), i, names)
			names[name] = true
		}
		list = append(list, resourceJSON(r, name))
	}
	pkgName, title := "budgetpub-open-data", "部门预算公开数据"
	if len(years) == 1 && resources[0].Year != 0 {
		y := resources[0].Year
		pkgName, title = fmt.Sprintf("budgetpub-open-data-%d", y), fmt.Sprintf("%d年部门预算公开数据", y)
	}
	if meta.Title != "" {
		title = meta.Title
	}
	desc := fmt.Sprintf("%d 个部门的部门预算公开：每个 CSV 文件是一个部门主输入中的每一个金额（元和万元，精确值），按所在公开表、功能分类和经济分类科目、资金来源、本年或上年结转、基本或项目支出分列；按表汇总即得各表合计。", departments)
	if departments < len(resources) {
		desc += "另有一个 CSV 文件按部门顺序合并了各部门的文件（同一标题行）。"
	}
	pkg := object{
		{"profile", "tabular-data-package"},
		{"name", pkgName},
		{"title", title},
		{"description", desc},
		{"keywords", []string{"部门预算", "预算公开", "budget"}},
	}
	if meta.Licence.Name != "" || meta.Licence.Path != "" {
		l := object{}
		for _, m := range []member{{"name", meta.Licence.Name}, {"path", meta.Licence.Path}, {"title", meta.Licence.Title}} {
			if m.value != "" {
				l = append(l, m)
			}
		}
		pkg = append(pkg, member{"licenses", []object{l}})
	}
	if meta.Publisher != "" {
		pkg = append(pkg, member{"contributors", []object{{{"title", meta.Publisher}, {"role", "publisher"}}}})
	}
	if meta.Created != "" {
		pkg = append(pkg, member{"created", meta.Created})
	}
	pkg = append(pkg, member{"resources", list})
	return indented(pkg)
}

func resourceJSON(r Resource, name string) object {
	title := r.Title
	if title == "" {
		title = "部门预算公开数据"
		if r.Year != 0 {
			title = fmt.Sprintf("%d年%s", r.Year, title)
		}
		title = r.Department + title
	}
	desc := "部门主输入中的每一个金额，一行一个（零金额不列）"
	if r.Combined {
		desc = "各部门的 CSV 文件按部门顺序合并为一个文件（一个标题行，各行与部门文件中的相同）"
	}
	if r.Rows > 0 {
		desc += fmt.Sprintf("，共 %d 行（不含标题行）", r.Rows)
	}
	desc += "。文件为带 BOM 的 UTF-8，Excel 可直接打开。"
	res := object{
		{"profile", "tabular-data-resource"},
		{"name", name},
		{"path", r.Path},
		{"title", title},
		{"description", desc},
		{"format", "csv"},
		{"mediatype", "text/csv"},
		{"encoding", Encoding},
	}
	if r.Bytes > 0 {
		res = append(res, member{"bytes", r.Bytes})
	}
	if r.Hash != "" {
		res = append(res, member{"hash", r.Hash})
	}
	return append(res, member{"dialect", dialect()}, member{"schema", tableSchema(r.tables)})
}

// dialect is the CSV dialect CSV writes.
func dialect() object {
	return object{
		{"delimiter", ","},
		{"lineTerminator", "\r\n"},
		{"quoteChar", `"`},
		{"doubleQuote", true},
		{"skipInitialSpace", false},
		{"header", true},
	}
}

// tableSchema is the Table Schema of the CSV: its fields in order.
func tableSchema(tables map[string]bool) object {
	var fs []object
	for _, f := range fieldsFor(tables) {
		o := object{{"name", f.name}, {"title", f.title}, {"description", f.desc}, {"type", f.typ}}
		if f.typ == "number" {
			o = append(o, member{"bareNumber", true}, member{"decimalChar", "."})
		}
		if len(f.constraints) > 0 {
			var c object
			for _, k := range []string{"required", "minimum", "pattern", "enum"} {
				if v, ok := f.constraints[k]; ok {
					c = append(c, member{k, v})
				}
			}
			o = append(o, member{"constraints", c})
		}
		fs = append(fs, o)
	}
	return object{{"fields", fs}, {"missingValues", []string{""}}}
}

// checkPath refuses paths a data package cannot name: empty, absolute,
// with backslashes, or climbing out of the package's folder.
func checkPath(p string) error {
	switch {
	case p == "":
		return errors.New("opendata: a resource has no path")
	case strings.Contains(p, `\`):
		return fmt.Errorf("opendata: %s: a data package path uses forward slashes", p)
	case strings.HasPrefix(p, "/") || path.IsAbs(p) || len(p) > 1 && p[1] == ':':
		return fmt.Errorf("opendata: %s: a data package path is relative to datapackage.json", p)
	}
	for _, part := range strings.Split(p, "/") {
		if part == ".." || part == "." || part == "" {
			return fmt.Errorf("opendata: %s: a data package path may not hold %q", p, part)
		}
	}
	return nil
}

// slug makes a resource name from a path: the file name without its
// extension, lower-cased, every other character dropped.
func slug(p string) string {
	base := strings.TrimSuffix(path.Base(p), path.Ext(p))
	var b strings.Builder
	for _, r := range strings.ToLower(base) {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9', r == '-', r == '_', r == '.':
			b.WriteRune(r)
		case r == ' ':
			b.WriteByte('-')
		}
	}
	return strings.Trim(b.String(), "-_.")
}

// uniqueName is name, or department-N when it is empty, with -2, -3 …
// added until no other resource has it.
func uniqueName(name string, i int, taken map[string]bool) string {
	if name == "" {
		name = fmt.Sprintf("department-%d", i+1)
	}
	out := name
	for n := 2; taken[out]; n++ {
		out = fmt.Sprintf("%s-%d", name, n)
	}
	return out
}
