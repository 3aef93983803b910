package shanghai9

import (
	"github.com/budgetpub/budgetpub/render"
	"github.com/shopspring/decimal"
)

// The columns of table 9.
const (
	colVehicles  render.ColKey = "vehicles"          // 公务用车购置及运行费 小计
	colPurchase  render.ColKey = "vehicle_purchase"  // 购置费
	colOperation render.ColKey = "vehicle_operation" // 运行费
	colTravel    render.ColKey = "outbound_travel"   // 因公出国(境)费
	colReception render.ColKey = "reception"         // 公务接待费
	colOperating render.ColKey = "operating_costs"   // 机关运行经费预算数
)

// threePublicDecl declares table 9, “三公”经费和机关运行经费预算表: one row of
// seven figures in 万元 (财政拨款), no row label.
func threePublicDecl(v variant) *render.TableDecl {
	tp, oc := "“三公”经费预算数", "机关运行经费预算数"
	if v.unit {
		tp, oc = "{year}年“三公”经费预算数", "{year}年机关运行经费预算数"
	}
	title := v.prefix + "“三公”经费和机关运行经费预算表"
	if v.unit {
		// A unit's table 9 is 单位“三公”经费和机关运行经费预算表, no year.
		title = "单位“三公”经费和机关运行经费预算表"
	}
	return &render.TableDecl{
		ID: S9, Number: 9, Title: title, Yearless: v.unit,
		Columns: []render.Column{col(render.ColTotal, render.KindAmount), col(colTravel, render.KindAmount), col(colReception, render.KindAmount),
			col(colVehicles, render.KindAmount), col(colPurchase, render.KindAmount), col(colOperation, render.KindAmount), col(colOperating, render.KindAmount)},
		HeaderRows: 3,
		Header: []render.HeaderCell{
			hc(0, 0, 1, 6, tp), hc(0, 6, 3, 1, oc),
			hc(1, 0, 2, 1, "合计"), hc(1, 1, 2, 1, "因公出国(境)费"), hc(1, 2, 2, 1, "公务接待费"), hc(1, 3, 1, 3, "公务用车购置及运行费"),
			hc(2, 3, 1, 1, "小计"), hc(2, 4, 1, 1, "购置费"), hc(2, 5, 1, 1, "运行费"),
		},
		Unit:         "万元",
		Presentation: render.Presentation{SheetName: sheet(9), UnitLabel: "单位:", NumberFormat: &render.NumberFormat{Decimals: 2}},
		Import:       render.TableImport{Rows: render.ReadOneRow, RowTotal: render.ColTotal, RowParts: []render.ColKey{colTravel, colReception, colVehicles}},
		Build:        table9,
	}
}

// table9's one row: “三公” by item and 机关运行经费, each of 财政拨款, in 万元.
func table9(b *render.Builder, t *render.Table) {
	tp := b.Doc.ThreePublic
	travel, reception := tp.OutboundTravel.Fiscal(), tp.Reception.Fiscal()
	purchase, operation := tp.VehiclePurchase.Fiscal(), tp.VehicleOperation.Fiscal()
	vehicles := purchase.Add(operation)
	operating := decimal.Zero
	for _, o := range b.Doc.OperCosts {
		operating = operating.Add(o.Amount.Fiscal())
	}
	var tl render.TailCheck
	tl.Check(vehicles, purchase, operation)
	tl.Check(travel.Add(reception).Add(vehicles), travel, reception, vehicles)
	t.Rows = []render.Row{render.AmountRow(render.RowTotal, 0, render.TotalRow, nil,
		[]decimal.Decimal{travel.Add(reception).Add(vehicles), travel, reception, vehicles, purchase, operation, operating})}
	tl.Finish(t, false)
}
