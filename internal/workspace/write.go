package workspace

import (
	"context"
	"errors"
	"io"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/gofrs/flock"
	"github.com/tilmash/tilmash/internal/locale"
)

// LockFile is the lock that serialises writers. It lives at the root and is
// never committed (init's .gitignore lists it).
const LockFile = ".tilmash.lock"

// LocalFolder holds a workspace's derived local state, such as the
// translation memory index: rebuilt from the documents, never committed
// (init's .gitignore lists it).
const LocalFolder = ".tilmash"

// WriteFile atomically replaces rel (a path relative to the root) with data:
// the bytes go to a temporary file in the same folder, are synced, and the
// file is renamed over the old one. A crash at any point leaves either the
// old file or the new one, never a mix.
//
// rel must stay inside the workspace, also after symbolic links are
// followed: a cloned workspace may carry a link such as documents/x ->
// /etc, and writing through it would leave the workspace. (A link at the
// file itself is replaced, not followed, by the rename.)
func (w *Workspace) WriteFile(rel string, data []byte) error {
	if !filepath.IsLocal(rel) {
		return &EscapeError{Path: rel}
	}
	path := w.Path(rel)
	if !Inside(w.Root, filepath.Dir(path)) {
		return &EscapeError{Path: rel}
	}
	if err := w.CheckWritable(rel); err != nil {
		return err
	}
	if err := WriteFileAtomic(path, data); err != nil {
		return WriteFailed(rel, err)
	}
	return nil
}

// CheckWritable refuses a file of the workspace that no one may write
// (no write bit: chmod a-w, how a person protects a file, or how
// Perforce hands files out): the rename of an atomic write would replace
// it all the same, behind its owner's back. A file that does not exist yet
// may be written. Journaled changes check every file first, so that a
// refusal writes nothing.
func (w *Workspace) CheckWritable(rel string) error {
	st, err := os.Lstat(w.Path(rel))
	if err != nil || !st.Mode().IsRegular() || st.Mode().Perm()&0o222 != 0 {
		return nil
	}
	id := "workspace.write-failed.read-only-file"
	return locale.NewError(id, map[string]any{"Path": rel}).WithHint(id + ".hint")
}

// WriteFailed is the error for a file at path (as the user knows it:
// relative to the workspace, or as given with -o) that the system would
// not let tilmash write: the usual causes (no permission, a read-only or
// full disk, a file where a folder should be) in the user's language with
// what to do, any other with the system's words. err stays in the chain.
func WriteFailed(path string, err error) error {
	var le *locale.Error
	if errors.As(err, &le) {
		return err // already told (a path out of the workspace)
	}
	id := "workspace.write-failed"
	switch {
	case errors.Is(err, syscall.EACCES) || errors.Is(err, syscall.EPERM):
		id += ".permission"
	case errors.Is(err, syscall.EROFS):
		id += ".read-only"
	case errors.Is(err, syscall.ENOSPC) || errors.Is(err, syscall.EDQUOT):
		id += ".full"
	case errors.Is(err, syscall.ENOTDIR):
		id += ".not-folder"
	}
	reason := err
	var pe *fs.PathError
	if errors.As(err, &pe) {
		reason = pe.Err // the system's words without the temporary file's name
	}
	var le2 *os.LinkError
	if errors.As(err, &le2) {
		reason = le2.Err
	}
	return locale.NewError(id, map[string]any{"Path": path, "Err": reason.Error()}).WithHint(id + ".hint").Wrap(err)
}

// EscapeError is returned by WriteFile for a path that leaves the
// workspace, directly or through a symbolic link. It is a named type
// because glossary import branches on it.
type EscapeError struct{ Path string }

func (e *EscapeError) Error() string { return e.Unwrap().Error() }

// Unwrap returns the message a person reads.
func (e *EscapeError) Unwrap() error {
	return locale.NewError("workspace.escape", map[string]any{"Path": e.Path}).WithHint("workspace.escape.hint")
}

