package xlsx

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/budgetpub/budgetpub/input/xlsxread"
	"github.com/shopspring/decimal"
)

// Limits on a Records workbook read back, so that a damaged or hostile file
// cannot exhaust memory.
const (
	recordsUnzipped = 512 << 20 // bytes of the parts read, unzipped
	recordsMaxRunes = 32_767    // characters of one cell: Excel's own limit
	recordsMaxMoney = 1e12      // an amount's size, in 万元: beyond any budget
	recordsStrings  = 64 << 20  // bytes of a shared-string table's text (budgetpub writes none)
)

// recordsLimits bound the reading of one workbook (xlsxread.Limits; its
// shared strings' text by recordsStrings, or by what is left of the
// reader's budget when less).
var recordsLimits = xlsxread.Limits{
	Entries:  10_000,
	Sheets:   1_000,
	Part:     recordsUnzipped,
	Unzipped: recordsUnzipped,
	Strings:  1_000_000,
	CellText: 4 * recordsMaxRunes,
	Columns:  64,
}

// RecordReader reads Records workbooks back (ReadRecords) within one
// budget of text held, over all the workbooks it reads: MaxText bytes of
// cell text (0: DefaultMaxText). A batch's review of a thousand
// departments with the sample's 54 findings each holds 12 MB.
type RecordReader struct {
	MaxText int64
	held    int64
}

// DefaultMaxText is RecordReader's budget unless set: room for the
// reviews of some twenty thousand departments, and a bound on the memory a
// small hostile file can make the reader take.
const DefaultMaxText = 256 << 20

// ReadRecords reads one workbook with a reader of the default budget.
func ReadRecords(data []byte, want []Records) ([]Records, BookProps, error) {
	var r RecordReader
	return r.Read(data, want)
}

// Read reads back what WriteRecords wrote: for each sheet of want
// (its Name and Columns; Rows ignored), the sheet's rows below its header,
// each cell as WriteRecords takes it — a string, an int, a
// decimal.Decimal rounded to the cent (a cell Excel saved as
// 1234.5000000000002 is 1234.50), or nil for an empty cell — and the
// workbook's properties. The header must be want's, title for title, and
// no cell may lie right of it: a workbook of other columns is refused, not
// guessed at, and nothing in it is dropped unsaid. The errors are Chinese
// and name the sheet and the cell. The workbook is read as a stream of
// rows (input/xlsxread), within recordsLimits.
func (rd *RecordReader) Read(data []byte, want []Records) ([]Records, BookProps, error) {
	return rd.read(data, want, false)
}

func (rd *RecordReader) read(data []byte, want []Records, titled bool) ([]Records, BookProps, error) {
	lim := recordsLimits
	lim.StringText = max(1, min(recordsStrings, rd.limit()-rd.held))
	b, err := xlsxread.Open(context.Background(), data, lim)
	if err != nil {
		return nil, BookProps{}, recordsError(err, "")
	}
	props, err := b.Props()
	if err != nil {
		return nil, BookProps{}, recordsError(err, "")
	}
	out := make([]Records, len(want))
	for i, w := range want {
		s, err := rd.readSheet(b, w, titled)
		if err != nil {
			return nil, BookProps{}, err
		}
		out[i] = s
	}
	return out, BookProps{Title: props.Title, Description: props.Description, Custom: props.Custom}, nil
}

func (rd *RecordReader) limit() int64 {
	if rd.MaxText <= 0 {
		return DefaultMaxText
	}
	return rd.MaxText
}

// recordsError says why a workbook, or its sheet, could not be read.
func recordsError(err error, sheet string) error {
	var le *xlsxread.LimitError
	switch {
	case errors.As(err, &le):
		return errors.New(le.Chinese())
	case sheet != "":
		return fmt.Errorf("工作表“%s”已损坏，无法读取", sheet)
	}
	return fmt.Errorf("不是有效的 Excel 工作簿（.xlsx）")
}

// HeaderError is a sheet not of the columns asked for: the first header
// cell that differs, what it should be and what it is; or (Beyond) a cell
// right of the header, of Columns columns. ReadTitled reads such a sheet.
type HeaderError struct {
	Sheet, Cell string
	Want, Got   string
	Beyond      bool
	Columns     int
}

func (e *HeaderError) Error() string {
	if e.Beyond {
		return fmt.Sprintf("工作表“%s”的 %s 在表头之外：合并只读 budgetpub 写的 %d 列，请删去表头右边的内容", e.Sheet, e.Cell, e.Columns)
	}
	return fmt.Sprintf("工作表“%s”的表头与 budgetpub 写的不同：%s 应为“%s”，却是“%s”", e.Sheet, e.Cell, e.Want, e.Got)
}

// ReadTitled reads a Records workbook of another layout — an older
// version's — by its columns' titles: each column of want is the
// sheet's column of its Title (or one of its Former titles), blank when
// the sheet has none; every other titled column of the sheet is kept, in
// its order, as a text column appended after want's, so that nothing a
// person wrote there is lost. Cells are read as Read reads them, within
// the same budget.
func (rd *RecordReader) ReadTitled(data []byte, want []Records) ([]Records, BookProps, error) {
	return rd.read(data, want, true)
}

