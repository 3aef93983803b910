package opendata

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
)

func TestCombine(t *testing.T) {
	head := BOM + strings.Join(Header(), ",") + "\r\n"
	a, b := head+"2025,001,甲\r\n", head+"2025,002,乙\r\n2025,002,乙2\r\n"
	got, err := Combine([][]byte{[]byte(a), []byte(head), []byte(b)})
	if err != nil {
		t.Fatal(err)
	}
	if want := head + "2025,001,甲\r\n2025,002,乙\r\n2025,002,乙2\r\n"; string(got) != want {
		t.Errorf("got %q\nwant %q", got, want)
	}
	for _, bad := range []string{"year,x\r\n", strings.TrimPrefix(a, BOM), head + "2025"} {
		if _, err := Combine([][]byte{[]byte(bad)}); err == nil {
			t.Errorf("%q combined", bad)
		}
	}
}

func TestDataPackageWith(t *testing.T) {
	res := []Resource{{Path: "a.csv", Department: "甲", Year: 2025}, {Path: "all.csv", Year: 2025, Combined: true, Title: "全部"}}
	plain, err := DataPackage(res[:1])
	if err != nil {
		t.Fatal(err)
	}
	zero, _ := DataPackageWith(res[:1], Meta{})
	if !bytes.Equal(plain, zero) {
		t.Error("DataPackageWith with no metadata is not DataPackage")
	}
	data, err := DataPackageWith(res, Meta{Title: "某市2025年部门预算公开", Publisher: "某市财政局", Licence: DefaultLicence, Created: "2025-03-01T00:00:00Z"})
	if err != nil {
		t.Fatal(err)
	}
	var pkg struct {
		Title, Description, Created string
		Licenses                    []struct{ Name, Path, Title string }
		Contributors                []struct{ Title, Role string }
		Resources                   []struct{ Path, Title string }
	}
	if err := json.Unmarshal(data, &pkg); err != nil {
		t.Fatal(err)
	}
	if pkg.Title != "某市2025年部门预算公开" || pkg.Created != "2025-03-01T00:00:00Z" ||
		len(pkg.Licenses) != 1 || pkg.Licenses[0].Name != "CC-BY-4.0" || pkg.Licenses[0].Path != "https://creativecommons.org/licenses/by/4.0/" ||
		len(pkg.Contributors) != 1 || pkg.Contributors[0] != (struct{ Title, Role string }{"某市财政局", "publisher"}) ||
		len(pkg.Resources) != 2 || !strings.HasPrefix(pkg.Description, "1 个部门") {
		t.Errorf("%s", data)
	}
}
