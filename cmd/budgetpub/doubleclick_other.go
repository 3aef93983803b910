//go:build !windows

package main

// startedByDoubleClick is false: only Windows starts a console program by
// a double-click without arguments.
func startedByDoubleClick() bool { return false }

func pauseBeforeClosing() {}
