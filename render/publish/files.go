package publish

import (
	"github.com/budgetpub/budgetpub/input"
	"github.com/budgetpub/budgetpub/render/publish/deptfiles"
)

// maxTemplateSize bounds a sentence-template file (the default is 10 KB).
const maxTemplateSize = 1 << 20

// ReadFile reads a file the program was told to read: a regular file of at
// most limit bytes (input.ReadRegular).
func ReadFile(path string, limit int64) ([]byte, error) { return input.ReadRegular(path, limit) }

// ReadInput reads a master input file.
func ReadInput(path string) ([]byte, error) { return ReadFile(path, input.MaxFileSize) }

// Stem is the input's base name without .yaml/.yml (or, for a workbook,
// .xlsx), the output name of its files (deptfiles.Stem).
func Stem(name string) string { return deptfiles.Stem(name) }
