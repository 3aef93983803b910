package main

import (
	"fmt"

	"github.com/budgetpub/budgetpub/input"
	"github.com/budgetpub/budgetpub/render/opendata"
)

var schemaCmd = &command{
	name:    "schema",
	summary: "输出主输入文件的 JSON Schema（供编辑器补全和检查）",
	usage:   "> budgetpub-schema.json",
	notes: `把它放在主输入文件旁边，文件第一行写
  # yaml-language-server: $schema=budgetpub-schema.json
装有 YAML 插件（YAML language server）的编辑器即可自动补全每个键、显示中文说明、标出写错的键和类型。`,
	examples: []string{"budgetpub schema > budgetpub-schema.json", "budgetpub schema --output > budgetpub-open-data-schema.json"},
	define: func(fs *flagSet) func(*env, []string) int {
		output := fs.Bool("output", false, "输出开放数据（--open-data 生成的 .json）的 JSON Schema，而不是主输入文件的")
		return func(e *env, args []string) int {
			if len(args) > 0 {
				return e.usage("schema 不需要参数，而不是 %q", args[0])
			}
			if *output {
				fmt.Fprint(e.stdout, string(opendata.Schema()))
				return 0
			}
			fmt.Fprint(e.stdout, string(input.Schema()))
			return 0
		}
	},
}
