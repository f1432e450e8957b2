package check

import (
	"crypto/sha256"
	"encoding/binary"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/tilmash/tilmash/internal/workspace"
)

// RacyWindow is how long a file must have stayed unchanged before its
// version (workspace.VersionOf: size, times, inode) is trusted to tell
// that its content is the same. Two edits of the same size within one
// tick of the file system's clock leave the same version (git's "racy
// git"); two seconds is the coarsest clock of a common file system (FAT),
// and a second more allows for skew. internal/app's file sums keep the
// same rule.
const RacyWindow = 3 * time.Second

// A Snapshot is what a cache of something built from a glossary folder
// (a compiled checker) keeps to tell that the folder is still as it was
// read: its [Stamp], and, while a file had changed within [RacyWindow] of
// the stamp (an edit of the same size in the same tick would keep it), a
// sha256 of the files' names and contents taken before they were read.
// The zero Snapshot matches nothing.
type Snapshot struct {
	stamp   string
	settled bool
	sum     [32]byte
	valid   bool
}

// Snapshots takes and checks [Snapshot]s. The zero value reads the files'
// versions and the system clock.
type Snapshots struct {
	// Now is the clock of the racy rule; nil means time.Now.
	Now func() time.Time
	// Stamp describes the glossary files of dir: [Stamp]'s string, the
	// newest change time of the files (Unix nanoseconds) and whether every
	// file's change time is known. nil means the files' versions; tests
	// put a function here that keeps the stamp of an edited file, as a
	// coarse clock does.
	Stamp func(dir string) (stamp string, newest int64, exact bool)
}

func (sn *Snapshots) now() time.Time {
	if sn == nil || sn.Now == nil {
		return time.Now()
	}
	return sn.Now()
}

func (sn *Snapshots) stamp(dir string) (string, int64, bool) {
	if sn == nil || sn.Stamp == nil {
		return stampOf(dir)
	}
	return sn.Stamp(dir)
}

// Take describes dir before the caller reads it.
func (sn *Snapshots) Take(dir string) Snapshot {
	now := sn.now()
	st, newest, exact := sn.stamp(dir)
	s := Snapshot{stamp: st, valid: true}
	if exact && newest < now.Add(-RacyWindow).UnixNano() {
		s.settled = true
		return s
	}
	s.sum = sumGlossaryFiles(dir)
	return s
}

// Current reports whether dir is still as s describes it. A snapshot taken
// while the files were settling is checked by content; once they have
// settled, it is marked so and checked by the stamp alone again.
func (sn *Snapshots) Current(dir string, s *Snapshot) bool {
	if !s.valid {
		return false
	}
	now := sn.now()
	st, newest, exact := sn.stamp(dir)
	if st != s.stamp {
		return false
	}
	if s.settled {
		return true
	}
	if sumGlossaryFiles(dir) != s.sum {
		return false
	}
	// The content read then is the content now, and no edit of the stamp's
	// version can come any more: an edit from now on moves the change time.
	if exact && newest < now.Add(-RacyWindow).UnixNano() {
		s.settled = true
	}
	return true
}

// Stamp describes the glossary files of dir cheaply (names and
// workspace.VersionOf: sizes, times, and on Linux the inode and change
// time, so that an edit of the same size and modification time counts): a
// changed, added or removed file changes it. Caches of what is built
// from a glossary use it, through [Snapshots], to see that they are still
// current: a stamp alone misses an edit of the same size within one tick of
// the clock.
func Stamp(dir string) string {
	st, _, _ := stampOf(dir)
	return st
}

// stampOf is Stamp, the newest change time of the files and whether every
// file's change time is known.
func stampOf(dir string) (string, int64, bool) {
	files, _ := filepath.Glob(filepath.Join(dir, "*.yaml"))
	sort.Strings(files)
	var b strings.Builder
	var newest int64
	exact := true
	for _, f := range files {
		st, err := os.Stat(f)
		if err != nil {
			continue
		}
		v, ok := workspace.VersionOf(st)
		exact = exact && ok
		newest = max(newest, v.Changed())
		b.WriteString(f)
		b.WriteByte(0)
		b.WriteString(v.String())
		b.WriteByte('\n')
	}
	return b.String(), newest, exact
}

// sumGlossaryFiles is a sha256 of the names and contents of the glossary
// files of dir, read as the glossary loader reads them (regular files
// only: a FIFO named x.yaml does not block). A file that cannot be read
// counts by its name and error.
func sumGlossaryFiles(dir string) [32]byte {
	files, _ := filepath.Glob(filepath.Join(dir, "*.yaml"))
	sort.Strings(files)
	h := sha256.New()
	var n [8]byte
	for _, f := range files {
		name := filepath.Base(f)
		data, err := workspace.ReadFileIn(dir, name)
		if err != nil {
			data = []byte("\x00error: " + err.Error())
		}
		binary.BigEndian.PutUint64(n[:], uint64(len(name)))
		h.Write(n[:])
		h.Write([]byte(name))
		binary.BigEndian.PutUint64(n[:], uint64(len(data)))
		h.Write(n[:])
		h.Write(data)
	}
	return [32]byte(h.Sum(nil))
}
