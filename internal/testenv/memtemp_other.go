//go:build !linux

package testenv

// memoryFS is false where no memory file system is looked for.
func memoryFS(dir string, free uint64) bool { return false }
