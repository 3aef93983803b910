package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"

	"github.com/budgetpub/budgetpub/input"
	"github.com/budgetpub/budgetpub/render/importer"
	"github.com/budgetpub/budgetpub/render/publish"
)

var importCmd = &command{
	name:    "import",
	summary: "把预算系统导出的公开表工作簿（.xlsx：13 张公开表、上海市部门预算或部门决算的 9 张表，按表名识别）转成主输入文件",
	usage:   "工作簿.xlsx|目录 [选项]",
	notes: `版式由表名决定：“预算收支总表”等是 13 张公开表（shanxi-13），“部门财务收支预算总表”等是
上海市部门预算的 9 张表（shanghai-9），“收入支出决算总表”等是部门决算的 9 张表（final-9），导入所得的文件写明版式；
--layout 指定的版式与表名不符时不导入。上海市单位预算（shanghai-9-unit）的工作簿按表名认出，但还不能导入：
请用 init --layout 生成主输入文件填写。部门决算的表名不写年度、表上也没有部门名称：用 --year 和 --name 给出，
不给时从工作簿的文件名中找（如“某某局2024年度部门决算.xlsx”），并作为假设列出；找不到年度时不导入。
决算的年初预算（final.budgets）、文字、数量和上年数表中没有，留待补填（可用 init --final-from 由预算文件生成后对照）。
按表名和表头找出每张表（工作表名称、顺序不限），以明细行为准推出主输入文件的各行，
再用它重新生成各表、逐格核对：尾差为警告，其他不一致为错误（指出工作表和单元格），有错误时不写文件。
表中没有的内容（概况、原因、政府采购、资产、说明、绩效目标表、上年数）用 --prior 从上年的主输入文件带入，
否则留空，最后列出需要补填的内容（与 check 的“需补填”相同）。已存在的文件绝不覆盖。
给出目录时，导入其中（含子目录）的每个工作簿，写入 -o 给出的目录（按工作簿的文件名命名），
逐个说明结果，其他文件列出原因后跳过；有工作簿被拒绝时退出码为 1。
--prior-dir 给出存放各部门上年主输入文件的目录：每个工作簿按部门编码、再按部门名称找到本部门上年的文件带入；
找到两个、或只有别的年度的文件时不导入并说明；找不到的照常导入（不带上年内容）并提示。`,
	examples: []string{
		"budgetpub import 某某局-2025-公开表.xlsx -o 某某局-2025.yaml",
		"budgetpub import 某某局-2025-公开表.xlsx --prior 某某局-2024.yaml",
		"budgetpub import 决算公开表.xlsx --year 2024 --name 某某局 -o 某某局-2024-决算.yaml",
		"budgetpub import 各部门公开表/ -o 主输入文件",
		"budgetpub import 各部门公开表/ -o 主输入文件 --prior-dir 2024年主输入文件/",
	},
	define: func(fs *flagSet) func(*env, []string) int {
		out := fs.String("o", "", "写入的主输入`文件`（默认为工作簿文件名.yaml）")
		prior := fs.String("prior", "", "上年的主输入`文件`：带入概况、说明、单位类型、项目类别和绩效目标表，并算出上年数")
		priorDir := priorDirFlag(fs)
		catalog := fs.String("catalog", "", "自己的分类目录`文件`（CSV 或 .xlsx），补充并覆盖自带目录")
		layout := layoutFlag(fs)
		year := &intValue{lo: 2000, hi: 2100, what: "年份"}
		fs.Var(year, "year", "表名中没有年度时（部门决算）的`年度`（默认从工作簿的文件名中找）")
		name := fs.String("name", "", "表中没有部门名称时（部门决算）的部门`名称`（默认从工作簿的文件名中找）")
		return func(e *env, args []string) int {
			if len(args) != 1 {
				return e.usage("请给出一个工作簿文件（.xlsx）")
			}
			// A layout is imported when its profile declares how.
			if _, err := importer.Profile(layout.id); err != nil {
				return e.usage("%v", err)
			}
			if *prior != "" && *priorDir != "" {
				return e.usage("--prior 和 --prior-dir 只能用一个：--prior 给出这个部门的上年文件，--prior-dir 给出存放各部门上年文件的目录")
			}
			book := args[0]
			if fi, err := os.Stat(book); err == nil && fi.IsDir() {
				if *out == "" {
					return e.usage("导入一个目录时，请用 -o 给出写入主输入文件的目录")
				}
				if *prior != "" {
					return e.usage("--prior 是一个部门的上年文件，不能用于整个目录：请用 --prior-dir 给出存放各部门上年文件的目录")
				}
				if *name != "" {
					return e.usage("--name 是一个部门的名称，不能用于整个目录：目录中各工作簿的部门名称从表中或文件名中找")
				}
				return importFolder(e, book, *out, *catalog, *priorDir, bookOptions{layout.id, year.n, ""})
			}
			path := *out
			if path == "" {
				path = strings.TrimSuffix(filepath.Base(book), filepath.Ext(book)) + ".yaml"
			}
			return runImport(e, book, path, *prior, *priorDir, *catalog, bookOptions{layout.id, year.n, *name})
		}
	},
}

