package testenv

import (
	"os"
	"testing"
)

// memTempFree is the room a memory file system must have for
// [RunInMemory] to put the tests' temporary folders there.
const memTempFree = 2 << 30

// RunInMemory is a TestMain for packages whose tests write workspaces: it
// runs m with TMPDIR (and so every t.TempDir, os.MkdirTemp("", …) and the
// TMPDIR of the programs the tests start) in a fresh folder of /dev/shm,
// and removes that folder afterwards.
//
// tilmash syncs every file it writes (fsync, and syncfs for a batch), which
// is what it must do; on a disk that makes a test wait for the whole file
// system's writes, those of the linker building the next test binary too,
// and the kernel's journaling shows up as system time. On a memory file
// system a sync returns at once, while the tests still take the same code
// path (the Sync calls, renames, locks and os.Root opens all happen).
//
// It does nothing (the disk's temporary folder is kept) when TMPDIR is set
// (the developer chose where), when /dev/shm is not a tmpfs with at least 2
// GiB free (a container's 64 MB /dev/shm) or under TILMASH_TEST_DISK_TEMP=1,
// for a run that wants the tests on the disk.
func RunInMemory(m *testing.M) int {
	if os.Getenv("TMPDIR") != "" || os.Getenv("TILMASH_TEST_DISK_TEMP") != "" || !memoryFS("/dev/shm", memTempFree) {
		return m.Run()
	}
	dir, err := os.MkdirTemp("/dev/shm", "tilmash-test-")
	if err != nil {
		return m.Run()
	}
	defer os.RemoveAll(dir)
	os.Setenv("TMPDIR", dir)
	defer os.Unsetenv("TMPDIR")
	return m.Run()
}
