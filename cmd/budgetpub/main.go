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

	"github.com/budgetpub/budgetpub/input"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// run is the whole command; it returns the exit status.
func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return 2
	}
	if len(args) > 1 && (args[1] == "-h" || args[1] == "--help") {
		if h, ok := helps[args[0]]; ok {
			fmt.Fprint(stdout, h)
			return 0
		}
	}
	switch args[0] {
	case "render":
		return cmdRender(args[1:], stdout, stderr)
	case "check":
		return cmdCheck(args[1:], stdout, stderr)
	case "batch":
		return cmdBatch(args[1:], stdout, stderr)
	case "init":
		return cmdInit(args[1:], stdout, stderr)
	case "schema":
		fmt.Fprint(stdout, string(input.Schema()))
		return 0
	case "-h", "--help", "help":
		if len(args) > 1 {
			if h, ok := helps[args[1]]; ok {
				fmt.Fprint(stdout, h)
				return 0
			}
		}
		fmt.Fprint(stdout, usage)
		return 0
	default:
		fmt.Fprintf(stderr, "budgetpub: 未知的命令 %q\n\n%s", args[0], usage)
		return 2
	}
}
