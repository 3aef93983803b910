package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"strconv"
	"time"

	"github.com/budgetpub/budgetpub/input"
)

var initCmd = &command{
	name:     "init",
	summary:  "生成一份带注释的空白主输入文件，照着填写",
	usage:    "[选项]",
	notes:    "生成的文件包含所有数据块、中文注释和示例行，原样即可通过 check（一份空的公开材料）。已存在的文件绝不覆盖。",
	examples: []string{"budgetpub init --year 2025 --name 某某局 -o 某某局-2025.yaml"},
	define: func(fs *flagSet) func(*env, []string) int {
		year := &yearValue{y: time.Now().Year() + 1}
		fs.Var(year, "year", "预算`年度`")
		name := fs.String("name", "", "部门`名称`，印在每张表上")
		out := fs.String("o", "", "写入的`文件`（默认 budget-年度.yaml）")
		return func(e *env, args []string) int {
			if len(args) > 0 {
				return e.usage("未知的参数 %s", args[0])
			}
			path := *out
			if path == "" {
				path = fmt.Sprintf("budget-%d.yaml", year.y)
			}
			return writeSkeleton(e, path, input.Skeleton(year.y, *name))
		}
	},
}

// yearValue is --year: a budget year.
type yearValue struct{ y int }

func (v *yearValue) String() string {
	if v == nil {
		return ""
	}
	return strconv.Itoa(v.y)
}

func (v *yearValue) Set(s string) error {
	y, err := strconv.Atoi(s)
	if err != nil || y < 2000 || y > 2100 {
		return fmt.Errorf("应为 2000 至 2100 的年份")
	}
	v.y = y
	return nil
}

// writeSkeleton writes a new file, never over an existing one.
func writeSkeleton(e *env, path string, data []byte) int {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if errors.Is(err, fs.ErrExist) {
		fmt.Fprintf(e.stderr, "%s: 文件已存在，未覆盖（请换一个文件名，或先移走原文件）\n", path)
		return 1
	}
	if err != nil {
		fmt.Fprintf(e.stderr, "%s: 无法创建：%v\n", path, err)
		return 1
	}
	_, werr := f.Write(data)
	if cerr := f.Close(); werr == nil {
		werr = cerr
	}
	if werr != nil {
		_ = os.Remove(path)
		fmt.Fprintf(e.stderr, "%s: 写入失败：%v\n", path, werr)
		return 1
	}
	fmt.Fprintf(e.stdout, "已生成 %s：按其中的注释填写，然后运行 budgetpub check %s\n", path, path)
	return 0
}
