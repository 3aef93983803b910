package html

import (
	"bytes"
	"strings"
	"testing"

	"github.com/budgetpub/budgetpub/render"
	"github.com/budgetpub/budgetpub/render/xlsx"
	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"
	xhtml "golang.org/x/net/html"
)

// parsedTable is a <table> of the page read back: its caption's text and
// its body rows' cells (tag and text).
type parsedTable struct {
	class, caption string
	head           [][]parsedCell
	body           [][]parsedCell
}

type parsedCell struct {
	tag, text, class, scope string
}

// parseTables reads every <table> of the page in document order.
func parseTables(t *testing.T, page []byte) []parsedTable {
	t.Helper()
	doc, err := xhtml.Parse(bytes.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	var out []parsedTable
	var walk func(n *xhtml.Node)
	walk = func(n *xhtml.Node) {
		if n.Type == xhtml.ElementNode && n.Data == "table" {
			out = append(out, readTable(n))
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	return out
}

func attr(n *xhtml.Node, name string) string {
	for _, a := range n.Attr {
		if a.Key == name {
			return a.Val
		}
	}
	return ""
}

func text(n *xhtml.Node) string {
	var b strings.Builder
	var walk func(n *xhtml.Node)
	walk = func(n *xhtml.Node) {
		if n.Type == xhtml.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return b.String()
}

func readTable(n *xhtml.Node) parsedTable {
	pt := parsedTable{class: attr(n, "class")}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != xhtml.ElementNode {
			continue
		}
		switch c.Data {
		case "caption":
			pt.caption = text(c)
		case "thead", "tbody":
			for tr := c.FirstChild; tr != nil; tr = tr.NextSibling {
				if tr.Type != xhtml.ElementNode || tr.Data != "tr" {
					continue
				}
				var row []parsedCell
				for td := tr.FirstChild; td != nil; td = td.NextSibling {
					if td.Type == xhtml.ElementNode {
						row = append(row, parsedCell{td.Data, text(td), attr(td, "class"), attr(td, "scope")})
					}
				}
				if c.Data == "thead" {
					pt.head = append(pt.head, row)
				} else {
					pt.body = append(pt.body, row)
				}
			}
		}
	}
	return pt
}

// printedTables are the tables of p in the order its sections print them.
func printedTables(p *render.Publication) []*render.Table {
	var out []*render.Table
	for _, part := range p.Parts {
		for _, s := range part.Sections {
			if s.Table != nil {
				out = append(out, s.Table)
			}
		}
	}
	return out
}

// TestEveryFigure: for each layout, every table of the publication is a
// <table> of the page (its title in the caption), and its body is the
// table's rows but the filler, every cell exactly as printed (amounts
// right-aligned, the first text column of each half a row header); and
// every amount of the table's sheet in the workbook is, in order, a
// figure of the page's table.
func TestEveryFigure(t *testing.T) {
	for _, f := range fixtures(t) {
		t.Run(f.name, func(t *testing.T) {
			page, err := Bytes(f.pub, Options{})
			if err != nil {
				t.Fatal(err)
			}
			var data []parsedTable
			for _, pt := range parseTables(t, page) {
				if pt.class == "" {
					data = append(data, pt)
				}
			}
			tables := printedTables(f.pub)
			if len(data) != len(tables) {
				t.Fatalf("%d data tables on the page, %d in the publication", len(data), len(tables))
			}
			var book bytes.Buffer
			if err := xlsx.Write(&book, f.pub); err != nil {
				t.Fatal(err)
			}
			wb, err := excelize.OpenReader(&book)
			if err != nil {
				t.Fatal(err)
			}
			defer wb.Close()
			for i, tb := range tables {
				pt := data[i]
				if !strings.Contains(pt.caption, tb.Title) || !strings.Contains(pt.caption, tb.UnitLine()) {
					t.Errorf("table %s: caption %q lacks its title or unit", tb.ID, pt.caption)
				}
				if len(pt.head) != tb.HeaderRows {
					t.Errorf("table %s: %d header rows, want %d", tb.ID, len(pt.head), tb.HeaderRows)
				}
				var rows []render.Row
				for _, r := range tb.Rows {
					if r.Kind != render.RowFiller {
						rows = append(rows, r)
					}
				}
				if len(pt.body) != len(rows) {
					t.Fatalf("table %s: %d body rows, want %d", tb.ID, len(pt.body), len(rows))
				}
				var figures []string
				for r, row := range rows {
					if len(pt.body[r]) != len(row.Cells) {
						t.Fatalf("table %s row %d: %d cells, want %d", tb.ID, r, len(pt.body[r]), len(row.Cells))
					}
					for c, cell := range row.Cells {
						got := pt.body[r][c]
						if got.text != cell.Printed() {
							t.Errorf("table %s row %d col %d: %q, printed %q", tb.ID, r, c, got.text, cell.Printed())
						}
						if cell.Kind == render.KindAmount {
							if got.tag != "td" || got.class != "num" {
								t.Errorf("table %s row %d col %d: an amount in <%s class=%q>", tb.ID, r, c, got.tag, got.class)
							}
							if got.text != "" {
								figures = append(figures, got.text)
							}
						}
					}
					if !slicesHasRowHeader(pt.body[r]) && row.Cells[0].Printed() != "" && row.Cells[0].Kind == render.KindText {
						t.Errorf("table %s row %d: no row header", tb.ID, r)
					}
				}
				// The workbook's figures of the sheet, in order.
				var book []string
				cells, err := wb.GetRows(tb.SheetName, excelize.Options{RawCellValue: true})
				if err != nil {
					t.Fatalf("table %s: sheet %q: %v", tb.ID, tb.SheetName, err)
				}
				for r, row := range cells {
					for c, v := range row {
						axis, _ := excelize.CoordinatesToCellName(c+1, r+1)
						typ, _ := wb.GetCellType(tb.SheetName, axis)
						if v == "" || (typ != excelize.CellTypeUnset && typ != excelize.CellTypeNumber) {
							continue
						}
						d, err := decimal.NewFromString(v)
						if err != nil {
							continue
						}
						if s := tb.NumberFormat.Print(tb.NumberFormat.Round(d)); s != "" {
							book = append(book, s)
						}
					}
				}
				if strings.Join(book, " ") != strings.Join(figures, " ") {
					t.Errorf("table %s: the page's figures\n%v\nthe workbook's\n%v", tb.ID, figures, book)
				}
			}
		})
	}
}

func slicesHasRowHeader(row []parsedCell) bool {
	for _, c := range row {
		if c.tag == "th" && c.scope == "row" {
			return true
		}
	}
	return false
}

// TestSameBytes: the same publication gives the same page, built twice.
func TestSameBytes(t *testing.T) {
	a, b := fixtures(t), fixtures(t)
	for i := range a {
		pa, err := Bytes(a[i].pub, Options{JSON: "x.json", CSV: "x.csv"})
		if err != nil {
			t.Fatal(err)
		}
		pb, err := Bytes(b[i].pub, Options{JSON: "x.json", CSV: "x.csv"})
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(pa, pb) {
			t.Errorf("%s: two runs differ", a[i].name)
		}
	}
}
