package xlsxread_test

import (
	"bytes"
	"context"
	"errors"
	"io"
	"runtime"
	"testing"

	"github.com/budgetpub/budgetpub/input/xlsxread"
	x "github.com/budgetpub/budgetpub/input/xlsxread/xlsxtest"
)

// fuzzLimits are small, so that the fuzzer reaches them.
var fuzzLimits = xlsxread.Limits{
	Entries:    100,
	Sheets:     10,
	Part:       2 << 20,
	Unzipped:   4 << 20,
	Strings:    10_000,
	StringText: 1 << 20,
	CellText:   64 << 10,
	Columns:    64,
	Rows:       5_000,
	Cells:      50_000,
	Merged:     1_000,
	Token:      256 << 10,
}

// fuzzBound is the most one read of a workbook within fuzzLimits may
// allocate: the tokens of the 4 MB it may unzip (encoding/xml makes each
// name, attribute and text anew: up to 12 bytes for a byte read, measured
// on rows of small cells), the cells and strings it may keep, and the
// zip's own readers.
const fuzzBound = 16*(4<<20) + 16*50_000 + 16*10_000 + (1 << 20) + 8<<20

// FuzzGrid: whatever a worksheet and its shared-string table hold — rows
// reaching XFD, tall sheets, rows and cells without r=, merged ranges,
// millions of strings, rows repeated into a bomb — reading it as Grids
// and as Rows allocates at most fuzzBound (runtime.MemStats), keeps at
// most Limits.Rows rows of Limits.Columns cells, and fails, if it fails,
// with a LimitError or a FormatError; it never panics. The worksheet is
// <sheetData> rows×times </sheetData> tail×tailTimes, the table <sst>
// strings×stringTimes </sst>, each at most twice Limits.Part.
//
//	go test -run '^$' -fuzz=FuzzGrid -fuzztime=10m ./input/xlsxread/
func FuzzGrid(f *testing.F) {
	f.Fuzz(func(t *testing.T, rows []byte, times uint16, tail []byte, tailTimes uint16, strings []byte, stringTimes uint16) {
		most := 2 * int(fuzzLimits.Part)
		if testing.Short() && len(rows)*int(times)+len(tail)*int(tailTimes)+len(strings)*int(stringTimes) > 1<<20 {
			t.Skip("-short: a seed of over 1 MB")
		}
		repeat := func(b []byte, n uint16) []byte {
			if len(b) == 0 {
				return nil
			}
			return bytes.Repeat(b, min(int(n), most/len(b)))
		}
		part := append([]byte(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`), repeat(rows, times)...)
		part = append(append(append(part, "</sheetData>"...), repeat(tail, tailTimes)...), "</worksheet>"...)
		book := x.Book{Store: true, Sheets: []x.Sheet{{Name: "表", Write: write(part)}, {Name: "二", Write: write(part)}}}
		if len(strings) > 0 {
			sst := append([]byte(`<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">`), repeat(strings, stringTimes)...)
			book.Strings = write(append(sst, "</sst>"...))
		}
		data := book.Bytes()
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		err := readAll(data, t)
		runtime.ReadMemStats(&after)
		if used := after.TotalAlloc - before.TotalAlloc; used > fuzzBound {
			t.Errorf("reading %d bytes (parts of %d) allocated %d MB, more than %d MB", len(data), len(part), used>>20, fuzzBound>>20)
		}
		var le *xlsxread.LimitError
		var fe *xlsxread.FormatError
		if err != nil && !errors.As(err, &le) && !errors.As(err, &fe) {
			t.Errorf("an error of another kind: %T %v", err, err)
		}
	})
}

func write(b []byte) func(io.Writer) {
	return func(w io.Writer) { _, _ = w.Write(b) }
}

// readAll reads every sheet as a Grid, then as Rows, checking what is kept.
func readAll(data []byte, t *testing.T) error {
	b, err := xlsxread.Open(context.Background(), data, fuzzLimits)
	if err != nil {
		return err
	}
	for _, s := range b.Sheets() {
		g, err := b.Grid(s)
		if err != nil {
			return err
		}
		if len(g.Cells) > fuzzLimits.Rows {
			t.Errorf("%d rows kept", len(g.Cells))
		}
		for _, row := range g.Cells {
			if len(row) > fuzzLimits.Columns {
				t.Errorf("a row of %d cells kept", len(row))
			}
		}
		rows, err := b.Rows(s)
		if err != nil {
			return err
		}
		for rows.Next() {
			if len(rows.Cells()) > fuzzLimits.Columns {
				t.Errorf("a row of %d cells", len(rows.Cells()))
			}
		}
		if err := rows.Err(); err != nil {
			return err
		}
	}
	_, err = b.Props()
	return err
}
