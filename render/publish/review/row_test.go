package review

import (
	"fmt"
	"strings"

	"github.com/budgetpub/budgetpub/input"
	"github.com/budgetpub/budgetpub/render"
	"github.com/shopspring/decimal"
)

// Row is a department of a test's run with the fields of publish.Row the
// review reads, made an Entry as publish makes it (publish's
// TestEntryChanges and TestEntryFailedBlank hold publish to the same).
type Row struct {
	File, Department, Code, Fingerprint   string
	Year                                  int
	Total, GeneralPublic, Basic, Project  decimal.Decimal
	ThreePublic, OperatingCosts           decimal.Decimal
	Travel, Reception                     decimal.Decimal
	VehiclePurchase, VehicleOperation     decimal.Decimal
	PriorTotal, PriorGP                   render.Prior
	PriorThreePublic, PriorOperatingCosts render.Prior
	Projects, GoalForms                   int
	Warnings, Errors, Incomplete          int
	Findings                              []render.Finding
	InputErrors                           input.Errors
	Outputs, Problem, MovedTo             string
	Done, Unreached, Fault, Figures       bool
}

func (r Row) status() string {
	switch {
	case r.Unreached:
		return StatusUnreached
	case r.Fault:
		return StatusFault
	case r.Done && (r.Errors > 0 || r.Incomplete > 0):
		return StatusDraft
	case r.Done:
		return string(render.StatusPublishable)
	case r.Errors > 0:
		return string(render.StatusErrors)
	case r.Incomplete > 0:
		return string(render.StatusIncomplete)
	}
	return StatusNotDone
}

func (r Row) ids() string {
	counts, order := map[string]int{}, []string{}
	for _, f := range r.Findings {
		id := string(f.ID)
		if counts[id] == 0 {
			order = append(order, id)
		}
		counts[id]++
	}
	for i, id := range order {
		if counts[id] > 1 {
			order[i] += fmt.Sprintf("×%d", counts[id])
		}
	}
	return strings.Join(order, "、")
}

func (r Row) entry() Entry {
	d := Department{
		File: r.File, Name: r.Department, Code: r.Code, Fingerprint: r.Fingerprint,
		Total: Of(r.Total), TotalChange: Change(r.Total, r.PriorTotal), TotalPct: Percent(r.Total, r.PriorTotal),
		GP: Of(r.GeneralPublic), GPChange: Change(r.GeneralPublic, r.PriorGP), GPPct: Percent(r.GeneralPublic, r.PriorGP),
		Basic: Of(r.Basic), Project: Of(r.Project),
		ThreePublic: Of(r.ThreePublic), TPChange: Change(r.ThreePublic, r.PriorThreePublic), TPPct: Percent(r.ThreePublic, r.PriorThreePublic),
		Travel: Of(r.Travel), Reception: Of(r.Reception), VehicleBuy: Of(r.VehiclePurchase), VehicleRun: Of(r.VehicleOperation),
		Operating: Of(r.OperatingCosts), OpChange: Change(r.OperatingCosts, r.PriorOperatingCosts), OpPct: Percent(r.OperatingCosts, r.PriorOperatingCosts),
		Projects: Of(r.Projects), GoalForms: Of(r.GoalForms),
		Warnings: Of(r.Warnings), Incomplete: Of(r.Incomplete), Errors: Of(r.Errors),
		IDs: r.ids(), Status: r.status(), Outputs: r.Outputs, MovedTo: r.MovedTo,
	}
	if !r.Done {
		d.Outputs = r.Problem
	}
	if r.Year > 0 {
		d.Year = Of(r.Year)
	}
	if !r.Unreached {
		d.Runs = Of(1)
	}
	if !r.Figures {
		d.BlankFigures()
	}
	return Entry{Row: d, InputErrors: r.InputErrors, Findings: r.Findings}
}

func entriesOf(rows []Row) []Entry {
	out := make([]Entry, len(rows))
	for i := range rows {
		out[i] = rows[i].entry()
	}
	return out
}

// summaryOf is the review workbook of the rows.
func summaryOf(rows []Row, cov Coverage) ([]byte, error) { return Summary(entriesOf(rows), cov) }

func decimalOf(s string) decimal.Decimal { return decimal.RequireFromString(s) }
