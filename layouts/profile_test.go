package layouts_test

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"text/template"

	"github.com/budgetpub/budgetpub/input"
	"github.com/budgetpub/budgetpub/render"
	"github.com/budgetpub/budgetpub/render/publish"
	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"
)

// A third layout, declared here, outside render, with nothing but the
// profile API: three tables, one check and one sentence. The test renders,
// checks and reviews a department in it through the pipeline every command
// calls; none of the core (render, the writers, the pipeline, the review)
// knows it exists. It is what adding a layout takes — a package like this
// file and one import line in layouts.go.

const tinyID = "test-3"

// The tiny layout's tables.
const (
	tinyTotal render.TableID = "X1" // 收支总表: one row per source
	tinyFunc  render.TableID = "X2" // 支出表: the function-code tree
	tinyThree render.TableID = "X3" // “三公”经费表
)

// tinyFacts are what its one sentence quotes.
type tinyFacts struct {
	Dept  string
	Year  int
	Total decimal.Decimal
}

// The check's id, declared as a profile declares its own.
const tinyHeavy render.CheckID = "test-3-heavy"

var tinyProfile = &render.Profile{ID: tinyID, Name: "测试版式（3张表）", Kind: render.KindBudget,
	TitleFormat: "%d年度测试公开", LabelFormat: "测试表%d",
	InputKeys: []string{"subject_purposes", "print_format", "procurement.reserved_sme"}}