// Inside reports whether path, with symbolic links resolved in the part of
// it that exists, lies inside root (also resolved).
//
// Most paths asked about are written under root and pass no link below
// it: such a path is inside root wherever root's own links lead, and
// lstat on each part below root, down to the first that does not exist,
// tells so without resolving root and path from the top (which cost
// every read of a missing file and every write a dozen system calls,
// a tenth of the command-line tests' time). A link below root, or a
// path not written under root, is resolved whole.
func Inside(root, path string) bool {
	return linkFree(root, path) || insideResolved(root, path)
}

// insideResolved is Inside with root and path resolved whole.
func insideResolved(root, path string) bool {
	r, err := filepath.Rel(realPath(root), realPath(path))
	return err == nil && (r == "." || filepath.IsLocal(r))
}

// linkFree reports whether path is written under root (no "..") and none
// of its parts below root that exist is a symbolic link.
func linkFree(root, path string) bool {
	root, path = filepath.Clean(root), filepath.Clean(path)
	rel, err := filepath.Rel(root, path)
	if err != nil || (rel != "." && !filepath.IsLocal(rel)) {
		return false
	}
	if rel == "." {
		return true
	}
	cur := root
	for part := range strings.SplitSeq(rel, string(filepath.Separator)) {
		cur = filepath.Join(cur, part)
		st, err := os.Lstat(cur)
		if err != nil {
			return true // nor do the parts below it: nothing more to resolve
		}
		if st.Mode()&fs.ModeSymlink != 0 {
			return false
		}
	}
	return true
}

// realPath resolves symbolic links in the longest part of p that exists.
// A part that lstat does not find cannot be resolved either: it is
// passed over without resolving it, which walks every folder from the top
// (a file not written yet, the usual case, cost two walks).
func realPath(p string) string {
	rest := ""
	for cur := filepath.Clean(p); ; {
		if _, err := os.Lstat(cur); err == nil {
			if r, err := filepath.EvalSymlinks(cur); err == nil {
				return filepath.Join(r, rest)
			}
		}
		parent := filepath.Dir(cur)
		if parent == cur {
			return p
		}
		rest = filepath.Join(filepath.Base(cur), rest)
		cur = parent
	}
}

// WriteFileAtomic is WriteFile for an absolute path; the folder is created
// if needed. The temporary file is named .NAME.RANDOM.tilmash-tmp (see
// TempSuffix), so that init's .gitignore keeps one a crash leaves out of
// git, and the next writer removes it (CleanTemp).
//
// The file keeps the permissions of the file it replaces (an article kept
// 0640 stays readable by its group only); a new file gets 0666 less the
// umask, as any program's file does.
func WriteFileAtomic(path string, data []byte) error {
	if st, err := os.Lstat(path); err == nil && st.Mode().IsRegular() {
		return writeAtomic(path, data, st.Mode().Perm(), true)
	}
	return writeAtomic(path, data, 0o666, false)
}

// WriteFileAtomicMode is [WriteFileAtomic] with the file's permissions, for
// a writer that keeps those of the file it replaces.
func WriteFileAtomicMode(path string, data []byte, perm fs.FileMode) error {
	return writeAtomic(path, data, perm, true)
}

// writeAtomic writes data to a new temporary file beside path and renames
// it over path. The temporary file is created with perm less the umask;
// exact sets perm as it is (the mode of the file replaced, which the umask
// must not narrow).
func writeAtomic(path string, data []byte, perm fs.FileMode, exact bool) (err error) {
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	f, err := createTemp(dir, "."+filepath.Base(path)+".", perm)
	if err != nil {
		return err
	}
	// The temporary file goes on an error, and on a panic between its
	// creation and the rename too: the writer's unlock then runs as the
	// stack unwinds and marks the lock released (Lock), so no later writer
	// would look for it.
	renamed := false
	defer func() {
		if err != nil || !renamed {
			f.Close()
			os.Remove(f.Name())
		}
	}()
	if _, err := f.Write(data); err != nil {
		return err
	}
	if exact {
		if err := f.Chmod(perm); err != nil {
			return err
		}
	}
	if err := f.Sync(); err != nil {
		return err
	}
	if beforeReplace != nil {
		beforeReplace(path)
	}
	if err := f.Close(); err != nil {
		return err
	}
	if err := os.Rename(f.Name(), path); err != nil {
		return err
	}
	renamed = true
	return nil
}

