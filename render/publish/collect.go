package publish

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"unicode/utf8"
)

// Skipped is a file found in an input folder that is not an input: its
// path, why it was skipped, and what to do about it.
type Skipped struct {
	Path, Reason string
}

// Line is the skipped file as the command says it.
func (k Skipped) Line() string { return k.Path + ": 已跳过：" + k.Reason }

// skipReason says why a file found in a folder is not taken: "" when it
// is an input (.yaml, .yml, a .xlsx workbook), ignore when it is hidden
// (.name) or an Office lock file (~$name), which are never mentioned.
func skipReason(name string) (reason string, ignore bool) {
	base := filepath.Base(name)
	lower := strings.ToLower(base)
	switch ext := filepath.Ext(lower); {
	case strings.HasPrefix(base, ".") || strings.HasPrefix(base, "~$"):
		return "", true
	case ext == ".yaml" || ext == ".yml" || ext == ".xlsx":
		return "", false
	case ext == ".xls":
		return "这是旧版 Excel 工作簿（.xls）：在 Excel 或 WPS 中另存为 .xlsx 后再放入", false
	case strings.HasSuffix(lower, ".yaml.txt") || strings.HasSuffix(lower, ".yml.txt"):
		return "文件名多了 .txt：请改名为 " + base[:len(base)-len(".txt")], false
	case ext == ".zip" || ext == ".rar" || ext == ".7z":
		return "这是压缩包：请先解压到输入文件夹中再运行", false
	}
	ext := filepath.Ext(lower)
	if word, ok := skippedKinds[ext]; ok {
		sheet := strings.HasPrefix(word, "表格:")
		word = strings.TrimPrefix(word, "表格:")
		if word[0] < utf8.RuneSelf { // 这是 Word 文档: a space before a Latin word
			word = " " + word
		}
		if sheet {
			return "这是" + word + "（" + ext + "），不能直接读取：在 Excel 或 WPS 中另存为 .xlsx 后再放入", false
		}
		return "这是" + word + "，不能从中读取数字：请让部门提交主输入文件（.yaml）或预算系统导出的工作簿（.xlsx）", false
	}
	return "不是主输入文件（.yaml）或工作簿（.xlsx），已跳过：如是部门提交的材料，请让部门改交其中之一", false
}

// skippedKinds say what a file that is no input is, by its ending: a
// spreadsheet of another format ("表格:" before its word: saved again as
// .xlsx it is an input) or a document, whose figures cannot be read.
var skippedKinds = map[string]string{
	".xlsm": "表格:带宏的 Excel 工作簿", ".xltx": "表格:Excel 模板", ".et": "表格:WPS 表格", ".ods": "表格:LibreOffice 表格",
	".docx": "Word 文档", ".doc": "Word 文档", ".wps": "WPS 文字文档", ".odt": "LibreOffice 文档", ".pdf": "PDF 文件",
	".csv": "CSV 文件", ".txt": "文本文件", ".jpg": "图片", ".png": "图片",
}

// batchOutputs tells whether dir is a batch's output folder — it holds a
// batch's summary (SummaryName's names) —, remembering it in known.
func batchOutputs(dir string, known map[string]bool) bool {
	is, ok := known[dir]
	if !ok {
		for _, pat := range []string{"summary.xlsx", "summary-batch*.xlsx", "summary-*-of-*.xlsx"} {
			if m, _ := filepath.Glob(filepath.Join(dir, pat)); len(m) > 0 {
				is = true
				break
			}
		}
		known[dir] = is
	}
	return is
}

// CollectInputs lists the inputs named or found (recursively) in the
// folders named, once each, in a fixed order: master inputs (.yaml/.yml)
// and workbooks (.xlsx). Every other file found in a folder is in skipped,
// with the reason and the fix, except hidden files and Office lock files
// (~$…), which are ignored, as are hidden folders and the folders of
// exclude (the output folder: its workbooks are outputs, not inputs); a
// folder that is the output folder itself, or any holding a batch's
// summary (an earlier run's output folder), gives only its
// master inputs, its other files and 未更新的旧文件 being outputs, ignored. A file named
// itself is always taken.
func CollectInputs(args []string, exclude ...string) (files []string, skipped []Skipped, err error) {
	files, _, skipped, err = CollectInputsUnder(args, exclude...)
	return files, skipped, err
}

// CollectInputsUnder is CollectInputs, also saying of each file found in a
// folder named which folder that was (as named, cleaned): the base of
// BatchOptions.KeepFolders. A file named itself is not in under.
func CollectInputsUnder(args []string, exclude ...string) (files []string, under map[string]string, skipped []Skipped, err error) {
	seen := map[string]bool{}
	under = map[string]string{}
	add := func(p, folder string) {
		if !seen[p] {
			seen[p] = true
			files = append(files, p)
			if folder != "" {
				under[p] = folder
			}
		}
	}
	var excluded []os.FileInfo
	outputDirs := map[string]bool{}
	for _, x := range exclude {
		if fi, err := os.Stat(x); err == nil && fi.IsDir() {
			excluded = append(excluded, fi)
		}
	}
	for _, a := range args {
		fi, err := os.Stat(a)
		if err != nil {
			return nil, nil, nil, fmt.Errorf("%s: %w", a, err)
		}
		if !fi.IsDir() {
			add(filepath.Clean(a), "")
			continue
		}
		// The folder is the output folder itself: the files beside the
		// inputs are outputs (workbooks, PDFs, the summary), never read.
		outputs := false
		for _, x := range excluded {
			outputs = outputs || os.SameFile(fi, x)
		}
		isOutputs := func(dir string) bool {
			if dir == filepath.Clean(a) && outputs {
				return true
			}
			return batchOutputs(dir, outputDirs)
		}
		var found []string
		err = filepath.WalkDir(a, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if d.IsDir() {
				if p != a && strings.HasPrefix(d.Name(), ".") {
					return filepath.SkipDir
				}
				if fi, err := d.Info(); err == nil && p != a {
					for _, x := range excluded {
						if os.SameFile(fi, x) {
							return filepath.SkipDir
						}
					}
				}
				if p != a && isOutputs(filepath.Dir(p)) && d.Name() == StaleFolder {
					return filepath.SkipDir
				}
				return nil
			}
			reason, ignore := skipReason(p)
			ext := strings.ToLower(filepath.Ext(p))
			switch {
			case ignore:
			case ext != ".yaml" && ext != ".yml" && isOutputs(filepath.Dir(p)):
				// an output folder's own files: outputs, not inputs
			case reason != "":
				if !seen[filepath.Clean(p)] {
					seen[filepath.Clean(p)] = true
					skipped = append(skipped, Skipped{filepath.Clean(p), reason})
				}
			default:
				found = append(found, filepath.Clean(p))
			}
			return nil
		})
		if err != nil {
			return nil, nil, nil, err
		}
		sort.Strings(found)
		for _, p := range found {
			add(p, filepath.Clean(a))
		}
	}
	sort.SliceStable(skipped, func(i, j int) bool { return skipped[i].Path < skipped[j].Path })
	return files, under, skipped, nil
}

// SkipReason says why a file of that name is not taken as an input, as
// batch says it for a file found in a folder: the reason and the fix, ""
// when it is an input (.yaml, .yml, a .xlsx workbook); ignore when it is
// hidden (.name) or an Office lock file (~$name), never mentioned. The
// workbench's bureau page names the files of an upload it skips with it.
func SkipReason(name string) (reason string, ignore bool) { return skipReason(name) }
