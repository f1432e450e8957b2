package workspace

import (
	"os"
	"path/filepath"

	"golang.org/x/sys/unix"
)

// syncPaths makes paths durable with one syncfs(2) per file system they
// are on: it writes back every dirty page and inode of that file system
// and commits its journal, which covers the files' data and the folders'
// entries, at the cost of one journal commit instead of one a file.
func syncPaths(paths []string) error {
	done := map[uint64]bool{}
	for _, p := range paths {
		var st unix.Stat_t
		if err := unix.Stat(p, &st); err != nil {
			return &os.PathError{Op: "stat", Path: p, Err: err}
		}
		if done[st.Dev] {
			continue
		}
		done[st.Dev] = true
		f, err := os.Open(filepath.Clean(p))
		if err != nil {
			return err
		}
		err = unix.Syncfs(int(f.Fd()))
		f.Close()
		if err != nil {
			// syncfs is refused (a sandbox, an old kernel): fsync each.
			return fsyncEach(paths)
		}
	}
	return nil
}
