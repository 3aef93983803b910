package main

import (
	"fmt"

	"github.com/budgetpub/budgetpub/input"
	"github.com/budgetpub/budgetpub/render"
	"github.com/budgetpub/budgetpub/render/publish"
)

// The layouts (render.Profile): `budgetpub layouts` lists them, and
// --layout on render, check, batch, import, init and serve makes every
// document in one, whatever its own `layout:` says.

var layoutsCmd = &command{
	name:    "layouts",
	summary: "列出可用的版式（公开材料按哪一套表和文字生成）",
	usage:   "",
	notes: `每行：版式名、类别（预算或决算）、表的张数和名称。主输入文件用 layout: 版式名 选择（不写即为 ` + input.DefaultLayout + `），
render、check、batch、import、init、serve 的 --layout 可以改用另一个。`,
	examples: []string{"budgetpub layouts"},
	define: func(fs *flagSet) func(*env, []string) int {
		return func(e *env, args []string) int {
			if len(args) > 0 {
				return e.usage("layouts 不需要参数")
			}
			for _, p := range render.Profiles() {
				def := ""
				if p.ID == input.DefaultLayout {
					def = "（默认）"
				}
				fmt.Fprintf(e.stdout, "%s%s\t%s\t%d 张表\t%s\n", p.ID, def, p.Kind, len(p.Tables), p.Name)
			}
			return 0
		}
	},
}

// layoutValue is --layout: a registered layout's id, "" when not given.
type layoutValue struct{ id string }

func (v *layoutValue) String() string {
	if v == nil {
		return ""
	}
	return v.id
}

func (v *layoutValue) Set(s string) error {
	if !input.KnownLayout(s) {
		return fmt.Errorf("%s（budgetpub layouts 列出全部）", input.UnknownLayout(s))
	}
	v.id = s
	return nil
}

// layoutFlag is --layout.
func layoutFlag(fs *flagSet) *layoutValue {
	v := &layoutValue{}
	fs.Var(v, "layout", "按这个`版式`生成，不论输入文件的 layout 写的是什么（budgetpub layouts 列出可用的）")
	return v
}

// budgetFlag is --budget: the year's 预算 a 决算's 年初预算 are checked
// against.
func budgetFlag(fs *flagSet) *string {
	return fs.String("budget", "", "本年度的预算主输入`文件`：核对决算文件中的年初预算（final.budgets、final.three_public_budget）与它一致（f-budget-file）；只用于决算")
}

// loadBudget reads --budget's file, or none when it is not given.
func loadBudget(e *env, res *publish.Resources, path string) (*input.Document, int) {
	if path == "" {
		return nil, 0
	}
	doc, err := publish.ReadBudget(res, path)
	if err != nil {
		fmt.Fprintln(e.stderr, err)
		return nil, exitFor(err)
	}
	return doc, 0
}
