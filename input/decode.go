package input

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"reflect"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/shopspring/decimal"
	"gopkg.in/yaml.v3"
)

// SchemaVersion is the only master-input format version this program reads.
const SchemaVersion = 1

// Limits that keep hostile input harmless: a real department's file is a
// few hundred kilobytes; these are far above it and far below what would
// exhaust a machine.
const (
	MaxFileSize   = 8 << 20   // bytes of one input file (10 000 projects take about 3 MB)
	maxDepth      = 64        // nesting of mappings and lists
	maxNodes      = 500_000   // YAML nodes, and separators seen before parsing (see tooFine)
	maxTextRunes  = 30_000    // characters of one text (a spreadsheet cell holds 32,767)
	maxTotalRunes = 1_000_000 // characters of all texts together (a department has about 50 000)
	MaxLines      = 10_000    // lines of one list (projects, expenditures …)
	MaxIndicators = 100       // 三级指标 of one goal form's list (a real form has 10 to 30)
	MaxGoalForms  = 1_000     // published goal forms (项目支出绩效目标表) of one department
)

// Error is one problem of an input, at a place in its file.
type Error struct {
	File string
	Pos  Pos
	// Cell, for a workbook's problem, is the cell it is in: 表3!D12
	// (printed book.xlsx:表3!D12:), instead of a line and column.
	Cell string
	Msg  string
	// Err is the cause, when there is one (a file that cannot be read, a
	// limit passed): errors.Is and errors.As reach it through Unwrap.
	Err error
}

func (e *Error) Error() string {
	switch {
	case e.Cell != "":
		return fmt.Sprintf("%s:%s: %s", e.File, e.Cell, e.Msg)
	case e.Pos.Line == 0:
		return fmt.Sprintf("%s: %s", e.File, e.Msg)
	}
	return fmt.Sprintf("%s:%d:%d: %s", e.File, e.Pos.Line, e.Pos.Col, e.Msg)
}

// Unwrap is the cause.
func (e *Error) Unwrap() error { return e.Err }

// Errors is every problem found in an input, in file order.
type Errors []*Error

func (es Errors) Error() string {
	lines := make([]string, len(es))
	for i, e := range es {
		lines[i] = e.Error()
	}
	return strings.Join(lines, "\n")
}

// decoder walks a YAML node tree into Go values, keeping positions and
// collecting errors instead of stopping at the first.
type decoder struct {
	file    string
	lines   [][]byte // the file's lines, for where block scalars begin
	unit    string   // 万元 or 元
	catalog *Catalog
	topKeys map[string]Pos // top-level values
	keys    map[string]Pos // top-level keys
	errs    Errors
	nodes   int
	runes   int
}

func (d *decoder) errorf(n *yaml.Node, format string, args ...any) {
	d.errs = append(d.errs, &Error{File: d.file, Pos: posOf(n), Msg: fmt.Sprintf(format, args...)})
}

func posOf(n *yaml.Node) Pos {
	if n == nil {
		return Pos{}
	}
	return Pos{Line: n.Line, Col: n.Column}
}

var (
	posType      = reflect.TypeOf(Pos{})
	amountType   = reflect.TypeOf(Amount{})
	textType     = reflect.TypeOf(Text{})
	bySourceType = reflect.TypeOf(BySource{})
	countType    = reflect.TypeOf(Count{})
)

