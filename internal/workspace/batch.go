package workspace

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
)

// Batch replaces many files of a workspace atomically, like WriteFile
// each, but with a few syncs for the whole batch instead of one fsync a
// file: publish writes twenty files a document, and ten thousand fsyncs
// were a fifth of its time.
//
// Stage writes each file's bytes to a temporary file beside it (not
// synced). Commit then
//
//  1. makes every temporary file durable: one syncfs(2) per file system on
//     Linux, an fsync of each file elsewhere;
//  2. renames each over its target, in the order staged;
//  3. makes the renames durable: syncfs again on Linux, an fsync of each
//     folder elsewhere.
//
// Why that is crash-safe: a rename only ever puts a complete, durable
// file in place (step 1 is a barrier before any rename), so after a crash
// at any moment each target holds its old bytes or its new bytes, never a
// truncated new file. Renames are not ordered among themselves on disk
// until step 3; a caller that must not let file B (a manifest describing
// the others) appear before files A, stages B in a later Batch, committed
// after A's: when Commit returns, everything it renamed is on disk.
// A crash leaves at most temporary files, named like WriteFile's
// (TempSuffix), which git ignores and Abort or the next writer removes.
//
// A Batch is used by one goroutine.
type Batch struct {
	ws *Workspace
	// FS does the file operations; nil means the operating system's.
	// Tests put one there that fails, to show what a failure at each step
	// leaves.
	FS     BatchFS
	staged []stagedFile
}

type stagedFile struct{ temp, path string }

// BatchFS is what a Batch does to files.
type BatchFS interface {
	// WriteTemp writes data to a new temporary file in dir whose name
	// starts with prefix and ends with TempSuffix, with permissions perm,
	// without syncing it, and returns its path and what Lstat says of it.
	WriteTemp(dir, prefix string, data []byte, perm fs.FileMode) (string, fs.FileInfo, error)
	// Sync makes the files (and folders) paths durable.
	Sync(paths []string) error
	Rename(from, to string) error
	Remove(path string) error
}

// NewBatch starts a batch of writes into w.
func (w *Workspace) NewBatch() *Batch { return &Batch{ws: w} }

func (b *Batch) fs() BatchFS {
	if b.FS == nil {
		return OSBatchFS{}
	}
	return b.FS
}

// Stage writes data for rel (relative to the root, inside the workspace
// also through symbolic links, as for WriteFile) to a temporary file and
// returns what Lstat says of it: the size and modification time the file
// will have once Commit renames it. Nothing replaces rel before Commit.
func (b *Batch) Stage(rel string, data []byte) (fs.FileInfo, error) {
	if !filepath.IsLocal(rel) {
		return nil, &EscapeError{Path: rel}
	}
	path := b.ws.Path(rel)
	dir := filepath.Dir(path)
	if !Inside(b.ws.Root, dir) {
		return nil, &EscapeError{Path: rel}
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, WriteFailed(rel, err)
	}
	temp, info, err := b.fs().WriteTemp(dir, "."+filepath.Base(path)+".", data, 0o644)
	if err != nil {
		return nil, WriteFailed(rel, err)
	}
	b.staged = append(b.staged, stagedFile{temp: temp, path: path})
	return info, nil
}

// Len is the number of files staged and not yet committed.
func (b *Batch) Len() int { return len(b.staged) }

// Commit syncs the staged files, renames them over their targets and
// syncs the renames (see Batch). On an error the files not yet renamed
// are removed; those renamed stay (each complete).
func (b *Batch) Commit() error {
	if len(b.staged) == 0 {
		return nil
	}
	f := b.fs()
	temps := make([]string, len(b.staged))
	var dirs []string
	seen := map[string]bool{}
	for i, s := range b.staged {
		temps[i] = s.temp
		if d := filepath.Dir(s.path); !seen[d] {
			seen[d] = true
			dirs = append(dirs, d)
		}
	}
	if err := f.Sync(temps); err != nil {
		b.Abort()
		return err
	}
	for len(b.staged) > 0 {
		s := b.staged[0]
		if err := f.Rename(s.temp, s.path); err != nil {
			b.Abort()
			return err
		}
		b.staged = b.staged[1:]
	}
	return f.Sync(dirs)
}

// Abort removes the temporary files not yet renamed.
func (b *Batch) Abort() {
	for _, s := range b.staged {
		_ = b.fs().Remove(s.temp)
	}
	b.staged = nil
}

// OSBatchFS is the operating system's files.
type OSBatchFS struct{}

// WriteTemp implements BatchFS.
func (OSBatchFS) WriteTemp(dir, prefix string, data []byte, perm fs.FileMode) (string, fs.FileInfo, error) {
	f, err := os.CreateTemp(dir, prefix+"*"+TempSuffix)
	if err != nil {
		return "", nil, err
	}
	_, err = f.Write(data)
	if err == nil {
		err = f.Chmod(perm)
	}
	var info fs.FileInfo
	if err == nil {
		info, err = f.Stat()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(f.Name())
		return "", nil, err
	}
	return f.Name(), info, nil
}

// Sync implements BatchFS: see syncPaths.
func (OSBatchFS) Sync(paths []string) error { return syncPaths(paths) }

// Rename implements BatchFS.
func (OSBatchFS) Rename(from, to string) error { return os.Rename(from, to) }

// Remove implements BatchFS.
func (OSBatchFS) Remove(path string) error {
	if err := os.Remove(path); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	return nil
}

// fsyncEach opens and fsyncs each path (a file or a folder).
func fsyncEach(paths []string) error {
	for _, p := range paths {
		f, err := os.Open(p)
		if err != nil {
			return err
		}
		err = f.Sync()
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			return err
		}
	}
	return nil
}
