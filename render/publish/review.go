package publish

import (
	"github.com/budgetpub/budgetpub/render"
	"github.com/budgetpub/budgetpub/render/publish/review"
)

// A batch's review is package review's: publish gives it the batch's rows
// as entries (Row.entry) and re-exports what the commands call.

// entry is the row as the review records it: its 汇总 row — the changes
// on last year computed, the figures blank when they were never computed,
// the files written or the problem — and its errors and findings.
func (r Row) entry() review.Entry {
	d := review.Department{
		File: r.File, Name: r.Department, Layout: r.Layout, Code: r.Code, Fingerprint: r.Fingerprint,
		Total: review.Of(r.Total), TotalChange: review.Change(r.Total, r.PriorTotal), TotalPct: review.Percent(r.Total, r.PriorTotal),
		GP: review.Of(r.GeneralPublic), GPChange: review.Change(r.GeneralPublic, r.PriorGP), GPPct: review.Percent(r.GeneralPublic, r.PriorGP),
		Basic: review.Of(r.Basic), Project: review.Of(r.Project),
		ThreePublic: review.Of(r.ThreePublic), TPChange: review.Change(r.ThreePublic, r.PriorThreePublic), TPPct: review.Percent(r.ThreePublic, r.PriorThreePublic),
		Travel: review.Of(r.Travel), Reception: review.Of(r.Reception), VehicleBuy: review.Of(r.VehiclePurchase), VehicleRun: review.Of(r.VehicleOperation),
		Operating: review.Of(r.OperatingCosts), OpChange: review.Change(r.OperatingCosts, r.PriorOperatingCosts), OpPct: review.Percent(r.OperatingCosts, r.PriorOperatingCosts),
		GPBudget: review.Of(r.Budget), GPRate: review.Rate(r.GeneralPublic, r.Budget),
		TPBudget: review.Of(r.ThreePublicBudget), TPRate: review.Rate(r.ThreePublic, r.ThreePublicBudget),
		Projects: review.Of(r.Projects), GoalForms: review.Of(r.GoalForms),
		Warnings: review.Of(r.Warnings), Incomplete: review.Of(r.Incomplete), Errors: review.Of(r.Errors),
		IDs: r.IDs(), Status: r.Status(), Outputs: r.Outputs, MovedTo: r.MovedTo,
	}
	if !r.Done {
		d.Outputs = r.Problem
	}
	if r.Year > 0 {
		d.Year = review.Of(r.Year)
	}
	if !r.Unreached {
		d.Runs = review.Of(1)
	}
	if !r.Figures {
		d.BlankFigures() // never computed: blank, not 0.00
	}
	if s := r.Summary; s != nil { // a figure the layout has not: blank, not 0.00
		for _, x := range []struct {
			k    render.Known
			opts []*review.Amount
		}{
			{s.Total, []*review.Amount{&d.Total, &d.TotalChange, &d.TotalPct}}, {s.GeneralPublic, []*review.Amount{&d.GP, &d.GPChange, &d.GPPct}},
			{s.Basic, []*review.Amount{&d.Basic}}, {s.Project, []*review.Amount{&d.Project}},
			{s.ThreePublic, []*review.Amount{&d.ThreePublic, &d.TPChange, &d.TPPct}}, {s.Travel, []*review.Amount{&d.Travel}},
			{s.Reception, []*review.Amount{&d.Reception}}, {s.VehiclePurchase, []*review.Amount{&d.VehicleBuy}},
			{s.VehicleOperation, []*review.Amount{&d.VehicleRun}}, {s.OperatingCosts, []*review.Amount{&d.Operating, &d.OpChange, &d.OpPct}},
			{s.Budget, []*review.Amount{&d.GPBudget, &d.GPRate}}, {s.ThreePublicBudget, []*review.Amount{&d.TPBudget, &d.TPRate}},
		} {
			if !x.k.Set {
				for _, o := range x.opts {
					*o = review.Amount{}
				}
			}
		}
	}
	return review.Entry{Row: d, InputErrors: r.InputErrors, Findings: r.Findings}
}

func entries(rows []Row) []review.Entry {
	out := make([]review.Entry, len(rows))
	for i := range rows {
		out[i] = rows[i].entry()
	}
	return out
}

// WriteSummary writes the batch's review into dir, as name (SummaryName),
// updating the review already there (review.Write), and returns its path
// and what it says of a review it kept aside.
func WriteSummary(dir, name string, rows []Row, cov Coverage, ro *Roster, skipped []Skipped, h Heading) (path, note string, err error) {
	var sk []review.Skipped
	for _, k := range skipped {
		sk = append(sk, review.Skipped{Path: k.Path, Reason: k.Reason})
	}
	return review.Write(dir, name, entries(rows), cov, ro, sk, h)
}

// Summary is the batch's review workbook in memory (review.Summary).
func Summary(rows []Row, cov Coverage) ([]byte, error) { return review.Summary(entries(rows), cov) }

// The review's names the commands use.
type (
	Coverage = review.Coverage
	Heading  = review.Heading
	Roster   = review.Roster
	Merged   = review.Merged
)

// StatusUnreached is the review's word for a department a batch never
// started, being interrupted first; SkippedSheetName the review's sheet of
// the files that are no input.
const (
	StatusUnreached  = review.StatusUnreached
	SkippedSheetName = review.SkippedSheetName
)

// NewCoverage is the coverage of shard i of n of the list all.
func NewCoverage(all []string, i, n int) Coverage { return review.NewCoverage(all, i, n) }

// ReadRoster reads a roster (review.ReadRoster).
func ReadRoster(path string) (*Roster, error) { return review.ReadRoster(path) }

// FindSummaries lists the summaries to merge among args
// (review.FindSummaries).
func FindSummaries(args []string) ([]string, error) { return review.FindSummaries(args) }

// MergeSummaries merges the summaries into one review
// (review.MergeSummaries).
func MergeSummaries(paths []string) (*Merged, error) { return review.MergeSummaries(paths) }

// WriteMerged writes the merged review into dir, with openData its data
// package (review.WriteMerged).
func WriteMerged(dir, name string, m *Merged, openData bool, ro *Roster, h Heading) ([]string, string, error) {
	return review.WriteMerged(dir, name, m, openData, ro, h)
}
