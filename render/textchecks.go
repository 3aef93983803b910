package render

import (
	"fmt"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/budgetpub/budgetpub/input"
)

// Checks of the clerk's own texts and of the reasons beside the figures,
// all warnings: what a careful reader of the published document would
// catch — a placeholder left in, doubled punctuation, half-width
// punctuation between Chinese characters, a reason that says the figure
// went up when it went down, a change with no reason under a heading that
// asks for it — and table 6's items against their “三公” counterparts.

var (
	placeholderRe = regexp.MustCompile(`XX+|××+|xx+|待填|待定|TBD|\(略\)|（略）`)
	doubledRe     = regexp.MustCompile(`。。|，，|、、|；；|：：|！！|？？`)
	halfWidthRe   = regexp.MustCompile(`\p{Han}[,():;]\p{Han}|\p{Han}[,:;]$|^[(]\p{Han}`)
	// A reason claims a direction with these words — not 新增 (a new
	// thing named is not a claim that the total rose: "新增1辆公务用车购置，
	// 但…" was said where 三公 fell), nor where they are negated (未增加,
	// 不再压减) — and a reason that weighs one thing against another (但、
	// 虽然、而是 …) claims no single direction.
	riseRe     = regexp.MustCompile(`增加|增长|上升|提高|增多|扩大`)
	fallRe     = regexp.MustCompile(`减少|下降|降低|压减|压缩|缩减|减小|削减`)
	negatedRe  = regexp.MustCompile(`(?:不|未|没有|无|非|零|只减不|不再|并未|并非)(?:增加|增长|上升|提高|增多|扩大|减少|下降|降低|压减|压缩|缩减|减小|削减)`)
	contrastRe = regexp.MustCompile(`但|然而|虽然|虽|尽管|不过|而是|相抵|抵消|持平`)
)

// Direction is the Direction of a change a reason claims: +1 a rise, -1 a
// fall, 0 none that can be told.
func Direction(reason string) int {
	if contrastRe.MatchString(reason) {
		return 0
	}
	r := negatedRe.ReplaceAllString(reason, "")
	rise, fall := riseRe.MatchString(r), fallRe.MatchString(r)
	switch {
	case rise && !fall:
		return 1
	case fall && !rise:
		return -1
	}
	return 0
}

// clerkText is a free text of the input and where its key path lies in
// its walk's steps (clerkTexts.path).
type clerkText struct {
	input.Text
	from, to int
}

// pathStep is one step of a key path: a key, or a list's item when key is
// "".
type pathStep struct {
	key   string
	index int
}

// clerkTextSet is the input's free texts in order, their key paths kept as
// steps in one shared slice and spelled only for the few texts a finding
// is about.
type clerkTextSet struct {
	texts []clerkText
	steps []pathStep
}

// path spells the key path of a text of the set:
// projects[3].performance_goal.output[0].name.
func (s *clerkTextSet) path(t clerkText) string {
	var b strings.Builder
	for _, st := range s.steps[t.from:t.to] {
		switch {
		case st.key == "":
			b.WriteByte('[')
			b.WriteString(strconv.Itoa(st.index))
			b.WriteByte(']')
		case b.Len() > 0:
			b.WriteByte('.')
			fallthrough
		default:
			b.WriteString(st.key)
		}
	}
	return b.String()
}

// clerkTexts are the free texts of the input, with where each is: codes,
// keys, kinds and dates are not free text.
func clerkTexts(doc *input.Document) *clerkTextSet {
	set := &clerkTextSet{}
	var steps []pathStep
	var walk func(v reflect.Value, free bool)
	walk = func(v reflect.Value, free bool) {
		switch v.Kind() {
		case reflect.Struct:
			if v.Type() == textType {
				if t := v.Interface().(input.Text); t.Value != "" && free {
					from := len(set.steps)
					set.steps = append(set.steps, steps...)
					set.texts = append(set.texts, clerkText{t, from, len(set.steps)})
				}
				return
			}
			for i := 0; i < v.NumField(); i++ {
				f := v.Type().Field(i)
				if !f.IsExported() {
					continue
				}
				key, _, _ := strings.Cut(f.Tag.Get("yaml"), ",")
				if key == "" || key == "-" { // inlined: no step of its own
					walk(v.Field(i), isFreeText(f))
					continue
				}
				steps = append(steps, pathStep{key: key})
				walk(v.Field(i), isFreeText(f))
				steps = steps[:len(steps)-1]
			}
		case reflect.Slice:
			for i := 0; i < v.Len(); i++ {
				steps = append(steps, pathStep{index: i})
				walk(v.Index(i), free)
				steps = steps[:len(steps)-1]
			}
		case reflect.Pointer:
			if !v.IsNil() {
				walk(v.Elem(), free)
			}
		}
	}
	walk(reflect.ValueOf(doc).Elem(), true)
	return set
}

