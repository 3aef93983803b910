package input

import (
	"fmt"
	"regexp"
	"strings"
	"unicode/utf8"

	"gopkg.in/yaml.v3"
)

// The mistakes clerks really make, said with their cause and their fix at
// their own line and column, where the YAML parser would name another line
// or another cause.

var (
	fullColonRe  = regexp.MustCompile(`^(- )?([A-Za-z_][A-Za-z0-9_]*)[ \t]*：`)
	tightColonRe = regexp.MustCompile(`^(- )?([A-Za-z_][A-Za-z0-9_]*):([^ \t\r\n/])`)
	blockStartRe = regexp.MustCompile(`:\s*[|>][-+0-9]*\s*(#.*)?$`)
)

// suspects are the lines of a file that YAML will fail on for a reason a
// clerk would not guess from its message: a Tab or a full-width space in an
// indent, a full-width colon after a key, a key with no space after its
// colon. The text of block scalars (duties: | …) is not looked at. They are
// told only when the parser fails: a valid file is never refused for them.
func suspects(file string, data []byte) Errors {
	var out Errors
	block := -1 // indentation of the key of the block scalar being read; -1: none
	for i, line := range strings.Split(string(data), "\n") {
		line = strings.TrimRight(line, "\r")
		n := i + 1
		indent, col := 0, 1
		for _, r := range line {
			if r != ' ' && r != '\t' && r != '\u3000' {
				break
			}
			if r == ' ' {
				indent++
			}
			col++
		}
		rest := strings.TrimLeft(line, " \t\u3000")
		if block >= 0 {
			if rest == "" || indent > block {
				continue // the block's text
			}
			block = -1
		}
		if rest == "" || strings.HasPrefix(rest, "#") {
			continue
		}
		prefix := line[:len(line)-len(rest)]
		if c := strings.IndexAny(prefix, "\t\u3000"); c >= 0 {
			at := utf8.RuneCountInString(prefix[:c]) + 1
			if prefix[c] == '\t' {
				out = append(out, &Error{File: file, Pos: Pos{n, at}, Msg: "缩进中有制表符（Tab）：YAML 只能用空格缩进，请把这一行开头的 Tab 换成空格，并与上下文对齐"})
			} else {
				out = append(out, &Error{File: file, Pos: Pos{n, at}, Msg: "缩进中有全角空格：YAML 只能用半角空格缩进，请把这一行开头的全角空格换成半角空格"})
			}
			continue
		}
		if m := fullColonRe.FindStringSubmatchIndex(rest); m != nil {
			key := rest[m[4]:m[5]]
			at := col + utf8.RuneCountInString(rest[:strings.Index(rest, "：")])
			out = append(out, &Error{File: file, Pos: Pos{n, at}, Msg: fmt.Sprintf("键 %s 后面是全角冒号“：”：请改为半角冒号加一个空格，写成“%s: …”", key, key)})
			continue
		}
		if m := tightColonRe.FindStringSubmatch(rest); m != nil {
			at := col + len(m[1]) + len(m[2])
			out = append(out, &Error{File: file, Pos: Pos{n, at}, Msg: fmt.Sprintf("键 %s 的冒号后面缺少空格：请写成“%s: %s…”", m[2], m[2], m[3])})
			continue
		}
		if blockStartRe.MatchString(rest) {
			block = indent
		}
	}
	return out
}

// keyMistake explains an unknown key that is a value written wrongly in a
// flow mapping ({…}): a full-width colon, no space after the colon, or the
// rest of an amount cut off at its thousands separator. prev is the value
// before the key in the same mapping (nil for the first).
func keyMistake(k, v, prev *yaml.Node) (string, Pos, bool) {
	key := k.Value
	if name, value, ok := strings.Cut(key, "："); ok && isKeyName(name) {
		return fmt.Sprintf("“%s”中的冒号是全角“：”：请改为半角冒号加一个空格，写成 %s: %s", key, name, value), posOf(k), true
	}
	if name, value, ok := strings.Cut(key, ":"); ok && isKeyName(name) && value != "" {
		return fmt.Sprintf("“%s”：冒号后面缺少空格，请写成 %s: %s", key, name, value), posOf(k), true
	}
	if prev != nil && numberRe.MatchString(key) && isNull(v) && prev.Kind == yaml.ScalarNode && intRe.MatchString(prev.Value) {
		return fmt.Sprintf("金额 %s,%s 中的千分位逗号把它断成了两项：请去掉逗号，写成 %s%s", prev.Value, key, prev.Value, key), posOf(prev), true
	}
	return "", Pos{}, false
}

func isKeyName(s string) bool {
	if s == "" {
		return false
	}
	for i, r := range s {
		if !(r == '_' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || i > 0 && r >= '0' && r <= '9') {
			return false
		}
	}
	return true
}

// nearestText is the name among names closest to s — a character or two
// off, or one holding the other — or "" when none is that close.
func nearestText(s string, names []string) string {
	best, bestD := "", 0
	limit := max(1, utf8.RuneCountInString(s)/4)
	for _, n := range names {
		d := editDistance(s, n)
		if strings.Contains(n, s) || strings.Contains(s, n) {
			d = min(d, limit)
		}
		if d <= limit && (best == "" || d < bestD || d == bestD && n < best) {
			best, bestD = n, d
		}
	}
	return best
}

// suggest lists, for a code the catalog lacks, the catalog's codes one or
// two digits off (a typo) or, failing that, a few under the same parent:
// "（是否为：2010301 行政运行、…）".
func (c *Catalog) suggest(code string) string {
	type cand struct {
		code string
		d    int
	}
	var near []cand
	for k := range c.entries {
		if len(k) == len(code) {
			if d := transposeDistance(code, k); d <= 2 {
				near = append(near, cand{k, d})
			}
		}
	}
	if len(near) == 0 && len(code) > 3 {
		for k := range c.entries {
			if len(k) == len(code) && strings.HasPrefix(k, code[:len(code)-2]) {
				near = append(near, cand{k, 3})
			}
		}
	}
	if len(near) == 0 {
		return ""
	}
	sortCands := func(i, j int) bool {
		return near[i].d < near[j].d || near[i].d == near[j].d && near[i].code < near[j].code
	}
	for i := 1; i < len(near); i++ {
		for j := i; j > 0 && sortCands(j, j-1); j-- {
			near[j], near[j-1] = near[j-1], near[j]
		}
	}
	var parts []string
	for i, n := range near {
		if i == 3 {
			break
		}
		parts = append(parts, n.code+" "+c.entries[n.code].Name)
	}
	return "（是否为：" + strings.Join(parts, "、") + "？）"
}

// transposeDistance is the edit distance in which swapping two neighbouring
// digits (2010310 for 2010301) costs one, as typing them does.
func transposeDistance(a, b string) int {
	d := make([][]int, len(a)+1)
	for i := range d {
		d[i] = make([]int, len(b)+1)
		d[i][0] = i
	}
	for j := range d[0] {
		d[0][j] = j
	}
	for i := 1; i <= len(a); i++ {
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[len(a)][len(b)]
}
