package publish

import (
	"testing"
	"time"
)

func TestRosterDate(t *testing.T) {
	want := time.Date(2025, 1, 15, 0, 0, 0, 0, time.UTC)
	for _, s := range []string{"2025-01-15", "2025/1/15", "2025.1.15", "2025年1月15日", "20250115", "45672"} {
		if got, ok := rosterDate(s); !ok || !got.Equal(want) {
			t.Errorf("rosterDate(%q) = %v, %v; want %v", s, got, ok, want)
		}
	}
	for _, s := range []string{"二月", "2025-02-30", "2025-13-01", "15/01/2025", ""} {
		if _, ok := rosterDate(s); ok {
			t.Errorf("rosterDate(%q) read a date", s)
		}
	}
}

func TestAsideSummary(t *testing.T) {
	for name, want := range map[string]bool{
		"summary-上次.xlsx": true, "summary-上次-2.xlsx": true, "summary-1-of-2-上次.xlsx": true,
		"summary.xlsx": false, "summary-1-of-2.xlsx": false, "summary-上次-x.xlsx": false, "summary-上次-.xlsx": true,
	} {
		if got := asideSummary(name); got != want {
			t.Errorf("asideSummary(%q) = %v, want %v", name, got, want)
		}
	}
}

// carryReview keeps the reviewer's cells, flags 通过 of a changed input,
// and leaves a row with cells of its own as it is.
func TestCarryReview(t *testing.T) {
	row := func(fp, state, note string) []any {
		r := make([]any, reviewNoteColumn+1)
		r[fingerprintColumn], r[reviewStateColumn], r[reviewNoteColumn] = orNil(fp), orNil(state), orNil(note)
		return r
	}
	for _, c := range []struct {
		old, now    []any
		state, note string
	}{
		{row("a", "通过", "好"), row("a", "", ""), "通过", "好"},
		{row("a", "通过", "好"), row("b", "", ""), ReviewChanged, "好"},
		{row("a", "退回", "改表6"), row("b", "", ""), "退回", "改表6"},
		{row("a", ReviewChanged, ""), row("c", "", ""), ReviewChanged, ""},
		{row("a", "通过", "旧"), row("b", "退回", "新"), "退回", "新"},
	} {
		carryReview(c.old, c.now)
		if got := cellText(c.now, reviewStateColumn); got != c.state {
			t.Errorf("%v → %v: 审核状态 %q, want %q", c.old, c.now, got, c.state)
		}
		if got := cellText(c.now, reviewNoteColumn); got != c.note {
			t.Errorf("%v → %v: 审核意见 %q, want %q", c.old, c.now, got, c.note)
		}
	}
}
