//go:build !linux

package testenv

// memoryFS is false where no memory file system is looked for.
func memoryFS(dir string, free uint64) bool { return false }

// ownedGone is false: no folder is swept where none is made.
func ownedGone(path string, pid int) bool { return false }
