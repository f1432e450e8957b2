package workspace

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/gofrs/flock"
	"github.com/google/renameio/v2"
)

// LockFile is the lock that serialises writers. It lives at the root and is
// never committed (init's .gitignore lists it).
const LockFile = ".tilmash.lock"

// WriteFile atomically replaces rel (a path relative to the root) with data:
// the bytes go to a temporary file in the same folder, are synced, and the
// file is renamed over the old one. A crash at any point leaves either the
// old file or the new one, never a mix. rel must stay inside the workspace.
func (w *Workspace) WriteFile(rel string, data []byte) error {
	if !filepath.IsLocal(rel) {
		return fmt.Errorf("refusing to write %q: outside the workspace", rel)
	}
	return WriteFileAtomic(w.Path(rel), data)
}

// WriteFileAtomic is WriteFile for an absolute path; the folder is created
// if needed.
func WriteFileAtomic(path string, data []byte) error {
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	return renameio.WriteFile(path, data, 0o644, renameio.WithTempDir(dir))
}

// LockedError is returned by Lock when another tilmash process holds the
// workspace lock for longer than the caller was willing to wait.
type LockedError struct {
	File string
	Wait time.Duration
}

func (e *LockedError) Error() string {
	return fmt.Sprintf("the workspace is locked by another tilmash process (%s); waited %s", e.File, e.Wait)
}

// MessageID names the localized message for e.
func (e *LockedError) MessageID() string { return "workspace.locked" }

// TemplateData gives the values of the localized message.
func (e *LockedError) TemplateData() map[string]any {
	return map[string]any{"File": e.File, "Wait": e.Wait.String()}
}

// Hint suggests a fix.
func (e *LockedError) Hint() string { return "workspace.locked.hint" }

// Lock takes the exclusive workspace lock, waiting up to wait for another
// writer to finish. The lock is an flock(2) on .tilmash.lock, so it is
// released by the kernel if the holder crashes: a killed process never
// leaves the workspace locked. Call the returned function to unlock.
func (w *Workspace) Lock(wait time.Duration) (unlock func(), err error) {
	path := w.Path(LockFile)
	fl := flock.New(path)
	ctx, cancel := context.WithTimeout(context.Background(), wait)
	defer cancel()
	ok, err := fl.TryLockContext(ctx, 50*time.Millisecond)
	if err != nil && !errors.Is(err, context.DeadlineExceeded) {
		return nil, err
	}
	if !ok {
		return nil, &LockedError{File: path, Wait: wait}
	}
	return func() { _ = fl.Unlock() }, nil
}