func init() {
	col := func(k render.ColKey, kind render.CellKind) render.Column { return render.Column{Key: k, Kind: kind} }
	head := func(r, c int, text string) render.HeaderCell {
		return render.HeaderCell{Row: r, Col: c, RowSpan: 1, ColSpan: 1, Text: text}
	}
	tinyProfile.Tables = []*render.TableDecl{
		{ID: tinyTotal, Number: 1, Title: "收支总表", HeaderRows: 1,
			Columns:      []render.Column{col(render.ColItem, render.KindText), col(render.ColTotal, render.KindAmount)},
			Header:       []render.HeaderCell{head(0, 0, "资金来源"), head(0, 1, "{year}年预算数")},
			Presentation: render.Presentation{SheetName: "测试表1"},
			Build: func(b *render.Builder, t *render.Table) {
				sums := map[input.Source]decimal.Decimal{}
				for _, l := range b.Lines {
					sums[l.Source] = sums[l.Source].Add(l.Total())
				}
				total := decimal.Zero
				for _, s := range input.AllSources {
					if a, ok := sums[s]; ok {
						t.Rows = append(t.Rows, render.Row{Kind: render.RowItem, Key: render.SourceRow(s), Level: 1,
							Cells: []render.Cell{render.Str(s.Title()), render.Money(a)}})
						total = total.Add(a)
					}
				}
				t.Rows = append([]render.Row{{Kind: render.RowTotal, Key: render.TotalRow, Cells: []render.Cell{render.Str("合计"), render.Money(total)}}}, t.Rows...)
			}},
		{ID: tinyFunc, Number: 2, Title: "支出表", HeaderRows: 1,
			Columns:      []render.Column{col(render.ColCode, render.KindCode), col(render.ColName, render.KindText), col(render.ColTotal, render.KindAmount)},
			Header:       []render.HeaderCell{head(0, 0, "科目编码"), head(0, 1, "科目名称"), head(0, 2, "合计")},
			Presentation: render.Presentation{SheetName: "测试表2"},
			Build: func(b *render.Builder, t *render.Table) {
				var tl render.TailCheck
				rows, any := b.TreeRows(func(render.Line) bool { return true }, []render.Measure{render.Line.Total}, &tl)
				t.Rows = rows
				tl.Finish(t, !any)
			}},
		{ID: tinyThree, Number: 3, Title: "“三公”经费表", HeaderRows: 1,
			Columns:      []render.Column{col(render.ColItem, render.KindText), col(render.ColTotal, render.KindAmount)},
			Header:       []render.HeaderCell{head(0, 0, "项目"), head(0, 1, "预算数")},
			Presentation: render.Presentation{SheetName: "测试表3"},
			Build: func(b *render.Builder, t *render.Table) {
				tp := b.Doc.ThreePublic
				items := []struct {
					key, name string
					amount    decimal.Decimal
				}{{render.ItemOutboundTravel, "因公出国（境）费", tp.OutboundTravel.Total()}, {render.ItemReception, "公务接待费", tp.Reception.Total()},
					{render.ItemVehiclePurchase, "公务用车购置费", tp.VehiclePurchase.Total()}, {render.ItemVehicleOperation, "公务用车运行维护费", tp.VehicleOperation.Total()}}
				total := decimal.Zero
				for _, it := range items {
					total = total.Add(it.amount)
				}
				t.Rows = append(t.Rows, render.Row{Kind: render.RowTotal, Key: render.TotalRow, Cells: []render.Cell{render.Str("合计"), render.Money(total)}})
				for _, it := range items {
					t.Rows = append(t.Rows, render.Row{Kind: render.RowItem, Key: render.ItemRow(it.key), Level: 1, Cells: []render.Cell{render.Str(it.name), render.Money(it.amount)}})
				}
			}},
	}
	// One check: “三公” more than two thousandths of the budget is worth a
	// look (the sample's is 12.10 of 5,103.42 万元: it speaks).
	tinyProfile.Checks = []func(*render.Checker){func(c *render.Checker) {
		three, total := c.Pub.Table(tinyThree).Exact(render.TotalRow, render.ColTotal), c.Pub.Table(tinyTotal).Exact(render.TotalRow, render.ColTotal)
		c.Exceed(tinyHeavy, render.SeverityWarning, "“三公”经费超过收支总计的千分之二",
			render.Figure{Name: "表3 合计的五百倍", Value: three.Mul(decimal.NewFromInt(500))}, render.Figure{Name: "表1 合计", Value: total}, c.Key("three_public"))
	}}
	tinyProfile.Lines = []render.LineTable{{Lines: render.LinesExpenditure, Table: tinyFunc, Total: render.ColTotal}}
	// One sentence, in a part of its own after the tables.
	tinyProfile.Wording = render.WordingSource{
		Text:  func() string { return `{{define "总"}}{{.Dept}}{{.Year}}年收支总计{{amount .Total}}。{{end}}` },
		Data:  reflect.TypeOf(tinyFacts{}),
		About: map[string]string{"Dept": "部门名称", "Year": "预算年度", "Total": "收支总计（表1 合计）"},
	}
	tinyProfile.Parts = func(b *render.Builder, wording *template.Template) ([]*render.Part, error) {
		tables := &render.Part{ID: render.PartTables, Title: "第一部分 公开表"}
		for _, t := range b.Pub.Tables {
			tables.Sections = append(tables.Sections, &render.Section{ID: string(t.ID), TOC: t.Title, Table: t})
		}
		f := &tinyFacts{Dept: b.Doc.Department.Name.Value, Year: b.Doc.Year, Total: b.Pub.Table(tinyTotal).Exact(render.TotalRow, render.ColTotal)}
		b.Pub.Facts = f
		w := render.NewWriter(wording)
		text := &render.Part{ID: render.PartExplanation, Title: "第二部分 说明", Sections: []*render.Section{
			{ID: "total", Heading: "一、收支总计", Blocks: []render.Block{render.Para(w.Say("总", f))}}}}
		return []*render.Part{tables, text}, w.Err()
	}
	tinyProfile.Summarize = func(p *render.Publication) *render.Summary {
		return &render.Summary{Total: render.KnownAs(p.Facts.(*tinyFacts).Total),
			ThreePublic: render.KnownAs(p.Table(tinyThree).Exact(render.TotalRow, render.ColTotal))}
	}
	// Its import: table 2's codes are the lines (all 一般公共预算 basic
	// expenditure, as table 1 says when it lists that source only), table
	// 3's items the “三公” budget; the engine finds the tables, reads them,
	// rebuilds the publication and compares every figure.
	tinyProfile.Tables[1].Import = render.TableImport{Rows: render.ReadCodes}
	tinyProfile.Tables[2].Import = render.TableImport{Rows: render.ReadItems}
	tinyProfile.Import = &render.ImportDecl{Summary: tinyTotal, Derive: tinyDerive,
		Lists: []render.ImportList{{Len: func(d *input.Document) int { return len(d.Expenditures) }, Tables: "表2的科目"}}}
	render.DeclareChecks(map[render.CheckID]render.CheckInfo{tinyHeavy: {About: "“三公”经费 ≤ 收支总计的千分之二", Relation: true, Table: tinyThree}})
	render.Register(tinyProfile)
}

