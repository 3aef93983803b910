package publish

import (
	"os"
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

// Stem is the input's base name without .yaml/.yml: output names never come
// from anything inside the file, so no input can write outside the folder.
func Stem(name string) string {
	base := filepath.Base(name)
	for _, ext := range []string{".yaml", ".yml", ".YAML", ".YML"} {
		base = strings.TrimSuffix(base, ext)
	}
	if base == "" || base == "." || base == ".." || base == string(filepath.Separator) {
		base = "budget"
	}
	return base
}

// writeAtomic writes data to path through a temporary file in the same
// folder and a rename: a failed or interrupted run leaves the previous
// complete file or none, never half a file.
func writeAtomic(path string, data []byte) (err error) {
	dir, base := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	tmp, err := os.CreateTemp(dir, "."+base+".tmp-*")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			_ = tmp.Close()
			_ = os.Remove(tmp.Name())
		}
	}()
	if _, err = tmp.Write(data); err != nil {
		return err
	}
	if err = tmp.Chmod(0o644); err != nil {
		return err
	}
	if err = tmp.Sync(); err != nil {
		return err
	}
	if err = tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}

// WriteFile writes data to path through a temporary file and a rename.
func WriteFile(path string, data []byte) error { return writeAtomic(path, data) }
