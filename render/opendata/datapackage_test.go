package opendata

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/budgetpub/budgetpub/input"
	"github.com/budgetpub/budgetpub/render"
	"github.com/shopspring/decimal"
)

// leadingZeros is the sample with a function code and an economic code
// that start with zeros (as a region's own codes might), to show that the
// CSV keeps them as written.
func leadingZeros(t *testing.T) fixture {
	t.Helper()
	doc, err := input.Decode(input.SampleName, input.Sample, nil)
	if err != nil {
		t.Fatal(err)
	}
	doc.Expenditures[0].Code.Value = "00" + doc.Expenditures[0].Code.Value[2:]
	doc.BasicByEcon[0].Gov.Value = "0" + doc.BasicByEcon[0].Gov.Value[1:]
	pub, err := render.Build(doc)
	if err != nil {
		t.Fatal(err)
	}
	return fixture{"leading-zeros.yaml", doc, pub}
}

// (d) Every CSV conforms to the table schema the data package gives it:
// the fields are the header, in order; every value parses as its field's
// type and meets its constraints; codes are strings and keep their
// leading zeros; the encoding, dialect, size and hash are the file's.
func TestCSVConformsToDataPackage(t *testing.T) {
	fs := append(fixtures(t), leadingZeros(t))
	files := map[string][]byte{}
	var resources []Resource
	for _, f := range fs {
		data, err := CSV(f.doc, f.pub)
		if err != nil {
			t.Fatal(err)
		}
		p := "csv/" + strings.TrimSuffix(f.name, ".yaml") + CSVExt
		files[p] = data
		resources = append(resources, NewResource(p, f.doc, data))
	}
	pkgData, err := DataPackage(resources)
	if err != nil {
		t.Fatal(err)
	}
	pkg := decodeJSON(t, pkgData)
	if pkg["profile"] != "tabular-data-package" {
		t.Errorf("profile %v", pkg["profile"])
	}
	res := pkg["resources"].([]any)
	if len(res) != len(fs) {
		t.Fatalf("%d resources, want %d", len(res), len(fs))
	}
	names := map[string]bool{}
	for _, r := range res {
		r := r.(map[string]any)
		p := r["path"].(string)
		t.Run(p, func(t *testing.T) {
			data := files[p]
			if data == nil {
				t.Fatalf("no file %s", p)
			}
			name := r["name"].(string)
			if !regexp.MustCompile(`^[a-z0-9._-]+$`).MatchString(name) || names[name] {
				t.Errorf("name %q", name)
			}
			names[name] = true
			if r["profile"] != "tabular-data-resource" || r["format"] != "csv" || r["mediatype"] != "text/csv" {
				t.Errorf("profile %v, format %v, mediatype %v", r["profile"], r["format"], r["mediatype"])
			}
			if r["encoding"] != Encoding || !utf8.Valid(data) || !bytes.HasPrefix(data, []byte(BOM)) {
				t.Errorf("encoding %v: the file is not UTF-8 with a BOM", r["encoding"])
			}
			sum := sha256.Sum256(data)
			if r["bytes"] != json.Number(strconv.Itoa(len(data))) || r["hash"] != "sha256:"+hex.EncodeToString(sum[:]) {
				t.Errorf("bytes %v, hash %v", r["bytes"], r["hash"])
			}
			if !strings.Contains(r["title"].(string), "部门预算公开数据") {
				t.Errorf("title %v", r["title"])
			}
			d := r["dialect"].(map[string]any)
			if d["delimiter"] != "," || d["lineTerminator"] != "\r\n" || d["quoteChar"] != `"` || d["header"] != true || d["doubleQuote"] != true {
				t.Errorf("dialect %v", d)
			}
			conforms(t, r["schema"].(map[string]any), data)
		})
	}
	// The codes with leading zeros are written as they are.
	_, rows := csvRows(t, files["csv/leading-zeros"+CSVExt])
	lz := leadingZeros(t).doc
	found := map[string]bool{}
	for _, r := range rows {
		found[r["function_code"]], found[r["gov_economic_code"]], found[r["department_code"]] = true, true, true
	}
	for _, code := range []string{lz.Expenditures[0].Code.Value, lz.BasicByEcon[0].Gov.Value, lz.Department.Code.Value} {
		if !strings.HasPrefix(code, "0") || !found[code] {
			t.Errorf("code %s: not in the CSV as written", code)
		}
	}
}

