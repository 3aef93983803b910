package rollover

import (
	"fmt"
	"path/filepath"

	"github.com/budgetpub/budgetpub/input"
	"github.com/budgetpub/budgetpub/render"
	"github.com/shopspring/decimal"
)

// A 决算 (final accounts) is the same master input as a 预算, its layout
// of kind final. Its file is started from the year's 预算 (init
// --final-from: FinalFrom): the same year, department, units and codes,
// the 预算's figures as the 年初预算 the 决算 is compared with, the lines
// kept with their money cleared for the clerk to fill in the 决算数 —
// and, when last year's 决算 is given (--prior-final), prior_year from
// its figures.

// FinalLayout is the layout of the 决算 FinalFrom writes: its profile
// (layouts/final9) registers it, of kind final; nothing here needs it.
const FinalLayout = "final-9"

// finalInputKeys are the keys only some layouts use that the registered
// 决算 profile uses (render.Profile.InputKeys; layouts/final9 declares
// them): a 决算's file shows them, unset too.
func finalInputKeys() []string {
	if p, ok := render.ProfileByID(FinalLayout); ok {
		return p.InputKeys
	}
	return nil
}

// IsFinal tells a document of a 决算: its layout is FinalLayout, or one
// whose profile is of kind final.
func IsFinal(doc *input.Document) bool {
	l := doc.LayoutOf()
	if l == FinalLayout {
		return true
	}
	p, ok := render.ProfileByID(l)
	return ok && p.Kind == render.KindFinal
}

// NotBudgetError is a file given as the year's 预算 that is a 决算.
type NotBudgetError struct {
	File, Layout string
	Flag         string // the option it was given to: "" is --final-from
}

func (e *NotBudgetError) Error() string {
	flag := e.Flag
	if flag == "" {
		flag = "--final-from"
	}
	return fmt.Sprintf("%s: 这是决算文件（layout: %s），不是预算文件：%s 应为本年度的预算主输入文件（如 layout: shanxi-13）", e.File, e.Layout, flag)
}

// PriorFinalError is a file given as last year's 决算 that is not one, or
// not of the year before.
type PriorFinalError struct {
	File         string
	Layout       string // its layout, when it is no 决算
	Year, Budget int    // its year; the 预算's
}

func (e *PriorFinalError) Error() string {
	if e.Layout != "" {
		return fmt.Sprintf("%s: 这是预算文件（layout: %s），不是决算文件：--prior-final 应为 %d 年度的决算主输入文件（layout: %s），上年数取自它的决算数", e.File, e.Layout, e.Budget-1, FinalLayout)
	}
	return fmt.Sprintf("%s: 上年决算文件是 %d 年度的，而预算文件是 %d 年度的：--prior-final 应为 %d 年度的决算主输入文件", e.File, e.Year, e.Budget, e.Budget-1)
}

// ReadInput decodes a master input at path with the catalog given.
func ReadInput(catalog *input.Catalog, path string) (*input.Document, error) {
	data, err := input.ReadRegular(path, input.MaxFileSize)
	if err != nil {
		return nil, &input.Error{File: path, Msg: "无法读取：" + err.Error(), Err: err}
	}
	return input.Decode(path, data, catalog)
}

