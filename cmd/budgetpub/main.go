// Command budgetpub turns one YAML file of a department's budget figures into
// its yearly budget disclosure (部门预算公开): the workbook of the 13 tables
// and the PDF of the whole publication. Each subcommand is one file here
// (init, import, check, render, batch, serve, catalog, schema), with its
// flags and help beside it;
// the work is done by render/publish, the one pipeline they all call.
//
// Exit status: 0 done, 1 input or check errors (nothing written), 2 usage
// error, 3 an internal fault (to be reported).
package main

import (
	"fmt"
	"io"
	"os"
	"strings"
)

func main() {
	args := os.Args[1:]
	if len(args) == 0 && startedByDoubleClick() {
		// budgetpub.exe double-clicked in Explorer: the workbench, since a
		// clerk who double-clicks has no terminal to type a command in.
		code := run([]string{"serve"}, os.Stdout, os.Stderr)
		if code != 0 {
			pauseBeforeClosing()
		}
		os.Exit(code)
	}
	os.Exit(run(args, os.Stdout, os.Stderr))
}

// fault reports a panic that escaped every department's boundary.
func fault(stderr io.Writer, code *int) {
	if p := recover(); p != nil {
		fmt.Fprintf(stderr, "budgetpub: 程序内部错误（%v）：请把所用的命令和输入文件报告给维护人员\n", p)
		*code = exitFault
	}
}

// commands are the subcommands, in the order --help lists them.
var commands = []*command{initCmd, importCmd, checkCmd, renderCmd, batchCmd, serveCmd, catalogCmd, layoutsCmd, schemaCmd}

func lookup(name string) *command {
	for _, c := range commands {
		if c.name == name {
			return c
		}
	}
	return nil
}

// usage is the overview printed by budgetpub --help, made from the commands.
func usage() string {
	var b strings.Builder
	b.WriteString("budgetpub —— 部门预算公开生成工具\n\n用法：budgetpub 命令 [选项]\n\n命令：\n")
	for _, c := range commands {
		fmt.Fprintf(&b, "  %-8s %s\n", c.name, c.summary)
	}
	b.WriteString("\n每个命令的说明：budgetpub 命令 --help\n\n示例：\n")
	for _, c := range []*command{initCmd, checkCmd, renderCmd} {
		fmt.Fprintf(&b, "  %s\n", c.examples[0])
	}
	b.WriteString("  budgetpub render                   # 生成自带的样例（大同市人民政府办公室 2024年）\n")
	return b.String()
}

// run is the whole command; it returns the exit status.
func run(args []string, stdout, stderr io.Writer) (code int) {
	defer fault(stderr, &code)
	if len(args) == 0 {
		fmt.Fprint(stderr, usage())
		return 2
	}
	switch name := args[0]; name {
	case "-h", "--help", "-help", "help":
		if len(args) > 1 {
			if c := lookup(args[1]); c != nil {
				fmt.Fprint(stdout, c.help())
				return 0
			}
			fmt.Fprintf(stderr, "budgetpub: 未知的命令 %q\n\n%s", args[1], usage())
			return 2
		}
		fmt.Fprint(stdout, usage())
		return 0
	default:
		c := lookup(name)
		if c == nil {
			fmt.Fprintf(stderr, "budgetpub: 未知的命令 %q\n\n%s", name, usage())
			return 2
		}
		return c.execute(stdout, stderr, args[1:])
	}
}
