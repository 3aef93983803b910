package xlsx

import (
	"archive/zip"
	"bytes"
	"slices"
	"sort"
	"testing"
	"testing/fstest"
)

func TestArchiveOrderAndTimes(t *testing.T) {
	b := written(t, samplePublication())
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, f := range zr.File {
		names = append(names, f.Name)
		if !f.Modified.Equal(zipTime) {
			t.Errorf("%s modified %v, want %v", f.Name, f.Modified, zipTime)
		}
	}
	if len(names) == 0 || names[0] != contentTypes {
		t.Fatalf("first entry = %v, want %s", names, contentTypes)
	}
	if rest := names[1:]; !sort.StringsAreSorted(rest) {
		t.Errorf("entries after %s not sorted: %v", contentTypes, rest)
	}
	for _, want := range []string{"xl/workbook.xml", "xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml", "xl/styles.xml", "docProps/core.xml"} {
		if !slices.Contains(names, want) {
			t.Errorf("archive lacks %s: %v", want, names)
		}
	}
}

func TestSortedZip(t *testing.T) {
	var buf bytes.Buffer
	z := newSortedZip(&buf)
	for _, name := range []string{"b.xml", contentTypes, "_rels/.rels"} {
		w, err := z.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write([]byte("<" + name + ">")); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := z.Create("b.xml"); err == nil {
		t.Error("creating a part twice succeeded")
	}
	if err := z.AddFS(fstest.MapFS{"a/c.xml": {Data: []byte("c")}}); err != nil {
		t.Fatal(err)
	}
	if err := z.Close(); err != nil {
		t.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, f := range zr.File {
		names = append(names, f.Name)
	}
	if want := []string{contentTypes, "_rels/.rels", "a/c.xml", "b.xml"}; !slices.Equal(names, want) {
		t.Errorf("entries = %v, want %v", names, want)
	}
}
