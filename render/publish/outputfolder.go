package publish

import "github.com/budgetpub/budgetpub/render/publish/pairwrite"

// The writer's names the commands use (package pairwrite), here so that
// they call publish alone.

// OSCause says in Chinese why the operating system refused a file
// operation (pairwrite.OSCause).
func OSCause(err error) string { return pairwrite.OSCause(err) }

// ProcessAlive tells whether a process of that id is running
// (pairwrite.ProcessAlive).
func ProcessAlive(pid int) bool { return pairwrite.ProcessAlive(pid) }

// LockBatch takes the lock of a batch's summary in its output folder
// (pairwrite.LockBatch).
func LockBatch(dir, summary string) (release func(), err error) {
	return pairwrite.LockBatch(dir, summary)
}

// The errors of writing into an output folder.
type (
	BatchBusyError = pairwrite.BatchBusyError
	LockError      = pairwrite.LockError
	JournalError   = pairwrite.JournalError
)
