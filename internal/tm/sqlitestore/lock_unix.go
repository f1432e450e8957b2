//go:build unix

package sqlitestore

import (
	"errors"
	"os"
	"syscall"
)

// lockShared waits for a shared lock on f.
func lockShared(f *os.File) error {
	for {
		err := syscall.Flock(int(f.Fd()), syscall.LOCK_SH)
		if !errors.Is(err, syscall.EINTR) {
			return err
		}
	}
}

// tryLockExclusive takes an exclusive lock on f (turning a shared one of
// f into it) when no one else holds a lock on it, and says whether it did.
func tryLockExclusive(f *os.File) bool {
	return syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB) == nil
}
