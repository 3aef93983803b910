package render

// CheckID names a kind of finding. It is stable: the review's 核对结果编号,
// check --json, the workbench and docs/checks.md say it. Every id a check
// may give is declared here once, with what it checks (checkIDs); a test
// holds docs/checks.md to the same list.
type CheckID string

// The ids of shanxi-13's checks between tables and on the input.
const (
	CheckT12T3Project   CheckID = "T12-T3-project"
	CheckT13T1Carryover CheckID = "T13-T1-carryover"
	CheckT12Units       CheckID = "T12-units"
	CheckT6T5Basic      CheckID = "T6-T5-basic"
	CheckT11T6Public    CheckID = "T11-T6-public"
	CheckT10Items       CheckID = "T10-items"
	CheckT10Sources     CheckID = "T10-sources"
	CheckT6T10Items     CheckID = "T6-T10-items"
	CheckProcurement    CheckID = "procurement"
	CheckPriorYear      CheckID = "prior-year"
	CheckVehicles       CheckID = "vehicles"
	CheckPerformance    CheckID = "performance"
)

// The ids of the checks on the clerk's texts.
const (
	CheckTextPlaceholder CheckID = "text-placeholder"
	CheckTextPunctuation CheckID = "text-punctuation"
	CheckTextHalfwidth   CheckID = "text-halfwidth"
	CheckReasonDirection CheckID = "reason-direction"
)

// The ids of what nobody gave (completeness.go) and of what looks left over.
const (
	UnknownOverview    CheckID = "unknown-overview"
	UnknownUnitKind    CheckID = "unknown-unit-kind"
	UnknownCategory    CheckID = "unknown-category"
	UnknownProcurement CheckID = "unknown-procurement"
	UnknownOverallGoal CheckID = "unknown-overall-goal"
	UnknownAssets      CheckID = "unknown-assets"
	UnknownNotes       CheckID = "unknown-notes"
	ReasonMissing      CheckID = "reason-missing"
	UnreviewedGoal     CheckID = "unreviewed-goal"
	SkeletonText       CheckID = "skeleton-text"
	AllZero            CheckID = "all-zero"
	StaleYear          CheckID = "stale-year"
	PriorImplausible   CheckID = "prior-implausible"
	PriorNotFound      CheckID = "prior-not-found" // a batch's note: last year's file not found (--prior-dir)
	InputError         CheckID = "input"           // the review's id of an input's error (decoding, validation)
)

// checkInfo is what every finding of one id shares: what it checks (in
// Chinese), whether it relates tables' figures, and the table whose total
// it concerns, when one does (a workbook's finding is placed at that
// table's total cell).
type checkInfo struct {
	about    string
	relation bool
	table    TableID
}

// checkIDs are the declared ids.
var checkIDs = map[CheckID]checkInfo{
	CheckT12T3Project:    {about: "表12 项目合计 = 表3 当年项目支出", table: T12, relation: true},
	CheckT13T1Carryover:  {about: "表13 合计 = 上年结转的项目支出", table: T13, relation: true},
	CheckT12Units:        {about: "表12、表13 中每个单位的小计 = 该单位各项目之和", table: T12, relation: true},
	CheckT6T5Basic:       {about: "表6 合计 = 表5 基本支出（一般公共预算、当年）", relation: true},
	CheckT11T6Public:     {about: "表11 = 表6 中行政单位和参公单位的公用经费", relation: true},
	CheckT10Items:        {about: "表10 各项之和", table: T10, relation: true},
	CheckT10Sources:      {about: "“三公”经费中某一资金来源 ≤ 该来源的预算", table: T10, relation: true},
	CheckT6T10Items:      {about: "表6 中“三公”对应的经济科目 ≤ 表10 的该项", relation: true},
	CheckProcurement:     {about: "政府采购预算总额 ≤ 支出总计"},
	CheckPriorYear:       {about: "每一句“比上年”都有上年数"},
	CheckVehicles:        {about: "实有车辆 = 各类车辆之和，≤ 编制数"},
	CheckPerformance:     {about: "公开绩效目标的项目个数 = 填写了绩效目标表的项目数"},
	CheckTextPlaceholder: {about: "文字中未替换的占位符"},
	CheckTextPunctuation: {about: "重复的标点"},
	CheckTextHalfwidth:   {about: "汉字之间的半角标点"},
	CheckReasonDirection: {about: "原因说明与数字方向相反"},
	UnknownOverview:      {about: "没有填写概况"},
	UnknownUnitKind:      {about: "没有填写单位类型"},
	UnknownCategory:      {about: "没有填写项目类别"},
	UnknownProcurement:   {about: "没有填写政府采购预算"},
	UnknownOverallGoal:   {about: "没有填写单位整体绩效目标涉及的资金"},
	UnknownAssets:        {about: "没有填写国有资产占有使用情况"},
	UnknownNotes:         {about: "没有填写其他说明"},
	ReasonMissing:        {about: "标题要求说明的增减原因没有填写"},
	UnreviewedGoal:       {about: "由上年沿用、尚未复核的绩效目标表"},
	SkeletonText:         {about: "空白模板的提示文字"},
	AllZero:              {about: "收支总计为 0"},
	StaleYear:            {about: "文字中说的是上一年的预算"},
	PriorImplausible:     {about: "上年数与本年相差十倍以上"},
	PriorNotFound:        {about: "--prior-dir 中没有本部门上年的文件"},
	InputError:           {about: "输入文件的错误（格式、必填、编码）"},
}

// CheckIDs are the declared ids.
func CheckIDs() []CheckID {
	out := make([]CheckID, 0, len(checkIDs))
	for id := range checkIDs {
		out = append(out, id)
	}
	return out
}

// Declared tells whether id is one of the declared ids.
func (id CheckID) Declared() bool { _, ok := checkIDs[id]; return ok }

// About is what the id checks, in Chinese ("" for an undeclared one).
func (id CheckID) About() string { return checkIDs[id].about }

// Relation tells whether the id's findings relate figures of tables (their
// Left and Right are tables' figures).
func (id CheckID) Relation() bool { return checkIDs[id].relation }

// Table is the table whose total the id's findings concern, "" for none.
func (id CheckID) Table() TableID { return checkIDs[id].table }