// importFolder imports every workbook found in dir into out, each as its
// stem with .yaml, never overwriting, saying each one's result and the
// files skipped: 1 when any is refused, 2 when there is none.
func importFolder(e *env, dir, out, catalog, priorDir string, bo bookOptions) int {
	files, skipped, err := publish.CollectInputs([]string{dir}, out)
	if err != nil {
		fmt.Fprintln(e.stderr, err)
		return exitUsage
	}
	var books []string
	for _, f := range files {
		if publish.IsWorkbook(f) {
			books = append(books, f)
		} else {
			skipped = append(skipped, publish.Skipped{Path: f, Reason: "已是主输入文件，不用导入"})
		}
	}
	saySkipped(e, skipped)
	if len(books) == 0 {
		fmt.Fprintf(e.stderr, "%s 中没有找到工作簿（.xlsx）%s：请检查文件夹的名字\n", dir, skippedNote(skipped))
		return exitUsage
	}
	res, err := publish.Load(publish.Config{Catalog: catalog})
	if err != nil {
		fmt.Fprintln(e.stderr, err)
		return exitFor(err)
	}
	var priors *publish.Priors
	if priorDir != "" {
		if priors, err = readPriors(e, context.Background(), res, priorDir, runtime.NumCPU()); err != nil {
			return exitUsage
		}
	}
	if err := os.MkdirAll(out, 0o755); err != nil {
		fmt.Fprintf(e.stderr, "%s: 无法创建输出目录：%s\n", out, publish.OSCause(err))
		return exitUsage
	}
	refused := 0
	for _, book := range books {
		path := filepath.Join(out, publish.Stem(book)+".yaml")
		if code := importBook(e, res, book, path, "", priors, bo); code != 0 {
			refused++
			fmt.Fprintf(e.stdout, "%s: 未导入（原因见上）\n", book)
		}
	}
	fmt.Fprintf(e.stdout, "%d 个工作簿：%d 个已导入，%d 个未导入", len(books), len(books)-refused, refused)
	if len(skipped) > 0 {
		fmt.Fprintf(e.stdout, "；跳过了 %d 个其他文件", len(skipped))
	}
	fmt.Fprintln(e.stdout)
	if refused > 0 {
		return exitRefused
	}
	return exitDone
}

func runImport(e *env, book, path, prior, priorDir, catalog string, bo bookOptions) int {
	res, err := publish.Load(publish.Config{Catalog: catalog})
	if err != nil {
		fmt.Fprintln(e.stderr, err)
		return 1
	}
	var priors *publish.Priors
	if priorDir != "" {
		if priors, err = readPriors(e, context.Background(), res, priorDir, runtime.NumCPU()); err != nil {
			return exitUsage
		}
	}
	return importBook(e, res, book, path, prior, priors, bo)
}

// bookOptions are what import is told of a workbook's tables: their
// layout ("": told by the titles), and the year and department's name
// when the tables print none (--year, --name; 0 and "": from the file
// name).
type bookOptions struct {
	layout string
	year   int
	name   string
}

// importBook imports one workbook into path (never over a file), with
// prior's texts when given, or those of the department's file found in
// priors; its tables of layout ("": the default).
func importBook(e *env, res *publish.Resources, book, path, prior string, priors *publish.Priors, bo bookOptions) int {
	data, err := input.ReadRegular(book, importer.MaxBookSize)
	if err != nil {
		fmt.Fprintf(e.stderr, "%s: 无法读取：%v\n", book, err)
		return 1
	}
	o := publish.ImportOptions{Output: path, Layout: bo.layout, Year: bo.year, Department: bo.name}
	var use *publish.PriorUse
	switch {
	case prior != "":
		ly, err := publish.ReadLastYear(res, prior)
		if err != nil {
			fmt.Fprintln(e.stderr, err)
			return 1
		}
		o.Amend = ly.Carry
	case priors != nil:
		o.Amend, use = priors.Carrier(res, book)
	}
	r, err := publish.ImportBook(res, book, data, o)
	if err != nil {
		fmt.Fprintln(e.stderr, err)
		return exitFor(err)
	}
	if use != nil && use.Missing != nil {
		fmt.Fprintf(e.stderr, "%s: 提示：%s\n", book, use.Missing.Message)
	}
	// The file must render as it is: glyphs, wording, both writers.
	if err := publish.Renders(res, path, r.Text); err != nil {
		fmt.Fprintln(e.stderr, err)
		return exitFor(err)
	}
	for _, a := range r.Assumptions {
		fmt.Fprintf(e.stderr, "%s: 假设：%s\n", book, a)
	}
	for _, w := range r.Warnings {
		fmt.Fprintln(e.stderr, w)
	}
	if code := writeNew(e, path, r.Text); code != 0 {
		return code
	}
	if use != nil && use.File != "" {
		fmt.Fprintf(e.stdout, "%s: 带入了上年文件 %s\n", book, use.File)
	}
	// What is left to fill in is the file's findings of it, as check
	// says them.
	if len(r.Incomplete) > 0 {
		fmt.Fprintf(e.stdout, "还需要在 %s 中补填（%d 处，budgetpub check 同样列出）：\n", path, len(r.Incomplete))
		for _, f := range r.Incomplete {
			fmt.Fprintln(e.stdout, f)
		}
	}
	return 0
}
