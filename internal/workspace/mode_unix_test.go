//go:build unix

package workspace_test

import (
	"io/fs"
	"os"
	"syscall"
	"testing"

	"github.com/tilmash/tilmash/internal/locale"
	"github.com/tilmash/tilmash/internal/workspace"
)

func mode(t *testing.T, path string) fs.FileMode {
	t.Helper()
	st, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	return st.Mode().Perm()
}

// TestWriteFileKeepsMode: replacing a file keeps its permissions. An
// embargoed article kept 0640 (its group only) must not become readable
// by everyone because tilmash corrected a sentence in it.
func TestWriteFileKeepsMode(t *testing.T) {
	ws, err := workspace.Init(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	for _, perm := range []fs.FileMode{0o640, 0o600, 0o664} {
		p := ws.Path("documents", "a", "kk.txt")
		if err := ws.WriteFile("documents/a/kk.txt", []byte("old")); err != nil {
			t.Fatal(err)
		}
		if err := os.Chmod(p, perm); err != nil {
			t.Fatal(err)
		}
		if err := ws.WriteFile("documents/a/kk.txt", []byte("new")); err != nil {
			t.Fatal(err)
		}
		if got := mode(t, p); got != perm {
			t.Errorf("replacing a %v file left it %v", perm, got)
		}
	}
}

// TestWriteFileHonoursUmask: a new file gets the permissions the user's
// umask allows, as any program's do (0600 under umask 077), not 0644.
// (Not parallel: the umask is the process's.)
func TestWriteFileHonoursUmask(t *testing.T) {
	ws, err := workspace.Init(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	old := syscall.Umask(0o077)
	err = ws.WriteFile("documents/a/en.txt", []byte("x"))
	syscall.Umask(old)
	if err != nil {
		t.Fatal(err)
	}
	if got := mode(t, ws.Path("documents", "a", "en.txt")); got != 0o600 {
		t.Errorf("a new file under umask 077 is %v, want -rw-------", got)
	}
}

// TestWriteFileRefusesReadOnly: a file no one may write (chmod a-w, how a
// person protects it, or how Perforce checks files out) is not replaced
// behind its back: a clear error, the file as it was.
func TestWriteFileRefusesReadOnly(t *testing.T) {
	ws, err := workspace.Init(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	p := ws.Path("documents", "a", "kk.txt")
	if err := ws.WriteFile("documents/a/kk.txt", []byte("old")); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(p, 0o444); err != nil {
		t.Fatal(err)
	}
	err = ws.WriteFile("documents/a/kk.txt", []byte("new"))
	if locale.ID(err) != "workspace.write-failed.read-only-file" || err.Error() != "cannot write documents/a/kk.txt: the file is read-only" {
		t.Errorf("got %v (%s)", err, locale.ID(err))
	}
	if data, _ := os.ReadFile(p); string(data) != "old" || mode(t, p) != 0o444 {
		t.Errorf("the read-only file was changed: %q %v", data, mode(t, p))
	}
	if err := ws.CheckWritable("documents/a/kk.txt"); locale.ID(err) != "workspace.write-failed.read-only-file" {
		t.Errorf("CheckWritable: %v", err)
	}
	if err := ws.CheckWritable("documents/a/new.txt"); err != nil {
		t.Errorf("CheckWritable of a new file: %v", err)
	}
}
