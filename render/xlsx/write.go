// Package xlsx writes the publication's 13 tables as a workbook: one sheet
// per table, with the label (if any), title, department and unit lines,
// the merged header grid, the body with amounts as numbers (in the table's
// number format), the notes, frozen header rows and an A4 print setup;
// then, when the publication has charts, a sheet 图表 with each chart's data
// and a native pie chart. Identical input gives identical bytes; the
// command writes them to disk.
package xlsx

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/budgetpub/budgetpub/render"
	"github.com/xuri/excelize/v2"
)

// docTime is the creation and modification time recorded in the workbook's
// properties, fixed so that the bytes do not depend on the clock.
const docTime = "2000-01-01T00:00:00Z"

// Write writes the workbook of p to w. Identical p gives identical bytes.
func Write(w io.Writer, p *render.Publication) error {
	b, err := build(p)
	if err != nil {
		return err
	}
	_, err = w.Write(b)
	return err
}

// build renders the workbook of p into memory.
func build(p *render.Publication) ([]byte, error) {
	if err := checkPublication(p); err != nil {
		return nil, err
	}
	f := excelize.NewFile()
	defer func() { _ = f.Close() }()
	f.SetZipWriter(newSortedZip)
	st := newStyles(f)
	for i, t := range p.Tables {
		if i == 0 {
			if err := f.SetSheetName(f.GetSheetName(0), t.SheetName); err != nil {
				return nil, err
			}
		} else if _, err := f.NewSheet(t.SheetName); err != nil {
			return nil, err
		}
		s := &sheet{f: f, st: st, name: t.SheetName, t: t}
		if err := s.write(); err != nil {
			return nil, err
		}
	}
	if err := writeCharts(f, p); err != nil {
		return nil, err
	}
	if err := f.SetDocProps(docProps(p)); err != nil {
		return nil, err
	}
	buf, err := f.WriteToBuffer()
	if err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// docProps are the workbook's properties, with fixed times.
func docProps(p *render.Publication) *excelize.DocProperties {
	dept := p.Department
	for _, t := range p.Tables {
		if dept != "" {
			break
		}
		dept = t.Department
	}
	return &excelize.DocProperties{
		Title:          fmt.Sprintf("%s%d年度部门预算公开表", dept, p.Year),
		Creator:        "budgetpub",
		LastModifiedBy: "budgetpub",
		Language:       "zh-CN",
		Created:        docTime,
		Modified:       docTime,
	}
}

// checkPublication reports a publication the workbook cannot hold.
func checkPublication(p *render.Publication) error {
	if p == nil || len(p.Tables) == 0 {
		return errors.New("xlsx: publication has no tables")
	}
	seen := map[string]bool{}
	for i, t := range p.Tables {
		if t == nil {
			return fmt.Errorf("xlsx: table %d is nil", i+1)
		}
		key := strings.ToLower(t.SheetName)
		if t.SheetName == "" || seen[key] {
			return fmt.Errorf("xlsx: table %d: sheet name %q empty or used twice", t.Number, t.SheetName)
		}
		seen[key] = true
		if err := checkTable(t); err != nil {
			return fmt.Errorf("xlsx: %w", err)
		}
	}
	return nil
}
