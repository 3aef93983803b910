package importer

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode"

	"github.com/budgetpub/budgetpub/input"
	"github.com/budgetpub/budgetpub/input/xlsxread"
	"github.com/budgetpub/budgetpub/render"
	"github.com/shopspring/decimal"
)

// Result is an imported workbook: the master input and what the clerk
// should know of how it was made.
type Result struct {
	Doc         *input.Document // as decoded from Text: names resolved, positions in Text
	Layout      string          // the layout of the workbook's tables, as Doc names it
	Text        []byte          // the master input, formatted with its comments
	Assumptions []Assumption    // splits the tables leave open, decided by rule
	Warnings    []string        // rounding differences and the checks' warnings
	// Incomplete is what is left to fill in: the findings of severity
	// incomplete (需补填) of Text, as check finds them in the written file
	// (the file named Options.Output), in check's order.
	Incomplete []render.Finding
	// Todo is Incomplete one line each, as Text's header lists them:
	// [id] message（path）.
	Todo []string
}

// Options shape an import.
type Options struct {
	// Catalog names the codes (and finds the economic codes of table 6 by
	// their names); nil: the embedded catalog.
	Catalog *input.Catalog
	// Format adds to the written file (a header naming the workbook, the
	// prior year's texts …); its Comments are merged. Its Todo is not
	// used: the file's to-do list is its findings (Result.Incomplete).
	Format input.FormatOptions
	// Output is the name the master input is written as, which its
	// findings name; "": the workbook's name with .yaml for .xlsx.
	Output string
	// Amend, when set, changes the derived document before it is written:
	// import --prior carries last year's texts and figures in through it.
	Amend func(doc *input.Document, o *input.FormatOptions) error
	// Context ends the import early when it is done (the workbench's
	// request gone); nil: never.
	Context context.Context
	// Layout is the layout (render.Profile) the workbook's tables are
	// of, and the master input's; its profile must declare an import
	// (render.Profile.Import), and a workbook whose titles are more of
	// another layout's tables is refused (LayoutError). "": the layout the
	// tables' titles are of (detect.go), input.DefaultLayout when they are
	// of none.
	Layout string
	// Year is the year of a workbook whose titles print none (a 决算's:
	// 收入支出决算总表); 0: the year the workbook's file name holds
	// (某某局2024年度部门决算.xlsx), and none refused. Titles with a year
	// must agree with it.
	Year int
	// Department is the department's name when no table prints it (a
	// 决算's have no 编制部门 line); "": the name the workbook's file name
	// holds, once its year and the words of the tables' kind are taken
	// off, else left for the clerk to fill in. A table's name line wins.
	Department string
}

// Import reads a workbook of a profile's tables (Options.Layout) into a
// master input. A problem that stops it is an input.Errors, each naming
// the workbook and the cell (book.xlsx:表3!D12: …), or the tables that
// could not be found.
func Import(file string, data []byte, o Options) (*Result, error) {
	fail := func(ref, format string, args ...any) error { return failure(file, ref, format, args...) }
	p, err := Profile(o.Layout)
	if err != nil {
		return nil, fail("", "%v", err)
	}
	ctx := o.Context
	if ctx == nil {
		ctx = context.Background()
	}
	grids, err := readBook(ctx, data)
	var le *xlsxread.LimitError
	var fe *xlsxread.FormatError
	switch {
	case errors.As(err, &le):
		return nil, fail("", "无法导入工作簿：%s，而一个部门的 %d 张公开表远小于此：请删去与公开表无关的工作表和内容，另存为新的工作簿后再导入", le.Chinese(), len(p.Tables))
	case errors.As(err, &fe):
		return nil, fail("", "无法读取工作簿：文件不是有效的 Excel 工作簿（.xlsx），或已损坏；旧格式的 .xls 请先用 Excel 或 WPS“另存为” .xlsx")
	case err != nil:
		return nil, &stopped{file, err}
	}
	return importGrids(file, grids, o)
}