// tinyDerive derives the tiny layout's lines from its tables read back.
func tinyDerive(run render.ImportRun) {
	doc := run.Doc()
	given := func(d decimal.Decimal) input.BySource {
		var b input.BySource
		b.Amounts[input.GeneralPublic] = input.Amount{Value: d, Set: true, Pos: input.Pos{Line: 1, Col: 1}}
		return b
	}
	for _, r := range run.Table(tinyFunc).Main {
		if r.Key.Role == render.RoleCode && len(r.Key.ID) == 7 {
			run.Name(r.Key.ID, r.Label)
			doc.Expenditures = append(doc.Expenditures, input.Expenditure{Code: input.Text{Value: r.Key.ID}, Src: input.GeneralPublic,
				Basic: input.Amount{Value: r.Amount(render.ColTotal), Set: true}})
		}
	}
	run.Assume("expenditures", "表2只印合计：每个科目的金额都记为一般公共预算的基本支出")
	doc.Units = append(doc.Units, input.Unit{Name: input.Text{Value: doc.Department.Name.Value}}) // the department, its one unit
	tp := &doc.ThreePublic
	for _, r := range run.Table(tinyThree).Main {
		for key, dst := range map[string]*input.BySource{render.ItemOutboundTravel: &tp.OutboundTravel, render.ItemReception: &tp.Reception,
			render.ItemVehiclePurchase: &tp.VehiclePurchase, render.ItemVehicleOperation: &tp.VehicleOperation} {
			if r.Key == render.ItemRow(key) {
				*dst = given(r.Amount(render.ColTotal))
			}
		}
	}
}

// tinyDoc is the bundled sample in the tiny layout.
func tinyDoc(t *testing.T) []byte {
	t.Helper()
	src := strings.Replace(string(input.Sample), "year: 2024", "layout: test-3\nyear: 2024", 1)
	if src == string(input.Sample) {
		t.Fatal("the sample has no year line to put the layout before")
	}
	return []byte(src)
}

