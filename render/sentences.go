package render

import (
	"bytes"
	"fmt"
	"reflect"
	"regexp"
	"strings"
	"text/template"
)

// leftovers are what a sentence must never print: template debris, a
// formatting error, a figure that is not a number, an empty figure.
var leftovers = regexp.MustCompile(`<no value>|\{\{|\}\}|%!|NaN|Inf|(^|[^0-9])万元|占%|<nil>`)

// Writer executes the wording templates for 第三部分.
type Writer struct {
	t   *template.Template
	err error
}

// maxParagraph bounds what one define may write (a paragraph of the
// reference is under 600 characters).
const maxParagraph = 64 << 10

// Say executes one define with data; an error is kept and reported once.
// Debris is looked for in what the template itself writes: the define is
// first executed with every text of the data masked, so that a clerk's
// reason ("约数十万元") or a name can never be taken for a leftover; then
// with the data as it is, for the page.
func (w *Writer) Say(name string, data any) string {
	if w.err != nil {
		return ""
	}
	masked, err := w.exec(name, mask(data))
	if err == nil {
		if m := leftovers.FindString(masked); m != "" || strings.TrimSpace(masked) == "" {
			err = fmt.Errorf("句式模板 %q 生成的文字有误（%q）：%s", name, m, masked)
		}
	}
	var s string
	if err == nil {
		s, err = w.exec(name, data)
	}
	if err != nil {
		w.err = err
		return ""
	}
	return strings.TrimSpace(s)
}

// exec runs one define into a bounded buffer.
func (w *Writer) exec(name string, data any) (string, error) {
	buf := &limited{max: maxParagraph}
	if err := w.t.ExecuteTemplate(buf, name, data); err != nil {
		if buf.over {
			return "", fmt.Errorf("句式模板 %q 生成的文字过长（超过 %d 字节）", name, maxParagraph)
		}
		return "", fmt.Errorf("句式模板 %q 无法生成：%w", name, err)
	}
	return buf.b.String(), nil
}

// limited is a buffer that refuses to grow past max bytes.
type limited struct {
	b    bytes.Buffer
	max  int
	over bool
}

func (l *limited) Write(p []byte) (int, error) {
	if l.b.Len()+len(p) > l.max {
		l.over = true
		return 0, fmt.Errorf("output limit")
	}
	return l.b.Write(p)
}

// maskedText stands for a text of the data while debris is looked for.
const maskedText = "〔文字〕"

// mask is a copy of data with every non-empty string replaced by
// maskedText (empty ones stay empty, so that with and if decide alike).
func mask(data any) any {
	v := reflect.ValueOf(data)
	out := reflect.New(v.Type()).Elem()
	maskValue(out, v)
	return out.Interface()
}

func maskValue(dst, src reflect.Value) {
	switch src.Kind() {
	case reflect.String:
		if src.Len() > 0 {
			dst.SetString(maskedText)
		}
	case reflect.Struct:
		if src.Type() == decimalType {
			dst.Set(src)
			return
		}
		for i := 0; i < src.NumField(); i++ {
			if dst.Field(i).CanSet() {
				maskValue(dst.Field(i), src.Field(i))
			}
		}
	case reflect.Slice:
		if src.IsNil() {
			return
		}
		dst.Set(reflect.MakeSlice(src.Type(), src.Len(), src.Len()))
		for i := 0; i < src.Len(); i++ {
			maskValue(dst.Index(i), src.Index(i))
		}
	case reflect.Pointer:
		if !src.IsNil() {
			dst.Set(reflect.New(src.Type().Elem()))
			maskValue(dst.Elem(), src.Elem())
		}
	default:
		dst.Set(src)
	}
}

func Para(s string) Block { return Block{Kind: BlockParagraph, Text: s} }
func Sub(s string) Block  { return Block{Kind: BlockSubheading, Text: s} }
func Note(s string) Block { return Block{Kind: BlockNote, Text: s} }

// ChartBlocks is a chart's block, none when there is nothing to chart: the
// paragraph before it already says the budget has no such money.
func ChartBlocks(c *Chart) []Block {
	if len(c.Slices) == 0 {
		return nil
	}
	return []Block{{Kind: BlockChart, Chart: c}}
}

// Chart makes a pie Chart of the non-zero items; with fewer than two it
// says so in a sentence instead.
func (b *Builder) Chart(w *Writer, title string, items []Item) *Chart {
	c := &Chart{Title: title}
	for _, it := range items {
		if !Round(it.Amount).IsZero() {
			c.Total = c.Total.Add(it.Amount)
			c.Slices = append(c.Slices, Slice{Label: it.Name, Amount: Round(it.Amount)})
		}
	}
	for i := range c.Slices {
		c.Slices[i].Share = Percent(c.Slices[i].Amount, c.Total)
	}
	switch len(c.Slices) {
	case 0:
		c.Sentence = w.Say("图.无数据", ChartWording{Title: title})
	case 1:
		c.Sentence = w.Say("图.单项", ChartWording{Title: title, Label: c.Slices[0].Label, Amount: c.Slices[0].Amount})
	}
	return c
}

// NewWriter executes a profile's wording (the template its Parts are
// given) for one publication.
func NewWriter(t *template.Template) *Writer { return &Writer{t: t} }

// Err is the first error of a define, nil when every sentence was written.
func (w *Writer) Err() error { return w.err }
