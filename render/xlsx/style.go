package xlsx

import "github.com/xuri/excelize/v2"

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
		st.Border, st.CustomNumFmt = thinBorder, &fmtCode
	}
	return st
}
