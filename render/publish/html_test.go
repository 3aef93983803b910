package publish

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/budgetpub/budgetpub/input"
)

// With Options.HTML the department's files are the pair, the open data and
// the HTML edition, written as one unit; the edition links the files of the
// name it is written under; without it, the files are as before, byte for
// byte.
func TestHTMLEdition(t *testing.T) {
	res, err := Load(Config{})
	if err != nil {
		t.Fatal(err)
	}
	plain := Department(res, input.SampleName, input.Sample, Options{OpenData: true})
	r := Department(res, input.SampleName, input.Sample, Options{OpenData: true, HTML: true})
	if plain.Err != nil || r.Err != nil {
		t.Fatal(plain.Err, r.Err)
	}
	if plain.HTML != nil || r.HTML == nil {
		t.Fatal("HTML made without the option, or not with it")
	}
	if !bytes.Equal(plain.Workbook, r.Workbook) || !bytes.Equal(plain.PDF, r.PDF) || !bytes.Equal(plain.JSON, r.JSON) || !bytes.Equal(plain.CSV, r.CSV) {
		t.Error("--html changed another file")
	}
	stem := Stem(input.SampleName)
	if !strings.Contains(string(r.HTML), `href="./`+stem+`.json"`) {
		t.Errorf("the edition does not link %s.json", stem)
	}
	dir := t.TempDir()
	paths, err := r.WriteAs(dir, "城区/教育局")
	if err != nil {
		t.Fatal(err)
	}
	if len(paths) != 5 || filepath.Base(paths[4]) != "教育局.html" {
		t.Fatalf("written %v", paths)
	}
	page, err := os.ReadFile(paths[4])
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`href="./%E6%95%99%E8%82%B2%E5%B1%80.json"`, `href="./%E6%95%99%E8%82%B2%E5%B1%80.pdf"`} {
		if !strings.Contains(string(page), want) {
			t.Errorf("the edition written as 教育局 lacks %s", want)
		}
	}
	if got := dirNames(t, filepath.Join(dir, "城区")); strings.Join(got, " ") != "教育局.csv 教育局.html 教育局.json 教育局.pdf 教育局.xlsx" {
		t.Errorf("files %v", got)
	}
}

// A forced draft's edition says it is a draft and marks what nobody gave.
func TestHTMLEditionDraft(t *testing.T) {
	res, err := Load(Config{})
	if err != nil {
		t.Fatal(err)
	}
	unfilled := strings.Replace(checkedDoc, completeBlocks, "", 1)
	r := Department(res, "d.yaml", []byte(unfilled), Options{Force: true, HTML: true})
	if r.Err != nil {
		t.Fatal(r.Err)
	}
	s := string(r.HTML)
	if !strings.Contains(s, `<p class="draft">`+IncompleteNotice+`</p>`) || !strings.Contains(s, "【未填写") {
		t.Error("the draft's edition lacks its notice or its 【未填写】 marks")
	}
}

// A department whose HTML edition would be the kit's index.html is refused
// by the kit, which writes nothing, rather than overwriting it.
func TestSiteRefusesAnEditionCalledIndex(t *testing.T) {
	dir := t.TempDir()
	rows := []Row{
		{File: "教育局.yaml", Department: "教育局", Done: true, Outputs: "教育局.xlsx、教育局.pdf、教育局.html"},
		{File: "INDEX.yaml", Department: "某局", Done: true, Outputs: "INDEX.xlsx、INDEX.pdf、INDEX.html"},
	}
	_, err := WriteSite(dir, rows, SiteOptions{})
	if err == nil || !strings.Contains(err.Error(), "INDEX.html 与公开专栏的网页同名") {
		t.Fatalf("err = %v", err)
	}
	if names := dirNames(t, dir); len(names) != 0 {
		t.Errorf("written %v", names)
	}
	paths, err := WriteSite(dir, rows[:1], SiteOptions{})
	if err != nil || len(paths) != 1 {
		t.Fatal(paths, err)
	}
	page, _ := os.ReadFile(paths[0])
	if !strings.Contains(string(page), `href="./%E6%95%99%E8%82%B2%E5%B1%80.html">网页版`) {
		t.Error("the kit's page does not link the HTML edition")
	}
}
