package shanghai9

import (
	"fmt"
	"strings"

	"github.com/budgetpub/budgetpub/input"
	"github.com/budgetpub/budgetpub/render"
)

// AssetsWording is the data of 五、国有资产占有使用情况: the vehicles held
// as of a date by Shanghai's categories, the equipment of 100万元 or more,
// and what the year's budget buys. A figure nobody gave is a mark.
type AssetsWording struct {
	Year                      int
	Dept, AsOf                string
	Vehicles, Equipment       string // 12辆, 0台（套）, or a mark
	VehicleKinds              string // 部级领导干部用车0辆、主要领导干部用车1辆、…
	Planned, PlannedEquipment string
	PlannedKinds              string
	Budget                    string // 部门 or 单位 (部门预算安排购置…)
}

// vehicleKinds are the categories Shanghai lists, in its order; the two
// Shanxi kinds follow when a file gives them.
var vehicleKinds = []struct {
	name string
	of   func(k input.VehicleKinds) input.Count
}{
	{"部级领导干部用车", func(k input.VehicleKinds) input.Count { return k.MinisterialLeader }},
	{"主要领导干部用车", func(k input.VehicleKinds) input.Count { return k.MainLeader }},
	{"机要通信用车", func(k input.VehicleKinds) input.Count { return k.Confidential }},
	{"应急保障用车", func(k input.VehicleKinds) input.Count { return k.Emergency }},
	{"执法执勤用车", func(k input.VehicleKinds) input.Count { return k.LawEnforcement }},
	{"特种专业技术用车", func(k input.VehicleKinds) input.Count { return k.SpecialTechnical }},
	{"离退休干部用车", func(k input.VehicleKinds) input.Count { return k.RetiredCadres }},
	{"其他用车", func(k input.VehicleKinds) input.Count { return k.Other }},
	{"领导用车", func(k input.VehicleKinds) input.Count { return k.Leader }},
	{"事业单位业务用车", func(k input.VehicleKinds) input.Count { return k.InstitutionBusiness }},
}

// kindList is Shanghai's list of a count per category. Of the vehicles
// held (all: true) each of its eight is listed, one not given as 0 — the
// held are checked to be the sum of the categories given (sh-vehicles), so
// the others are none — and the two others only when given; of a planned
// purchase, which has no total of its own, only the categories given.
func kindList(k input.VehicleKinds, all bool) string {
	var out []string
	for i, c := range vehicleKinds {
		n := c.of(k)
		if !n.Set && (!all || i >= 8) {
			continue
		}
		out = append(out, fmt.Sprintf("%s%d辆", c.name, n.Value))
	}
	return strings.Join(out, "、")
}

// assetsWording gathers 五's figures, marking what nobody gave.
func assetsWording(v variant, b *render.Builder) AssetsWording {
	d := b.Doc
	a := d.Assets
	who := strings.TrimPrefix(v.prefix, "预算")
	w := AssetsWording{Year: d.Year, Dept: d.Department.Name.Value, Budget: who}
	count := func(c input.Count, unit, what, path string) string {
		if c.Set {
			return fmt.Sprintf("%d%s", c.Value, unit)
		}
		return b.Unknown(render.UnknownAssets, what, path, a.Pos)
	}
	if render.Given(a.AsOf) {
		y, rest, _ := strings.Cut(a.AsOf.Value, "-")
		m, day, _ := strings.Cut(rest, "-")
		w.AsOf = y + "年" + strings.TrimPrefix(m, "0") + "月" + strings.TrimPrefix(day, "0") + "日"
	} else {
		w.AsOf = b.Unknown(render.UnknownAssets, "国有资产的统计日期", "assets.as_of", a.Pos)
	}
	w.Vehicles = count(a.Vehicles.Actual, "辆", "实有车辆数", "assets.vehicles.actual")
	w.VehicleKinds = kindList(a.Vehicles.Kinds(), true)
	w.Equipment = count(a.EquipmentOver1m, "台（套）", "单价100万元（含）以上设备的台（套）数", "assets.equipment_over_1m")
	pp := a.PlannedPurchases
	if pp.Vehicles.Given() {
		w.Planned = fmt.Sprintf("%d辆", pp.Vehicles.KindsTotal())
		w.PlannedKinds = kindList(pp.Vehicles, false)
	} else {
		w.Planned = b.Unknown(render.UnknownAssets, "本年预算安排购置的车辆", "assets.planned_purchases.vehicles", a.Pos)
	}
	w.PlannedEquipment = count(pp.EquipmentOver1m, "台（套）", "本年预算安排购置的单价100万元（含）以上设备", "assets.planned_purchases.equipment_over_1m")
	return w
}
