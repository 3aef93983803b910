package publish

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/budgetpub/budgetpub/input"
)

// A department's files in a subfolder (--keep-folders) are written through
// an os.Root of the output folder: the subfolder is made inside it, and a
// subfolder planted as a link to a folder elsewhere, or a name climbing
// out, is refused — nothing outside the output folder is made or changed.
func TestSubfolderStaysInside(t *testing.T) {
	out, elsewhere := t.TempDir(), t.TempDir()
	r := &Result{Name: "教育局.yaml", Workbook: []byte("x"), PDF: []byte("p")}
	paths, err := r.WriteAs(out, "城区/一/教育局")
	if err != nil {
		t.Fatal(err)
	}
	if want := filepath.Join(out, "城区", "一", "教育局.pdf"); len(paths) != 2 || paths[1] != want || read(t, want) != "p" {
		t.Errorf("written %v, want %s holding p", paths, want)
	}
	if err := os.Symlink(elsewhere, filepath.Join(out, "郊区")); err != nil {
		t.Skip(err)
	}
	for _, name := range []string{"郊区/教育局", "郊区/新/教育局", "../教育局", "城区/../../教育局"} {
		if _, err := r.WriteAs(out, name); err == nil {
			t.Errorf("%s: written", name)
		} else if name == "郊区/教育局" && !strings.Contains(err.Error(), "链接指向输出文件夹之外") {
			t.Errorf("%s: %v does not say the link leads out", name, err)
		}
	}
	if names := dirNames(t, elsewhere); len(names) != 0 {
		t.Errorf("the linked folder holds %v", names)
	}
	if _, err := os.Stat(filepath.Join(filepath.Dir(out), "教育局.pdf")); err == nil {
		t.Errorf("a file was written beside the output folder")
	}
}

// A department that fails has its earlier files in its subfolder moved
// into the same subfolder of 未更新的旧文件.
func TestMoveAsideKeepsTheSubfolder(t *testing.T) {
	out := t.TempDir()
	if err := os.MkdirAll(filepath.Join(out, "城区"), 0o755); err != nil {
		t.Fatal(err)
	}
	write(t, filepath.Join(out, "城区", "教育局.pdf"), "last year's")
	write(t, filepath.Join(out, "教育局.pdf"), "another's")
	moved, err := moveAside(out, "城区/教育局")
	if err != nil || moved != filepath.Join(out, StaleFolder, "城区") {
		t.Fatalf("moved to %q, %v", moved, err)
	}
	if read(t, filepath.Join(out, StaleFolder, "城区", "教育局.pdf")) != "last year's" || read(t, filepath.Join(out, "教育局.pdf")) != "another's" {
		t.Errorf("after the move: %v, %v", dirNames(t, out), dirNames(t, filepath.Join(out, StaleFolder, "城区")))
	}
}

// 未更新的旧文件 planted as a link to a folder elsewhere: a failing
// department's old files are not moved through it (they stay, and the
// row says why), and nothing outside the output folder changes.
func TestStaleFolderLinkIsNotFollowed(t *testing.T) {
	out, elsewhere := t.TempDir(), t.TempDir()
	write(t, filepath.Join(elsewhere, "dept.pdf"), "precious")
	if err := os.Symlink(elsewhere, filepath.Join(out, StaleFolder)); err != nil {
		t.Skip(err)
	}
	write(t, filepath.Join(out, "dept.pdf"), "last year's")
	in := filepath.Join(t.TempDir(), "dept.yaml")
	write(t, in, "department: [unclosed\n")
	res, err := Load(Config{})
	if err != nil {
		t.Fatal(err)
	}
	r := batchOne(Row{File: in}, res, BatchOptions{Out: out, Jobs: 1})
	if read(t, filepath.Join(elsewhere, "dept.pdf")) != "precious" {
		t.Errorf("the file behind the link holds %q", read(t, filepath.Join(elsewhere, "dept.pdf")))
	}
	if names := dirNames(t, elsewhere); len(names) != 1 {
		t.Errorf("the linked folder holds %v", names)
	}
	if read(t, filepath.Join(out, "dept.pdf")) != "last year's" || r.MovedTo != "" {
		t.Errorf("dept.pdf holds %q, moved to %q", read(t, filepath.Join(out, "dept.pdf")), r.MovedTo)
	}
	if !strings.Contains(r.Problem, "不是一个普通文件夹") {
		t.Errorf("problem %q does not say why the old files stay", r.Problem)
	}
}

// A department rendered with open data that fails on a re-run leaves none
// of its files beside the fresh ones: its workbook, PDF, JSON and CSV all
// go to 未更新的旧文件 (every kind of deptfiles.All).
func TestMoveAsideTakesTheOpenData(t *testing.T) {
	out := t.TempDir()
	in := filepath.Join(t.TempDir(), "dept.yaml")
	write(t, in, string(input.Sample))
	res, err := Load(Config{})
	if err != nil {
		t.Fatal(err)
	}
	o := BatchOptions{Out: out, Jobs: 1, OpenData: true}
	if r := batchOne(Row{File: in}, res, o); !r.Done {
		t.Fatalf("first run: %s", r.Problem)
	}
	want := []string{"dept.csv", "dept.json", "dept.pdf", "dept.xlsx"}
	if names := dirNames(t, out); !slices.Equal(names, want) {
		t.Fatalf("after the first run the folder holds %v", names)
	}
	write(t, in, "department: [unclosed\n")
	r := batchOne(Row{File: in}, res, o)
	if r.Done || r.MovedTo != filepath.Join(out, StaleFolder) {
		t.Fatalf("re-run: done %v, moved to %q (%s)", r.Done, r.MovedTo, r.Problem)
	}
	if names := dirNames(t, out); !slices.Equal(names, []string{StaleFolder}) {
		t.Errorf("after the failed re-run the folder holds %v", names)
	}
	if names := dirNames(t, filepath.Join(out, StaleFolder)); !slices.Equal(names, want) {
		t.Errorf("%s holds %v, want %v", StaleFolder, names, want)
	}
}
