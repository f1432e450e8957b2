package workspace

import (
	"bytes"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"syscall"

	"github.com/tilmash/tilmash/internal/locale"
)

// MaxFileSize is the largest file tilmash reads, from the workspace or
// given on the command line: far above a long article with its
// translations, far below what would exhaust memory.
const MaxFileSize = 256 << 20

// ReadFile reads rel (a path relative to the root), which must be a
// regular file inside the workspace. It is how every command reads the
// workspace's own files: tilmash.yaml, the glossary, and each document's
// texts, meta.yaml, alignment.yaml and journal.
//
// A workspace is often cloned from someone else, so its files are not
// trusted:
//
//   - A symbolic link is followed only while it stays inside the
//     workspace (documents/b/ru.txt -> ../a/ru.txt is fine); one that
//     leads out of it (ru.txt -> /home/me/.ssh/id_ed25519) is refused, so
//     a stranger's file never ends up in an export.
//   - Only regular files are read: a named pipe would block for ever, and
//     /dev/zero or /dev/urandom would never end. The file is opened
//     without blocking and checked before a byte is read.
//   - At most [MaxFileSize] bytes are read.
//
// A missing file gives an error that matches fs.ErrNotExist; a refused
// one a *[ReadError].
func (w *Workspace) ReadFile(rel string) ([]byte, error) {
	return ReadFileIn(w.Root, rel)
}

