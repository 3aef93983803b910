//go:build unix

package pairwrite

import (
	"errors"
	"syscall"
)

func diskFull(err error) bool    { return errors.Is(err, syscall.ENOSPC) }
func quotaFull(err error) bool   { return errors.Is(err, syscall.EDQUOT) }
func readOnly(err error) bool    { return errors.Is(err, syscall.EROFS) }
func nameTooLong(err error) bool { return errors.Is(err, syscall.ENAMETOOLONG) }
func ioError(err error) bool     { return errors.Is(err, syscall.EIO) }
