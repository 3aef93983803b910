package importer

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/budgetpub/budgetpub/input"
	"github.com/budgetpub/budgetpub/render"
	"github.com/shopspring/decimal"
)

// entry is one half-row of a table as the workbook prints it, read.
type entry = render.ReadRow

// sheetTable is a located table and its body, read (render.ReadTable: what
// the profile's derivation and relations see of it).
type sheetTable struct {
	l *located
	render.ReadTable
	// exact: its figures are compared exactly (render.ImportDecl.Exact).
	exact bool
}

// problem is a difference or a fault found in the workbook, at a cell.
type problem struct {
	ref     string // 表3!D12
	msg     string
	warning bool
	first   bool // a cell the other tables outvote: said before the rest
}

// reader reads bodies, collecting problems.
type reader struct {
	cat      *input.Catalog
	problems []problem
	sheets   map[string]int // the workbook's sheets, in order
}

func (rd *reader) errorf(ref, format string, args ...any) {
	rd.problems = append(rd.problems, problem{ref: ref, msg: fmt.Sprintf(format, args...)})
}

var (
	fullWidth  = strings.NewReplacer("，", ",", "．", ".", "－", "-", " ", "", "\u00a0", "", "\u3000", "")
	numberRe   = regexp.MustCompile(`^[0-9]+(\.[0-9]+)?$`)
	codeNameRe = regexp.MustCompile(`^\s*(?:([0-9]{3,7})(?:\.0+)?|` + bracketed + `)\s*(.*?)\s*$`)
	// leadingCodeRe is a name after its code, as budget systems print a
	// department (and table 6's items): [312]阳高县农业农村局, 【312】…,
	// ［312］…, or 312 阳高县农业农村局 (a space after the code, as in a
	// code column's 2010301 行政运行).
	leadingCodeRe = regexp.MustCompile(`^\s*(?:([0-9]+)\s+|` + bracketed + `)\s*(\S.*?)\s*$`)
	numberingRe   = regexp.MustCompile(`^\s*([一二三四五六七八九十]+[、.．]|[0-9]+[、.．]|[①②③④⑤⑥⑦⑧⑨⑩]|\([一二三四五六七八九十]+\)|（[一二三四五六七八九十]+）)\s*`)
)

// amount reads one amount cell in 万元: a number or text with thousands
// separators or spaces; blank, -, — and 0 are zero. A table in 元 is
// converted. Float noise of a spreadsheet formula (0.30000000000000004) is
// taken as the figure it stands for; a real fraction of a cent is an error.
func (rd *reader) amount(raw, ref string, yuan bool) decimal.Decimal {
	s := strings.TrimSpace(raw)
	for _, r := range s {
		if r >= '０' && r <= '９' {
			s = strings.Map(func(r rune) rune {
				if r >= '０' && r <= '９' {
					return r - '０' + '0'
				}
				return r
			}, s)
			break
		}
	}
	s = fullWidth.Replace(s)
	s = strings.ReplaceAll(s, ",", "")
	if isBlankAmount(s) {
		return decimal.Zero
	}
	if strings.HasPrefix(s, "-") || strings.HasPrefix(s, "(") || strings.HasPrefix(s, "（") {
		if d, err := decimal.NewFromString(strings.Trim(s, "-()（）")); err == nil && d.IsZero() {
			return decimal.Zero // -0, (0.00): zero is not negative
		}
		rd.errorf(ref, "金额不能为负数：%q", raw)
		return decimal.Zero
	}
	if strings.ContainsAny(s, "eE") {
		if d, err := decimal.NewFromString(s); err == nil && !d.IsNegative() {
			s = d.String() // 1.2E+3 as a spreadsheet stores a large number
		}
	}
	if !numberRe.MatchString(s) {
		rd.errorf(ref, "不是金额：%q（只能是数字，可以有千分位逗号）", raw)
		return decimal.Zero
	}
	d, _ := decimal.NewFromString(s)
	if frac := len(s) - strings.IndexByte(s+".", '.') - 1; frac > 6 {
		r := d.Round(6)
		if r.Sub(d).Abs().GreaterThan(decimal.New(1, -9)) {
			rd.errorf(ref, "金额 %s 的小数位过多（最多 6 位）", raw)
			return decimal.Zero
		}
		d = r
	}
	if yuan {
		d = d.Shift(-4)
	}
	if d.GreaterThanOrEqual(input.MaxAmount) {
		rd.errorf(ref, "金额 %s 过大：主输入文件每个金额最多 %s 万元", strings.TrimSpace(raw), input.MaxAmount.Sub(decimal.New(1, -2)).StringFixed(2))
		return decimal.Zero
	}
	return d
}