// ReadFileIn is [Workspace.ReadFile] for a folder root that is not (or not
// yet) an opened workspace, such as the glossary folder of check
// --glossary. path is relative to root, or absolute; either way it must
// lead to a regular file inside root, symbolic links followed. Errors name
// path as given.
func ReadFileIn(root, path string) ([]byte, error) {
	f, info, err := OpenFileIn(root, path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return readChecked(f, info, path)
}

// OpenFileIn opens the file ReadFileIn would read, checked as it checks
// it (a regular file inside root of at most [MaxFileSize] bytes, opened
// without blocking), for a caller that streams it rather than holds it:
// status hashes a glossary of megabytes through a small buffer. The
// caller closes the file and reads at most MaxFileSize bytes of it (see
// [CopyLimited]).
func OpenFileIn(root, path string) (*os.File, fs.FileInfo, error) {
	abs := path
	if !filepath.IsAbs(abs) {
		abs = filepath.Join(root, path)
	}
	rel, err := filepath.Rel(root, abs)
	escape := func() error { return &ReadError{Path: path, Code: CodeReadEscape, Target: realPath(abs)} }
	if err != nil || !filepath.IsLocal(rel) {
		return nil, nil, escape()
	}
	// The file opened in one call where the system allows (see
	// openBeneath), as os.Root would open it; os.Root otherwise.
	if f, ok := openBeneath(root, rel); ok {
		info, err := checkRegular(f, path)
		if err != nil {
			f.Close()
			return nil, nil, err
		}
		return f, info, nil
	}
	// os.Root keeps the open inside root, links followed, without a race
	// (a link changed meanwhile cannot lead out). Only when it refuses is
	// the path resolved, link by link (Inside), to say why: resolving it
	// first cost status a fifth of its time at 500 documents.
	r, err := os.OpenRoot(root)
	if err != nil {
		return nil, nil, err
	}
	defer r.Close()
	f, err := r.OpenFile(rel, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		// A path that passes no link below root (a missing file, the
		// common case) costs a few lstat calls; one that passes a link is
		// resolved, and a link whose target is missing named (os.Root
		// says only "no such file" or "path escapes from parent").
		if !linkFree(root, abs) {
			if re := danglingLink(root, abs, path); re != nil {
				return nil, nil, re
			}
			if !insideResolved(root, abs) {
				return nil, nil, escape()
			}
		}
		if errors.Is(err, fs.ErrNotExist) {
			return nil, nil, err
		}
		// os.Root refuses every absolute link, also one that stays
		// inside (documents/b/en.txt -> /home/me/ws/documents/a/en.txt,
		// as ln -s "$PWD/..." makes): the path resolved is opened, again
		// through os.Root, so that a link changed meanwhile still cannot
		// lead out.
		if f, err = openResolved(root, abs); err != nil {
			return nil, nil, err
		}
	}
	info, err := checkRegular(f, path)
	if err != nil {
		f.Close()
		return nil, nil, err
	}
	return f, info, nil
}

// Dangling returns the error that names a symbolic link on the way to rel
// (relative to the root) whose target does not exist, or nil. It is for a
// caller that takes a missing file or folder as "none" (the glossary
// folder): a link whose target is gone is not "none", and treating it so
// would skip what it holds without a word.
func (w *Workspace) Dangling(rel string) error {
	if re := danglingLink(w.Root, w.Path(rel), rel); re != nil {
		return re
	}
	return nil
}

// danglingLink finds the symbolic link on abs (below root) whose target
// does not exist, and returns the error that names it: where the link
// leads, as written, or, when it leads out of root, a [CodeReadEscape]
// (tilmash never follows a path out of the workspace, there or not). A
// link to a path through another dangling link (b/en.txt -> ../d/en.txt,
// d -> gone) names the one that dangles. nil when no link on abs dangles
// (a loop is left to the open's own error). path names the file in the
// error, as given.
func danglingLink(root, abs, path string) *ReadError {
	link, target, to, ok := firstDangling(root, abs)
	if !ok {
		return nil
	}
	realRoot := realPath(root)
	for range 8 { // a chain of links, each to a path through the next
		if !insideResolved(realRoot, to) {
			return &ReadError{Path: path, Code: CodeReadEscape, Target: to}
		}
		l, t, next, ok := firstDangling(realRoot, to)
		if !ok {
			break
		}
		link, target, to = l, t, next
		root = realRoot
	}
	switch {
	case link == filepath.Clean(abs):
		link = "" // the file itself: callers rename Path (glossary/x.yaml), and the message follows
	case !filepath.IsAbs(path): // named as path is: absolute, or relative to root
		link, _ = filepath.Rel(filepath.Clean(root), link)
	}
	return &ReadError{Path: path, Code: CodeReadDangling, Link: link, Target: target}
}

// firstDangling finds the first symbolic link on abs below root whose
// target does not exist: the link (root joined with the parts of abs),
// its target as written and resolved as far as it exists.
func firstDangling(root, abs string) (link, target, to string, ok bool) {
	rel, err := filepath.Rel(filepath.Clean(root), filepath.Clean(abs))
	if err != nil || !filepath.IsLocal(rel) {
		return "", "", "", false
	}
	cur := filepath.Clean(root)
	for part := range strings.SplitSeq(rel, string(filepath.Separator)) {
		cur = filepath.Join(cur, part)
		st, err := os.Lstat(cur)
		if err != nil {
			return "", "", "", false // missing, and no link above it dangles
		}
		if st.Mode()&fs.ModeSymlink == 0 {
			continue
		}
		if _, err := os.Stat(cur); !errors.Is(err, fs.ErrNotExist) {
			continue // resolves (or loops, or is not a folder: the open says so)
		}
		if target, err = os.Readlink(cur); err != nil {
			return "", "", "", false
		}
		to = target
		if !filepath.IsAbs(to) {
			to = filepath.Join(realPath(filepath.Dir(cur)), to)
		}
		return cur, target, realPath(to), true
	}
	return "", "", "", false
}

// openResolved opens abs, inside root, by the path it resolves to.
func openResolved(root, abs string) (*os.File, error) {
	realRoot := realPath(root)
	rel, err := filepath.Rel(realRoot, realPath(abs))
	if err != nil {
		return nil, err
	}
	r, err := os.OpenRoot(realRoot)
	if err != nil {
		return nil, err
	}
	defer r.Close()
	return r.OpenFile(rel, os.O_RDONLY|syscall.O_NONBLOCK, 0)
}

// ReadRegular reads a file a person named on the command line (tilmash
// import DOC LANG FILE, import-tmx, glossary import, segment --srx). It
// may be anywhere, that is their choice, but it must be a regular file of
// at most [MaxFileSize] bytes: a named pipe, a device or a folder is
// refused, opened without blocking. shown names the file in errors.
func ReadRegular(path, shown string) ([]byte, error) {
	f, err := os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return readRegular(f, shown)
}

// ReadLimited reads r (standard input) to its end, refusing more than
// [MaxFileSize] bytes. shown names it in errors.
func ReadLimited(r io.Reader, shown string) ([]byte, error) {
	return readLimited(r, shown, 512)
}

// readLimited is ReadLimited into a buffer of size bytes to start with, so
// a file whose size is known is read without growing and copying the
// buffer (io.ReadAll's doubling costs a third of an edit on a 35 MB
// alignment).
func readLimited(r io.Reader, shown string, size int64) ([]byte, error) {
	buf := bytes.NewBuffer(make([]byte, 0, min(size, MaxFileSize)+1))
	_, err := buf.ReadFrom(io.LimitReader(r, MaxFileSize+1))
	data := buf.Bytes()
	if err != nil {
		return nil, err
	}
	if len(data) > MaxFileSize {
		return nil, &ReadError{Path: shown, Code: CodeReadTooLarge, Limit: MaxFileSize >> 20}
	}
	return data, nil
}

func readRegular(f *os.File, shown string) ([]byte, error) {
	st, err := checkRegular(f, shown)
	if err != nil {
		return nil, err
	}
	return readChecked(f, st, shown)
}

// OpenRegular opens for reading a file a person named on the command
// line, with the checks of [ReadRegular] (a regular file of at most
// [MaxFileSize] bytes), for a command that reads it as a stream rather
// than whole. The caller closes it, and must still stop reading at
// MaxFileSize: the file may grow.
func OpenRegular(path, shown string) (*os.File, error) {
	f, err := os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil, err
	}
	if _, err := checkRegular(f, shown); err != nil {
		f.Close()
		return nil, err
	}
	return f, nil
}

