package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"time"

	"github.com/budgetpub/budgetpub/input"
	"github.com/budgetpub/budgetpub/render/publish"
)

var initCmd = &command{
	name:    "init",
	summary: "生成一份带注释的空白主输入文件，照着填写",
	usage:   "[选项]",
	notes: `生成的文件包含所有数据块、中文注释和示例行；check 会逐项列出尚需补填的内容（概况、单位类型、政府采购等）。
有 --from 时，由上年的主输入文件生成本年的：上年数按上年文件计算填入，单位、概况、说明、名词解释和
科目名称沿用，各科目用途和项目经费情况说明的文字沿用待修改，各行金额清零。--layout 给出的版式
所用的键（如上海版式的收入类别、各科目用途）以注释列出待填。
有 --final-from 时，由本年度的预算文件生成同一年度的决算文件（layout: final-9）：年初预算按预算文件填入
final.budgets 和 final.three_public_budget，各行保留科目、金额清零待填决算数；--prior-final 给出上年的
决算文件时，上年数由它算出。已存在的文件绝不覆盖。`,
	examples: []string{
		"budgetpub init --year 2025 --name 某某局 -o 某某局-2025.yaml",
		"budgetpub init --from 某某局-2024.yaml -o 某某局-2025.yaml",
		"budgetpub init --final-from 某某局-2024.yaml --prior-final 某某局-2023-决算.yaml -o 某某局-2024-决算.yaml",
	},
	define: func(fs *flagSet) func(*env, []string) int {
		year := &intValue{lo: 2000, hi: 2100, what: "年份"}
		fs.Var(year, "year", "预算`年度`（默认为明年；有 --from 时为上年文件的下一年）")
		name := fs.String("name", "", "部门`名称`，印在每张表上")
		from := fs.String("from", "", "上年的主输入`文件`：由它生成本年的文件")
		finalFrom := fs.String("final-from", "", "本年度的预算主输入`文件`：由它生成同一年度的决算文件")
		priorFinal := fs.String("prior-final", "", "上年的决算主输入`文件`（与 --final-from 同用）：上年数由它算出")
		catalog := fs.String("catalog", "", "读上年文件用的分类目录`文件`（CSV 或 .xlsx）")
		out := fs.String("o", "", "写入的`文件`（默认 budget-年度.yaml；决算为 final-年度.yaml）")
		layout := layoutFlag(fs)
		return func(e *env, args []string) int {
			if len(args) > 0 {
				return e.usage("未知的参数 %s", args[0])
			}
			if lead, bad := input.FormulaLead(*name); bad {
				return e.usage("--name 的部门名称“%s”以“%s”开头，电子表格软件会把它当作公式执行：请去掉开头的这个符号", *name, lead)
			}
			switch {
			case *finalFrom != "" && *from != "":
				return e.usage("--final-from 与 --from 不能同时使用：--from 由上年文件生成下一年的预算，--final-from 由本年预算生成同一年的决算")
			case *priorFinal != "" && *finalFrom == "":
				return e.usage("--prior-final 只能与 --final-from 同用：请同时给出本年度的预算文件（--final-from）")
			case *finalFrom != "" && layout.id != "" && layout.id != publish.FinalLayout:
				return e.usage("--final-from 生成的是决算文件（layout: %s），不能用 --layout %s", publish.FinalLayout, layout.id)
			case *finalFrom != "":
				return initFinal(e, *catalog, *finalFrom, *priorFinal, *name, year.n, *out)
			}
			if *from == "" {
				y := year.n
				if y == 0 {
					y = time.Now().Year() + 1
				}
				l := layout.id
				if l == "" {
					l = input.DefaultLayout
				}
				return writeNew(e, outPath(*out, y), publish.Skeleton(y, *name, l))
			}
			res, err := publish.Load(publish.Config{Catalog: *catalog})
			if err != nil {
				fmt.Fprintln(e.stderr, err)
				return 1
			}
			ly, err := publish.ReadLastYear(res, *from)
			if err != nil {
				fmt.Fprintln(e.stderr, err)
				return 1
			}
			y := year.n
			if y == 0 {
				y = ly.Doc.Year + 1
			}
			doc, o, err := ly.RollOver(y)
			if err != nil {
				fmt.Fprintln(e.stderr, err)
				return 1
			}
			if *name != "" {
				doc.Department.Name = input.Text{Value: *name}
			}
			if layout.id != "" { // the year after in another layout, showing the keys it uses
				doc.Layout = input.Text{Value: layout.id}
				o.LayoutKeys = publish.InputKeys(layout.id)
			}
			text := input.Format(doc, o)
			if err := publish.Renders(res, outPath(*out, y), text); err != nil {
				fmt.Fprintln(e.stderr, err)
				return 1
			}
			return writeNew(e, outPath(*out, y), text)
		}
	},
}

// initFinal writes the 决算 of the year of the 预算 at budget (init
// --final-from), with prior_year from last year's 决算 at prior when it
// is not "".
func initFinal(e *env, catalog, budget, prior, name string, year int, out string) int {
	res, err := publish.Load(publish.Config{Catalog: catalog})
	if err != nil {
		fmt.Fprintln(e.stderr, err)
		return 1
	}
	doc, o, err := publish.FinalFrom(res, budget, prior)
	if err != nil {
		fmt.Fprintln(e.stderr, err)
		return 1
	}
	if year != 0 && year != doc.Year {
		fmt.Fprintf(e.stderr, "%s: 预算文件是 %d 年度的：决算与预算是同一年度，请去掉 --year 或改为 --year %d\n", budget, doc.Year, doc.Year)
		return 1
	}
	if name != "" {
		doc.Department.Name = input.Text{Value: name}
	}
	if out == "" {
		out = fmt.Sprintf("final-%d.yaml", doc.Year)
	}
	text := input.Format(doc, o)
	if input.KnownLayout(publish.FinalLayout) { // read back as check will read it, once its profile is there
		if _, err := input.Decode(out, text, res.Catalog); err != nil {
			fmt.Fprintln(e.stderr, err)
			return 1
		}
	}
	return writeNew(e, out, text)
}

// outPath is -o, or budget-YEAR.yaml.
func outPath(out string, year int) string {
	if out != "" {
		return out
	}
	return fmt.Sprintf("budget-%d.yaml", year)
}

// writeNew writes a new file, never over an existing one.
func writeNew(e *env, path string, data []byte) int {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if errors.Is(err, fs.ErrExist) {
		fmt.Fprintf(e.stderr, "%s: 文件已存在，未覆盖（请换一个文件名，或先移走原文件）\n", path)
		return 1
	}
	if err != nil {
		fmt.Fprintf(e.stderr, "%s: 无法创建：%s\n", path, publish.OSCause(err))
		return 1
	}
	_, werr := f.Write(data)
	if cerr := f.Close(); werr == nil {
		werr = cerr
	}
	if werr != nil {
		_ = os.Remove(path)
		fmt.Fprintf(e.stderr, "%s: 写入失败：%s\n", path, publish.OSCause(werr))
		return 1
	}
	fmt.Fprintf(e.stdout, "已生成 %s：按其中的注释填写，然后运行 budgetpub check %s\n", path, path)
	return 0
}