// Decode parses and validates a master input. file names it in messages;
// cat names the codes (nil: the embedded catalog). On any problem it returns
// Errors, each with file:line:col, and no document.
func Decode(file string, data []byte, cat *Catalog) (*Document, error) {
	if cat == nil {
		cat = DefaultCatalog()
	}
	if len(data) > MaxFileSize {
		return nil, Errors{{File: file, Msg: fmt.Sprintf("文件过大（%d 字节），上限为 %d 字节", len(data), MaxFileSize)}}
	}
	data, enc, err := ToUTF8(file, data)
	if err != nil {
		return nil, Errors{err.(*Error)}
	}
	if n := separators(data); n > maxNodes {
		return nil, Errors{{File: file, Pos: Pos{1, 1}, Msg: fmt.Sprintf("文件内容过于细碎（约 %d 项，上限 %d 项）：一个部门的主输入文件远小于此", n, maxNodes)}}
	}
	var root yaml.Node
	dec := yaml.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(&root); err != nil {
		if errors.Is(err, io.EOF) {
			return nil, Errors{{File: file, Pos: Pos{1, 1}, Msg: "文件为空"}}
		}
		if sus := suspects(file, data); len(sus) > 0 {
			return nil, sus
		}
		return nil, Errors{yamlError(file, data, err)}
	}
	var extra yaml.Node
	if err := dec.Decode(&extra); err == nil {
		return nil, Errors{{File: file, Pos: posOf(&extra), Msg: "文件只能包含一个 YAML 文档（发现了多余的 --- 文档）"}}
	}
	d := &decoder{file: file, unit: "万元", catalog: cat, topKeys: map[string]Pos{}, keys: map[string]Pos{}, lines: bytes.Split(data, []byte("\n"))}
	if root.Kind != yaml.DocumentNode || len(root.Content) == 0 {
		return nil, Errors{{File: file, Pos: Pos{1, 1}, Msg: "文件为空"}}
	}
	top := root.Content[0]
	if err := d.checkTree(top, 0); err != nil {
		return nil, Errors{err}
	}
	if top.Kind != yaml.MappingNode {
		d.errorf(top, "文件顶层应为键值映射（schema: 1、year: …）")
		return nil, d.errs
	}
	if !d.header(top) {
		return nil, d.errs
	}
	doc := &Document{File: file, Encoding: enc}
	d.decode(top, reflect.ValueOf(doc).Elem(), "")
	if len(d.errs) == 0 {
		doc.AmountUnit = d.unit
		doc.Keys = d.keys
		validate(d, doc)
	}
	if len(d.errs) > 0 {
		sort.SliceStable(d.errs, func(i, j int) bool {
			a, b := d.errs[i].Pos, d.errs[j].Pos
			return a.Line < b.Line || a.Line == b.Line && a.Col < b.Col
		})
		return nil, d.errs
	}
	return doc, nil
}

// separators counts what can start a YAML node — line breaks, commas,
// brackets and "key: " colons — so that a file of millions of tiny items is
// refused before the parser builds a node for each (about 200 bytes apiece).
func separators(data []byte) int {
	n := 0
	for i, b := range data {
		switch b {
		case '\n', ',', '[', '{':
			n++
		case ':':
			if i+1 < len(data) && (data[i+1] == ' ' || data[i+1] == '\n') {
				n++
			}
		}
	}
	return n
}

var yamlLineRe = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

// yamlMessages says the YAML parser's commonest complaints in Chinese.
var yamlMessages = []struct{ prefix, zh string }{
	{"did not find expected ',' or '}'", "花括号 { } 没有闭合，或其中缺少逗号"},
	{"did not find expected ',' or ']'", "方括号 [ ] 没有闭合，或其中缺少逗号"},
	{"did not find expected key", "缩进不一致：这里应是与上文对齐的“键: 值”"},
	{"did not find expected '-' indicator", "列表缩进不一致：这里应是与上文对齐的“- ”"},
	{"did not find expected node content", "缺少内容"},
	{"mapping values are not allowed in this context", "这里不能出现“键: 值”（缩进有误，或值中的冒号需要加引号）"},
	{"found character that cannot start any token", "值不能以该字符开头（请给值加引号）"},
	{"found a tab character", "缩进中有制表符（Tab）：请只用空格缩进"},
	{"found unexpected end of stream", "文件在引号或括号闭合之前结束"},
	{"found undefined tag handle", "未定义的 YAML 标签"},
	{"could not find expected ':'", "缺少冒号（键与值之间应为“: ”）"},
	{"exceeded max depth", "嵌套层次过深"},
}

