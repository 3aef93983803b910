package render

import (
	"fmt"
	"reflect"
	"regexp"
	"strings"
	"text/template"
	"text/template/parse"

	"github.com/shopspring/decimal"
)

// A bureau's wording can only print what the wording functions and the
// texts produce. Before any department is built, every define is checked
// against the data it is executed with: a figure is printed only through
// amount, share, percent, change, changeVs, wan, vsBudget, vsRate, fixed, delta, rate or cn; a field is a struct
// field (no method calls such as .Total.Neg); range runs over a list of the
// data (never over a number, which would run for ever); no define calls
// another (no recursion); printf takes a literal format of %d, %s and %v
// without widths. So a template's execution is bounded by the department's
// own data, and no struct dump, bare decimal or type name reaches a page.

// ChartWording is the data of the chart sentences (图.无数据, 图.单项).
type ChartWording struct {
	Title, Label string
	Amount       decimal.Decimal
}

var (
	chartType   = reflect.TypeOf(ChartWording{})
	decimalType = reflect.TypeOf(decimal.Decimal{})
	priorType   = reflect.TypeOf(Prior{})
	stringType  = reflect.TypeOf("")
	intType     = reflect.TypeOf(0)
	boolType    = reflect.TypeOf(true)
	stringsType = reflect.TypeOf([]string(nil))
)

// defineData is the type a define is executed with: a chart's sentence
// (图.*) its ChartWording, every other the profile's facts.
func defineData(name string, src WordingSource) reflect.Type {
	if strings.HasPrefix(name, "图.") {
		return chartType
	}
	for prefix, t := range src.Others {
		if strings.HasPrefix(name, prefix) {
			return t
		}
	}
	return src.Data
}

// funcSig is a template function's argument and result types.
type funcSig struct {
	args   []reflect.Type
	result reflect.Type
}

var wordingSigs = map[string]funcSig{
	"amount":   {[]reflect.Type{decimalType}, stringType},
	"share":    {[]reflect.Type{decimalType, decimalType}, stringType},
	"percent":  {[]reflect.Type{decimalType, decimalType}, stringType},
	"change":   {[]reflect.Type{decimalType, priorType}, stringType},
	"changeVs": {[]reflect.Type{decimalType, priorType, stringType}, stringType},
	"list":     {[]reflect.Type{stringsType}, stringType},
	"cn":       {[]reflect.Type{intType}, stringType},
	"wan":      {[]reflect.Type{decimalType}, stringType},
	"vsBudget": {[]reflect.Type{decimalType, priorType, intType, stringType}, stringType},
	"vsRate":   {[]reflect.Type{decimalType, priorType, stringType}, stringType},
	"fixed":    {[]reflect.Type{decimalType}, stringType},
	"delta":    {[]reflect.Type{decimalType, priorType}, stringType},
	"rate":     {[]reflect.Type{decimalType, decimalType}, stringType},
}

// anyType stands for an argument of any type (comparisons, and, or, not).
var anyType = reflect.TypeOf((*any)(nil)).Elem()

var printfRe = regexp.MustCompile(`%[^dsv%]|%[0-9]`)

// checker walks one define's tree.
type tmplChecker struct {
	name string // the define
	tree *parse.Tree
	vars []map[string]reflect.Type
	errs []string
}

func (c *tmplChecker) fail(n parse.Node, format string, args ...any) {
	loc, _ := c.tree.ErrorContext(n)
	c.errs = append(c.errs, loc+": 段落“"+c.name+"”："+fmt.Sprintf(format, args...))
}

// checkWording checks every define of a parsed wording (names: the defines
// the program executes, with their data types).
func checkWording(t *template.Template, known map[string]bool, src WordingSource) error {
	top := t.Name()
	var errs []string
	for _, tt := range t.Templates() {
		name := tt.Name()
		if tt.Tree == nil || tt.Tree.Root == nil || name == top {
			continue
		}
		if !known[name] {
			loc, _ := tt.Tree.ErrorContext(tt.Tree.Root)
			errs = append(errs, fmt.Sprintf("%s: 没有名为“%s”的段落：只能改写默认句式中已有的段落（名称须完全一致）", loc, name))
			continue
		}
		c := &tmplChecker{name: name, tree: tt.Tree, vars: []map[string]reflect.Type{{"$": defineData(name, src)}}}
		c.list(tt.Tree.Root, defineData(name, src))
		errs = append(errs, c.errs...)
	}
	if len(errs) > 0 {
		return fmt.Errorf("句式模板有误：\n%s", strings.Join(errs, "\n"))
	}
	return nil
}

