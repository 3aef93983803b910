package main

// usage is the overview printed by budgetpub --help.
const usage = `budgetpub —— 部门预算公开生成工具

用法：budgetpub 命令 [选项]

命令：
  init     生成一份带注释的空白主输入文件，照着填写
  check    只做表间勾稽核对，不生成文件
  render   由主输入文件生成公开用的 Excel 工作簿和 PDF
  batch    批量生成多个部门（财政部门用）
  schema   输出主输入文件的 JSON Schema（供编辑器补全和检查）

每个命令的说明：budgetpub 命令 --help

示例：
  budgetpub init --year 2025 --name 某某局 -o 某某局-2025.yaml
  budgetpub check 某某局-2025.yaml
  budgetpub render 某某局-2025.yaml -o 公开材料
  budgetpub render                   # 生成自带的样例（大同市人民政府办公室 2024年）
`

// helps are each command's own help.
var helps = map[string]string{
	"init": `budgetpub init —— 生成一份带注释的空白主输入文件

用法：budgetpub init [--year 年度] [--name 部门名称] [-o 文件.yaml]

  --year     预算年度（默认为明年）
  --name     部门名称，印在每张表上
  -o         写入的文件（默认 budget-年度.yaml）；已存在的文件绝不覆盖

生成的文件包含所有数据块、中文注释和示例行，原样即可通过 check（一份空的公开材料）。

示例：
  budgetpub init --year 2025 --name 某某局 -o 某某局-2025.yaml
`,
	"check": `budgetpub check —— 表间勾稽核对，不生成文件

用法：budgetpub check 文件.yaml... [--json] [--catalog 分类目录.csv]

  --json     以 JSON 输出，供程序读取
  --catalog  自己的分类目录（CSV：编码,名称），补充并覆盖自带目录

每条结果一行：文件:行:列: 错误|警告 [编号] 说明：两个数字及相差。
有错误时退出码为 1，只有警告时为 0。

示例：
  budgetpub check 某某局-2025.yaml
`,
	"render": `budgetpub render —— 生成公开用的 Excel 工作簿和 PDF

用法：budgetpub render [文件.yaml] [-o 输出目录] [选项]

  -o              输出目录（默认 output/），生成 <文件名>.xlsx 和 <文件名>.pdf
  --catalog       自己的分类目录（CSV：编码,名称），补充并覆盖自带目录
  --templates     含 part3.tmpl 的目录：替换第三部分说明文字的句式
  --force         核对有错误时仍生成（每页标明“草稿”，不得作为正式公开文本）
  --font-body     正文和表格字体（TrueType .ttf，如仿宋_GB2312）
  --font-title    标题字体（如小标宋）
  --font-heading  小标题字体（如黑体）

不写文件时生成自带的样例。先做勾稽核对：有错误时不生成任何文件。

示例：
  budgetpub render 某某局-2025.yaml -o 公开材料
  budgetpub render 某某局-2025.yaml --font-body 仿宋_GB2312.ttf --font-heading 黑体.ttf
`,
	"batch": `budgetpub batch —— 批量生成多个部门

用法：budgetpub batch 目录|文件... [-o 输出目录] [-j 并行数] [--shard i/n] [render 的选项]

  -o         输出目录（默认 output/）；其中 summary.xlsx 汇总每个部门的结果
  -j         同时处理的部门数（默认为 CPU 核数）
  --shard    只处理文件清单的第 i 份（共 n 份），供多台机器分工，如 --shard 1/4
  --catalog、--templates、--force、--font-body、--font-title、--font-heading：同 render

目录中的 .yaml 文件逐个处理（含子目录）；一个文件出错不影响其他文件。
中断（Ctrl+C）时已生成的文件完整可用，未处理的部门在汇总表中列出。

示例：
  budgetpub batch 各部门/ -o 公开材料 -j 2
`,
	"schema": `budgetpub schema —— 输出主输入文件的 JSON Schema

用法：budgetpub schema > budgetpub-schema.json

把它放在主输入文件旁边，文件第一行写
  # yaml-language-server: $schema=budgetpub-schema.json
装有 YAML 插件（YAML language server）的编辑器即可自动补全每个键、显示中文说明、标出写错的键和类型。

示例：
  budgetpub schema > budgetpub-schema.json
`,
}
