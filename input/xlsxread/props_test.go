package xlsxread

import (
	"context"
	"fmt"
	"testing"

	"github.com/xuri/excelize/v2"
)

// Props reads the custom properties (docProps/custom.xml) by name, their
// values as text, at most MaxCustomProps of them.
func TestCustomProps(t *testing.T) {
	f := excelize.NewFile()
	if err := f.SetDocProps(&excelize.DocProperties{Title: "汇总", Description: "说明"}); err != nil {
		t.Fatal(err)
	}
	for i := range MaxCustomProps + 6 {
		var v any = fmt.Sprintf("值%d", i)
		if i == 1 {
			v = int32(42)
		}
		if err := f.SetCustomProps(excelize.CustomProperty{Name: fmt.Sprintf("p%02d", i), Value: v}); err != nil {
			t.Fatal(err)
		}
	}
	buf, err := f.WriteToBuffer()
	if err != nil {
		t.Fatal(err)
	}
	b, err := Open(context.Background(), buf.Bytes(), Limits{Part: 1 << 20, CellText: 100})
	if err != nil {
		t.Fatal(err)
	}
	p, err := b.Props()
	if err != nil {
		t.Fatal(err)
	}
	if p.Title != "汇总" || p.Description != "说明" || p.Custom["p00"] != "值0" || p.Custom["p01"] != "42" {
		t.Errorf("props %q %q %q %q", p.Title, p.Description, p.Custom["p00"], p.Custom["p01"])
	}
	if len(p.Custom) != MaxCustomProps {
		t.Errorf("%d custom properties kept, want %d", len(p.Custom), MaxCustomProps)
	}
}
