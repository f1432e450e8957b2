package workspace

import (
	"os"
	"path/filepath"

	"golang.org/x/sys/unix"
)

// openBeneath opens rel (relative to root, local) for reading, without
// blocking, in two system calls besides root's own open and close: one
// openat2(2) with RESOLVE_BENEATH, which follows symbolic links while
// they stay below root and refuses absolute ones, as os.Root does, where
// os.Root opens and closes every folder on the way (a dozen calls for
// documents/ID/alignment.yaml, the larger part of a read's cost). ok is
// false when it did not open the file, for any reason (missing, refused,
// a link out of root, a kernel without openat2): the caller then takes
// os.Root's way, which says why.
func openBeneath(root, rel string) (f *os.File, ok bool) {
	dir, err := unix.Open(root, unix.O_PATH|unix.O_DIRECTORY|unix.O_CLOEXEC, 0)
	if err != nil {
		return nil, false
	}
	defer unix.Close(dir)
	fd, err := unix.Openat2(dir, rel, &unix.OpenHow{
		Flags:   unix.O_RDONLY | unix.O_NONBLOCK | unix.O_CLOEXEC,
		Resolve: unix.RESOLVE_BENEATH | unix.RESOLVE_NO_MAGICLINKS,
	})
	if err != nil {
		return nil, false
	}
	return os.NewFile(uintptr(fd), joinRoot(root, rel)), true
}

// joinRoot is the name os.Root gives a file rel it opens under root.
func joinRoot(root, rel string) string {
	if root == "" || os.IsPathSeparator(root[len(root)-1]) {
		return root + rel
	}
	return root + string(filepath.Separator) + rel
}
