package main

import (
	"fmt"

	"github.com/budgetpub/budgetpub/input"
)

var catalogCmd = &command{
	name:    "catalog",
	summary: "按名称或编码查找分类科目（自带目录和自己的目录）",
	usage:   "名称|编码... [选项]",
	notes: `名称按包含查找（如“农田”），编码按开头查找（如 21301 列出其下的各项）。
每行：编码、名称、来源（自带目录的来源，或自己目录的文件名）。找不到时退出码为 1。`,
	examples: []string{"budgetpub catalog 农田建设", "budgetpub catalog 2130 --catalog 2025年政府收支分类科目.xlsx"},
	define: func(fs *flagSet) func(*env, []string) int {
		path := fs.String("catalog", "", "自己的分类目录`文件`（CSV 或 .xlsx），补充并覆盖自带目录")
		return func(e *env, words []string) int {
			if len(words) == 0 {
				return e.usage("请给出要查找的名称或编码")
			}
			cat := input.DefaultCatalog()
			if *path != "" {
				var err error
				if cat, err = input.LoadCatalog(*path); err != nil {
					fmt.Fprintln(e.stderr, err)
					return 1
				}
			}
			found := 0
			for _, w := range words {
				hits := cat.Search(w)
				if len(hits) == 0 {
					fmt.Fprintf(e.stderr, "找不到“%s”：目录中没有以它开头的编码或含有它的名称（可用 --catalog 提供预算系统导出的完整目录）\n", w)
				}
				for _, h := range hits {
					fmt.Fprintf(e.stdout, "%s\t%s\t%s\n", h.Code, h.Name, h.Source)
				}
				found += len(hits)
			}
			if found == 0 {
				return 1
			}
			return 0
		}
	},
}
