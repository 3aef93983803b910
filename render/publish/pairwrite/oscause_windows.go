//go:build windows

package pairwrite

import (
	"errors"

	"golang.org/x/sys/windows"
)

func diskFull(err error) bool {
	return errors.Is(err, windows.ERROR_DISK_FULL) || errors.Is(err, windows.ERROR_HANDLE_DISK_FULL)
}
func quotaFull(err error) bool { return errors.Is(err, windows.ERROR_DISK_QUOTA_EXCEEDED) }
func readOnly(err error) bool  { return errors.Is(err, windows.ERROR_WRITE_PROTECT) }
func nameTooLong(err error) bool {
	return errors.Is(err, windows.ERROR_FILENAME_EXCED_RANGE) || errors.Is(err, windows.ERROR_BUFFER_OVERFLOW)
}
func ioError(err error) bool {
	return errors.Is(err, windows.ERROR_CRC) || errors.Is(err, windows.ERROR_IO_DEVICE)
}