// checkRegular refuses an opened file that is not a regular file or is
// larger than MaxFileSize.
func checkRegular(f *os.File, shown string) (fs.FileInfo, error) {
	st, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if code := kindCode(st.Mode()); code != "" {
		return nil, &ReadError{Path: shown, Code: code}
	}
	if st.Size() > MaxFileSize {
		return nil, &ReadError{Path: shown, Code: CodeReadTooLarge, Limit: MaxFileSize >> 20}
	}
	return st, nil
}

// readChecked reads a file checkRegular accepted.
func readChecked(f *os.File, st fs.FileInfo, shown string) ([]byte, error) {
	// The file may grow while it is read: never read past the limit.
	return readLimited(f, shown, st.Size()+512)
}

// CopyLimited copies an opened file (from [OpenFileIn] or [Reader.Open])
// to w through a buffer of its own, refusing more than MaxFileSize bytes
// as ReadFile does (the file may have grown since it was checked); shown
// names it in errors.
func CopyLimited(w io.Writer, f *os.File, shown string) (int64, error) {
	buf := copyBuffers.Get().(*[]byte)
	defer copyBuffers.Put(buf)
	n, err := io.CopyBuffer(w, io.LimitReader(onlyReader{f}, MaxFileSize+1), *buf)
	if err != nil {
		return n, err
	}
	if n > MaxFileSize {
		return n, &ReadError{Path: shown, Code: CodeReadTooLarge, Limit: MaxFileSize >> 20}
	}
	return n, nil
}

var copyBuffers = sync.Pool{New: func() any { b := make([]byte, 64<<10); return &b }}

// onlyReader hides the file's WriterTo, so CopyBuffer uses the buffer.
type onlyReader struct{ r io.Reader }

func (o onlyReader) Read(p []byte) (int, error) { return o.r.Read(p) }

// kindCode is the error code of a file that is not a regular file, "" for
// a regular one.
func kindCode(m fs.FileMode) string {
	switch {
	case m.IsRegular():
		return ""
	case m.IsDir():
		return CodeReadFolder
	case m&fs.ModeNamedPipe != 0:
		return CodeReadPipe
	case m&fs.ModeDevice != 0:
		return CodeReadDevice
	}
	return CodeReadSpecial
}

// Codes of [ReadError], also its message ids.
const (
	CodeReadEscape   = "workspace.read-escape"
	CodeReadFolder   = "workspace.read-folder"
	CodeReadPipe     = "workspace.read-pipe"
	CodeReadDevice   = "workspace.read-device"
	CodeReadSpecial  = "workspace.read-special"
	CodeReadTooLarge = "workspace.read-too-large"
	CodeReadDangling = "workspace.read-dangling" // a link to a file or folder that does not exist
)

// ReadError is a file tilmash refuses to read: one that leads outside the
// workspace, is not a regular file, is too large, or is reached through a
// link whose target does not exist. It is a named type
// because callers branch on it (see [IsReadError]) and name the file as
// the person knows it (Path).
type ReadError struct {
	Path   string // as the caller named it
	Code   string // one of the CodeRead* constants, also the message id
	Target string // where a link leads: resolved for CodeReadEscape, as written for CodeReadDangling
	Link   string // for CodeReadDangling, the link when it is not Path itself (a folder above it), relative to the root read from or absolute as Path is
	Limit  int    // MiB, for CodeReadTooLarge
}

func (e *ReadError) Error() string { return e.Unwrap().Error() }

// Unwrap returns the message a person reads.
func (e *ReadError) Unwrap() error {
	id := e.Code
	if e.Code == CodeReadDangling && e.Link != "" {
		id += ".folder" // the link is a folder above the file, or one a link to it passes
	}
	return locale.NewError(id, map[string]any{"Path": e.Path, "Target": e.Target, "Link": e.Link, "Limit": e.Limit}).WithHint(e.Code + ".hint")
}

// IsReadError reports whether err is (or wraps) a *[ReadError].
func IsReadError(err error) bool {
	var re *ReadError
	return errors.As(err, &re)
}