// conforms checks a CSV against a Table Schema descriptor.
func conforms(t *testing.T, schema map[string]any, data []byte) {
	t.Helper()
	fields := schema["fields"].([]any)
	missing := map[string]bool{}
	for _, m := range schema["missingValues"].([]any) {
		missing[m.(string)] = true
	}
	header, rows := csvRows(t, data)
	if len(header) != len(fields) {
		t.Fatalf("%d columns, %d fields", len(header), len(fields))
	}
	if len(rows) == 0 {
		t.Fatal("no rows")
	}
	integerRe := regexp.MustCompile(`^-?[0-9]+$`)
	numberRe := regexp.MustCompile(DecimalPattern)
	for i, fv := range fields {
		f := fv.(map[string]any)
		name, typ := f["name"].(string), f["type"].(string)
		if header[i] != name {
			t.Errorf("column %d is %s, the field is %s", i+1, header[i], name)
		}
		if title, _ := f["title"].(string); !regexp.MustCompile(`\p{Han}`).MatchString(title) {
			t.Errorf("field %s: title %q is not Chinese", name, title)
		}
		switch {
		case strings.HasSuffix(name, "_code") && typ != "string":
			t.Errorf("field %s: a code typed %s (leading zeros would be lost)", name, typ)
		case strings.HasPrefix(name, "amount_") && (typ != "number" || f["bareNumber"] != true):
			t.Errorf("field %s: an amount typed %s, bareNumber %v", name, typ, f["bareNumber"])
		case name == "year" && typ != "integer":
			t.Errorf("field year typed %s", typ)
		}
		cons, _ := f["constraints"].(map[string]any)
		var pattern *regexp.Regexp
		if p, ok := cons["pattern"].(string); ok {
			pattern = regexp.MustCompile("^(?:" + p + ")$") // XML Schema patterns match the whole value
		}
		for n, r := range rows {
			v, ok := r[name]
			if !ok {
				t.Fatalf("row %d: no %s", n+1, name)
			}
			if missing[v] {
				if cons["required"] == true {
					t.Errorf("row %d: %s is required", n+1, name)
				}
				continue
			}
			switch typ {
			case "integer":
				if !integerRe.MatchString(v) {
					t.Errorf("row %d: %s %q is not an integer", n+1, name, v)
				}
			case "number":
				if _, err := decimal.NewFromString(v); err != nil || !numberRe.MatchString(v) {
					t.Errorf("row %d: %s %q is not a bare number", n+1, name, v)
				}
			case "string":
				if !utf8.ValidString(v) {
					t.Errorf("row %d: %s is not UTF-8", n+1, name)
				}
			default:
				t.Fatalf("field %s: type %s", name, typ)
			}
			if pattern != nil && !pattern.MatchString(v) {
				t.Errorf("row %d: %s %q does not match %s", n+1, name, v, pattern)
			}
			if enum, ok := cons["enum"].([]any); ok {
				in := false
				for _, e := range enum {
					in = in || e == v
				}
				if !in {
					t.Errorf("row %d: %s %q is not one of %v", n+1, name, v, enum)
				}
			}
			if min, ok := cons["minimum"].(json.Number); ok {
				if decimal.RequireFromString(v).LessThan(decimal.RequireFromString(string(min))) {
					t.Errorf("row %d: %s %s is under %s", n+1, name, v, min)
				}
			}
		}
	}
}