// isBlankAmount tells an amount cell that says nothing: blank, - — /.
func isBlankAmount(s string) bool {
	switch strings.TrimSpace(s) {
	case "", "-", "—", "--", "——", "/":
		return true
	}
	return false
}

// amounts reads the amount columns of the given side of row r.
func (rd *reader) amounts(l *located, r int, side render.Side, e *entry) {
	e.Amounts, e.Refs = map[render.ColKey]decimal.Decimal{}, map[render.ColKey]string{}
	for k, c := range l.decl.Columns {
		if c.Kind != render.KindAmount || c.Side != side {
			continue
		}
		ref := l.ref(r, k)
		e.Amounts[c.Key] = rd.amount(l.g.at(r, l.cols[k]), ref, l.yuan)
		e.Refs[c.Key] = ref
	}
}

// text is a cell of declared column key on row r, trimmed.
func text(l *located, r int, key render.ColKey) string {
	k := colIndex(l.decl, key)
	if k < 0 {
		return ""
	}
	return strings.TrimSpace(l.g.at(r, l.cols[k]))
}

// isBlankRow tells a row with nothing in any declared column.
func isBlankRow(l *located, r int) bool {
	for _, c := range l.cols {
		if strings.TrimSpace(l.g.at(r, c)) != "" {
			return false
		}
	}
	return true
}

// isNote tells the note lines under a table: 注：…
func isNote(l *located, r int) bool {
	for _, v := range l.g.cells[r] {
		v = strings.TrimSpace(v)
		if v != "" {
			return strings.HasPrefix(v, "注：") || strings.HasPrefix(v, "注:") || strings.HasPrefix(v, "说明：")
		}
	}
	return false
}

// bodyRows are the rows of the body: from the first after the header to
// the note lines or the end, blank rows left out.
func bodyRows(l *located) []int {
	var out []int
	for r := l.first; r < len(l.g.cells); r++ {
		if isNote(l, r) {
			break
		}
		if !isBlankRow(l, r) {
			out = append(out, r)
		}
	}
	return out
}

// isTotal tells the labels of a table's total rows.
func isTotal(s string) bool {
	switch norm(s) {
	case "合计", "总计", "部门合计", "本部门合计", "合计数":
		return true
	}
	return false
}

// bracketed is a code in brackets, the second group of a match: [2130101],
// 【2130101】, ［2130101］ (a budget system's export).
const bracketed = `(?:\[\s*([0-9]+)\s*\]|【\s*([0-9]+)\s*】|［\s*([0-9]+)\s*］)`

// matchCode is a match of codeNameRe or leadingCodeRe as code and name.
func matchCode(m []string) (code, name string) {
	for _, c := range m[1 : len(m)-1] {
		if c != "" {
			code = c
		}
	}
	return code, m[len(m)-1]
}

// leadingCode splits [312]阳高县农业农村局 (leadingCodeRe) into code and
// name; ok is false for a name without a code before it.
func leadingCode(s string) (code, name string, ok bool) {
	m := leadingCodeRe.FindStringSubmatch(s)
	if m == nil {
		return "", s, false
	}
	code, name = matchCode(m)
	return code, name, true
}

// codeOf splits a code cell (2010301, 2010301 行政运行, [2010301]行政运行,
// a number) into code and name; name is the name column's text when it
// has one.
func codeOf(code, name string) (string, string) {
	if m := codeNameRe.FindStringSubmatch(code); m != nil {
		c, n := matchCode(m)
		if name == "" || name == code {
			name = n
		}
		if len(c) > 7 {
			return "", name
		}
		return c, strings.TrimSpace(name)
	}
	if m := codeNameRe.FindStringSubmatch(name); m != nil && code == "" {
		if c, n := matchCode(m); len(c) <= 7 {
			return c, n
		}
	}
	return "", name
}

