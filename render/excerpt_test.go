package render

import (
	"strings"
	"testing"
)

func TestExcerptStaysOnItsLine(t *testing.T) {
	for _, c := range []struct {
		s, at string
		n     int
		want  string
	}{
		{"合成市第1局负责。\n(一)贯彻执行", "(", 1, "(一)"},
		{"本部门,无其他说明", ",", 1, "部门,无其"},
		{"甲乙\n丙,丁\n戊", ",", 1, "丙,丁"},
	} {
		i := strings.Index(c.s, c.at)
		if got := excerpt(c.s, i, c.n); got != c.want {
			t.Errorf("excerpt(%q at %q) = %q, want %q", c.s, c.at, got, c.want)
		}
	}
}
