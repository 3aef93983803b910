package render

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

	"github.com/budgetpub/budgetpub/input"
)

// sourceFile is the one file allowed to spell the sources' keys.
const sourceFile = "input/source.go"

// TestNoPositionsNoSourceLiterals holds the code to two rules, on every
// non-test Go file of the repository: tables are addressed by id, never by
// their place in Publication.Tables, and cells by column key, never by a
// number; and no file but input/source.go spells a funding source's key —
// neither as a literal of its own, nor as a list of keys in a message, nor
// as "source: key".
func TestNoPositionsNoSourceLiterals(t *testing.T) {
	keys := map[string]bool{}
	for _, s := range input.AllSources {
		keys[s.Key()] = true
	}
	tokenRe := regexp.MustCompile(`[a-z0-9_.]+`)
	sourceKeyRe := regexp.MustCompile(`source:\s*([a-z_]+)`)
	root := ".."
	files := 0
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (d.Name() == ".git" || d.Name() == "testdata" || d.Name() == "third_party") {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		rel, _ := filepath.Rel(root, path)
		rel = filepath.ToSlash(rel)
		fset := token.NewFileSet()
		f, err := parser.ParseFile(fset, path, nil, 0)
		if err != nil {
			return err
		}
		files++
		tags := map[*ast.BasicLit]bool{}
		ast.Inspect(f, func(n ast.Node) bool {
			if fld, ok := n.(*ast.Field); ok && fld.Tag != nil {
				tags[fld.Tag] = true
			}
			return true
		})
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.IndexExpr:
				if sel, ok := n.X.(*ast.SelectorExpr); ok {
					lit, isLit := n.Index.(*ast.BasicLit)
					switch {
					case sel.Sel.Name == "Tables":
						t.Errorf("%s: indexes Tables by position; use Publication.Table(id)", fset.Position(n.Pos()))
					case sel.Sel.Name == "Cells" && isLit && lit.Kind == token.INT:
						t.Errorf("%s: indexes Cells by a number; use the column's key", fset.Position(n.Pos()))
					}
				}
			case *ast.BasicLit:
				if n.Kind != token.STRING || tags[n] || rel == sourceFile {
					return true
				}
				v, err := strconv.Unquote(n.Value)
				if err != nil {
					return true
				}
				found := map[string]bool{}
				for _, tok := range tokenRe.FindAllString(v, -1) {
					if keys[tok] {
						found[tok] = true
					}
				}
				m := sourceKeyRe.FindStringSubmatch(v)
				if keys[v] || len(found) >= 2 || m != nil && keys[m[1]] {
					t.Errorf("%s: spells a source key (%q); use input.Source", fset.Position(n.Pos()), v)
				}
			}
			return true
		})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if files < 50 {
		t.Fatalf("only %d Go files looked at: is the repository root right?", files)
	}
}