func (c *tmplChecker) list(l *parse.ListNode, dot reflect.Type) {
	if l == nil {
		return
	}
	for _, n := range l.Nodes {
		c.node(n, dot)
	}
}

func (c *tmplChecker) node(n parse.Node, dot reflect.Type) {
	switch n := n.(type) {
	case *parse.TextNode, *parse.CommentNode, *parse.BreakNode, *parse.ContinueNode:
	case *parse.ActionNode:
		t := c.pipe(n.Pipe, dot)
		if len(n.Pipe.Decl) == 0 && t != nil && t != stringType && t != intType {
			c.fail(n, "%s 会把%s直接印到纸上：金额请用 amount、share、percent、change，文字与个数才能直接印出", n, describeType(t))
		}
	case *parse.IfNode:
		c.pipe(n.Pipe, dot)
		c.scoped(func() { c.list(n.List, dot) })
		c.scoped(func() { c.list(n.ElseList, dot) })
	case *parse.WithNode:
		t := c.pipe(n.Pipe, dot)
		c.scoped(func() { c.list(n.List, orDot(t, dot)) })
		c.scoped(func() { c.list(n.ElseList, dot) })
	case *parse.RangeNode:
		c.scoped(func() {
			t := c.pipe(n.Pipe, dot)
			if t != nil && t.Kind() != reflect.Slice {
				c.fail(n, "range 只能用于数据中的列表，而不是%s（数字会无限循环）", describeType(t))
				return
			}
			var elem reflect.Type
			if t != nil {
				elem = t.Elem()
			}
			if d := n.Pipe.Decl; len(d) == 2 {
				c.vars[len(c.vars)-1][d[0].Ident[0]] = intType
				c.vars[len(c.vars)-1][d[1].Ident[0]] = elem
			} else if len(d) == 1 {
				c.vars[len(c.vars)-1][d[0].Ident[0]] = elem
			}
			c.list(n.List, orDot(elem, dot))
		})
		c.scoped(func() { c.list(n.ElseList, dot) })
	case *parse.TemplateNode:
		c.fail(n, "句式中不能调用其他段落（{{template}}）")
	default:
		c.fail(n, "句式中不能使用 %s", n)
	}
}

func orDot(t, dot reflect.Type) reflect.Type {
	if t == nil {
		return dot
	}
	return t
}

func (c *tmplChecker) scoped(f func()) {
	c.vars = append(c.vars, map[string]reflect.Type{})
	f()
	c.vars = c.vars[:len(c.vars)-1]
}

func (c *tmplChecker) lookupVar(name string) (reflect.Type, bool) {
	for i := len(c.vars) - 1; i >= 0; i-- {
		if t, ok := c.vars[i][name]; ok {
			return t, true
		}
	}
	return nil, false
}

// pipe types a pipeline; nil when it cannot be typed (an error was said).
func (c *tmplChecker) pipe(p *parse.PipeNode, dot reflect.Type) reflect.Type {
	if p == nil {
		return nil
	}
	var prev reflect.Type
	for i, cmd := range p.Cmds {
		prev = c.command(cmd, dot, prev, i > 0)
	}
	if len(p.Decl) == 1 {
		c.vars[len(c.vars)-1][p.Decl[0].Ident[0]] = prev
	}
	return prev
}

