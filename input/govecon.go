package input

// GovEconomicOf is the 政府预算经济分类 款 a 部门预算经济分类 款 usually
// corresponds to (30101 基本工资 → 50101 工资奖金津补贴, 30201 办公费 →
// 50201 办公经费), for a table that prints the 部门预算经济分类 only (an
// import says it uses this rule); "" for a class without one.
func GovEconomicOf(dept string) string {
	if g, ok := govByDept[dept]; ok {
		return g
	}
	if len(dept) < 3 {
		return ""
	}
	return govByClass[dept[:3]]
}

// govByDept is the 政府预算经济分类 款 a 部门预算经济分类 款 corresponds to,
// where it is not its class's (govByClass).
var govByDept = map[string]string{
	"30108": "50102", "30109": "50102", "30110": "50102", "30111": "50102", "30112": "50102", "30113": "50103", "30199": "50199",
	"30212": "50207", "30213": "50209", "30215": "50202", "30216": "50203", "30217": "50206", "30218": "50204",
	"30226": "50205", "30227": "50205", "30231": "50208", "30299": "50299",
	"30301": "50905", "30302": "50905", "30399": "50999",
	"31001": "50301", "31006": "50307", "31013": "50303", "31099": "50399",
}

// govByClass is the 政府预算经济分类 款 of a 部门预算经济分类 类's other 款.
var govByClass = map[string]string{"301": "50101", "302": "50201", "303": "50901", "310": "50306"}
