package workspace

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// stopFS fails every operation after the first left ones.
type stopFS struct {
	OSBatchFS
	left, done int
}

var errStop = errors.New("stopped")

func (f *stopFS) step() error {
	if f.done >= f.left {
		return errStop
	}
	f.done++
	return nil
}

func (f *stopFS) WriteTemp(dir, prefix string, data []byte, perm fs.FileMode) (string, fs.FileInfo, error) {
	if err := f.step(); err != nil {
		return "", nil, err
	}
	return f.OSBatchFS.WriteTemp(dir, prefix, data, perm)
}

func (f *stopFS) Sync(paths []string) error {
	if err := f.step(); err != nil {
		return err
	}
	return f.OSBatchFS.Sync(paths)
}

func (f *stopFS) Rename(from, to string) error {
	if err := f.step(); err != nil {
		return err
	}
	return f.OSBatchFS.Rename(from, to)
}

// TestBatch: a batch stopped at any step leaves each file old or new
// (never a mix or a part) and no temporary file; one that is not stopped
// leaves every file new, with the size and time Stage reported.
func TestBatch(t *testing.T) {
	names := []string{"a.txt", "sub/b.txt", "sub/c.txt", "d.txt"}
	for stop := 0; stop <= 2*len(names)+3; stop++ {
		t.Run(fmt.Sprint("stop=", stop), func(t *testing.T) {
			w, err := Init(filepath.Join(t.TempDir(), "ws"))
			if err != nil {
				t.Fatal(err)
			}
			for _, n := range names[:2] { // two files exist, two are new
				if err := w.WriteFile(filepath.Join("out", n), []byte("old "+n)); err != nil {
					t.Fatal(err)
				}
			}
			f := &stopFS{left: stop}
			b := w.NewBatch()
			b.FS = f
			infos := map[string]fs.FileInfo{}
			err = nil
			for _, n := range names {
				var info fs.FileInfo
				if info, err = b.Stage(filepath.Join("out", n), []byte("new "+n)); err != nil {
					b.Abort()
					break
				}
				infos[n] = info
			}
			if err == nil {
				err = b.Commit()
			}
			complete := err == nil
			if err != nil && !errors.Is(err, errStop) {
				t.Fatal(err)
			}
			filepath.WalkDir(w.Path("out"), func(p string, e fs.DirEntry, err error) error {
				if err == nil && strings.HasSuffix(p, TempSuffix) {
					t.Errorf("temporary file %s left", p)
				}
				return err
			})
			for i, n := range names {
				data, err := os.ReadFile(w.Path("out", n))
				switch {
				case errors.Is(err, fs.ErrNotExist) && i >= 2 && !complete:
				case err != nil:
					t.Errorf("%s: %v", n, err)
				case string(data) == "new "+n:
					info, _ := os.Stat(w.Path("out", n))
					if info.Size() != infos[n].Size() || !info.ModTime().Equal(infos[n].ModTime()) {
						t.Errorf("%s: size or time differ from what Stage said", n)
					}
				case string(data) == "old "+n && !complete:
				default:
					t.Errorf("%s holds %q", n, data)
				}
			}
		})
	}
}

// TestBatchEscape: a batch writes only inside the workspace.
func TestBatchEscape(t *testing.T) {
	w, err := Init(filepath.Join(t.TempDir(), "ws"))
	if err != nil {
		t.Fatal(err)
	}
	outside := t.TempDir()
	if err := os.Symlink(outside, w.Path("link")); err != nil {
		t.Fatal(err)
	}
	b := w.NewBatch()
	for _, rel := range []string{"../x", "link/x"} {
		var esc *EscapeError
		if _, err := b.Stage(rel, []byte("x")); !errors.As(err, &esc) {
			t.Errorf("%s: %v, want an EscapeError", rel, err)
		}
	}
	if err := b.Commit(); err != nil {
		t.Fatal(err)
	}
	if entries, _ := os.ReadDir(outside); len(entries) > 0 {
		t.Errorf("wrote outside: %v", entries)
	}
}
