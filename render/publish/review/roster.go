package review

import (
	"bytes"
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/budgetpub/budgetpub/input"
	"github.com/budgetpub/budgetpub/input/xlsxread"
	"github.com/budgetpub/budgetpub/render"
	"github.com/budgetpub/budgetpub/render/xlsx"
)

// A roster lists the departments that must publish: the review has a row
// for each (sheet 名单), says which submitted no file and how long each
// has left, and flags the files of departments not on it and the
// departments with two files.

// RosterEntry is one department of a roster.
type RosterEntry struct {
	Code, Name, Parent string
	Approved           time.Time // 批复日期; zero when not given
}

// Roster is a roster read (ReadRoster), with what the check found
// (CheckRoster).
type Roster struct {
	Path    string
	Entries []RosterEntry
	DueDays int       // days from 批复日期 to the date due
	AsOf    time.Time // the day the days left are counted from

	Missing, Unlisted, Twice int // set by the review's sheet: entries with no file, files not on it, entries with several
}

// maxRosterSize bounds the roster file read.
const maxRosterSize = 16 << 20

// ReadRoster reads a roster: a CSV file (UTF-8 or GBK) or an .xlsx
// workbook (its first sheet), whose header names the columns 部门编码 and
// 部门名称, and optionally 批复日期 and 所属. The errors are Chinese and
// name the file and the line.
func ReadRoster(path string) (*Roster, error) {
	data, err := input.ReadRegular(path, maxRosterSize)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("%s: 找不到名单文件：请检查 --roster 给出的路径", path)
	}
	if err != nil {
		return nil, fmt.Errorf("%s: 无法读取名单：%v", path, firstErr(err))
	}
	var rows [][]string
	if strings.EqualFold(filepath.Ext(path), ".xlsx") {
		rows, err = rosterXLSX(data)
	} else {
		rows, err = rosterCSV(path, data)
	}
	if err != nil {
		return nil, fmt.Errorf("%s: %v", path, err)
	}
	if len(rows) == 0 {
		return nil, fmt.Errorf("%s: 名单是空的：第一行应为表头（部门编码,部门名称,批复日期,所属）", path)
	}
	col := map[string]int{}
	for i, h := range rows[0] {
		col[strings.TrimSpace(h)] = i
	}
	for _, need := range []string{"部门编码", "部门名称"} {
		if _, ok := col[need]; !ok {
			return nil, fmt.Errorf("%s: 第 1 行（表头）没有“%s”列：表头应为 部门编码,部门名称，可另有 批复日期、所属", path, need)
		}
	}
	get := func(r []string, name string) string {
		if i, ok := col[name]; ok && i < len(r) {
			return strings.TrimSpace(r[i])
		}
		return ""
	}
	ro := &Roster{Path: path}
	codes, names := map[string]int{}, map[string]int{}
	for i, r := range rows[1:] {
		line := i + 2
		e := RosterEntry{Code: get(r, "部门编码"), Name: get(r, "部门名称"), Parent: get(r, "所属")}
		if e.Code == "" && e.Name == "" {
			continue
		}
		if d := get(r, "批复日期"); d != "" {
			t, ok := rosterDate(d)
			if !ok {
				return nil, fmt.Errorf("%s: 第 %d 行的批复日期“%s”无法识别：请写作 2025-01-15", path, line, clip(d))
			}
			e.Approved = t
		}
		if prev, ok := codes[e.Code]; ok && e.Code != "" {
			return nil, fmt.Errorf("%s: 第 %d 行与第 %d 行的部门编码都是 %s：每个部门只列一次", path, line, prev, e.Code)
		}
		if prev, ok := names[e.Name]; ok && e.Code == "" && e.Name != "" {
			return nil, fmt.Errorf("%s: 第 %d 行与第 %d 行都是“%s”且没有部门编码：每个部门只列一次，或补上编码", path, line, prev, e.Name)
		}
		codes[e.Code], names[e.Name] = line, line
		ro.Entries = append(ro.Entries, e)
	}
	if len(ro.Entries) == 0 {
		return nil, fmt.Errorf("%s: 名单中没有部门：表头下每行一个部门（部门编码,部门名称）", path)
	}
	return ro, nil
}

func rosterCSV(path string, data []byte) ([][]string, error) {
	text, _, err := input.ToUTF8(path, data)
	if err != nil {
		return nil, fmt.Errorf("不是 UTF-8 或 GBK 文本：请用 Excel 或记事本另存为 CSV（UTF-8）")
	}
	r := csv.NewReader(bytes.NewReader(text))
	r.FieldsPerRecord = -1
	var rows [][]string
	for {
		rec, err := r.Read()
		if err == io.EOF {
			return rows, nil
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				return nil, fmt.Errorf("第 %d 行不是有效的 CSV（%v）：请检查引号", pe.Line, pe.Err)
			}
			return nil, fmt.Errorf("不是有效的 CSV：%v", err)
		}
		rows = append(rows, rec)
	}
}

func rosterXLSX(data []byte) ([][]string, error) {
	b, err := xlsxread.Open(context.Background(), data, recordsLimitsForRoster)
	if err != nil {
		var le *xlsxread.LimitError
		if errors.As(err, &le) {
			return nil, errors.New(le.Chinese())
		}
		return nil, fmt.Errorf("不是有效的 Excel 工作簿（.xlsx）")
	}
	sheets := b.Sheets()
	if len(sheets) == 0 {
		return nil, fmt.Errorf("工作簿中没有工作表")
	}
	g, err := b.Grid(sheets[0])
	if err != nil {
		return nil, fmt.Errorf("工作表“%s”无法读取：%v", sheets[0], err)
	}
	return g.Cells, nil
}