// readCodes reads one half of a body of code rows (tables 2, 3, 5, 7, 8 and
// either half of 9): the 合计 row and one row per code. The code is in one
// column (2010301, 2010301 行政运行) or in several (codeCols: 类 | 款 | 项,
// as Shanghai prints it), the 合计 row wherever it stands.
func (rd *reader) readCodes(l *located, rows []int, side render.Side, codeCols []render.ColKey, nameCol render.ColKey) []*entry {
	var out []*entry
	seen := map[string]string{}
	codeCol := codeCols[0]
	labels := declaredLabels(l.decl)
	for _, r := range rows {
		c, n := text(l, r, codeCol), text(l, r, nameCol)
		if k, ok := labels[norm(stripNumbering(c))]; ok && c != "" {
			// A row the declaration names by its label (人员经费合计).
			e := &entry{Row: r, Key: k, Label: c}
			rd.amounts(l, r, side, e)
			out = append(out, e)
			continue
		}
		var split string // the code of several columns; "" when they hold none
		var bad bool
		if len(codeCols) > 1 && !isTotal(c) {
			split, bad = splitCode(l, r, codeCols)
			if split == "" && !bad {
				c = ""
			}
		}
		if c == "" && n == "" && split == "" && !bad {
			continue // the other half's row
		}
		e := &entry{Row: r}
		code, name := codeOf(c, n)
		if len(codeCols) > 1 && !isTotal(c) {
			code, name = split, n
		}
		switch {
		case isTotal(c) || isTotal(n):
			e.Key, e.Label = render.TotalRow, "合计"
		case !bad && code != "" && (len(code) == 3 || len(code) == 5 || len(code) == 7):
			if msg := input.NameProblem("科目名称", name); msg != "" {
				rd.errorf(l.ref(r, colIndex(l.decl, nameCol)), "%s", msg)
				continue
			}
			if prev, dup := seen[code]; dup {
				rd.errorf(l.ref(r, colIndex(l.decl, codeCol)), "科目 %s 出现了两次（另一处在 %s）", code, prev)
				continue
			}
			seen[code] = l.ref(r, colIndex(l.decl, codeCol))
			e.Key, e.Label = render.CodeRow(code), name
		case len(codeCols) > 1:
			var cells []string
			for _, k := range codeCols {
				cells = append(cells, strconv.Quote(text(l, r, k)))
			}
			rd.errorf(l.ref(r, colIndex(l.decl, codeCol)), "%s的这一行的科目编码 %s 不完整：类为 3 位数字，款、项各为 2 位（类级行只填类，款级行填类和款，项级行三列都填）", tableName(l.decl), strings.Join(cells, " | "))
			continue
		default:
			rd.errorf(l.ref(r, colIndex(l.decl, codeCol)), "%s的这一行没有 3、5 或 7 位的科目编码：%q %q", tableName(l.decl), c, n)
			continue
		}
		rd.amounts(l, r, side, e)
		out = append(out, e)
	}
	return out
}

// splitCode is the code printed in several columns (类 | 款 | 项: 208 |
// 05 | 05 is 2080505): the first three digits, each other two — one digit
// is a number's 05 — filled from the left; bad when they are not.
func splitCode(l *located, r int, cols []render.ColKey) (code string, bad bool) {
	var b strings.Builder
	ended := false
	for i, k := range cols {
		s := strings.TrimSuffix(text(l, r, k), ".0")
		want := 2
		if i == 0 {
			want = 3
		}
		switch {
		case s == "":
			ended = true
			continue
		case ended || !isDigits(s) || len(s) > want:
			return "", true
		case len(s) < want && i > 0:
			s = strings.Repeat("0", want-len(s)) + s
		case len(s) < want:
			return "", true
		}
		b.WriteString(s)
	}
	return b.String(), false
}

func isDigits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return s != ""
}

// stripNumbering removes 一、 (一) ① 1、 from the start of a label.
func stripNumbering(s string) string {
	return strings.TrimSpace(numberingRe.ReplaceAllString(strings.TrimSpace(s), ""))
}

