package xlsx

import (
	"bytes"
	"testing"

	"github.com/shopspring/decimal"
)

// FuzzReadRecords: no workbook, however damaged, makes ReadRecords panic or
// hang; what it reads it can write back.
//
//	go test -run '^$' -fuzz=FuzzReadRecords -fuzztime=5m ./render/xlsx/
func FuzzReadRecords(f *testing.F) {
	rows := [][]any{{"部门甲", 3, decimal.RequireFromString("5103.42"), nil}, {"乙", nil, decimal.RequireFromString("-1"), "备注"}}
	var buf bytes.Buffer
	if err := WriteRecords(&buf, BookProps{Title: "t", Description: "d"}, []Records{{Name: "汇总", Columns: readColumns, Rows: rows}}); err != nil {
		f.Fatal(err)
	}
	f.Add(buf.Bytes())
	f.Add([]byte("PK\x03\x04"))
	want := []Records{{Name: "汇总", Columns: readColumns}}
	f.Fuzz(func(t *testing.T, data []byte) {
		got, props, err := ReadRecords(data, want)
		if err != nil {
			return
		}
		var out bytes.Buffer
		if err := WriteRecords(&out, props, got); err != nil {
			t.Errorf("read back but not written: %v", err)
		}
	})
}