// Profile is the profile of a layout ("": input.DefaultLayout) whose
// workbooks can be imported: an error says why not, for a layout unknown
// or one whose profile declares no import (render.Profile.Import).
func Profile(layout string) (*render.Profile, error) {
	if layout == "" {
		layout = input.DefaultLayout
	}
	p, ok := render.ProfileByID(layout)
	if !ok {
		return nil, errors.New(input.UnknownLayout(layout))
	}
	if p.Import == nil {
		var can []string
		for _, q := range render.Profiles() {
			if q.Import != nil {
				can = append(can, fmt.Sprintf("%s 的 %d 张公开表", q.ID, len(q.Tables)))
			}
		}
		if len(can) == 0 {
			return nil, fmt.Errorf("版式 %s 的工作簿还不能导入：目前没有能导入的版式", layout)
		}
		return nil, fmt.Errorf("版式 %s 的工作簿还不能导入：目前能导入的是 %s", layout, strings.Join(can, "、"))
	}
	return p, nil
}

// failure is an import stopped by one problem, at a cell (ref) or of the
// whole workbook ("").
func failure(file, ref, format string, args ...any) error {
	at := file
	if ref != "" {
		at += ":" + ref
	}
	return input.Errors{{File: at, Msg: fmt.Sprintf(format, args...)}}
}

// importGrids imports the sheets of a workbook, read, of the tables of
// the profile of o.Layout.
func importGrids(file string, grids []*grid, o Options) (*Result, error) {
	m, err := chooseLayout(grids, o.Layout)
	if err != nil {
		return nil, input.Errors{{File: file, Msg: err.Error(), Err: err}}
	}
	p := m.p
	cat := o.Catalog
	if cat == nil {
		cat = input.DefaultCatalog()
	}
	fail := func(ref, format string, args ...any) error { return failure(file, ref, format, args...) }
	found, missing, lerrs := m.found, m.missing, m.errs
	if len(found) == 0 {
		return nil, fail("", "这不是部门%s公开表：工作簿中找不到 %d 张%s公开表中的任何一张（按表名查找，如“%s”）", p.Kind, len(p.Tables), p.Kind, p.Decl(p.Import.Summary).FullTitle(2024))
	}
	var es input.Errors
	for _, e := range lerrs {
		es = append(es, &input.Error{File: file, Msg: e.Error()})
	}
	if len(missing) > 0 {
		var names []string
		for _, id := range missing {
			names = append(names, tableName(p.Decl(id)))
		}
		es = append(es, &input.Error{File: file, Msg: "工作簿中找不到这些表：" + strings.Join(names, "、") + "（每张表须有表名和表头；没有数据的表也要保留表头）"})
	}
	if len(es) > 0 {
		return nil, es
	}

	rd := &reader{cat: cat, sheets: map[string]int{}}
	for i, g := range grids {
		rd.sheets[g.name] = i
	}
	tables := rd.read(found)
	for _, t := range tables {
		t.exact = p.Import.Exact
	}
	unread := rd.failed(true)
	res, err := importTables(file, p, rd, tables, o, cat)
	if err == nil || unread || !rd.failed(true) {
		return res, err
	}
	// The tables disagree. The cells the others outvote are named first,
	// and the import runs again on the figures the others agree on, so
	// that what only follows from those cells is not said again.
	v := relations(p, tables)
	cs := v.vote()
	if len(cs) == 0 {
		return nil, err
	}
	rd.problems = nil
	v.blame(rd, cs)
	_, err = importTables(file, p, rd, tables, o, cat)
	return nil, err
}