// readSheet reads one sheet, row by row: the sheet is never held as a
// grid of strings. titled: its columns are found by title (ReadTitled).
func (rd *RecordReader) readSheet(b *xlsxread.Book, w Records, titled bool) (Records, error) {
	limit := rd.limit()
	found := false
	for _, name := range b.Sheets() {
		found = found || strings.EqualFold(name, w.Name)
	}
	if !found {
		return Records{}, fmt.Errorf("没有工作表“%s”", w.Name)
	}
	rows, err := b.Rows(w.Name)
	if err != nil {
		return Records{}, recordsError(err, w.Name)
	}
	defer rows.Close()
	s := Records{Name: w.Name, Columns: w.Columns}
	var from []int // the sheet's column of each of s.Columns; -1: none
	header := false
	for rows.Next() {
		r, cols := rows.Row(), rows.Cells()
		if !header {
			header = true
			if r != 1 {
				cols = nil // no row 1: the header is empty
			}
			if titled {
				s.Columns, from = titledColumns(w.Columns, cols)
				continue
			}
		}
		for c := len(s.Columns); c < len(cols) && !titled; c++ {
			if strings.TrimSpace(cols[c]) != "" {
				return Records{}, &HeaderError{Sheet: w.Name, Cell: cell(c+1, r), Beyond: true, Columns: len(w.Columns)}
			}
		}
		if ref, _ := rows.Beyond(); ref != "" {
			return Records{}, fmt.Errorf("工作表“%s”的 %s 在表头之外：合并只读 budgetpub 写的 %d 列，请删去表头右边的内容", w.Name, ref, len(w.Columns))
		}
		if from == nil {
			from = make([]int, len(w.Columns))
			for c, col := range w.Columns {
				got := ""
				if c < len(cols) {
					got = strings.TrimSpace(cols[c])
				}
				if got != col.Title {
					return Records{}, &HeaderError{Sheet: w.Name, Cell: cell(c+1, 1), Want: col.Title, Got: got}
				}
				from[c] = c
			}
			continue
		}
		if titled { // a cell under no title is kept too, its column named by its letter
			for c := range cols {
				if strings.TrimSpace(cols[c]) != "" && !slices.Contains(from, c) {
					s.Columns, from = append(s.Columns, RecordColumn{Title: "（" + strings.TrimRight(cell(c+1, 1), "1") + "列）", Kind: RecordText}), append(from, c)
				}
			}
		}
		row := make([]any, len(s.Columns))
		empty := true
		for c, col := range s.Columns {
			at := from[c]
			if at < 0 || at >= len(cols) || strings.TrimSpace(cols[at]) == "" {
				continue
			}
			v, err := recordValue(col.Kind, cols[at])
			if err != nil {
				return Records{}, fmt.Errorf("工作表“%s”的 %s（%s）%s", w.Name, cell(at+1, r), col.Title, err)
			}
			if t, ok := v.(string); ok {
				if rd.held += int64(len(t)); rd.held > limit {
					return Records{}, fmt.Errorf("工作表“%s”读到第 %d 行时，文字已超过 %d MB（两万个部门的汇总表也远小于此）", w.Name, r, limit>>20)
				}
			}
			row[c], empty = v, false
		}
		if !empty {
			s.Rows = append(s.Rows, row)
		}
	}
	if err := rows.Err(); err != nil {
		return Records{}, recordsError(err, w.Name)
	}
	for i, row := range s.Rows { // rows read before a column was found
		s.Rows[i] = append(row, make([]any, len(s.Columns)-len(row))...)
	}
	return s, nil
}

// titledColumns are the columns of a sheet read by title: want's, each
// from the header's column of its title or a former one (-1: none), then
// every other titled column of the header as text.
func titledColumns(want []RecordColumn, header []string) (cols []RecordColumn, from []int) {
	at := map[string]int{}
	for c, h := range header {
		if h = strings.TrimSpace(h); h != "" {
			if _, ok := at[h]; !ok {
				at[h] = c
			}
		}
	}
	used := map[int]bool{}
	for _, col := range want {
		c := -1
		for _, t := range append([]string{col.Title}, col.Former...) {
			if k, ok := at[t]; ok && !used[k] {
				c = k
				break
			}
		}
		if c >= 0 {
			used[c] = true
		}
		cols, from = append(cols, col), append(from, c)
	}
	for c, h := range header {
		if h = strings.TrimSpace(h); h != "" && !used[c] {
			cols, from = append(cols, RecordColumn{Title: h, Kind: RecordText}), append(from, c)
		}
	}
	return cols, from
}

// recordValue is a cell's raw text as a value of its column's kind.
func recordValue(kind RecordKind, raw string) (any, error) {
	switch kind {
	case RecordInt:
		d, err := decimal.NewFromString(strings.TrimSpace(raw))
		if err != nil || !d.IsInteger() || d.Abs().GreaterThan(decimal.NewFromInt(1<<31)) {
			return nil, fmt.Errorf("应为整数，却是“%s”", clip(raw))
		}
		n, _ := strconv.Atoi(d.String())
		return n, nil
	case RecordAmount:
		d, err := decimal.NewFromString(strings.TrimSpace(raw))
		if err != nil {
			return nil, fmt.Errorf("应为金额，却是“%s”", clip(raw))
		}
		if d.Abs().GreaterThanOrEqual(decimal.NewFromFloat(recordsMaxMoney)) {
			return nil, fmt.Errorf("的金额 %s 过大", clip(raw))
		}
		return d.Round(2), nil
	}
	if utf8.RuneCountInString(raw) > recordsMaxRunes {
		return nil, fmt.Errorf("超过 %d 个字符", recordsMaxRunes)
	}
	return raw, nil
}

// clip is a cell's text short enough to quote in a message.
func clip(s string) string {
	if r := []rune(s); len(r) > 40 {
		return string(r[:40]) + "…"
	}
	return s
}
