package testenv

import "syscall"

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