// importTables derives the master input from the tables read and checks
// it against them.
func importTables(file string, p *render.Profile, rd *reader, tables map[render.TableID]*sheetTable, o Options, cat *input.Catalog) (*Result, error) {
	fail := func(ref, format string, args ...any) error { return failure(file, ref, format, args...) }
	dv := &deriver{rd: rd, cat: cat, profile: p, tables: tables, names: map[string]string{}, comments: map[string][]string{}}
	dv.doc = &input.Document{Schema: input.SchemaVersion, AmountUnit: "万元"}
	if p.ID != input.DefaultLayout {
		dv.doc.Layout = txt(p.ID)
	}
	if err := dv.header(file, o); err != nil {
		return nil, err
	}
	p.Import.Derive(dv)
	if rd.failed(false) {
		return nil, rd.stop(file)
	}
	dv.nameCodes()
	dv.chooseUnit()

	if err := dv.tooLong(file); err != nil {
		return nil, err
	}
	fo := o.Format
	if fo.LayoutKeys == nil { // the keys the layout uses, for the clerk to fill in
		fo.LayoutKeys = p.InputKeys
	}
	if fo.Publication == "" && p.Kind == render.KindFinal {
		fo.Publication = "部门决算公开"
	}
	fo.Comments = mergeComments(fo.Comments, dv.comments, dv.assumptionComments())
	if o.Amend != nil {
		if err := o.Amend(dv.doc, &fo); err != nil {
			return nil, err
		}
	}
	fo.Todo = nil
	text := input.Format(dv.doc, fo)
	name := o.Output
	if name == "" {
		name = strings.TrimSuffix(file, filepath.Ext(file)) + ".yaml"
	}
	doc, err := input.Decode(name, text, cat)
	if err != nil {
		return nil, fail("", "导入得到的主输入文件无法读回（程序缺陷，请报告）：%v", err)
	}
	pub, err := render.Build(doc)
	if err != nil {
		return nil, fail("", "导入得到的主输入文件无法生成公开材料：%v", err)
	}
	dv.verify(pub)
	res := &Result{Doc: doc, Layout: p.ID, Text: text, Assumptions: dv.assumptions}
	for _, f := range render.Check(doc, pub) {
		switch f.Severity {
		case render.SeverityIncomplete:
			res.Incomplete = append(res.Incomplete, f)
		case render.SeverityError:
			ref, l := dv.findingRef(f)
			rd.errorf(ref, "[%s] %s：%s", f.ID, f.Message, detail(f, l))
		default:
			_, l := dv.findingRef(f)
			res.Warnings = append(res.Warnings, fmt.Sprintf("%s: 警告 [%s] %s：%s", file, f.ID, f.Message, detail(f, l)))
		}
	}
	if err := rd.stop(file); err != nil {
		return nil, err
	}
	for _, p := range rd.problems {
		res.Warnings = append(res.Warnings, file+":"+p.ref+": 警告 "+p.msg)
	}
	res.listTodo()
	return res, nil
}

// todoTitle heads the to-do list of an imported file.
const todoTitle = "还需补填（导入时 budgetpub check 的“需补填”；填好后再运行 check）："

// maxTodoLines is how many findings the file's header lists; check lists
// them all.
const maxTodoLines = 30

// listTodo lists the findings of what is left to fill in at the head of
// the text, and moves the findings' and the document's lines down by as
// many lines as the list takes.
func (r *Result) listTodo() {
	var header []string
	for i, f := range r.Incomplete {
		item := todoItem(f)
		r.Todo = append(r.Todo, item)
		if i < maxTodoLines {
			header = append(header, item)
		}
	}
	if n := len(r.Incomplete) - maxTodoLines; n > 0 {
		header = append(header, fmt.Sprintf("……另有 %d 处：运行 budgetpub check 查看全部", n))
	}
	text, lines := input.WithTodo(r.Text, todoTitle, header)
	if lines == 0 {
		return
	}
	r.Text = text
	input.ShiftLines(r.Doc, lines)
	for i := range r.Incomplete {
		if r.Incomplete[i].Line > 0 {
			r.Incomplete[i].Line += lines
		}
	}
}

// todoItem is a finding as a to-do list says it: [id] message（path）,
// check's words without the place.
func todoItem(f render.Finding) string {
	if f.Path == "" {
		return "[" + string(f.ID) + "] " + f.Message
	}
	return "[" + string(f.ID) + "] " + f.Message + "（" + f.Path + "）"
}

// stopped is an import ended by its context (Options.Context): said in
// Chinese, and errors.Is(err, context.Canceled) holds.
type stopped struct {
	file string
	err  error
}

func (s *stopped) Error() string {
	return s.file + ": 导入已停止（页面已关闭，或批量处理已停止）"
}

func (s *stopped) Unwrap() error { return s.err }

// failed tells whether an error was found: any (outvoted cells
// included), or, !outvoted, any but those, which the rest of the import
// runs on the figure the other tables agree on.
func (rd *reader) failed(outvoted bool) bool {
	for _, p := range rd.problems {
		if !p.warning && (outvoted || !p.first) {
			return true
		}
	}
	return false
}

// stop returns the errors found so far, or nil: the cells the other
// tables outvote first, then the others in sheet and cell order.
func (rd *reader) stop(file string) error {
	var errs []problem
	for _, p := range rd.problems {
		if !p.warning {
			errs = append(errs, p)
		}
	}
	if len(errs) == 0 {
		return nil
	}
	sort.SliceStable(errs, func(i, j int) bool {
		if errs[i].first != errs[j].first {
			return errs[i].first
		}
		if errs[i].first {
			return false
		}
		return rd.before(errs[i].ref, errs[j].ref)
	})
	es := make(input.Errors, len(errs))
	for i, p := range errs {
		es[i] = &input.Error{File: file, Cell: p.ref, Msg: p.msg}
	}
	return es
}

