package workbench

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/budgetpub/budgetpub/render/publish"
)

// A Shanghai workbook uploaded to the bureau's batch is imported as
// `import` and batch import it: its layout told by its tables' titles and
// written in the file.
func TestShanghaiBookImported(t *testing.T) {
	src, err := os.ReadFile(filepath.Join("..", "..", "..", "..", "layouts", "shanghai9", "testdata", "datong-sh.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	r := publish.Department(resources(t), "datong-sh.yaml", src, publish.Options{Force: true})
	if r.Err != nil {
		t.Fatal(r.Err)
	}
	s, _ := newServer(t, Config{})
	sp := &space{dir: t.TempDir()}
	if err := os.Mkdir(sp.path("in"), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(sp.path(filepath.Join("in", "0001.xlsx")), r.Workbook, 0o600); err != nil {
		t.Fatal(err)
	}
	yaml := sp.path(filepath.Join("in", "0001.yaml"))
	if err := s.importBook(context.Background(), sp, 0, "上海.xlsx", yaml); err != nil {
		t.Fatal(err)
	}
	bench, err := os.ReadFile(yaml)
	if err != nil {
		t.Fatal(err)
	}
	book := filepath.Join(t.TempDir(), "上海.xlsx")
	if err := os.WriteFile(book, r.Workbook, 0o600); err != nil {
		t.Fatal(err)
	}
	batch, err := publish.ImportFile(resources(t), book)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(bench, batch) {
		t.Errorf("the workbench's import and batch's differ:\n%s\n----\n%s", bench, batch)
	}
	if !bytes.Contains(bench, []byte("\nlayout: shanghai-9 ")) {
		t.Errorf("the layout is not written:\n%.1500s", bench)
	}
}