// createTemp creates a new file in dir named prefix, a random number and
// TempSuffix, with perm less the umask (os.CreateTemp would make it 0600,
// and a chmod after it would ignore the umask).
func createTemp(dir, prefix string, perm fs.FileMode) (*os.File, error) {
	for try := 0; ; try++ {
		name := filepath.Join(dir, prefix+strconv.FormatUint(uint64(rand.Uint32()), 10)+TempSuffix)
		f, err := os.OpenFile(name, os.O_RDWR|os.O_CREATE|os.O_EXCL, perm)
		if errors.Is(err, fs.ErrExist) && try < 10000 {
			continue
		}
		return f, err
	}
}

// TempSuffix ends the name of every temporary file tilmash writes.
const TempSuffix = ".tilmash-tmp"

// CleanTemp removes the temporary files a killed writer left in the
// workspace's own folders: the root, the glossary folder, each document's
// folder and its journal. Only a writer holding the lock may call it (no
// other writer can be halfway through a file then); Lock does when the
// writer before it was killed.
func (w *Workspace) CleanTemp() {
	dirs := []string{w.Root, w.Path(w.Config.Glossary)}
	if docs, err := os.ReadDir(w.Path("documents")); err == nil {
		for _, d := range docs {
			if d.IsDir() {
				dirs = append(dirs, w.Path("documents", d.Name()), w.Path("documents", d.Name(), "journal"))
			}
		}
	}
	for _, dir := range dirs {
		entries, err := os.ReadDir(dir)
		if err != nil {
			continue
		}
		for _, e := range entries {
			if e.Type().IsRegular() && strings.HasPrefix(e.Name(), ".") && strings.HasSuffix(e.Name(), TempSuffix) {
				_ = os.Remove(filepath.Join(dir, e.Name()))
			}
		}
	}
}

// beforeReplace, set only by tests, runs when the new content has been
// written to the temporary file and before it replaces the old file: the
// moment a crash test kills the writer.
var beforeReplace func(path string)

// locked is the error of Lock when another tilmash process holds the
// workspace lock file for longer than the caller was willing to wait. It
// names the holder (Command, PID, Since) when the lock file describes it.
func locked(file string, wait time.Duration) error {
	data := map[string]any{"File": file, "Wait": wait.String()}
	if h, ok := readHolder(file); ok {
		data["Command"], data["PID"], data["Since"] = h.command, h.pid, h.since.Local().Format("2006-01-02 15:04:05 MST")
	}
	return locale.NewError("workspace.locked", data).WithHint("workspace.locked.hint")
}

// holder is what the writer holding the lock wrote into the lock file.
type holder struct {
	pid     int
	since   time.Time
	command string
}

// maxHolder bounds how much of the lock file is read.
const maxHolder = 4096

// writeHolder writes this process's pid, the time and its command line
// into the lock file at path, which it holds. It writes in place (a
// rename would put a new file beside the locked one); it is only a
// description, so a failure is not an error: the flock is the lock. It
// reports whether the description was written (Lock cleans the
// temporary files every time when it cannot be).
func writeHolder(path string) bool {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_TRUNC, 0)
	if err != nil {
		return false
	}
	defer f.Close()
	args := make([]string, len(os.Args))
	for i, a := range os.Args {
		if i == 0 {
			a = filepath.Base(a)
		}
		if a == "" || strings.ContainsAny(a, " \t\n\"'\\") {
			a = strconv.Quote(a)
		}
		args[i] = a
	}
	cmd := strings.Join(args, " ")
	if len(cmd) > maxHolder/2 {
		cmd = cmd[:maxHolder/2] + "…"
	}
	_, err = f.WriteString("pid: " + strconv.Itoa(os.Getpid()) + "\nstarted: " + time.Now().UTC().Format(time.RFC3339) + "\ncommand: " + cmd + "\n")
	return err == nil
}

