package main

import (
	"flag"
	"regexp"
	"strings"
	"testing"
)

// The help generator lists every flag a command defines — with its value's
// name, its default, its text — and nothing else; a flag added to a command
// appears in its help without anyone writing it there.
func TestHelpIsGeneratedFromTheFlags(t *testing.T) {
	demo := &command{
		name: "demo", summary: "演示", usage: "[选项]", examples: []string{"budgetpub demo -o x"},
		define: func(fs *flagSet) func(*env, []string) int {
			fs.String("o", "out", "写入`目录`")
			fs.Bool("strict", false, "严格")
			fs.Var(&intValue{n: 3, lo: 1, hi: 9, what: "整数"}, "j", "并行`数`")
			return func(*env, []string) int { return 0 }
		},
	}
	want := `budgetpub demo —— 演示

用法：budgetpub demo [选项]

选项：
  -o 目录     写入目录（默认 out）
  --strict    严格
  -j 数       并行数（默认 3）
  -h, --help  显示本说明

示例：
  budgetpub demo -o x
`
	if got := demo.help(); got != want {
		t.Errorf("help:\n%s\nwant:\n%s", got, want)
	}
}

// Every command's help lists each of its flags, names no flag it lacks, is
// in Chinese with an example, and is the same in its three forms.
func TestHelpOfEveryCommand(t *testing.T) {
	optionRe := regexp.MustCompile(`^  (-h, --help|--?[a-z][a-z-]*)`)
	han := regexp.MustCompile(`\p{Han}`)
	for _, c := range commands {
		fs, _ := c.newFlagSet()
		help := c.help()
		fs.VisitAll(func(f *flag.Flag) {
			if !regexp.MustCompile(`(?m)^  ` + regexp.QuoteMeta(flagName(f.Name)) + `( |$)`).MatchString(help) {
				t.Errorf("%s: help does not list %s", c.name, flagName(f.Name))
			}
		})
		for _, line := range strings.Split(help, "\n") {
			m := optionRe.FindStringSubmatch(line)
			if m == nil || m[1] == "-h, --help" {
				continue
			}
			if fs.Lookup(strings.TrimLeft(m[1], "-")) == nil {
				t.Errorf("%s: help lists %s, which is no flag", c.name, m[1])
			}
		}
		if !strings.Contains(help, "示例") || !strings.Contains(help, "budgetpub "+c.name) || !han.MatchString(help) {
			t.Errorf("%s: no Chinese text or example:\n%s", c.name, help)
		}
		for _, form := range [][]string{{c.name, "--help"}, {c.name, "-h"}, {"help", c.name}, {c.name, "x", "--help", "y"}} {
			code, stdout, stderr := runCmd(form...)
			if code != 0 || stderr != "" || stdout != help {
				t.Errorf("%v: exit %d, stderr %q, same help %v", form, code, stderr, stdout == help)
			}
		}
	}
	code, stdout, _ := runCmd("--help")
	for _, c := range commands {
		if !regexp.MustCompile(`(?m)^  ` + c.name + ` +` + regexp.QuoteMeta(c.summary) + `$`).MatchString(stdout) {
			t.Errorf("--help does not list %s", c.name)
		}
	}
	if code != 0 {
		t.Errorf("--help: exit %d", code)
	}
}

// Flags come anywhere among the arguments, in either spelling; -- ends them.
func TestParseFlagsAnywhere(t *testing.T) {
	cases := []struct {
		args       []string
		out        string
		force      bool
		positional []string
		err        string
	}{
		{[]string{"a.yaml", "-o", "d"}, "d", false, []string{"a.yaml"}, ""},
		{[]string{"--o=d", "a.yaml", "--force"}, "d", true, []string{"a.yaml"}, ""},
		{[]string{"-force", "a.yaml", "b.yaml", "-o", "d"}, "d", true, []string{"a.yaml", "b.yaml"}, ""},
		{[]string{"--force=false", "a.yaml"}, "output", false, []string{"a.yaml"}, ""},
		{[]string{"a.yaml", "--", "-o", "x"}, "output", false, []string{"a.yaml", "-o", "x"}, ""},
		{[]string{"a.yaml", "-o"}, "", false, nil, "选项 -o 需要一个值"},
		{[]string{"--nope"}, "", false, nil, "未知的选项 --nope"},
		{[]string{"---o"}, "", false, nil, "选项的写法不对"},
	}
	for _, c := range cases {
		fs := &flagSet{FlagSet: flag.NewFlagSet("t", flag.ContinueOnError)}
		fs.SetOutput(discard{})
		out := fs.String("o", "output", "")
		force := fs.Bool("force", false, "")
		pos, err := parse(fs, c.args)
		if c.err != "" {
			if err == nil || !strings.Contains(err.Error(), c.err) {
				t.Errorf("%v: %v, want %q", c.args, err, c.err)
			}
			continue
		}
		if err != nil || *out != c.out || *force != c.force || strings.Join(pos, " ") != strings.Join(c.positional, " ") {
			t.Errorf("%v: out %q force %v args %v err %v", c.args, *out, *force, pos, err)
		}
	}
}

type discard struct{}

func (discard) Write(p []byte) (int, error) { return len(p), nil }

// Every option's value is named in Chinese (a flag whose text names none
// would show the flag package's English "string"), and its default is said
// once (by the help, never also in the flag's own text).
func TestHelpNamesValuesInChineseAndDefaultsOnce(t *testing.T) {
	english := regexp.MustCompile(`^  --?[a-z][a-z-]* (string|int|value|float|duration|uint)\b`)
	for _, c := range commands {
		for _, line := range strings.Split(c.help(), "\n") {
			if english.MatchString(line) {
				t.Errorf("%s: %q names its value in English", c.name, line)
			}
			if strings.Count(line, "（默认") > 1 {
				t.Errorf("%s: %q says its default twice", c.name, line)
			}
		}
	}
}
