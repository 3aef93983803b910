package html

import (
	"bytes"
	"testing"
)

// TestRelink: a page relinked from one output name to another is the page
// written for the other, byte for byte, whatever the names hold.
func TestRelink(t *testing.T) {
	p := fixtures(t)[0].pub
	links := func(stem string) Options {
		return Options{JSON: stem + ".json", CSV: stem + ".csv", PDF: stem + ".pdf", Workbook: stem + ".xlsx"}
	}
	from := links("0001")
	page, err := Bytes(p, from)
	if err != nil {
		t.Fatal(err)
	}
	for _, stem := range []string{"教育局", `某市<教育>局 & "附属" #1`, "a+b=c;d,e?f@g$h'i", "100% 50%25", "0002"} {
		want, err := Bytes(p, links(stem))
		if err != nil {
			t.Fatal(err)
		}
		if got := Relink(page, from, links(stem)); !bytes.Equal(got, want) {
			t.Errorf("%s: relinked page differs from the page written for it", stem)
		}
	}
	if got := Relink(page, from, Options{PDF: "x.pdf"}); bytes.Contains(got, []byte(`href="./0001.pdf"`)) || !bytes.Contains(got, []byte(`href="./0001.json"`)) {
		t.Error("a file to does not name lost its link, or the named one kept it")
	}
}