// yamlError turns a syntax error of the YAML parser into an Error. The parser
// names only a line, and for errors it finds while parsing a block it names
// the 0-based line where that block starts: those are moved to 1-based, and
// the column is the first character of that line.
func yamlError(file string, data []byte, err error) *Error {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	line := 1
	if m := yamlLineRe.FindStringSubmatch(err.Error()); m != nil {
		line, _ = strconv.Atoi(m[1])
		msg = m[2]
		if strings.HasPrefix(msg, "did not find expected") || strings.HasPrefix(msg, "found a tab character") {
			line++
		}
	}
	zh := msg
	for _, ym := range yamlMessages {
		if strings.HasPrefix(msg, ym.prefix) {
			zh = ym.zh + "（" + msg + "）"
			break
		}
	}
	return &Error{File: file, Pos: Pos{Line: line, Col: firstColumn(data, line)}, Msg: "YAML 语法错误：" + zh}
}

// firstColumn is the column of the first non-blank character of a line.
func firstColumn(data []byte, line int) int {
	lines := bytes.SplitN(data, []byte("\n"), line+1)
	if line < 1 || line > len(lines) {
		return 1
	}
	col := 1
	for _, r := range string(lines[line-1]) {
		if r != ' ' && r != '\t' {
			break
		}
		col++
	}
	return col
}

// checkTree rejects aliases, excessive nesting and excessive size before any
// decoding, so that no input can make the decoder loop or blow up.
func (d *decoder) checkTree(n *yaml.Node, depth int) *Error {
	d.nodes++
	if d.nodes > maxNodes {
		return &Error{File: d.file, Pos: posOf(n), Msg: fmt.Sprintf("文件内容过多（超过 %d 个节点）", maxNodes)}
	}
	if depth > maxDepth {
		return &Error{File: d.file, Pos: posOf(n), Msg: fmt.Sprintf("嵌套层次过深（超过 %d 层）", maxDepth)}
	}
	if n.Kind == yaml.AliasNode {
		return &Error{File: d.file, Pos: posOf(n), Msg: "不支持 YAML 别名（*" + n.Value + "）：请直接写出内容"}
	}
	if n.Style&yaml.TaggedStyle != 0 {
		return &Error{File: d.file, Pos: posOf(n), Msg: "不支持 YAML 标签（" + n.Tag + "）：请去掉标签，直接写出内容"}
	}
	if n.Anchor != "" {
		return &Error{File: d.file, Pos: posOf(n), Msg: "不支持 YAML 锚点（&" + n.Anchor + "）：请直接写出内容"}
	}
	if n.Kind == yaml.ScalarNode {
		runes := utf8.RuneCountInString(n.Value)
		if runes > maxTextRunes {
			return &Error{File: d.file, Pos: posOf(n), Msg: fmt.Sprintf("文本过长（%d 字，每段文字最多 %d 字）", runes, maxTextRunes)}
		}
		d.runes += runes
		if d.runes > maxTotalRunes {
			return &Error{File: d.file, Pos: posOf(n), Msg: fmt.Sprintf("文字总量过大（超过 %d 字）", maxTotalRunes)}
		}
	}
	if n.Kind == yaml.SequenceNode && len(n.Content) > MaxLines {
		return &Error{File: d.file, Pos: posOf(n), Msg: fmt.Sprintf("列表过长（%d 项，每个列表最多 %d 项）", len(n.Content), MaxLines)}
	}
	for _, c := range n.Content {
		if err := d.checkTree(c, depth+1); err != nil {
			return err
		}
	}
	return nil
}

