package workspace

import (
	"io"
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

// TestOpenBeneath: openBeneath opens in one call what os.Root opens,
// links that stay inside followed, and declines every path os.Root
// refuses (a link out of root, absolute or relative, a dangling link, a
// missing file), leaving those to os.Root's way, which says why. A
// folder and a pipe it opens (without blocking) for checkRegular to
// refuse, as os.Root does.
func TestOpenBeneath(t *testing.T) {
	root, outside := t.TempDir(), t.TempDir()
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(os.WriteFile(filepath.Join(outside, "secret"), []byte("password"), 0o644))
	must(os.MkdirAll(filepath.Join(root, "documents/a"), 0o755))
	must(os.MkdirAll(filepath.Join(root, "documents/b"), 0o755))
	must(os.WriteFile(filepath.Join(root, "documents/a/ru.txt"), []byte("Привет."), 0o644))
	must(os.Symlink("../a/ru.txt", filepath.Join(root, "documents/b/ru.txt")))
	must(os.Symlink("a", filepath.Join(root, "documents/d")))
	must(os.Symlink(filepath.Join(root, "documents/a/ru.txt"), filepath.Join(root, "documents/b/abs.txt")))
	must(os.Symlink("../../../"+filepath.Base(outside)+"/secret", filepath.Join(root, "documents/a/up.txt")))
	must(os.Symlink(filepath.Join(outside, "secret"), filepath.Join(root, "documents/a/out.txt")))
	must(os.Symlink(outside, filepath.Join(root, "documents/c")))
	must(os.Symlink("gone.txt", filepath.Join(root, "documents/a/dangling.txt")))
	must(syscall.Mkfifo(filepath.Join(root, "documents/a/fifo"), 0o644))

	r, err := os.OpenRoot(root)
	must(err)
	defer r.Close()
	for _, tt := range []struct {
		rel  string
		open bool // openBeneath opens it
	}{
		{"documents/a/ru.txt", true},
		{"documents/b/ru.txt", true}, // a relative link that stays inside
		{"documents/d/ru.txt", true}, // through a linked folder inside
		{"documents/a", true},        // a folder: checkRegular refuses it
		{"documents/a/fifo", true},   // a pipe, opened without blocking: refused too
		{"documents/b/abs.txt", false},
		{"documents/a/up.txt", false},
		{"documents/a/out.txt", false},
		{"documents/c/secret", false},
		{"documents/a/dangling.txt", false},
		{"documents/a/none.txt", false},
	} {
		f, ok := openBeneath(root, tt.rel)
		if ok != tt.open {
			t.Errorf("%s: opened %v, want %v", tt.rel, ok, tt.open)
		}
		if !ok {
			continue
		}
		want, err := r.OpenFile(tt.rel, os.O_RDONLY|syscall.O_NONBLOCK, 0)
		if err != nil {
			t.Errorf("%s: openBeneath opened what os.Root refuses: %v", tt.rel, err)
			f.Close()
			continue
		}
		got, wst := stat(t, f), stat(t, want)
		if !os.SameFile(got, wst) {
			t.Errorf("%s: opened %v, os.Root %v", tt.rel, got, wst)
		}
		if f.Name() != want.Name() {
			t.Errorf("%s: named %q, os.Root %q", tt.rel, f.Name(), want.Name())
		}
		if got.Mode().IsRegular() {
			data, err := io.ReadAll(f)
			if err != nil || string(data) != "Привет." {
				t.Errorf("%s: read %q, %v", tt.rel, data, err)
			}
		}
		f.Close()
		want.Close()
	}
}

func stat(t *testing.T, f *os.File) os.FileInfo {
	t.Helper()
	st, err := f.Stat()
	if err != nil {
		t.Fatal(err)
	}
	return st
}
