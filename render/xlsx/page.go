package xlsx

import (
	"fmt"
	"strings"

	"github.com/budgetpub/budgetpub/render"
	"github.com/xuri/excelize/v2"
)

// Print setup shared by every sheet.
const (
	paperA4     = 9
	marginSide  = 0.5 // inches
	marginTop   = 0.5
	marginFoot  = 0.6
	marginHF    = 0.3
	footerText  = "&C第 &P 页，共 &N 页"
	printTitles = "_xlnm.Print_Titles"
)

// writePanes freezes the rows above the body.
func (s *sheet) writePanes() error {
	n := frozenRows(s.t)
	first := cell(1, n+1)
	return s.sw.SetPanes(&excelize.Panes{
		Freeze:      true,
		YSplit:      n,
		TopLeftCell: first,
		ActivePane:  "bottomLeft",
		Selection:   []excelize.Selection{{SQRef: first, ActiveCell: first, Pane: "bottomLeft"}},
	})
}

// writePrintSetup sets A4, the orientation, fit to one page wide, margins,
// horizontal centring, the page-number footer and the rows repeated on every
// printed page: the rows above the body, none when the table prints its
// header once (render.Presentation.HeaderOnce).
func (s *sheet) writePrintSetup() error {
	return printSetup(s.f, s.name, s.t.Landscape, repeatedRows(s.t))
}

// repeatedRows is how many rows from the top every printed page of t
// repeats.
func repeatedRows(t *render.Table) int {
	if t.HeaderOnce {
		return 0
	}
	return frozenRows(t)
}

// printSetup is the print setup of one sheet: A4 in the orientation, one
// page wide, the margins, centred, the page-number footer and rows 1..titles
// repeated on every page (none for 0).
func printSetup(f *excelize.File, name string, landscape bool, titles int) error {
	orient := "portrait"
	if landscape {
		orient = "landscape"
	}
	size, wide, tall, fit := paperA4, 1, 0, true
	if err := f.SetSheetProps(name, &excelize.SheetPropsOptions{FitToPage: &fit}); err != nil {
		return err
	}
	if err := f.SetPageLayout(name, &excelize.PageLayoutOptions{
		Size: &size, Orientation: &orient, FitToWidth: &wide, FitToHeight: &tall,
	}); err != nil {
		return err
	}
	side, top, foot, hf, centred := marginSide, marginTop, marginFoot, marginHF, true
	if err := f.SetPageMargins(name, &excelize.PageLayoutMarginsOptions{
		Left: &side, Right: &side, Top: &top, Bottom: &foot, Header: &hf, Footer: &hf,
		Horizontally: &centred,
	}); err != nil {
		return err
	}
	if err := f.SetHeaderFooter(name, &excelize.HeaderFooterOptions{OddFooter: footerText}); err != nil {
		return err
	}
	if titles == 0 {
		return nil
	}
	return f.SetDefinedName(&excelize.DefinedName{
		Name:     printTitles,
		RefersTo: titleRows(name, titles),
		Scope:    name,
	})
}

// titleRows is the reference to rows 1..n of a sheet, e.g. '表1'!$1:$6.
func titleRows(sheetName string, n int) string {
	return fmt.Sprintf("'%s'!$1:$%d", strings.ReplaceAll(sheetName, "'", "''"), n)
}