// FinalFrom is the 决算 of the year of budget, a 预算's master input, as a
// clerk starts it: layout FinalLayout; the department, 概况, units and code
// names of the 预算; final.budgets the 预算's 当年 lines (not 上年结转),
// one per 项 and source, each's 年初预算 its basic + project; final's
// “三公” budget the 预算's 财政拨款 “三公”; the expenditure lines, the
// economic lines, the “三公” and 机关运行经费 kept with their money
// cleared (the clerk fills in the 决算数); subject purposes' texts
// carried without their 上年执行数; procurement, assets and reasons left
// for the clerk. prior, when not nil, is last year's 决算: prior_year is
// its figures (PriorFromFinal). A budget that is a 决算 is a
// *NotBudgetError; a prior that is not last year's 决算 a
// *PriorFinalError.
func FinalFrom(budget, prior *input.Document) (*input.Document, input.FormatOptions, error) {
	if IsFinal(budget) {
		return nil, input.FormatOptions{}, &NotBudgetError{File: budget.File, Layout: budget.LayoutOf()}
	}
	if prior != nil && !IsFinal(prior) {
		return nil, input.FormatOptions{}, &PriorFinalError{File: prior.File, Layout: prior.LayoutOf(), Year: prior.Year, Budget: budget.Year}
	}
	if prior != nil && prior.Year != budget.Year-1 {
		return nil, input.FormatOptions{}, &PriorFinalError{File: prior.File, Year: prior.Year, Budget: budget.Year}
	}
	doc := &input.Document{
		Schema: input.SchemaVersion, Year: budget.Year, AmountUnit: budget.AmountUnit, Layout: input.Text{Value: FinalLayout},
		Department: budget.Department, Overview: budget.Overview, CodeNames: budget.CodeNames, Units: budget.Units,
		Purposes: carriedPurposes(budget.Purposes, nil),
	}
	doc.Expenditures = clearedLines(budget.Expenditures)
	for _, l := range budget.BasicByEcon {
		l.Amount = set(zero)
		doc.BasicByEcon = append(doc.BasicByEcon, l)
	}
	tp := budget.ThreePublic
	doc.ThreePublic = input.ThreePublic{
		OutboundTravel: cleared(tp.OutboundTravel), Reception: cleared(tp.Reception),
		VehiclePurchase: cleared(tp.VehiclePurchase), VehicleOperation: cleared(tp.VehicleOperation),
	}
	for _, oc := range budget.OperCosts {
		oc.Amount = cleared(oc.Amount)
		doc.OperCosts = append(doc.OperCosts, oc)
	}
	doc.Final.Budgets = InitialBudgets(budget)
	doc.Final.ThreePublicBudget = input.PriorThreePublic{
		OutboundTravel: set(tp.OutboundTravel.Fiscal()), Reception: set(tp.Reception.Fiscal()),
		VehiclePurchase: set(tp.VehiclePurchase.Fiscal()), VehicleOperation: set(tp.VehicleOperation.Fiscal()),
	}

	base := filepath.Base(budget.File)
	year := fmt.Sprintf("%d年", budget.Year)
	o := input.FormatOptions{
		Publication: "部门决算公开",
		Header: []string{
			fmt.Sprintf("由 %s（%s度预算）生成的%s度决算：年初预算已按预算文件填入 final.budgets 和", base, year, year),
			"final.three_public_budget；支出等各行保留预算的科目和资金来源，金额已清零，请填写决算数。",
		},
		Comments: map[string][]string{
			"overview":                  {"沿用" + year + "预算的文字：请按决算的口径修改。"},
			"units":                     {"沿用" + year + "预算的预算单位：请核对。"},
			"expenditures":              {"以下为" + year + "预算的支出科目和资金来源，金额已清零：请按决算填写（basic、project，以及 remit 上缴上级支出、operation 经营支出、affiliate_subsidy 对附属单位补助支出）；没有支出的科目整行删除，预算中没有而有支出的科目加一行。"},
			"basic_by_economic":         {"以下为" + year + "预算的经济分类科目，金额已清零：请按一般公共预算财政拨款基本支出的决算数填写。"},
			"three_public":              {"“三公”经费的决算数（财政拨款），金额已清零；预算数在 final.three_public_budget。"},
			"final.budgets":             {"由 " + base + " 填入：每个科目和资金来源一行，年初预算 = 当年预算的基本支出 + 项目支出（不含上年结转）；年中调整过预算的，请填写 adjusted（全年预算）。"},
			"final.three_public_budget": {"由 " + base + " 填入：" + year + "“三公”经费的财政拨款预算。"},
		},
		Todo: []string{
			"支出各行、经济分类、“三公”经费、机关运行经费的决算数（已清零）",
			"final.revenue：本年收入，按科目和收入类别",
			"final.balances、final.non_fiscal：年初、年末结转和结余",
			"procurement、assets：政府采购金额（以合同签订为准）和截至年末的国有资产（已清空）",
			"reasons、final.reasons：增减变动和决算数与预算数不同的原因（已清空）",
		},
		LayoutKeys: finalInputKeys(),
	}
	if len(doc.Purposes) > 0 {
		o.Comments["subject_purposes"] = []string{"沿用" + year + "预算各科目的用途：请核对；决算数与年初预算不同的科目，请填写 variance_reason（主要原因）。"}
	}
	if prior != nil {
		doc.PriorYear = PriorFromFinal(prior)
		o.Comments["prior_year"] = []string{
			"由 " + filepath.Base(prior.File) + fmt.Sprintf("（%d年度决算）", prior.Year) + "算出：total 为其收入支出总计（各支出行的决算数 + 结余分配 + 年末结转和结余），",
			"fiscal 为其财政拨款收入支出总计（财政拨款各行的决算数 + 年末财政拨款结转和结余），general_public 为其一般公共预算",
			"财政拨款支出，three_public 各项和 operating_costs 为其“三公”经费和机关运行经费的决算数（财政拨款）。",
		}
	} else {
		o.Comments["prior_year"] = []string{fmt.Sprintf("上年数是 %d 年度的决算数：请按上年公开的决算填写（或用 --prior-final 由上年的决算文件算出）；不知道的不要写。", budget.Year-1)}
		o.Todo = append(o.Todo, "prior_year：上年的决算数")
	}
	return doc, o, nil
}

