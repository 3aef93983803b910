package importer

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/budgetpub/budgetpub/render"
)

// TestKnowsNoLayout holds the importer's engine to knowing no layout:
// everything it knows of one comes from the profile it imports into (the
// tables' declarations, render.Profile.Import). No non-test file of the
// package imports a package under layouts/, names one (shanxi13.T12), or
// spells a table's id ("T12", of any registered profile, or any T and a
// number).
func TestKnowsNoLayout(t *testing.T) {
	const layouts = "github.com/budgetpub/budgetpub/layouts"
	names := map[string]bool{"layouts": true}
	dirs, err := os.ReadDir(filepath.Join("..", "..", "layouts"))
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range dirs {
		if d.IsDir() {
			names[d.Name()] = true
		}
	}
	ids := map[string]bool{}
	for _, p := range render.Profiles() {
		for _, d := range p.Tables {
			ids[string(d.ID)] = true
		}
	}
	if len(names) < 2 || len(ids) == 0 {
		t.Fatalf("no layout found (%v, %d table ids): is the path right?", names, len(ids))
	}
	idRe := regexp.MustCompile(`^T[0-9]+$`)
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	looked := 0
	for _, path := range files {
		if strings.HasSuffix(path, "_test.go") {
			continue // a test may build its workbooks with a layout
		}
		looked++
		fset := token.NewFileSet()
		f, err := parser.ParseFile(fset, path, nil, parser.SkipObjectResolution)
		if err != nil {
			t.Fatal(err)
		}
		for _, im := range f.Imports {
			p, _ := strconv.Unquote(im.Path.Value)
			if p == layouts || strings.HasPrefix(p, layouts+"/") {
				t.Errorf("%s: imports %s: what the importer knows of a layout is its profile's", fset.Position(im.Pos()), p)
			}
		}
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.SelectorExpr:
				if x, ok := n.X.(*ast.Ident); ok && names[x.Name] {
					t.Errorf("%s: names %s.%s: what the importer knows of a layout is its profile's", fset.Position(n.Pos()), x.Name, n.Sel.Name)
				}
			case *ast.Ident:
				if ids[n.Name] || idRe.MatchString(n.Name) {
					t.Errorf("%s: names %s, a table's id: read the table's declaration instead", fset.Position(n.Pos()), n.Name)
				}
			case *ast.BasicLit:
				if v, err := strconv.Unquote(n.Value); err == nil && n.Kind == token.STRING && (ids[v] || idRe.MatchString(v)) {
					t.Errorf("%s: spells the table id %q: read the table's declaration instead", fset.Position(n.Pos()), v)
				}
			}
			return true
		})
	}
	if looked < 5 {
		t.Fatalf("only %d files looked at", looked)
	}
}