// header reads schema, amount_unit and layout first: every amount depends
// on the unit, and what else a document needs on its layout.
func (d *decoder) header(top *yaml.Node) bool {
	var schema *yaml.Node
	for i := 0; i+1 < len(top.Content); i += 2 {
		k, v := top.Content[i], top.Content[i+1]
		d.topKeys[k.Value] = posOf(v)
		d.keys[k.Value] = posOf(k)
		switch k.Value {
		case "schema":
			schema = v
		case "amount_unit":
			if v.Kind != yaml.ScalarNode || (v.Value != "万元" && v.Value != "元") {
				d.errorf(v, "amount_unit 只能是 万元 或 元，而不是 %q", v.Value)
				return false
			}
			d.unit = v.Value
		case "layout":
			if v.Kind != yaml.ScalarNode || !KnownLayout(v.Value) {
				d.errorf(v, "%s（不写 layout 即为 %s）", UnknownLayout(v.Value), DefaultLayout)
				return false
			}
		}
	}
	if schema == nil {
		d.errorf(top, "缺少 schema（格式版本），应写 schema: %d", SchemaVersion)
		return false
	}
	if schema.Kind != yaml.ScalarNode || schema.Value != strconv.Itoa(SchemaVersion) {
		d.errorf(schema, "不支持的格式版本 schema: %s（本程序只读 schema: %d）", schema.Value, SchemaVersion)
		return false
	}
	return true
}

// decode fills v from n. path names the key for messages.
func (d *decoder) decode(n *yaml.Node, v reflect.Value, path string) {
	switch v.Type() {
	case amountType:
		d.amount(n, v.Addr().Interface().(*Amount), path)
		return
	case textType:
		d.text(n, v.Addr().Interface().(*Text), path, "")
		return
	case bySourceType:
		d.bySource(n, v.Addr().Interface().(*BySource), path)
		return
	case countType:
		d.count(n, v.Addr().Interface().(*Count), path)
		return
	}
	switch v.Kind() {
	case reflect.Struct:
		d.structure(n, v, path)
	case reflect.Slice:
		if isNull(n) {
			return
		}
		if n.Kind != yaml.SequenceNode {
			d.errorf(n, "%s 应为列表（每项以 - 开头）", path)
			return
		}
		s := reflect.MakeSlice(v.Type(), len(n.Content), len(n.Content))
		for i, c := range n.Content {
			d.decode(c, s.Index(i), fmt.Sprintf("%s[%d]", path, i+1))
		}
		v.Set(s)
	case reflect.Pointer:
		if isNull(n) {
			return
		}
		p := reflect.New(v.Type().Elem())
		d.decode(n, p.Elem(), path)
		v.Set(p)
	case reflect.Int:
		if n.Kind != yaml.ScalarNode || !intRe.MatchString(n.Value) {
			d.errorf(n, "%s 应为整数，而不是 %q", path, n.Value)
			return
		}
		i, err := strconv.Atoi(n.Value)
		if err != nil {
			d.errorf(n, "%s 数值过大：%s", path, n.Value)
			return
		}
		v.SetInt(int64(i))
	case reflect.String:
		if n.Kind != yaml.ScalarNode {
			d.errorf(n, "%s 应为文字", path)
			return
		}
		v.SetString(n.Value)
	case reflect.Bool:
		if n.Kind != yaml.ScalarNode || (n.Value != "true" && n.Value != "false") {
			d.errorf(n, "%s 应为 true 或 false，而不是 %q", path, n.Value)
			return
		}
		v.SetBool(n.Value == "true")
	default:
		panic("input: no decoder for " + v.Type().String())
	}
}

var intRe = regexp.MustCompile(`^[0-9]{1,9}$`)

func isNull(n *yaml.Node) bool {
	return n.Kind == yaml.ScalarNode && n.Tag == "!!null"
}