// readHolder reads the description of the lock's holder from the lock
// file at path; ok is false when it holds none (an empty file, one left
// by a tilmash without descriptions, or half-written). Control characters
// of the command line are replaced, so the file cannot drive a terminal.
func readHolder(path string) (h holder, ok bool) {
	f, err := os.Open(path)
	if err != nil {
		return h, false
	}
	defer f.Close()
	buf := make([]byte, maxHolder)
	n, _ := io.ReadFull(f, buf)
	for _, line := range strings.Split(string(buf[:n]), "\n") {
		k, v, _ := strings.Cut(line, ": ")
		switch k {
		case "pid":
			h.pid, _ = strconv.Atoi(v)
		case "started":
			h.since, _ = time.Parse(time.RFC3339, v)
		case "command":
			h.command = strings.Map(func(r rune) rune {
				if unicode.IsControl(r) || r == utf8.RuneError {
					return '\uFFFD'
				}
				return r
			}, strings.ToValidUTF8(v, "\uFFFD"))
		}
	}
	return h, h.pid > 0 && !h.since.IsZero() && h.command != ""
}

// Lock takes the exclusive workspace lock, waiting up to wait for another
// writer to finish. The lock is an flock(2) on .tilmash.lock, so it is
// released by the kernel if the holder crashes: a killed process never
// leaves the workspace locked. Call the returned function to unlock.
//
// A wait of zero (or less) means one try and no waiting: the lock is taken
// if it is free. (flock's TryLockContext gives up on an expired context
// before its first try, so it cannot be used for that.)
func (w *Workspace) Lock(wait time.Duration) (unlock func(), err error) {
	path := w.Path(LockFile)
	if st, err := os.Lstat(path); err == nil && st.Mode()&fs.ModeSymlink != 0 { // flock would create its target
		return nil, &EscapeError{Path: LockFile}
	}
	fl := flock.New(path)
	ok, err := fl.TryLock()
	if err != nil {
		return nil, err
	}
	if !ok && wait > 0 {
		ctx, cancel := context.WithTimeout(context.Background(), wait)
		defer cancel()
		ok, err = fl.TryLockContext(ctx, 50*time.Millisecond)
		if err != nil && !errors.Is(err, context.DeadlineExceeded) {
			return nil, err
		}
	}
	if !ok {
		return nil, locked(path, wait)
	}
	// A writer that finished wrote released in the lock file (below),
	// and a writer only leaves temporary files when it is killed: then
	// its description is still in the file, and the folders are cleaned.
	// So they are when the file is empty: a new lock file, or one an older
	// tilmash left, which wrote no description and could have been
	// killed. A released lock file spares every write command reading
	// every document's folder (4,000 folders in a workspace of 2,000
	// documents).
	clean := releasedBefore(path)
	if !writeHolder(path) || !clean {
		w.CleanTemp()
	}
	return func() {
		_ = os.WriteFile(path, []byte(released), 0) // the description goes before the lock
		_ = fl.Unlock()
	}, nil
}

// released is what the lock file holds after a writer let go of the lock
// (see Lock).
const released = "released\n"

// releasedBefore says whether the lock file at path says the writer before
// let go of the lock.
func releasedBefore(path string) bool {
	f, err := os.Open(path)
	if err != nil {
		return false
	}
	defer f.Close()
	buf := make([]byte, len(released)+1)
	n, _ := io.ReadFull(f, buf)
	return string(buf[:n]) == released
}