func TestThirdProfileRendersChecksAndReviews(t *testing.T) {
	res, err := publish.Load(publish.Config{})
	if err != nil {
		t.Fatal(err)
	}
	r := publish.Department(res, "tiny.yaml", tinyDoc(t), publish.Options{Force: true})
	if r.Err != nil {
		t.Fatalf("render: %v", r.Err)
	}
	pub := r.Pub
	if pub.Profile != tinyProfile || len(pub.Tables) != 3 || pub.Title != "2024年度测试公开" {
		t.Fatalf("built with %v: %d tables, title %q", pub.Profile.ID, len(pub.Tables), pub.Title)
	}
	// The tables from the same lines: table 1's total is table 2's.
	t1, t2 := pub.Table(tinyTotal).Exact(render.TotalRow, render.ColTotal), pub.Table(tinyFunc).Exact(render.TotalRow, render.ColTotal)
	if !t1.Equal(t2) || t1.IsZero() {
		t.Errorf("表1 合计 %s, 表2 合计 %s", t1, t2)
	}
	// The sentence quotes table 1.
	want := pub.Department + "2024年收支总计" + render.FormatAmount(t1) + "。"
	if got := pub.Part(render.PartExplanation).Sections[0].Blocks[0].Text; got != want {
		t.Errorf("sentence %q, want %q", got, want)
	}
	// Its check ran, with its declared id and the key it concerns.
	var heavy *render.Finding
	for i, f := range r.Findings {
		if f.ID == tinyHeavy {
			heavy = &r.Findings[i]
		}
	}
	three := pub.Table(tinyThree).Exact(render.TotalRow, render.ColTotal)
	if !three.Mul(decimal.NewFromInt(500)).GreaterThan(t1) {
		t.Fatalf("the sample's 三公 %s of %s: the check would not speak", three, t1)
	}
	if heavy == nil || heavy.Severity != render.SeverityWarning || heavy.Path != "three_public" || heavy.Line == 0 {
		t.Errorf("the layout's check: %+v", heavy)
	}
	if !tinyHeavy.Declared() || tinyHeavy.Table() != tinyThree {
		t.Errorf("the check id is not declared with its table")
	}

	// Both writers: the workbook's three sheets, the PDF's tables and text.
	dir := t.TempDir()
	if d := os.Getenv("BUDGETPUB_TINY_OUT"); d != "" { // to look at it
		dir = d
	}
	paths, err := r.Write(dir)
	if err != nil {
		t.Fatal(err)
	}
	var book, pdf string
	for _, p := range paths {
		switch filepath.Ext(p) {
		case ".xlsx":
			book = p
		case ".pdf":
			pdf = p
		}
	}
	f, err := excelize.OpenFile(book)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if sheets := strings.Join(f.GetSheetList(), " "); !strings.HasPrefix(sheets, "测试表1 测试表2 测试表3") {
		t.Errorf("sheets %q", sheets)
	}
	if cell, _ := f.GetCellValue("测试表1", "A1"); cell != "测试表1" {
		t.Errorf("表1's label %q, want 测试表1", cell)
	}
	if _, err := exec.LookPath("pdftotext"); err == nil {
		out, err := exec.Command("pdftotext", "-layout", pdf, "-").Output()
		if err != nil {
			t.Fatal(err)
		}
		for _, w := range []string{"2024年收支总表", "2024年支出表", "2024年“三公”经费表", "一、收支总计", want} {
			if !bytes.Contains(bytes.ReplaceAll(out, []byte(" "), nil), []byte(strings.ReplaceAll(w, " ", ""))) {
				t.Errorf("the PDF lacks %q", w)
			}
		}
	} else if os.Getenv("BUDGETPUB_REQUIRE_TOOLS") != "" {
		t.Fatal("pdftotext is not installed")
	}

	// The review: its row has the figures the layout gives; those it does
	// not (一般公共预算, 机关运行经费) are blank, not 0.
	in := filepath.Join(t.TempDir(), "tiny.yaml")
	if err := os.WriteFile(in, tinyDoc(t), 0o644); err != nil {
		t.Fatal(err)
	}
	rows := publish.Batch(t.Context(), res, []string{in}, publish.BatchOptions{Out: t.TempDir(), Jobs: 1, Force: true}, nil)
	summary, err := publish.Summary(rows, publish.NewCoverage([]string{in}, 1, 1))
	if err != nil {
		t.Fatal(err)
	}
	s, err := excelize.OpenReader(bytes.NewReader(summary))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	grid, err := s.GetRows(s.GetSheetList()[0], excelize.Options{RawCellValue: true})
	if err != nil || len(grid) < 2 {
		t.Fatalf("summary: %v %v", grid, err)
	}
	cell := func(title string) string {
		for i, h := range grid[0] {
			if strings.HasPrefix(h, title) {
				if i < len(grid[1]) {
					return grid[1][i]
				}
				return ""
			}
		}
		return "?"
	}
	if got, err := decimal.NewFromString(cell("收支总计")); err != nil || !got.Equal(render.Round(t1)) {
		t.Errorf("收支总计 %q, want %s", cell("收支总计"), render.Round(t1))
	}
	for _, title := range []string{"一般公共预算", "机关运行经费"} {
		if got := cell(title); got != "" {
			t.Errorf("%s %q: the layout has no such figure, it must be blank", title, got)
		}
	}
	if got := cell("审核状态"); got == "?" {
		t.Errorf("the review has no 审核状态 column: %v", grid[0])
	}

	// The import: the workbook read back into a master input of the tiny
	// layout, rebuilt and compared figure by figure by the engine.
	data, err := os.ReadFile(book)
	if err != nil {
		t.Fatal(err)
	}
	imp, err := publish.ImportBook(res, "tiny.xlsx", data, publish.ImportOptions{Layout: tinyID})
	if err != nil {
		t.Fatalf("import: %v", err)
	}
	if imp.Doc.LayoutOf() != tinyID || !bytes.Contains(imp.Text, []byte("layout: test-3")) {
		t.Errorf("the imported file's layout is %q", imp.Doc.LayoutOf())
	}
	if !bytes.Contains(imp.Text, []byte("\nsubject_purposes: []\n")) || bytes.Contains(imp.Text, []byte("income_kind")) {
		t.Errorf("the imported file does not show the keys its layout uses (and those only):\n%s", imp.Text)
	}
	back := publish.Department(res, "back.yaml", imp.Text, publish.Options{Force: true})
	if back.Err != nil {
		t.Fatalf("the imported file: %v", back.Err)
	}
	for _, id := range []render.TableID{tinyTotal, tinyFunc, tinyThree} {
		a, b := pub.Table(id), back.Pub.Table(id)
		if len(a.Rows) != len(b.Rows) || !a.Exact(render.TotalRow, render.ColTotal).Equal(b.Exact(render.TotalRow, render.ColTotal)) {
			t.Errorf("%s: %d rows, 合计 %s; imported back %d rows, 合计 %s", id, len(a.Rows), a.Exact(render.TotalRow, render.ColTotal), len(b.Rows), b.Exact(render.TotalRow, render.ColTotal))
		}
	}
	// A bureau's batch takes the workbook in the layout it is asked for.
	brows := publish.Batch(t.Context(), res, []string{book}, publish.BatchOptions{Out: t.TempDir(), Jobs: 1, Force: true, Layout: tinyID}, nil)
	if len(brows) != 1 || !brows[0].Done || brows[0].Summary == nil || !brows[0].Summary.Total.Value.Equal(t1) {
		t.Errorf("the batch of the workbook: %+v", brows)
	}
	// A workbook whose table 2 disagrees with table 1 is refused at the cell.
	f2, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	rows2, _ := f2.GetRows("测试表2")
	for r, row := range rows2 {
		if len(row) > 0 && row[0] == "2010301" || len(row) > 1 && strings.HasPrefix(row[0], "2010301") {
			cellName, _ := excelize.CoordinatesToCellName(3, r+1)
			_ = f2.SetCellValue("测试表2", cellName, 1)
			break
		}
	}
	var broken bytes.Buffer
	if err := f2.Write(&broken); err != nil {
		t.Fatal(err)
	}
	if _, err := publish.ImportBook(res, "tiny.xlsx", broken.Bytes(), publish.ImportOptions{Layout: tinyID}); err == nil || !strings.Contains(err.Error(), "测试表2!C") {
		t.Errorf("a workbook whose tables disagree: %v", err)
	}
}