// structure decodes a mapping into a struct, rejecting unknown and repeated keys.
func (d *decoder) structure(n *yaml.Node, v reflect.Value, path string) {
	t := v.Type()
	if isNull(n) {
		n = &yaml.Node{Kind: yaml.MappingNode, Line: n.Line, Column: n.Column}
	}
	if n.Kind != yaml.MappingNode {
		d.errorf(n, "%s 应为键值映射（key: value）", orTop(path))
		return
	}
	fields := map[string]int{}
	var names []string
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		if f.Type == posType && f.Name == "Pos" {
			v.Field(i).Set(reflect.ValueOf(posOf(n)))
			continue
		}
		tag := f.Tag.Get("yaml")
		if tag == "" || tag == "-" {
			continue
		}
		fields[tag] = i
		names = append(names, tag)
	}
	seen := map[string]bool{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, val := n.Content[i], n.Content[i+1]
		key := k.Value
		idx, ok := fields[key]
		if !ok {
			var prev *yaml.Node
			if i > 0 {
				prev = n.Content[i-1]
			}
			if msg, at, ok := keyMistake(k, val, prev); ok {
				d.errs = append(d.errs, &Error{File: d.file, Pos: at, Msg: msg})
				continue
			}
			if hint := nearest(key, names); hint != "" {
				d.errorf(k, "未知的键 %s（是否应为 %s？）", key, hint)
			} else {
				d.errorf(k, "未知的键 %s（%s 可用的键：%s）", key, orTop(path), strings.Join(names, ", "))
			}
			continue
		}
		if seen[key] {
			d.errorf(k, "键 %s 重复出现", key)
			continue
		}
		seen[key] = true
		f := t.Field(idx)
		fv := v.Field(idx)
		if f.Type == textType && f.Tag.Get("kind") == "number" {
			d.text(val, fv.Addr().Interface().(*Text), join(path, key), "number")
			continue
		}
		d.decode(val, fv, join(path, key))
	}
	for _, name := range names {
		if t.Field(fields[name]).Tag.Get("req") == "1" && !seen[name] {
			d.errorf(n, "%s 缺少必填的键 %s", orTop(path), name)
		}
	}
}

func orTop(path string) string {
	if path == "" {
		return "文件顶层"
	}
	return path
}

func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

var numberRe = regexp.MustCompile(`^[0-9]+(\.[0-9]+)?$`)

func (d *decoder) text(n *yaml.Node, t *Text, path, kind string) {
	t.Pos = posOf(n)
	if isNull(n) {
		return
	}
	if n.Kind != yaml.ScalarNode {
		d.errorf(n, "%s 应为文字，而不是列表或映射", path)
		return
	}
	if kind == "number" && !numberRe.MatchString(n.Value) {
		d.errorf(n, "%s 应为不带千分位的非负数字，而不是 %q", path, n.Value)
		return
	}
	t.Value = n.Value
	t.Body = d.body(n)
}

// body is where a scalar's value begins in the file.
func (d *decoder) body(n *yaml.Node) Pos {
	switch {
	case n.Style&(yaml.LiteralStyle|yaml.FoldedStyle) != 0:
		for l := n.Line; l < len(d.lines); l++ { // the lines after the indicator
			line := d.lines[l]
			if trimmed := bytes.TrimLeft(line, " "); len(bytes.TrimSpace(trimmed)) > 0 {
				return Pos{Line: l + 1, Col: len(line) - len(trimmed) + 1}
			}
		}
	case n.Style&(yaml.DoubleQuotedStyle|yaml.SingleQuotedStyle) != 0:
		return Pos{Line: n.Line, Col: n.Column + 1}
	}
	return posOf(n)
}

func (d *decoder) count(n *yaml.Node, c *Count, path string) {
	c.Pos = posOf(n)
	if isNull(n) {
		return
	}
	if n.Kind != yaml.ScalarNode || !intRe.MatchString(n.Value) {
		d.errorf(n, "%s 应为非负整数，而不是 %q", path, n.Value)
		return
	}
	c.Value, _ = strconv.Atoi(n.Value)
	c.Set = true
}

var amountRe = regexp.MustCompile(`^-?[0-9]+(\.[0-9]+)?$`)

// MaxAmount is the ceiling of one amount, in 万元 (10 万亿元). A spreadsheet
// cell holds 15 significant digits exactly; with at most 10 000 lines a
// list, no total can pass 10¹³ 万元, so every printed figure — 13 digits and
// 2 decimals — is held exactly.
var MaxAmount = decimal.New(1, 9)

