package app

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/tilmash/tilmash/internal/check"
	"github.com/tilmash/tilmash/internal/workspace"
)

// fileSums hashes files by content (sha256), streaming them through a
// small buffer, and remembers each sum for the life of the process while
// the file is the same (workspace.VersionOf: the same device and inode,
// size, modification and change times; where the change time is not
// known, nothing is remembered). status hashes the glossary files for its digest and
// the compiled glossary cache for its key (megabytes with 10,000
// entries); this way they are read and hashed once. A sum is remembered
// only when the file had settled when it was read (see FileSumsName: an
// edit of the same size within the same tick of the clock keeps the
// version). The sums of the workspace's documents are also kept across
// runs (keptSum). The zero value is ready to use; a nil *fileSums hashes
// every time.
type fileSums struct {
	mu sync.Mutex
	m  map[workspace.FileVersion][32]byte
	// kept are the sums kept across runs (see keptSums), by workspace
	// root, loaded when first asked for.
	kept map[string]*keptSums
	// now is the clock of the racy rule (see FileSumsName); nil: time.Now.
	now func() time.Time
	// hashed counts the files read and hashed, for the tests.
	hashed atomic.Int64
}

// sum is the sha256 of the opened file f (from workspace.OpenFileIn or
// Reader.Open, which checked it), named shown in errors.
func (s *fileSums) sum(f *os.File, info fs.FileInfo, shown string) ([32]byte, error) {
	sum, _, err := s.settledSum(f, info, shown)
	return sum, err
}

// settledSum is sum, and whether the file had settled when it was read:
// it did not change while it was read, and had last changed at least
// racyWindow before (see FileSumsName). Only such a sum is remembered.
func (s *fileSums) settledSum(f *os.File, info fs.FileInfo, shown string) (sum [32]byte, settled bool, err error) {
	id, ok := workspace.VersionOf(info)
	if ok && s != nil {
		s.mu.Lock()
		sum, hit := s.m[id]
		s.mu.Unlock()
		if hit {
			return sum, true, nil
		}
	}
	start := s.clock()
	if s != nil {
		s.hashed.Add(1)
	}
	h := sha256.New()
	if _, err := workspace.CopyLimited(h, f, shown); err != nil {
		return [32]byte{}, false, err
	}
	sum = [32]byte(h.Sum(nil))
	if after, err := f.Stat(); ok && s != nil && err == nil {
		if id2, ok2 := workspace.VersionOf(after); ok2 && id2 == id && id.Changed() < start.Add(-racyWindow).UnixNano() {
			settled = true
			s.mu.Lock()
			if s.m == nil {
				s.m = map[workspace.FileVersion][32]byte{}
			}
			s.m[id] = sum
			s.mu.Unlock()
		}
	}
	return sum, settled, nil
}