// command types one command; piped is the type of the previous command's
// result, passed as the last argument.
func (c *tmplChecker) command(cmd *parse.CommandNode, dot, piped reflect.Type, hasPiped bool) reflect.Type {
	first := cmd.Args[0]
	id, isFunc := first.(*parse.IdentifierNode)
	if !isFunc {
		if len(cmd.Args) > 1 || hasPiped {
			c.fail(cmd, "%s 不是函数，不能带参数", first)
			return nil
		}
		return c.arg(first, dot)
	}
	args := make([]reflect.Type, 0, len(cmd.Args))
	for _, a := range cmd.Args[1:] {
		args = append(args, c.arg(a, dot))
	}
	if hasPiped {
		args = append(args, piped)
	}
	switch name := id.Ident; name {
	case "and", "or":
		return anyType
	case "not", "eq", "ne", "lt", "le", "gt", "ge":
		return boolType
	case "len":
		return intType
	case "index":
		if len(args) >= 2 && args[0] != nil && args[0].Kind() == reflect.Slice {
			return args[0].Elem()
		}
		c.fail(cmd, "index 只能用于数据中的列表")
		return nil
	case "printf":
		if len(cmd.Args) < 2 {
			c.fail(cmd, "printf 需要格式")
			return nil
		}
		f, ok := cmd.Args[1].(*parse.StringNode)
		if !ok || printfRe.MatchString(strings.ReplaceAll(f.Text, "%%", "")) {
			c.fail(cmd, "printf 的格式只能是写明的文字，其中只用 %%d、%%s、%%v（不带宽度）")
			return nil
		}
		for _, a := range args[1:] {
			if a != nil && a != stringType && a != intType {
				c.fail(cmd, "printf 只能印文字和个数，不能印%s：金额请用 amount 等函数", describeType(a))
			}
		}
		return stringType
	default:
		sig, ok := wordingSigs[name]
		if !ok {
			c.fail(cmd, "句式中不能使用函数 %s：可用的有 amount、share、percent、change、changeVs、list、cn、printf", name)
			return nil
		}
		if len(args) != len(sig.args) {
			c.fail(cmd, "%s 需要 %d 个参数，而这里有 %d 个", name, len(sig.args), len(args))
			return nil
		}
		for i, a := range args {
			if a != nil && a != sig.args[i] {
				c.fail(cmd, "%s 的第 %d 个参数应为%s，而这里是%s", name, i+1, describeType(sig.args[i]), describeType(a))
			}
		}
		return sig.result
	}
}

// arg types an argument: a field chain, a variable, dot or a literal.
func (c *tmplChecker) arg(n parse.Node, dot reflect.Type) reflect.Type {
	switch n := n.(type) {
	case *parse.DotNode:
		return dot
	case *parse.FieldNode:
		return c.fields(n, dot, n.Ident)
	case *parse.VariableNode:
		t, ok := c.lookupVar(n.Ident[0])
		if !ok {
			c.fail(n, "没有变量 %s", n.Ident[0])
			return nil
		}
		return c.fields(n, t, n.Ident[1:])
	case *parse.ChainNode:
		c.fail(n, "句式中不能这样取值：%s", n)
		return nil
	case *parse.StringNode:
		return stringType
	case *parse.NumberNode:
		if n.IsInt {
			return intType
		}
		c.fail(n, "句式中只能写整数")
		return nil
	case *parse.BoolNode:
		return boolType
	case *parse.PipeNode:
		return c.pipe(n, dot)
	case *parse.NilNode:
		c.fail(n, "句式中不能使用 nil")
		return nil
	}
	c.fail(n, "句式中不能使用 %s", n)
	return nil
}

// fields follows a chain of struct fields; a method or a missing field is
// an error.
func (c *tmplChecker) fields(n parse.Node, t reflect.Type, names []string) reflect.Type {
	for _, name := range names {
		if t == nil {
			return nil
		}
		if t.Kind() != reflect.Struct || t == decimalType {
			c.fail(n, "%s 没有字段 %s", describeType(t), name)
			return nil
		}
		f, ok := t.FieldByName(name)
		if !ok || !f.IsExported() {
			c.fail(n, "数据中没有 .%s（可用的数据见 render.Facts）", name)
			return nil
		}
		t = f.Type
	}
	return t
}

// describeType names a type for a message.
func describeType(t reflect.Type) string {
	switch t {
	case decimalType:
		return "金额"
	case priorType:
		return "上年数"
	case stringType:
		return "文字"
	case intType:
		return "个数"
	case boolType:
		return "真假值"
	case stringsType:
		return "文字列表"
	case nil:
		return "未知的值"
	}
	switch t.Kind() {
	case reflect.Struct:
		return "一组数据（" + t.Name() + "）"
	case reflect.Slice:
		return "列表"
	}
	return t.String()
}
