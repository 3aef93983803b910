package input

import (
	_ "embed"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"sync"
)

//go:embed catalog.csv
var embeddedCatalog string

// Catalog names classification codes: 支出功能分类 (2xx), 部门预算支出经济分类
// (3xx), 政府预算支出经济分类 (5xx) and revenue heads (1xx). Their first digits
// keep them apart, so one map serves all.
type Catalog struct {
	names map[string]string
}

var (
	defaultOnce    sync.Once
	defaultCatalog *Catalog
)

// DefaultCatalog is the catalog embedded in the program: only codes whose
// names are sure (see the source column of catalog.csv).
func DefaultCatalog() *Catalog {
	defaultOnce.Do(func() {
		c, err := parseCatalog("catalog.csv", strings.NewReader(embeddedCatalog), nil)
		if err != nil {
			panic(err)
		}
		defaultCatalog = c
	})
	return defaultCatalog
}

// Name returns a code's name and whether the catalog has it.
func (c *Catalog) Name(code string) (string, bool) {
	n, ok := c.names[code]
	return n, ok
}

// Len is the number of codes the catalog names.
func (c *Catalog) Len() int { return len(c.names) }

// LoadCatalog reads a user's catalog (CSV: code,name; more columns are
// ignored, a header line and # comments are allowed) on top of the embedded
// one: its names extend and override the embedded names.
func LoadCatalog(path string) (*Catalog, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, &Error{File: path, Msg: "无法读取分类目录：" + err.Error()}
	}
	defer f.Close()
	return parseCatalog(path, io.LimitReader(f, MaxFileSize), DefaultCatalog())
}

func parseCatalog(file string, r io.Reader, base *Catalog) (*Catalog, error) {
	c := &Catalog{names: map[string]string{}}
	if base != nil {
		for k, v := range base.names {
			c.names[k] = v
		}
	}
	cr := csv.NewReader(r)
	cr.Comment = '#'
	cr.FieldsPerRecord = -1
	cr.TrimLeadingSpace = true
	line := 0
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				return nil, &Error{File: file, Pos: Pos{pe.Line, pe.Column}, Msg: "分类目录格式错误：" + csvProblem(pe.Err)}
			}
			return nil, &Error{File: file, Msg: "无法读取分类目录：" + err.Error()}
		}
		line, _ = cr.FieldPos(0)
		if len(rec) < 2 {
			return nil, &Error{File: file, Pos: Pos{line, 1}, Msg: "分类目录每行应为 编码,名称"}
		}
		code := strings.TrimPrefix(strings.TrimSpace(rec[0]), "\ufeff")
		name := strings.TrimSpace(rec[1])
		if code == "code" || code == "编码" || code == "科目编码" {
			continue
		}
		if !isDigits(code) || len(code) > 9 {
			return nil, &Error{File: file, Pos: Pos{line, 1}, Msg: fmt.Sprintf("分类目录中的编码 %q 应为数字", code)}
		}
		if name == "" {
			return nil, &Error{File: file, Pos: Pos{line, 1}, Msg: fmt.Sprintf("分类目录中编码 %s 没有名称", code)}
		}
		c.names[code] = name
	}
	return c, nil
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
