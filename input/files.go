package input

import (
	"fmt"
	"io"
	"os"
)

// ReadRegular reads a file the program was told to read — an input, a
// catalog, a template, a font — refusing at once anything but a regular
// file (a folder, a FIFO, a device such as /dev/zero) and anything over
// limit bytes, so that no named file can hang the program or exhaust its
// memory.
func ReadRegular(path string, limit int64) ([]byte, error) {
	fi, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if !fi.Mode().IsRegular() {
		return nil, fmt.Errorf("不是普通文件")
	}
	if fi.Size() > limit {
		return nil, fmt.Errorf("文件过大（%d 字节，上限 %d 字节）", fi.Size(), limit)
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	// The file may have been replaced since the Stat: check again on the
	// open file, and never read more than the limit.
	if fi, err = f.Stat(); err != nil || !fi.Mode().IsRegular() {
		return nil, fmt.Errorf("不是普通文件")
	}
	data, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > limit {
		return nil, fmt.Errorf("文件过大（超过 %d 字节）", limit)
	}
	return data, nil
}
