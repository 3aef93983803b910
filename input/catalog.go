package input

import (
	"bytes"
	"context"
	_ "embed"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/budgetpub/budgetpub/input/xlsxread"
)

//go:embed catalog.csv
var embeddedCatalog string

// Catalog names classification codes: 支出功能分类 (2xx), 部门预算支出经济分类
// (3xx), 政府预算支出经济分类 (5xx) and revenue heads (1xx). Their first digits
// keep them apart, so one map serves all. Each entry says where its name
// comes from.
type Catalog struct {
	entries map[string]Entry
}

// Entry is one code of a catalog.
type Entry struct {
	Code, Name string
	// Source says where the name comes from: for the embedded catalog a tag
	// of catalog.csv's source column; for a user's catalog its file name.
	Source string
}

// Limits of a catalog file: a budget system's whole catalog has a few
// thousand rows of short names.
const (
	MaxCatalogSize    = 16 << 20 // bytes
	maxCatalogEntries = 100_000
	maxCatalogName    = 200 // characters of one name
)

var (
	defaultOnce    sync.Once
	defaultCatalog *Catalog
)

// DefaultCatalog is the catalog embedded in the program: only codes whose
// names are sure (see the source column of catalog.csv).
func DefaultCatalog() *Catalog {
	defaultOnce.Do(func() {
		c, err := parseCSVCatalog("catalog.csv", []byte(embeddedCatalog), nil, "")
		if err != nil {
			panic(err)
		}
		defaultCatalog = c
	})
	return defaultCatalog
}

// Name returns a code's name and whether the catalog has it.
func (c *Catalog) Name(code string) (string, bool) {
	e, ok := c.entries[code]
	return e.Name, ok
}

// Entry returns a code's entry and whether the catalog has it.
func (c *Catalog) Entry(code string) (Entry, bool) {
	e, ok := c.entries[code]
	return e, ok
}

// Len is the number of codes the catalog names.
func (c *Catalog) Len() int { return len(c.entries) }

// Search finds the entries whose code starts with q (when q is digits) or
// whose name contains q, in code order.
func (c *Catalog) Search(q string) []Entry {
	q = strings.TrimSpace(q)
	var out []Entry
	for _, e := range c.entries {
		if q != "" && (isDigits(q) && strings.HasPrefix(e.Code, q) || strings.Contains(e.Name, q)) {
			out = append(out, e)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Code < out[j].Code })
	return out
}

// CodesNamed returns the codes of the catalog with that name, in code order.
func (c *Catalog) CodesNamed(name string) []string {
	var out []string
	for code, e := range c.entries {
		if e.Name == name {
			out = append(out, code)
		}
	}
	sort.Strings(out)
	return out
}

// LoadCatalog reads a user's catalog on top of the embedded one: its names
// extend and override the embedded names. It takes a CSV file (code,name;
// more columns are ignored; a header line and # comments are allowed; UTF-8,
// GBK or UTF-16) or a workbook (.xlsx: the code and name columns are found
// by their header). A problem names the catalog file and its line and
// column (for a workbook, its sheet and cell).
func LoadCatalog(path string) (*Catalog, error) {
	data, err := ReadRegular(path, MaxCatalogSize)
	if err != nil {
		return nil, &Error{File: path, Msg: "无法读取分类目录：" + err.Error()}
	}
	source := filepath.Base(path)
	switch strings.ToLower(filepath.Ext(path)) {
	case ".xlsx", ".xlsm":
		return parseWorkbookCatalog(path, data, DefaultCatalog(), source)
	}
	return parseCSVCatalog(path, data, DefaultCatalog(), source)
}

func (c *Catalog) extend(base *Catalog) {
	c.entries = map[string]Entry{}
	if base != nil {
		for k, v := range base.entries {
			c.entries[k] = v
		}
	}
}

// add checks and records one row; it returns the problem, if any.
func (c *Catalog) add(code, name, source string) string {
	code = strings.TrimPrefix(strings.TrimSpace(code), "\ufeff")
	name = strings.TrimSpace(name)
	switch {
	case !isDigits(code) || len(code) > 9:
		return fmt.Sprintf("分类目录中的编码 %q 应为数字", code)
	case name == "":
		return fmt.Sprintf("分类目录中编码 %s 没有名称", code)
	case utf8.RuneCountInString(name) > maxCatalogName:
		return fmt.Sprintf("分类目录中编码 %s 的名称过长（%d 字，上限 %d 字）", code, utf8.RuneCountInString(name), maxCatalogName)
	case formulaStart(name):
		return fmt.Sprintf("分类目录中编码 %s 的名称“%s”以公式符号开头，电子表格软件会把它当作公式执行：请去掉开头的符号", code, name)
	case len(c.entries) >= maxCatalogEntries:
		return fmt.Sprintf("分类目录的行数过多（上限 %d 行）", maxCatalogEntries)
	}
	c.entries[code] = Entry{Code: code, Name: name, Source: source}
	return ""
}

// isCatalogHeader tells a header row's code cell.
func isCatalogHeader(code string) bool {
	switch strings.TrimPrefix(strings.TrimSpace(code), "\ufeff") {
	case "code", "编码", "科目编码", "代码", "科目代码", "分类编码":
		return true
	}
	return false
}