// A layout's files show the keys only some layouts use that its profile
// declares (render.Profile.InputKeys), and no other: init's skeleton, a
// file rolled over into it. The default layout declares none: its
// skeleton is input's own.
func TestLayoutFilesShowTheKeysTheLayoutUses(t *testing.T) {
	keys := input.LayoutKeys()
	for _, p := range render.Profiles() {
		for _, k := range p.InputKeys {
			found := false
			for _, lk := range keys {
				found = found || lk == k || strings.HasPrefix(lk, k+".") || strings.HasPrefix(lk, k+"[]")
			}
			if !found {
				t.Errorf("%s: InputKeys names %q, which holds no key only some layouts use (%v)", p.ID, k, keys)
			}
		}
	}
	if got, want := publish.Skeleton(2025, "某局", ""), input.Skeleton(2025, "某局"); !bytes.Equal(got, want) {
		t.Errorf("the default layout's skeleton is not input's")
	}
	if got, want := publish.Skeleton(2025, "某局", input.DefaultLayout), input.Skeleton(2025, "某局"); !bytes.Equal(got, want) {
		t.Errorf("shanxi-13's skeleton is not input's")
	}
	sk := string(publish.Skeleton(2025, "某局", tinyID))
	for _, want := range []string{"\nlayout: test-3", "\nsubject_purposes: []\n# - {code: \"2010301\"", "\nprint_format: {}\n  # decimals: 2",
		"\n  # reserved_sme: 0.00"} {
		if !strings.Contains(sk, want) {
			t.Errorf("no %q in the tiny layout's skeleton:\n%s", want, sk)
		}
	}
	for _, not := range []string{"income_kind", "reserved_small_micro", "planned_purchases", "ministerial_leader", "description:"} {
		if strings.Contains(sk, not) {
			t.Errorf("the tiny layout's skeleton shows %s, which it does not use", not)
		}
	}
	if _, err := input.Decode("skeleton.yaml", []byte(sk), nil); err != nil {
		t.Errorf("the tiny layout's skeleton: %v", err)
	}
	res, err := publish.Load(publish.Config{})
	if err != nil {
		t.Fatal(err)
	}
	ly, err := publish.LastYearFrom(res, "tiny.yaml", tinyDoc(t))
	if err != nil {
		t.Fatal(err)
	}
	doc, o, err := ly.RollOver(2025)
	if err != nil {
		t.Fatal(err)
	}
	if text := input.Format(doc, o); !bytes.Contains(text, []byte("\nsubject_purposes: []\n")) {
		t.Errorf("the rolled-over file does not show subject_purposes:\n%s", text)
	}
}