// The resources' names come from their paths, unique in the package; the
// package's title names the year when every department has the same one.
func TestDataPackageNames(t *testing.T) {
	for _, c := range []struct {
		name  string
		res   []Resource
		names []string
		title string
	}{
		{"from paths", []Resource{{Path: "out/Datong Office.csv", Year: 2024}, {Path: "b_2.csv", Year: 2024}}, []string{"datong-office", "b_2"}, "2024年部门预算公开数据"},
		{"Chinese paths", []Resource{{Path: "大同市.csv", Year: 2024}, {Path: "x/太原市.csv", Year: 2024}}, []string{"department-1", "department-2"}, "2024年部门预算公开数据"},
		{"same stem twice", []Resource{{Path: "a/x.csv", Year: 2024}, {Path: "b/x.csv", Year: 2025}}, []string{"x", "x-2"}, "部门预算公开数据"},
		{"given names kept", []Resource{{Path: "x.csv", Name: "x-2"}, {Path: "y/x.csv"}}, []string{"x-2", "x"}, "部门预算公开数据"},
		{"derived after given", []Resource{{Path: "a/x.csv"}, {Path: "b.csv", Name: "x"}}, []string{"x-2", "x"}, "部门预算公开数据"},
	} {
		t.Run(c.name, func(t *testing.T) {
			data, err := DataPackage(c.res)
			if err != nil {
				t.Fatal(err)
			}
			pkg := decodeJSON(t, data)
			var got []string
			for _, r := range pkg["resources"].([]any) {
				got = append(got, r.(map[string]any)["name"].(string))
			}
			if strings.Join(got, ",") != strings.Join(c.names, ",") {
				t.Errorf("names %v, want %v", got, c.names)
			}
			if pkg["title"] != c.title {
				t.Errorf("title %v, want %s", pkg["title"], c.title)
			}
		})
	}
}

func TestDataPackageRefuses(t *testing.T) {
	for _, c := range []struct {
		name string
		res  []Resource
	}{
		{"no resources", nil},
		{"no path", []Resource{{}}},
		{"climbs out", []Resource{{Path: "../x.csv"}}},
		{"absolute", []Resource{{Path: "/srv/x.csv"}}},
		{"drive letter", []Resource{{Path: "C:x.csv"}}},
		{"backslash", []Resource{{Path: `out\x.csv`}}},
		{"empty segment", []Resource{{Path: "out//x.csv"}}},
		{"path twice", []Resource{{Path: "x.csv"}, {Path: "x.csv"}}},
		{"bad name", []Resource{{Path: "x.csv", Name: "Bad Name"}}},
		{"name twice", []Resource{{Path: "x.csv", Name: "x"}, {Path: "y.csv", Name: "x"}}},
	} {
		t.Run(c.name, func(t *testing.T) {
			if _, err := DataPackage(c.res); err == nil {
				t.Error("no error")
			}
		})
	}
}

// One department's package describes its one CSV, rows counted.
func TestDepartmentPackage(t *testing.T) {
	f := fixtures(t)[0]
	data, err := CSV(f.doc, f.pub)
	if err != nil {
		t.Fatal(err)
	}
	pkgData, err := DepartmentPackage("sample.csv", f.doc, data)
	if err != nil {
		t.Fatal(err)
	}
	pkg := decodeJSON(t, pkgData)
	res := pkg["resources"].([]any)
	if len(res) != 1 {
		t.Fatalf("%d resources", len(res))
	}
	_, rows := csvRows(t, data)
	r := res[0].(map[string]any)
	if !strings.Contains(r["description"].(string), "共 "+strconv.Itoa(len(rows))+" 行") {
		t.Errorf("description %v does not count %d rows", r["description"], len(rows))
	}
	if want := f.pub.Department + "2024年部门预算公开数据"; r["title"] != want {
		t.Errorf("title %v, want %s", r["title"], want)
	}
	if nr := NewResource("sample.csv", f.doc, data); nr.Rows != len(rows) || nr.Year != f.doc.Year {
		t.Errorf("NewResource: %+v", nr)
	}
}