// clearedLines are a 预算's expenditure lines as a 决算's: one a 项,
// source and income kind (a 决算 does not tell 上年结转 from 当年), in the
// order they first appear, each with the amounts any of its lines sets
// cleared to 0.
func clearedLines(lines []input.Expenditure) []input.Expenditure {
	var out []input.Expenditure
	at := map[string]int{}
	for _, e := range lines {
		key := fmt.Sprintf("%s|%d|%s", e.Code.Value, e.Src, e.Income.Value)
		i, seen := at[key]
		if !seen {
			i = len(out)
			at[key] = i
			c := input.Expenditure{Code: e.Code, Name: e.Name, Src: e.Src, Income: e.Income}
			if e.Src != input.DefaultSource {
				c.Source = input.Text{Value: e.Src.Key()}
			}
			out = append(out, c)
		}
		c := &out[i]
		if e.Basic.Set {
			c.Basic = set(zero)
		}
		if e.Project.Set {
			c.Project = set(zero)
		}
		if c.Name.Value == "" {
			c.Name = e.Name
		}
	}
	return out
}

// InitialBudgets are the 年初预算 of a 预算's 当年 lines (not 上年结转),
// one a 项 and source in the order they first appear: basic + project,
// summed over the lines of each (of different income kinds), exactly.
func InitialBudgets(budget *input.Document) []input.FinalBudget {
	var out []input.FinalBudget
	at := map[string]int{}
	for _, e := range budget.Expenditures {
		if e.Carryover {
			continue
		}
		key := fmt.Sprintf("%s|%d", e.Code.Value, e.Src)
		i, seen := at[key]
		if !seen {
			i = len(out)
			at[key] = i
			b := input.FinalBudget{Code: input.Text{Value: e.Code.Value}, Src: e.Src, Initial: set(zero)}
			if e.Src != input.DefaultSource {
				b.Source = input.Text{Value: e.Src.Key()}
			}
			out = append(out, b)
		}
		out[i].Initial = set(out[i].Initial.Value.Add(e.Basic.Value).Add(e.Project.Value))
	}
	return out
}

// PriorFromFinal is the prior_year block of the year after a 决算, from
// its own figures: total its 收入支出总计 (table 1's, as 支出: every line's
// 决算数, 结余分配 and the 年末结转和结余, 财政拨款 and not), fiscal its
// 财政拨款收入支出总计 (table 4's: the 财政拨款 lines' 决算数 and the 年末
// 财政拨款结转和结余), general_public its 一般公共预算财政拨款支出, the
// “三公” items and 机关运行经费 their 财政拨款 决算数.
func PriorFromFinal(last *input.Document) input.PriorYear {
	total, fiscal, general := decimal.Zero, decimal.Zero, decimal.Zero
	for _, e := range last.Expenditures {
		spent := e.SpentTotal()
		total = total.Add(spent)
		if e.Src.Fiscal() {
			fiscal = fiscal.Add(spent)
		}
		if e.Src == input.GeneralPublic {
			general = general.Add(spent)
		}
	}
	f := last.Final
	for _, b := range f.Balances {
		total = total.Add(b.Closing.Value)
		fiscal = fiscal.Add(b.Closing.Value)
	}
	total = total.Add(f.NonFiscal.Closing.Value).Add(f.NonFiscal.Distribution.Value)
	operating := decimal.Zero
	for _, oc := range last.OperCosts {
		operating = operating.Add(oc.Amount.Fiscal())
	}
	tp := last.ThreePublic
	return input.PriorYear{
		Total: set(total), Fiscal: set(fiscal), GeneralPublic: set(general),
		ThreePublic: input.PriorThreePublic{
			OutboundTravel: set(tp.OutboundTravel.Fiscal()), Reception: set(tp.Reception.Fiscal()),
			VehiclePurchase: set(tp.VehiclePurchase.Fiscal()), VehicleOperation: set(tp.VehicleOperation.Fiscal()),
		},
		OperatingCosts: set(operating),
	}
}
