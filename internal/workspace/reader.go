package workspace

import (
	"io/fs"
	"os"
	"path/filepath"
	"syscall"
)

// Reader reads many files of one workspace, each as ReadFile does (a
// regular file inside the workspace, also through links, at most
// MaxFileSize bytes, opened without blocking), through one os.Root opened
// once: publish and status read every document's files on every run, and
// resolving the root's links afresh for each file was a quarter of an
// unchanged publish. A file the root does not open (missing, or leading
// out) is read again through ReadFile, for its error. A Reader may be used
// by several goroutines at once.
type Reader struct {
	w    *Workspace
	root *os.Root // nil when it does not open: every read goes through ReadFile
}

// NewReader opens a Reader; Close it when done.
func (w *Workspace) NewReader() *Reader {
	r, err := os.OpenRoot(w.Root)
	if err != nil {
		r = nil
	}
	return &Reader{w: w, root: r}
}

// ReadFile is Workspace.ReadFile.
func (r *Reader) ReadFile(rel string) ([]byte, error) {
	if r.root == nil || !filepath.IsLocal(rel) {
		return r.w.ReadFile(rel)
	}
	f, err := r.root.OpenFile(rel, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return r.w.ReadFile(rel)
	}
	defer f.Close()
	return readRegular(f, rel)
}

// Open opens the file ReadFile would read, checked as it checks it, for
// a caller that streams it (see [OpenFileIn], [CopyLimited]). Close it.
func (r *Reader) Open(rel string) (*os.File, fs.FileInfo, error) {
	if r.root == nil || !filepath.IsLocal(rel) {
		return OpenFileIn(r.w.Root, rel)
	}
	f, err := r.root.OpenFile(rel, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return OpenFileIn(r.w.Root, rel)
	}
	info, err := checkRegular(f, rel)
	if err != nil {
		f.Close()
		return nil, nil, err
	}
	return f, info, nil
}

// Close closes the root.
func (r *Reader) Close() {
	if r.root != nil {
		r.root.Close()
	}
}

// ReadEach reads the files names of folder dir (relative to the root),
// each as ReadFile does, opening the folder once, and passes each to f
// (with its error, which matches fs.ErrNotExist for a missing file) in
// order. It stops at the first error f returns.
func (r *Reader) ReadEach(dir string, names []string, f func(name string, data []byte, err error) error) error {
	return r.OpenEach(dir, names, func(name string, fh *os.File, err error) error {
		var data []byte
		if err == nil {
			data, err = readRegular(fh, filepath.Join(dir, name))
		}
		return f(name, data, err)
	})
}

// StatEach passes to f the information of each of the files names of
// folder dir (relative to the root), links not followed (a link is
// reported as one), with its error, in order; it stops at the first error
// f returns. Nothing is read or checked: a caller that must read a file
// opens it as ReadFile would (Open, OpenEach). status and align look up
// every document's files this way, one system call a file, and read only
// those whose version changed (see internal/app's kept sums).
func (r *Reader) StatEach(dir string, names []string, f func(name string, info fs.FileInfo, err error) error) error {
	for _, name := range names {
		info, err := os.Lstat(filepath.Join(r.w.Root, dir, name))
		if ferr := f(name, info, err); ferr != nil {
			return ferr
		}
	}
	return nil
}

// OpenEach opens the files names of folder dir (relative to the root),
// each checked as ReadFile checks it, opening the folder once, and passes
// each to f (with its error, which matches fs.ErrNotExist for a missing
// file; the file is nil then) in order, closing it when f returns. f
// reads at most MaxFileSize bytes of it ([CopyLimited]). It stops at the
// first error f returns. publish and status hash every document's files
// on every run this way, through a buffer of their own rather than a
// fresh one a file.
func (r *Reader) OpenEach(dir string, names []string, f func(name string, file *os.File, err error) error) error {
	if len(names) == 0 {
		return nil
	}
	var sub *os.Root
	if r.root != nil && filepath.IsLocal(dir) {
		if s, err := r.root.OpenRoot(dir); err == nil {
			sub = s
			defer sub.Close()
		}
	}
	for _, name := range names {
		rel := filepath.Join(dir, name)
		var fh *os.File
		var err error
		if sub == nil || filepath.Base(name) != name {
			fh, _, err = r.Open(rel)
		} else if fh, err = sub.OpenFile(name, os.O_RDONLY|syscall.O_NONBLOCK, 0); err == nil {
			if _, err = checkRegular(fh, rel); err != nil {
				fh.Close()
				fh = nil
			}
		} else {
			fh, _, err = OpenFileIn(r.w.Root, rel)
		}
		ferr := f(name, fh, err)
		if fh != nil {
			fh.Close()
		}
		if ferr != nil {
			return ferr
		}
	}
	return nil
}
