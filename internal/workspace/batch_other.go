//go:build !linux

package workspace

// syncPaths makes paths durable with an fsync of each.
func syncPaths(paths []string) error { return fsyncEach(paths) }
