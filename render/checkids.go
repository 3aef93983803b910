package render

import "sync"

// CheckID names a kind of finding. It is stable: the review's 核对结果编号,
// check --json, the workbench and docs/checks.md say it. Every id a check
// may give is declared here once, with what it checks (checkIDs); a test
// holds docs/checks.md to the same list.
type CheckID string

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
	UnknownPurpose     CheckID = "unknown-purpose" // a 项's purpose (主要用于……), where a layout says it
	// CheckBudgetFile: a 决算's 年初预算 that are not the 预算 file's
	// (check --budget); the 决算's layout declares what it checks, the
	// pipeline finds them (rollover.BudgetAgreement).
	CheckBudgetFile  CheckID = "f-budget-file"
	ReasonMissing    CheckID = "reason-missing"
	UnreviewedGoal   CheckID = "unreviewed-goal"
	SkeletonText     CheckID = "skeleton-text"
	AllZero          CheckID = "all-zero"
	StaleYear        CheckID = "stale-year"
	PriorImplausible CheckID = "prior-implausible"
	PriorNotFound    CheckID = "prior-not-found" // a batch's note: last year's file not found (--prior-dir)
	InputError       CheckID = "input"           // the review's id of an input's error (decoding, validation)
)

// CheckInfo is what every finding of one id shares: what it checks (in
// Chinese), whether it relates tables' figures, and the table whose total
// it concerns, when one does (a workbook's finding is placed at that
// table's total cell).
type CheckInfo struct {
	About    string
	Relation bool
	Table    TableID
	// Fix says how to give what an Unknown of this id lacks (the text after
	// 没有填写…：), for a layout's own unknowns.
	Fix string
}

// checkIDs are the declared ids.
var checkIDs = map[CheckID]CheckInfo{
	CheckTextPlaceholder: {About: "文字中未替换的占位符"},
	CheckTextPunctuation: {About: "重复的标点"},
	CheckTextHalfwidth:   {About: "汉字之间的半角标点"},
	CheckReasonDirection: {About: "原因说明与数字方向相反"},
	UnknownOverview:      {About: "没有填写概况"},
	UnknownUnitKind:      {About: "没有填写单位类型"},
	UnknownCategory:      {About: "没有填写项目类别"},
	UnknownProcurement:   {About: "没有填写政府采购预算"},
	UnknownOverallGoal:   {About: "没有填写单位整体绩效目标涉及的资金"},
	UnknownAssets:        {About: "没有填写国有资产占有使用情况"},
	UnknownNotes:         {About: "没有填写其他说明"},
	UnknownPurpose: {About: "没有填写科目的主要用途（单位预算：或上年当年预算执行数）",
		Fix: "请在 subject_purposes 中按科目填写主要用途 purpose（“主要用于……”）；单位预算另写上年当年预算执行数 prior_executed"},
	ReasonMissing:    {About: "标题要求说明的增减原因没有填写"},
	UnreviewedGoal:   {About: "由上年沿用、尚未复核的绩效目标表"},
	SkeletonText:     {About: "空白模板的提示文字"},
	AllZero:          {About: "收支总计为 0"},
	StaleYear:        {About: "文字中说的是上一年的预算"},
	PriorImplausible: {About: "上年数与本年相差十倍以上"},
	PriorNotFound:    {About: "--prior-dir 中没有本部门上年的文件"},
	InputError:       {About: "输入文件的错误（格式、必填、编码）"},
}

var checkIDsMu sync.RWMutex

// DeclareChecks declares a profile's own check ids with what each checks
// (at init, beside the profile's Register). An id declared twice is a
// programming error.
func DeclareChecks(ids map[CheckID]CheckInfo) {
	checkIDsMu.Lock()
	defer checkIDsMu.Unlock()
	for id, info := range ids {
		if _, ok := checkIDs[id]; ok {
			panic("render: check id " + string(id) + " declared twice")
		}
		checkIDs[id] = info
	}
}

func checkInfo(id CheckID) CheckInfo {
	checkIDsMu.RLock()
	defer checkIDsMu.RUnlock()
	return checkIDs[id]
}

// CheckIDs are the declared ids.
func CheckIDs() []CheckID {
	checkIDsMu.RLock()
	defer checkIDsMu.RUnlock()
	out := make([]CheckID, 0, len(checkIDs))
	for id := range checkIDs {
		out = append(out, id)
	}
	return out
}

// Declared tells whether id is one of the declared ids.
func (id CheckID) Declared() bool { return checkInfo(id) != CheckInfo{} }

// About is what the id checks, in Chinese ("" for an undeclared one).
func (id CheckID) About() string { return checkInfo(id).About }

// Relation tells whether the id's findings relate figures of tables (their
// Left and Right are tables' figures).
func (id CheckID) Relation() bool { return checkInfo(id).Relation }

// Table is the table whose total the id's findings concern, "" for none.
func (id CheckID) Table() TableID { return checkInfo(id).Table }
