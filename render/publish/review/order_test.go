package review

import (
	"slices"
	"testing"
)

// TestNaturalOrder: names and codes sort as a reader expects.
func TestNaturalOrder(t *testing.T) {
	for _, c := range []struct{ in, want []string }{
		{[]string{"第10局", "第2局", "第1局"}, []string{"第1局", "第2局", "第10局"}},
		{[]string{"第十中学", "第二中学", "第十一中学", "第一百零一中学", "第二十中学"}, []string{"第二中学", "第十中学", "第十一中学", "第二十中学", "第一百零一中学"}},
		{[]string{"第１０局", "第９局"}, []string{"第９局", "第１０局"}},
		{[]string{"一般局", "十里铺"}, []string{"一般局", "十里铺"}}, // 一 and 十 not after 第: characters
		{[]string{"102", "0101", "101", "9"}, []string{"9", "0101", "101", "102"}},
		{[]string{"教育局", "教育局2", "教育"}, []string{"教育", "教育局", "教育局2"}},
		{[]string{"a99999999999999999999999b", "a2b"}, []string{"a2b", "a99999999999999999999999b"}},
	} {
		got := slices.Clone(c.in)
		slices.SortFunc(got, naturalCompare)
		if !slices.Equal(got, c.want) {
			t.Errorf("%v sorted to %v, want %v", c.in, got, c.want)
		}
	}
}

// TestReviewOrder: by code (none last), then name, then file.
func TestReviewOrder(t *testing.T) {
	type d struct{ code, name, file string }
	in := []d{{"", "第2局", "b.yaml"}, {"010", "乙", "x.yaml"}, {"002", "甲", "y.yaml"}, {"", "第10局", "a.yaml"}, {"002", "甲", "a.yaml"}}
	slices.SortFunc(in, func(a, b d) int { return Compare(a.code, a.name, a.file, b.code, b.name, b.file) })
	want := []d{{"002", "甲", "a.yaml"}, {"002", "甲", "y.yaml"}, {"010", "乙", "x.yaml"}, {"", "第2局", "b.yaml"}, {"", "第10局", "a.yaml"}}
	if !slices.Equal(in, want) {
		t.Errorf("sorted %v, want %v", in, want)
	}
}
