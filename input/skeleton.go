package input

import "strings"

// skeletonHowTo is the skeleton's header: how to fill the file in.
var skeletonHowTo = []string{
	"",
	"这一个文件是整份公开材料的唯一数据来源：13张预算公开表、第三部分的说明文字、",
	"绩效目标表都由它计算生成，每个数字只填一次。",
	"",
	"怎么填：",
	"  1. 按下面各块的说明，把本部门预算系统导出的数字填进来；以 # 开头的是注释，",
	"     “# - {…}”“# key: …”是示例行：去掉行首的“# ”（和上一行末尾的 [] 或 {}）就成为有效的一行。",
	"  2. 金额只写数字（如 1249.45），不写千分位、不写“万元”；单位见 amount_unit。",
	"  3. 随时运行  budgetpub check 本文件.yaml  核对；有错会指出“文件:行:列”。",
	"  4. 最后运行  budgetpub render 本文件.yaml  生成 Excel 和 PDF。",
	"编辑器提示：运行 budgetpub schema > budgetpub-schema.json，放在本文件旁边，",
	"VS Code 等装有 YAML 插件的编辑器即可按第一行自动补全、检查每个键。",
}

// Skeleton is a complete, commented master input with every block and
// example lines (commented out) for a clerk to fill in: the Format of a
// minimal document with Examples. As it is, it decodes without error, and
// its check lists, as 需补填, everything a publication must state that it
// does not give yet (概况, the unit's kind, 政府采购, 国有资产, 其他说明, the
// figures): nothing is given for the clerk. name (某某部门 when empty) is
// the department's; its one unit has that name without a trailing [部门] or
// （部门）.
func Skeleton(year int, name string) []byte {
	return SkeletonWith(SkeletonOptions{Year: year, Name: name})
}

// SkeletonIn is Skeleton of a document that names its layout
// (init --layout).
func SkeletonIn(year int, name, layout string) []byte {
	return SkeletonWith(SkeletonOptions{Year: year, Name: name, Layout: layout})
}

// SkeletonOptions shape a skeleton.
type SkeletonOptions struct {
	Year int
	Name string // the department's; 某某部门 when empty
	// Layout is the layout the file names (DefaultLayout when empty).
	Layout string
	// LayoutKeys are the keys only some layouts use that the layout uses
	// (LayoutKeys; its profile declares them): shown with the others,
	// commented out, as FormatOptions.LayoutKeys.
	LayoutKeys []string
}

// SkeletonWith is the skeleton of a layout: Skeleton, naming the layout
// and showing the keys it uses.
func SkeletonWith(o SkeletonOptions) []byte {
	year, name, layout := o.Year, o.Name, o.Layout
	if layout == "" {
		layout = DefaultLayout
	}
	if name == "" {
		name = "某某部门"
	}
	zero := Amount{Set: true}
	gp := BySource{}
	gp.Amounts[DefaultSource] = zero
	doc := &Document{
		Schema:      SchemaVersion,
		Year:        year,
		AmountUnit:  "万元",
		Layout:      Text{Value: layout},
		Department:  Department{Name: Text{Value: name}},
		Units:       []Unit{{Name: Text{Value: unitName(name)}}},
		ThreePublic: ThreePublic{OutboundTravel: gp, Reception: gp, VehiclePurchase: gp, VehicleOperation: gp},
	}
	return Format(doc, FormatOptions{Header: skeletonHowTo, Examples: true, LayoutKeys: o.LayoutKeys})
}

// unitName is a department's name as the name of its own unit: without a
// trailing [部门] or （部门）, which name the department as a whole.
func unitName(dept string) string {
	for _, suffix := range []string{"[部门]", "（部门）", "【部门】", "(部门)"} {
		if u := strings.TrimRight(strings.TrimSuffix(dept, suffix), " "); u != dept && strings.TrimSpace(u) != "" {
			return u
		}
	}
	return dept
}
