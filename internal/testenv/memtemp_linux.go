package testenv

import (
	"errors"
	"os"
	"syscall"
)

// memoryFS reports whether dir is on a tmpfs with at least free bytes
// available.
func memoryFS(dir string, free uint64) bool {
	var st syscall.Statfs_t
	if err := syscall.Statfs(dir, &st); err != nil {
		return false
	}
	const tmpfsMagic = 0x01021994
	return st.Type == tmpfsMagic && st.Bavail*uint64(st.Bsize) >= free
}

// ownedGone reports whether path belongs to this user and no process pid
// runs.
func ownedGone(path string, pid int) bool {
	var st syscall.Stat_t
	if err := syscall.Lstat(path, &st); err != nil || int(st.Uid) != os.Getuid() {
		return false
	}
	return errors.Is(syscall.Kill(pid, 0), syscall.ESRCH)
}