// readSummary reads a 收支 table (1, 4): the 30 categories and the totals
// on the main half; the sources and totals on the income half.
func (rd *reader) readSummary(l *located, rows []int, sources []input.Source) (main, lefts []*entry) {
	labels := declaredLabels(l.decl)
	categories := map[string]string{}
	for _, c := range input.Categories {
		if n, ok := rd.cat.Name(c); ok {
			categories[norm(n)] = c
		}
	}
	afterCarry := false
	for _, r := range rows {
		rd.unlabelled(l, r, render.SideMain, render.ColItem)
		rd.unlabelled(l, r, render.SideLeft, render.ColIncomeItem)
		if item := text(l, r, render.ColItem); item != "" {
			e := &entry{Row: r, Label: item}
			switch t := norm(stripNumbering(item)); {
			case labels[t] != render.RowKey{}:
				e.Key = labels[t]
			case t == "本年支出合计":
				e.Key = render.CurrentTotalRow
			case t == "年终结转" || t == "年终结转结余":
				e.Key = render.CarryoverRow
			case t == "支出总计":
				e.Key = render.TotalRow
			case categories[t] != "":
				e.Key = render.CodeRow(categories[t])
			default:
				rd.errorf(l.ref(r, colIndex(l.decl, render.ColItem)), "%s的支出项目“%s”不是30个支出类别之一", tableName(l.decl), item)
				e = nil
			}
			if e != nil {
				rd.amounts(l, r, render.SideMain, e)
				main = append(main, e)
			}
		}
		if item := text(l, r, render.ColIncomeItem); item != "" {
			e := &entry{Row: r, Label: item}
			switch t := norm(stripNumbering(item)); {
			case labels[t] != render.RowKey{}:
				e.Key = labels[t]
				switch {
				case e.Key == render.CarryoverRow:
					afterCarry = true
				case e.Key.Role == render.RoleSource && afterCarry:
					e.Key.Role = render.RoleCarrySource // 年初结转 by source
				}
			case t == "本年收入合计":
				e.Key = render.CurrentTotalRow
			case t == "上年结转" || t == "上年财政拨款结转" || t == "上年结转结余":
				e.Key, afterCarry = render.CarryoverRow, true
			case t == "收入总计":
				e.Key = render.TotalRow
			default:
				for _, s := range sources {
					if t == norm(s.Title()) || t == norm(s.Title())+"拨款" || t == norm(s.Title())+"收入" {
						e.Key = render.SourceRow(s)
						if afterCarry {
							e.Key = render.CarrySourceRow(s)
						}
					}
				}
				if e.Key.Role == render.RoleNone {
					rd.errorf(l.ref(r, colIndex(l.decl, render.ColIncomeItem)), "%s的收入项目“%s”不是资金来源之一", tableName(l.decl), item)
					e = nil
				}
			}
			if e != nil {
				rd.amounts(l, r, render.SideLeft, e)
				lefts = append(lefts, e)
			}
		}
	}
	return main, lefts
}

// declaredLabels are the rows a table's declaration names by their labels
// (TableImport.Labels), by the label as read: numbering off, normalised.
func declaredLabels(d *render.TableDecl) map[string]render.RowKey {
	labels := map[string]render.RowKey{}
	for label, k := range d.Import.Labels {
		labels[norm(stripNumbering(label))] = k
	}
	return labels
}

// unlabelled refuses an amount on a half-row without its item (a figure
// nothing reads, which would be dropped without a word): blank and 0 are
// the empty half of a two-sided table.
func (rd *reader) unlabelled(l *located, r int, side render.Side, item render.ColKey) {
	if text(l, r, item) != "" {
		return
	}
	for k, c := range l.decl.Columns {
		if c.Kind != render.KindAmount || c.Side != side {
			continue
		}
		raw := l.g.at(r, l.cols[k])
		if d, err := decimal.NewFromString(strings.TrimSpace(fullWidth.Replace(raw))); err == nil && d.IsZero() || isBlankAmount(raw) {
			continue
		}
		rd.errorf(l.ref(r, k), "%s的这一行有金额 %q，却没有项目名称：请删去这个金额，或在左边写明项目", tableName(l.decl), strings.TrimSpace(raw))
	}
}

// readItems reads the items of “三公” (table 10) by their labels.
func (rd *reader) readItems(l *located, rows []int) []*entry {
	labels := map[string]string{
		"因公出国(境)费": render.ItemOutboundTravel, "因公出国境费": render.ItemOutboundTravel, "公务接待费": render.ItemReception,
		"公务用车购置及运行费": render.ItemVehicles, "公务用车购置及运行维护费": render.ItemVehicles,
		"公务用车购置费": render.ItemVehiclePurchase, "公务用车运行维护费": render.ItemVehicleOperation, "公务用车运行费": render.ItemVehicleOperation,
	}
	var out []*entry
	for _, r := range rows {
		item := text(l, r, render.ColItem)
		e := &entry{Row: r, Label: item}
		t := norm(stripNumbering(item))
		switch {
		case isTotal(item):
			e.Key = render.TotalRow
		case labels[t] != "":
			e.Key = render.ItemRow(labels[t])
		default:
			rd.errorf(l.ref(r, colIndex(l.decl, render.ColItem)), "表%d的项目“%s”不是“三公”经费的一项", l.decl.Number, item)
			continue
		}
		rd.amounts(l, r, render.SideMain, e)
		out = append(out, e)
	}
	return out
}

