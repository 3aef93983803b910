package review

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/budgetpub/budgetpub/render/xlsx"
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
	row := func(fp, state, note string) Department {
		return Department{Fingerprint: fp, ReviewState: state, ReviewNote: note}
	}
	for _, c := range []struct {
		old, now    Department
		state, note string
	}{
		{row("a", "通过", "好"), row("a", "", ""), "通过", "好"},
		{row("a", "通过", "好"), row("b", "", ""), ReviewChanged, "好"},
		{row("a", "退回", "改表6"), row("b", "", ""), "退回", "改表6"},
		{row("a", ReviewChanged, ""), row("c", "", ""), ReviewChanged, ""},
		{row("a", "通过", "旧"), row("b", "退回", "新"), "退回", "新"},
	} {
		carryReview(&c.old, &c.now)
		if got := c.now.ReviewState; got != c.state {
			t.Errorf("%v → %v: 审核状态 %q, want %q", c.old, c.now, got, c.state)
		}
		if got := c.now.ReviewNote; got != c.note {
			t.Errorf("%v → %v: 审核意见 %q, want %q", c.old, c.now, got, c.note)
		}
	}
}

// A roster workbook is read through xlsxread: its first sheet, a date cell
// as Excel stores it (a serial number) or as text.
func TestReadRosterXLSX(t *testing.T) {
	text, num := xlsx.RecordText, xlsx.RecordInt
	sheet := xlsx.Records{Name: "名单", Columns: []xlsx.RecordColumn{
		{Title: "部门编码", Kind: text}, {Title: "部门名称", Kind: text}, {Title: "批复日期", Kind: num}, {Title: "所属", Kind: text},
	}, Rows: [][]any{{"001", "合成市第1局", 45672, "合成市"}, {nil, "合成市第3局", nil, nil}}}
	var buf bytes.Buffer
	if err := xlsx.WriteRecords(&buf, xlsx.BookProps{}, []xlsx.Records{sheet}); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "名单.xlsx")
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	ro, err := ReadRoster(path)
	if err != nil {
		t.Fatal(err)
	}
	want := []RosterEntry{
		{Code: "001", Name: "合成市第1局", Parent: "合成市", Approved: time.Date(2025, 1, 15, 0, 0, 0, 0, time.UTC)},
		{Name: "合成市第3局"},
	}
	if len(ro.Entries) != len(want) {
		t.Fatalf("entries %+v, want %+v", ro.Entries, want)
	}
	for i := range want {
		if got := ro.Entries[i]; got.Code != want[i].Code || got.Name != want[i].Name || got.Parent != want[i].Parent || !got.Approved.Equal(want[i].Approved) {
			t.Errorf("entry %d: %+v, want %+v", i, got, want[i])
		}
	}
}