// before orders cell references (表3!D12, or a sheet's name) by sheet, in
// the workbook's order, then row, then column.
func (rd *reader) before(a, b string) bool {
	ka, kb := rd.refKey(a), rd.refKey(b)
	for i := range ka {
		if ka[i] != kb[i] {
			return ka[i] < kb[i]
		}
	}
	return false
}

func (rd *reader) refKey(ref string) [3]int {
	sheet, cell, _ := strings.Cut(ref, "!")
	letters := strings.TrimRightFunc(cell, func(r rune) bool { return r >= '0' && r <= '9' })
	row, _ := strconv.Atoi(cell[len(letters):])
	col := 0
	for _, r := range letters {
		col = col*26 + int(r-'A'+1)
	}
	return [3]int{rd.sheets[sheet], row, col}
}

// tooLong refuses a list longer than the master input takes
// (input.MaxLines), naming the tables it comes from (ImportDecl.Lists),
// before the file is written: its decoder would refuse it at a line of a
// file the clerk never sees.
func (dv *deriver) tooLong(file string) error {
	for _, l := range dv.profile.Import.Lists {
		if n := l.Len(dv.doc); n > input.MaxLines {
			return input.Errors{{File: file, Msg: fmt.Sprintf("%s过多：共 %d 项，主输入文件每个列表最多 %d 项", l.Tables, n, input.MaxLines)}}
		}
	}
	return nil
}

// findingRef is the workbook cell a check's finding is about, and its
// table: the sheet of the profile's summary table for a finding of none.
func (dv *deriver) findingRef(f render.Finding) (string, *sheetTable) {
	cell := func(id render.TableID, key render.RowKey, col render.ColKey) (string, *sheetTable) {
		t := dv.tables[id]
		for _, e := range t.Main {
			if e.Key == key && e.Refs[col] != "" {
				return e.Refs[col], t
			}
		}
		return t.Sheet, t
	}
	if t := f.ID.Table(); t != "" {
		return cell(t, render.TotalRow, render.ColTotal)
	}
	s := dv.tables[dv.profile.Import.Summary]
	return s.Sheet, s
}

// detail is a finding's figures as the workbook prints them: a relation
// between tables (T…) in its table's unit, 元 in a table in 元.
func detail(f render.Finding, t *sheetTable) string {
	if !f.ID.Relation() {
		return f.Detail()
	}
	var parts []string
	// A table the profile builds in 元 has its checks' figures in 元.
	money := func(d decimal.Decimal) string {
		if t.Decl.PrintUnit() == "元" {
			d = d.Shift(-4)
		}
		return t.Money(d)
	}
	for _, x := range []*render.Figure{f.Left, f.Right} {
		if x != nil {
			parts = append(parts, x.Name+" "+money(x.Value))
		}
	}
	if f.Diff != nil {
		parts = append(parts, "相差 "+money(*f.Diff))
	}
	return strings.Join(parts, "，")
}

// unnamedDepartment stands in the department's name when no table gives
// it: a placeholder of budgetpub's skeleton, never printed as a name.
const unnamedDepartment = "（在此填写部门名称）"

