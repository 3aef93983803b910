package html

import (
	"github.com/budgetpub/budgetpub/render"
)

// fact is one of the publication's key figures: shown as printed (in
// 万元, two decimals, grouped) and given as a <data value> of the same
// figure without separators (the exact sums are the JSON's).
type fact struct {
	Name, Value, Printed string
}

// facts are the summary's figures the layout gives, in 万元 (as
// render.Summary holds them), in a fixed order.
func facts(s *render.Summary) []fact {
	if s == nil {
		return nil
	}
	var out []fact
	for _, f := range []struct {
		name string
		k    render.Known
	}{
		{"收支总计", s.Total},
		{"一般公共预算财政拨款支出", s.GeneralPublic},
		{"基本支出", s.Basic},
		{"项目支出", s.Project},
		{"“三公”经费", s.ThreePublic},
		{"因公出国（境）费", s.Travel},
		{"公务接待费", s.Reception},
		{"公务用车购置费", s.VehiclePurchase},
		{"公务用车运行维护费", s.VehicleOperation},
		{"机关运行经费", s.OperatingCosts},
		{"一般公共预算年初预算", s.Budget},
		{"“三公”经费年初预算", s.ThreePublicBudget},
	} {
		if !f.k.Set {
			continue
		}
		out = append(out, fact{Name: f.name, Value: render.Round(f.k.Value).StringFixed(2), Printed: render.FormatAmount(f.k.Value)})
	}
	return out
}

// file is a file beside the page it links to.
type file struct {
	Href, Name, Format, Label string
}

// files are the open data files and the pair, those written.
func files(o Options) []file {
	var out []file
	for _, f := range []file{
		{Name: o.JSON, Format: "application/json", Label: "开放数据（JSON）"},
		{Name: o.CSV, Format: "text/csv", Label: "开放数据（CSV）"},
		{Name: o.PDF, Format: "application/pdf", Label: "PDF 版"},
		{Name: o.Workbook, Format: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", Label: "Excel 工作簿"},
	} {
		if f.Name == "" {
			continue
		}
		f.Href = href(f.Name)
		out = append(out, f)
	}
	return out
}

// openData tells whether the file is open data (a distribution of the
// Dataset).
func (f file) OpenData() bool { return f.Format == "application/json" || f.Format == "text/csv" }