// parseCSVCatalog reads code,name rows. source, when empty, is read from a
// third column (the embedded catalog's); otherwise it names every entry.
func parseCSVCatalog(file string, data []byte, base *Catalog, source string) (*Catalog, error) {
	c := &Catalog{}
	c.extend(base)
	data, _, err := ToUTF8(file, data)
	if err != nil {
		return nil, err
	}
	lines := bytes.Split(data, []byte("\n"))
	// runeCol turns the CSV reader's byte column into characters, as an
	// editor counts them.
	runeCol := func(line, col int) int {
		if line < 1 || line > len(lines) || col < 1 || col-1 > len(lines[line-1]) {
			return col
		}
		return utf8.RuneCount(lines[line-1][:col-1]) + 1
	}
	cr := csv.NewReader(bytes.NewReader(data))
	cr.Comment = '#'
	cr.FieldsPerRecord = -1
	cr.TrimLeadingSpace = true
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				return nil, &Error{File: file, Pos: Pos{pe.Line, runeCol(pe.Line, pe.Column)}, Msg: "分类目录格式错误：" + csvProblem(pe.Err)}
			}
			return nil, &Error{File: file, Msg: "无法读取分类目录：" + err.Error()}
		}
		line, _ := cr.FieldPos(0)
		if len(rec) < 2 {
			return nil, &Error{File: file, Pos: Pos{line, 1}, Msg: "分类目录每行应为 编码,名称"}
		}
		if isCatalogHeader(rec[0]) {
			continue
		}
		src := source
		if src == "" && len(rec) > 2 {
			src = strings.TrimSpace(rec[2])
		}
		if msg := c.add(rec[0], rec[1], src); msg != "" {
			col := 1
			if !strings.HasPrefix(msg, "分类目录中的编码") {
				_, col = cr.FieldPos(1)
			}
			return nil, &Error{File: file, Pos: Pos{line, runeCol(line, col)}, Msg: msg}
		}
	}
	return c, nil
}

var codeAndName = regexp.MustCompile(`^\s*([0-9]{3,9})\s+(\S.*?)\s*$`)

// catalogLimits bound what a --catalog workbook is read to
// (xlsxread.Limits): a catalog of the 100 000 rows allowed is some 10 MB
// unzipped.
var catalogLimits = xlsxread.Limits{
	Entries:    10_000,
	Sheets:     1_000,
	Part:       32 << 20,
	Unzipped:   32 << 20,
	Strings:    500_000,
	StringText: 16 << 20,
	CellText:   4 * 32_767,
	Columns:    64,
}

// parseWorkbookCatalog reads a workbook: on the first sheet with a header
// row (among its first 20) naming a code column and a name column, every
// row below it. A code and its name in one cell ("2010301 行政运行") are
// read too. Sheets are read as streams within catalogLimits.
func parseWorkbookCatalog(file string, data []byte, base *Catalog, source string) (*Catalog, error) {
	b, err := xlsxread.Open(context.Background(), data, catalogLimits)
	if err != nil {
		return nil, catalogReadError(file, err)
	}
	c := &Catalog{}
	c.extend(base)
	for _, sheet := range b.Sheets() {
		rows, err := b.Rows(sheet)
		if err != nil {
			return nil, catalogReadError(file, err)
		}
		codeCol, nameCol, header := -1, -1, -1
		for rows.Next() {
			r, row := rows.Row()-1, rows.Cells()
			if header < 0 {
				if r >= 20 {
					rows.Close()
					break
				}
				for i, v := range row {
					v = strings.ReplaceAll(strings.TrimSpace(v), " ", "")
					switch {
					case isCatalogHeader(v) || v == "科目编码及名称":
						codeCol = i
					case v == "名称" || v == "科目名称" || v == "name" || v == "分类名称":
						nameCol = i
					}
				}
				if codeCol >= 0 {
					header = r
				}
				continue
			}
			cell := func(i int) string {
				if i >= 0 && i < len(row) {
					return strings.TrimSpace(row[i])
				}
				return ""
			}
			code, name := cell(codeCol), cell(nameCol)
			if code == "" && name == "" {
				continue
			}
			if m := codeAndName.FindStringSubmatch(code); m != nil && (name == "" || nameCol < 0) {
				code, name = m[1], m[2]
			}
			if f, err := strconv.ParseFloat(code, 64); err == nil && !isDigits(code) && f == float64(int64(f)) {
				code = strconv.FormatInt(int64(f), 10) // a code stored as a number: 2010301 or 2.010301E6
			}
			if msg := c.add(code, name, source); msg != "" {
				rows.Close()
				col := codeCol
				if !strings.HasPrefix(msg, "分类目录中的编码") && nameCol >= 0 {
					col = nameCol
				}
				return nil, &Error{File: file + "!" + sheet + "!" + xlsxread.CellName(col+1, r+1), Msg: msg}
			}
		}
		if err := rows.Err(); err != nil {
			return nil, catalogReadError(file, err)
		}
		if header >= 0 {
			return c, nil
		}
	}
	return nil, &Error{File: file, Msg: "分类目录工作簿中找不到表头为“编码”（或“科目编码”）和“名称”（或“科目名称”）的列"}
}

// catalogReadError says why a catalog workbook could not be read.
func catalogReadError(file string, err error) error {
	var le *xlsxread.LimitError
	if errors.As(err, &le) {
		return &Error{File: file, Msg: "无法读取分类目录：" + le.Chinese() + "，而分类目录远小于此：请只保留编码和名称两列，另存为新的工作簿（或 CSV 文件）"}
	}
	return &Error{File: file, Msg: "无法读取分类目录：不是有效的 Excel 工作簿（.xlsx）"}
}

// csvProblem says a CSV parse problem in Chinese.
func csvProblem(err error) string {
	switch {
	case errors.Is(err, csv.ErrQuote), errors.Is(err, csv.ErrBareQuote):
		return "引号使用有误（" + err.Error() + "）"
	case errors.Is(err, csv.ErrFieldCount):
		return "列数不一致"
	}
	return err.Error()
}

func isDigits(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}
