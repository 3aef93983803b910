package input

import (
	"errors"
	"io/fs"
	"testing"
)

// TestErrorPlaces: an error is said at its line and column, at a
// workbook's cell (book.xlsx:表3!D12:), or at the file alone; its cause is
// reachable with errors.Is.
func TestErrorPlaces(t *testing.T) {
	for _, c := range []struct {
		e    *Error
		want string
	}{
		{&Error{File: "a.yaml", Pos: Pos{Line: 3, Col: 9}, Msg: "错"}, "a.yaml:3:9: 错"},
		{&Error{File: "book.xlsx", Cell: "表3!D12", Msg: "错"}, "book.xlsx:表3!D12: 错"},
		{&Error{File: "a.yaml", Msg: "错"}, "a.yaml: 错"},
	} {
		if got := c.e.Error(); got != c.want {
			t.Errorf("%+v says %q, want %q", c.e, got, c.want)
		}
	}
	e := error(&Error{File: "a.yaml", Msg: "无法读取", Err: fs.ErrNotExist})
	if !errors.Is(e, fs.ErrNotExist) {
		t.Error("the cause is not reached through Unwrap")
	}
}