// readerSum is the sum of the file rel of ws, read as r reads it, kept
// across runs (keptSum).
func (s *fileSums) readerSum(ws *workspace.Workspace, r *workspace.Reader, rel string) ([32]byte, error) {
	f, _, err := r.Open(rel)
	if err != nil {
		return [32]byte{}, err
	}
	defer f.Close()
	return s.keptSum(ws, r, rel, f)
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

// FileSumsName is the file, in the workspace's local folder
// (workspace.LocalFolder, git-ignored), where the sums of the workspace's
// files are kept across runs, as git's index keeps them: each file's path
// with its version (workspace.FileVersion: device, inode, size,
// modification and change times, in nanoseconds) and the sha256 of its
// content. A file whose version is the one kept is not read again: status
// and align hash every document's files to tell which changed (66 MB at
// 2,000 documents), and now stat them.
//
// A version is trusted only when it could not hide a change. Two edits of
// the same size within one tick of the file system's clock give the file
// the same version ("racy git", git's Documentation/technical/racy-git.txt),
// so a sum is kept only when the file had last changed at least
// racyWindow before it was read: an edit after the read then moves the
// change time on, which no one can set back. The file system's clock is
// taken to be this machine's: the file records when it was written
// (this machine's clock), and it is not trusted at all when its own
// modification time (the file system's clock) differs by more than
// clockSkew. Like every derived file, it is ignored when it does not read
// or its checksum does not match, and written atomically, only when a sum
// changed; failing to write it is not an error.
const FileSumsName = "file-sums"

// fileSumsMagic starts the file; the sha256 of the rest follows on its own
// line, then "written NANOSECONDS", then a line a file: its sum in hex, its
// version (workspace.FileVersion.String) and its path, relative to the
// workspace root.
const fileSumsMagic = "tilmash file sums 1\n"

// racyWindow: a sum is kept only for a file that had not changed for this
// long when it was read. It covers the coarsest clock of a common file
// system (two seconds, FAT) and the skew clockSkew allows; the compiled
// glossaries kept in memory (check.Snapshot) follow the same rule.
const racyWindow = check.RacyWindow

// clockSkew is the largest difference allowed between the time the file
// of sums says it was written and its modification time.
const clockSkew = time.Second

// keptSums are the sums of one workspace's files kept across runs.
type keptSums struct {
	ws      *workspace.Workspace
	entries map[string]keptSum // by path relative to the root
	dirty   bool
}

type keptSum struct {
	version string
	sum     [32]byte
}

func (s *fileSums) clock() time.Time {
	if s != nil && s.now != nil {
		return s.now()
	}
	return time.Now()
}

// keptFor returns the kept sums of ws, loading them when first asked for.
// The caller holds s.mu.
func (s *fileSums) keptFor(ws *workspace.Workspace, r *workspace.Reader) *keptSums {
	if k := s.kept[ws.Root]; k != nil {
		return k
	}
	if s.kept == nil {
		s.kept = map[string]*keptSums{}
	}
	k := &keptSums{ws: ws, entries: loadFileSums(r)}
	s.kept[ws.Root] = k
	return k
}

// loadFileSums reads the kept sums; none when there are none, or they
// are not to be trusted.
func loadFileSums(r *workspace.Reader) map[string]keptSum {
	out := map[string]keptSum{}
	f, info, err := r.Open(filepath.Join(workspace.LocalFolder, FileSumsName))
	if err != nil {
		return out
	}
	defer f.Close()
	data, err := workspace.ReadLimited(f, FileSumsName)
	if err != nil {
		return out
	}
	body, ok := checkedBody(fileSumsMagic, data)
	if !ok {
		return out
	}
	first, body, _ := bytes.Cut(body, []byte("\n"))
	w, ok := bytes.CutPrefix(first, []byte("written "))
	written, err := strconv.ParseInt(string(w), 10, 64)
	if !ok || err != nil {
		return out
	}
	if d := info.ModTime().Sub(time.Unix(0, written)); d > clockSkew || d < -clockSkew {
		return out // the file system's clock is not this machine's
	}
	for len(body) > 0 {
		var line []byte
		line, body, _ = bytes.Cut(body, []byte("\n"))
		hexSum, rest, ok1 := strings.Cut(string(line), " ")
		version, rel, ok2 := strings.Cut(rest, " ")
		b, err := hex.DecodeString(hexSum)
		if !ok1 || !ok2 || err != nil || len(b) != sha256.Size || rel == "" {
			return map[string]keptSum{}
		}
		out[rel] = keptSum{version: version, sum: [32]byte(b)}
	}
	return out
}

// saveKept writes the kept sums of ws when they changed, without those of
// files that are gone (a document removed); failing to is not an error.
func (s *fileSums) saveKept(ws *workspace.Workspace) {
	if s == nil {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	k := s.kept[ws.Root]
	if k == nil || !k.dirty {
		return
	}
	rels := make([]string, 0, len(k.entries))
	for rel := range k.entries {
		if _, err := os.Lstat(ws.Path(rel)); errors.Is(err, fs.ErrNotExist) {
			delete(k.entries, rel)
			continue
		}
		rels = append(rels, rel)
	}
	slices.Sort(rels)
	var b bytes.Buffer
	b.WriteString("written ")
	b.WriteString(strconv.FormatInt(time.Now().UnixNano(), 10)) // not s.clock: compared with the file's time
	b.WriteByte('\n')
	for _, rel := range rels {
		e := k.entries[rel]
		b.WriteString(hex.EncodeToString(e.sum[:]))
		b.WriteByte(' ')
		b.WriteString(e.version)
		b.WriteByte(' ')
		b.WriteString(rel)
		b.WriteByte('\n')
	}
	data := frameChecked(fileSumsMagic, b.Bytes())
	if workspace.WriteFileAtomic(ws.Path(workspace.LocalFolder, FileSumsName), data) == nil {
		k.dirty = false
	}
}

// keptSum is the sum of the workspace file rel of ws, opened as f (by r,
// which checked it), from the kept sums when its version is the one kept,
// otherwise read, and kept when the file had settled (see FileSumsName).
// A nil s hashes every time.
func (s *fileSums) keptSum(ws *workspace.Workspace, r *workspace.Reader, rel string, f *os.File) ([32]byte, error) {
	info, err := f.Stat()
	if err != nil {
		return [32]byte{}, err
	}
	v, exact := workspace.VersionOf(info)
	if s == nil || !exact || strings.ContainsAny(rel, "\n") {
		return s.sum(f, info, rel)
	}
	version := v.String()
	s.mu.Lock()
	k := s.keptFor(ws, r)
	e, hit := k.entries[rel]
	s.mu.Unlock()
	if hit && e.version == version {
		return e.sum, nil
	}
	sum, settled, err := s.settledSum(f, info, rel)
	if err != nil {
		return sum, err
	}
	if settled {
		s.mu.Lock()
		k.entries[rel] = keptSum{version: version, sum: sum}
		k.dirty = true
		s.mu.Unlock()
	}
	return sum, nil
}

// keptHit returns the kept sum of the workspace file rel of ws, whose
// information is info, when its version is the one kept.
func (s *fileSums) keptHit(ws *workspace.Workspace, r *workspace.Reader, rel string, info fs.FileInfo) ([32]byte, bool) {
	v, exact := workspace.VersionOf(info)
	if s == nil || !exact {
		return [32]byte{}, false
	}
	s.mu.Lock()
	e, hit := s.keptFor(ws, r).entries[rel]
	s.mu.Unlock()
	if !hit || e.version != v.String() {
		return [32]byte{}, false
	}
	return e.sum, true
}

// forget drops the kept sum of rel, a file that is no longer there.
func (s *fileSums) forget(ws *workspace.Workspace, r *workspace.Reader, rel string) {
	if s == nil {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	k := s.keptFor(ws, r)
	if _, ok := k.entries[rel]; ok {
		delete(k.entries, rel)
		k.dirty = true
	}
}