var textType = reflect.TypeOf(input.Text{})

// clerkTexts are the input's free texts, walked once per check.
func (c *Checker) clerkTexts() *clerkTextSet {
	if c.free == nil {
		c.free = clerkTexts(c.Doc)
	}
	return c.free
}

// isFreeText tells the Text fields that hold the clerk's words: not codes,
// keys, kinds, dates, numbers or phone numbers (a Text of a kind — number,
// key — holds no words).
func isFreeText(f reflect.StructField) bool {
	if f.Tag.Get("kind") != "" {
		return false
	}
	switch f.Name {
	case "Code", "Dept", "Gov", "Source", "Kind", "Category", "AsOf", "Level2", "Phone", "FiledOn":
		return false
	}
	return true
}

// excerpt is a few characters around byte offset i of s, n characters
// long plus two either side, never past the line i is on (so a finding
// stays one line).
func excerpt(s string, i, n int) string {
	start := strings.LastIndexByte(s[:i], '\n') + 1
	end := len(s)
	if j := strings.IndexByte(s[i:], '\n'); j >= 0 {
		end = i + j
	}
	r := []rune(s[start:end])
	at := utf8.RuneCountInString(s[start:i])
	lo, hi := max(0, at-2), min(len(r), at+n+2)
	return string(r[lo:hi])
}

// Texts checks every free text: one finding per text and kind, at the
// first place, counting the others.
func (c *Checker) Texts() {
	set := c.clerkTexts()
	for _, t := range set.texts {
		for _, k := range []struct {
			id   CheckID
			what string
			re   *regexp.Regexp
			any  string // characters one of which every match holds
		}{
			{"text-placeholder", "文字中有未替换的占位符", placeholderRe, "Xx×待TB略"},
			{"text-punctuation", "标点重复", doubledRe, "。，、；：！？"},
			{"text-halfwidth", "汉字之间用了半角标点（中文应使用全角标点，如“，”“（）”“：”“；”）", halfWidthRe, ",():;"},
		} {
			if !strings.ContainsAny(t.Value, k.any) {
				continue // no character a match needs: no regexp run
			}
			var hits [][]int
			for _, line := range lineOffsets(t.Value) {
				for _, m := range k.re.FindAllStringIndex(t.Value[line[0]:line[1]], -1) {
					hits = append(hits, []int{line[0] + m[0], line[0] + m[1]})
				}
			}
			if len(hits) == 0 {
				continue
			}
			first := hits[0]
			at := t.PosOf(first[0])
			msg := fmt.Sprintf("%s：“%s”", k.what, excerpt(t.Value, first[0], utf8.RuneCountInString(t.Value[first[0]:first[1]])))
			if len(hits) > 1 {
				msg += fmt.Sprintf("（这段文字中共 %d 处）", len(hits))
			}
			c.Findings = append(c.Findings, Finding{ID: k.id, Severity: SeverityWarning, Message: msg, File: c.Doc.File, Line: at.Line, Column: at.Col, Path: set.path(t)})
		}
	}
}

// lineOffsets are the byte ranges of the lines of s.
func lineOffsets(s string) [][2]int {
	var out [][2]int
	start := 0
	for i := 0; i <= len(s); i++ {
		if i == len(s) || s[i] == '\n' {
			out = append(out, [2]int{start, i})
			start = i + 1
		}
	}
	return out
}

// Strict makes every warning an error, for a bureau that publishes
// nothing with open findings.
func Strict(fs []Finding) []Finding {
	out := make([]Finding, len(fs))
	for i, f := range fs {
		if f.Severity == SeverityWarning {
			f.Severity = SeverityError
			f.Message += "（--strict：警告按错误处理）"
		}
		out[i] = f
	}
	return out
}
