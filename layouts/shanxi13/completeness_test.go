package shanxi13

import (
	"strings"
	"testing"

	"github.com/budgetpub/budgetpub/render"
)

// Each completeness finding fires where its statement is missing (or the
// text is what it looks for), at the place given, and not once it is given.
func TestCompletenessFindings(t *testing.T) {
	if fs := check(t, "base.yaml", base); len(fs) != 0 {
		t.Fatalf("the base input has findings: %v", fs)
	}
	cases := []struct {
		name, from, to string
		id             render.CheckID
		sev            render.Severity
		path           string
	}{
		{"概况 missing", "overview: {duties: 负责核对工作。, organization: 内设机关和中心。}\n", "", "unknown-overview", render.SeverityIncomplete, "overview.duties"},
		{"概况 blank", "duties: 负责核对工作。", "duties: \"  \"", "unknown-overview", render.SeverityIncomplete, "overview.duties"},
		{"unit kind missing", "{name: 中心, kind: institution}", "{name: 中心}", "unknown-unit-kind", render.SeverityIncomplete, "units[1].kind"},
		{"category missing", "amounts: 20.00, category: other_operating}", "amounts: 20.00}", "unknown-category", render.SeverityIncomplete, "projects[0].category"},
		{"reason missing", ", operating_costs_change: 新增一处办公场所的运行费用}", "}", "reason-missing", render.SeverityIncomplete, "reasons.operating_costs_change"},
		{"procurement missing", "procurement: {goods: 10.00, works: 0, services: 5.00}\n", "", "unknown-procurement", render.SeverityIncomplete, "procurement"},
		{"procurement partly", "procurement: {goods: 10.00, works: 0, services: 5.00}", "procurement: {goods: 10.00, services: 5.00}", "unknown-procurement", render.SeverityIncomplete, "procurement"},
		{"overall goal amount", "{name: 机关, kind: administrative}", "{name: 机关, kind: administrative, overall_goal: true}", "unknown-overall-goal", render.SeverityIncomplete, "performance.overall_goal_amount"},
		{"assets missing", "assets:\n  as_of: 2023-12-31\n  vehicles: {quota: 2, actual: 2, leader: 1, other: 1}\n", "", "unknown-assets", render.SeverityIncomplete, "assets"},
		{"assets without a date", "  as_of: 2023-12-31\n", "", "unknown-assets", render.SeverityIncomplete, "assets.as_of"},
		{"notes missing", "notes: {purchase_of_services: 无, other: 无}", "notes: {other: 无}", "unknown-notes", render.SeverityIncomplete, "notes.purchase_of_services"},
		{"carried goal form", "performance_goal: {}", "performance_goal: {carried_from: 2023年}", "unreviewed-goal", render.SeverityIncomplete, "projects[1].performance_goal.carried_from"},
		{"skeleton text", "duties: 负责核对工作。", "duties: （在此填写本部门职责。）", "skeleton-text", render.SeverityIncomplete, "overview.duties"},
		{"last year's budget", "organization: 内设机关和中心。", "organization: 纳入2023年部门预算编制范围的单位两个。", "stale-year", render.SeverityWarning, "overview.organization"},
		{"last year without a service", "notes: {purchase_of_services: 无, other: 无}", "notes: {purchase_of_services: 本部门2023年无政府购买服务项目, other: 无}", "stale-year", render.SeverityWarning, "notes.purchase_of_services"},
		{"a prior year in 元", "  total: 120.00", "  total: 1350000.00", "prior-implausible", render.SeverityWarning, "prior_year.total"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if !strings.Contains(base, c.from) {
				t.Fatalf("base lacks %q", c.from)
			}
			var got []render.Finding
			for _, f := range check(t, "case.yaml", strings.Replace(base, c.from, c.to, 1)) {
				if f.ID == c.id && f.Path == c.path {
					got = append(got, f)
				}
			}
			if len(got) != 1 {
				t.Fatalf("%d %s findings at %q", len(got), c.id, c.path)
			}
			if f := got[0]; f.Severity != c.sev || f.Line == 0 || f.File != "case.yaml" {
				t.Errorf("finding %+v, want %s", f, c.sev)
			}
		})
	}
	// Last year named for what happened in it is not a stale text.
	for _, f := range check(t, "case.yaml", strings.Replace(base, "organization: 内设机关和中心。", "organization: 2023年10月经批准更名，内设机关和中心。", 1)) {
		t.Errorf("a text naming last year's event: %v", f)
	}
	// A budget of nothing but zeros.
	zero := strings.NewReplacer("basic: 100.00, project: 30.00", "basic: 0, project: 0", "project: 5.00}", "project: 0}",
		"amount: 90.00", "amount: 0", "amount: 10.00", "amount: 0", "amounts: 20.00", "amounts: 0", "amounts: 10.00", "amounts: 0",
		"amounts: 5.00", "amounts: 0", "three_public: {reception: 2.00, vehicle_operation: 3.00}", "three_public: {}",
		"goods: 10.00", "goods: 0", "services: 5.00", "services: 0").Replace(base)
	ids := map[render.CheckID]bool{}
	for _, f := range check(t, "zero.yaml", zero) {
		ids[f.ID] = true
	}
	if !ids["all-zero"] {
		t.Errorf("an all-zero budget: %v", ids)
	}
}
