//go:build unix

package segment

import (
	"syscall"
	"time"
)

// cpuTime returns the processor time the process has used, which other
// programs on a busy machine do not inflate the way they do wall time.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
