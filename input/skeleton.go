package input

import (
	"bytes"
	"text/template"
)

// Skeleton is a complete, commented master input with every block and
// example lines (commented out) for a clerk to fill in. As it is, it
// decodes and checks clean: an empty publication.
func Skeleton(year int, name string) []byte {
	if name == "" {
		name = "某某部门"
	}
	var b bytes.Buffer
	if err := skeleton.Execute(&b, map[string]any{"Year": year, "Prior": year - 1, "Name": name}); err != nil {
		panic(err)
	}
	return b.Bytes()
}

var skeleton = template.Must(template.New("skeleton").Parse(`# yaml-language-server: $schema=budgetpub-schema.json
# {{.Name}} {{.Year}}年度部门预算公开 —— budgetpub 主输入文件
#
# 这一个文件是整份公开材料的唯一数据来源：13张预算公开表、第三部分的说明文字、
# 绩效目标表都由它计算生成，每个数字只填一次。
#
# 怎么填：
#   1. 按下面各块的说明，把本部门预算系统导出的数字填进来；以 # 开头的是注释，
#      “# - {…}”是示例行：去掉行首的“# ”就成为有效的一行。
#   2. 金额只写数字（如 1249.45），不写千分位、不写“万元”；单位见 amount_unit。
#   3. 随时运行  budgetpub check 本文件.yaml  核对；有错会指出“文件:行:列”。
#   4. 最后运行  budgetpub render 本文件.yaml  生成 Excel 和 PDF。
# 编辑器提示：运行 budgetpub schema > budgetpub-schema.json，放在本文件旁边，
# VS Code 等装有 YAML 插件的编辑器即可按第一行自动补全、检查每个键。

schema: 1                          # 格式版本，固定为 1
year: {{.Year}}                         # 预算年度
amount_unit: 万元                   # 金额单位：万元（最多两位小数）或 元（最多六位小数）

department:
  code: ""                         # 部门编码，如 "003"
  name: {{.Name}}                  # 部门名称：印在每张表的“部门名称：”之后
  region: ""                       # 地区，如 大同市（绩效目标表标题用）

# ── 第一部分 概况 ── 按原文分段，每段一行
overview:
  duties: |
    （在此填写本部门职责。）
  organization: |
    （在此填写机构设置情况。）

# ── 预算单位 ── 按公开顺序列出；kind: administrative 行政单位（含参公）| institution 事业单位
units:
  - {name: {{.Name}}, kind: administrative}
# - {name: 某某中心, kind: institution}

# ── 支出：表1—表5、表8、表9的唯一来源 ──
# 每行一个“项”级（7位）功能分类科目；同一科目、同一资金来源、同为当年或同为结转只写一行。
#   source: general_public 一般公共预算（默认）| government_fund 政府性基金预算
#           | state_capital 国有资本经营预算 | special_account 财政专户管理资金 | unit_funds 单位资金
#   carryover: true 表示上年结转资金；basic 基本支出，project 项目支出
expenditures: []
# - {code: "2010301", basic: 0.00}                    # 行政运行
# - {code: "2010399", project: 0.00}                  # 其他政府办公厅（室）及相关机构事务支出
# - {code: "2080505", basic: 0.00}                    # 机关事业单位基本养老保险缴费支出

# ── 表6 一般公共预算基本支出分经济科目 ── 部门经济分类款（dept）× 政府经济分类款（gov）
basic_by_economic: []
# - {dept: "30101", gov: "50101", amount: 0.00}       # 基本工资 / 工资奖金津补贴
# - {dept: "30201", gov: "50201", amount: 0.00}       # 办公费 / 办公经费

# ── 表7、表9 政府性基金、国有资本经营预算收入 ── 没有就留空列表
government_fund_revenue: []
state_capital_revenue: []

# ── 表12、表13 项目 ── 各单位项目合计须等于上面的项目支出（程序会核对）
projects: []
# - {unit: {{.Name}}, name: 某某项目, amounts: 0.00, category: other_operating}
#   category: other_operating 其他运转类 | specific_goal 特定目标类；上年结转项目加 carryover: true

# ── 表10 “三公”经费（财政拨款）──
three_public:
  outbound_travel: 0               # 因公出国（境）费
  reception: 0                     # 公务接待费
  vehicle_purchase: 0              # 公务用车购置费
  vehicle_operation: 0             # 公务用车运行维护费

# ── 表11 机关运行经费 ── 每个行政单位一行
operating_costs: []
# - {unit: {{.Name}}, amount: 0.00}

# ── 上年（{{.Prior}}年）预算数 ── 第三部分“比上年”各句的依据；不知道的项删掉，不要写 0
prior_year: {}
#  total: 0.00                     # 上年收支总计
#  general_public: 0.00            # 上年一般公共预算当年支出
#  three_public: {outbound_travel: 0, reception: 0, vehicle_purchase: 0, vehicle_operation: 0}
#  operating_costs: 0.00           # 上年机关运行经费

# ── 增减变动原因 ── 照原样插在计算出的数字之后
reasons: {}
#  total_change: 根据年度工作安排调整项目经费
#  operating_costs_change: 严格控制一般性支出

# ── 九、政府采购 ──
procurement: {goods: 0, works: 0, services: 0}

# ── 十一、国有资产 ──
assets: {}
#  as_of: {{.Prior}}-12-31
#  vehicles: {quota: 0, actual: 0, leader: 0, confidential: 0, emergency: 0,
#             law_enforcement: 0, special_technical: 0, institution_business: 0, other: 0}
#  office_area_m2: 0
#  equipment_over_500k: 0
#  equipment_over_1m: 0

# ── 十二、其他说明 ──
notes:
  purchase_of_services: ""         # （一）政府购买服务指导性目录
  other: 无                         # （二）其他
`))
