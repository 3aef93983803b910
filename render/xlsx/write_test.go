package xlsx

import (
	"bytes"
	"strings"
	"testing"

	"github.com/budgetpub/budgetpub/render"
	"github.com/xuri/excelize/v2"
)

func TestWriteIsDeterministic(t *testing.T) {
	first := written(t, samplePublication())
	for i := 0; i < 10; i++ {
		if again := written(t, samplePublication()); !bytes.Equal(first, again) {
			t.Fatalf("write %d differs from the first (%d vs %d bytes)", i+2, len(again), len(first))
		}
	}
	other := samplePublication()
	other.Tables[0].Rows[3].Cells[2] = m("1249.46")
	if bytes.Equal(first, written(t, other)) {
		t.Error("a different amount gave the same bytes")
	}
}

func TestDocProps(t *testing.T) {
	f := reopen(t, samplePublication())
	props, err := f.GetDocProps()
	if err != nil {
		t.Fatal(err)
	}
	want := excelize.DocProperties{Title: "测试部门2024年度部门预算公开表", Creator: "budgetpub", Created: docTime, Modified: docTime}
	if props.Title != want.Title || props.Creator != want.Creator || props.Created != want.Created || props.Modified != want.Modified {
		t.Errorf("doc props = %+v, want %+v", props, want)
	}
}

func TestWriteRejects(t *testing.T) {
	tests := []struct {
		name   string
		change func(p *render.Publication)
		want   string
	}{
		{"no tables", func(p *render.Publication) { p.Tables = nil }, "no tables"},
		{"duplicate sheet", func(p *render.Publication) { p.Tables[1].SheetName = "表3" }, "used twice"},
		{"empty sheet name", func(p *render.Publication) { p.Tables[1].SheetName = "" }, "used twice"},
		{"short row", func(p *render.Publication) { p.Tables[0].Rows[1].Cells = p.Tables[0].Rows[1].Cells[:4] }, "has 4 cells, want 5"},
		{"header outside grid", func(p *render.Publication) { p.Tables[0].Header[1].ColSpan = 4 }, "outside"},
		{"header 1-based", func(p *render.Publication) { p.Tables[1].Header[5].Row = 3 }, "outside"},
		{"no columns", func(p *render.Publication) { p.Tables[0].Columns = nil }, "0 columns"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p := samplePublication()
			tc.change(p)
			var buf bytes.Buffer
			err := Write(&buf, p)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("Write error = %v, want one containing %q", err, tc.want)
			}
			if buf.Len() != 0 {
				t.Errorf("Write wrote %d bytes on error", buf.Len())
			}
		})
	}
	if err := Write(new(bytes.Buffer), nil); err == nil {
		t.Error("Write(nil) succeeded")
	}
}
