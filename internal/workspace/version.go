package workspace

import (
	"io/fs"
	"strconv"
)

// FileVersion tells the versions of a file apart without reading it, for
// what a process remembers of a file while it runs (a glossary compiled,
// a file's hash): its device and inode, size, modification time and, on
// Linux, change time. The change time is what makes it safe: touch and
// git can set a modification time back, no one can set back the change
// time. It moves with every edit, but by the tick of the file system's
// clock: two edits of the same size within one tick leave the same
// version, so a version tells a file unchanged only since a read made
// after its last change had settled (internal/app keeps sums across runs
// that way, as git's index does: see its FileSumsName).
type FileVersion struct {
	dev, ino     uint64
	size         int64
	mtime, ctime int64 // nanoseconds
}

// VersionOf is the version of the file info describes. exact is false
// where the system does not give the change time: then only the size and
// the modification time tell versions apart.
func VersionOf(info fs.FileInfo) (v FileVersion, exact bool) {
	v = FileVersion{size: info.Size(), mtime: info.ModTime().UnixNano()}
	exact = sysVersion(info, &v)
	return v, exact
}

// String is the version as text, for stamps made of several files.
func (v FileVersion) String() string {
	b := strconv.AppendUint(nil, v.dev, 10)
	for _, n := range []int64{int64(v.ino), v.size, v.mtime, v.ctime} {
		b = append(b, ':')
		b = strconv.AppendInt(b, n, 10)
	}
	return string(b)
}

// Changed is the later of the file's modification and change times, in
// nanoseconds: when it last changed, as far as its times tell.
func (v FileVersion) Changed() int64 { return max(v.mtime, v.ctime) }
