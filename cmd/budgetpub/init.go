package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strconv"
	"time"

	"github.com/budgetpub/budgetpub/input"
)

// cmdInit writes a commented skeleton input, never over an existing file.
func cmdInit(args []string, stdout, stderr io.Writer) int {
	year, name, out := time.Now().Year()+1, "", ""
	for i := 0; i < len(args); i++ {
		a := args[i]
		val := func() (string, bool) {
			if i+1 >= len(args) {
				return "", false
			}
			i++
			return args[i], true
		}
		var ok bool
		var v string
		switch a {
		case "--year", "-year":
			if v, ok = val(); ok {
				y, err := strconv.Atoi(v)
				if err != nil || y < 2000 || y > 2100 {
					fmt.Fprintf(stderr, "budgetpub init: --year 应为 2000 至 2100 的年份，而不是 %q\n", v)
					return 2
				}
				year = y
			}
		case "--name", "-name":
			name, ok = val()
		case "-o", "--out":
			out, ok = val()
		default:
			fmt.Fprintf(stderr, "budgetpub init: 未知的选项或参数 %s\n\n%s", a, helps["init"])
			return 2
		}
		if !ok {
			fmt.Fprintf(stderr, "budgetpub init: 选项 %s 需要一个值\n\n%s", a, helps["init"])
			return 2
		}
	}
	if out == "" {
		out = fmt.Sprintf("budget-%d.yaml", year)
	}
	f, err := os.OpenFile(out, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if errors.Is(err, fs.ErrExist) {
		fmt.Fprintf(stderr, "%s: 文件已存在，未覆盖（请换一个文件名，或先移走原文件）\n", out)
		return 1
	}
	if err != nil {
		fmt.Fprintf(stderr, "%s: 无法创建：%v\n", out, err)
		return 1
	}
	_, werr := f.Write(input.Skeleton(year, name))
	if cerr := f.Close(); werr == nil {
		werr = cerr
	}
	if werr != nil {
		_ = os.Remove(out)
		fmt.Fprintf(stderr, "%s: 写入失败：%v\n", out, werr)
		return 1
	}
	fmt.Fprintf(stdout, "已生成 %s：按其中的注释填写，然后运行 budgetpub check %s\n", out, out)
	return 0
}
