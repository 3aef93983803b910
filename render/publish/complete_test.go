package publish

import (
	"strings"
	"testing"

	"github.com/budgetpub/budgetpub/layouts/shanxi13"
	"github.com/budgetpub/budgetpub/render"
)

// A publication is complete or it is a draft: one with a statement nobody
// gave is refused like one with an error (nothing made, ErrIncomplete, the
// findings say what); with Force it is made as a draft saying so, its
// unknown statements marked; complete, it is made as it is. Its status
// says which.
func TestCompleteOrDraft(t *testing.T) {
	res, err := Load(Config{})
	if err != nil {
		t.Fatal(err)
	}
	unfilled := strings.Replace(checkedDoc, completeBlocks, "", 1)
	r := Department(res, "d.yaml", []byte(unfilled), Options{})
	if r.Err != ErrIncomplete || r.PDF != nil || r.Workbook != nil || render.StatusOf(r.Findings) != render.StatusIncomplete {
		t.Fatalf("unfilled: err %v, %d PDF bytes, status %s", r.Err, len(r.PDF), render.StatusOf(r.Findings))
	}
	if !StoppedByChecks(r.Err) {
		t.Error("ErrIncomplete is not a stop by the checks")
	}
	r = Department(res, "d.yaml", []byte(unfilled), Options{Force: true})
	if r.Err != nil || r.Pub.Draft != IncompleteNotice || len(r.PDF) == 0 {
		t.Fatalf("forced: err %v, draft %q", r.Err, r.Pub.Draft)
	}
	if got := r.Pub.Section(shanxi13.SecProcurement).Blocks[0].Text; !strings.HasPrefix(got, "【未填写：政府采购预算") {
		t.Errorf("九 in the draft: %q", got)
	}
	r = Department(res, "d.yaml", []byte(checkedDoc), Options{})
	if r.Err != nil || r.Pub.Draft != "" || render.StatusOf(r.Findings) != render.StatusPublishable {
		t.Errorf("complete: err %v, draft %q, status %s", r.Err, r.Pub.Draft, render.StatusOf(r.Findings))
	}
	// Errors and gaps both: the draft says errors, the status 有错误.
	both := strings.Replace(unfilled, "amounts: 5.00", "amounts: 6.00", 1)
	r = Department(res, "d.yaml", []byte(both), Options{})
	if r.Err != ErrChecks || render.StatusOf(r.Findings) != render.StatusErrors {
		t.Errorf("errors and gaps: err %v, status %s", r.Err, render.StatusOf(r.Findings))
	}
}