// amount parses an amount from the scalar's own text, never through float64.
func (d *decoder) amount(n *yaml.Node, a *Amount, path string) {
	a.Pos = posOf(n)
	if isNull(n) {
		return
	}
	if n.Kind != yaml.ScalarNode {
		d.errorf(n, "%s 应为金额（如 25.00），而不是列表或映射", path)
		return
	}
	s := strings.TrimSpace(n.Value)
	if !amountRe.MatchString(s) {
		d.errorf(n, "%s 不是有效的金额：%q（只写数字和小数点，不写千分位、单位或公式）", path, n.Value)
		return
	}
	if strings.HasPrefix(s, "-") {
		d.errorf(n, "%s 金额不能为负数：%s", path, s)
		return
	}
	decimals := 0
	if i := strings.IndexByte(s, '.'); i >= 0 {
		decimals = len(s) - i - 1
	}
	limit := 2
	if d.unit == "元" {
		limit = 6
	}
	if decimals > limit {
		d.errorf(n, "%s 金额 %s 的小数位过多：以%s为单位最多 %d 位小数", path, s, d.unit, limit)
		return
	}
	v, err := decimal.NewFromString(s)
	if err != nil {
		d.errorf(n, "%s 不是有效的金额：%q", path, n.Value)
		return
	}
	if d.unit == "元" {
		v = v.Shift(-4)
	}
	if v.GreaterThanOrEqual(MaxAmount) {
		ceiling := MaxAmount.Sub(decimal.New(1, -2)).StringFixed(2) + " 万元"
		if d.unit == "元" {
			ceiling = MaxAmount.Shift(4).Sub(decimal.New(1, -2)).StringFixed(2) + " 元"
		}
		d.errorf(n, "%s 金额 %s 过大：每个金额最多 %s（更大的数字在电子表格中不能精确保存，合计也会超出）", path, s, ceiling)
		return
	}
	a.Value = v
	a.Set = true
}

// bySource reads a bare amount (一般公共预算) or a mapping by source.
func (d *decoder) bySource(n *yaml.Node, b *BySource, path string) {
	b.Pos = posOf(n)
	if isNull(n) {
		return
	}
	if n.Kind == yaml.ScalarNode {
		d.amount(n, &b.Amounts[DefaultSource], path)
		return
	}
	if n.Kind != yaml.MappingNode {
		d.errorf(n, "%s 应为金额，或按资金来源的映射（%s: …）", path, DefaultSource.Key())
		return
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, val := n.Content[i], n.Content[i+1]
		s, ok := ParseSource(k.Value)
		if !ok {
			if hint := nearest(k.Value, SourceKeys()); hint != "" {
				d.errorf(k, "未知的资金来源 %s（是否应为 %s？）", k.Value, hint)
			} else {
				d.errorf(k, "未知的资金来源 %s（可用：%s）", k.Value, strings.Join(SourceKeys(), ", "))
			}
			continue
		}
		if b.Given(s) {
			d.errorf(k, "资金来源 %s 重复出现", k.Value)
			continue
		}
		d.amount(val, &b.Amounts[s], join(path, k.Value))
	}
}

// nearest suggests the known key closest to a mistyped one.
func nearest(key string, names []string) string {
	best, bestD := "", 3
	for _, n := range names {
		if dd := editDistance(key, n); dd < bestD {
			best, bestD = n, dd
		}
	}
	return best
}

func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	if len(ra) > 64 || len(rb) > 64 {
		return 99
	}
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			c := prev[j-1]
			if ra[i-1] != rb[j-1] {
				c++
			}
			cur[j] = min(c, prev[j]+1, cur[j-1]+1)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}

// AsErrors returns the list of problems inside an error of Decode.
func AsErrors(err error) Errors {
	var es Errors
	if errors.As(err, &es) {
		return es
	}
	return nil
}
