package workspace

import (
	"io/fs"
	"syscall"
)

func sysVersion(info fs.FileInfo, v *FileVersion) bool {
	st, ok := info.Sys().(*syscall.Stat_t)
	if !ok {
		return false
	}
	v.dev, v.ino = uint64(st.Dev), uint64(st.Ino)
	v.ctime = st.Ctim.Nano()
	return true
}
