//go:build !unix && !windows

package publish

func lockFolder(string) (func(), error) { return func() {}, nil }
func processAlive(pid int) bool         { return true } // never touch another's files
