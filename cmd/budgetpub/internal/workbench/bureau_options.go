package workbench

import (
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/budgetpub/budgetpub/render/publish"
)

// What the bureau page lets the reviewer choose, as batch's flags do:
// 严格核对 (--strict), 开放数据 (--open-data), and the roster of the
// departments that must publish (--roster, with --due-days). Every message
// names the field by its label on the page, never by a flag.

// The bureau form's fields.
const (
	optionsField  = "options"   // set by the page's form: the options below were shown (a script posting without it gets the server's)
	strictField   = "strict"    // 严格核对
	openDataField = "open_data" // 同时生成开放数据
	dueDaysField  = "due_days"  // 批复后几天内公开
	rosterField   = "roster"    // 应公开部门名单
)

// The labels of the fields, as the page shows them and messages name them.
const (
	rosterLabel  = "应公开部门名单"
	dueDaysLabel = "批复后几天内公开"
)

const (
	defaultDueDays = 20       // as batch's --due-days
	maxDueDays     = 3650     // as batch's --due-days
	maxRosterBytes = 16 << 20 // as publish.ReadRoster reads
	maxFieldBytes  = 1 << 10  // a text field of the bureau form
)

// batchOptions are a batch's options, chosen on the page.
type batchOptions struct {
	Strict, OpenData bool
	Roster           *publish.Roster // nil: none given
	RosterName       string          // the roster's name as uploaded
}

// bureauForm is what the bureau form brought besides the inputs: its
// fields, and the roster kept in the batch's folder.
type bureauForm struct {
	fields     map[string]string
	rosterPath string // roster.csv or roster.xlsx in the batch's folder
	rosterName string // as uploaded
}

// field reads a text field of the form: an option is kept, any other field
// read past (a script's many fields never fill memory).
func (f *bureauForm) field(part *multipart.Part) error {
	switch part.FormName() {
	case optionsField, strictField, openDataField, dueDaysField:
	default:
		return discard(part)
	}
	b, err := io.ReadAll(io.LimitReader(part, maxFieldBytes+1))
	if err != nil {
		return tooBig(err, maxBatchBytes)
	}
	if len(b) > maxFieldBytes {
		return &httpError{http.StatusRequestEntityTooLarge, "表单中的文字过长"}
	}
	f.fields[part.FormName()] = string(b)
	return nil
}

// roster keeps the roster uploaded, as roster.xlsx when it is a workbook
// (a zip), else roster.csv: ReadRoster reads it by that ending.
func (f *bureauForm) roster(sp *space, part io.Reader, name string) error {
	kind, body := peekKind(part)
	ext := ".csv"
	if kind == kindZip {
		ext = ".xlsx"
	}
	path := sp.path("roster" + ext)
	for _, old := range []string{"roster.csv", "roster.xlsx"} { // a second roster of the form replaces the first
		_ = os.Remove(sp.path(old))
	}
	_, over, err := copyLimited(path, body, maxRosterBytes)
	switch {
	case err != nil:
		return tooBig(err, maxBatchBytes)
	case over:
		return &httpError{http.StatusRequestEntityTooLarge, fmt.Sprintf("“%s”%s 过大（上限 %d MB）：请确认选对了文件", rosterLabel, name, maxRosterBytes>>20)}
	}
	f.rosterPath, f.rosterName = path, name
	return nil
}

// batchOptions are the options the form chose, or what is wrong with them
// (each naming its field by its label, with the fix). A request that did
// not come from the page's form (no options field) gets the server's.
func (s *Server) batchOptions(f *bureauForm) (batchOptions, []string) {
	o := batchOptions{Strict: s.cfg.Options.Strict, OpenData: s.cfg.Options.OpenData}
	if f == nil {
		return o, nil
	}
	if f.fields[optionsField] != "" {
		o.Strict, o.OpenData = f.fields[strictField] != "", f.fields[openDataField] != ""
	}
	if f.rosterPath == "" {
		return o, nil
	}
	var problems []string
	days := defaultDueDays
	if d := strings.TrimSpace(f.fields[dueDaysField]); d != "" {
		n, err := strconv.Atoi(d)
		if err != nil || n < 0 || n > maxDueDays {
			problems = append(problems, fmt.Sprintf("“%s”应为 0 至 %d 之间的整数天数，如 %d；现在是“%s”", dueDaysLabel, maxDueDays, defaultDueDays, clipText(d, 20)))
		}
		days = n
	}
	ro, err := publish.ReadRoster(f.rosterPath)
	if err != nil {
		msg := strings.TrimPrefix(err.Error(), f.rosterPath+": ")
		msg = strings.ReplaceAll(msg, f.rosterPath, f.rosterName)
		problems = append(problems, fmt.Sprintf("“%s”%s 没有读入：%s", rosterLabel, f.rosterName, msg))
		return o, problems
	}
	ro.Path, ro.DueDays = f.rosterName, days
	y, m, d := time.Now().Date()
	ro.AsOf = time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	o.Roster, o.RosterName = ro, f.rosterName
	return o, problems
}

// clipText is s cut to n characters, with … when cut.
func clipText(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n]) + "…"
}
