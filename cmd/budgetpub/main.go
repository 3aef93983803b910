// Command budgetpub turns one YAML file of a department's budget figures into
// its yearly budget disclosure (部门预算公开): the workbook of the 13 tables
// and the PDF of the whole publication.
//
//	budgetpub render [FILE.yaml] [-o DIR] [--catalog FILE.csv] [--templates DIR] [--font-body F.ttf] [--font-title F.ttf] [--font-heading F.ttf]
//
// With no FILE it renders the bundled sample. Exit status: 0 done, 1 input
// errors (nothing written), 2 usage error.
package main

import (
	"fmt"
	"io"
	"os"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

const usage = `budgetpub —— 部门预算公开生成工具

用法：
  budgetpub render [文件.yaml] [-o 输出目录] [--catalog 分类目录.csv]
                   [--force] [--templates 句式目录] [--font-body 正文.ttf] [--font-title 标题.ttf] [--font-heading 小标题.ttf]
      由主输入文件生成 输出目录/<文件名>.xlsx 和 <文件名>.pdf（默认输出目录 output/）；
      不写文件时生成自带的样例（大同市人民政府办公室 2024年）。
      --catalog       自己的分类目录（CSV：编码,名称），补充并覆盖自带目录
      --force         核对有错误时仍生成（标明草稿，不得作为正式公开文本）
      --templates     含 part3.tmpl 的目录：替换第三部分说明文字的句式（见 templates/part3.tmpl）
      --font-*        用自己的 TrueType 字体（如仿宋_GB2312、黑体）代替自带字体；
                      自带字体仍为缺字时的后备

  budgetpub check 文件.yaml... [--json] [--catalog 分类目录.csv]
      只做表间勾稽核对，不生成文件；每条结果一行：文件:行:列: 错误/警告 [编号] 说明。
      --json          以 JSON 输出，供程序读取
      有错误时退出码为 1，只有警告时为 0。

  budgetpub batch 目录|文件... [-o 输出目录] [-j 并行数] [--shard i/n] [render 的其他选项]
      批量生成多个部门（目录中的 .yaml 逐个处理，含子目录）；一个文件出错不影响其他文件。
      输出目录/summary.xlsx 汇总每个部门的合计、警告和错误数、输出文件或错误。
      -j              同时处理的部门数（默认为 CPU 核数）
      --shard i/n     只处理文件清单的第 i 份（共 n 份），供多台机器分工
      中断（Ctrl+C）时已生成的文件完整可用，未处理的部门在汇总表中列出。

  render 先做同样的核对：有错误时不生成任何文件；加 --force 仍生成，但每页、每表标明“草稿”。

示例：
  budgetpub render
  budgetpub render 我的部门-2025.yaml -o 公开材料
  budgetpub check 我的部门-2025.yaml
  budgetpub batch 各部门/ -o 公开材料 -j 2
`

// run is the whole command; it returns the exit status.
func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return 2
	}
	switch args[0] {
	case "render":
		return cmdRender(args[1:], stdout, stderr)
	case "check":
		return cmdCheck(args[1:], stdout, stderr)
	case "batch":
		return cmdBatch(args[1:], stdout, stderr)
	case "-h", "--help", "help":
		fmt.Fprint(stdout, usage)
		return 0
	default:
		fmt.Fprintf(stderr, "budgetpub: 未知的命令 %q\n\n%s", args[0], usage)
		return 2
	}
}
