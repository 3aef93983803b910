//go:build unix

package pairwrite

import (
	"errors"
	"os"
	"syscall"
)

// lockFolder locks the folder root is opened on, itself (no lock file is
// left in it). The folder is opened read-only, as a folder can only be: a
// filesystem that locks only files opened for writing (NFS, which emulates
// flock with byte-range locks) refuses it.
func lockFolder(root *os.Root) (func(), error) {
	f, err := root.Open(".")
	if err != nil {
		return nil, err
	}
	if err := lockFile(f); err != nil {
		f.Close()
		return nil, err
	}
	return func() { unlockFile(f); f.Close() }, nil
}

// flock is the system's flock, replaced by tests that need a filesystem
// refusing it.
var flock = syscall.Flock

func lockFile(f *os.File) error {
	for {
		err := flock(int(f.Fd()), syscall.LOCK_EX)
		if !errors.Is(err, syscall.EINTR) {
			return err
		}
	}
}

func unlockFile(f *os.File) { _ = flock(int(f.Fd()), syscall.LOCK_UN) }

// processAlive tells whether a process of that id is running.
func processAlive(pid int) bool {
	err := syscall.Kill(pid, 0)
	return err == nil || errors.Is(err, syscall.EPERM)
}

// tryLockFile takes f's lock if it is free; busy when another holds it.
func tryLockFile(f *os.File) (busy bool, err error) {
	for {
		err := flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB)
		switch {
		case err == nil:
			return false, nil
		case errors.Is(err, syscall.EWOULDBLOCK):
			return true, nil
		case !errors.Is(err, syscall.EINTR):
			return false, err
		}
	}
}
