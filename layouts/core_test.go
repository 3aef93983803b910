package layouts_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// TestCoreNamesNoLayout: outside layouts/, no source file imports a
// layout's package or spells a table id — the core (render, the writers,
// the importer's engine, the pipeline, the batch and its review, the
// workbench, the commands) asks the publication's profile. Importing
// package layouts itself, which registers them all, is how the pipeline
// and the commands know every layout.
func TestCoreNamesNoLayout(t *testing.T) {
	tableID := regexp.MustCompile(`^T[0-9]+$`)
	fset := token.NewFileSet()
	root := ".."
	checked := 0
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, path)
		rel = filepath.ToSlash(rel)
		if d.IsDir() {
			switch {
			case rel == ".":
				return nil
			case rel == "layouts", rel == "third_party", strings.HasPrefix(d.Name(), "."), d.Name() == "testdata", d.Name() == "node_modules":
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(fset, path, nil, parser.SkipObjectResolution)
		if err != nil {
			return err
		}
		checked++
		for _, imp := range f.Imports {
			p, _ := strconv.Unquote(imp.Path.Value)
			if strings.HasPrefix(p, "github.com/budgetpub/budgetpub/layouts/") {
				t.Errorf("%s: imports the layout %s: ask the publication's profile", fset.Position(imp.Pos()), p)
			}
		}
		ast.Inspect(f, func(n ast.Node) bool {
			if lit, ok := n.(*ast.BasicLit); ok && lit.Kind == token.STRING {
				if s, err := strconv.Unquote(lit.Value); err == nil && tableID.MatchString(s) {
					t.Errorf("%s: spells the table id %q: the core never names a layout's table", fset.Position(lit.Pos()), s)
				}
			}
			return true
		})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if checked < 100 {
		t.Fatalf("only %d files checked: the walk missed the tree", checked)
	}
}
