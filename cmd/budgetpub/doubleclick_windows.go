//go:build windows

package main

import (
	"bufio"
	"fmt"
	"os"
	"unsafe"

	"golang.org/x/sys/windows"
)

var getConsoleProcessList = windows.NewLazySystemDLL("kernel32.dll").NewProc("GetConsoleProcessList")

// startedByDoubleClick tells whether Explorer started the program (a
// double-click on budgetpub.exe): Windows then makes a console for it alone,
// so the console's process list holds this process only. Started from
// cmd.exe or PowerShell, the list holds the shell too.
func startedByDoubleClick() bool {
	if getConsoleProcessList.Find() != nil {
		return false
	}
	var pids [2]uint32
	n, _, _ := getConsoleProcessList.Call(uintptr(unsafe.Pointer(&pids[0])), uintptr(len(pids)))
	return n == 1
}

// pauseBeforeClosing keeps a double-clicked program's window open after a
// failure, so its message can be read.
func pauseBeforeClosing() {
	fmt.Fprint(os.Stderr, "\n按回车键关闭此窗口……")
	_, _ = bufio.NewReader(os.Stdin).ReadString('\n')
}
