package app

import (
	"crypto/sha256"
	"io/fs"
	"os"
	"sync"

	"github.com/tilmash/tilmash/internal/workspace"
)

// fileSums hashes files by content (sha256), streaming them through a
// small buffer, and remembers each sum for the life of the process while
// the file is the same (workspace.VersionOf: the same device and inode,
// size, modification and change times; where the change time is not
// known, nothing is remembered). status hashes the glossary files for its digest and
// the compiled glossary cache for its key (megabytes with 10,000
// entries); this way they are read and hashed once. Across processes
// nothing is trusted by its time: every run hashes afresh. The zero
// value is ready to use; a nil *fileSums hashes every time.
type fileSums struct {
	mu sync.Mutex
	m  map[workspace.FileVersion][32]byte
}

// sum is the sha256 of the opened file f (from workspace.OpenFileIn or
// Reader.Open, which checked it), named shown in errors.
func (s *fileSums) sum(f *os.File, info fs.FileInfo, shown string) ([32]byte, error) {
	id, ok := workspace.VersionOf(info)
	if ok && s != nil {
		s.mu.Lock()
		sum, hit := s.m[id]
		s.mu.Unlock()
		if hit {
			return sum, nil
		}
	}
	h := sha256.New()
	if _, err := workspace.CopyLimited(h, f, shown); err != nil {
		return [32]byte{}, err
	}
	sum := [32]byte(h.Sum(nil))
	// Remembered only if the file did not change while it was read.
	if after, err := f.Stat(); ok && s != nil && err == nil {
		if id2, ok2 := workspace.VersionOf(after); ok2 && id2 == id {
			s.mu.Lock()
			if s.m == nil {
				s.m = map[workspace.FileVersion][32]byte{}
			}
			s.m[id] = sum
			s.mu.Unlock()
		}
	}
	return sum, nil
}

// readerSum is the sum of the workspace file rel, read as r reads it.
func (s *fileSums) readerSum(r *workspace.Reader, rel string) ([32]byte, error) {
	f, info, err := r.Open(rel)
	if err != nil {
		return [32]byte{}, err
	}
	defer f.Close()
	return s.sum(f, info, rel)
}

// sumIn is the sum of the file name of folder dir, read as
// workspace.ReadFileIn(dir, name) reads it; shown names it in errors.
func (s *fileSums) sumIn(dir, name, shown string) ([32]byte, int64, error) {
	f, info, err := workspace.OpenFileIn(dir, name)
	if err != nil {
		return [32]byte{}, 0, err
	}
	defer f.Close()
	sum, err := s.sum(f, info, shown)
	return sum, info.Size(), err
}
