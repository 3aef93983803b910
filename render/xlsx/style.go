package xlsx

import (
	"strings"

	"github.com/budgetpub/budgetpub/render"
	"github.com/xuri/excelize/v2"
)

// Fonts and number formats of the workbook.
const (
	bodyFont   = "宋体"
	titleFont  = "黑体"
	bodySize   = 11.0
	titleSize  = 16.0
	amountFmt  = "0.00;-0.00;" // two decimals, zero shown blank
	textNumFmt = 49            // built-in "@": keep codes as text when edited
	gb2312     = 134           // font charset of 宋体 and 黑体
)

// role is what a styled cell is on the sheet.
type role int

const (
	roleLabel  role = iota // 预算公开表N
	roleTitle              // the table title
	roleDept               // 部门名称：…
	roleUnit               // 单位：…
	roleHeader             // a header grid cell
	roleText               // a body text cell
	roleCode               // a body code cell
	roleAmount             // a body amount cell
	roleNote               // a note under the table
)

// styleKey identifies one cell style.
type styleKey struct {
	role   role
	bold   bool
	indent int
	numFmt string // an amount's number format (numFmtOf); "" is amountFmt
}

// styles creates each cell style once and hands out its id.
type styles struct {
	f   *excelize.File
	ids map[styleKey]int
}

func newStyles(f *excelize.File) *styles {
	return &styles{f: f, ids: map[styleKey]int{}}
}

// id returns the style id of k, creating the style on first use.
func (s *styles) id(k styleKey) (int, error) {
	if id, ok := s.ids[k]; ok {
		return id, nil
	}
	id, err := s.f.NewStyle(styleOf(k))
	if err != nil {
		return 0, err
	}
	s.ids[k] = id
	return id, nil
}

// thinBorder is a thin black line on every side of a cell.
var thinBorder = []excelize.Border{
	{Type: "left", Color: "000000", Style: 1},
	{Type: "top", Color: "000000", Style: 1},
	{Type: "right", Color: "000000", Style: 1},
	{Type: "bottom", Color: "000000", Style: 1},
}

// styleOf builds the excelize style for k.
func styleOf(k styleKey) *excelize.Style {
	charset := gb2312
	font := &excelize.Font{Family: bodyFont, Size: bodySize, Bold: k.bold, Charset: &charset}
	align := &excelize.Alignment{Horizontal: "left", Vertical: "center"}
	st := &excelize.Style{Font: font, Alignment: align}
	switch k.role {
	case roleTitle:
		font.Family, font.Size, font.Bold = titleFont, titleSize, true
		align.Horizontal, align.WrapText = "center", true
	case roleUnit:
		align.Horizontal = "right"
	case roleHeader:
		font.Bold = true
		align.Horizontal, align.WrapText = "center", true
		st.Border = thinBorder
	case roleText:
		align.WrapText, align.Indent = true, k.indent
		st.Border = thinBorder
	case roleCode:
		align.WrapText = true
		st.Border, st.NumFmt = thinBorder, textNumFmt
	case roleAmount:
		align.Horizontal = "right"
		fmtCode := amountFmt
		if k.numFmt != "" {
			fmtCode = k.numFmt
		}
		st.Border, st.CustomNumFmt = thinBorder, &fmtCode
	}
	return st
}

// numFmtOf is the number format code that shows an amount cell's figure as
// its table prints it (render.Cell.Printed, render.NumberFormat): "" for
// the default format (amountFmt, 0.00;-0.00;); else the whole part with or
// without thousands separators (#,##0 or 0), the decimals (all of them, or
// for the shortest form as many as this figure prints: a format per
// figure), the same for negatives, and the zero section: empty for blank,
// else the zero text quoted.
func numFmtOf(c render.Cell) string {
	f := c.Format
	if f == nil {
		return ""
	}
	code := "0"
	if f.Separators {
		code = "#,##0"
	}
	decimals := f.Decimals
	if f.Shortest {
		decimals = 0
		if _, frac, ok := strings.Cut(c.Printed(), "."); ok && !c.Amount.IsZero() {
			decimals = len(frac)
		}
	}
	if decimals > 0 {
		code += "." + strings.Repeat("0", decimals)
	}
	zero := ""
	if f.Zero != "" {
		zero = `"` + strings.ReplaceAll(f.Zero, `"`, `"\""`) + `"`
	}
	return code + ";-" + code + ";" + zero
}
