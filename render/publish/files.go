package publish

import (
	"path/filepath"
	"strings"

	"github.com/budgetpub/budgetpub/input"
)

// maxTemplateSize bounds a sentence-template file (the default is 10 KB).
const maxTemplateSize = 1 << 20

// ReadFile reads a file the program was told to read: a regular file of at
// most limit bytes (input.ReadRegular).
func ReadFile(path string, limit int64) ([]byte, error) { return input.ReadRegular(path, limit) }

// ReadInput reads a master input file.
func ReadInput(path string) ([]byte, error) { return ReadFile(path, input.MaxFileSize) }

// Stem is the input's base name without .yaml/.yml (or, for a workbook,
// .xlsx): output names never come from anything inside the file, so no
// input can write outside the folder.
func Stem(name string) string {
	base := filepath.Base(name)
	if IsWorkbook(base) {
		base = base[:len(base)-len(".xlsx")]
	}
	for _, ext := range []string{".yaml", ".yml", ".YAML", ".YML"} {
		base = strings.TrimSuffix(base, ext)
	}
	if base == "" || base == "." || base == ".." || base == string(filepath.Separator) {
		base = "budget"
	}
	return base
}
