//go:build !unix

package sqlitestore

import "os"

// Without flock, a rebuild never assumes that it alone has the memory
// open: it copies the new file into the old in a transaction.

func lockShared(*os.File) error { return nil }

func tryLockExclusive(*os.File) bool { return false }