// header takes the year and the department from the tables' titles and
// lines, which must agree.
func (dv *deriver) header(file string, o Options) error {
	years, depts := map[int][]string{}, map[string][]string{}
	for _, d := range dv.profile.Tables {
		l := dv.tables[d.ID].l
		if l.year > 0 {
			years[l.year] = append(years[l.year], l.g.name)
		}
		if l.dept != "" {
			depts[l.dept] = append(depts[l.dept], l.g.name)
		}
	}
	if len(years) != 1 {
		var parts []string
		for y, sheets := range years {
			parts = append(parts, fmt.Sprintf("%d年（%s）", y, strings.Join(sheets, "、")))
		}
		sort.Strings(parts)
		if len(years) > 1 {
			return input.Errors{{File: file, Msg: "各表的年度不一致：" + strings.Join(parts, "，")}}
		}
	}
	for y := range years {
		dv.doc.Year = y
	}
	if err := dv.givenYear(file, o.Year); err != nil {
		return err
	}
	if len(depts) > 1 {
		var parts []string
		for d, sheets := range depts {
			parts = append(parts, fmt.Sprintf("“%s”（%s）", d, strings.Join(sheets, "、")))
		}
		sort.Strings(parts)
		return input.Errors{{File: file, Msg: "各表的部门名称不一致：" + strings.Join(parts, "，")}}
	}
	for d := range depts {
		// [312]阳高县农业农村局: the department's code, then its name.
		code, name, _ := leadingCode(d)
		dv.doc.Department.Name, dv.doc.Department.Code = txt(name), txt(code)
		for _, t := range dv.profile.Tables {
			if l := dv.tables[t.ID].l; l.dept == d {
				if msg := input.NameProblem("部门名称", name); msg != "" {
					return input.Errors{{File: file + ":" + l.deptRef, Msg: msg}}
				}
				break
			}
		}
	}
	if dv.doc.Department.Name.Value == "" {
		if err := dv.givenDepartment(file, o.Department); err != nil {
			return err
		}
	}
	if dv.doc.Department.Name.Value == "" {
		// Not a name: the skeleton's placeholder, which the checks find
		// (skeleton-text, 需补填) until the clerk writes the name.
		dv.doc.Department.Name = txt(unnamedDepartment)
		label := dv.profile.DeptLabel
		if label == "" {
			label = render.DefaultDeptLabel
		}
		dv.comments["department.name"] = append(dv.comments["department.name"], "表中没有“"+label+"”一行：请填写部门名称")
	}
	return nil
}

// nameCodes writes beside each code the name the workbook prints, where the
// embedded catalog lacks it or names it otherwise, so that the file reads
// without a user's catalog.
func (dv *deriver) nameCodes() {
	emb := input.DefaultCatalog()
	differs := func(code string) (string, bool) {
		n := dv.names[code]
		if n == "" {
			n, _ = dv.cat.Name(code)
		}
		if n == "" {
			return "", false
		}
		e, ok := emb.Name(code)
		return n, !ok || e != n
	}
	named := map[string]bool{}
	for i := range dv.doc.Expenditures {
		e := &dv.doc.Expenditures[i]
		if n, ok := differs(e.Code.Value); ok {
			e.Name = txt(n)
		}
		for _, parent := range []string{e.Code.Value[:3], e.Code.Value[:5]} {
			if n, ok := differs(parent); ok && !named[parent] {
				named[parent] = true
				dv.doc.CodeNames = append(dv.doc.CodeNames, input.CodeName{Code: txt(parent), Name: txt(n)})
			}
		}
	}
	for _, lines := range [][]input.RevenueLine{dv.doc.GovFundRev, dv.doc.StateCapRev} {
		for i := range lines {
			c := lines[i].Code.Value
			if n, ok := differs(c); ok {
				lines[i].Name = txt(n)
			}
			for _, parent := range []string{c[:3], c[:5]} {
				if n, ok := differs(parent); ok && !named[parent] {
					named[parent] = true
					dv.doc.CodeNames = append(dv.doc.CodeNames, input.CodeName{Code: txt(parent), Name: txt(n)})
				}
			}
		}
	}
	for i := range dv.doc.BasicByEcon {
		l := &dv.doc.BasicByEcon[i]
		if n, ok := differs(l.Dept.Value); ok {
			l.DeptName = txt(n)
		}
		if n, ok := differs(l.Gov.Value); ok {
			l.GovName = txt(n)
		}
		if n, ok := differs(l.Dept.Value[:3]); ok && !named[l.Dept.Value[:3]] {
			named[l.Dept.Value[:3]] = true
			dv.doc.CodeNames = append(dv.doc.CodeNames, input.CodeName{Code: txt(l.Dept.Value[:3]), Name: txt(n)})
		}
	}
	sort.SliceStable(dv.doc.CodeNames, func(i, j int) bool { return dv.doc.CodeNames[i].Code.Value < dv.doc.CodeNames[j].Code.Value })
}

// chooseUnit writes the file in 元 when a figure has more decimals than
// two in 万元 (a workbook in 元 with 分), in 万元 otherwise.
func (dv *deriver) chooseUnit() {
	fine := false
	check := func(a input.Amount) {
		if a.Set && !a.Value.Round(2).Equal(a.Value) {
			fine = true
		}
	}
	input.WalkAmounts(dv.doc, check)
	if fine {
		dv.doc.AmountUnit = "元"
	}
}

