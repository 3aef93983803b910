package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"

	"github.com/budgetpub/budgetpub/render/publish"
)

// command is one subcommand: its flags, defined on a flag.FlagSet, and the
// text of its help around them. The help's list of options is generated
// from the flag set, so it cannot drift from what the command accepts.
type command struct {
	name     string
	summary  string   // one line, for budgetpub --help
	usage    string   // the 用法 line after "budgetpub NAME "
	notes    string   // what follows the options
	examples []string // each a whole command line
	// define adds the command's flags to fs and returns the function that
	// runs the command on the positional arguments.
	define func(fs *flagSet) func(env *env, args []string) int
}

// env is what a command writes to, and the command running.
type env struct {
	stdout, stderr io.Writer
	cmd            *command
}

// usage reports a mistake in the command line: the message, then the help;
// exit status 2.
func (e *env) usage(format string, args ...any) int {
	fmt.Fprintf(e.stderr, "budgetpub %s: %s\n\n%s", e.cmd.name, fmt.Sprintf(format, args...), e.cmd.help())
	return 2
}

// flagSet is a flag.FlagSet that remembers the order flags were defined in,
// for the help.
type flagSet struct {
	*flag.FlagSet
	order []string
}

func (f *flagSet) String(name, value, usage string) *string {
	f.order = append(f.order, name)
	return f.FlagSet.String(name, value, usage)
}

func (f *flagSet) StringVar(p *string, name, value, usage string) {
	f.order = append(f.order, name)
	f.FlagSet.StringVar(p, name, value, usage)
}

func (f *flagSet) Bool(name string, value bool, usage string) *bool {
	f.order = append(f.order, name)
	return f.FlagSet.Bool(name, value, usage)
}

func (f *flagSet) Var(v flag.Value, name, usage string) {
	f.order = append(f.order, name)
	f.FlagSet.Var(v, name, usage)
}

// newFlagSet makes the command's flag set, silent: errors are said in
// Chinese by parse.
func (c *command) newFlagSet() (*flagSet, func(*env, []string) int) {
	fs := &flagSet{FlagSet: flag.NewFlagSet(c.name, flag.ContinueOnError)}
	fs.SetOutput(io.Discard)
	run := c.define(fs)
	return fs, run
}

// flagName is how help and messages write a flag: -o for one letter,
// --catalog otherwise. Both -x and --x are accepted for every flag.
func flagName(name string) string {
	if len(name) == 1 {
		return "-" + name
	}
	return "--" + name
}

// help is the command's help text, generated from its flags.
func (c *command) help() string {
	fs, _ := c.newFlagSet()
	var b strings.Builder
	fmt.Fprintf(&b, "budgetpub %s —— %s\n\n用法：budgetpub %s %s\n\n", c.name, c.summary, c.name, c.usage)
	type line struct{ left, right string }
	var lines []line
	for _, name := range fs.order {
		f := fs.Lookup(name)
		arg, usage := flag.UnquoteUsage(f)
		if _, isBool := f.Value.(interface{ IsBoolFlag() bool }); isBool {
			arg = ""
		}
		left := flagName(name)
		if arg != "" {
			left += " " + arg
		}
		if d := f.DefValue; d != "" && d != "false" {
			usage += "（默认 " + d + "）"
		}
		lines = append(lines, line{left, usage})
	}
	lines = append(lines, line{"-h, --help", "显示本说明"})
	width := 0
	for _, l := range lines {
		width = max(width, displayWidth(l.left))
	}
	b.WriteString("选项：\n")
	for _, l := range lines {
		fmt.Fprintf(&b, "  %s%s  %s\n", l.left, strings.Repeat(" ", width-displayWidth(l.left)), l.right)
	}
	if c.notes != "" {
		b.WriteString("\n" + strings.TrimSpace(c.notes) + "\n")
	}
	if len(c.examples) > 0 {
		b.WriteString("\n示例：\n")
		for _, e := range c.examples {
			b.WriteString("  " + e + "\n")
		}
	}
	return b.String()
}

// displayWidth counts a wide (CJK) character as two columns.
func displayWidth(s string) int {
	n := 0
	for _, r := range s {
		if r >= 0x1100 {
			n += 2
		} else {
			n++
		}
	}
	return n
}

