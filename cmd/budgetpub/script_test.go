package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/budgetpub/budgetpub/input/synth"
	"github.com/rogpeppe/go-internal/testscript"
	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/simplifiedchinese"
)

var update = flag.Bool("update", false, "rewrite the scripts' expected output (cmp) in testdata/script")

// TestMain makes the test binary the budgetpub command of the scripts (and
// of the Go tests that run it as a process): no go build is needed.
func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){"budgetpub": main})
}

// TestScripts runs the end-to-end scripts of testdata/script: each is a
// txtar archive of input files and the budgetpub commands run on them, with
// their exit status, output and files asserted.
func TestScripts(t *testing.T) {
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	testscript.Run(t, testscript.Params{
		Dir: "testdata/script",
		Setup: func(e *testscript.Env) error {
			e.Setenv("ROOT", root)
			e.Setenv("SAMPLE", filepath.Join(root, "input", "datong-gov-office-2024.yaml"))
			e.Setenv("FONTS", filepath.Join(root, "fonts"))
			return nil
		},
		Cmds:          scriptCmds,
		Condition:     toolCondition,
		UpdateScripts: *update,
	})
}

// scriptCmds are the scripts' own commands.
var scriptCmds = map[string]func(ts *testscript.TestScript, neg bool, args []string){
	"sheets":    cmdSheets,
	"sheet":     cmdSheet,
	"pdftext":   cmdPDFText,
	"files":     cmdFiles,
	"pdfpages":  cmdPDFPages,
	"gendept":   cmdGendept,
	"subst":     cmdSubst,
	"setcell":   cmdSetCell,
	"gbk":       cmdGBK,
	"samebytes": cmdSameBytes,
}

// cmdSheets prints a workbook's sheet names, one a line.
func cmdSheets(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) != 1 {
		ts.Fatalf("usage: sheets FILE.xlsx")
	}
	f, err := excelize.OpenFile(ts.MkAbs(args[0]))
	if err != nil {
		ts.Fatalf("%s: %v", args[0], err)
	}
	defer f.Close()
	for _, s := range f.GetSheetList() {
		fmt.Fprintln(ts.Stdout(), s)
	}
}

// cmdSheet prints a sheet's rows, cells joined by |, each numeric cell as
// #value (its raw value), so that scripts can tell numbers from text.
func cmdSheet(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) != 2 {
		ts.Fatalf("usage: sheet FILE.xlsx SHEET")
	}
	f, err := excelize.OpenFile(ts.MkAbs(args[0]))
	if err != nil {
		ts.Fatalf("%s: %v", args[0], err)
	}
	defer f.Close()
	rows, err := f.GetRows(args[1], excelize.Options{RawCellValue: true})
	if err != nil {
		ts.Fatalf("%s: %v", args[1], err)
	}
	for r, row := range rows {
		cells := make([]string, len(row))
		for c, v := range row {
			ref, _ := excelize.CoordinatesToCellName(c+1, r+1)
			if typ, _ := f.GetCellType(args[1], ref); typ == excelize.CellTypeNumber || typ == excelize.CellTypeUnset && v != "" && isNumber(v) {
				v = "#" + v
			}
			cells[c] = v
		}
		fmt.Fprintln(ts.Stdout(), strings.Join(cells, "|"))
	}
}

func isNumber(s string) bool {
	_, err := strconv.ParseFloat(s, 64)
	return err == nil
}

// toolCondition is the scripts' condition [tool:NAME]: whether an external
// program is installed. Under BUDGETPUB_REQUIRE_TOOLS=1 (CI) a missing tool
// fails the script instead of skipping its part.
func toolCondition(cond string) (bool, error) {
	name, ok := strings.CutPrefix(cond, "tool:")
	if !ok {
		return false, fmt.Errorf("unknown condition %q", cond)
	}
	if _, err := exec.LookPath(name); err != nil {
		if os.Getenv("BUDGETPUB_REQUIRE_TOOLS") == "1" {
			return false, fmt.Errorf("%s is not installed (BUDGETPUB_REQUIRE_TOOLS=1)", name)
		}
		return false, nil
	}
	return true, nil
}

// cmdPDFText prints the text of a PDF, pages separated by form feeds
// (pdftotext; guard it with [!tool:pdftotext] skip).
func cmdPDFText(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) != 1 {
		ts.Fatalf("usage: pdftext FILE.pdf")
	}
	out, err := exec.Command("pdftotext", ts.MkAbs(args[0]), "-").Output()
	if err != nil {
		ts.Fatalf("pdftotext %s: %v", args[0], err)
	}
	ts.Stdout().Write(out)
}