// recordsLimitsForRoster bound the reading of a roster workbook.
var recordsLimitsForRoster = xlsxread.Limits{
	Entries: 1_000, Sheets: 100, Part: 64 << 20, Unzipped: 128 << 20,
	Strings: 200_000, StringText: 16 << 20, CellText: 4096, Columns: 64, Rows: 100_000, Cells: 2_000_000,
}

var (
	dateDashes = regexp.MustCompile(`^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$`)
	dateWords  = regexp.MustCompile(`^(\d{4})年(\d{1,2})月(\d{1,2})日$`)
	dateDigits = regexp.MustCompile(`^(\d{4})(\d{2})(\d{2})$`)
	dateSerial = regexp.MustCompile(`^\d{5}(\.0+)?$`)
)

// rosterDate reads a date as a roster gives it: 2025-01-15, 2025/1/15,
// 2025年1月15日, 20250115, or an Excel date cell's serial number.
func rosterDate(s string) (time.Time, bool) {
	if dateSerial.MatchString(s) {
		n, _ := strconv.Atoi(strings.SplitN(s, ".", 2)[0])
		return time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC).AddDate(0, 0, n), true
	}
	for _, re := range []*regexp.Regexp{dateDashes, dateWords, dateDigits} {
		if m := re.FindStringSubmatch(s); m != nil {
			y, _ := strconv.Atoi(m[1])
			mo, _ := strconv.Atoi(m[2])
			d, _ := strconv.Atoi(m[3])
			t := time.Date(y, time.Month(mo), d, 0, 0, 0, 0, time.UTC)
			if t.Year() != y || int(t.Month()) != mo || t.Day() != d {
				return time.Time{}, false
			}
			return t, true
		}
	}
	return time.Time{}, false
}

// ParseDate reads --as-of: a day written 2025-01-15.
func ParseDate(s string) (time.Time, bool) {
	m := dateDashes.FindStringSubmatch(s)
	if m == nil {
		return time.Time{}, false
	}
	return rosterDate(s)
}

// rosterSheet is the review's sheet 名单: a row per roster entry — its
// file(s) in 汇总 (departments), matched by code, then by name —, then a
// row per department of 汇总 not on the roster. It counts what it finds in
// ro.
func rosterSheet(ro *Roster, departments []Department) xlsx.Records {
	text := xlsx.RecordText
	sheet := xlsx.Records{Name: "名单", Columns: []xlsx.RecordColumn{
		{Title: "部门编码", Kind: text}, {Title: "部门名称", Kind: text, Width: 28}, {Title: "所属", Kind: text, Width: 20},
		{Title: "批复日期", Kind: text, Width: 12}, {Title: "应公开日期", Kind: text, Width: 12},
		{Title: "提交情况", Kind: text, Width: 24}, {Title: "期限", Kind: text, Width: 14},
		{Title: "状态", Kind: text}, {Title: "输入文件", Kind: text, Width: 40},
	}}
	ro.Missing, ro.Unlisted, ro.Twice = 0, 0, 0
	byCode, byName := map[string]int{}, map[string]int{}
	for i, e := range ro.Entries {
		if e.Code != "" {
			byCode[e.Code] = i
		}
		if e.Name != "" {
			if _, ok := byName[e.Name]; !ok {
				byName[e.Name] = i
			}
		}
	}
	files := make([][]int, len(ro.Entries)) // the rows of departments of each entry
	var unlisted []int
	for k, r := range departments {
		code, name := r.Code, r.Name
		i, ok := byCode[code]
		if !ok || code == "" {
			i, ok = byName[name]
			ok = ok && name != ""
		}
		if !ok {
			unlisted = append(unlisted, k)
			continue
		}
		files[i] = append(files[i], k)
	}
	day := func(t time.Time) string { return t.Format("2006-01-02") }
	for i, e := range ro.Entries {
		var approved, due, left, status string
		if !e.Approved.IsZero() {
			d := e.Approved.AddDate(0, 0, ro.DueDays)
			approved, due = day(e.Approved), day(d)
			switch n := int(d.Sub(ro.AsOf).Hours() / 24); {
			case n < 0:
				left = fmt.Sprintf("已逾期 %d 天", -n)
			case n == 0:
				left = "今日到期"
			default:
				left = fmt.Sprintf("剩余 %d 天", n)
			}
		}
		var paths []string
		done := false
		for _, k := range files[i] {
			paths = append(paths, departments[k].File)
			s := departments[k].Status
			done = done || Done(s)
			if status == "" {
				status = s
			}
		}
		submitted := "已提交"
		switch {
		case len(paths) == 0:
			submitted, status = "未提交", ""
			ro.Missing++
		case len(paths) > 1:
			submitted = fmt.Sprintf("同一部门有 %d 个文件", len(paths))
			ro.Twice++
		}
		if done && len(paths) == 1 && status == string(render.StatusPublishable) {
			left = "" // published: no date left to keep
		}
		sheet.Rows = append(sheet.Rows, []any{orNil(e.Code), orNil(e.Name), orNil(e.Parent), orNil(approved), orNil(due), submitted, orNil(left), orNil(status), orNil(strings.Join(paths, "、"))})
	}
	for _, k := range unlisted {
		r := departments[k]
		sheet.Rows = append(sheet.Rows, []any{r.Code, r.Name, nil, nil, nil, "不在名单中", nil, r.Status, r.File})
		ro.Unlisted++
	}
	return sheet
}

func orNil(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// clip shortens a text quoted in a message.
func clip(s string) string {
	if r := []rune(s); len(r) > 60 {
		return string(r[:60]) + "…"
	}
	return s
}