// readNamed reads a table of named rows under a total (units, projects):
// the first row (or the one labelled 合计) is the total, the others keep
// their names, keyed later (the profile's derivation).
func (rd *reader) readNamed(l *located, rows []int) []*entry {
	var out []*entry
	for i, r := range rows {
		item := text(l, r, render.ColItem)
		e := &entry{Row: r, Label: item}
		if i == 0 || isTotal(item) {
			e.Key = render.TotalRow
		} else if item == "" {
			rd.errorf(l.ref(r, colIndex(l.decl, render.ColItem)), "%s这一行有金额但没有名称", tableName(l.decl))
			continue
		} else if msg := input.NameProblem("名称", item); msg != "" {
			rd.errorf(l.ref(r, colIndex(l.decl, render.ColItem)), "%s", msg)
			continue
		}
		if l.optional >= 0 {
			e.Optional = strings.TrimSpace(l.g.at(r, l.optional))
		}
		rd.amounts(l, r, render.SideMain, e)
		out = append(out, e)
	}
	return out
}

// readEcon reads the economic classification (table 6): class subtotals
// (no 政府经济分类 name) and pairs, named; their codes are found later,
// through the catalog.
func (rd *reader) readEcon(l *located, rows []int) []*entry {
	var out []*entry
	for _, r := range rows {
		dept, gov := text(l, r, render.ColDeptEcon), text(l, r, render.ColGovEcon)
		e := &entry{Row: r, Label: dept, Gov: gov}
		if isTotal(dept) {
			e.Key = render.TotalRow
		}
		rd.amounts(l, r, render.SideMain, e)
		out = append(out, e)
	}
	return out
}

// read reads the body of every located table, as its declaration says
// (TableDecl.Import).
func (rd *reader) read(found map[render.TableID]*located) map[render.TableID]*sheetTable {
	out := map[render.TableID]*sheetTable{}
	for id, l := range found {
		rows := bodyRows(l)
		t := newSheetTable(l)
		switch l.decl.Import.Rows {
		case render.ReadSummary:
			t.Main, t.Lefts = rd.readSummary(l, rows, l.decl.Import.Sources)
		case render.ReadCodes:
			// The income half first, as the table reads.
			for _, side := range []render.Side{render.SideLeft, render.SideMain} {
				code, name, ok := codeColumns(l.decl, side)
				if !ok {
					continue
				}
				if side == render.SideLeft {
					t.Lefts = rd.readCodes(l, rows, side, code, name)
				} else {
					t.Main = rd.readCodes(l, rows, side, code, name)
				}
			}
		case render.ReadEcon:
			t.Main = rd.readEcon(l, rows)
		case render.ReadItems:
			t.Main = rd.readItems(l, rows)
		case render.ReadUnits, render.ReadProjects:
			t.Main = rd.readNamed(l, rows)
		case render.ReadOneRow:
			t.Main = rd.readOneRow(l, rows)
		}
		out[id] = t
	}
	return out
}

// newSheetTable is a located table, its body not read yet.
func newSheetTable(l *located) *sheetTable {
	t := &sheetTable{l: l, ReadTable: render.ReadTable{Decl: l.decl, Sheet: l.g.name, Yuan: l.yuan,
		Ref: func(r int, col render.ColKey) string { return l.ref(r, colIndex(l.decl, col)) }}}
	if l.optional >= 0 {
		t.OptionalRef = func(r int) string { return l.g.ref(r, l.optional) }
	}
	return t
}

// codeColumns are a side's code columns (KindCode: one, or 类 | 款 | 项)
// and the name column (KindText) after them; ok is false when the side has
// no code column.
func codeColumns(d *render.TableDecl, side render.Side) (code []render.ColKey, name render.ColKey, ok bool) {
	for _, c := range d.Columns {
		switch {
		case c.Side != side:
		case c.Kind == render.KindCode && name == "":
			code, ok = append(code, c.Key), true
		case c.Kind == render.KindText && ok:
			return code, c.Key, true
		}
	}
	return code, "", ok
}

// readOneRow reads a table of one row of amounts and no label (Shanghai's
// table 9): its first row is the table's total; a row after it is refused.
func (rd *reader) readOneRow(l *located, rows []int) []*entry {
	if len(rows) == 0 {
		return nil
	}
	for _, r := range rows[1:] {
		rd.errorf(l.g.ref(r, l.cols[0]), "%s只有一行数字：请删去这一行", tableName(l.decl))
	}
	e := &entry{Row: rows[0], Key: render.TotalRow, Label: "预算数"}
	rd.amounts(l, rows[0], render.SideMain, e)
	return []*entry{e}
}