// assumptionComments puts each assumption above the block it concerns.
func (dv *deriver) assumptionComments() map[string][]string {
	out := map[string][]string{}
	for _, a := range dv.assumptions {
		out[a.block] = append(out[a.block], "导入时的假设："+a.String())
	}
	return out
}

func mergeComments(ms ...map[string][]string) map[string][]string {
	out := map[string][]string{}
	for _, m := range ms {
		for k, v := range m {
			out[k] = append(out[k], v...)
		}
	}
	return out
}

// yearless tells a profile whose tables' titles print no year (a 决算's).
func yearless(p *render.Profile) bool {
	for _, d := range p.Tables {
		if !d.Yearless {
			return false
		}
	}
	return len(p.Tables) > 0
}

// fileYearRe is a year in a workbook's file name: 2024, 2024年, 2024年度.
var fileYearRe = regexp.MustCompile(`(?:^|[^0-9])((?:19|20)[0-9]{2})(?:年度?)?(?:[^0-9]|$)`)

// givenYear settles the year when the titles give none: the year asked
// for (Options.Year), else, for a layout whose titles never print one, the
// one the file name holds, said as an assumption; none is refused. A year
// asked for must be the titles' when they print one.
func (dv *deriver) givenYear(file string, asked int) error {
	switch {
	case dv.doc.Year != 0 && asked != 0 && asked != dv.doc.Year:
		return input.Errors{{File: file, Msg: fmt.Sprintf("表名中的年度是 %d 年，而指定的年度（--year）是 %d 年：请核对，或不指定年度", dv.doc.Year, asked)}}
	case dv.doc.Year != 0:
		return nil
	case asked != 0:
		dv.doc.Year = asked
		return nil
	}
	base := filepath.Base(file)
	if yearless(dv.profile) {
		if ms := fileYearRe.FindAllStringSubmatch(base, -1); len(ms) == 1 {
			dv.doc.Year, _ = strconv.Atoi(ms[0][1])
			dv.Assume("department", fmt.Sprintf("部门%s的表名不写年度：年度 %d 取自工作簿的文件名，请核对（导入时可用 --year 指定）", dv.profile.Kind, dv.doc.Year), base)
			return nil
		}
		return input.Errors{{File: file, Msg: fmt.Sprintf("部门%s的表名不写年度，工作簿的文件名中也没有（或不止一个）年度：请用 --year 指定年度（如 --year 2024），或把年度写进文件名（如“某某局2024年度部门%s.xlsx”）", dv.profile.Kind, dv.profile.Kind)}}
	}
	return input.Errors{{File: file, Msg: "表名中没有年度（如“2024年预算收支总表”）：无法确定预算年度"}}
}

// kindWords are the words of a file name that name the tables, not the
// department: taken off it to leave the department's name.
var kindWords = regexp.MustCompile(`(?:(?:19|20)[0-9]{2}(?:年度?)?|部门决算|部门预算|单位决算|单位预算|决算|预算|公开表|公开|报表|表格|[-_—–·．.（）()\s])`)

// givenDepartment names the department when no table prints its name: as
// asked (Options.Department), else, for a layout whose tables print no
// name line, the name its file name holds, said as an assumption.
func (dv *deriver) givenDepartment(file, asked string) error {
	if asked != "" {
		if msg := input.NameProblem("部门名称", asked); msg != "" {
			return input.Errors{{File: file, Msg: msg + "（--name）"}}
		}
		dv.doc.Department.Name = txt(asked)
		return nil
	}
	if !dv.profile.NoDeptLine {
		return nil
	}
	base := filepath.Base(file)
	name := strings.TrimSpace(kindWords.ReplaceAllString(strings.TrimSuffix(base, filepath.Ext(base)), ""))
	if !hasHan(name) || input.NameProblem("部门名称", name) != "" {
		return nil
	}
	dv.doc.Department.Name = txt(name)
	dv.Assume("department", fmt.Sprintf("部门%s的表中没有部门名称：部门名称“%s”取自工作簿的文件名，请核对（导入时可用 --name 指定）", dv.profile.Kind, name), base)
	return nil
}

// hasHan tells a text with a Chinese character.
func hasHan(s string) bool {
	for _, r := range s {
		if unicode.Is(unicode.Han, r) {
			return true
		}
	}
	return false
}