// intValue is a flag taking a whole number from lo to hi (-j, --year).
type intValue struct {
	n, lo, hi int
	what      string // 整数, 年份: what the number is, for the message
}

func (v *intValue) String() string {
	if v == nil || v.n == 0 {
		return "" // no default shown: the command decides
	}
	return strconv.Itoa(v.n)
}

func (v *intValue) Set(s string) error {
	n, err := strconv.Atoi(s)
	if err != nil || n < v.lo || n > v.hi {
		return fmt.Errorf("应为 %d 至 %d 的%s", v.lo, v.hi, v.what)
	}
	v.n = n
	return nil
}

// Exit statuses, each distinct so that a wrapper can tell them apart.
const (
	exitDone        = 0 // done (warnings allowed)
	exitRefused     = 1 // the input, a file or a check refused (a batch: some departments); nothing written for them
	exitUsage       = 2 // a mistake in the command line, or nothing to do: no input found, a folder that cannot be read or written, a merge refused, the folder busy
	exitFault       = 3 // an internal fault (a panic caught, a library's failure): please report it
	exitInterrupted = 4 // stopped by Ctrl+C or SIGTERM: render before writing, batch before every department was done
)

// exitFor is the status of an error: a fault, or a refusal.
func exitFor(err error) int {
	if publish.IsFault(err) {
		return exitFault
	}
	return exitRefused
}

// errUsage marks a mistake in the command line (exit status 2).
type errUsage struct{ msg string }

func (e errUsage) Error() string { return e.msg }

// parse reads the flags anywhere among the arguments (render FILE -o DIR as
// well as render -o DIR FILE; everything after -- is an argument) and
// returns the positional arguments. -h or --help anywhere returns
// flag.ErrHelp.
func parse(fs *flagSet, args []string) ([]string, error) {
	var positional []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return nil, err
			}
			return nil, errUsage{translate(err)}
		}
		rest := fs.Args()
		consumed := len(args) - len(rest)
		if consumed > 0 && args[consumed-1] == "--" {
			return append(positional, rest...), nil
		}
		if len(rest) == 0 {
			return positional, nil
		}
		positional = append(positional, rest[0])
		args = rest[1:]
	}
}

var (
	needsValueRe = regexp.MustCompile(`^flag needs an argument: -+(.+)$`)
	undefinedRe  = regexp.MustCompile(`^flag provided but not defined: -+(.+)$`)
	invalidRe    = regexp.MustCompile(`^invalid (boolean )?value "(.*)" for (?:flag )?-+([^:]+): (.*)$`)
	syntaxRe     = regexp.MustCompile(`^bad flag syntax: (.*)$`)
)

// translate says the flag package's complaints in Chinese.
func translate(err error) string {
	msg := err.Error()
	if m := needsValueRe.FindStringSubmatch(msg); m != nil {
		return fmt.Sprintf("选项 %s 需要一个值（写作 %s 值）", flagName(m[1]), flagName(m[1]))
	}
	if m := undefinedRe.FindStringSubmatch(msg); m != nil {
		return fmt.Sprintf("未知的选项 %s", flagName(m[1]))
	}
	if m := invalidRe.FindStringSubmatch(msg); m != nil {
		if m[1] != "" {
			return fmt.Sprintf("选项 %s 只能是 true 或 false（写作 %s 或 %s=false），而不是 %q", flagName(m[3]), flagName(m[3]), flagName(m[3]), m[2])
		}
		return fmt.Sprintf("选项 %s 的值 %q 不对：%s", flagName(m[3]), m[2], m[4])
	}
	if m := syntaxRe.FindStringSubmatch(msg); m != nil {
		return fmt.Sprintf("选项的写法不对：%s（应为 -x 或 --名称）", m[1])
	}
	return msg
}

// execute parses a command's arguments and runs it: exit status 0 done,
// 1 refused, 2 usage error.
func (c *command) execute(stdout, stderr io.Writer, args []string) int {
	e := &env{stdout: stdout, stderr: stderr, cmd: c}
	fs, run := c.newFlagSet()
	positional, err := parse(fs, args)
	if errors.Is(err, flag.ErrHelp) {
		fmt.Fprint(e.stdout, c.help())
		return 0
	}
	if err != nil {
		return e.usage("%s", err)
	}
	return run(e, positional)
}
