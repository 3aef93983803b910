package xlsx

import (
	"testing"

	"github.com/xuri/excelize/v2"
)

func TestPrintTitles(t *testing.T) {
	f := reopen(t, samplePublication())
	want := map[string]string{"表3": "'表3'!$1:$5", "表12": "'表12'!$1:$6"}
	got := map[string]string{}
	for _, dn := range f.GetDefinedName() {
		if dn.Name != printTitles {
			t.Errorf("unexpected defined name %+v", dn)
			continue
		}
		got[dn.Scope] = dn.RefersTo
	}
	if len(got) != len(want) {
		t.Errorf("print titles = %v, want %v", got, want)
	}
	for sheet, ref := range want {
		if got[sheet] != ref {
			t.Errorf("print titles of %s = %q, want %q", sheet, got[sheet], ref)
		}
	}
}

func TestPageLayout(t *testing.T) {
	f := reopen(t, samplePublication())
	tests := []struct {
		sheet, orientation string
	}{
		{"表3", "portrait"},
		{"表12", "landscape"},
	}
	for _, tc := range tests {
		t.Run(tc.sheet, func(t *testing.T) {
			pl, err := f.GetPageLayout(tc.sheet)
			if err != nil {
				t.Fatal(err)
			}
			if *pl.Orientation != tc.orientation {
				t.Errorf("orientation = %s, want %s", *pl.Orientation, tc.orientation)
			}
			if *pl.Size != paperA4 {
				t.Errorf("paper size = %d, want %d (A4)", *pl.Size, paperA4)
			}
			if pl.FitToWidth == nil || *pl.FitToWidth != 1 || pl.FitToHeight == nil || *pl.FitToHeight != 0 {
				t.Errorf("fit to = %v wide × %v tall, want 1 × 0", pl.FitToWidth, pl.FitToHeight)
			}
			props, err := f.GetSheetProps(tc.sheet)
			if err != nil {
				t.Fatal(err)
			}
			if props.FitToPage == nil || !*props.FitToPage {
				t.Errorf("fitToPage not set")
			}
			mg, err := f.GetPageMargins(tc.sheet)
			if err != nil {
				t.Fatal(err)
			}
			if *mg.Left != marginSide || *mg.Right != marginSide || !*mg.Horizontally {
				t.Errorf("margins = %v/%v centred %v, want %v and centred", *mg.Left, *mg.Right, *mg.Horizontally, marginSide)
			}
			hf, err := f.GetHeaderFooter(tc.sheet)
			if err != nil {
				t.Fatal(err)
			}
			if hf.OddFooter != "&C第 &P 页，共 &N 页" {
				t.Errorf("footer = %q", hf.OddFooter)
			}
		})
	}
}

func TestFreezePanes(t *testing.T) {
	f := reopen(t, samplePublication())
	tests := []struct {
		sheet   string
		ySplit  int
		topLeft string
	}{
		{"表3", 5, "A6"},
		{"表12", 6, "A7"},
	}
	for _, tc := range tests {
		p, err := f.GetPanes(tc.sheet)
		if err != nil {
			t.Fatal(err)
		}
		want := excelize.Panes{Freeze: true, YSplit: tc.ySplit, TopLeftCell: tc.topLeft, ActivePane: "bottomLeft"}
		if p.Freeze != want.Freeze || p.Split || p.XSplit != 0 || p.YSplit != want.YSplit || p.TopLeftCell != want.TopLeftCell || p.ActivePane != want.ActivePane {
			t.Errorf("%s panes = %+v, want %+v", tc.sheet, p, want)
		}
	}
}

func TestTitleRowsQuotesSheetName(t *testing.T) {
	if got, want := titleRows("O'Neil", 4), "'O''Neil'!$1:$4"; got != want {
		t.Errorf("titleRows = %q, want %q", got, want)
	}
}
