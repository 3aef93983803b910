//go:build !unix && !windows

package pairwrite

func diskFull(error) bool    { return false }
func quotaFull(error) bool   { return false }
func readOnly(error) bool    { return false }
func nameTooLong(error) bool { return false }
func ioError(error) bool     { return false }
