//go:build !linux

package workspace

import "io/fs"

func sysVersion(fs.FileInfo, *FileVersion) bool { return false }