// cmdPDFPages asserts that every page of a PDF has text matching a
// pattern (! pdfpages: that none has).
func cmdPDFPages(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) != 2 {
		ts.Fatalf("usage: pdfpages FILE.pdf PATTERN")
	}
	out, err := exec.Command("pdftotext", ts.MkAbs(args[0]), "-").Output()
	if err != nil {
		ts.Fatalf("pdftotext %s: %v", args[0], err)
	}
	re, err := regexp.Compile(args[1])
	ts.Check(err)
	pages := strings.Split(strings.TrimRight(string(out), "\f"), "\f")
	for i, p := range pages {
		if re.MatchString(p) == neg {
			ts.Fatalf("%s page %d of %d: match of %q is %v", args[0], i+1, len(pages), args[1], !neg)
		}
	}
	fmt.Fprintf(ts.Stdout(), "%d pages\n", len(pages))
}

// cmdFiles prints the names in a folder, sorted, one a line; ! files DIR
// asserts the folder does not exist.
func cmdFiles(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) != 1 {
		ts.Fatalf("usage: files DIR")
	}
	entries, err := os.ReadDir(ts.MkAbs(args[0]))
	if neg {
		if err == nil {
			ts.Fatalf("%s exists", args[0])
		}
		return
	}
	if err != nil {
		ts.Fatalf("%v", err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintln(ts.Stdout(), n)
	}
}

// cmdSubst replaces the first OLD in FILE by NEW (both with \n for a line
// break), failing when FILE has no OLD.
func cmdSubst(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) != 3 {
		ts.Fatalf("usage: subst FILE OLD NEW")
	}
	unescape := func(s string) string { return strings.ReplaceAll(s, `\n`, "\n") }
	path := ts.MkAbs(args[0])
	data := ts.ReadFile(args[0])
	old := unescape(args[1])
	if !strings.Contains(data, old) {
		ts.Fatalf("%s has no %q", args[0], old)
	}
	ts.Check(os.WriteFile(path, []byte(strings.Replace(data, old, unescape(args[2]), 1)), 0o644))
}

// cmdSetCell sets one cell of a workbook: a number, or text when quoted
// with a leading '.
func cmdSetCell(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) != 4 {
		ts.Fatalf("usage: setcell FILE.xlsx SHEET CELL VALUE")
	}
	f, err := excelize.OpenFile(ts.MkAbs(args[0]))
	ts.Check(err)
	defer f.Close()
	if v, ok := strings.CutPrefix(args[3], "'"); ok {
		ts.Check(f.SetCellStr(args[1], args[2], v))
	} else {
		ts.Check(f.SetCellDefault(args[1], args[2], args[3]))
	}
	ts.Check(f.Save())
}

// cmdSameBytes asserts two files are byte for byte the same (cmp for
// binary files: on a difference it says where, instead of printing the
// bytes).
func cmdSameBytes(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) != 2 {
		ts.Fatalf("usage: samebytes FILE1 FILE2")
	}
	a, b := []byte(ts.ReadFile(args[0])), []byte(ts.ReadFile(args[1]))
	at := 0
	for at < len(a) && at < len(b) && a[at] == b[at] {
		at++
	}
	same := len(a) == len(b) && at == len(a)
	switch {
	case same && neg:
		ts.Fatalf("%s and %s are the same", args[0], args[1])
	case !same && !neg:
		ts.Fatalf("%s (%d bytes) and %s (%d bytes) differ from byte %d", args[0], len(a), args[1], len(b), at)
	}
}

// cmdGBK writes SRC, a UTF-8 text, to DST in GBK, as 记事本 saves "ANSI".
func cmdGBK(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) != 2 {
		ts.Fatalf("usage: gbk SRC DST")
	}
	b, err := simplifiedchinese.GBK.NewEncoder().Bytes([]byte(ts.ReadFile(args[0])))
	ts.Check(err)
	ts.Check(os.WriteFile(ts.MkAbs(args[1]), b, 0o644))
}

// cmdGendept writes N generated departments (input/synth, seeds 1…N) into DIR.
func cmdGendept(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) != 2 {
		ts.Fatalf("usage: gendept N DIR")
	}
	n, err := strconv.Atoi(args[0])
	if err != nil {
		ts.Fatalf("%v", err)
	}
	dir := ts.MkAbs(args[1])
	ts.Check(os.MkdirAll(dir, 0o755))
	for i := 1; i <= n; i++ {
		path := filepath.Join(dir, fmt.Sprintf("dept-%03d.yaml", i))
		ts.Check(os.WriteFile(path, synth.Generate(synth.Options{Seed: int64(i)}), 0o644))
	}
}

// runCmd runs the command in this process, as main would, and returns its
// exit status and output.
func runCmd(args ...string) (int, string, string) {
	var stdout, stderr bytes.Buffer
	code := run(args, &stdout, &stderr)
	return code, stdout.String(), stderr.String()
}
