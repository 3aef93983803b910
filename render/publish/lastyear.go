package publish

import "github.com/budgetpub/budgetpub/render/publish/rollover"

// Last year's file rolled over (package rollover), read with the
// process's catalog and wording, a fault inside becoming a Fault.

// LastYear is last year's master input with its computed publication.
type (
	LastYear      = rollover.LastYear
	LastYearError = rollover.LastYearError
	YearError     = rollover.YearError
)

// ReadLastYear decodes and builds last year's file (no writers run).
func ReadLastYear(res *Resources, path string) (ly *LastYear, err error) {
	err = Guard(path, "读取上年文件时出错", func() error {
		ly, err = rollover.Read(res.Catalog, res.Wording, path)
		return err
	})
	return ly, err
}

// LastYearFrom is ReadLastYear of a file's bytes, named name in messages
// (an upload of the workbench).
func LastYearFrom(res *Resources, name string, data []byte) (ly *LastYear, err error) {
	err = Guard(name, "读取上年文件时出错", func() error {
		ly, err = rollover.From(res.Catalog, res.Wording, name, data)
		return err
	})
	return ly, err
}
